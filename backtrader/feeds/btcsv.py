"""backtrader's own CSV format.

Columns: ``date[,time],open,high,low,close,volume,openinterest`` with the
date as ``YYYY-MM-DD`` and the optional time as ``HH:MM:SS``.  A line of
exactly 8 fields has a time; otherwise the bar is stamped with the end of
the session (``sessionend``) and fields past the seventh are ignored.
"""
from __future__ import annotations

import datetime
from typing import Any, Optional

from .. import _feedbulk, feed
from ..utils.date import date2num

__all__ = ['BacktraderCSVData', 'BacktraderCSV']

_PRICE_FIELDS = ('open', 'high', 'low', 'close', 'volume', 'openinterest')
_CACHE_MAX = 4096


class BacktraderCSVData(feed.CSVDataBase):
    """Parses backtrader's CSV format (see the module docstring).

    A line with fewer than 7 fields, an unparsable date/time or number
    raises :class:`backtrader.errors.DataError` naming file, line and field.
    """

    def start(self) -> None:
        super().start()
        self._daycache: dict = {}
        self._tmcache: dict = {}

    def _parsedate(self, text: str) -> datetime.date:
        day = self._daycache.get(text)
        if day is None:
            try:
                day = datetime.date(int(text[0:4]), int(text[5:7]), int(text[8:10]))
            except ValueError:
                raise self._badfield('date', text, 'a date (YYYY-MM-DD)') from None
            if len(self._daycache) >= _CACHE_MAX:
                self._daycache.clear()
            self._daycache[text] = day
        return day

    def _parsetime(self, text: str) -> datetime.time:
        tm = self._tmcache.get(text)
        if tm is None:
            try:
                tm = datetime.time(int(text[0:2]), int(text[3:5]), int(text[6:8]))
            except ValueError:
                raise self._badfield('time', text, 'a time (HH:MM:SS)') from None
            if len(self._tmcache) >= _CACHE_MAX:
                self._tmcache.clear()
            self._tmcache[text] = tm
        return tm

    def _dtnum(self, tokens: list) -> float:
        day = self._parsedate(tokens[0])
        if len(tokens) == 8:
            tm = self._parsetime(tokens[1])
        else:
            tm = self.p.sessionend
        return date2num(datetime.datetime.combine(day, tm))

    def _loadline(self, linetokens: list) -> bool:
        ntok = len(linetokens)
        if ntok < 7:
            raise self._badcount('7 or 8', ntok)
        lines = self.lines
        lines.datetime[0] = self._dtnum(linetokens)
        first = 2 if ntok == 8 else 1
        try:
            values = [float(tok) for tok in linetokens[first:first + 6]]
        except ValueError:
            for offset, name in enumerate(_PRICE_FIELDS):
                self._tofloat(linetokens[first + offset], name)  # raises
            raise
        lines.open[0], lines.high[0], lines.low[0], lines.close[0], \
            lines.volume[0], lines.openinterest[0] = values
        return True

    # --- bulk preloading ------------------------------------------------------------
    def _bulkcolumns(self) -> Optional[dict]:
        cls = type(self)
        if (cls._loadline is not BacktraderCSVData._loadline
                or cls._load is not feed.CSVDataBase._load
                or cls._getnextline is not feed.CSVDataBase._getnextline
                or cls._dtnum is not BacktraderCSVData._dtnum
                or self.p.sessionend.tzinfo is not None):
            return None
        lines = [line for line in self._readall() if line and not line.isspace()]
        if not lines:
            self._consumeall()
            return {'datetime': []}
        ncols = lines[0].count(self.separator) + 1
        if ncols < 7:
            return None
        first = 2 if ncols == 8 else 1
        # dates/times are read as text, fields past the prices are ignored
        strcols = set(range(first)) | set(range(first + 6, ncols))
        table = _feedbulk.read_columns(lines, self.separator, strcols)
        if table is None:
            return None  # ragged or unreadable: line by line reports it
        try:
            dtcol = self._bulkdatetimes(table[0], table[1] if first == 2 else None)
        except ValueError:
            return None
        self._consumeall()
        cols: dict[str, Any] = {'datetime': dtcol}
        for offset, name in enumerate(_PRICE_FIELDS):
            cols[name] = table[first + offset]
        return cols

    def _bulkdatetimes(self, dates: list, times: Optional[list]) -> Any:
        """Datetime floats of whole date/time columns (same values as
        ``_dtnum``): each distinct text is parsed once."""
        ordinals = _feedbulk.parse_days(dates)
        if ordinals is None:  # not all YYYY-MM-DD: parse as _loadline does
            ordinal = {text: self._parsedate(text).toordinal() for text in dict.fromkeys(dates)}
            ordinals = [ordinal[text] for text in dates]
        if times is None:
            usecs: Any = _feedbulk.time_usecs(self.p.sessionend)
            usecs = [usecs] * len(ordinals)
        else:
            usec = {text: _feedbulk.time_usecs(self._parsetime(text))
                    for text in dict.fromkeys(times)}
            usecs = [usec[text] for text in times]
        return _feedbulk.encode_datetimes(ordinals, usecs)


class BacktraderCSV(feed.CSVFeedBase):
    DataCls = BacktraderCSVData
