"""Percent rank of the current value in a window."""
from __future__ import annotations

from math import fsum

from .basicops import BaseApplyN

__all__ = ['PercentRank', 'PctRank']


def _percent_rank(window) -> float:
    """Fraction of the window's values below the last one."""
    current = window[-1]
    return fsum(x < current for x in window) / len(window)


_percent_rank.__name__ = '<lambda>'  # upstream's default is a lambda


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
