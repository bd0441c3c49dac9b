"""Every execution, netted per data and bar, pyfolio style."""
from __future__ import annotations

import collections
from typing import Any

from ..analyzer import Analyzer
from ..order import Order
from ..position import Position

__all__ = ['Transactions']


class Transactions(Analyzer):
    """Net execution of each data on each bar.

    Executions of the orders notified during a bar are added up per data
    (size, average price); a data whose executions net to zero is left out.

    Params:
      - ``headers`` (default: False): add a first entry ``'date'`` with the
        column names
      - ``_pfheaders``: the column names (date, amount, price, sid, symbol,
        value)

    ``get_analysis()``: OrderedDict datetime -> list of
    ``[size, price, data index, data name, -size * price]``.
    """

    params = (
        ('headers', False),
        ('_pfheaders', ('date', 'amount', 'price', 'sid', 'symbol', 'value')),
    )

    def start(self) -> None:
        super().start()
        if self.p.headers:
            self.rets[self.p._pfheaders[0]] = [list(self.p._pfheaders[1:])]
        self._positions = collections.defaultdict(Position)
        self._idnames = list(enumerate(self.strategy.getdatanames()))

    def notify_order(self, order: Any) -> None:
        if order.status not in (Order.Partial, Order.Completed):
            return
        pos = self._positions[order.data._name]
        for exbit in order.executed.iterpending():
            if exbit is None:
                break
            pos.update(exbit.size, exbit.price)

    def next(self) -> None:
        if not self._positions:
            return
        entries = []
        for index, dname in self._idnames:
            pos = self._positions.get(dname, None)
            if pos is not None:
                size, price = pos.size, pos.price
                if size:
                    entries.append([size, price, index, dname, -size * price])
        if entries:
            self.rets[self.strategy.datetime.datetime()] = entries
        self._positions.clear()
