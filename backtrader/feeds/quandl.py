"""Quandl daily data: CSV files (``QuandlCSV``) and the download service
(``Quandl``).

The CSV layout is Quandl's WIKI one: ``Date,Open,High,Low,Close,Volume,
Ex-Dividend,Split Ratio,Adj. Open,Adj. High,Adj. Low,Adj. Close,Adj.
Volume``.  With ``adjclose`` (default) the adjusted columns are used for
prices and volume, otherwise the raw ones.  Bars are stamped with the end
of the session; there is no open interest (0).

``Quandl`` downloads ``<baseurl>/<dataset>/<dataname>.csv`` (Quandl is now
Nasdaq Data Link and this old API may not answer): a download that fails
raises ConnectionError naming the URL and the cause instead of hanging
(a ``timeout`` in seconds bounds each attempt).
"""
from __future__ import annotations

import datetime
import http.client
import io
import urllib.parse
import urllib.request
from typing import Any

from .. import feed
from ..utils.date import date2num
from .yahoo import _flipped

__all__ = ['QuandlCSV', 'Quandl']

_RAW = (1, 2, 3, 4, 5)        # Open, High, Low, Close, Volume
_ADJUSTED = (8, 9, 10, 11, 12)  # Adj. Open ... Adj. Volume
_FIELDS = ('open', 'high', 'low', 'close', 'volume')


class QuandlCSV(feed.CSVDataBase):
    """Parses Quandl CSV files (see the module docstring).

    Params: ``reverse`` (False): the file lists the newest day first;
    ``adjclose`` (True): use the adjusted columns; ``round`` (False) and
    ``decimals`` (2): round prices and volume.
    """

    _online = False

    params = (('reverse', False), ('adjclose', True), ('round', False),
              ('decimals', 2))

    def start(self) -> None:
        super().start()
        if self.p.reverse and not self._online:
            self.f = _flipped(self.f)

    def _day(self, text: str) -> datetime.date:
        try:
            return datetime.date(int(text[0:4]), int(text[5:7]), int(text[8:10]))
        except ValueError:
            raise self._badfield('date', text, 'a date (YYYY-MM-DD)') from None

    def _loadline(self, linetokens: list) -> bool:
        columns = _ADJUSTED if self.p.adjclose else _RAW
        if len(linetokens) <= columns[-1]:
            raise self._badcount('at least %d' % (columns[-1] + 1), len(linetokens))
        day = self._day(linetokens[0])
        lines = self.lines
        lines.datetime[0] = date2num(datetime.datetime.combine(day, self.p.sessionend))
        rounding = self.p.round
        decimals = self.p.decimals
        for name, column in zip(_FIELDS, columns):
            value = self._tofloat(linetokens[column], name)
            if rounding:
                value = round(value, decimals)
            getattr(lines, name)[0] = value
        lines.openinterest[0] = 0.0
        return True


class Quandl(QuandlCSV):
    """Downloads a Quandl dataset (``dataname`` is its code, e.g. 'AAPL').

    Params: ``reverse`` (True): ask for the oldest day first
    (``order=asc``); ``baseurl``; ``proxies`` ({}: none); ``buffered``
    (True): read the whole answer before parsing; ``apikey`` (None);
    ``dataset`` ('WIKI'); ``timeout`` (30 s per attempt).  The
    ``fromdate``/``todate`` bounds are sent as the dates wanted.
    """

    _online = True

    params = (
        ('reverse', True),
        ('baseurl', 'https://www.quandl.com/api/v3/datasets'),
        ('proxies', {}),
        ('buffered', True),
        ('apikey', None),
        ('dataset', 'WIKI'),
        ('timeout', 30.0),
    )

    error: Any = None

    def _url(self) -> str:
        p = self.p
        url = '%s/%s/%s.csv' % (p.baseurl, p.dataset, urllib.parse.quote(str(p.dataname)))
        query = []
        if p.reverse:
            query.append('order=asc')
        if p.apikey is not None:
            query.append('api_key=%s' % p.apikey)
        if p.fromdate:
            query.append('start_date=%s' % p.fromdate.strftime('%Y-%m-%d'))
        if p.todate:
            query.append('end_date=%s' % p.todate.strftime('%Y-%m-%d'))
        return url + ('?' + '&'.join(query) if query else '')

    def _redacted(self, url: str) -> str:
        if self.p.apikey:
            return url.replace('api_key=%s' % self.p.apikey, 'api_key=***')
        return url

    def start(self) -> None:
        self.error = None
        url = self._url()
        opener = urllib.request.build_opener(urllib.request.ProxyHandler(self.p.proxies))
        try:
            response = opener.open(url, timeout=self.p.timeout)
            if self.p.buffered:
                with response:
                    self.f = io.StringIO(response.read().decode('utf-8'), newline=None)
            else:
                self.f = io.TextIOWrapper(response, encoding='utf-8', newline=None)
        except (OSError, ValueError, http.client.HTTPException) as exc:
            # URLError/HTTPError/timeouts are OSErrors; InvalidURL is not
            self.error = exc
            raise ConnectionError('Quandl could not download %r from %s: %s'
                                  % (self.p.dataname, self._redacted(url), exc)) from exc
        super().start()
