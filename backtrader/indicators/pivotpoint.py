"""Pivot points (classic, Fibonacci and Demark) computed on the bars of a
larger timeframe, usually a resampled copy of the data."""
from __future__ import annotations

from ..functions import CmpEx
from ..indicator import Indicator
from ..lineiterator import LinesCoupler

__all__ = ['PivotPoint', 'FibonacciPivotPoint', 'DemarkPivotPoint']


class _PivotBase(Indicator):
    """Common params and the automatic plotting on the smaller timeframe:
    with ``_autoplot`` the indicator itself is not plotted and a coupler
    repeating its lines on the strategy's clock is (owned by the strategy,
    created before the indicator registers)."""
    params = (('open', False), ('close', False), ('_autoplot', True))
    plotinfo = dict(subplot=False)

    def _pivot(self):
        """The pivot line: (h + l + c) / 3, or with ``close`` the close
        counted twice, or with ``open`` the open added (over 4)."""
        data = self.data
        if self.p.close:
            return (data.high + data.low + 2.0 * data.close) / 4.0
        if self.p.open:
            return (data.high + data.low + data.close + data.open) / 4.0
        return (data.high + data.low + data.close) / 3.0

    def __init__(self):
        super().__init__()
        if self.p._autoplot:
            self.plotinfo.plot = False
            LinesCoupler(self, _ownerskip=self)


class PivotPoint(_PivotBase):
    """Classic pivot point with two supports and two resistances, from the
    previous (completed) bar of the data, e.g. last month's.

    Use it on a resampled data::

        cerebro.adddata(data)
        cerebro.resampledata(data, timeframe=bt.TimeFrame.Months)
        # in the strategy's __init__
        pivot = bt.ind.PivotPoint(self.data1)

    Formula:
      - p = (high + low + close) / 3.0 (see params open/close)
      - s1 = 2.0 * p - high, r1 = 2.0 * p - low
      - s2 = p - (high - low), r2 = p + (high - low)

    Params:
      - open (False): include the open, p = (h + l + c + o) / 4
      - close (False): count the close twice, p = (h + l + 2 * c) / 4
      - _autoplot (True): plot on the strategy's (smaller) timeframe
    """
    lines = ('p', 's1', 's2', 'r1', 'r2')

    def __init__(self):
        data = self.data
        self.lines.p = p = self._pivot()
        self.lines.s1 = 2.0 * p - data.high
        self.lines.r1 = 2.0 * p - data.low
        self.lines.s2 = p - (data.high - data.low)
        self.lines.r2 = p + (data.high - data.low)
        super().__init__()


class FibonacciPivotPoint(_PivotBase):
    """Pivot point with supports and resistances at Fibonacci fractions of
    the previous bar's range.

    Formula:
      - p as in PivotPoint
      - sN = p - levelN * (high - low), rN = p + levelN * (high - low)

    Params: as PivotPoint, plus level1 (0.382), level2 (0.618), level3 (1.0)
    """
    lines = ('p', 's1', 's2', 's3', 'r1', 'r2', 'r3')
    params = (('level1', 0.382), ('level2', 0.618), ('level3', 1.0))

    def __init__(self):
        data = self.data
        self.lines.p = p = self._pivot()
        hl = data.high - data.low
        self.lines.s1 = p - self.p.level1 * hl
        self.lines.s2 = p - self.p.level2 * hl
        self.lines.s3 = p - self.p.level3 * hl
        self.lines.r1 = p + self.p.level1 * hl
        self.lines.r2 = p + self.p.level2 * hl
        self.lines.r3 = p + self.p.level3 * hl
        super().__init__()


class DemarkPivotPoint(_PivotBase):
    """Tom Demark's pivot point: the weight of the bar's parts depends on
    whether it closed up or down.

    Formula:
      - x = high + 2 * low + close if close < open,
        2 * high + low + close if close > open,
        high + low + 2 * close if they are equal
      - p = x / 4.0, s1 = x / 2.0 - high, r1 = x / 2.0 - low

    Params: as FibonacciPivotPoint (open, close and the levels unused)
    """
    lines = ('p', 's1', 'r1')
    params = (('level1', 0.382), ('level2', 0.618), ('level3', 1.0))

    def __init__(self):
        data = self.data
        x1 = data.high + 2.0 * data.low + data.close
        x2 = data.high + data.low + 2.0 * data.close
        x3 = 2.0 * data.high + data.low + data.close
        x = CmpEx(data.close, data.open, x1, x2, x3)
        self.lines.p = x / 4.0
        self.lines.s1 = x / 2.0 - data.high
        self.lines.r1 = x / 2.0 - data.low
        super().__init__()
