"""Session filters: drop bars outside the session or fill gaps inside it."""
from __future__ import annotations

import datetime
from typing import Any

from ..dataseries import TimeFrame
from ..metabase import MetaParams

__all__ = ['SessionFiller', 'SessionFilter', 'SessionFilterSimple']


def _in_session(data: Any) -> bool:
    tm = data.datetime.time(0)
    return data.p.sessionstart <= tm <= data.p.sessionend


class SessionFilter(object):
    """Remove intraday bars outside the feed's session (sessionstart to
    sessionend, both included).  Bars of a day or longer pass untouched.

    Manages the feed itself (``data.backwards()``) and returns True for a
    removed bar; nothing is held back, so there is no ``last``.
    """

    def __init__(self, data: Any) -> None:
        pass

    def __call__(self, data: Any) -> bool:
        if data._timeframe >= TimeFrame.Days or _in_session(data):
            return False
        data.backwards()
        return True


class SessionFilterSimple(object):
    """Like :class:`SessionFilter` for ``data.addfilter_simple``: it only
    answers True for bars outside the session and leaves removing them to
    the caller."""

    def __init__(self, data: Any) -> None:
        pass

    def __call__(self, data: Any) -> bool:
        if data._timeframe >= TimeFrame.Days:
            return False
        return not _in_session(data)


class SessionFiller(metaclass=MetaParams):
    """Fill the bars missing inside a session of an intraday feed.

    Params:
      - ``fill_price`` (None): price of the four OHLC values of a filler
        bar; None uses the close of the previous real bar.
      - ``fill_vol`` (NaN): volume of a filler bar.
      - ``fill_oi`` (NaN): open interest of a filler bar.
      - ``skip_first_fill`` (True): do not fill from the session start to
        the first bar of the session.
    """

    params = (
        ('fill_price', None),
        ('fill_vol', float('NaN')),
        ('fill_oi', float('NaN')),
        ('skip_first_fill', True),
    )

    MAXDATE = datetime.datetime.max

    _tdeltas = {
        TimeFrame.Minutes: datetime.timedelta(seconds=60),
        TimeFrame.Seconds: datetime.timedelta(seconds=1),
        TimeFrame.MicroSeconds: datetime.timedelta(microseconds=1),
    }

    def __init__(self, data: Any) -> None:
        self._tdframe = self._tdeltas.get(data._timeframe)
        if self._tdframe is not None:
            self._tdunit = self._tdframe * data._compression
        self.seenbar = False
        self.sessend = self.MAXDATE
        self._lastclose = float('NaN')

    def __call__(self, data: Any) -> bool:
        if self._tdframe is None:
            return False  # only intraday feeds have gaps inside a session
        dtime = data.datetime.datetime(0)
        if dtime > self.sessend:
            # a new session: forget where the last one was
            self.seenbar = False
        if not self.seenbar:
            self.seenbar = True
            self.sessend = datetime.datetime.combine(dtime.date(),
                                                     data.p.sessionend)
            sessstart = datetime.datetime.combine(dtime.date(),
                                                  data.p.sessionstart)
            if not self.p.skip_first_fill:
                self._fillbars(data, sessstart, dtime)
        elif dtime - self._lastdt > self._tdunit:
            self._fillbars(data, self._lastdt + self._tdunit, dtime)
        self._lastdt = dtime
        self._lastclose = data.close[0]
        return False

    def _fillbars(self, data: Any, time_start: datetime.datetime,
                  time_end: datetime.datetime, tostack: bool = True) -> None:
        """Put filler bars for [time_start, time_end) on the stack ahead
        of the current bar."""
        if time_start >= time_end:
            return
        data._save2stack(erase=True)
        while time_start < time_end:
            self._fillbar(data, time_start)
            data._save2stack(erase=True)
            time_start += self._tdunit
        # the real bar goes after the fillers: rotate it to the end
        data._add2stack(data._barstack.popleft())

    def _fillbar(self, data: Any, dtime: datetime.datetime) -> None:
        data.forward()
        price = self.p.fill_price
        if price is None:
            price = self._lastclose
        data.lines.datetime[0] = data.date2num(dtime)
        for line in (data.lines.open, data.lines.high, data.lines.low,
                     data.lines.close):
            line[0] = price
        data.lines.volume[0] = self.p.fill_vol
        data.lines.openinterest[0] = self.p.fill_oi
