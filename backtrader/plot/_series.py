"""Values of lines over a run and where they go on the chart's x axis.

A chart puts the strategy's bar ``i`` at ``x = i``.  Objects on another
clock (a resampled data, an indicator on it) have fewer bars: each of their
bars goes to the first strategy bar at or after its datetime, so a weekly
bar sits on the daily bar that closed the week.
"""
from __future__ import annotations

import bisect
import datetime
from typing import Any

import numpy as np

from ..utils.date import date2num

__all__ = ['line_values', 'align_positions', 'bar_range', 'split_range']


def line_values(line: Any) -> np.ndarray:
    """The ``len(line)`` values of ``line`` up to its current bar, as a
    float array; values a memory-saving buffer no longer holds are NaN."""
    count = len(line)
    arr = line.array
    end = min(line.idx + 1, len(arr))
    begin = max(0, end - count)
    values = np.frombuffer(arr[begin:end], dtype='d') if end > begin else np.empty(0)
    if len(values) < count:
        values = np.concatenate([np.full(count - len(values), np.nan), values])
    return values


def align_positions(dts: np.ndarray, clock: np.ndarray) -> np.ndarray:
    """x positions (float) of bars stamped ``dts`` on the chart whose bars
    are stamped ``clock``; bars after the last clock bar get ``len(clock)``."""
    if len(dts) == len(clock) and np.array_equal(dts, clock):
        return np.arange(len(clock), dtype=float)
    pos = np.searchsorted(clock, dts, side='left').astype(float)
    pos[~np.isfinite(dts)] = len(clock)
    return pos


def right_aligned(count: int, clocklen: int) -> np.ndarray:
    """x positions of ``count`` bars that end with the chart's last bar."""
    return np.arange(clocklen - count, clocklen, dtype=float)


def _bound(value: Any, name: str, clock: np.ndarray, default: int) -> int:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (int, datetime.date)):
        raise TypeError('%s must be a bar index (int), a date or a datetime, '
                        'not %r' % (name, value))
    if isinstance(value, int):
        idx = value + len(clock) if value < 0 else value
        return min(max(idx, 0), len(clock))
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time.min)
    num = date2num(value)
    if name == 'start':
        return bisect.bisect_left(clock, num)
    return bisect.bisect_right(clock, num)


def bar_range(clock: np.ndarray, start: Any, end: Any) -> tuple:
    """The [first, last) bar indices of ``clock`` selected by ``start`` and
    ``end``: bar indices (end excluded, negative counts from the end) or
    dates/datetimes (bars stamped from ``start`` up to ``end``)."""
    first = _bound(start, 'start', clock, 0)
    last = _bound(end, 'end', clock, len(clock))
    if first >= last:
        raise ValueError('start=%r and end=%r select no bars (the run has %d)'
                         % (start, end, len(clock)))
    return first, last


def split_range(first: int, last: int, numfigs: Any) -> list:
    """``numfigs`` consecutive (first, last) slices covering the range."""
    if isinstance(numfigs, bool) or not isinstance(numfigs, int):
        raise TypeError('numfigs must be an int, not %r' % (numfigs,))
    if numfigs < 1:
        raise ValueError('numfigs must be at least 1, not %d' % numfigs)
    size = -(-(last - first) // numfigs)
    bounds = []
    for begin in range(first, last, size):
        bounds.append((begin, min(begin + size, last)))
    return bounds
