"""Session filters: drop bars outside the session or fill gaps inside it."""
from __future__ import annotations

import datetime
from typing import Any, Optional

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
        unit = self._tdeltas.get(data._timeframe)
        self._tdunit = None if unit is None else unit * data._compression
        self._seenbar = False
        self._sessend = self.MAXDATE
        self._lastdt: Optional[datetime.datetime] = None
        self._lastclose = float('NaN')

    def __call__(self, data: Any) -> bool:
        unit = self._tdunit
        if unit is None:
            return False  # only intraday feeds have gaps inside a session
        dtime = data.datetime.datetime(0)
        if dtime > self._sessend:
            # a new session: fill from its start (the very first session of
            # the feed only with skip_first_fill off)
            start: Optional[datetime.datetime] = datetime.datetime.combine(
                dtime.date(), data.p.sessionstart)
        elif not self._seenbar:
            start = None
            if not self.p.skip_first_fill:
                start = datetime.datetime.combine(dtime.date(),
                                                  data.p.sessionstart)
        else:
            start = self._lastdt + unit
        self._seenbar = True
        self._sessend = datetime.datetime.combine(dtime.date(),
                                                  data.p.sessionend)
        self._lastdt = dtime
        close = data.close[0]
        filled = start is not None and start < dtime
        if filled:
            self._fillbars(data, start, dtime)
        self._lastclose = close
        return filled

    def _fillbars(self, data: Any, time_start: datetime.datetime,
                  time_end: datetime.datetime) -> None:
        """Replace the current bar by filler bars for [time_start,
        time_end) followed by the bar itself, all on the feed's stack."""
        realbar = [line[0] for line in data.itersize()]
        data.backwards()
        while time_start < time_end:
            data._add2stack(self._fillbar(data, realbar, time_start))
            time_start += self._tdunit
        data._add2stack(realbar)

    def _fillbar(self, data: Any, realbar: list,
                 dtime: datetime.datetime) -> list:
        aliases = data.getlinealiases()
        price = self.p.fill_price
        if price is None:
            price = self._lastclose
        bar = list(realbar)
        for name in ('open', 'high', 'low', 'close'):
            bar[aliases.index(name)] = price
        bar[aliases.index('volume')] = self.p.fill_vol
        bar[aliases.index('openinterest')] = self.p.fill_oi
        bar[aliases.index('datetime')] = data.date2num(dtime)
        return bar
