"""Weighted moving average."""
from __future__ import annotations

from ._base import bind_output
from .basicops import AverageWeighted
from .mabase import MovingAverageBase

__all__ = ['WeightedMovingAverage', 'WMA', 'MovingAverageWeighted']


class WeightedMovingAverage(MovingAverageBase):
    """Linearly weighted average: the newest bar weighs ``period``, the
    oldest 1.

    Formula: wma = coef * fsum(data[-period + i] * (i + 1)), i = 0..period-1,
    with coef = 2 / (period * (period + 1))

    Params:
      - period (30)
    """
    alias = ('WMA', 'MovingAverageWeighted')
    lines = ('wma',)

    def __init__(self):
        period = self._checked_period()
        coef = 2.0 / (period * (period + 1.0))
        weights = tuple(float(w) for w in range(1, period + 1))
        bind_output(self.lines.wma, AverageWeighted(self.data, period=period,
                                                    coef=coef, weights=weights))
        super().__init__()
