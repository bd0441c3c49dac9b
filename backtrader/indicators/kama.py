"""Kaufman's adaptive moving average."""
from __future__ import annotations

from ._base import bind_output
from .basicops import ExponentialSmoothingDynamic, SumN
from .mabase import MovingAverageBase

__all__ = ['AdaptiveMovingAverage', 'KAMA', 'MovingAverageAdaptive']


class AdaptiveMovingAverage(MovingAverageBase):
    """Perry Kaufman's KAMA: exponential smoothing whose factor follows the
    efficiency of the move, between a ``fast`` and a ``slow`` EMA factor.
    Trending data is followed closely, noise is smoothed away.

    Formula:
      - direction = data - data(-period)
      - volatility = SumN(abs(data - data(-1)), period)
      - er = abs(direction / volatility)   (efficiency ratio)
      - fast = 2 / (fast + 1), slow = 2 / (slow + 1)
      - sc = pow(er * (fast - slow) + slow, 2)
      - kama = kama(-1) * (1 - sc) + data * sc, seeded with the simple
        average of the first ``period`` values

    Params:
      - period (30), fast (2), slow (30)
    """
    alias = ('KAMA', 'MovingAverageAdaptive')
    lines = ('kama',)
    params = (('fast', 2), ('slow', 30))

    def __init__(self):
        period = self._checked_period()
        data = self.data
        direction = data - data(-period)
        volatility = SumN(abs(data - data(-1)), period=period)
        efficiency = abs(direction / volatility)
        fast = 2.0 / (self.p.fast + 1.0)
        slow = 2.0 / (self.p.slow + 1.0)
        factor = pow(efficiency * (fast - slow) + slow, 2)
        bind_output(self.lines.kama,
                    ExponentialSmoothingDynamic(data, period=period, alpha=factor))
        super().__init__()
