"""Hurst exponent over a rolling window."""
from __future__ import annotations

import numpy as np

from ..linebuffer import npview
from .basicops import PeriodN

__all__ = ['HurstExponent', 'Hurst']


class HurstExponent(PeriodN):
    """Hurst exponent of the last ``period`` values: about 0.5 for a random
    walk, below for mean reversion, above for a trending series.

    For each lag in [lag_start, lag_end) the spread of the lagged
    differences is measured (square root of their standard deviation); the
    exponent is twice the slope of log(spread) against log(lag).

    Stable values need long windows (users report 2000 bars or more, with
    lags around 10 to 500); the defaults are kept for compatibility.

    Params:
      - period (40)
      - lag_start (None: 2), lag_end (None: period // 2)
    """
    alias = ('Hurst',)
    lines = ('hurst',)
    params = (('period', 40), ('lag_start', None), ('lag_end', None))

    def _plotlabel(self):
        return [self.p.period, self._lag_start, self._lag_end]

    def __init__(self):
        super().__init__()
        self._lag_start = self.p.lag_start or 2
        self._lag_end = self.p.lag_end or self.p.period // 2
        self.lags = np.asarray(range(self._lag_start, self._lag_end))
        self.log10lags = np.log10(self.lags)

    def _hurst(self, window: np.ndarray) -> float:
        tau = [np.sqrt(np.std(np.subtract(window[lag:], window[:-lag])))
               for lag in self.lags]
        poly = np.polyfit(self.log10lags, np.log10(tau), 1)
        return float(poly[0] * 2.0)

    def next(self):
        src = self._src
        end = src.idx + 1
        self.line[0] = self._hurst(npview(src)[end - self.p.period:end])

    def once(self, start, end):
        src, dst, period = npview(self._src), self.line.array, self.p.period
        for i in range(start, end):
            dst[i] = self._hurst(src[i - period + 1:i + 1])
