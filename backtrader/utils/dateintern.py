"""Backtrader's float datetime encoding and its time zone helpers.

Every line stores datetimes as floats: the integer part is the proleptic
Gregorian ordinal (0001-01-01 is day 1, matplotlib's historical epoch) and
the fraction is the time of day.  Results, including every rounding quirk,
must be bit-for-bit those of backtrader 1.9.78.123: values printed by user
code, order/trade timestamps and session boundaries all depend on them.

``date2num`` and ``num2date`` run once per bar (or more), so they use plain
float/int arithmetic instead of ``datetime``/``timedelta`` arithmetic and
keep the number of temporary objects to a minimum.
"""
from __future__ import absolute_import, division, print_function, unicode_literals

import datetime
import functools
import math
import time as _time
from typing import Any, Optional, Union

from .py3 import string_types

HOURS_PER_DAY = 24.0
MINUTES_PER_HOUR = 60.0
SECONDS_PER_MINUTE = 60.0
MINUTES_PER_DAY = MINUTES_PER_HOUR * HOURS_PER_DAY
SECONDS_PER_DAY = SECONDS_PER_MINUTE * MINUTES_PER_DAY
MUSECONDS_PER_SECOND = 1e6
MUSECONDS_PER_DAY = MUSECONDS_PER_SECOND * SECONDS_PER_DAY

# Upper bound of a session: the encoding cannot tell the last microseconds
# of a day apart, so "end of day" stops 10 microseconds early.
TIME_MAX = datetime.time(23, 59, 59, 999990)
TIME_MIN = datetime.time.min

ZERO = datetime.timedelta(0)

# Offsets of the machine's local time zone, as the ``time`` module sees it.
STDOFFSET = datetime.timedelta(seconds=-_time.timezone)
DSTOFFSET = (datetime.timedelta(seconds=-_time.altzone)
             if _time.daylight else STDOFFSET)
DSTDIFF = DSTOFFSET - STDOFFSET

TzLike = Union[datetime.tzinfo, str, None]


# --------------------------------------------------------------------------
# Time zones
# --------------------------------------------------------------------------
class _UTC(datetime.tzinfo):
    """UTC with a pytz-style ``localize`` (the engine calls ``tz.localize``)."""

    def utcoffset(self, dt: Optional[datetime.datetime]) -> datetime.timedelta:
        return ZERO

    def dst(self, dt: Optional[datetime.datetime]) -> datetime.timedelta:
        return ZERO

    def tzname(self, dt: Optional[datetime.datetime]) -> str:
        return 'UTC'

    def localize(self, dt: datetime.datetime) -> datetime.datetime:
        return dt.replace(tzinfo=self)

    def __repr__(self) -> str:
        return 'UTC'

    def __reduce__(self) -> str:
        # pickle/copy resolve the module level name: the singleton survives
        return 'UTC'


class _LocalTimezone(datetime.tzinfo):
    """The machine's local time zone, following its DST rules."""

    @staticmethod
    def _isdst(dt: datetime.datetime) -> bool:
        fields = (dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second,
                  dt.weekday(), 0, -1)
        try:
            stamp = _time.mktime(fields)
            return _time.localtime(stamp).tm_isdst > 0
        except (OverflowError, ValueError):  # outside the platform's range
            return False

    def utcoffset(self, dt: datetime.datetime) -> datetime.timedelta:
        return DSTOFFSET if self._isdst(dt) else STDOFFSET

    def dst(self, dt: datetime.datetime) -> datetime.timedelta:
        return DSTDIFF if self._isdst(dt) else ZERO

    def tzname(self, dt: datetime.datetime) -> str:
        return _time.tzname[self._isdst(dt)]

    def localize(self, dt: datetime.datetime) -> datetime.datetime:
        return dt.replace(tzinfo=self)

    def __repr__(self) -> str:
        return 'TZLocal'

    def __reduce__(self) -> str:
        return 'TZLocal'


UTC = _UTC()
TZLocal = _LocalTimezone()


def _localize_pick_standard(tz: datetime.tzinfo,
                            dt: datetime.datetime) -> datetime.datetime:
    """Attach ``tz`` to naive ``dt`` the way pytz's ``localize`` does by
    default (``is_dst=False``): an ambiguous wall time (clocks going back)
    and a non-existent one (clocks going forward) both resolve to the
    standard-time reading.  ``fold`` selects between the two candidates.
    """
    first = dt.replace(tzinfo=tz, fold=0)
    second = dt.replace(tzinfo=tz, fold=1)
    if first.utcoffset() == second.utcoffset():
        return first
    if not second.dst() and first.dst():
        return second
    return first


try:
    from zoneinfo import ZoneInfo as _ZoneInfo
    from zoneinfo import ZoneInfoNotFoundError as _ZoneInfoNotFoundError
