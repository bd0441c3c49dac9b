"""Observers of the rolling log returns of the datas."""
from __future__ import annotations

from ..analyzers.logreturnsrolling import LogReturnsRolling
from ..dataseries import TimeFrame
from ..observer import Observer

__all__ = ['LogReturns', 'LogReturns2']


class LogReturns(Observer):
    """Rolling log return of the first data (see LogReturnsRolling).

    Params:
      - ``timeframe`` (default: None, the data's timeframe)
      - ``compression`` (default: None, the data's compression): the window,
        in periods
      - ``fund`` (default: None): fund mode for the analyzer
    """

    _stclock = True

    lines = ('logret1',)

    params = (
        ('timeframe', None),
        ('compression', None),
        ('fund', None),
    )

    plotinfo = dict(plot=True, subplot=True)

    def _plotlabel(self):
        return [TimeFrame.getname(self.p.timeframe, self.p.compression),
                str(self.p.compression or 1)]

    def __init__(self) -> None:
        # (1.9 names the analyzer self.logret1, which here is the line)
        self._logret1 = self._owner._addanalyzer_slave(
            LogReturnsRolling, data=self.data0, **self.p._getkwargs())

    def next(self) -> None:
        logret = self._logret1
        self.lines.logret1[0] = logret.rets[logret.dtkey]


class LogReturns2(LogReturns):
    """Rolling log returns of the first two datas."""

    lines = ('logret2',)

    def __init__(self) -> None:
        super().__init__()
        self._logret2 = self._owner._addanalyzer_slave(
            LogReturnsRolling, data=self.data1, **self.p._getkwargs())

    def next(self) -> None:
        super().next()
        logret = self._logret2
        self.lines.logret2[0] = logret.rets[logret.dtkey]
