"""DataFiller: a feed that repeats another intraday feed, filling gaps."""
from __future__ import annotations

import collections
import datetime

from ..dataseries import TimeFrame
from ..feed import AbstractDataBase

__all__ = ['DataFiller']


class DataFiller(AbstractDataBase):
    """Feed delivering the bars of ``dataname`` (an intraday data feed)
    plus filler bars for the missing bars inside its sessions.

    Params:
      - ``fill_price`` (None): price of the filler bars; None uses the
        close of the previous bar.
      - ``fill_vol`` (NaN), ``fill_oi`` (NaN): volume and open interest
        of the filler bars.
    """

    params = (
        ('fill_price', None),
        ('fill_vol', float('NaN')),
        ('fill_oi', float('NaN')),
    )

    _tdeltas = {
        TimeFrame.Minutes: datetime.timedelta(seconds=60),
        TimeFrame.Seconds: datetime.timedelta(seconds=1),
        TimeFrame.MicroSeconds: datetime.timedelta(microseconds=1),
    }

    def start(self) -> None:
        super().start()
        source = self.p.dataname
        source._start()
        source.preload()
        source.home()
        self._timeframe = source._timeframe
        self._compression = source._compression
        unit = self._tdeltas.get(self._timeframe)
        self._tdunit = None if unit is None else unit * self._compression
        self._fillbars: collections.deque = collections.deque()
        self._lastdt = None
        self._lastclose = float('NaN')

    def preload(self) -> None:
        self.p.dataname.home()
        super().preload()

    def _copyfromdata(self) -> bool:
        source = self.p.dataname
        for line, srcline in zip(self.lines, source.lines):
            line[0] = srcline[0]
        self._lastdt = source.datetime.datetime(0)
        self._lastclose = source.close[0]
        return True

    def _frombars(self) -> bool:
        dtime, price = self._fillbars.popleft()
        self.lines.datetime[0] = self.date2num(dtime)
        for name in ('open', 'high', 'low', 'close'):
            getattr(self.lines, name)[0] = price
        self.lines.volume[0] = self.p.fill_vol
        self.lines.openinterest[0] = self.p.fill_oi
        self._lastdt = dtime
        return True

    def _load(self) -> bool:
        if self._fillbars:
            return self._frombars()
        source = self.p.dataname
        if len(source) >= source.buflen():
            return False
        source.advance(ticks=False)
        dtime = source.datetime.datetime(0)
        last = self._lastdt
        unit = self._tdunit
        if last is None or unit is None or dtime.date() != last.date():
            return self._copyfromdata()
        sessend = datetime.datetime.combine(last.date(), self.p.sessionend)
        price = self.p.fill_price
        if price is None:
            price = self._lastclose
        nxt = last + unit
        while nxt < dtime and nxt <= sessend:
            self._fillbars.append((nxt, price))
            nxt += unit
        if not self._fillbars:
            return self._copyfromdata()
        source.rewind()  # deliver this bar after the fillers
        return self._frombars()
