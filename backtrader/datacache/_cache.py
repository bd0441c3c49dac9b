"""The :class:`DataCache`: months of bars on disk plus the record of what
was fetched, and ``history()``, which fetches only what is missing."""
from __future__ import annotations

import os
import time
import warnings
from dataclasses import dataclass
from typing import Any, Iterable, Optional

import numpy as np

from . import _layout as L
from . import _ranges as R
from ._fetch import DataCacheWarning, walk_range
from ._storage import (HAVE_PYARROW, EXTENSIONS, Partition, arrays_to_rows,
                       merge_arrays, rows_to_arrays, sidecar_for)
from ._validate import ValidationReport, validate_arrays

__all__ = ['DataCache', 'FetchStats', 'SeriesInfo']


@dataclass
class FetchStats:
    """What the last ``history()`` call did on the network."""

    ranges: int = 0
    requests: int = 0
    bars_fetched: int = 0
    complete: bool = True


@dataclass
class SeriesInfo:
    """One cached exchange / symbol / timeframe (see :meth:`DataCache.series`)."""

    exchange_id: str
    symbol: str
    timeframe: str
    bars: int
    first_ms: Optional[int]
    last_ms: Optional[int]
    months: int
    fetched: list
    formats: list


def _int_arg(name: str, value: Any, optional: bool = False) -> Optional[int]:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError('%s must be an int (epoch ms), got %r' % (name, value))
    return int(value)


