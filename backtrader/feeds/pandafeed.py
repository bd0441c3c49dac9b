"""Feeds reading a pandas DataFrame.

:class:`PandasData` maps lines to columns by name or position (``-1``:
look for a column named like the line, case-insensitively by default;
None: not present).  The datetime comes from the index unless the
``datetime`` param names a column.  :class:`PandasDirectData` reads rows
by position as ``itertuples()`` yields them (0 is the index).

The frame is converted to plain Python values once at start; each bar then
costs a few list lookups instead of pandas indexing.
"""
from __future__ import annotations

import array
import datetime
import warnings
from typing import Any, Optional

from .. import _feedbulk, feed
from ..dataseries import FILE_COLUMN_ORDER
from ..errors import DataError
from ..utils.date import date2num
from ..utils.py3 import integer_types, string_types

__all__ = ['PandasDirectData', 'PandasData']


def _column_values(series: Any) -> Any:
    """The values of a pandas Series: a float array for numeric columns
    (the doubles ``iloc`` values convert to; no copy for float64 columns),
    Python objects otherwise."""
    if series.dtype.kind in 'fiub':
        return series.to_numpy(dtype='d', copy=False)  # a view for float64
    return series.to_numpy(dtype=object).tolist()


def _datetime_floats(values: Any, what: str) -> Any:
    """``date2num(ts.to_pydatetime())`` for every timestamp, vectorised for
    datetime64 data (naive or zone aware: the stored instants are UTC)."""
    import numpy as np
    import pandas as pd
    dtype = getattr(values, 'dtype', None)
    if dtype is not None and (dtype.kind == 'M' or isinstance(dtype, pd.DatetimeTZDtype)):
        index = pd.DatetimeIndex(values)
        if index.tz is not None:
            index = index.tz_convert('UTC').tz_localize(None)
        if not index.hasnans:
            # to_pydatetime drops nanoseconds (rounding down, also before 1970)
            as_unit = getattr(index, 'as_unit', None)
            usecs = (as_unit('us').asi8 if as_unit is not None
                     else np.floor_divide(index.asi8, 1000))
            days, usec = np.divmod(usecs, 86400000000)
            return _feedbulk.encode_datetimes(days + 719163, usec)
    return [date2num(dt) for dt in _datetimes(values, what)]


def _datetimes(values: Any, what: str) -> list:
    """Naive or aware ``datetime`` objects for an index/column, as
    ``Timestamp.to_pydatetime()`` gives them (nanoseconds dropped)."""
    import pandas as pd
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')  # "discarding nonzero nanoseconds"
        if isinstance(values, pd.DatetimeIndex):
            return list(values.to_pydatetime())
        dtype = getattr(values, 'dtype', None)
        if dtype is not None and dtype.kind == 'M':
            return list(pd.DatetimeIndex(values).to_pydatetime())
        out = []
        for value in values:
            convert = getattr(value, 'to_pydatetime', None)
            if convert is not None:
                out.append(convert())
            elif isinstance(value, datetime.datetime):
                out.append(value)
            else:
                raise DataError('%s: %r is not a timestamp (set the datetime '
                                'parameter to the column holding the dates)'
                                % (what, value))
        return out


class _FrameFeed(feed.DataBase):
    """Serves rows of a DataFrame prepared as per-line value lists."""

    def _prepare(self) -> None:
        """Set ``self._rows``, ``self._dtnums`` and ``self._linevalues``
        (list of (line, values)); subclass hook."""
        raise NotImplementedError

    def start(self) -> None:
        super().start()
        self._idx = -1
        self._prepare()

    def _pickrowsource(self):
        self._rowsource = self._load  # already reads prepared arrays
        return self._load

    def _load(self) -> bool:
        self._idx += 1
        idx = self._idx
        if idx >= self._rows:
            return False
        for name, line, values in self._linevalues:
            try:
                line[0] = values[idx]
            except TypeError:
                raise DataError('%s row %d, field %r: %r is not a number'
                                % (type(self).__name__, idx, name, values[idx])) from None
        self.lines.datetime[0] = self._dtnums[idx]
        return True

    def _bulkcolumns(self) -> Optional[dict]:
        if type(self)._load is not _FrameFeed._load:
            return None
        start = self._idx + 1
        cols: dict[str, Any] = {'datetime': self._dtnums[start:]}
        for name, _, values in self._linevalues:
            if isinstance(values, list):
                try:
                    values = array.array('d', values[start:])
                except TypeError:
                    return None  # a non-number: the bar by bar path reports it
            else:
                values = values[start:]
            cols[name] = values
        self._idx = self._rows
        return cols


