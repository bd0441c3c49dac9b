"""Calmar ratio: annualised log return over the maximum drawdown."""
from __future__ import annotations

import collections
import math

from ..analyzer import TimeFrameAnalyzerBase
from ..dataseries import TimeFrame
from .drawdown import TimeDrawDown
from .timereturn import broker_value, fund_mode

__all__ = ['Calmar']


class Calmar(TimeFrameAnalyzerBase):
    """Rolling Calmar ratio, computed at the start of each period (and at the
    end of the run for the last one).

    The return is the log return over the last ``period`` periods divided by
    the number of values in the window; the drawdown is the maximum drawdown
    so far (from a TimeDrawDown child on the same timeframe).  NaN until the
    window is full.

    Params:
      - ``timeframe`` (default: TimeFrame.Months), ``compression`` (default:
        None, the first data's)
      - ``period`` (default: 36): the window, in periods
      - ``fund`` (default: None): use the fund value (True) or the portfolio
        value (False); None follows the broker's fund mode

    ``get_analysis()``: OrderedDict period key -> Calmar ratio.
    """

    params = (
        ('timeframe', TimeFrame.Months),
        ('compression', None),
        ('period', 36),
        ('fund', None),
    )

    def __init__(self) -> None:
        self._maxdd = TimeDrawDown(timeframe=self.p.timeframe,
                                   compression=self.p.compression)

    def start(self) -> None:
        super().start()
        self._mdd = float('-inf')
        period = self.p.period
        self._values = collections.deque([float('nan')] * period, maxlen=period)
        self._fundmode = fund_mode(self)
        self._values.append(broker_value(self, self._fundmode))

    def stop(self) -> None:
        self.on_dt_over()  # the last period, with the final value

    def on_dt_over(self) -> None:
        self._mdd = max(self._mdd, self._maxdd.maxdd)
        values = self._values
        values.append(broker_value(self, self._fundmode))
        rann = math.log(values[-1] / values[0]) / len(values)
        self.calmar = calmar = rann / (self._mdd or float('inf'))
        self.rets[self.dtkey] = calmar
