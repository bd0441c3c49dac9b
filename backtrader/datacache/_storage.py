"""One month partition on disk: its bars (Parquet or gzip CSV) and the
JSON sidecar recording which time ranges were fetched.

Every file is written to a temporary name in the same directory and moved
into place with ``os.replace``, so a crash leaves the old file or the new
one, never half of either.  The bars are written before the sidecar: a
crash between the two loses only the record of the fetch (it is refetched),
never claims bars that are not there.  A file that cannot be read raises
:class:`CorruptPartitionError` naming it; nothing is deleted.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import os
import tempfile
from typing import Any, Callable, Optional

import numpy as np

__all__ = ['CacheError', 'CorruptPartitionError', 'HAVE_PYARROW', 'EXTENSIONS',
           'Partition', 'rows_to_arrays', 'arrays_to_rows', 'merge_arrays']

try:
    import pyarrow as pa
    import pyarrow.parquet as pq
    HAVE_PYARROW = True
except ImportError:  # the CSV format still works
    pa = pq = None
    HAVE_PYARROW = False

EXTENSIONS = {'parquet': '.parquet', 'csv': '.csv.gz'}
COLUMNS = ('timestamp', 'open', 'high', 'low', 'close', 'volume')
SIDECAR_VERSION = 1


class CacheError(Exception):
    """Base of the data cache's own errors."""


