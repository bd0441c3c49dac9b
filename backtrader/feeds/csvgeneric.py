"""A CSV feed whose layout is described by parameters.

Each line field is a column index (``-1`` or None: not in the file, the
line gets ``nullvalue``).  The date/time is parsed with ``dtformat`` (a
``strptime`` format, a callable, or 1/2 for Unix timestamps as integer/float
seconds), with an optional separate ``time`` column parsed with
``tmformat``.  For daily and larger timeframes a date without time is
stamped with the end of the session, as every bundled feed does.

Subclasses can add lines: a line named ``pe`` is read from the column given
by a parameter of the same name.
"""
from __future__ import annotations

import datetime
from typing import Any, Callable, Optional

import numpy as np

from .. import _feedbulk, feed
from ..dataseries import FILE_COLUMN_ORDER, TimeFrame
from ..utils.date import date2num
from ..utils.py3 import integer_types, string_types

__all__ = ['GenericCSVData', 'GenericCSV']

_UTC = datetime.timezone.utc


def _from_timestamp(seconds: float) -> datetime.datetime:
    """Naive UTC datetime of a Unix timestamp."""
    return datetime.datetime.fromtimestamp(seconds, _UTC).replace(tzinfo=None)


# module level, not lambdas: feeds are pickled for optimisation workers
def _from_unix_int(text: str) -> datetime.datetime:
    return _from_timestamp(int(text))


def _from_unix_float(text: str) -> datetime.datetime:
    return _from_timestamp(float(text))


