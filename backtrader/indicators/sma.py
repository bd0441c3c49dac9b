"""Simple moving average."""
from __future__ import annotations

from .basicops import _WindowMean
from .mabase import MovingAverageBase

__all__ = ['MovingAverageSimple', 'SMA', 'SimpleMovingAverage']


class MovingAverageSimple(_WindowMean, MovingAverageBase):
    """Non-weighted average of the last ``period`` values.

    Formula: sma = fsum(data[-period + 1 .. 0]) / period
    (``math.fsum``: the exactly rounded sum of the window)

    Params:
      - period (30)
    """
    alias = ('SMA', 'SimpleMovingAverage')
    lines = ('sma',)

    def __init__(self):
        self.addminperiod(self._checked_period())
        super().__init__()
