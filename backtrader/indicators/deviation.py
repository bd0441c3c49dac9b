"""Standard deviation and mean deviation over a window."""
from __future__ import annotations

import numpy as np

from ..indicator import Indicator
from . import _kernels as K
from ._base import Formula, bind_output
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

    def _plotlabel(self):
        labels = [self.p.period]
        labels += [self.p.movav] * self.p.notdefault('movav')
        return labels

    def __init__(self):
        movav, period = self.p.movav, self.p.period
        mean = self.data1 if len(self.datas) > 1 else movav(self.data, period=period)
        meansq = movav(Formula(_square, _vsquare, self.data), period=period)
        if self.p.safepow:
            dev = Formula(_safe_stddev, _vsafe_stddev, meansq, mean)
        else:
            dev = Formula(_stddev, _vstddev, meansq, mean)
        bind_output(self.lines.stddev, dev)
        super().__init__()


def _stddev(meansq, mean):
    return pow(meansq - pow(mean, 2), 0.5)


def _safe_stddev(meansq, mean):
    return pow(abs(meansq - pow(mean, 2)), 0.5)


def _vstddev(meansq, mean):
    return K.py_pow(meansq - K.py_pow(mean, 2.0), 0.5)


def _vsafe_stddev(meansq, mean):
    return K.py_pow(np.abs(meansq - K.py_pow(mean, 2.0)), 0.5)


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

    def _plotlabel(self):
        labels = [self.p.period]
        labels += [self.p.movav] * self.p.notdefault('movav')
        return labels

    def __init__(self):
        movav, period = self.p.movav, self.p.period
        mean = self.data1 if len(self.datas) > 1 else movav(self.data, period=period)
        absdev = Formula(_absdiff, _vabsdiff, self.data, mean)
        bind_output(self.lines.meandev, movav(absdev, period=period))
        super().__init__()