class CorruptPartitionError(CacheError):
    """A cache file exists but cannot be read; ``path`` names it."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__('cannot read cache file %s: %s (the file was left as it '
                         'is; move or delete it to fetch the data again)'
                         % (path, reason))
        self.path = path
        self.reason = reason


def rows_to_arrays(rows: Any) -> tuple:
    """(int64 timestamps, float64 n x 5 values) of [[ts, o, h, l, c, v], ...];
    None values become NaN."""
    count = len(rows)
    ts = np.empty(count, dtype=np.int64)
    values = np.empty((count, 5), dtype=np.float64)
    for i, row in enumerate(rows):
        if len(row) < 6:
            raise ValueError('rows[%d] has %d fields; expected [timestamp_ms, open, '
                             'high, low, close, volume]' % (i, len(row)))
        ts[i] = int(row[0])
        values[i] = [np.nan if x is None else x for x in row[1:6]]
    return ts, values


def arrays_to_rows(ts: np.ndarray, values: np.ndarray) -> list:
    """Plain Python rows (int, float, ...) of the two arrays."""
    if not len(ts):
        return []
    columns = [ts.tolist()] + [values[:, i].tolist() for i in range(5)]
    return [list(row) for row in zip(*columns)]


def merge_arrays(old: tuple, new: tuple) -> tuple:
    """``old`` and ``new`` bars, sorted, one bar per timestamp: where both
    hold a timestamp the bar of ``new`` wins (as does the later of two
    repeats inside ``new``)."""
    ts = np.concatenate([old[0], new[0]])
    values = np.concatenate([old[1], new[1]])
    order = np.argsort(ts, kind='stable')
    ts, values = ts[order], values[order]
    keep = np.ones(len(ts), dtype=bool)
    if len(ts) > 1:
        keep[:-1] = ts[1:] != ts[:-1]
    return ts[keep], values[keep]


def _empty() -> tuple:
    return np.empty(0, dtype=np.int64), np.empty((0, 5), dtype=np.float64)


def atomic_write(path: str, write: Callable[[Any], None], binary: bool = True) -> None:
    """Call ``write(fileobj)`` on a temporary file next to ``path``, flush
    it to disk, then move it over ``path``; on any error the temporary file
    goes and ``path`` is untouched."""
    directory = os.path.dirname(path)
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix='.' + os.path.basename(path) + '.',
                               suffix='.tmp', dir=directory)
    try:
        with os.fdopen(fd, 'wb' if binary else 'w', **({} if binary else
                                                       {'encoding': 'utf-8'})) as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class Partition:
    """The files of one exchange / symbol / timeframe / month."""

    def __init__(self, directory: str, month: str) -> None:
        self.directory = directory
        self.month = month

    def data_path(self, fmt: str) -> str:
        return os.path.join(self.directory, self.month + EXTENSIONS[fmt])

    @property
    def sidecar_path(self) -> str:
        return os.path.join(self.directory, self.month + '.json')

    def existing(self) -> list:
        """(format, path) of the data files present, oldest first."""
        found = [(fmt, self.data_path(fmt)) for fmt in EXTENSIONS
                 if os.path.exists(self.data_path(fmt))]
        return sorted(found, key=lambda item: os.stat(item[1]).st_mtime_ns)

    # --- bars ---------------------------------------------------------------------
    def read(self) -> tuple:
        """(timestamps, values) of the month; both formats merged (the
        newer file wins) should a format change have left two."""
        result = _empty()
        for fmt, path in self.existing():
            part = _READERS[fmt](path)
            result = part if not len(result[0]) else merge_arrays(result, part)
        return result

    def write(self, ts: np.ndarray, values: np.ndarray, fmt: str) -> None:
        """Replace the month's bars (already merged) in format ``fmt``; a
        file in the other format, whose bars ``ts`` include, is removed
        after the new file is in place."""
        path = self.data_path(fmt)
        _WRITERS[fmt](path, ts, values)
        for other, other_path in self.existing():
            if other != fmt:
                os.unlink(other_path)

    # --- sidecar ------------------------------------------------------------------
    def read_meta(self) -> dict:
        path = self.sidecar_path
        if not os.path.exists(path):
            return {}
        try:
            with open(path, encoding='utf-8') as fh:
                meta = json.load(fh)
            if not isinstance(meta, dict):
                raise ValueError('not a JSON object')
            meta['fetched'] = [(int(a), int(b)) for a, b in meta.get('fetched', [])]
        except (OSError, ValueError, TypeError) as exc:
            raise CorruptPartitionError(path, str(exc)) from exc
        return meta

    def write_meta(self, meta: dict) -> None:
        text = json.dumps(meta, indent=1, sort_keys=True)
        atomic_write(self.sidecar_path, lambda fh: fh.write(text), binary=False)


# --- formats --------------------------------------------------------------------
def _read_parquet(path: str) -> tuple:
    if not HAVE_PYARROW:
        raise CacheError('%s is a Parquet file and pyarrow is not installed' % path)
    try:
        table = pq.read_table(path)
        names = table.column_names
        if tuple(names[:6]) != COLUMNS:
            raise ValueError('columns %r, expected %r' % (names, list(COLUMNS)))
        ts = table.column(0).to_numpy().astype(np.int64, copy=False)
        values = np.column_stack([table.column(i).to_numpy().astype(np.float64)
                                  for i in range(1, 6)]) if len(ts) else _empty()[1]
    except (OSError, ValueError, pa.ArrowException) as exc:
        raise CorruptPartitionError(path, str(exc)) from exc
    return ts, values


def _write_parquet(path: str, ts: np.ndarray, values: np.ndarray) -> None:
    if not HAVE_PYARROW:
        raise CacheError('format "parquet" needs pyarrow; install it or use '
                         'format="csv"')
    arrays = [pa.array(ts, type=pa.int64())]
    arrays += [pa.array(values[:, i], type=pa.float64()) for i in range(5)]
    table = pa.Table.from_arrays(arrays, names=list(COLUMNS))
    atomic_write(path, lambda fh: pq.write_table(table, fh, compression='zstd'))


def _read_csv(path: str) -> tuple:
    try:
        with gzip.open(path, 'rt', encoding='utf-8', newline='') as fh:
            reader = csv.reader(fh)
            header = next(reader, None)
            if header is None or tuple(h.strip() for h in header[:6]) != COLUMNS:
                raise ValueError('header %r, expected %r' % (header, list(COLUMNS)))
            body = list(reader)
        ts = np.array([int(r[0]) for r in body], dtype=np.int64)
        values = np.array([[float(x) for x in r[1:6]] for r in body],
                          dtype=np.float64).reshape(len(body), 5)
    except (OSError, EOFError, ValueError, IndexError, UnicodeDecodeError,
            csv.Error) as exc:
        raise CorruptPartitionError(path, str(exc)) from exc
    return ts, values


def _write_csv(path: str, ts: np.ndarray, values: np.ndarray) -> None:
    buffer = io.StringIO()
    buffer.write(','.join(COLUMNS) + '\n')
    for stamp, row in zip(ts.tolist(), values.tolist()):
        buffer.write('%d,%r,%r,%r,%r,%r\n' % (stamp, *row))
    payload = buffer.getvalue().encode('utf-8')

    def write(fh: Any) -> None:
        with gzip.GzipFile(fileobj=fh, mode='wb', mtime=0) as gz:
            gz.write(payload)
    atomic_write(path, write)


_READERS: dict = {'parquet': _read_parquet, 'csv': _read_csv}
_WRITERS: dict = {'parquet': _write_parquet, 'csv': _write_csv}


def sidecar_for(existing: Optional[dict], **fields: Any) -> dict:
    meta = dict(existing or {})
    meta.update(fields)
    meta['version'] = SIDECAR_VERSION
    return meta
