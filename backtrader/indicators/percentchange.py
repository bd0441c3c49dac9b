"""Percent change over a period."""
from __future__ import annotations

from ._lagged import _LaggedBase

__all__ = ['PercentChange', 'PctChange']


class PercentChange(_LaggedBase):
    """Change of the data over ``period`` bars relative to the older value.

    Formula: pctchange = data / data(-period) - 1

    Params:
      - period (30)
    """
    alias = ('PctChange',)
    lines = ('pctchange',)
    params = (('period', 30),)
    plotlines = dict(pctchange=dict(_name='%change'))
    _divisor = True

    @staticmethod
    def _scalar(cur, ago):
        return cur / ago - 1.0
