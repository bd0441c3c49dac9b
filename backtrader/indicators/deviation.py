"""Standard deviation and mean deviation over a window."""
from __future__ import annotations

import numpy as np

from ..indicator import Indicator
from ..linebuffer import npview
from . import _kernels as K
from ._base import Formula, bind_output, lines_minperiod
from .sma import MovingAverageSimple

__all__ = ['StandardDeviation', 'StdDev', 'MeanDeviation', 'MeanDev']


def _square(x):
    return pow(x, 2)


def _vsquare(x):
    return K.py_pow(x, 2.0)


def _absdiff(a, b):
    return abs(a - b)


def _vabsdiff(a, b):
    return np.abs(a - b)


class StandardDeviation(Indicator):
    """Standard deviation of the last ``period`` values.

    A second data, when given, is used as the mean (saving its computation).

    Formula:
      - meansquared = movav(pow(data, 2), period)
      - squaredmean = pow(mean, 2), mean = movav(data, period) or data1
      - stddev = pow(meansquared - squaredmean, 0.5)
        (of the absolute difference with ``safepow``: it may be slightly
        negative through rounding)

    Params:
      - period (20), movav (MovingAverageSimple), safepow (True)
    """
    alias = ('StdDev',)
    lines = ('stddev',)
    params = (('period', 20), ('movav', MovingAverageSimple), ('safepow', True))

    def __init__(self):
        movav, period = self.p.movav, self.p.period
        mean = self.data1 if len(self.datas) > 1 else movav(self.data, period=period)
        self._mean = mean.lines[0]
        squares = Formula(_square, _vsquare, self.data)
        self._meansq = movav(squares, period=period).lines[0]
        lines_minperiod(self, max(self._mean._minperiod, self._meansq._minperiod))
        super().__init__()

    def next(self):
        diff = self._meansq[0] - pow(self._mean[0], 2)
        self.line[0] = pow(abs(diff) if self.p.safepow else diff, 0.5)

    def once(self, start, end):
        if end <= start:
            return
        diff = (npview(self._meansq)[start:end]
                - K.py_pow(npview(self._mean)[start:end], 2.0))
        if self.p.safepow:
            diff = np.abs(diff)
        npview(self.line)[start:end] = K.py_pow(diff, 0.5)


class MeanDeviation(Indicator):
    """Mean absolute deviation from the mean over the last ``period`` bars.

    A second data, when given, is used as the mean.

    Formula:
      - mean = movav(data, period) or data1
      - meandev = movav(abs(data - mean), period)

    Params:
      - period (20), movav (MovingAverageSimple)
    """
    alias = ('MeanDev',)
    lines = ('meandev',)
    params = (('period', 20), ('movav', MovingAverageSimple))

    def __init__(self):
        movav, period = self.p.movav, self.p.period
        mean = self.data1 if len(self.datas) > 1 else movav(self.data, period=period)
        absdev = Formula(_absdiff, _vabsdiff, self.data, mean)
        bind_output(self.lines.meandev, movav(absdev, period=period))
        super().__init__()