except ImportError:  # pragma: no cover - Python >= 3.9 always has it
    _ZoneInfo = None
    _ZoneInfoNotFoundError = KeyError


if _ZoneInfo is not None:
    class _LocalizingZone(_ZoneInfo):
        """An IANA zone (``zoneinfo``) that also answers ``localize`` like a
        pytz zone, so code written for pytz keeps working without it."""

        def localize(self, dt: datetime.datetime) -> datetime.datetime:
            return _localize_pick_standard(self, dt)


class _LocalizingProxy(datetime.tzinfo):
    """Wraps a tzinfo that refuses new attributes (``datetime.timezone``)
    and adds ``localize`` to it; everything else is delegated."""

    def __init__(self, tz: datetime.tzinfo) -> None:
        self._tz = tz

    def utcoffset(self, dt):
        return self._tz.utcoffset(dt)

    def dst(self, dt):
        return self._tz.dst(dt)

    def tzname(self, dt):
        return self._tz.tzname(dt)

    def fromutc(self, dt: datetime.datetime) -> datetime.datetime:
        local = self._tz.fromutc(dt.replace(tzinfo=self._tz))
        return local.replace(tzinfo=self)

    def localize(self, dt: datetime.datetime) -> datetime.datetime:
        return _localize_pick_standard(self, dt)

    def __eq__(self, other: Any) -> bool:
        if isinstance(other, _LocalizingProxy):
            return self._tz == other._tz
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._tz)

    def __repr__(self) -> str:
        return repr(self._tz)

    def __reduce__(self):
        return (type(self), (self._tz,))


def _replace_localize(tz: datetime.tzinfo, dt: datetime.datetime) -> datetime.datetime:
    return _localize_pick_standard(tz, dt)


def Localizer(tz: Any) -> Any:
    """Return ``tz`` able to ``localize(naive_dt)`` as pytz zones do.

    Objects that already have ``localize`` (pytz zones, ``UTC``,
    ``TZLocal``) are returned unchanged.  Other tzinfo instances get the
    method attached; immutable ones (``datetime.timezone``, ``zoneinfo``
    zones) are wrapped instead.  A string is looked up as a zone name.
    """
    if tz is None:
        return None
    if hasattr(tz, 'localize'):
        return tz
    if isinstance(tz, string_types):
        return tzparse(tz)
    if not isinstance(tz, datetime.tzinfo):
        raise TypeError('tz must be a datetime.tzinfo, a time zone name or '
                        'None, got %s' % type(tz).__name__)
    if _ZoneInfo is not None and isinstance(tz, _ZoneInfo) and tz.key:
        return _LocalizingZone(tz.key)
    try:
        # a partial (unlike a bound method) survives pickling of ``tz``,
        # which optimisation runs in worker processes need
        tz.localize = functools.partial(_replace_localize, tz)
    except (AttributeError, TypeError):
        return _LocalizingProxy(tz)
    return tz


_pytz_module: Any = False  # False: not looked for yet, None: not installed


def _pytz():
    """pytz if installed (names then resolve exactly as upstream's did)."""
    global _pytz_module
    if _pytz_module is False:
        try:
            import pytz
        except ImportError:
            pytz = None
        _pytz_module = pytz
    return _pytz_module


