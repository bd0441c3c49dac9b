"""Crossings of two lines."""
from __future__ import annotations

import functools

import numpy as np

from ..indicator import Indicator
from ..linebuffer import npview
from ._base import Formula, bind_output

__all__ = ['NonZeroDifference', 'NZD', 'CrossUp', 'CrossDown', 'CrossOver']


class NonZeroDifference(Indicator):
    """``data0 - data1``, keeping the previous value while they are equal:
    tells on which side data0 last was.

    Formula: nzd = data0 - data1 if they differ, else nzd(-1)
    """
    _mindatas = 2
    alias = ('NZD',)
    lines = ('nzd',)

    def __init__(self):
        self._a, self._b = self.data0.lines[0], self.data1.lines[0]
        super().__init__()

    def qbuffer(self, savemem=0):
        super().qbuffer(savemem=savemem)
        self.line.minbuffer(2)  # next() and the crossings read nzd(-1)

    def nextstart(self):
        self.line[0] = self._a[0] - self._b[0]

    def next(self):
        diff = self._a[0] - self._b[0]
        self.line[0] = diff if diff else self.line[-1]

    def oncestart(self, start, end):
        self.line.array[start] = self._a.array[start] - self._b.array[start]

    def once(self, start, end):
        if end <= start:
            return
        dst = npview(self.line)
        diff = npview(self._a)[start - 1:end] - npview(self._b)[start - 1:end]
        diff[0] = dst[start - 1]
        # carry the last non-zero (or NaN) difference over zero differences
        pos = np.where(diff != 0.0, np.arange(len(diff)), 0)
        np.maximum.accumulate(pos, out=pos)
        dst[start:end] = diff[pos][1:]


def _cross_scalar(combine, a, b, before):
    return combine(before < 0.0 and a > b, before > 0.0 and a < b)


def _cross_vector(combine, a, b, before):
    return combine((before < 0.0) & (a > b), (before > 0.0) & (a < b))


class _Crossing:
    """Shared by the crossing indicators: their line is ``_combine(up,
    down)`` of the bar's upward/downward crossing flags (bools, or bool
    arrays in batch mode).  The functions are module level (through
    ``functools.partial``) so strategies holding crossings pickle."""
    _mindatas = 2

    @staticmethod
    def _combine(up, down):
        raise NotImplementedError

    def __init__(self):
        nzd = NonZeroDifference(self.data0, self.data1)
        combine = self._combine
        scalar = functools.partial(_cross_scalar, combine)
        vector = functools.partial(_cross_vector, combine)
        bind_output(self.lines[0], Formula(scalar, vector, self.data0, self.data1, nzd,
                                           lags=(0, 0, 1)))
        super().__init__()


class _CrossBase(_Crossing, Indicator):
    """1.0 on the bar where data0 crosses data1, else 0.0; a crossing counts
    only when data0 was on the other side before (equal values in between do
    not break it)."""
    lines = ('cross',)
    plotinfo = dict(plotymargin=0.05, plotyhlines=[0.0, 1.0])


class CrossUp(_CrossBase):
    """1.0 on the bar where data0 crosses data1 upwards, else 0.0."""

    @staticmethod
    def _combine(up, down):
        return up * 1.0


class CrossDown(_CrossBase):
    """1.0 on the bar where data0 crosses data1 downwards, else 0.0."""

    @staticmethod
    def _combine(up, down):
        return down * 1.0


class CrossOver(_Crossing, Indicator):
    """1.0 when data0 crosses data1 upwards, -1.0 downwards, else 0.0.

    A crossing counts only when data0 was on the other side before (equal
    values in between do not break it).

    Formula:
      - nzd = NonZeroDifference(data0, data1)
      - up = nzd(-1) < 0 and data0 > data1
      - down = nzd(-1) > 0 and data0 < data1
      - crossover = up - down
    """
    lines = ('crossover',)
    plotinfo = dict(plotymargin=0.05, plotyhlines=[-1.0, 1.0])

    @staticmethod
    def _combine(up, down):
        return up * 1.0 - down * 1.0
