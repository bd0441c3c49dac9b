"""Operations over the last ``period`` values of a line: the bricks other
indicators are built from (highest, lowest, sums, averages, smoothing...).

Each class computes a bar at a time in ``next`` and the whole series at once
in ``once``; both give the same doubles (see ``_kernels``).
"""
from __future__ import annotations

import functools
import math
import operator

import numpy as np

from ..indicator import Indicator
from ..linebuffer import npview
from ..lineroot import LineRoot, LineSingle
from . import _kernels as K
from ._base import SourceMixIn, bounded_ago, checked_period, lines_minperiod

__all__ = ['PeriodN', 'OperationN', 'BaseApplyN', 'ApplyN', 'Highest', 'MaxN',
           'Lowest', 'MinN', 'ReduceN', 'SumN', 'AnyN', 'AllN', 'FindFirstIndex',
           'FindFirstIndexHighest', 'FindFirstIndexLowest', 'FindLastIndex',
           'FindLastIndexHighest', 'FindLastIndexLowest', 'Accum', 'CumSum',
           'CumulativeSum', 'Average', 'ArithmeticMean', 'Mean',
           'ExponentialSmoothing', 'ExpSmoothing', 'ExponentialSmoothingDynamic',
           'ExpSmoothingDynamic', 'WeightedAverage', 'AverageWeighted']


class PeriodN(SourceMixIn, Indicator):
    """Base of indicators over the last ``period`` bars: they need ``period``
    bars of their data before producing a value.

    Params:
      - period (1): number of bars in the window
    """
    params = (('period', 1),)

    def __init__(self):
        super().__init__()
        self.addminperiod(checked_period(self.p.period))


def _vectorised(func):
    """The batch kernel giving exactly ``func``'s results, if there is one."""
    for known, kernel in ((max, K.window_max), (min, K.window_min),
                          (math.fsum, K.window_fsum), (any, K.window_any),
                          (all, K.window_all)):
        if func is known:
            return kernel
    return None


class OperationN(PeriodN):
    """Applies ``func`` (a class attribute taking the window's values, oldest
    first) to the last ``period`` values of the data.

    In batch mode ``max``, ``min``, ``math.fsum``, ``any`` and ``all`` run
    vectorised; ``_windows(x, period)`` may give the vectorised equivalent of
    another ``func`` (over a numpy array, one value per complete window).
    """
    func = None
    _windows = None

    def next(self):
        src = self._src
        i = src.idx
        self.line[0] = self.func(src.array[i - self.p.period + 1:i + 1])

    def once(self, start, end):
        if end <= start:
            return
        period = self.p.period
        windows = self._windows or _vectorised(self.func)
        if windows is not None:
            x = npview(self._src)[start - period + 1:end]
            npview(self.line)[start:end] = windows(x, period)
            return
        src, dst, func = self._src.array, self.line.array, self.func
        for i in range(start, end):
            dst[i] = func(src[i - period + 1:i + 1])


class BaseApplyN(OperationN):
    """Applies the ``func`` param to the last ``period`` values.

    Params:
      - period (1)
      - func (None): callable taking the window (oldest value first)
    """
    params = (('func', None),)

    def __init__(self):
        func = self.p.func
        if getattr(func, '__self__', None) is self.p:
            # a function given as a class default comes back bound to the params
            func = func.__func__
        if not callable(func):
            raise TypeError('func must be callable, got %r' % (func,))
        self.func = func
        super().__init__()


class ApplyN(BaseApplyN):
    """``func`` of the last ``period`` values, as line ``apply``."""
    lines = ('apply',)


class Highest(OperationN):
    """Highest value of the last ``period`` bars."""
    alias = ('MaxN',)
    lines = ('highest',)
    func = max


class Lowest(OperationN):
    """Lowest value of the last ``period`` bars."""
    alias = ('MinN',)
    lines = ('lowest',)
    func = min


def _reduce_from(function, init, seq):
    return functools.reduce(function, seq, init)


