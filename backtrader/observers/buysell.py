"""Observer of executed buy and sell orders, for plotting on the data."""
from __future__ import annotations

import math

from ..observer import Observer

__all__ = ['BuySell']

_NAN = float('nan')


def _marker_style(symbol: str, color: str) -> dict:
    """Plot style of one side: an unlinked, filled marker of ``color``."""
    return dict(marker=symbol, markersize=8.0, color=color, fillstyle='full',
                ls='')


class BuySell(Observer):
    """Average execution price of the buy and sell orders of the data on
    each bar (NaN on bars without executions).

    Params:
      - ``barplot`` (default: False): put the marks below the low (buys) and
        above the high (sells) instead of at the execution price
      - ``bardist`` (default: 0.015): distance from low/high with barplot
    """

    params = (('barplot', False), ('bardist', 0.015))

    lines = ('buy', 'sell')
    plotlines = dict(buy=_marker_style('^', 'lime'),
                     sell=_marker_style('v', 'red'))
    plotinfo = dict(plot=True, subplot=False, plotlinelabels=True)

    def __init__(self) -> None:
        # executions counted in the current bar's values, per side
        self._counts = {'buy': 0, 'sell': 0}

    def next(self) -> None:
        orders = self._owner._orderspending
        if not orders:
            lines = self.lines
            buy, sell = lines.buy[0], lines.sell[0]
            if buy != buy and sell != sell:  # nothing on this bar, nothing new
                self._counts['buy'] = self._counts['sell'] = 0
                return
        buys, sells = [], []
        data = self.data
        for order in orders:
            if order.data is not data or not order.executed.size:
                continue
            if order.isbuy():
                buys.append(order.executed.price)
            else:
                sells.append(order.executed.price)
        self._mark('buy', buys, -1)
        self._mark('sell', sells, 1)

    def _mark(self, side: str, prices: list, direction: int) -> None:
        """Store the mark of one side.

        The observer is called again for every tick of a replayed bar; the
        value already on the bar is then taken as the running sum of the
        earlier executions (what backtrader 1.9 does: exact for one earlier
        execution, not for several).
        """
        line = getattr(self.lines, side)
        current = line[0]
        if current != current:  # first call on this bar
            current = 0.0
            self._counts[side] = 0
        total = current + math.fsum(prices)
        count = self._counts[side] + len(prices)
        value = total / count if count else _NAN
        if not self.p.barplot:
            line[0] = value
        elif value == value:
            if direction < 0:
                line[0] = self.data.low[0] * (1 - self.p.bardist)
            else:
                line[0] = self.data.high[0] * (1 + self.p.bardist)
        self._counts[side] = count
