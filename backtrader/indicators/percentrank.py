"""Percent rank of the current value in a window."""
from __future__ import annotations

from math import fsum

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from .basicops import BaseApplyN

__all__ = ['PercentRank', 'PctRank']


def _percent_rank(window) -> float:
    """Fraction of the window's values below the last one."""
    current = window[-1]
    return fsum(x < current for x in window) / len(window)


_percent_rank.__name__ = '<lambda>'  # upstream's default is a lambda


def _percent_rank_windows(x: np.ndarray, period: int) -> np.ndarray:
    """_percent_rank of every window at once (the count of values below the
    last one is exact, so is its division)."""
    if len(x) < period:
        return np.empty(0)
    win = sliding_window_view(x, period)
    return (win < win[:, -1:]).sum(axis=1) / float(period)


class PercentRank(BaseApplyN):
    """Fraction (0..1) of the last ``period`` values that are below the
    current one.

    Params:
      - period (50)
      - func: the window -> value function (default: the percent rank)
    """
    alias = ('PctRank',)
    lines = ('pctrank',)
    params = (('period', 50), ('func', _percent_rank))

    def __init__(self):
        super().__init__()
        if self.func is _percent_rank:  # the default: vectorised in batch mode
            self._windows = _percent_rank_windows
