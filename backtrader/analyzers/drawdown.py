"""Drawdown statistics: current and maximum, in percent, money and bars."""
from __future__ import annotations

from ..analyzer import Analyzer, TimeFrameAnalyzerBase
from ..utils.autodict import AutoOrderedDict
from .timereturn import broker_value, fund_mode

__all__ = ['DrawDown', 'TimeDrawDown']


class DrawDown(Analyzer):
    """Drawdown of the portfolio value (or fund value) bar by bar.

    Params:
      - ``fund`` (default: None): use the fund value (True) or the portfolio
        value (False); None follows the broker's fund mode

    ``get_analysis()`` (AutoOrderedDict):
      - ``len``: bars in the current drawdown
      - ``drawdown``: current drawdown in percent (0-100)
      - ``moneydown``: current drawdown in money
      - ``max.len``, ``max.drawdown``, ``max.moneydown``: their maxima
    """

    params = (
        ('fund', None),
    )

    def start(self) -> None:
        super().start()
        self._fundmode = fund_mode(self)

    def create_analysis(self) -> None:
        rets = self.rets = AutoOrderedDict()
        rets.len = 0
        rets.drawdown = 0.0
        rets.moneydown = 0.0
        rets.max.len = 0.0  # a float until the first drawdown bar (as 1.9)
        rets.max.drawdown = 0.0
        rets.max.moneydown = 0.0
        self._maxvalue = float('-inf')

    def stop(self) -> None:
        self.rets._close()

    def notify_fund(self, cash: float, value: float, fundvalue: float,
                    shares: float) -> None:
        self._value = fundvalue if self._fundmode else value
        self._maxvalue = max(self._maxvalue, self._value)

    def next(self) -> None:
        # item access: this runs on every bar (keys exist since create_analysis)
        rets = self.rets
        top = rets['max']
        rets['moneydown'] = moneydown = self._maxvalue - self._value
        rets['drawdown'] = drawdown = 100.0 * moneydown / self._maxvalue
        top['moneydown'] = max(top['moneydown'], moneydown)
        top['drawdown'] = max(top['drawdown'], drawdown)
        rets['len'] = ddlen = rets['len'] + 1 if drawdown else 0
        top['len'] = max(top['len'], ddlen)


class TimeDrawDown(TimeFrameAnalyzerBase):
    """Drawdown measured once per period (on the first bar of each period).

    Params:
      - ``timeframe``/``compression`` (default: None, the first data's)
      - ``fund`` (default: None): use the fund value (True) or the portfolio
        value (False); None follows the broker's fund mode

    ``get_analysis()``: OrderedDict with ``maxdrawdown`` (percent) and
    ``maxdrawdownperiod`` (longest drawdown, in periods).
    """

    params = (
        ('fund', None),
    )

    def start(self) -> None:
        super().start()
        self._fundmode = fund_mode(self)
        self.dd = 0.0
        self.maxdd = 0.0
        self.maxddlen = 0
        self.peak = float('-inf')
        self.ddlen = 0

    def on_dt_over(self) -> None:
        value = broker_value(self, self._fundmode)
        if value > self.peak:
            self.peak = value
            self.ddlen = 0
        self.dd = dd = 100.0 * (self.peak - value) / self.peak
        self.ddlen += bool(dd)
        self.maxdd = max(self.maxdd, dd)
        self.maxddlen = max(self.maxddlen, self.ddlen)

    def stop(self) -> None:
        self.rets['maxdrawdown'] = self.maxdd
        self.rets['maxdrawdownperiod'] = self.maxddlen
