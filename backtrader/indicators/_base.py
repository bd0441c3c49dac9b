"""Building blocks shared by the indicators of this package.

As upstream, only the basic operations (``basicops``, NonZeroDifference)
compute in their own ``next``/``once``.  Every other indicator is a
declaration: ``__init__`` creates children and binds its output lines to
them.  Users therefore keep upstream's freedom to subclass an indicator and
add ``next``, or lines built with operators on its lines, without losing the
parent's values.

* :func:`checked_period` validates a ``period`` parameter;
* :class:`SourceMixIn` gives a self-computing indicator ``_src``, the line
  its data contributes (the first line of the first data);
* :func:`lines_minperiod` makes the output lines of a self-computing
  indicator report from which bar they are valid;
* :class:`Formula` is a line computed elementwise from other lines (current
  or some bars ago) by a scalar function (per bar) and its bit-identical
  vectorised twin (batch): one object where upstream chains several
  operations;
* :func:`bind_output` binds an output line to a child;
* :func:`bounded_ago` says which value a look back reads in upstream's
  fixed-size buffers (``exactbars=1``).
"""
from __future__ import annotations

import functools
import operator
from typing import Any, Callable, Sequence

import numpy as np

from ..indicator import Indicator
from ..linebuffer import LineActions, LineBuffer, npview
from ..lineroot import LineRoot, LineSingle

__all__ = ['checked_period', 'SourceMixIn', 'lines_minperiod', 'Formula',
           'bind_output', 'bounded_ago']


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


def lines_minperiod(ind: Any, minperiod: int) -> None:
    """Make ``ind`` and every output line of it report ``minperiod``."""
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

    ``lags`` (default all 0) says how many bars ago each input is read.
    ``vector`` receives numpy arrays (the inputs over the bars to compute,
    shifted by their lags) and must return exactly what ``scalar`` returns
    value by value (raising where it raises); by default ``scalar`` itself,
    right when it only uses arithmetic that cannot divide by zero.
    """

    def __init__(self, scalar: Callable[..., Any], vector: Callable[..., Any] | None,
                 *inputs: Any, lags: Sequence[int] = ()) -> None:
        super().__init__()
        self._inputs = [_as_line(i) for i in inputs]
        self._lags = tuple(lags) or (0,) * len(self._inputs)
        if len(self._lags) != len(self._inputs):
            raise ValueError('lags must give one lag per input')
        self._clock = self._inputs[0]
        self._scalar = scalar
        self._vector = vector or scalar
        self.updateminperiod(max(line._minperiod + lag
                                 for line, lag in zip(self._inputs, self._lags)))
        if len(self._inputs) in (2, 3):  # the common cases, without a loop
            self.next = getattr(self, '_next%d' % len(self._inputs))

    def next(self) -> None:
        self[0] = self._scalar(*[line.array[line.idx - lag]
                                 for line, lag in zip(self._inputs, self._lags)])

    def _next2(self) -> None:
        (a, b), (la, lb) = self._inputs, self._lags
        self[0] = self._scalar(a.array[a.idx - la], b.array[b.idx - lb])

    def _next3(self) -> None:
        (a, b, c), (la, lb, lc) = self._inputs, self._lags
        self[0] = self._scalar(a.array[a.idx - la], b.array[b.idx - lb],
                               c.array[c.idx - lc])

    def once(self, start: int, end: int) -> None:
        if end <= start:
            return
        args = [npview(line)[start - lag:end - lag]
                for line, lag in zip(self._inputs, self._lags)]
        with np.errstate(all='ignore'):
            npview(self)[start:end] = self._vector(*args)


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


def bounded_ago(line: Any, ago: int) -> int:
    """The ``ago`` really read by ``line[ago]`` in upstream when the line
    keeps only ``maxlen`` values (``exactbars=1``): looking further back
    than the buffer holds wraps around to newer values (with a buffer of one
    value, ``[-1]`` is the current bar).  Indicators reading their own past
    values go through this so their results match upstream's in that mode;
    otherwise ``ago`` is returned unchanged."""
    if line.mode == LineBuffer.QBuffer:
        held = min(len(line), line.maxlen)
        if -ago >= held:
            return ago + held
    return ago
