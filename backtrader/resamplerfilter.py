"""Resampling and replaying: building larger bars from a feed's bars.

Both are data filters (``data.resample(...)``/``data.replay(...)`` attach
them).  The filter sees every incoming bar of the source and accumulates it
into an internal bar:

* the **Resampler** swallows the incoming bars and pushes the finished larger
  bar onto the feed's stack once its period is over, so the strategy only
  sees complete bars;
* the **Replayer** keeps the bar under construction *in* the feed: the
  strategy sees the same bar (same length) grow with every incoming bar,
  and a new bar starts when the period is over.

A period is over when the incoming bar crosses a boundary: end of session
for days, ISO week/month/year change, or the next multiple of
``compression`` units within the day.  With ``bar2edge`` intraday bars are
aligned to those multiples; ``adjbartime`` stamps a finished bar with the
boundary time (``rightedge``: the end of the period) instead of the time of
its last source bar.  ``boundoff`` shifts the intraday boundaries.
"""
from __future__ import annotations

import datetime
from typing import Any

from .dataseries import TimeFrame, _Bar
from .metabase import MetaParams
from .utils.date import date2num, num2date

__all__ = ['DTFaker', 'Resampler', 'Replayer', 'ResamplerTicks',
           'ResamplerSeconds', 'ResamplerMinutes', 'ResamplerDaily',
           'ResamplerWeekly', 'ResamplerMonthly', 'ResamplerYearly',
           'ReplayerTicks', 'ReplayerSeconds', 'ReplayerMinutes',
           'ReplayerDaily', 'ReplayerWeekly', 'ReplayerMonthly']

_NINF = float('-inf')
_ONE_MICROSECOND_DAYS = 0.000001  # late ticks are pushed this far past the bar


# name of the "is the bar over?" test per output timeframe
_BAROVER_TESTS = {
    TimeFrame.Ticks: '_barover_ticks',
    TimeFrame.MicroSeconds: '_barover_subdays',
    TimeFrame.Seconds: '_barover_subdays',
    TimeFrame.Minutes: '_barover_subdays',
    TimeFrame.Days: '_barover_days',
    TimeFrame.Weeks: '_barover_weeks',
    TimeFrame.Months: '_barover_months',
    TimeFrame.Years: '_barover_years',
}


def _utcnow() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)


class DTFaker:
    """Stands in for a data when a resampler is asked (``check``) whether
    its pending bar is due although the data produced nothing new.

    It answers the few questions the boundary checks ask (``datetime[0]``,
    ``datetime.date()``, ``num2date`` ...) with the time of ``forcedata``'s
    current bar, or with the current wall clock if there is none.
    """

    def __init__(self, data: Any, forcedata: Any = None) -> None:
        self.data = data
        self.datetime = self  # data.datetime[0] and data.datetime.date()
        self.p = self  # data.p.sessionend
        if forcedata is None:
            now = _utcnow() + data._timeoffset()
            self._dt = dt = date2num(now)
            self._dtime = data.num2date(dt)
        else:
            self._dt = forcedata.datetime[0]
            self._dtime = forcedata.datetime.datetime()
        self.sessionend = data.p.sessionend

    def __len__(self) -> int:
        return len(self.data)

    def __call__(self, idx: int = 0) -> datetime.datetime:
        return self._dtime

    def datetime(self, idx: int = 0) -> datetime.datetime:
        return self._dtime

    def date(self, idx: int = 0) -> datetime.date:
        return self._dtime.date()

    def time(self, idx: int = 0) -> datetime.time:
        return self._dtime.time()

    @property
    def _calendar(self) -> Any:
        return self.data._calendar

    def __getitem__(self, idx: int) -> float:
        return self._dt if idx == 0 else _NINF

    def num2date(self, *args: Any, **kwargs: Any) -> datetime.datetime:
        return self.data.num2date(*args, **kwargs)

    def date2num(self, *args: Any, **kwargs: Any) -> float:
        return self.data.date2num(*args, **kwargs)

    def _getnexteos(self):
        return self.data._getnexteos()


