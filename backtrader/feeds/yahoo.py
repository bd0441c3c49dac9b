"""Yahoo Finance daily CSV files and the (retired) online download.

Files have the columns ``Date,Open,High,Low,Close,Adj Close,Volume``.
Lines containing ``null`` (days Yahoo has no data for) are skipped.  By
default prices are scaled by ``Adj Close / Close`` so that splits and
dividends do not show as gaps, volume is scaled the opposite way, and
values are rounded.
"""
from __future__ import annotations

import datetime
import io
from typing import Any, Optional

import numpy as np

from .. import _feedbulk, feed
from ..errors import DataError
from ..utils.date import date2num

__all__ = ['YahooFinanceCSVData', 'YahooLegacyCSV', 'YahooFinanceCSV',
           'YahooFinanceData', 'YahooFinance']


def _flipped(handle: Any) -> io.StringIO:
    """An in-memory copy of the rest of ``handle`` (which gets closed) with
    its lines in the opposite order: files listing the newest day first are
    then read oldest first like any other."""
    remaining = handle.readlines()
    handle.close()
    remaining.reverse()
    copy = io.StringIO(newline=None)  # newline=None: \r\n becomes \n
    copy.write(''.join(remaining))
    copy.seek(0)
    return copy


class YahooFinanceCSVData(feed.CSVDataBase):
    """Parses Yahoo Finance daily CSV files.

    Params:
      - ``reverse`` (False): the file lists the newest day first
      - ``adjclose`` (True): scale open/high/low by Adj Close / Close and use
        Adj Close as close
      - ``adjvolume`` (True): with ``adjclose``, scale volume inversely
      - ``round`` (True) / ``decimals`` (2): round prices
      - ``roundvolume`` (False): decimals kept in the volume (False: none)
      - ``swapcloses`` (False): the file has Close and Adj Close swapped

    The extra line ``adjclose`` holds the adjusted close of the file.
    """

    lines = ('adjclose',)

    params = dict(
        reverse=False, adjclose=True, adjvolume=True, round=True, decimals=2,
        roundvolume=False, swapcloses=False,
    )

    def start(self) -> None:
        super().start()
        self._daycache: dict = {}
        if self.params.reverse:
            self.f = _flipped(self.f)

    def _skipnulls(self, linetokens: list) -> Any:
        """The first line from here on without 'null' fields (or None)."""
        while linetokens is not None and 'null' in linetokens[1:]:
            linetokens = self._getnextline()
        return linetokens

    def _loadline(self, linetokens: list) -> bool:
        linetokens = self._skipnulls(linetokens)
        if not linetokens:
            return False
        if len(linetokens) < 6:
            raise self._badcount('at least 6', len(linetokens))
        day = self._day(linetokens[0])
        self.lines.datetime[0] = date2num(datetime.datetime.combine(day, self.p.sessionend))
        tofloat = self._tofloat
        o = tofloat(linetokens[1], 'open')
        h = tofloat(linetokens[2], 'high')
        l = tofloat(linetokens[3], 'low')
        c = tofloat(linetokens[4], 'close')
        self.lines.openinterest[0] = 0.0
        adjustedclose = tofloat(linetokens[5], 'adjclose')
        self._setprices(o, h, l, c, self._volume(linetokens), adjustedclose)
        return True

    def _setprices(self, o: float, h: float, l: float, c: float, v: float,
                   adjustedclose: float) -> None:
        p = self.p
        if p.swapcloses:
            c, adjustedclose = adjustedclose, c
        if p.adjclose:
            if not adjustedclose:
                raise DataError("%s, field 'adjclose': adjusted close is 0, no "
                                "adjustment factor (use adjclose=False)" % self._where())
            adjfactor = c / adjustedclose
            o /= adjfactor
            h /= adjfactor
            l /= adjfactor
            c = adjustedclose
            if p.adjvolume:
                v *= adjfactor
        if p.round:
            decimals = p.decimals
            o = round(o, decimals)
            h = round(h, decimals)
            l = round(l, decimals)
            c = round(c, decimals)
        v = round(v, p.roundvolume)
        lines = self.lines
        lines.open[0] = o
        lines.high[0] = h
        lines.low[0] = l
        lines.close[0] = c
        lines.volume[0] = v
        lines.adjclose[0] = adjustedclose


    # --- bulk preloading ------------------------------------------------------------
    def _bulkcolumns(self) -> Optional[dict]:
        cls = type(self)
        if (cls._loadline is not YahooFinanceCSVData._loadline
                or cls._setprices is not YahooFinanceCSVData._setprices
                or cls._load is not feed.CSVDataBase._load
                or cls._getnextline is not feed.CSVDataBase._getnextline
                or self.p.sessionend.tzinfo is not None):
            return None
        sep = self.separator
        rows = [line.split(sep) for line in self._readall() if line and not line.isspace()]
        rows = [row for row in rows if 'null' not in row[1:]]
        if any(len(row) < 6 for row in rows):
            return None
        try:
            cols = self._bulkprices(rows)
        except (ValueError, ZeroDivisionError):  # the slow path reports it
            return None
        self._consumeall()
        return cols

    def _bulkprices(self, rows: list) -> dict:
        p = self.p
        columns = list(zip(*rows)) if rows else [()] * 7
        ordinals = _feedbulk.parse_days(list(columns[0]))
        if ordinals is None:  # not all YYYY-MM-DD: parse as _loadline does
            ordinals = [self._day(text).toordinal() for text in columns[0]]
        eos = _feedbulk.time_usecs(p.sessionend)
        dtcol = _feedbulk.encode_datetimes(ordinals, [eos] * len(rows))
        o, h, l, c, adj = (np.array([float(tok) for tok in columns[i]], dtype='d')
                           for i in range(1, 6))
        v = np.array([self._volume(row) for row in rows], dtype='d')
        if p.swapcloses:
            c, adj = adj, c
        if p.adjclose:
            if (adj == 0).any():
                raise ZeroDivisionError('adjusted close is 0')
            factor = c / adj
            o, h, l, c = o / factor, h / factor, l / factor, adj
            if p.adjvolume:
                v = v * factor
        prices: list = [o, h, l, c]
        if p.round:
            prices = [_feedbulk.pyround(col, p.decimals) for col in prices]
        volume = _feedbulk.pyround(v, p.roundvolume)
        return {'datetime': dtcol, 'open': prices[0], 'high': prices[1], 'low': prices[2],
                'close': prices[3], 'volume': volume, 'openinterest': [0.0] * len(rows),
                'adjclose': adj}

    def _day(self, text: str) -> datetime.date:
        day = self._daycache.get(text)
        if day is None:
            try:
                day = datetime.date(int(text[0:4]), int(text[5:7]), int(text[8:10]))
            except ValueError:
                raise self._badfield('date', text, 'a date (YYYY-MM-DD)') from None
            self._daycache[text] = day
        return day

    @staticmethod
    def _volume(linetokens: list) -> float:
        try:
            return float(linetokens[6])
        except (IndexError, ValueError):  # missing or unreadable: no volume
            return 0.0


