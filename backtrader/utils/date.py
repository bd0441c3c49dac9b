"""Public face of the datetime helpers (``backtrader.utils.date``).

The implementation lives in :mod:`backtrader.utils.dateintern`; this module
only fixes the names that ``from backtrader.utils.date import *`` exports.
"""
from __future__ import absolute_import, division, print_function, unicode_literals

from .dateintern import (
    TIME_MAX,
    TIME_MIN,
    UTC,
    Localizer,
    TZLocal,
    date2num,
    num2date,
    num2dt,
    num2time,
    time2num,
    tzparse,
)

__all__ = (
    'num2date', 'num2dt', 'date2num', 'time2num', 'num2time',
    'UTC', 'TZLocal', 'Localizer', 'tzparse', 'TIME_MAX', 'TIME_MIN',
)
