"""Returns of the portfolio (or of one data) per period."""
from __future__ import annotations

from typing import Any

from ..analyzer import TimeFrameAnalyzerBase

__all__ = ['TimeReturn']


def fund_mode(analyzer: Any) -> bool:
    """Whether ``analyzer`` measures the fund value: its ``fund`` param, or
    the broker's fund mode when the param is None."""
    fund = analyzer.p.fund
    if fund is None:
        return bool(analyzer.strategy.broker.fundmode)
    return bool(fund)


def broker_value(analyzer: Any, fundmode: bool) -> float:
    """The broker's portfolio value, or its fund value in fund mode."""
    broker = analyzer.strategy.broker
    return broker.fundvalue if fundmode else broker.getvalue()


class TimeReturn(TimeFrameAnalyzerBase):
    """Return of each period: value at the end over value at the end of the
    previous period, minus one.

    Params:
      - ``timeframe`` (default: None, the first data's timeframe); use
        ``TimeFrame.NoTimeFrame`` for the whole run as one period
      - ``compression`` (default: None, the first data's compression)
      - ``data`` (default: None): measure the returns of this data's close
        price instead of the portfolio value
      - ``firstopen`` (default: True): with ``data``, the first period starts
        from the open price of its first bar (otherwise from its close)
      - ``fund`` (default: None): use the fund value (True) or the portfolio
        value (False); None follows the broker's fund mode

    ``get_analysis()``: OrderedDict of period key (period end) -> return.
    """

    params = (
        ('data', None),
        ('firstopen', True),
        ('fund', None),
    )

    def start(self) -> None:
        super().start()
        self._fundmode = fund_mode(self)
        self._value_start = 0.0
        self._lastvalue = None
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
        if self.p.data is None or self._lastvalue is not None:
            self._value_start = self._lastvalue
        elif self.p.firstopen:
            # no previous close for the data's first period
            self._value_start = self.p.data.open[0]
        else:
            self._value_start = self.p.data[0]

    def next(self) -> None:
        super().next()
        self.rets[self.dtkey] = (self._value / self._value_start) - 1.0
        self._lastvalue = self._value
