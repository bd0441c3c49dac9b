"""Smoothed (Wilder's, modified) moving average."""
from __future__ import annotations

from ._base import bind_output
from .basicops import ExponentialSmoothing
from .mabase import MovingAverageBase

__all__ = ['SmoothedMovingAverage', 'SMMA', 'WilderMA', 'MovingAverageSmoothed',
           'MovingAverageWilder', 'ModifiedMovingAverage']


class SmoothedMovingAverage(MovingAverageBase):
    """Exponential smoothing with ``alpha = 1 / period`` (Welles Wilder),
    seeded with the simple average of the first ``period`` values.

    Formula: smma = smma(-1) * (1 - alpha) + data * alpha

    Params:
      - period (30)
    """
    alias = ('SMMA', 'WilderMA', 'MovingAverageSmoothed', 'MovingAverageWilder',
             'ModifiedMovingAverage')
    lines = ('smma',)

    def __init__(self):
        period = self._checked_period()
        alpha = 1.0 / period
        bind_output(self.lines.smma,
                    ExponentialSmoothing(self.data, period=period, alpha=alpha))
        super().__init__()
