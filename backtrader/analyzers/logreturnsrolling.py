"""Rolling logarithmic returns of the portfolio (or of one data)."""
from __future__ import annotations

import collections
import math

from ..analyzer import TimeFrameAnalyzerBase
from .timereturn import broker_value, fund_mode

__all__ = ['LogReturnsRolling']


class LogReturnsRolling(TimeFrameAnalyzerBase):
    """Log return of each period over a rolling window of ``compression``
    periods: log(value now / value at the start of the window).

    Params:
      - ``timeframe`` (default: None, the first data's timeframe)
      - ``compression`` (default: None, the first data's compression): the
        window, in periods (NaN until the window is full)
      - ``data`` (default: None): use this data's close instead of the
        portfolio value
      - ``firstopen`` (default: True): with ``data``, a period starting on the
        data's first bar starts from its open price (else from its close)
      - ``fund`` (default: None): use the fund value (True) or the portfolio
        value (False); None follows the broker's fund mode

    ``get_analysis()``: OrderedDict period key -> log return.
    """

    params = (
        ('data', None),
        ('firstopen', True),
        ('fund', None),
    )

    def start(self) -> None:
        super().start()
        self._fundmode = fund_mode(self)
        window = self.compression
        self._values = collections.deque([float('nan')] * window, maxlen=window)
        if self.p.data is None:
            self._lastvalue = broker_value(self, self._fundmode)

    def notify_fund(self, cash: float, value: float, fundvalue: float,
                    shares: float) -> None:
        if self.p.data is not None:
            self._value = self.p.data[0]
        elif self._fundmode:
            self._value = fundvalue
        else:
            self._value = value

    def on_dt_over(self) -> None:
        data = self.p.data
        if data is None or len(data) > 1:
            start = self._lastvalue
        elif self.p.firstopen:
            # a data on its first bar: no previous close
            start = data.open[0]
        else:
            start = data[0]
        self._values.append(start)

    def next(self) -> None:
        super().next()
        self.rets[self.dtkey] = math.log(self._value / self._values[0])
        self._lastvalue = self._value
