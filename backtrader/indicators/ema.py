"""Exponential moving average."""
from __future__ import annotations

from ._base import bind_output
from .basicops import ExponentialSmoothing
from .mabase import MovingAverageBase

__all__ = ['ExponentialMovingAverage', 'EMA', 'MovingAverageExponential']


class ExponentialMovingAverage(MovingAverageBase):
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
        alpha = 2.0 / (1.0 + period)
        # published like upstream: other averages (ZeroLagIndicator) read them
        self.alpha, self.alpha1 = alpha, 1.0 - alpha
        bind_output(self.lines.ema,
                    ExponentialSmoothing(self.data, period=period, alpha=alpha))
        super().__init__()
