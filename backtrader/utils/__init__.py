"""Helpers shared by the whole package (``bt.utils``).

Exports the same names as backtrader 1.9.78.123's ``backtrader.utils``:
the datetime float encoding (``date2num``/``num2date``/...), time zone
helpers, the self-growing dictionaries analyzers return and a few
compatibility names.
"""
from __future__ import absolute_import, division, print_function, unicode_literals

import sys

from .autodict import (
    AutoDict,
    AutoDictList,
    AutoOrderedDict,
    DotDict,
    OrderedDict,
    Tree,
    defaultdict,
    py3lvalues,
)
from .date import (
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
from .ordereddefaultdict import OrderedDefaultdict
from .py3 import iteritems

__all__ = [
    'AutoDict', 'AutoDictList', 'AutoOrderedDict', 'DotDict', 'Tree',
    'py3lvalues', 'OrderedDict', 'defaultdict', 'OrderedDefaultdict',
    'TIME_MAX', 'TIME_MIN', 'UTC', 'TZLocal', 'Localizer', 'tzparse',
    'date2num', 'num2date', 'num2dt', 'num2time', 'time2num', 'iteritems',
    'absolute_import', 'division', 'print_function', 'unicode_literals',
]
