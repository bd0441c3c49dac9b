"""Indicators computed from the data now and ``period`` bars ago."""
from __future__ import annotations

import functools

from ..indicator import Indicator
from . import _kernels as K
from ._base import Formula, bind_output, checked_period

__all__ = ['_LaggedBase']


class _LaggedBase(Indicator):
    """Binds its line to ``_scalar(data, data(-period))`` (``_vector`` over
    arrays, by default ``_scalar``).  With ``_divisor`` the older value
    divides: a zero raises ZeroDivisionError in both run modes."""
    params = (('period', 1),)
    _divisor = False
    _vector = None

    @staticmethod
    def _scalar(cur: float, ago: float) -> float:
        raise NotImplementedError

    def __init__(self):
        vector = self._vector or self._scalar
        if self._divisor:
            vector = _checking_ago(vector)
        lag = checked_period(self.p.period)
        bind_output(self.lines[0], Formula(self._scalar, vector, self.data, self.data,
                                           lags=(0, lag)))
        super().__init__()


def _checked_ago(vector, cur, ago):
    K.check_divisor(ago)
    return vector(cur, ago)


def _checking_ago(vector):
    """``vector`` raising ZeroDivisionError where an older value is 0."""
    return functools.partial(_checked_ago, vector)