class YahooLegacyCSV(YahooFinanceCSVData):
    """Yahoo CSV files in the pre-2017 layout (kept for compatibility)."""

    params = (('version', ''),)


class YahooFinanceCSV(feed.CSVFeedBase):
    DataCls = YahooFinanceCSVData


class YahooFinanceData(YahooFinanceCSVData):
    """Downloads daily bars from Yahoo Finance (``dataname`` is the ticker).

    Yahoo retired the CSV download service this feed used; starting the
    feed tries it once and raises a ConnectionError explaining what to do
    instead (download a CSV file and use :class:`YahooFinanceCSVData`).

    Params: ``proxies`` ({}), ``period`` ('d', 'w' or 'm'), ``urlhist``,
    ``urldown``, ``retries`` (3).
    """

    params = (
        ('proxies', {}),
        ('period', 'd'),
        ('urlhist', 'https://finance.yahoo.com/quote/{}/history'),
        ('urldown', 'https://query1.finance.yahoo.com/v7/finance/download'),
        ('retries', 3),
    )

    _PERIODS = {'d': '1d', 'w': '1wk', 'm': '1mo'}

    def start_v7(self) -> None:
        """Fetch the CSV into ``self.f`` or raise ConnectionError."""
        import urllib.error
        import urllib.parse
        import urllib.request
        period = self._PERIODS.get(self.p.period)
        if period is None:
            raise ValueError("period must be 'd', 'w' or 'm', got %r" % (self.p.period,))
        query = {'interval': period, 'events': 'history'}
        for key, bound in (('period1', self.p.fromdate), ('period2', self.p.todate)):
            if bound is not None:
                utc = bound.replace(tzinfo=datetime.timezone.utc)
                query[key] = int(utc.timestamp())
        url = '%s/%s?%s' % (self.p.urldown, urllib.parse.quote(str(self.p.dataname)),
                            urllib.parse.urlencode(query))
        opener = urllib.request.build_opener(urllib.request.ProxyHandler(self.p.proxies))
        lasterr: Any = None
        for _ in range(max(1, self.p.retries)):
            try:
                with opener.open(url, timeout=10) as resp:
                    text = resp.read().decode('utf-8')
                break
            except (urllib.error.URLError, OSError, ValueError) as exc:
                lasterr = exc
        else:
            raise ConnectionError(
                'YahooFinanceData could not download %r from %s (%s). Yahoo '
                'retired this CSV download service: download the CSV file '
                'and load it with bt.feeds.YahooFinanceCSVData(dataname=path).'
                % (self.p.dataname, self.p.urldown, lasterr)) from lasterr
        self.f = io.StringIO(text, newline=None)

    def start(self) -> None:
        self.start_v7()
        super().start()


class YahooFinance(feed.CSVFeedBase):
    DataCls = YahooFinanceData

    params = DataCls.params._gettuple()
