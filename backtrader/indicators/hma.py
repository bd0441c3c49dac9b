"""Hull moving average (Alan Hull)."""
from __future__ import annotations

import math

from ._base import bind_output
from .mabase import MovingAverageBase
from .wma import WMA

__all__ = ['HullMovingAverage', 'HMA', 'HullMA']


class HullMovingAverage(MovingAverageBase):
    """A weighted average of a lag-compensated weighted average: responsive
    and still smooth.

    Formula:
      - raw = 2.0 * movav(data, period // 2) - movav(data, period)
      - hma = movav(raw, int(sqrt(period)))

    The first value comes after period + int(sqrt(period)) - 1 bars (34 for
    the default period of 30).

    Params:
      - period (30)
      - _movav (WMA)
    """
    alias = ('HMA', 'HullMA')
    lines = ('hma',)
    params = (('_movav', WMA),)

    def __init__(self):
        period = self._checked_period(minimum=2)
        movav = self.p._movav
        half = movav(self.data, period=period // 2)
        full = movav(self.data, period=period)
        raw = 2.0 * half - full
        bind_output(self.lines.hma, movav(raw, period=int(math.sqrt(period))))
        super().__init__()
