"""Data feeds (``bt.feeds``): CSV formats, pandas frames and the base
classes to write new feeds.

Feeds of other helpers of the package (chainer, rollover, live venues...)
are imported when their modules are present, so this package works while
parts of the distribution are added.
"""
from __future__ import annotations

import datetime as _dtmod
import importlib as _importlib
import importlib.util as _importlib_util

from ..dataseries import TimeFrame  # noqa: F401
from ..feed import DataBase  # noqa: F401
from ..metabase import MetaParams  # noqa: F401
from ..utils.date import date2num, num2date  # noqa: F401

from .btcsv import *  # noqa: F401,F403
from .csvgeneric import *  # noqa: F401,F403
from .yahoo import *  # noqa: F401,F403
from .pandafeed import *  # noqa: F401,F403

# names upstream's bt.feeds exposes through its star imports
from ..utils.py3 import (ProxyHandler, build_opener, filter, install_opener,  # noqa: F401,E402
                         integer_types, string_types, urlopen, urlquote,
                         with_metaclass)

datetime = _dtmod.datetime
date = _dtmod.date
time = _dtmod.time
timedelta = _dtmod.timedelta
tzinfo = _dtmod.tzinfo

# feed modules owned elsewhere in the package: star-import them if present
_OPTIONAL = ('chainer', 'rollover', 'vchart', 'vchartcsv', 'vchartfile',
             'sierrachart', 'mt4csv', 'influxfeed', 'quandl', 'ibdata',
             'oanda', 'vcdata', 'blaze', 'ccxtfeed', 'binancefeed')


def _import_optional() -> None:
    for modname in _OPTIONAL:
        fullname = '%s.%s' % (__name__, modname)
        if _importlib_util.find_spec(fullname) is None:
            continue
        module = _importlib.import_module(fullname)
        names = getattr(module, '__all__', None)
        if names is None:
            names = [n for n in vars(module) if not n.startswith('_')]
        for name in names:
            globals().setdefault(name, getattr(module, name))


_import_optional()