class DataCache:
    """Exchange OHLCV history on disk, one file per exchange / symbol /
    timeframe / month (see the package docstring for layout and API)."""

    def __init__(self, root: Optional[str] = None, format: Optional[str] = None) -> None:
        if format is None:
            format = 'parquet' if HAVE_PYARROW else 'csv'
        if format not in EXTENSIONS:
            raise ValueError('format must be "parquet" or "csv", got %r' % (format,))
        if format == 'parquet' and not HAVE_PYARROW:
            raise ValueError('format "parquet" needs pyarrow, which is not installed; '
                             'install it or use format="csv"')
        if root is not None and not isinstance(root, (str, os.PathLike)):
            raise TypeError('root must be a directory path, got %r' % (root,))
        self.root = os.path.abspath(os.fspath(root)) if root is not None \
            else L.default_root()
        self.format = format
        self.last_report: Optional[ValidationReport] = None
        self.last_fetch = FetchStats()

    def __repr__(self) -> str:
        return 'DataCache(root=%r, format=%r)' % (self.root, self.format)

    # --- layout -------------------------------------------------------------------
    def _series_dir(self, exchange_id: str, symbol: str, timeframe: str) -> str:
        return os.path.join(self.root, L.check_exchange_id(exchange_id),
                            L.symbol_to_dirname(symbol), L.timeframe_to_dirname(timeframe))

    def _partitions(self, directory: str, start_ms: int, end_ms: int) -> list:
        return [Partition(directory, key) for key in L.months_between(start_ms, end_ms)]

    # --- reading ------------------------------------------------------------------
    def read(self, exchange_id: str, symbol: str, timeframe: str,
             start_ms: Optional[int] = None, end_ms: Optional[int] = None) -> list:
        """Cached rows opening in ``[start_ms, end_ms]`` (inclusive; None:
        unbounded), sorted, as ``[ts_ms, open, high, low, close, volume]``."""
        ts, values = self._read_arrays(exchange_id, symbol, timeframe, start_ms, end_ms)
        return arrays_to_rows(ts, values)

    def _read_arrays(self, exchange_id: str, symbol: str, timeframe: str,
                     start_ms: Optional[int], end_ms: Optional[int]) -> tuple:
        start_ms = _int_arg('start_ms', start_ms, optional=True)
        end_ms = _int_arg('end_ms', end_ms, optional=True)
        directory = self._series_dir(exchange_id, symbol, timeframe)
        months = self._months_on_disk(directory)
        lo = L.month_key(start_ms) if start_ms is not None else ''
        hi = L.month_key(end_ms) if end_ms is not None else '9999-99'
        parts = [Partition(directory, m).read() for m in months if lo <= m <= hi]
        parts = [p for p in parts if len(p[0])]
        if not parts:
            return rows_to_arrays([])
        ts = np.concatenate([p[0] for p in parts])
        values = np.concatenate([p[1] for p in parts])
        lo_i = 0 if start_ms is None else int(np.searchsorted(ts, start_ms, 'left'))
        hi_i = len(ts) if end_ms is None else int(np.searchsorted(ts, end_ms, 'right'))
        return ts[lo_i:hi_i], values[lo_i:hi_i]

    @staticmethod
    def _months_on_disk(directory: str) -> list:
        if not os.path.isdir(directory):
            return []
        months = set()
        for name in os.listdir(directory):
            for suffix in list(EXTENSIONS.values()) + ['.json']:
                if name.endswith(suffix) and not name.startswith('.'):
                    stem = name[:-len(suffix)]
                    if len(stem) == 7 and stem[4] == '-':
                        months.add(stem)
        return sorted(months)

    # --- coverage -----------------------------------------------------------------
    def fetched_ranges(self, exchange_id: str, symbol: str, timeframe: str,
                       start_ms: int, end_ms: int) -> list:
        """The recorded fetched ranges overlapping ``[start_ms, end_ms]``."""
        directory = self._series_dir(exchange_id, symbol, timeframe)
        covered: list = []
        for part in self._partitions(directory, start_ms, end_ms):
            covered.extend(part.read_meta().get('fetched', []))
        return R.clip(covered, start_ms, end_ms)

    def missing(self, exchange_id: str, symbol: str, timeframe: str,
                start_ms: int, end_ms: int) -> list:
        """``(start, end)`` ranges (inclusive ms, on the bar grid) of
        ``[start_ms, end_ms]`` never fetched; a range fetched and found
        empty counts as covered."""
        return [snapped for _, snapped in
                self._gaps(exchange_id, symbol, timeframe, start_ms, end_ms)]

    def _gaps(self, exchange_id: str, symbol: str, timeframe: str,
              start_ms: int, end_ms: int) -> list:
        """(raw gap, gap snapped to the bar grid) pairs; gaps holding no
        possible bar open time are left out."""
        start_ms = _int_arg('start_ms', start_ms)
        end_ms = _int_arg('end_ms', end_ms)
        step = L.timeframe_ms(timeframe)
        if end_ms < start_ms:
            return []
        covered = self.fetched_ranges(exchange_id, symbol, timeframe, start_ms, end_ms)
        out = []
        for raw in R.subtract(start_ms, end_ms, covered):
            snapped = R.snap([raw], step, L.bar_offset_ms(timeframe))
            if snapped:
                out.append((raw, snapped[0]))
        return out

    # --- writing ------------------------------------------------------------------
    def write(self, exchange_id: str, symbol: str, timeframe: str, rows: Iterable,
              fetched_ranges: Optional[Iterable] = None,
              now_ms: Optional[int] = None) -> int:
        """Merge ``rows`` into the cache (a timestamp already cached is
        overwritten by the new row) and record ``fetched_ranges`` (inclusive
        ``(start_ms, end_ms)`` pairs) as fetched.  Bars not closed by
        ``now_ms`` (default: the wall clock), i.e. open + timeframe > now,
        are dropped, and fetched ranges are cut to the closed bars.  Returns
        the number of rows stored."""
        step = L.timeframe_ms(timeframe)
        directory = self._series_dir(exchange_id, symbol, timeframe)
        now = _int_arg('now_ms', now_ms, optional=True)
        if now is None:
            now = int(time.time() * 1000)
        ts, values = rows_to_arrays(list(rows))
        closed = ts + step <= now
        ts, values = ts[closed], values[closed]
        ranges = R.merge((_int_arg('fetched_ranges start', a), _int_arg(
            'fetched_ranges end', b)) for a, b in (fetched_ranges or ()))
        ranges = R.clip(ranges, -2 ** 62, now - step)
        months = {L.month_key(t) for t in ts.tolist()}
        for a, b in ranges:
            months.update(L.months_between(a, b))
        for month in sorted(months):
            self._write_month(Partition(directory, month), ts, values, ranges,
                              (exchange_id, symbol, timeframe))
        return int(len(ts))

    def _write_month(self, part: Partition, ts: np.ndarray, values: np.ndarray,
                     ranges: list, names: tuple) -> None:
        first, last = L.month_bounds(part.month)
        meta = part.read_meta()          # a corrupt sidecar stops us before writing
        mask = (ts >= first) & (ts <= last)
        summary = {}
        if mask.any() or 'rows' not in meta:
            stored = part.read()
            if mask.any():
                stored = merge_arrays(stored, (ts[mask], values[mask]))
                part.write(stored[0], stored[1], self.format)
            count = int(len(stored[0]))
            summary = {'rows': count, 'first': int(stored[0][0]) if count else None,
                       'last': int(stored[0][-1]) if count else None}
        fetched = R.merge(list(meta.get('fetched', [])) + R.clip(ranges, first, last))
        exchange_id, symbol, timeframe = names
        part.write_meta(sidecar_for(
            meta, exchange=exchange_id, symbol=symbol, timeframe=timeframe,
            fetched=[list(r) for r in fetched], **summary))

    # --- the network --------------------------------------------------------------
    def history(self, exchange: Any, symbol: str, timeframe: str, start_ms: int,
                end_ms: Optional[int] = None, page_limit: int = 1000,
                now_ms: Optional[int] = None) -> list:
        """Closed bars of ``symbol`` opening in ``[start_ms, end_ms]``, cache
        first: only the ranges never fetched are asked of ``exchange`` (a
        sync ccxt exchange), with ``fetch_ohlcv`` paging forward ``page_limit``
        bars at a time, and stored.  ``end_ms`` None: up to now.  ``now_ms``
        None: ``exchange.milliseconds()`` (pass the replay time for a
        simulated exchange).  Problems found in the rows returned are warned
        about (:class:`DataCacheWarning`) and kept in ``self.last_report``;
        ``self.last_fetch`` says what was fetched."""
        exchange_id = self._exchange_id(exchange)
        step = L.timeframe_ms(timeframe)
        start_ms = _int_arg('start_ms', start_ms)
        if isinstance(page_limit, bool) or not isinstance(page_limit, int) \
                or page_limit < 1:
            raise ValueError('page_limit must be a positive int, got %r' % (page_limit,))
        now = _int_arg('now_ms', now_ms, optional=True)
        if now is None:
            now = int(exchange.milliseconds()) if hasattr(exchange, 'milliseconds') \
                else int(time.time() * 1000)
        end = now if end_ms is None else _int_arg('end_ms', end_ms)
        if end < start_ms:
            raise ValueError('end_ms (%d) is before start_ms (%d)' % (end, start_ms))
        self.last_fetch = stats = FetchStats()
        fetch_end = min(end, now - step)     # the last open time of a closed bar
        for raw, (first, last) in self._gaps(exchange_id, symbol, timeframe,
                                             start_ms, fetch_end):
            def flush(rows: list, covered_to: int, first: int = first,
                      raw: tuple = raw, last: int = last) -> None:
                upto = raw[1] if covered_to >= last else covered_to
                ranges = [(raw[0], upto)] if upto >= raw[0] else []
                if rows or ranges:
                    self.write(exchange_id, symbol, timeframe, rows, ranges, now_ms=now)
            walk = walk_range(exchange, symbol, timeframe, step, first, last,
                              page_limit, now, flush)
            stats.ranges += 1
            stats.requests += walk.requests
            stats.bars_fetched += walk.fetched
            stats.complete = stats.complete and walk.complete
        ts, values = self._read_arrays(exchange_id, symbol, timeframe, start_ms, end)
        rows = arrays_to_rows(ts, values)
        self.last_report = report = validate_arrays(ts, values, step,
                                                    L.bar_offset_ms(timeframe))
        if not report.ok:
            warnings.warn('data cache: %s %s %s: %s' % (exchange_id, symbol, timeframe,
                                                         report.summary()),
                          DataCacheWarning, stacklevel=2)
        return rows

    @staticmethod
    def _exchange_id(exchange: Any) -> str:
        exchange_id = getattr(exchange, 'id', None)
        if not isinstance(exchange_id, str) or not callable(
                getattr(exchange, 'fetch_ohlcv', None)):
            raise TypeError('exchange must be a ccxt exchange object (with .id and '
                            '.fetch_ohlcv), got %r' % (exchange,))
        return L.check_exchange_id(exchange_id)

    # --- what is there ------------------------------------------------------------
    def series(self) -> list:
        """A :class:`SeriesInfo` for every exchange / symbol / timeframe
        cached under the root, from the sidecars (no bar files are read)."""
        out = []
        for exchange_id, symbol, timeframe, directory in self._walk_series():
            months = self._months_on_disk(directory)
            bars, first, last, fetched, formats = 0, None, None, [], set()
            for month in months:
                part = Partition(directory, month)
                meta = part.read_meta()
                bars += int(meta.get('rows') or 0)
                if meta.get('first') is not None:
                    first = meta['first'] if first is None else min(first, meta['first'])
                    last = meta['last'] if last is None else max(last, meta['last'])
                fetched.extend(meta.get('fetched', []))
                formats.update(fmt for fmt, _ in part.existing())
            out.append(SeriesInfo(exchange_id, symbol, timeframe, bars, first, last,
                                  len(months), R.merge(fetched), sorted(formats)))
        return out

    def _walk_series(self) -> list:
        found = []
        if not os.path.isdir(self.root):
            return found
        for exchange_id in sorted(os.listdir(self.root)):
            edir = os.path.join(self.root, exchange_id)
            if not os.path.isdir(edir):
                continue
            for sname in sorted(os.listdir(edir)):
                sdir = os.path.join(edir, sname)
                if not os.path.isdir(sdir):
                    continue
                try:
                    symbol = L.dirname_to_symbol(sname)
                except ValueError:
                    continue
                for tname in sorted(os.listdir(sdir)):
                    timeframe = L.dirname_to_timeframe(tname)
                    tdir = os.path.join(sdir, tname)
                    if timeframe is not None and os.path.isdir(tdir):
                        found.append((exchange_id, symbol, timeframe, tdir))
        return found

    def verify(self) -> list:
        """``(SeriesInfo, ValidationReport or CorruptPartitionError)`` for
        every cached series: the bars read back and validated."""
        from ._storage import CacheError
        out = []
        for info in self.series():
            try:
                ts, values = self._read_arrays(info.exchange_id, info.symbol,
                                               info.timeframe, None, None)
            except CacheError as exc:
                out.append((info, exc))
                continue
            out.append((info, validate_arrays(ts, values, L.timeframe_ms(info.timeframe),
                                              L.bar_offset_ms(info.timeframe))))
        return out
