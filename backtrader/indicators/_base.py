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

from ..linebuffer import LineActions, npview
from ..lineroot import LineRoot, LineSingle

__all__ = ['checked_period', 'SourceMixIn', 'lines_minperiod', 'Formula']


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
