"""Analyzers: objects that watch a strategy run and report a summary.

An analyzer is attached to one strategy (``cerebro.addanalyzer`` creates one
per strategy).  It is not a line object: it receives the same per-bar calls
as the strategy (``prenext``/``nextstart``/``next``) plus the order, trade,
cash/value and fund notifications, and keeps its results in ``self.rets``,
which ``get_analysis()`` returns and ``print()``/``pprint()`` display.

An analyzer created inside another analyzer's ``__init__`` becomes its child:
children receive every call before their parent, so a parent can build on a
child's results (SharpeRatio reads the returns of its TimeReturn child).

:class:`TimeFrameAnalyzerBase` adds the notion of periods (days, weeks,
months, ... possibly compressed) and calls ``on_dt_over`` whenever the
strategy's clock enters a new period.
"""
from __future__ import annotations

import calendar
import datetime
import pprint as _pprint
from collections import OrderedDict
from typing import Any

from .dataseries import TimeFrame
from .lineiterator import ObserverBase, StrategyBase
from .metabase import MetaParams, findowner, owner_stack
from .utils.py3 import MAXINT

__all__ = ['Analyzer', 'MetaAnalyzer', 'TimeFrameAnalyzerBase',
           'MetaTimeFrameAnalyzerBase']


def _bind_datas(obj: Any, datas: list) -> None:
    """Give ``obj`` the data shortcuts strategies and indicators also have:
    ``data``, ``data_<line>``, ``data_<n>``, ``dataX``, ``dataX_<line>``,
    ``dataX_<n>``."""
    obj.datas = datas
    if not datas:
        return
    obj.data = datas[0]
    for didx, data in enumerate(datas):
        setattr(obj, 'data%d' % didx, data)
        prefixes = ['data%d' % didx]
        if didx == 0:
            prefixes.append('data')
        for lidx, lname in enumerate(data.lines._getlines()):
            line = data.lines[lidx]
            for prefix in prefixes:
                setattr(obj, '%s_%s' % (prefix, lname), line)
                setattr(obj, '%s_%d' % (prefix, lidx), line)


class MetaAnalyzer(MetaParams):
    """Finds the strategy (and parent analyzer) of a new analyzer and creates
    its result container before the user's ``__init__`` runs."""

    def donew(cls, *args, **kwargs):
        _obj, args, kwargs = super().donew(*args, **kwargs)
        _obj._children = []
        _obj.strategy = strategy = findowner(_obj, StrategyBase)
        _obj._parent = findowner(_obj, Analyzer)
        _bind_datas(_obj, list(strategy.datas) if strategy is not None else [])
        return _obj, args, kwargs

    def dopreinit(cls, _obj, *args, **kwargs):
        _obj, args, kwargs = super().dopreinit(_obj, *args, **kwargs)
        _obj.create_analysis()
        return _obj, args, kwargs

    def doinit(cls, _obj, *args, **kwargs):
        # While __init__ runs, analyzers created there find this one as parent
        owner_stack.append(_obj)
        try:
            _obj.__init__(*args, **kwargs)
        finally:
            owner_stack.pop()
        return _obj, args, kwargs

    def dopostinit(cls, _obj, *args, **kwargs):
        _obj, args, kwargs = super().dopostinit(_obj, *args, **kwargs)
        if _obj._parent is not None:
            _obj._parent._register(_obj)
        else:
            # created by an observer (e.g. DrawDown): the observer drives it
            observer = findowner(_obj, ObserverBase)
            if observer is not None:
                observer._register_analyzer(_obj)
        return _obj, args, kwargs


