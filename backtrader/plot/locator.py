"""Date tick locators and formatters for an axis of bar indices.

Charts put bar ``i`` at ``x = i`` so that gaps without bars (weekends,
nights) take no room.  Matplotlib's date locators expect date numbers on
the axis, so the classes here translate: the visible index range becomes a
date range, matplotlib picks the ticks in date space (month starts, Mondays,
whole hours ...) and each tick moves to the index of the first bar at or
after it.  ``dates`` are backtrader date numbers, as stored in a datetime
line.
"""
from __future__ import annotations

import datetime
import warnings  # noqa: F401  (part of the module's public surface)
from typing import Any, Sequence

import numpy as np
import matplotlib.dates as mdates
from matplotlib.dates import (  # noqa: F401  (re-exported names)
    AutoDateFormatter as ADFormatter, AutoDateLocator as ADLocator,
    RRuleLocator as RRLocator, YearLocator, MicrosecondLocator, rrulewrapper,
    DAYS_PER_WEEK, HOURS_PER_DAY, MIN_PER_HOUR, MONTHS_PER_YEAR,
    SEC_PER_DAY, SEC_PER_HOUR, SEC_PER_MIN)
from dateutil.relativedelta import relativedelta  # noqa: F401

from ..utils.date import date2num as _bt_date2num, num2date

__all__ = ['AutoDateLocator', 'AutoDateFormatter', 'RRuleLocator', '_idx2dt']

_REF = datetime.datetime(2000, 1, 1)


def _idx2dt(idx: Any, dates: Sequence[float], tz: Any) -> datetime.datetime:
    """The datetime of the bar nearest to axis position ``idx``.

    Positions left/right of the bars clamp to the first/last bar; a
    datetime passed in is returned as it is.
    """
    if isinstance(idx, datetime.date):
        return idx
    last = len(dates) - 1
    pos = min(max(int(round(idx)), 0), last)
    return num2date(dates[pos], tz=tz)


class _BarDates:
    """The bar datetimes of an axis as backtrader and matplotlib numbers."""

    def __init__(self, dates: Sequence[float], tz: Any = None) -> None:
        self.btnums = np.asarray(dates, dtype=float)
        offset = _bt_date2num(_REF) - mdates.date2num(_REF)
        self.mplnums = self.btnums - offset
        self.tz = tz

    def __len__(self) -> int:
        return len(self.btnums)

    def to_datetime(self, idx: Any) -> datetime.datetime:
        return _idx2dt(idx, self.btnums, self.tz)

    def to_mpl(self, idx: float) -> float:
        last = len(self.mplnums) - 1
        return float(self.mplnums[min(max(int(round(idx)), 0), last)])

    def to_index(self, mplticks: Any) -> list:
        """Indices of the first bars at or after matplotlib date ticks."""
        ticks = np.asarray(mplticks, dtype=float)
        if not len(ticks) or not len(self.mplnums):
            return []
        ticks = ticks[(ticks >= self.mplnums[0] - 1e-9) & (ticks <= self.mplnums[-1] + 1e-9)]
        pos = np.searchsorted(self.mplnums, ticks - 1e-9, side='left')
        return [float(p) for p in np.unique(pos[pos < len(self.mplnums)])]


class _IndexLocatorMixin:
    """Turns a matplotlib date locator into one for an index axis."""

    _bardates: _BarDates

    def _interval_to_dt(self, vmin: float, vmax: float) -> tuple:
        if not len(self._bardates):
            raise ValueError('no bar dates to place ticks on')
        lo, hi = sorted((vmin, vmax))
        return self._bardates.to_datetime(lo), self._bardates.to_datetime(hi)

    def viewlim_to_dt(self) -> tuple:
        return self._interval_to_dt(*self.axis.get_view_interval())

    def datalim_to_dt(self) -> tuple:
        return self._interval_to_dt(*self.axis.get_data_interval())

    def __call__(self) -> list:
        try:
            dmin, dmax = self.viewlim_to_dt()
        except ValueError:
            return []
        return self.tick_values(dmin, dmax)

    def tick_values(self, vmin: Any, vmax: Any) -> list:
        if not isinstance(vmin, datetime.date):
            vmin, vmax = self._interval_to_dt(vmin, vmax)
        if vmin >= vmax:  # a single bar in view
            return self._bardates.to_index([mdates.date2num(vmin)])
        return self._bardates.to_index(super().tick_values(vmin, vmax))

    def nonsingular(self, vmin: float, vmax: float) -> tuple:
        # index units: widen an empty span by half a bar on each side
        if not (np.isfinite(vmin) and np.isfinite(vmax)):
            return 0.0, 1.0
        if vmax < vmin:
            vmin, vmax = vmax, vmin
        if vmax - vmin < 1e-12:
            vmin, vmax = vmin - 0.5, vmax + 0.5
        return vmin, vmax


class _IndexFormatterMixin:
    """Turns a matplotlib date formatter into one for an index axis."""

    _bardates: _BarDates

    def __call__(self, x: float, pos: Any = None) -> str:
        if not len(self._bardates):
            return ''
        return super().__call__(self._bardates.to_mpl(x), pos)


def _index_class(cls: type, mixin: type) -> type:
    """``cls`` with ``mixin`` in front (cached, so instances pickle alike)."""
    name = 'Index' + cls.__name__
    cached = _INDEX_CLASSES.get((cls, mixin))
    if cached is None:
        cached = type(name, (mixin, cls), {'__module__': __name__})
        _INDEX_CLASSES[(cls, mixin)] = cached
    return cached


_INDEX_CLASSES: dict = {}


def index_locator(locator: Any, dates: Sequence[float], tz: Any = None) -> Any:
    """Make an existing matplotlib date locator work on an index axis."""
    locator._bardates = _BarDates(dates, tz)
    if not isinstance(locator, _IndexLocatorMixin):
        locator.__class__ = _index_class(type(locator), _IndexLocatorMixin)
    return locator


def index_formatter(formatter: Any, dates: Sequence[float], tz: Any = None) -> Any:
    """Make an existing matplotlib date formatter work on an index axis."""
    formatter._bardates = _BarDates(dates, tz)
    if not isinstance(formatter, _IndexFormatterMixin):
        formatter.__class__ = _index_class(type(formatter), _IndexFormatterMixin)
    return formatter


class RRuleLocator(_IndexLocatorMixin, mdates.RRuleLocator):
    """Ticks where the recurrence rule ``o`` (an ``rrulewrapper``) falls."""

    def __init__(self, dates: Sequence[float], o: Any, tz: Any = None) -> None:
        super().__init__(o, tz)
        self._bardates = _BarDates(dates, tz)


class AutoDateLocator(_IndexLocatorMixin, mdates.AutoDateLocator):
    """Ticks at round dates chosen from the visible span (years, months,
    days, hours ...); the other arguments are matplotlib's."""

    def __init__(self, dates: Sequence[float], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._bardates = _BarDates(dates, kwargs.get('tz'))


class AutoDateFormatter(_IndexFormatterMixin, mdates.AutoDateFormatter):
    """Tick labels whose precision follows ``locator``'s tick spacing."""

    def __init__(self, dates: Sequence[float], locator: Any, tz: Any = None,
                 defaultfmt: str = '%Y-%m-%d') -> None:
        super().__init__(locator, tz=tz, defaultfmt=defaultfmt)
        self._bardates = _BarDates(dates, tz)
