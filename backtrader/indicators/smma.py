"""Smoothed (Wilder's, modified) moving average."""
from __future__ import annotations

from .basicops import _Smoothing
from .mabase import MovingAverageBase

__all__ = ['SmoothedMovingAverage', 'SMMA', 'WilderMA', 'MovingAverageSmoothed',
           'MovingAverageWilder', 'ModifiedMovingAverage']


class SmoothedMovingAverage(_Smoothing, MovingAverageBase):
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
        self.addminperiod(period)
        self._alpha = 1.0 / period
        self._alpha1 = 1.0 - self._alpha
        super().__init__()
