"""Base class for data filters written as classes with params.

A filter is attached with ``data.addfilter(FilterClass, **params)``; the
feed creates it with the data and calls it with the data for every bar it
loads.  :class:`Filter` splits that call into ``nextstart`` (first bar
only) and ``next`` (every bar).  Like backtrader 1.9.78.123 the value
``next`` returns is not passed on: a filter that drops a bar calls
``data.backwards()`` itself.
"""
from __future__ import annotations

from typing import Any

from .metabase import MetaParams

__all__ = ['MetaFilter', 'Filter']


class MetaFilter(MetaParams):
    """Metaclass of :class:`Filter` (params handling)."""


class Filter(metaclass=MetaFilter):
    """Bar-by-bar filter with ``nextstart``/``next`` hooks."""

    _firsttime = True

    def __init__(self, data: Any) -> None:
        pass

    def __call__(self, data: Any) -> None:
        if self._firsttime:
            self._firsttime = False
            self.nextstart(data)
        self.next(data)

    def nextstart(self, data: Any) -> None:
        """Called once, before ``next``, for the first bar."""

    def next(self, data: Any) -> None:
        """Called for every bar."""
