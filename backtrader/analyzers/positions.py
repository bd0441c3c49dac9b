"""Value of the position in each data, bar by bar."""
from __future__ import annotations

from ..analyzer import Analyzer
from ..dataseries import TimeFrame

__all__ = ['PositionsValue']


class PositionsValue(Analyzer):
    """Value of the open position of every data on each bar.

    Params:
      - ``headers`` (default: False): add a first entry ``'Datetime'`` with
        the data names (``'cash'`` last if ``cash``)
      - ``cash`` (default: False): add the cash as a last column

    ``get_analysis()``: OrderedDict date (datetime for intraday datas) ->
    list of values, one per data.
    """

    params = (
        ('headers', False),
        ('cash', False),
    )

    def start(self) -> None:
        super().start()
        if self.p.headers:
            headers = [d._name or 'Data%d' % i for i, d in enumerate(self.datas)]
            self.rets['Datetime'] = headers + ['cash'] * self.p.cash
        timeframe = min(d._timeframe for d in self.datas)
        self._usedate = timeframe >= TimeFrame.Days

    def next(self) -> None:
        broker = self.strategy.broker
        pvals = [broker.get_value([d]) for d in self.datas]
        if self.p.cash:
            pvals.append(broker.get_cash())
        if self._usedate:
            self.rets[self.strategy.datetime.date()] = pvals
        else:
            self.rets[self.strategy.datetime.datetime()] = pvals
