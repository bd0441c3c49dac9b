"""Data-quality checks on OHLCV rows: what a backtest would silently
mis-trade on if nobody looked (holes, repeated or out-of-order bars,
impossible prices, bars off the timeframe's grid)."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Optional, Sequence

import numpy as np

__all__ = ['ValidationReport', 'validate', 'validate_arrays']

_LIST_LIMIT = 5


@dataclass
class ValidationReport:
    """What :func:`validate` found.

    ``gaps``: ``(first_missing_ms, last_missing_ms)`` bar open times absent
    between two consecutive bars; ``duplicates``: timestamps seen more than
    once; ``non_monotonic``: ``(index, ts)`` of rows older than the row
    before; ``ohlc``: ``(ts, reason)`` for bars breaking high >= max(open,
    close), low <= min(open, close), low <= high, volume >= 0 or holding a
    non-finite number; ``misaligned``: timestamps off the bar grid."""

    rows: int = 0
    timeframe_ms: int = 0
    gaps: list = field(default_factory=list)
    duplicates: list = field(default_factory=list)
    non_monotonic: list = field(default_factory=list)
    ohlc: list = field(default_factory=list)
    misaligned: list = field(default_factory=list)

    @property
    def missing_bars(self) -> int:
        step = self.timeframe_ms or 1
        return sum((b - a) // step + 1 for a, b in self.gaps)

    @property
    def problems(self) -> int:
        """Number of findings (a gap counts once however long)."""
        return (len(self.gaps) + len(self.duplicates) + len(self.non_monotonic)
                + len(self.ohlc) + len(self.misaligned))

    @property
    def ok(self) -> bool:
        return self.problems == 0

    def summary(self) -> str:
        """One line: 'ok' or the findings with their first examples."""
        if self.ok:
            return '%d rows ok' % self.rows
        parts = []
        if self.gaps:
            parts.append('%d gap(s) (%d missing bars, first %s)'
                         % (len(self.gaps), self.missing_bars, _some(self.gaps)))
        for name in ('duplicates', 'non_monotonic', 'ohlc', 'misaligned'):
            found = getattr(self, name)
            if found:
                parts.append('%d %s (%s)' % (len(found), name.replace('_', '-'),
                                             _some(found)))
        return '%d rows: %s' % (self.rows, '; '.join(parts))


def _some(items: list) -> str:
    text = ', '.join(repr(tuple(i) if isinstance(i, list) else i)
                     for i in items[:_LIST_LIMIT])
    return text + (', ...' if len(items) > _LIST_LIMIT else '')


def validate(rows: Sequence, timeframe_ms: int, offset_ms: int = 0) -> ValidationReport:
    """Check ``rows`` ([ts_ms, open, high, low, close, volume], meant to be
    sorted) of bars ``timeframe_ms`` long opening at ``offset_ms + k *
    timeframe_ms``; returns a :class:`ValidationReport`."""
    if isinstance(timeframe_ms, bool) or not isinstance(timeframe_ms, int) \
            or timeframe_ms <= 0:
        raise ValueError('timeframe_ms must be a positive int, got %r' % (timeframe_ms,))
    arrays = _as_arrays(rows)
    if arrays is not None:
        return validate_arrays(arrays[0], arrays[1], timeframe_ms, offset_ms)
    report = ValidationReport(rows=len(rows), timeframe_ms=timeframe_ms)
    seen: set = set()
    prev = None
    for index, row in enumerate(rows):
        if len(row) < 6:
            report.ohlc.append((row[0] if row else None, 'row has %d fields, not 6'
                                % len(row)))
            continue
        ts = row[0]
        _check_bar(report, row)
        if not isinstance(ts, int) or isinstance(ts, bool):
            continue
        if (ts - offset_ms) % timeframe_ms:
            report.misaligned.append(ts)
        if ts in seen:
            report.duplicates.append(ts)
        seen.add(ts)
        if prev is not None:
            if ts < prev:
                report.non_monotonic.append((index, ts))
            elif ts - prev >= 2 * timeframe_ms:
                report.gaps.append((prev + timeframe_ms, ts - timeframe_ms))
        if prev is None or ts > prev:
            prev = ts
    return report


def _check_bar(report: ValidationReport, row: Sequence) -> None:
    ts, o, h, l, c, v = row[:6]
    if not isinstance(ts, int) or isinstance(ts, bool):
        report.ohlc.append((ts, 'timestamp is not an integer'))
        return
    try:
        values = [float(x) for x in (o, h, l, c, v)]
    except (TypeError, ValueError):
        report.ohlc.append((ts, 'non-numeric value'))
        return
    if not all(math.isfinite(x) for x in values):
        report.ohlc.append((ts, 'non-finite value'))
        return
    o, h, l, c, v = values
    if h < max(o, c):
        report.ohlc.append((ts, 'high below open/close'))
    if l > min(o, c):
        report.ohlc.append((ts, 'low above open/close'))
    if l > h:
        report.ohlc.append((ts, 'low above high'))
    if v < 0:
        report.ohlc.append((ts, 'negative volume'))


def _as_arrays(rows: Sequence) -> Optional[tuple]:
    """(int64 ts, float64 n x 5) when every row is 6 plain numbers with an
    int timestamp, else None (the row-by-row path reports the oddities)."""
    try:
        if not all(len(r) == 6 and type(r[0]) is int for r in rows):
            return None
        ts = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        values = np.array([r[1:6] for r in rows], dtype=np.float64).reshape(len(rows), 5)
    except (TypeError, ValueError, OverflowError):
        return None
    return ts, values


_OHLC_CHECKS = ('high below open/close', 'low above open/close', 'low above high',
                'negative volume')


def validate_arrays(ts: np.ndarray, values: np.ndarray, timeframe_ms: int,
                    offset_ms: int = 0) -> ValidationReport:
    """:func:`validate` on arrays (timestamps, n x 5 OHLCV), vectorised."""
    report = ValidationReport(rows=int(len(ts)), timeframe_ms=timeframe_ms)
    if not len(ts):
        return report
    found = []
    finite = np.isfinite(values).all(axis=1)
    for i in np.flatnonzero(~finite).tolist():
        found.append((i, -1, 'non-finite value'))
    o, h, l, c, v = (values[:, k] for k in range(5))
    with np.errstate(invalid='ignore'):
        masks = (h < np.maximum(o, c), l > np.minimum(o, c), l > h, v < 0)
    for order, (mask, reason) in enumerate(zip(masks, _OHLC_CHECKS)):
        for i in np.flatnonzero(mask & finite).tolist():
            found.append((i, order, reason))
    found.sort()
    stamps = ts.tolist()
    report.ohlc = [(stamps[i], reason) for i, _, reason in found]
    report.misaligned = ts[(ts - offset_ms) % timeframe_ms != 0].tolist()
    _, first_seen = np.unique(ts, return_index=True)
    repeat = np.ones(len(ts), dtype=bool)
    repeat[first_seen] = False
    report.duplicates = ts[repeat].tolist()
    prev = np.maximum.accumulate(ts)[:-1]
    later = ts[1:]
    back = np.flatnonzero(later < prev)
    report.non_monotonic = [(int(i) + 1, stamps[int(i) + 1]) for i in back]
    holes = np.flatnonzero(later - prev >= 2 * timeframe_ms)
    report.gaps = [(int(prev[i]) + timeframe_ms, int(later[i]) - timeframe_ms)
                   for i in holes]
    return report
