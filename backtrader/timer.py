"""Timers: call ``notify_timer`` at a time of day, session start or end.

``cerebro.add_timer`` and ``strategy.add_timer`` create a :class:`Timer`.
The engine calls :meth:`Timer.start` once with the first data feed and
:meth:`Timer.check` with the datetime of every bar; ``check`` answers True
when the timer is due and leaves the scheduled datetime in ``lastwhen``,
which is what ``notify_timer`` receives as ``when`` (the schedule, not the
time of the bar that made it due).

The schedule reproduces backtrader 1.9.78.123, quirks included, because
users see it in which bars their orders are placed on:

* Eligibility (``monthdays``, then ``weekdays``, then ``allow``) is
  decided on the first bar of every (UTC) date.  The scheduled days of
  the month/week are consumed in order: when the first bar of a period
  comes after a scheduled day that was not seen, the timer runs on it and
  the next scheduled day of that period is dropped as well.
  ``monthcarry``/``weekcarry`` only matter when every remaining day of the
  period was missed: the timer then runs on the next bar, even in the next
  period.
* A "session" ends at the session end of the reference data for timers
  tied to sessions (``SESSION_START``/``SESSION_END`` or ``tzdata`` being
  a feed), at the end of the day otherwise.  The first bar past the end of
  a session schedules ``when`` + ``offset`` on that bar's date, so a bar
  after the session end can make the day's timer fire again when it had
  not finished its repeats.
* Without ``repeat`` a timer fires once per date.  With ``repeat`` it is
  due again one ``repeat`` after the slot it fired for, skipping the slots
  that fell into a gap of the data, until the slot passes the end of the
  session.
"""
from __future__ import annotations

import bisect
import datetime
from typing import Any, Optional

from .feed import AbstractDataBase
from .metabase import MetaParams
from .utils.date import TIME_MAX, date2num, num2date, tzparse

__all__ = ['SESSION_TIME', 'SESSION_START', 'SESSION_END', 'Timer']

SESSION_TIME, SESSION_START, SESSION_END = range(3)


def _consume(pending: list, today: int, carry: bool, maycarry: bool) -> bool:
    """Eligibility of ``today`` against the scheduled days left in the
    period (``pending``, sorted), dropping the days it accounts for."""
    missed = bisect.bisect_left(pending, today)
    carry = carry or (maycarry and missed > 0)
    if missed < len(pending):
        hit = missed > 0 or pending[0] == today
        del pending[:missed + int(hit)]
    else:
        hit = False
        del pending[:]
    return carry or hit


