"""Exponential moving average."""
from __future__ import annotations

from .basicops import _Smoothing
from .mabase import MovingAverageBase

__all__ = ['ExponentialMovingAverage', 'EMA', 'MovingAverageExponential']


class ExponentialMovingAverage(_Smoothing, MovingAverageBase):
    """Exponential smoothing with ``alpha = 2 / (1 + period)``, seeded with
    the simple average of the first ``period`` values.

    Formula: ema = ema(-1) * (1 - alpha) + data * alpha

    Params:
      - period (30)
    """
    alias = ('EMA', 'MovingAverageExponential')
    lines = ('ema',)

    def __init__(self):
        period = self._checked_period()
        self.addminperiod(period)
        self._alpha = 2.0 / (1.0 + period)
        self._alpha1 = 1.0 - self._alpha
        super().__init__()
