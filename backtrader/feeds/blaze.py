"""``BlazeData``: bars from a Blaze expression or any iterable of rows.

``dataname`` is iterated once at start; each row is indexed by the
position params (``datetime`` 0, ``open`` 1 ... ``openinterest`` 6; a
negative position or None: the line is not in the rows and stays NaN).
The datetime field must be a ``datetime``/``date`` (pandas Timestamps
are).  As upstream, the feed does not import ``blaze`` itself (any
iterable of tuples works), and ``bt.feeds`` only offers ``BlazeData`` when
the ``blaze`` library is installed.
"""
from __future__ import annotations

import datetime
from typing import Any, Iterator

from .. import feed
from ..errors import DataError
from ..utils.date import date2num

__all__ = ['BlazeData']


class BlazeData(feed.DataBase):
    """Reads rows of an iterable (see the module docstring)."""

    params = (
        ('datetime', 0),
        ('open', 1), ('high', 2), ('low', 3), ('close', 4),
        ('volume', 5), ('openinterest', 6),
    )

    datafields = ['datetime', 'open', 'high', 'low', 'close', 'volume', 'openinterest']

    _rows: Iterator = iter(())

    def start(self) -> None:
        super().start()
        source = self.p.dataname
        try:
            self._rows = iter(source)
        except TypeError:
            raise TypeError('BlazeData: dataname must be iterable (a blaze expression '
                            'or rows of values), got %s' % type(source).__name__) from None
        self._rowno = 0
        self._columns = [(name, getattr(self.lines, name), getattr(self.p, name))
                         for name in self.datafields]

    def _load(self) -> bool:
        row = next(self._rows, None)
        if row is None:
            return False
        self._rowno += 1
        for name, line, index in self._columns:
            if index is None or index < 0:
                continue
            value = row[index]
            try:
                line[0] = self._convert(name, value)
            except (TypeError, ValueError, AttributeError):
                raise DataError("BlazeData row %d, field '%s': %r is not %s"
                                % (self._rowno, name, value,
                                   'a datetime' if name == 'datetime' else 'a number')) from None
        return True

    @staticmethod
    def _convert(name: str, value: Any) -> float:
        if name == 'datetime':
            if not isinstance(value, datetime.date):
                raise TypeError(name)
            return date2num(value)
        return float(value)
