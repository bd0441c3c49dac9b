"""VisualChart's binary bar files, read by ``VChartData`` and ``VChartFile``.

Records are little endian, without a file header:

- daily files (``.fd``, also used for weeks and months), 28 bytes:
  date, open, high, low, close, volume, open interest;
- minute files (``.min``), 32 bytes: date, time, open, ..., open interest.

The date is ``year * 500 + month * 32 + day`` and the time the seconds
since midnight, both unsigned 32 bit integers; prices are 32 bit floats
(widened to Python floats exactly), volume and open interest unsigned
32 bit integers.

:class:`BarFileReader` decodes one record per call, or the whole rest of
the file at once (numpy) for preloading; :class:`BarFileFeed` is the feed
side both data classes share (open, read, preload, close).
"""
from __future__ import annotations

import datetime
import io
import struct
from typing import Any, Optional

import numpy as np

from .. import _feedbulk
from ..errors import DataError
from ..utils.date import date2num

__all__ = ['BarFileFeed', 'BarFileReader', 'DAILY', 'MINUTES']

#: struct layouts by kind
DAILY = '<IffffII'
MINUTES = '<IIffffII'

_PRICES = ('open', 'high', 'low', 'close', 'volume', 'openinterest')
_EPOCH_ORDINAL = 719163  # datetime.date(1970, 1, 1).toordinal()


def split_date(value: int) -> tuple:
    """(year, month, day) of an encoded date."""
    year, rest = divmod(value, 500)
    month, day = divmod(rest, 32)
    return year, month, day


class BarFileReader:
    """Decodes the records of an open binary file.

    ``daytime`` is the time of day given to daily bars (``None``:
    midnight); minute bars carry their own time.
    """

    def __init__(self, handle: Any, layout: str, path: str,
                 daytime: Optional[datetime.time] = None) -> None:
        self.handle = handle
        self.path = path
        self.daytime = daytime
        self.intraday = layout == MINUTES
        self._struct = struct.Struct(layout)
        self._count = 0

    def _bad(self, field: str, value: Any, exc: Exception) -> DataError:
        return DataError("%s record %d, field '%s': %r is not valid (%s)"
                         % (self.path, self._count, field, value, exc))

    def _stamp(self, fields: tuple) -> float:
        year, month, day = split_date(fields[0])
        try:
            date = datetime.date(year, month, day)
        except ValueError as exc:
            raise self._bad('date', fields[0], exc) from None
        if self.intraday:
            seconds = fields[1]
            try:
                tm = datetime.time(seconds // 3600, (seconds // 60) % 60, seconds % 60)
            except ValueError as exc:
                raise self._bad('time', seconds, exc) from None
        else:
            tm = self.daytime or datetime.time()
        return date2num(datetime.datetime.combine(date, tm))

    def read(self, lines: Any) -> bool:
        """Fill the current slot of ``lines``; False at the end of file (a
        trailing partial record is ignored)."""
        raw = self.handle.read(self._struct.size)
        if len(raw) < self._struct.size:
            return False
        self._count += 1
        fields = self._struct.unpack(raw)
        lines.datetime[0] = self._stamp(fields)
        first = 2 if self.intraday else 1
        for offset, name in enumerate(_PRICES, first):
            getattr(lines, name)[0] = float(fields[offset])
        return True

    def readall(self) -> Optional[dict]:
        """Every remaining record as columns ({line name: values}), or None
        when a record is invalid (then nothing is consumed and ``read``
        reports the record)."""
        start = self.handle.tell()
        data = self.handle.read()
        size = self._struct.size
        count = len(data) // size
        names = ['date'] + (['time'] if self.intraday else []) + list(_PRICES)
        kinds = ['<u4'] * (len(names) - 6) + ['<f4'] * 4 + ['<u4'] * 2
        table = np.frombuffer(data, dtype=np.dtype(list(zip(names, kinds))), count=count)
        dtcol = self._stamps(table)
        if dtcol is None:
            self.handle.seek(start)
            return None
        self._count += count
        cols: dict = {'datetime': dtcol}
        for name in _PRICES:
            cols[name] = table[name].astype('d')
        return cols

    def _stamps(self, table: np.ndarray) -> Optional[np.ndarray]:
        """Datetime floats of the records, None if a date/time is invalid."""
        year, rest = np.divmod(table['date'].astype(np.int64), 500)
        month, day = np.divmod(rest, 32)
        if len(year) and (year.min() < 1 or year.max() > 9999 or month.min() < 1
                          or month.max() > 12 or day.min() < 1):
            return None
        months = ((year - 1970) * 12 + month - 1).astype('datetime64[M]')
        days = months.astype('datetime64[D]') + (day - 1)
        if (days.astype('datetime64[M]') != months).any():
            return None  # day past the end of its month
        ordinals = days.astype(np.int64) + _EPOCH_ORDINAL
        if self.intraday:
            seconds = table['time'].astype(np.int64)
            if len(seconds) and seconds.max() >= 86400:
                return None
            usecs = seconds * 1000000
        else:
            usecs = np.full(len(ordinals), _feedbulk.time_usecs(self.daytime or datetime.time()),
                            dtype=np.int64)
        return _feedbulk.encode_datetimes(ordinals, usecs)


class BarFileFeed:
    """Mixed into a data feed reading one bar file: ``_open`` it in
    ``start``; bars are read one per ``_load`` or all at once when
    preloading (unless a subclass reads its own way)."""

    _reader: Optional[BarFileReader] = None
    f: Any = None

    def _open(self, path: str, layout: str, **options: Any) -> None:
        self.f = io.open(path, 'rb')
        self._reader = BarFileReader(self.f, layout, path, **options)

    def stop(self) -> None:
        if self.f is not None:
            self.f.close()
            self.f = None

    def _load(self) -> bool:
        if self._reader is None:
            return False
        return self._reader.read(self.lines)

    def _bulkcolumns(self) -> Optional[dict]:
        if type(self)._load is not BarFileFeed._load or self._reader is None:
            return None
        return self._reader.readall()
