"""VisualChart ASCII (CSV) exports.

Columns: ``ticker,period,date,time,open,high,low,close,volume,openinterest``.
The period letter sets the feed's timeframe bar by bar: ``I`` intraday
(minutes), ``D`` days, ``W`` weeks, ``M`` months.  The date is
``YYYYMMDD``; the time, ``HHMMSS`` (read as a number, so ``930`` is
00:09:30), is used for intraday bars only: the others are stamped with
the session end (whole seconds).  The ticker and fields past the tenth
are ignored.
"""
from __future__ import annotations

import datetime

from .. import feed
from ..dataseries import TimeFrame
from ..utils.date import date2num

__all__ = ['VChartCSVData', 'VChartCSV']

_PRICE_FIELDS = ('open', 'high', 'low', 'close', 'volume', 'openinterest')


class VChartCSVData(feed.CSVDataBase):
    """Parses VisualChart CSV exports (see the module docstring)."""

    #: period letter -> timeframe
    vctframes = dict(I=TimeFrame.Minutes, D=TimeFrame.Days,
                     W=TimeFrame.Weeks, M=TimeFrame.Months)

    def _day(self, text: str) -> datetime.date:
        try:
            return datetime.date(int(text[0:4]), int(text[4:6]), int(text[6:8]))
        except ValueError:
            raise self._badfield('date', text, 'a date (YYYYMMDD)') from None

    def _intraday(self, day: datetime.date, text: str) -> datetime.datetime:
        try:
            hhmmss = int(text)
            hh, rest = divmod(hhmmss, 10000)
            mm, ss = divmod(rest, 100)
            return datetime.datetime(day.year, day.month, day.day, hh, mm, ss)
        except ValueError:
            raise self._badfield('time', text, 'a time (HHMMSS)') from None

    def _loadline(self, linetokens: list) -> bool:
        if len(linetokens) < 10:
            raise self._badcount('at least 10', len(linetokens))
        period = linetokens[1]
        timeframe = self.vctframes.get(period)
        if timeframe is None:
            raise self._badfield('period', period, "a period letter (one of %s)"
                                 % ', '.join(self.vctframes))
        self._timeframe = timeframe
        day = self._day(linetokens[2])
        if timeframe == TimeFrame.Minutes:
            stamp = self._intraday(day, linetokens[3])
        else:
            eos = self.p.sessionend
            stamp = datetime.datetime(day.year, day.month, day.day,
                                      eos.hour, eos.minute, eos.second)
        lines = self.lines
        lines.datetime[0] = date2num(stamp)
        tofloat = self._tofloat
        for offset, name in enumerate(_PRICE_FIELDS, 4):
            getattr(lines, name)[0] = tofloat(linetokens[offset], name)
        return True


class VChartCSV(feed.CSVFeedBase):
    DataCls = VChartCSVData