class _BaseResampler(metaclass=MetaParams):
    """Boundary detection and bar time adjustment shared by both filters."""

    params = dict(
        bar2edge=True, adjbartime=True, rightedge=True, boundoff=0,
        timeframe=TimeFrame.Days, compression=1, takelate=True, sessionend=True,
    )

    replaying = False

    def __init__(self, data: Any) -> None:
        p = self.p
        tframe = p.timeframe
        if p.compression < 1:
            raise ValueError('compression must be a positive integer, got %r'
                             % (p.compression,))
        self.subdays = TimeFrame.Ticks < tframe < TimeFrame.Days
        self.subweeks = tframe < TimeFrame.Weeks
        self.componly = (not self.subdays and data._timeframe == tframe
                         and not (p.compression % data._compression))
        self.bar = _Bar(maxdate=True)
        self.compcount = 0
        self._firstbar = True
        self.doadjusttime = bool(p.bar2edge and p.adjbartime and self.subweeks)
        self._nexteos = None
        # the data now announces the timeframe it delivers
        data.resampling = 1
        data.replaying = self.replaying
        data._timeframe = tframe
        data._compression = p.compression
        self.data = data

    # --- session ends ------------------------------------------------------------
    def _eosset(self) -> None:
        if self._nexteos is None:
            self._nexteos, self._nextdteos = self.data._getnexteos()

    def _eoscheck(self, data: Any, seteos: bool = True, exact: bool = False) -> bool:
        """Has ``data`` reached (``exact``: is it exactly at) the end of the
        session of the bar being built?  On True the session end is kept as
        the last one and the next one will be computed afresh."""
        if seteos:
            self._eosset()
        dt = data.datetime[0]
        eos = self._nextdteos
        if exact or not dt > eos:
            ret = dt == eos
        else:
            ret = self.bar.isopen() and self.bar.datetime <= eos
        if ret:
            self._lasteos = self._nexteos
            self._lastdteos = eos
            self._nexteos = None
            self._nextdteos = _NINF
        return ret

    # --- is the bar over? ----------------------------------------------------------
    def _latedata(self, data: Any) -> bool:
        """An intraday tick not later than the previous one."""
        if not self.subdays:
            return False
        return len(data) > 1 and data.datetime[0] <= data.datetime[-1]

    def _checkbarover(self, data: Any, fromcheck: bool = False,
                      forcedata: Any = None) -> bool:
        chkdata = DTFaker(data, forcedata) if fromcheck else data
        if not self.componly and not self._barover(chkdata):
            return False
        if self.subdays and self.p.bar2edge:
            return True
        if not fromcheck:  # a check does not count towards compression
            self.compcount += 1
            if not (self.compcount % self.p.compression):
                return True
        return False

    def _barover(self, data: Any) -> Any:
        """Dispatch to the boundary test of the output timeframe (None for
        a timeframe without one, e.g. NoTimeFrame)."""
        tframe = self.p.timeframe
        testname = _BAROVER_TESTS.get(tframe)
        if testname is None:
            if tframe < TimeFrame.Days:
                return self._barover_subdays(data)
            return None
        return getattr(self, testname)(data)

    def _barover_ticks(self, data: Any) -> bool:
        return self.bar.isopen()  # every tick closes the previous one

    def _barover_days(self, data: Any) -> bool:
        return self._eoscheck(data)

    def _barover_weeks(self, data: Any) -> bool:
        if self.data._calendar is not None:
            return data._calendar.last_weekday(data.datetime.date())
        year, week, _ = data.num2date(self.bar.datetime).date().isocalendar()
        dyear, dweek, _ = data.datetime.date().isocalendar()
        return dyear * 100 + dweek > year * 100 + week

    def _barover_months(self, data: Any) -> bool:
        bdate = data.num2date(self.bar.datetime).date()
        ddate = data.datetime.date()
        return ddate.year * 100 + ddate.month > bdate.year * 100 + bdate.month

    def _barover_years(self, data: Any) -> bool:
        return data.datetime.datetime().year > data.num2date(self.bar.datetime).year

    def _gettmpoint(self, tm: datetime.time):
        """Position of ``tm`` within the day in timeframe units (minutes,
        seconds or microseconds) shifted by ``boundoff``, and the finer
        remainder that the unit does not count."""
        point = tm.hour * 60 + tm.minute
        restpoint = 0
        tframe = self.p.timeframe
        if tframe < TimeFrame.Minutes:
            point = point * 60 + tm.second
            if tframe < TimeFrame.Seconds:
                point = point * 1e6 + tm.microsecond
            else:
                restpoint = tm.microsecond
        else:
            restpoint = tm.second + tm.microsecond
        return point + self.p.boundoff, restpoint

    def _barover_subdays(self, data: Any) -> bool:
        if self._eoscheck(data):
            return True
        if data.datetime[0] < self.bar.datetime:
            return False
        point, _ = self._gettmpoint(num2date(self.bar.datetime).time())
        barpoint, _ = self._gettmpoint(num2date(data.datetime[0]).time())
        if barpoint <= point:
            return False
        comp = self.p.compression
        if not self.p.bar2edge or comp == 1:
            return True
        return barpoint // comp > point // comp

    def check(self, data: Any, _forcedata: Any = None) -> bool:
        """Deliver the pending bar if its time is over although no new data
        arrived (called by the engine for datas that had nothing)."""
        if not self.bar.isopen():
            return False
        return self(data, fromcheck=True, forcedata=_forcedata)

    def _dataonedge(self, data: Any):
        """(bar complete with this data bar, run the boundary check too)."""
        if not self.subweeks:
            cal = data._calendar
            if cal is None:
                return False, True
            tframe = self.p.timeframe
            day = data.datetime.date()
            ret = False
            if tframe == TimeFrame.Weeks:
                ret = cal.last_weekday(day)
            elif tframe == TimeFrame.Months:
                ret = cal.last_monthday(day)
            elif tframe == TimeFrame.Years:
                ret = cal.last_yearday(day)
            if not ret:
                return False, True
            # the data is consumed; the bar is due once compression is met
            self.compcount += 1
            return not (self.compcount % self.p.compression), False
        if self._eoscheck(data, exact=True):
            return True, True
        if self.subdays:
            point, prest = self._gettmpoint(data.datetime.time())
            if prest:
                return False, True  # finer units present: not on a boundary
            bound, brest = divmod(point, self.p.compression)
            return brest == 0 and point == bound * self.p.compression, True
        return False, True

    # --- bar time adjustment ---------------------------------------------------------
    def _calcadjtime(self, greater: bool = False) -> float:
        """The boundary time the bar being built belongs to."""
        if self._nexteos is None:
            return self._lastdteos  # the session end closed the bar
        dt = self.data.num2date(self.bar.datetime)
        comp = self.p.compression
        point, _ = self._gettmpoint(dt.time())
        point = (point // comp + self.p.rightedge) * comp
        tframe = self.p.timeframe
        if tframe == TimeFrame.Minutes:
            ph, pm = divmod(point, 60)
            ps = pus = 0
        elif tframe == TimeFrame.Seconds:
            ph, pm = divmod(point, 60 * 60)
            pm, ps = divmod(pm, 60)
            pus = 0
        elif tframe <= TimeFrame.MicroSeconds:
            ph, pm = divmod(point, 60 * 60 * 1e6)
            pm, psec = divmod(pm, 60 * 1e6)
            ps, pus = divmod(psec, 1e6)
        else:  # days: the end of the session
            eost = self._nexteos.time()
            ph, pm, ps, pus = eost.hour, eost.minute, eost.second, eost.microsecond
        extradays = 0
        if ph > 23:  # the boundary lies past midnight
            extradays = ph // 24
            ph %= 24
        dt = dt.replace(hour=int(ph), minute=int(pm), second=int(ps),
                        microsecond=int(pus))
        if extradays:
            dt += datetime.timedelta(days=extradays)
        return self.data.date2num(dt)

    def _adjusttime(self, greater: bool = False, forcedata: Any = None) -> bool:
        """Stamp the bar with its boundary time; with ``greater`` only if
        that moves the time forward."""
        stamp = self._calcadjtime(greater=greater)
        keep_old = greater and stamp <= self.bar.datetime
        if not keep_old:
            self.bar.datetime = stamp
        return not keep_old


class Resampler(_BaseResampler):
    """Delivers complete bars of a larger timeframe (see module docstring).

    Params: ``timeframe``/``compression`` of the output; ``bar2edge``
    (align to timeframe boundaries), ``adjbartime`` (stamp bars with the
    boundary time), ``rightedge`` (the boundary is the end of the period),
    ``boundoff`` (shift boundaries by so many units), ``takelate`` (merge
    late ticks into the current bar instead of dropping them),
    ``sessionend`` (kept for compatibility).
    """

    params = (
        ('bar2edge', True),
        ('adjbartime', True),
        ('rightedge', True),
    )

    replaying = False

    def last(self, data: Any) -> bool:
        """The input ended: deliver the bar being built, if any."""
        if not self.bar.isopen():
            return False
        if self.doadjusttime:
            self._adjusttime()
        data._add2stack(self.bar.lvalues())
        self.bar.bstart(maxdate=True)
        return True

    def __call__(self, data: Any, fromcheck: bool = False, forcedata: Any = None) -> bool:
        consumed = onedge = False
        docheckover = True
        if not fromcheck:
            if self._latedata(data):
                if self.p.takelate:
                    self.bar.bupdate(data)
                    self.bar.datetime = data.datetime[-1] + _ONE_MICROSECOND_DAYS
                data.backwards()
                return True
            if self.componly:
                _, self._lastdteos = self.data._getnexteos()
                consumed = True
            else:
                onedge, docheckover = self._dataonedge(data)
                consumed = onedge
        if consumed:
            self.bar.bupdate(data)
            data.backwards()
        over = self.bar.isopen()
        if over and not onedge and docheckover:
            over = self._checkbarover(data, fromcheck=fromcheck, forcedata=forcedata)
        if over and self._candeliver(forcedata):
            if not onedge and self.doadjusttime:
                self._adjusttime(greater=True, forcedata=forcedata)
            data._add2stack(self.bar.lvalues())
            self.bar.bstart(maxdate=True)
        if not fromcheck and not consumed:
            self.bar.bupdate(data)
            data.backwards()
        return True

    def _candeliver(self, forcedata: Any) -> bool:
        """A bar forced out by another data must not be later than it."""
        if forcedata is None:
            return True
        tframe = self.p.timeframe
        if tframe == TimeFrame.Ticks:
            return True
        if tframe in (TimeFrame.Minutes, TimeFrame.Days):
            return self._calcadjtime(greater=True) <= forcedata.datetime[0]
        return False


class Replayer(_BaseResampler):
    """Replays bars of a larger timeframe as they build up (see module
    docstring); same params as :class:`Resampler`, ``adjbartime`` off by
    default."""

    params = (
        ('bar2edge', True),
        ('adjbartime', False),
        ('rightedge', True),
    )

    replaying = True

    def __call__(self, data: Any, fromcheck: bool = False, forcedata: Any = None) -> bool:
        consumed = onedge = takinglate = False
        docheckover = True
        if not fromcheck:
            if self._latedata(data):
                if not self.p.takelate:
                    data.backwards(force=True)
                    return True
                consumed = takinglate = True
            elif self.componly:
                consumed = True
            else:
                onedge, docheckover = self._dataonedge(data)
                consumed = onedge
            data._tick_fill(force=True)
        if consumed:
            self.bar.bupdate(data)
            if takinglate:
                self.bar.datetime = data.datetime[-1] + _ONE_MICROSECOND_DAYS
        over = self.bar.isopen()
        if over and not onedge and docheckover:
            over = self._checkbarover(data, fromcheck=fromcheck)
        if over:
            self._closebar(data, fromcheck, consumed, onedge)
        elif not fromcheck:
            # the bar goes on: fold the new data into it and show it in place
            if not consumed:
                self.bar.bupdate(data)
            if not self._firstbar:
                data.backwards(force=True)
            data._updatebar(self.bar.lvalues(), forward=False, ago=0)
            self._firstbar = False
        return False

    def _closebar(self, data: Any, fromcheck: bool, consumed: bool, onedge: bool) -> None:
        """The period of the bar is over: finish it in the data and start
        the next one (with the new data unless it was already used)."""
        if not onedge and self.doadjusttime:
            adjusted = self._adjusttime(greater=True)
            if adjusted:
                ago = 0 if (consumed or fromcheck) else -1
                data._updatebar(self.bar.lvalues(), forward=False, ago=ago)
            if fromcheck:
                self.bar.bstart(maxdate=True)
                self._firstbar = True
                if adjusted:
                    data._save2stack(erase=True, force=True)
            elif not consumed:
                self.bar.bupdate(data, reopen=True)
                data._save2stack(erase=True, force=True)
            else:
                self.bar.bstart(maxdate=True)
                self._firstbar = True
        elif not fromcheck:
            if not consumed:
                # the new data already sits in a new slot: it opens the bar
                self.bar.bupdate(data, reopen=True)
            else:
                if not self._firstbar:
                    data.backwards(force=True)
                data._updatebar(self.bar.lvalues(), forward=False, ago=0)
                self.bar.bstart(maxdate=True)
                self._firstbar = True


def _pinned(base: type, label: str, frame: int) -> type:
    """Derive from ``base`` a filter class whose ``timeframe`` default is
    ``frame`` (so ``data.addfilter(ResamplerDaily)`` needs no arguments)."""
    name = base.__name__ + label
    body = {
        '__module__': __name__,
        '__qualname__': name,
        '__doc__': '%s fixed to TimeFrame.%s by default.' % (
            base.__name__, TimeFrame.TName(frame)),
        'params': (('timeframe', frame),),
    }
    return type(base)(name, (base,), body)


# one-line shortcuts for every timeframe (upstream has no yearly replayer)
ResamplerTicks = _pinned(Resampler, 'Ticks', TimeFrame.Ticks)
ResamplerSeconds = _pinned(Resampler, 'Seconds', TimeFrame.Seconds)
ResamplerMinutes = _pinned(Resampler, 'Minutes', TimeFrame.Minutes)
ResamplerDaily = _pinned(Resampler, 'Daily', TimeFrame.Days)
ResamplerWeekly = _pinned(Resampler, 'Weekly', TimeFrame.Weeks)
ResamplerMonthly = _pinned(Resampler, 'Monthly', TimeFrame.Months)
ResamplerYearly = _pinned(Resampler, 'Yearly', TimeFrame.Years)
ReplayerTicks = _pinned(Replayer, 'Ticks', TimeFrame.Ticks)
ReplayerSeconds = _pinned(Replayer, 'Seconds', TimeFrame.Seconds)
ReplayerMinutes = _pinned(Replayer, 'Minutes', TimeFrame.Minutes)
ReplayerDaily = _pinned(Replayer, 'Daily', TimeFrame.Days)
ReplayerWeekly = _pinned(Replayer, 'Weekly', TimeFrame.Weeks)
ReplayerMonthly = _pinned(Replayer, 'Monthly', TimeFrame.Months)