class ReduceN(OperationN):
    """``functools.reduce(function, window)`` over the last ``period`` values.

    Takes ``function`` (and optionally ``initializer``) as keyword arguments
    besides the params.
    """
    lines = ('reduced',)

    def __init__(self, function, **kwargs):
        if not callable(function):
            raise TypeError('function must be callable, got %r' % (function,))
        if 'initializer' in kwargs:
            init = kwargs.pop('initializer')
            self.func = functools.partial(_reduce_from, function, init)
        else:
            self.func = functools.partial(functools.reduce, function)
        if kwargs:
            raise TypeError('unexpected arguments: %s' % ', '.join(sorted(kwargs)))
        super().__init__()


class SumN(OperationN):
    """Sum (``math.fsum``, exactly rounded) of the last ``period`` values."""
    lines = ('sumn',)
    func = math.fsum


class AnyN(OperationN):
    """1.0 when any of the last ``period`` values is non-zero, else 0.0."""
    lines = ('anyn',)
    func = any


class AllN(OperationN):
    """1.0 when all of the last ``period`` values are non-zero, else 0.0."""
    lines = ('alln',)
    func = all


def _index_first(evalfunc, window) -> int:
    target = evalfunc(window)
    last = len(window) - 1
    for ago in range(len(window)):
        if window[last - ago] == target:
            return ago
    raise ValueError('%r not in window' % (target,))


def _index_last(evalfunc, window) -> int:
    target = evalfunc(window)
    for i, value in enumerate(window):
        if value == target:
            return len(window) - 1 - i
    raise ValueError('%r not in window' % (target,))


def _argext_windows(highest, first, x, period):
    return K.window_argext(x, period, highest, first)


class _FindIndex(OperationN):
    """How many bars ago a value equal to ``_evalfunc(window)`` is: the most
    recent one (``_first``) or the oldest one."""
    lines = ('index',)
    params = (('_evalfunc', None),)
    _first = True

    def __init__(self):
        evalfunc = self.p._evalfunc
        if not callable(evalfunc):
            raise TypeError('_evalfunc must be callable, got %r' % (evalfunc,))
        pick = _index_first if self._first else _index_last
        self.func = functools.partial(pick, evalfunc)
        if evalfunc is max or evalfunc is min:
            highest, first = evalfunc is max, self._first
            self._windows = functools.partial(_argext_windows, highest, first)
        super().__init__()


class FindFirstIndex(_FindIndex):
    """How many bars ago the most recent value equal to
    ``_evalfunc(window)`` is.

    Params:
      - period (1)
      - _evalfunc (None): callable taking the window, e.g. ``max``
    """


class FindFirstIndexHighest(FindFirstIndex):
    """Bars ago of the most recent highest value of the window."""
    params = (('_evalfunc', max),)


class FindFirstIndexLowest(FindFirstIndex):
    """Bars ago of the most recent lowest value of the window."""
    params = (('_evalfunc', min),)


class FindLastIndex(_FindIndex):
    """How many bars ago the oldest value equal to ``_evalfunc(window)`` is.

    Params:
      - period (1)
      - _evalfunc (None): callable taking the window, e.g. ``min``
    """
    _first = False


class FindLastIndexHighest(FindLastIndex):
    """Bars ago of the oldest highest value of the window."""
    params = (('_evalfunc', max),)


class FindLastIndexLowest(FindLastIndex):
    """Bars ago of the oldest lowest value of the window."""
    params = (('_evalfunc', min),)


class Accum(SourceMixIn, Indicator):
    """Running total of the data, starting from ``seed``.

    Formula: accum = accum(-1) + data (the first bar: seed + data)

    Params:
      - seed (0.0)
    """
    alias = ('CumSum', 'CumulativeSum')
    lines = ('accum',)
    params = (('seed', 0.0),)

    def nextstart(self):
        self.line[0] = self.p.seed + self._src[0]

    def next(self):
        line = self.line
        # no room is reserved for the previous value: with exactbars=1 and a
        # minimum period of 1 it reads the current (NaN) one, as upstream
        line[0] = line[bounded_ago(line, -1)] + self._src[0]

    def oncestart(self, start, end):
        self.line.array[start] = self.p.seed + self._src.array[start]

    def once(self, start, end):
        if end <= start:
            return
        dst = npview(self.line)
        x = npview(self._src)[start:end]
        # add.accumulate adds strictly left to right, like the per-bar loop
        dst[start:end] = np.cumsum(np.concatenate(([dst[start - 1]], x)))[1:]