def _zone_from_name(name: str) -> datetime.tzinfo:
    pytz = _pytz()
    if pytz is not None:
        try:
            return pytz.timezone(name)
        except pytz.UnknownTimeZoneError as exc:
            raise ValueError('tz: unknown time zone name %r' % name) from exc
    if name.upper() == 'UTC':
        return UTC
    if _ZoneInfo is None:  # pragma: no cover
        raise ValueError('tz: time zone names need pytz or zoneinfo')
    try:
        return _LocalizingZone(name)
    except (_ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError('tz: unknown time zone name %r' % name) from exc


def tzparse(tz: Any) -> Any:
    """Turn a user supplied ``tz`` (None, zone name or tzinfo) into a tzinfo
    that offers ``localize``.  Names use pytz when it is installed and the
    standard library's ``zoneinfo`` otherwise."""
    if tz is None:
        return None
    if isinstance(tz, string_types):
        return _zone_from_name(tz)
    return Localizer(tz)


# --------------------------------------------------------------------------
# Float encoding
# --------------------------------------------------------------------------
_fsum = math.fsum
_date = datetime.date
_datetime = datetime.datetime
_date_fromordinal = datetime.date.fromordinal
_timedelta = datetime.timedelta


def _localize(tz: Any, dt: datetime.datetime) -> datetime.datetime:
    localize = getattr(tz, 'localize', None)
    if localize is not None:
        return localize(dt)
    return Localizer(tz).localize(dt)


def date2num(dt: Union[datetime.datetime, datetime.date],
             tz: Any = None) -> float:
    """Encode ``dt`` as float days (see the module docstring).

    Aware datetimes are converted to UTC first.  With ``tz``, ``dt`` is
    read as wall time in ``tz`` (``tz.localize(dt)``) before that.
    """
    try:
        hour = dt.hour
    except AttributeError:
        if isinstance(dt, _date):
            return float(dt.toordinal())
        raise TypeError('dt must be a datetime.datetime or datetime.date, '
                        'got %s' % type(dt).__name__) from None
    if tz is not None:
        dt = _localize(tz, dt)
    tzinfo = dt.tzinfo
    if tzinfo is not None:
        offset = tzinfo.utcoffset(dt)
        if offset is not None:
            dt = dt - offset
            hour = dt.hour
    minute = dt.minute
    second = dt.second
    usec = dt.microsecond
    if hour or minute or second or usec:
        # the exact sum of the individually rounded terms, rounded once:
        # this is what fixes the last bit of the result
        return _fsum((dt.toordinal(), hour / 24.0, minute / 1440.0,
                      second / 86400.0, usec / 86400000000.0))
    return float(dt.toordinal())


_N2D_CACHE: dict = {}
_N2D_CACHE_MAX = 8192


def _split(x: float):
    """Ordinal and wall clock fields of ``x`` before the round-up step."""
    ordinal = int(x)
    # Peel hours, minutes and seconds off the fraction; for a value in
    # [0, n) ``v - int(v)`` is exact, like ``divmod(v, 1)``.
    value = 24.0 * (float(x) - ordinal)
    hour = int(value)
    value = 60.0 * (value - hour)
    minute = int(value)
    value = 60.0 * (value - minute)
    second = int(value)
    usec = int(1e6 * (value - second))
    if usec < 10:
        usec = 0  # float noise just after a round time
    return ordinal, hour, minute, second, usec


def _decode(x: float) -> datetime.datetime:
    # _split() inlined: this runs for every uncached num2date call
    ordinal = int(x)
    value = 24.0 * (float(x) - ordinal)
    hour = int(value)
    value = 60.0 * (value - hour)
    minute = int(value)
    value = 60.0 * (value - minute)
    second = int(value)
    usec = int(1e6 * (value - second))
    if usec < 10:
        usec = 0
    if usec > 999990:
        # float noise just before a round time: move up to the next second
        # (integer carries instead of a timedelta: same result, cheaper)
        usec = 0
        second += 1
        if second == 60:
            second = 0
            minute += 1
            if minute == 60:
                minute = 0
                hour += 1
                if hour == 24:
                    hour = 0
                    ordinal += 1
    day = _date_fromordinal(ordinal)
    return _datetime(day.year, day.month, day.day, hour, minute, second, usec)


def _decode_tz(x: float, tz: Any) -> datetime.datetime:
    ordinal, hour, minute, second, usec = _split(x)
    day = _date_fromordinal(ordinal)
    dt = _datetime(day.year, day.month, day.day, hour, minute, second, usec,
                   tzinfo=UTC).astimezone(tz)
    if usec > 999990:
        # the round-up happens after the zone conversion, as upstream does:
        # at a DST switch this decides which side of it the result lands on
        dt += _timedelta(microseconds=1e6 - usec)
    return dt


def num2date(x: float, tz: Any = None, naive: bool = True) -> datetime.datetime:
    """Decode float days ``x`` into a datetime (UTC, naive).

    With ``tz`` the result is converted to that zone; ``naive=False`` keeps
    the zone attached to the result (only when ``tz`` is given).
    """
    if tz is None:
        dt = _N2D_CACHE.get(x)
        if dt is None:
            dt = _decode(x)
            if len(_N2D_CACHE) >= _N2D_CACHE_MAX:
                _N2D_CACHE.clear()
            _N2D_CACHE[x] = dt
        return dt
    dt = _decode_tz(x, tz)
    if naive:
        dt = dt.replace(tzinfo=None)
    return dt


def num2dt(num: float, tz: Any = None, naive: bool = True) -> datetime.date:
    """The date part of ``num2date(num, tz, naive)``."""
    return num2date(num, tz=tz, naive=naive).date()


def num2time(num: float, tz: Any = None, naive: bool = True) -> datetime.time:
    """The time part of ``num2date(num, tz, naive)`` (without zone)."""
    return num2date(num, tz=tz, naive=naive).time()


def time2num(tm: datetime.time) -> float:
    """Encode a time of day as a fraction of a day (its zone is ignored)."""
    return (tm.hour / 24.0 + tm.minute / 1440.0 + tm.second / 86400.0
            + tm.microsecond / 86400000000.0)
