"""Weighted moving average."""
from __future__ import annotations

import math
import operator

import numpy as np

from ..linebuffer import npview
from . import _kernels as K
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
        self.addminperiod(period)
        self._coef = 2.0 / (period * (period + 1.0))
        self._weights = tuple(float(w) for w in range(1, period + 1))
        super().__init__()

    def next(self):
        src = self._src
        i = src.idx
        window = src.array[i - self.p.period + 1:i + 1]
        self.line[0] = self._coef * math.fsum(map(operator.mul, window, self._weights))

    def once(self, start, end):
        if end <= start:
            return
        period = self.p.period
        x = npview(self._src)[start - period + 1:end]
        sums = K.window_fsum(x, period, np.asarray(self._weights))
        npview(self.line)[start:end] = self._coef * sums