class Timer(metaclass=MetaParams):
    """A scheduled call of ``notify_timer`` (see the module docstring).

    Params:
      - ``tid``: the timer's id (set by cerebro).
      - ``owner``: the object whose ``notify_timer`` is called.
      - ``strats`` (False): also notify every strategy.
      - ``when``: a ``datetime.time``, ``SESSION_START`` or ``SESSION_END``
        (the session times of the reference data).
      - ``offset`` (timedelta 0): added to ``when``.
      - ``repeat`` (timedelta 0): run again every ``repeat`` within the
        session.
      - ``weekdays`` ([]): ISO weekdays (Monday is 1) it may run on; all
        when empty.  ``weekcarry`` (False): run on the next day when the
        remaining weekdays of a week were all missed.
      - ``monthdays`` ([]): days of the month it may run on; all when
        empty.  ``monthcarry`` (True): as ``weekcarry``, for months.
      - ``allow`` (None): callable taking a ``datetime.date``, False to
        skip that day.
      - ``tzdata`` (None): time zone of ``when``: None reads it as it is
        (UTC, session times from the first data), a data feed uses the
        feed's time zone and sessions, anything else is a time zone.
      - ``cheat`` (False): checked before the broker processes orders.

    Extra positional and keyword arguments are kept in ``args``/``kwargs``
    and passed on to ``notify_timer``.
    """

    SESSION_TIME, SESSION_START, SESSION_END = (SESSION_TIME, SESSION_START,
                                                SESSION_END)

    params = (
        ('tid', None),
        ('owner', None),
        ('strats', False),
        ('when', None),
        ('offset', datetime.timedelta()),
        ('repeat', datetime.timedelta()),
        ('weekdays', []),
        ('weekcarry', False),
        ('monthdays', []),
        ('monthcarry', True),
        ('allow', None),
        ('tzdata', None),
        ('cheat', False),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args = args
        self.kwargs = kwargs
        self.lastwhen: Optional[datetime.datetime] = None
        when = self.p.when
        if when not in (SESSION_START, SESSION_END) and \
                not isinstance(when, datetime.time):
            raise TypeError('Timer: when must be a datetime.time, '
                            'SESSION_START or SESSION_END, got %r' % (when,))
        for name in ('offset', 'repeat'):
            if not isinstance(getattr(self.p, name), datetime.timedelta):
                raise TypeError('Timer: %s must be a datetime.timedelta' % name)

    # --- setup -----------------------------------------------------------------
    def start(self, data: Any) -> None:
        """Fix the time zone and session reference (``data`` is the
        system's first data feed) and forget any previous run."""
        tzdata = self.p.tzdata
        if tzdata is None:
            # session times are the first data's wall times: its time zone
            # goes with them; a plain time of day is read as UTC
            sessions = self.p.when in (SESSION_START, SESSION_END)
            self._tz = getattr(data, '_tz', None) if sessions else None
            self._sessdata = data
        elif isinstance(tzdata, AbstractDataBase):
            self._tz = getattr(tzdata, '_tz', None)
            self._sessdata = tzdata
        else:
            self._tz = tzparse(tzdata)
            self._sessdata = data
        # sessions end at the reference data's session end when the timer
        # is tied to sessions, else at the end of the day
        self._bysession = (self.p.when in (SESSION_START, SESSION_END)
                           or isinstance(tzdata, AbstractDataBase))
        self._curdate: Optional[datetime.date] = None
        self._dayok = False
        self._lastcall: Optional[datetime.date] = None
        self._eosnum: Optional[float] = None
        self._eos: Optional[datetime.datetime] = None
        self._due: Optional[datetime.datetime] = None  # local wall time
        self._duenum = 0.0
        self._week: Optional[int] = None
        self._weekleft: list = []
        self._month: Optional[int] = None
        self._monthleft: list = []
        self.lastwhen = None

    def _tonum(self, local: datetime.datetime) -> float:
        tz = self._tz
        if tz is not None:
            return date2num(tz.localize(local))
        return date2num(local)

    # --- day eligibility -----------------------------------------------------
    def _week_ok(self, day: datetime.date) -> bool:
        weekdays = self.p.weekdays
        if not weekdays:
            return True
        _, week, wday = day.isocalendar()
        carry = False
        if week != self._week:
            self._week = week
            carry = self.p.weekcarry and bool(self._weekleft)
            self._weekleft = sorted(weekdays)
        return _consume(self._weekleft, wday, carry, self.p.weekcarry)

    def _month_ok(self, day: datetime.date) -> bool:
        monthdays = self.p.monthdays
        if not monthdays:
            return True
        carry = False
        if day.month != self._month:
            self._month = day.month
            carry = self.p.monthcarry and bool(self._monthleft)
            self._monthleft = sorted(monthdays)
        return _consume(self._monthleft, day.day, carry, self.p.monthcarry)

    def _eligible(self, day: datetime.date) -> bool:
        # months are looked at first: a day refused there does not consume
        # the scheduled weekdays
        if not self._month_ok(day) or not self._week_ok(day):
            return False
        allow = self.p.allow
        return allow is None or bool(allow(day))

    def _when(self) -> datetime.time:
        when = self.p.when
        if when == SESSION_START:
            return self._sessdata.p.sessionstart
        if when == SESSION_END:
            return self._sessdata.p.sessionend
        return when

    def _new_session(self, day: datetime.date, dt: float) -> None:
        """``dt`` went past the end of the session: find the end of the
        session it belongs to and schedule the first call of ``day``."""
        if self._bysession:
            end = self._sessdata.p.sessionend
        else:
            end = TIME_MAX
        eos = datetime.datetime.combine(day, end)
        eosnum = self._tonum(eos)
        if dt > eosnum:
            eos += datetime.timedelta(days=1)
            eosnum = self._tonum(eos)
        self._eos, self._eosnum = eos, eosnum
        due = datetime.datetime.combine(day, self._when()) + self.p.offset
        self._due, self._duenum = due, self._tonum(due)

    # --- the per-bar check ---------------------------------------------------
    def check(self, dt: float) -> bool:
        """True if the timer is due at ``dt`` (a float datetime of a bar);
        ``lastwhen`` then holds the scheduled datetime."""
        # like backtrader 1.9.78.123, days are told apart in UTC, even when
        # the times of day are read in a time zone
        day = num2date(dt).date()
        if day != self._curdate:
            self._curdate = day
            self._dayok = self._eligible(day)
        if day == self._lastcall:
            return False
        if self._eosnum is None or dt > self._eosnum:
            self._new_session(day, dt)
        due = self._due
        if due is None or dt < self._duenum:
            return False
        self._due = None
        if not self._dayok:
            self._lastcall = day
            return False
        self.lastwhen = due
        if not self.p.repeat:
            self._lastcall = day
            return True
        self._schedule_repeat(due, dt, day)
        return True

    def _schedule_repeat(self, due: datetime.datetime, dt: float,
                         day: datetime.date) -> None:
        """Schedule the slot after ``dt``; slots that fell into a gap of
        the data are lost.  Like backtrader 1.9.78.123, the slots are
        stepped on the wall time of ``due`` but compared with (and the
        result read as) UTC, which only matters with a time zone."""
        repeat = self.p.repeat
        nxt = due + repeat
        nxtnum = date2num(nxt)
        while nxtnum <= dt:
            nxt += repeat
            nxtnum = date2num(nxt)
        if nxtnum > self._eosnum:
            self._lastcall = day
            return
        if self._tz is not None:
            nxt = num2date(nxtnum, self._tz)
        self._due, self._duenum = nxt, nxtnum
