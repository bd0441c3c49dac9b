"""Building blocks shared by the indicators of this package.

* :func:`checked_period` validates a ``period`` parameter;
* :class:`SourceMixIn` gives an indicator ``_src``, the line its data
  contributes (the first line of the first data);
* :func:`lines_minperiod` records on the output lines of an indicator that
  computes them itself (in ``next``/``once``) from which bar they are valid,
  as upstream's bound lines report it;
* :class:`Formula` is a line computed elementwise from other lines by a
  scalar function (per bar) and its bit-identical vectorised twin (batch).
"""
from __future__ import annotations

import functools
import operator
from typing import Any, Callable

import numpy as np

from ..indicator import Indicator
from ..linebuffer import LineActions, npview
from ..lineroot import LineRoot, LineSingle
from ._kernels import check_divisor

__all__ = ['checked_period', 'SourceMixIn', 'lines_minperiod', 'Formula',
           'computed_by_children', 'movav_class_of', 'inner_movav',
           'bind_output', '_LagIndicator']


def checked_period(value: Any, name: str = 'period', minimum: int = 1) -> int:
    """``value`` as an int >= ``minimum``; TypeError/ValueError naming it."""
    try:
        period = operator.index(value)
    except TypeError:
        raise TypeError('%s must be an integer, got %r' % (name, value)) from None
    if period < minimum:
        raise ValueError('%s must be >= %d, got %d' % (name, minimum, period))
    return period


class SourceMixIn:
    """``_src``: the LineBuffer an indicator reads (``data.lines[0]``)."""

    @functools.cached_property
    def _src(self):
        return self.data.lines[0]


def lines_minperiod(ind: Any, minperiod: int | None = None) -> None:
    """Make every output line of ``ind`` report ``minperiod`` (default: the
    indicator's, after its children are known)."""
    if minperiod is None:
        minperiod = max([ind._minperiod] +
                        [c._minperiod for c in ind._lineiterators[ind.IndType]])
    ind.updateminperiod(minperiod)
    for line in ind.lines:
        line.updateminperiod(minperiod)


def _as_line(obj: Any):
    if isinstance(obj, LineSingle):
        return obj
    if isinstance(obj, LineRoot):
        return obj.lines[0]
    raise TypeError('Formula inputs must be lines, got %r' % (obj,))


class Formula(LineActions):
    """``scalar(*values)`` of its input lines at every bar.

    ``vector`` receives numpy arrays (the inputs over the bars to compute) and
    must return exactly what ``scalar`` returns value by value.
    """

    def __init__(self, scalar: Callable[..., float], vector: Callable[..., Any],
                 *inputs: Any) -> None:
        super().__init__()
        self._inputs = [_as_line(i) for i in inputs]
        self._clock = self._inputs[0]
        self._scalar = scalar
        self._vector = vector

    def next(self) -> None:
        self[0] = self._scalar(*[line.array[line.idx] for line in self._inputs])

    def once(self, start: int, end: int) -> None:
        if end <= start:
            return
        args = [npview(line)[start:end] for line in self._inputs]
        npview(self)[start:end] = self._vector(*args)


def _noop(*args: Any) -> None:
    return None


_HOOKS = ('prenext', 'nextstart', 'next', 'preonce', 'oncestart', 'once')


def computed_by_children(ind: Any) -> None:
    """Switch off the computation ``ind`` inherits: its lines are bound to
    children created in ``__init__`` (used by the Envelope/Oscillator mixins,
    which reuse a moving average class but output something else)."""
    for hook in _HOOKS:
        setattr(ind, hook, _noop)


def movav_class_of(ind: Any) -> type | None:
    """The moving average class an Envelope/Oscillator variant derives from."""
    from .mabase import MovingAverageBase
    for klass in type(ind).__mro__:
        if (isinstance(klass, type) and issubclass(klass, MovingAverageBase)
                and not getattr(klass, '_mavariant', False)
                and klass.lines._getlines()):
            return klass
    return None


def inner_movav(ind: Any):
    """A plain instance of ``ind``'s moving average over ``ind``'s data, with
    the same values for the params that class knows."""
    macls = movav_class_of(ind)
    if macls is None:
        return None
    kwargs = {name: getattr(ind.p, name) for name in macls.params._getkeys()}
    return macls(ind.data, **kwargs)


def bind_output(target: Any, source: Any) -> None:
    """Make ``target`` (an output line of the indicator being built) receive
    the values of ``source`` like ``self.lines.x = source`` does, but bind an
    indicator's line directly instead of through a zero-delay copy: indicator
    lines pass their values on in both run modes."""
    if isinstance(source, Indicator):
        source.lines[0].addbinding(target)
        return
    if isinstance(source, LineActions):
        source.addbinding(target)
        return
    source = source if isinstance(source, LineSingle) else source.lines[0]
    source(0).addbinding(target)


class _LagIndicator(SourceMixIn, Indicator):
    """``_scalar(data[0], data[-period])`` at every bar (``_vector`` is the
    same over numpy arrays; by default ``_scalar`` itself, fine when it only
    uses arithmetic).  ``_divisor`` True: ``data[-period]`` divides, so a zero
    raises ZeroDivisionError in both modes."""
    params = (('period', 1),)
    _divisor = False

    @staticmethod
    def _scalar(cur: float, ago: float) -> float:
        raise NotImplementedError

    _vector = None

    def __init__(self):
        self.addminperiod(checked_period(self.p.period) + 1)
        super().__init__()

    def next(self):
        src = self._src
        arr, i = src.array, src.idx
        self.line[0] = self._scalar(arr[i], arr[i - self.p.period])

    def once(self, start, end):
        if end <= start:
            return
        lag = self.p.period
        x = npview(self._src)
        cur, ago = x[start:end], x[start - lag:end - lag]
        if self._divisor:
            check_divisor(ago)
        vector = self._vector or self._scalar
        with np.errstate(all='ignore'):
            npview(self.line)[start:end] = vector(cur, ago)