class Analyzer(metaclass=MetaAnalyzer):
    """Base class of all analyzers.

    Override the public hooks (``start``, ``prenext``, ``nextstart``,
    ``next``, ``notify_order``, ``notify_trade``, ``notify_cashvalue``,
    ``notify_fund``, ``stop``) and store results in ``self.rets`` (an
    ``OrderedDict`` created by ``create_analysis``).

    Available attributes: ``self.strategy`` (the strategy analysed),
    ``self.datas``/``self.data``/``self.dataX`` (its datas, with the usual
    line shortcuts) and ``len(self)`` (the strategy's current length).
    """

    csv = True

    def __len__(self) -> int:
        return len(self.strategy)

    def _register(self, child: 'Analyzer') -> None:
        self._children.append(child)

    # --- engine entry points: children first, then this analyzer ----------
    def _prenext(self) -> None:
        for child in self._children:
            child._prenext()
        self.prenext()

    def _nextstart(self) -> None:
        for child in self._children:
            child._nextstart()
        self.nextstart()

    def _next(self) -> None:
        for child in self._children:
            child._next()
        self.next()

    def _notify_cashvalue(self, cash: float, value: float) -> None:
        for child in self._children:
            child._notify_cashvalue(cash, value)
        self.notify_cashvalue(cash, value)

    def _notify_fund(self, cash: float, value: float, fundvalue: float,
                     shares: float) -> None:
        for child in self._children:
            child._notify_fund(cash, value, fundvalue, shares)
        self.notify_fund(cash, value, fundvalue, shares)

    def _notify_trade(self, trade: Any) -> None:
        for child in self._children:
            child._notify_trade(trade)
        self.notify_trade(trade)

    def _notify_order(self, order: Any) -> None:
        for child in self._children:
            child._notify_order(order)
        self.notify_order(order)

    def _start(self) -> None:
        for child in self._children:
            child._start()
        self.start()

    def _stop(self) -> None:
        for child in self._children:
            child._stop()
        self.stop()

    # --- user hooks -------------------------------------------------------
    def notify_cashvalue(self, cash: float, value: float) -> None:
        """Cash and portfolio value, before each ``next`` call."""

    def notify_fund(self, cash: float, value: float, fundvalue: float,
                    shares: float) -> None:
        """Cash, value, fund value and fund shares, before each ``next``."""

    def notify_order(self, order: Any) -> None:
        """An order changed status."""

    def notify_trade(self, trade: Any) -> None:
        """A trade was opened, updated or closed."""

    def next(self) -> None:
        """Called once per bar once the strategy reached its minimum period."""

    def prenext(self) -> None:
        """Called per bar while the strategy is below its minimum period;
        delegates to ``next`` by default."""
        self.next()

    def nextstart(self) -> None:
        """Called once, on the first bar meeting the minimum period;
        delegates to ``next`` by default."""
        self.next()

    def start(self) -> None:
        """Called before the first bar."""

    def stop(self) -> None:
        """Called after the last bar."""

    # --- results ------------------------------------------------------------
    def create_analysis(self) -> None:
        """Create the result container (an empty ``OrderedDict``)."""
        self.rets = OrderedDict()

    def get_analysis(self) -> Any:
        """The results: ``self.rets`` unless a subclass says otherwise."""
        return self.rets

    def print(self, *args: Any, **kwargs: Any) -> None:
        """Write the results through a WriterFile (stdout by default); the
        arguments go to WriterFile (e.g. ``out=`` a file name or stream)."""
        from .writer import WriterFile
        writer = WriterFile(*args, **kwargs)
        writer.start()
        writer.writedict({self.__class__.__name__: self.get_analysis()})
        writer.stop()

    def pprint(self, *args: Any, **kwargs: Any) -> None:
        """Pretty-print the results with the ``pprint`` module."""
        _pprint.pprint(self.get_analysis(), *args, **kwargs)


# ---------------------------------------------------------------------------
# Period tracking
# ---------------------------------------------------------------------------

#: size of one unit of the intraday timeframes, in microseconds
_SUBDAY_UNIT_US = {
    TimeFrame.Minutes: 60 * 1000000,
    TimeFrame.Seconds: 1000000,
    TimeFrame.MicroSeconds: 1,
}


