"""Trading calendars: which days trade and when their sessions open/close.

Resamplers ask a calendar whether a day is the last trading day of its
week, month or year (so a weekly bar can be closed on a Friday instead of
waiting for Monday's bar), and feeds ask it for the end of the session a
bar belongs to.  ``cerebro.addcalendar`` installs one for every data;
``calendar=`` sets one per data.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from .metabase import MetaParams
from .utils.date import TIME_MAX, UTC
from .utils.py3 import string_types

__all__ = ['TradingCalendarBase', 'TradingCalendar', 'PandasMarketCalendar',
           'CryptoCalendar']

_time_max = TIME_MAX

ONEDAY = timedelta(days=1)

# day numbers as date.weekday() gives them (Monday 0) ...
MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)
# ... and as date.isoweekday() gives them (Monday 1; 0 is no day at all)
ISONODAY = 0
(ISOMONDAY, ISOTUESDAY, ISOWEDNESDAY, ISOTHURSDAY, ISOFRIDAY, ISOSATURDAY,
 ISOSUNDAY) = range(1, 8)

WEEKEND = [SATURDAY, SUNDAY]
ISOWEEKEND = [weekday + 1 for weekday in WEEKEND]  # same days, iso numbers


class TradingCalendarBase(metaclass=MetaParams):
    """Interface: subclasses provide ``_nextday`` and ``schedule``."""

    def _nextday(self, day: Any):
        """(next trading day after ``day``, its isocalendar() triple)."""
        raise NotImplementedError

    def schedule(self, day: Any, tz: Any = None):
        """(opening, closing) naive UTC datetimes of the session ``day``
        falls in (the next one if ``day`` is past the close)."""
        raise NotImplementedError

    def nextday(self, day: Any) -> Any:
        return self._nextday(day)[0]

    def nextday_week(self, day: Any) -> int:
        """ISO week number of the next trading day (upstream returned None)."""
        return self._nextday(day)[1][1]

    def last_weekday(self, day: Any) -> bool:
        """True if no trading day follows ``day`` in its ISO week."""
        return day.isocalendar()[1] != self.nextday_week(day)

    def last_monthday(self, day: Any) -> bool:
        return day.month != self._nextday(day)[0].month

    def last_yearday(self, day: Any) -> bool:
        return day.year != self._nextday(day)[0].year


def _to_utc_naive(dt: datetime, tz: Any) -> datetime:
    if tz is None:
        return dt
    return tz.localize(dt).astimezone(UTC).replace(tzinfo=None)


class TradingCalendar(TradingCalendarBase):
    """A calendar from explicit rules.

    Params:
      - ``open`` (default ``time.min``) / ``close`` (default 23:59:59.999990):
        regular session times, in the data's time zone
      - ``holidays``: dates that do not trade
      - ``earlydays``: ``(date, open, close)`` tuples for irregular sessions
      - ``offdays``: ISO weekdays that never trade (default Saturday, Sunday)
    """

    params = (
        ('open', time.min),
        ('close', _time_max),
        ('holidays', []),
        ('earlydays', []),
        ('offdays', ISOWEEKEND),
    )

    def __init__(self) -> None:
        self._earlydays: dict = {}
        for entry in self.p.earlydays:
            day, opentm, closetm = entry
            self._earlydays.setdefault(day, (opentm, closetm))  # first one wins

    def _nextday(self, day: Any):
        holidays, offdays = self.p.holidays, self.p.offdays
        while True:
            day += ONEDAY
            if day.isoweekday() in offdays or day in holidays:
                continue
            return day, day.isocalendar()

    def schedule(self, day: datetime, tz: Any = None):
        while True:
            dt = day.date()
            opentm, closetm = self._earlydays.get(dt, (self.p.open, self.p.close))
            closing = _to_utc_naive(datetime.combine(dt, closetm), tz)
            if day > closing:
                # past this session: the next one.  Upstream kept the time of
                # day here and looped to an OverflowError for any time after
                # the regular close; starting the next day at midnight gives
                # the same session in every case upstream handled.
                day = datetime.combine(dt + ONEDAY, time.min)
                continue
            opening = _to_utc_naive(datetime.combine(dt, opentm), tz)
            return opening, closing


class PandasMarketCalendar(TradingCalendarBase):
    """A calendar backed by the ``pandas_market_calendars`` package.

    Params:
      - ``calendar``: an exchange name (``'NYSE'``) or a calendar instance
      - ``cachesize`` (365): days of schedule fetched at once
    """

    params = (
        ('calendar', None),
        ('cachesize', 365),
    )

    def __init__(self) -> None:
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - pandas is a dependency
            raise ImportError('PandasMarketCalendar needs pandas') from exc
        self._calendar = self.p.calendar
        if self._calendar is None:
            raise ValueError('PandasMarketCalendar: the calendar parameter is '
                             'required (an exchange name such as "NYSE" or a '
                             'pandas_market_calendars calendar)')
        if isinstance(self._calendar, string_types):
            try:
                import pandas_market_calendars as mcal
            except ImportError as exc:
                raise ModuleNotFoundError(
                    'PandasMarketCalendar(calendar=%r) needs the '
                    'pandas_market_calendars package: pip install '
                    'pandas_market_calendars' % self._calendar) from exc
            self._calendar = mcal.get_calendar(self._calendar)
        self.dcache = pd.DatetimeIndex([0.0])
        self.idcache = pd.DataFrame(index=pd.DatetimeIndex([0.0]))
        self.csize = timedelta(days=self.p.cachesize)

    def _nextday(self, day: Any):
        after = day + ONEDAY
        pos = self.dcache.searchsorted(after)
        while pos == len(self.dcache):
            # past the cached stretch: fetch the next ``cachesize`` days
            self.dcache = self._calendar.valid_days(after, after + self.csize)
            pos = self.dcache.searchsorted(after)
        found = self.dcache[pos].to_pydatetime()
        return found, found.isocalendar()

    def schedule(self, day: datetime, tz: Any = None):
        while True:
            i = self.idcache.index.searchsorted(day.date())
            if i == len(self.idcache):
                self.idcache = self._calendar.schedule(day, day + self.csize)
                continue
            opening, closing = (x.tz_localize(None) for x in self.idcache.iloc[i, 0:2])
            if day > closing:  # next session (see TradingCalendar.schedule)
                day = datetime.combine(day.date() + ONEDAY, time.min)
                continue
            return opening.to_pydatetime(), closing.to_pydatetime()


class CryptoCalendar(TradingCalendarBase):
    """The calendar of crypto exchanges: every day trades, around the clock.

    Sessions are whole UTC days, weekends included, with no holidays:
    ``schedule(day)`` is the UTC day ``day`` falls in, from 00:00 to the
    last instant before the next midnight.  The close is reported as
    23:59:59.999990 (the engine's end-of-day stamp, as ``TradingCalendar``
    does), not as the next midnight, so that a bar stamped at 00:00 opens
    the new day: crypto feeds stamp bars with their opening time.

    The session is UTC whatever the data's time zone (``tz`` is accepted
    for the interface and ignored): exchanges roll their days, funding
    and daily candles over at 00:00 UTC.

    With every day trading, the last trading day of a week is its Sunday
    (ISO weeks), of a month its last calendar day and of a year 31 December.

    Usage: ``cerebro.addcalendar(bt.CryptoCalendar)`` (class or instance)
    or ``calendar=bt.CryptoCalendar()`` on a single feed.
    """

    def _nextday(self, day: Any):
        nxt = day + ONEDAY
        return nxt, nxt.isocalendar()

    def schedule(self, day: Any, tz: Any = None):
        if not isinstance(day, datetime):  # a plain date: its whole session
            day = datetime.combine(day, time.min)
        dt = day.date()
        closing = datetime.combine(dt, _time_max)
        if day > closing:  # the last microseconds of the day: next session
            dt += ONEDAY
            closing = datetime.combine(dt, _time_max)
        return datetime.combine(dt, time.min), closing

    # every day trades: no need to search for the next trading day
    def last_weekday(self, day: Any) -> bool:
        return day.isoweekday() == ISOSUNDAY

    def last_monthday(self, day: Any) -> bool:
        return (day + ONEDAY).month != day.month

    def last_yearday(self, day: Any) -> bool:
        return day.month == 12 and day.day == 31