class Average(PeriodN):
    """Arithmetic mean of the last ``period`` values.

    Formula: av = fsum(data[-period + 1 .. 0]) / period
    (``math.fsum``: the exactly rounded sum of the window)
    """
    alias = ('ArithmeticMean', 'Mean')
    lines = ('av',)

    def next(self):
        src = self._src
        i = src.idx
        period = self.p.period
        self.line[0] = math.fsum(src.array[i - period + 1:i + 1]) / period

    def once(self, start, end):
        if end <= start:
            return
        period = self.p.period
        x = npview(self._src)[start - period + 1:end]
        npview(self.line)[start:end] = K.window_fsum(x, period) / period


class ExponentialSmoothing(Average):
    """Exponential smoothing of the data, seeded with the mean of the first
    ``period`` values.

    Formula: av = av(-1) * (1 - alpha) + data * alpha

    Params:
      - period (1)
      - alpha (None): smoothing factor; None means 2 / (1 + period)
    """
    alias = ('ExpSmoothing',)
    params = (('alpha', None),)

    def __init__(self):
        super().__init__()
        self._setalpha(self.p.alpha)

    def _setalpha(self, alpha):
        self._alpha = 2.0 / (1.0 + self.p.period) if alpha is None else alpha
        self._alpha1 = 1.0 - self._alpha
        self.alpha, self.alpha1 = self._alpha, self._alpha1  # public, as upstream

    def nextstart(self):
        super().next()  # the seed: the mean of the first window

    def next(self):
        line = self.line  # the previous value as in Accum.next
        line[0] = line[bounded_ago(line, -1)] * self._alpha1 + self._src[0] * self._alpha

    def oncestart(self, start, end):
        super().once(start, end)

    def once(self, start, end):
        K.smooth(self.line.array, self._src.array, start, end,
                 self._alpha, self._alpha1)


class ExponentialSmoothingDynamic(ExponentialSmoothing):
    """Exponential smoothing whose factor is a line (``alpha`` param): each
    bar uses the current value of ``alpha``.

    Formula: av = av(-1) * (1 - alpha[0]) + data * alpha[0]
    """
    alias = ('ExpSmoothingDynamic',)

    def _setalpha(self, alpha):
        if not isinstance(alpha, LineRoot):
            raise TypeError('alpha must be a line or an indicator, got %r' % (alpha,))
        self._alphaline = alpha if isinstance(alpha, LineSingle) else alpha.lines[0]
        lines_minperiod(self, max(self._minperiod, alpha._minperiod))

    def next(self):
        a = self._alphaline[0]
        line = self.line  # the previous value as in Accum.next
        line[0] = line[bounded_ago(line, -1)] * (1.0 - a) + self._src[0] * a

    def once(self, start, end):
        K.smooth_dynamic(self.line.array, self._src.array, self._alphaline.array,
                         start, end)


class WeightedAverage(PeriodN):
    """Weighted sum of the last ``period`` values times ``coef``.

    Formula: av = coef * fsum(data[-period + 1 + i] * weights[i])

    Params:
      - period (1)
      - coef (1.0)
      - weights (()): one weight per bar, the oldest bar first
    """
    alias = ('AverageWeighted',)
    lines = ('av',)
    params = (('coef', 1.0), ('weights', ()),)

    def __init__(self):
        super().__init__()
        self._weights = tuple(self.p.weights)

    def next(self):
        src = self._src
        i = src.idx
        window = src.array[i - self.p.period + 1:i + 1]
        self.line[0] = self.p.coef * math.fsum(map(operator.mul, window, self._weights))

    def once(self, start, end):
        if end <= start:
            return
        period = self.p.period
        used = min(period, len(self._weights))
        x = npview(self._src)[start - period + 1:end - period + used]
        if used:
            sums = K.window_fsum(x, used, np.asarray(self._weights[:used], dtype=float))
        else:
            sums = np.zeros(end - start)
        npview(self.line)[start:end] = self.p.coef * sums