def _period_end_subday(dt: datetime.datetime, timeframe: int,
                       compression: int) -> datetime.datetime:
    """Last unit (minute, second, microsecond) of the intraday period of
    ``compression`` units that contains ``dt``, periods counted from
    midnight.  A period may end on the following day."""
    unit = _SUBDAY_UNIT_US[timeframe]
    tod_us = ((dt.hour * 60 + dt.minute) * 60 + dt.second) * 1000000 + dt.microsecond
    units = tod_us // unit
    ends = (units // compression + 1) * compression
    midnight = dt.replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight + datetime.timedelta(microseconds=(ends - 1) * unit)


def _period_of(dt: datetime.datetime, timeframe: int, compression: int):
    """(comparison value, key) of the period containing ``dt``.

    The comparison value grows with time; the key is the period's last day
    (a ``date`` for years, a ``datetime`` otherwise) or, intraday, its last
    unit.
    """
    if timeframe == TimeFrame.Years:
        return dt.year, datetime.date(dt.year, 12, 31)
    if timeframe == TimeFrame.Months:
        lastday = calendar.monthrange(dt.year, dt.month)[1]
        return (dt.year * 100 + dt.month,
                datetime.datetime(dt.year, dt.month, lastday))
    if timeframe == TimeFrame.Weeks:
        isoyear, isoweek, isoweekday = dt.isocalendar()
        sunday = dt + datetime.timedelta(days=7 - isoweekday)
        return (isoyear * 100 + isoweek,
                datetime.datetime(sunday.year, sunday.month, sunday.day))
    if timeframe == TimeFrame.Days:
        return (dt.year * 10000 + dt.month * 100 + dt.day,
                datetime.datetime(dt.year, dt.month, dt.day))
    if timeframe in _SUBDAY_UNIT_US:
        end = _period_end_subday(dt, timeframe, compression)
        return end, end
    # Ticks: every timestamp is a period of its own
    return dt, dt


_US_PER_DAY = 86400 * 1000000
#: margin (in days, ~86 microseconds) that keeps the float bounds of a period
#: clear of num2date's rounding to the microsecond
_SPAN_EPS = 1e-9


def _period_span(dt: datetime.datetime, timeframe: int, compression: int):
    """Float datetime bounds ``(lo, hi)`` such that every naive timestamp
    ``lo <= x < hi`` falls in the period of ``dt`` (None for Ticks)."""
    day = dt.toordinal()
    if timeframe == TimeFrame.Days:
        lo, hi = day, day + 1
    elif timeframe == TimeFrame.Weeks:
        lo = day - dt.isoweekday() + 1
        hi = lo + 7
    elif timeframe == TimeFrame.Months:
        lo = day - dt.day + 1
        hi = lo + calendar.monthrange(dt.year, dt.month)[1]
    elif timeframe == TimeFrame.Years:
        lo = datetime.date(dt.year, 1, 1).toordinal()
        hi = datetime.date(dt.year + 1, 1, 1).toordinal()
    elif timeframe in _SUBDAY_UNIT_US:
        span = _SUBDAY_UNIT_US[timeframe] * compression
        tod_us = ((dt.hour * 60 + dt.minute) * 60 + dt.second) * 1000000 + dt.microsecond
        start = tod_us // span * span
        end = min(start + span, _US_PER_DAY)
        lo = day + start / _US_PER_DAY
        hi = day + end / _US_PER_DAY
    else:
        return None
    return lo + _SPAN_EPS, hi - _SPAN_EPS


class MetaTimeFrameAnalyzerBase(MetaAnalyzer):
    """Accepts ``_on_dt_over`` as the older name of ``on_dt_over``."""

    def __new__(meta, name, bases, dct):
        if '_on_dt_over' in dct:
            dct['on_dt_over'] = dct.pop('_on_dt_over')
        return super().__new__(meta, name, bases, dct)


class TimeFrameAnalyzerBase(Analyzer, metaclass=MetaTimeFrameAnalyzerBase):
    """Analyzer working on periods of ``timeframe``/``compression``.

    Params:
      - ``timeframe`` (default: None, the timeframe of the first data)
      - ``compression`` (default: None, the compression of the first data);
        only used for intraday timeframes
      - ``_doprenext`` (default: True): also call ``prenext`` while the
        strategy is below its minimum period

    ``on_dt_over`` is called when a bar opens a new period, before
    ``prenext``/``nextstart``/``next``.  ``self.dtkey`` is the key of the
    current period (its end), ``self.dtkey1`` the previous one.
    """

    params = (
        ('timeframe', None),
        ('compression', None),
        ('_doprenext', True),
    )

    def _start(self) -> None:
        self.timeframe = self.p.timeframe or self.data._timeframe
        self.compression = self.p.compression or self.data._compression
        self.dtcmp, self.dtkey = self._get_dt_cmpkey(datetime.datetime.min)
        self.dtcmp1 = self.dtkey1 = None
        self._dtline = self.strategy.lines.datetime
        self._span_lo, self._span_hi = 1.0, 0.0  # empty: no period known yet
        super()._start()

    def _prenext(self) -> None:
        for child in self._children:
            child._prenext()
        self._period_step(self.prenext if self.p._doprenext else None)

    def _nextstart(self) -> None:
        for child in self._children:
            child._nextstart()
        # without prenext calls no period was opened for the work done here
        self._period_step(self.nextstart, force=not self.p._doprenext)

    def _next(self) -> None:
        for child in self._children:
            child._next()
        self._period_step(self.next)

    def _period_step(self, hook: Any, force: bool = False) -> None:
        """Roll into a new period when the clock left the current one (or
        when ``force``d), then run the user ``hook`` if there is one."""
        if self._dt_over() or force:
            self.on_dt_over()
        if hook is not None:
            hook()

    def on_dt_over(self) -> None:
        """Called when a new period starts."""

    def _dt_over(self) -> bool:
        """Move to the period of the current bar; True if it is a new one."""
        if self.timeframe == TimeFrame.NoTimeFrame:
            dtcmp, dtkey = MAXINT, datetime.datetime.max
        else:
            # fast path: the bar's raw timestamp is inside the current period
            dtline = self._dtline
            rawdt = dtline[0]
            if self._span_lo <= rawdt < self._span_hi and dtline._tz is None:
                return False
            dt = dtline.datetime()
            dtcmp, dtkey = self._get_dt_cmpkey(dt)
        if self.dtcmp is None or dtcmp > self.dtcmp:
            self.dtkey, self.dtkey1 = dtkey, self.dtkey
            self.dtcmp, self.dtcmp1 = dtcmp, self.dtcmp
            if self.timeframe != TimeFrame.NoTimeFrame:
                self._set_span(dt)
            return True
        return False

    def _set_span(self, dt: datetime.datetime) -> None:
        """Remember the float bounds of the current period (unless a subclass
        defines periods of its own)."""
        span = None
        cls = type(self)
        if (cls._get_dt_cmpkey is TimeFrameAnalyzerBase._get_dt_cmpkey
                and cls._get_subday_cmpkey is TimeFrameAnalyzerBase._get_subday_cmpkey):
            span = _period_span(dt, self.timeframe, self.compression)
        self._span_lo, self._span_hi = span or (1.0, 0.0)

    def _get_dt_cmpkey(self, dt: datetime.datetime):
        """(comparison value, key) of the period containing ``dt``."""
        if self.timeframe == TimeFrame.NoTimeFrame:
            return None, None
        if self.timeframe in _SUBDAY_UNIT_US:
            return self._get_subday_cmpkey(dt)
        return _period_of(dt, self.timeframe, self.compression)

    def _get_subday_cmpkey(self, dt: datetime.datetime):
        """(comparison value, key) of an intraday period: both are its last
        unit."""
        end = _period_end_subday(dt, self.timeframe, self.compression)
        return end, end
