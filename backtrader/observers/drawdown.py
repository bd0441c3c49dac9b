"""Observers of the drawdown (in percent and in bars)."""
from __future__ import annotations

from ..analyzers.drawdown import DrawDown as _DrawDownAnalyzer
from ..observer import Observer

__all__ = ['DrawDown', 'DrawDownLength', 'DrawDown_Old']


class DrawDown(Observer):
    """Current and maximum drawdown in percent, from a DrawDown analyzer.

    Params:
      - ``fund`` (default: None): use the fund value (True) or the portfolio
        value (False); None follows the broker's fund mode
    """

    _stclock = True

    params = (('fund', None),)

    lines = ('drawdown', 'maxdrawdown')

    plotinfo = dict(plot=True, subplot=True)
    plotlines = dict(maxdrawdown=dict(_plotskip=True))

    def __init__(self) -> None:
        kwargs = self.p._getkwargs()
        self._dd = self._owner._addanalyzer_slave(_DrawDownAnalyzer, **kwargs)

    def next(self) -> None:
        rets = self._dd.rets
        self.lines.drawdown[0] = rets.drawdown
        self.lines.maxdrawdown[0] = rets.max.drawdown


class DrawDownLength(Observer):
    """Current and maximum drawdown length in bars, from a DrawDown
    analyzer."""

    _stclock = True

    lines = ('len', 'maxlen')

    plotinfo = dict(plot=True, subplot=True)
    # 'maxlength' (not a line) is what 1.9 declares: maxlen is plotted
    plotlines = dict(maxlength=dict(_plotskip=True))

    def __init__(self) -> None:
        self._dd = self._owner._addanalyzer_slave(_DrawDownAnalyzer)

    def next(self) -> None:
        rets = self._dd.rets
        self.lines.len[0] = rets.len
        self.lines.maxlen[0] = rets.max.len


class DrawDown_Old(Observer):
    """Drawdown in percent computed by the observer itself from the
    portfolio value (the original implementation)."""

    _stclock = True

    lines = ('drawdown', 'maxdrawdown')

    plotinfo = dict(plot=True, subplot=True)
    plotlines = dict(maxdrawdown=dict(_plotskip='True'))

    def __init__(self) -> None:
        self.maxdd = 0.0
        self.peak = float('-inf')

    def next(self) -> None:
        value = self._owner.broker.getvalue()
        if value > self.peak:
            self.peak = value
        self.lines.drawdown[0] = dd = 100.0 * (self.peak - value) / self.peak
        self.maxdd = max(self.maxdd, dd)
        self.lines.maxdrawdown[0] = self.maxdd