class PandasDirectData(_FrameFeed):
    """Reads ``itertuples()`` rows by position: ``datetime`` (0, the index),
    ``open`` (1) ... ``openinterest`` (6); a negative position skips a line."""

    params = dict(
        datetime=0,  # the index
        **{field: column for column, field in enumerate(FILE_COLUMN_ORDER, 1)},
    )

    datafields = ['datetime', *FILE_COLUMN_ORDER]

    def _position(self, frame: Any, pos: int) -> Any:
        if pos == 0:
            return frame.index
        if pos > len(frame.columns):
            raise ValueError('%s: position %d is past the %d columns (+ index)'
                             % (type(self).__name__, pos, len(frame.columns)))
        return frame.iloc[:, pos - 1]

    def _prepare(self) -> None:
        frame = self.p.dataname
        self._rows = len(frame)
        self._linevalues = []
        for index, name in enumerate(self.getlinealiases()):
            if name == 'datetime':
                continue
            pos = getattr(self.params, name)
            if pos < 0:
                continue
            source = self._position(frame, pos)
            values = source.tolist() if pos == 0 else _column_values(source)
            self._linevalues.append((name, self.lines[index], values))
        source = self._position(frame, self.p.datetime)
        self._dtnums = _datetime_floats(source, type(self).__name__)


class PandasData(_FrameFeed):
    """Reads a DataFrame with columns mapped by name or position.

    Params (each line): None: absent; ``-1``: autodetect a column named
    like the line (case-insensitive with ``nocase``); a name; a position.
    ``datetime`` (None): the index holds the timestamps.
    """

    params = dict(
        nocase=True,
        datetime=None,  # None: the index
        **dict.fromkeys(FILE_COLUMN_ORDER, -1),  # -1: found by name
    )

    datafields = ['datetime', *FILE_COLUMN_ORDER]

    def __init__(self) -> None:
        frame = self.p.dataname
        if not hasattr(frame, 'columns') or not hasattr(frame, 'iloc'):
            raise TypeError('PandasData: dataname must be a pandas DataFrame, got %s'
                            % type(frame).__name__)
        columns = list(frame.columns.values)
        self._colmapping = {line: self._wanted_column(line, columns)
                            for line in self.getlinealiases()}

    def _wanted_column(self, line: str, columns: list) -> Any:
        """The param of ``line`` as given, except -1 (autodetect): then the
        first column named like the line, or None when there is none."""
        wanted = getattr(self.params, line)
        if not (isinstance(wanted, integer_types) and wanted < 0):
            return wanted
        if self.p.nocase:
            target = line.lower()
            fold = str.lower
        else:
            target = line
            fold = str  # compare as given
        named = (col for col in columns if isinstance(col, string_types))
        return next((col for col in named if fold(col) == target), None)

    def _resolve(self, colnames: list) -> None:
        """Turn column names in the mapping into positions."""
        nocase = self.p.nocase
        keys = [c.lower() if nocase and isinstance(c, string_types) else c
                for c in colnames]
        for name, mapping in self._colmapping.items():
            if not isinstance(mapping, string_types):
                continue
            try:
                self._colmapping[name] = keys.index(mapping.lower() if nocase else mapping)
            except ValueError:
                default = getattr(self.params, name)
                if isinstance(default, integer_types) and default < 0:
                    self._colmapping[name] = None
                else:
                    raise ValueError('PandasData: column %r (param %s) is not '
                                     'in the DataFrame columns %r'
                                     % (mapping, name, colnames)) from None

    def _prepare(self) -> None:
        frame = self.p.dataname
        self._resolve(list(frame.columns.values))
        self._rows = len(frame)
        self._linevalues = []
        for index, name in enumerate(self.getlinealiases()):
            colidx = self._colmapping[name]
            if name == 'datetime' or colidx is None:
                continue
            values = _column_values(frame.iloc[:, colidx])
            self._linevalues.append((name, self.lines[index], values))
        dtcol = self._colmapping['datetime']
        source = frame.index if dtcol is None else frame.iloc[:, dtcol]
        self._dtnums = _datetime_floats(source, 'PandasData')