class GenericCSVData(feed.CSVDataBase):
    """Parses a CSV file laid out as the params say (see module docstring).

    Params: ``nullvalue`` (value for empty/absent fields, NaN),
    ``dtformat`` ('%Y-%m-%d %H:%M:%S'), ``tmformat`` ('%H:%M:%S'),
    ``datetime`` (0), ``time`` (-1), ``open`` (1), ``high`` (2), ``low`` (3),
    ``close`` (4), ``volume`` (5), ``openinterest`` (6).
    """

    params = dict(
        nullvalue=float('NaN'),
        dtformat='%Y-%m-%d %H:%M:%S', tmformat='%H:%M:%S',
        datetime=0, time=-1,
        # the price columns follow the timestamp, in the usual order
        **{field: column for column, field in enumerate(FILE_COLUMN_ORDER, 1)},
    )

    def start(self) -> None:
        super().start()
        self._dtconvert = self._makeconverter()
        self._columns = self._linecolumns()
        used = [idx for _, _, idx in self._columns if idx is not None]
        used.append(self.p.datetime)
        if self._dtstr and self._hastime():
            used.append(self.p.time)
        self._minfields = max(used) + 1

    def _hastime(self) -> bool:
        return self.p.time is not None and self.p.time >= 0

    def _makeconverter(self) -> Callable[[str], datetime.datetime]:
        from .._feedbulk import make_strptime
        dtformat = self.p.dtformat
        self._dtstr = isinstance(dtformat, string_types)
        if self._dtstr:
            fmt = dtformat
            if self._hastime():
                fmt += 'T' + self.p.tmformat
            return make_strptime(fmt)
        if isinstance(dtformat, integer_types) and not isinstance(dtformat, bool):
            if dtformat == 1:
                return _from_unix_int
            if dtformat == 2:
                return _from_unix_float
            raise ValueError('dtformat: an integer must be 1 (Unix seconds) or '
                             '2 (Unix seconds with decimals), got %d' % dtformat)
        if callable(dtformat):
            return dtformat
        raise TypeError('dtformat must be a strptime format, a callable or '
                        '1/2, got %s' % type(dtformat).__name__)

    def _linecolumns(self) -> list:
        """(name, line, column index or None) for every line but datetime."""
        out = []
        for index, name in enumerate(self.getlinealiases()):
            if name == 'datetime':
                continue
            try:
                colidx = getattr(self.params, name)
            except AttributeError:
                raise TypeError('%s: line %r has no parameter giving its column'
                                % (type(self).__name__, name)) from None
            if colidx is None or colidx < 0:
                colidx = None
            out.append((name, self.lines[index], colidx))
        return out

    # --- parsing ---------------------------------------------------------------------
    def _parsedt(self, tokens: list) -> datetime.datetime:
        text = tokens[self.p.datetime]
        if self._dtstr and self._hastime():
            text += 'T' + tokens[self.p.time]
        try:
            return self._dtconvert(text)
        except (ValueError, OverflowError) as exc:
            raise self._badfield('datetime', text, 'a datetime (%s)' % exc) from None

    def _dt2num(self, dt: datetime.datetime) -> float:
        """Encode a parsed datetime; at daily+ timeframes a time before the
        session end moves to the session end."""
        if self.p.timeframe < TimeFrame.Days:
            return date2num(dt)
        tzinput = self._tzinput
        dtnum = date2num(tzinput.localize(dt) if tzinput else dt)
        eosnum = self.date2num(datetime.datetime.combine(dt.date(), self.p.sessionend))
        if eosnum > dtnum:
            return eosnum
        return date2num(dt) if tzinput else dtnum

    def _nullfloat(self, name: str) -> float:
        try:
            return float(float(self.p.nullvalue))
        except (TypeError, ValueError):
            raise ValueError('nullvalue %r is not a number (needed for field %r)'
                             % (self.p.nullvalue, name)) from None

    def _loadline(self, linetokens: list) -> bool:
        if len(linetokens) < self._minfields:
            raise self._badcount('at least %d' % self._minfields, len(linetokens))
        self.lines.datetime[0] = self._dt2num(self._parsedt(linetokens))
        for name, line, colidx in self._columns:
            token = linetokens[colidx] if colidx is not None else ''
            if token == '':
                line[0] = self._nullfloat(name)
            else:
                line[0] = self._tofloat(token, name)
        return True

    # --- bulk preloading ------------------------------------------------------------
    def _bulkcolumns(self) -> Optional[dict]:
        cls = type(self)
        if (cls._loadline is not GenericCSVData._loadline
                or cls._load is not feed.CSVDataBase._load
                or cls._getnextline is not feed.CSVDataBase._getnextline
                or cls._dt2num is not GenericCSVData._dt2num
                or cls._parsedt is not GenericCSVData._parsedt):
            return None
        lines = [line for line in self._readall() if line and not line.isspace()]
        if not lines:
            self._consumeall()
            return {'datetime': []}
        ncols = lines[0].count(self.separator) + 1
        if ncols < self._minfields:
            return None
        numeric = {colidx for _, _, colidx in self._columns if colidx is not None}
        strcols = set(range(ncols)) - numeric
        try:
            nullvalue = self._nullfloat('nullvalue')
            table = _feedbulk.read_columns(lines, self.separator, strcols, nullvalue)
            if table is None:
                return None
            dtcol = self._bulkdatetimes(table)
        except ValueError:  # DataError included: the slow path reports it
            return None
        self._consumeall()
        cols: dict[str, Any] = {'datetime': dtcol}
        for name, _, colidx in self._columns:
            cols[name] = table[colidx] if colidx is not None else [nullvalue] * len(lines)
        return cols

    def _bulkdatetimes(self, table: list) -> Any:
        """Datetime floats of the whole table, as ``_loadline`` computes
        them one by one (vectorised where no time zone is involved)."""
        texts = table[self.p.datetime]
        fmt = None
        if self._dtstr:
            fmt = self.p.dtformat
            if self._hastime():
                texts = [d + 'T' + t for d, t in zip(texts, table[self.p.time])]
                fmt += 'T' + self.p.tmformat
        parsed = _feedbulk.parse_fixed(texts, fmt) if fmt is not None else None
        simple = self._tzinput is None and getattr(self, '_tz', None) is None
        if parsed is None:
            stamps = [self._dtconvert(text) for text in texts]
            if not simple or any(dt.tzinfo is not None for dt in stamps):
                return [self._dt2num(dt) for dt in stamps]
            parsed = ([dt.toordinal() for dt in stamps],
                      [_feedbulk.time_usecs(dt.time()) for dt in stamps])
        ordinals, usecs = parsed
        if self.p.timeframe < TimeFrame.Days:
            return _feedbulk.encode_datetimes(ordinals, usecs)
        if not simple or self.p.sessionend.tzinfo is not None:
            return [self._dt2num(dt) for dt in self._todatetimes(ordinals, usecs)]
        dtnums = _feedbulk.encode_datetimes(ordinals, usecs)
        eos = _feedbulk.time_usecs(self.p.sessionend)
        eosnums = _feedbulk.encode_datetimes(ordinals, [eos] * len(dtnums))
        return np.where(eosnums > dtnums, eosnums, dtnums)

    @staticmethod
    def _todatetimes(ordinals: Any, usecs: Any) -> list:
        out = []
        for ordinal, usec in zip(ordinals, usecs):
            day = datetime.datetime.fromordinal(int(ordinal))
            out.append(day + datetime.timedelta(microseconds=int(usec)))
        return out


class GenericCSV(feed.CSVFeedBase):
    DataCls = GenericCSVData
