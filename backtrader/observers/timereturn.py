"""Observer of the portfolio's return per period."""
from __future__ import annotations

from ..analyzers.timereturn import TimeReturn as _TimeReturnAnalyzer
from ..dataseries import TimeFrame
from ..observer import Observer

__all__ = ['TimeReturn']

_NAN = float('nan')


class TimeReturn(Observer):
    """Return of the current period so far (from a TimeReturn analyzer).

    Params:
      - ``timeframe`` (default: None, the first data's timeframe)
      - ``compression`` (default: None, the first data's compression)
      - ``fund`` (default: None): use the fund value (True) or the portfolio
        value (False); None follows the broker's fund mode
    """

    _stclock = True

    params = (
        ('timeframe', None),
        ('compression', None),
        ('fund', None),
    )

    lines = ('timereturn',)
    plotinfo = dict(plot=True, subplot=True)
    plotlines = dict(timereturn=dict(_name='Return'))

    def _plotlabel(self):
        return [TimeFrame.getname(self.p.timeframe, self.p.compression),
                str(self.p.compression or 1)]

    def __init__(self) -> None:
        kwargs = self.p._getkwargs()
        kwargs.pop('data', None)  # subclasses (Benchmark) follow a data
        self.treturn = self._owner._addanalyzer_slave(_TimeReturnAnalyzer,
                                                       **kwargs)

    def next(self) -> None:
        tret = self.treturn
        self.lines.timereturn[0] = tret.rets.get(tret.dtkey, _NAN)
