"""Total, average and annualised logarithmic returns."""
from __future__ import annotations

import math

from ..analyzer import TimeFrameAnalyzerBase
from ..dataseries import TimeFrame
from .timereturn import broker_value, fund_mode

__all__ = ['Returns']


class Returns(TimeFrameAnalyzerBase):
    """Logarithmic returns of the whole run.

    Params:
      - ``timeframe``/``compression`` (default: None, the first data's): the
        period counted for the average return
      - ``tann`` (default: None): periods per year used to annualise; None
        uses 252 (days), 52 (weeks), 12 (months) or 1 (years) from the
        timeframe, else from the data's timeframe, else 1
      - ``fund`` (default: None): use the fund value (True) or the portfolio
        value (False); None follows the broker's fund mode

    ``get_analysis()``: OrderedDict with ``rtot`` (total log return),
    ``ravg`` (average per period), ``rnorm`` (annualised, as a simple
    return) and ``rnorm100`` (the same in percent).
    """

    params = (
        ('tann', None),
        ('fund', None),
    )

    _TANN = {
        TimeFrame.Days: 252.0,
        TimeFrame.Weeks: 52.0,
        TimeFrame.Months: 12.0,
        TimeFrame.Years: 1.0,
    }

    def start(self) -> None:
        super().start()
        self._fundmode = fund_mode(self)
        self._value_start = broker_value(self, self._fundmode)
        self._tcount = 0

    def stop(self) -> None:
        super().stop()
        self._value_end = broker_value(self, self._fundmode)
        try:
            ratio = self._value_end / self._value_start
        except ZeroDivisionError:
            rtot = float('-inf')
        else:
            rtot = float("-inf") if ratio <= 0.0 else math.log(ratio)
        self.rets['rtot'] = rtot
        self.rets['ravg'] = ravg = rtot / self._tcount
        tann = self.p.tann or self._TANN.get(self.timeframe, None)
        if tann is None:
            tann = self._TANN.get(self.data._timeframe, 1.0)
        if ravg > float('-inf'):
            self.rets['rnorm'] = rnorm = math.expm1(ravg * tann)
        else:
            self.rets['rnorm'] = rnorm = ravg
        self.rets['rnorm100'] = rnorm * 100.0

    def on_dt_over(self) -> None:
        self._tcount += 1
