"""Tick label formatters: bar dates on the x axis, volumes on the y axis.

``MyDateFormatter`` labels an index axis (bar ``i`` at ``x = i``) with the
dates of the bars; ``MyVolFormatter`` writes volumes with a K/M/G suffix and
leaves the ticks above the volume overlay blank, so they do not clash with
the price ticks of the same axis.
"""
from __future__ import annotations

import math
from typing import Any, Sequence

import matplotlib.dates as mdates  # noqa: F401  (part of the public surface)
import matplotlib.ticker as mplticker

from ..utils.date import num2date
from .locator import AutoDateFormatter, AutoDateLocator, index_formatter, index_locator

__all__ = ['MyVolFormatter', 'MyDateFormatter', 'getlocator',
           'patch_locator', 'patch_formatter']

_SUFFIXES = ('', 'K', 'M', 'G', 'T', 'P')


class MyVolFormatter(mplticker.Formatter):
    """Volume labels scaled to the magnitude of ``volmax`` ('150K', '2M');
    ticks above ``volmax`` get no label."""

    def __init__(self, volmax: float) -> None:
        self.volmax = volmax
        magnitude = 0
        if volmax and volmax > 0 and math.isfinite(volmax):
            magnitude = min(int(math.log10(volmax)) // 3, len(_SUFFIXES) - 1)
        self.divisor = 10.0 ** (3 * magnitude)
        self.suffix = _SUFFIXES[magnitude]

    def __call__(self, y: float, pos: Any = 0) -> str:
        if y > self.volmax:
            return ''
        scaled = y / self.divisor
        text = '%.1f' % scaled
        if text.endswith('.0'):
            text = text[:-2]
        if text == '-0':
            text = '0'
        return text + self.suffix


class MyDateFormatter(mplticker.Formatter):
    """Labels position ``x`` with the date of the nearest bar, formatted
    with ``fmt`` (strftime); ``dates`` are backtrader date numbers."""

    def __init__(self, dates: Sequence[float], fmt: str = '%Y-%m-%d') -> None:
        self.dates = dates
        self.lendates = len(dates)
        self.fmt = fmt

    def __call__(self, x: float, pos: Any = 0) -> str:
        if not self.lendates:
            return ''
        ind = min(max(int(round(x)), 0), self.lendates - 1)
        return num2date(self.dates[ind]).strftime(self.fmt)


def getlocator(xdates: Sequence[float], numticks: int = 5, tz: Any = None) -> tuple:
    """A (locator, formatter) pair for an index axis over ``xdates`` that
    puts about ``numticks`` ticks at round dates and labels them with the
    precision the spacing needs."""
    locator = AutoDateLocator(xdates, tz=tz, minticks=max(2, numticks - 2),
                              maxticks=numticks + 3)
    formatter = AutoDateFormatter(xdates, locator, tz=tz)
    return locator, formatter


def patch_locator(locator: Any, xdates: Sequence[float]) -> Any:
    """Make a matplotlib date locator (``mdates.MonthLocator()`` ...) place
    its ticks on an index axis over ``xdates``; returns the locator."""
    return index_locator(locator, xdates, getattr(locator, 'tz', None))


def patch_formatter(formatter: Any, xdates: Sequence[float]) -> Any:
    """Make a matplotlib date formatter label an index axis over
    ``xdates``; returns the formatter."""
    return index_formatter(formatter, xdates, getattr(formatter, 'tz', None))
