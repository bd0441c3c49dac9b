"""Observer comparing the strategy's returns with those of a data."""
from __future__ import annotations

from ..analyzers.timereturn import TimeReturn as _TimeReturnAnalyzer
from .timereturn import TimeReturn

__all__ = ['Benchmark']

_NAN = float('nan')


class Benchmark(TimeReturn):
    """Return per period of the strategy (``timereturn``) and of a data
    (``benchmark``), on the strategy's clock.

    Params:
      - ``timeframe``/``compression`` (default: None, the first data's)
      - ``data`` (default: None, the first data): the benchmark
      - ``_doprenext`` (default: False): also record while the strategy is
        below its minimum period
      - ``firstopen`` (default: False): the benchmark's first period starts
        from the open price of its first bar (else from its close)
      - ``fund`` (default: None): use the fund value (True) or the portfolio
        value (False); None follows the broker's fund mode
    """

    params = (('data', None), ('_doprenext', False), ('firstopen', False),
              ('fund', None))

    lines = ('benchmark',)
    plotlines = dict(benchmark=dict(_name='Benchmark'))
    _stclock = True  # runs on the strategy's clock, not the data's

    def _plotlabel(self):
        labels = super()._plotlabel()
        labels.append(self.p.data._name)
        return labels

    def __init__(self) -> None:
        if self.p.data is None:
            self.p.data = self.data0
        super().__init__()
        kwargs = self.p._getkwargs()
        self.tbench = self._owner._addanalyzer_slave(_TimeReturnAnalyzer,
                                                      **kwargs)

    def prenext(self) -> None:
        if self.p._doprenext:
            super().prenext()

    def next(self) -> None:
        super().next()
        tbench = self.tbench
        self.lines.benchmark[0] = tbench.rets.get(tbench.dtkey, _NAN)
