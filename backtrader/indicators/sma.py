"""Simple moving average."""
from __future__ import annotations

from ._base import bind_output
from .basicops import Average
from .mabase import MovingAverageBase

__all__ = ['MovingAverageSimple', 'SMA', 'SimpleMovingAverage']


class MovingAverageSimple(MovingAverageBase):
    """Non-weighted average of the last ``period`` values.

    Formula: sma = fsum(data[-period + 1 .. 0]) / period
    (``math.fsum``: the exactly rounded sum of the window)

    Params:
      - period (30)
    """
    alias = ('SMA', 'SimpleMovingAverage')
    lines = ('sma',)

    def __init__(self):
        bind_output(self.lines.sma,
                    Average(self.data, period=self._checked_period()))
        super().__init__()
