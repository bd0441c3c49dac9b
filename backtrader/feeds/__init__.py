"""Data feeds (``bt.feeds``): CSV and binary file formats, pandas frames,
feeds joining other feeds (``Chainer``, ``RollOver``), download and
database feeds, and the base classes to write new feeds.

Feeds of the live venues are imported when their modules are present, so
this package works while parts of the distribution are added.
"""
from __future__ import absolute_import, annotations, division, print_function, unicode_literals

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
from .chainer import *  # noqa: F401,F403
from .rollover import *  # noqa: F401,F403
from .mt4csv import *  # noqa: F401,F403
from .sierrachart import *  # noqa: F401,F403
from .vchartcsv import *  # noqa: F401,F403
from .vchartfile import *  # noqa: F401,F403
from .vchart import *  # noqa: F401,F403
from .quandl import *  # noqa: F401,F403
from .influxfeed import *  # noqa: F401,F403

if _importlib_util.find_spec('blaze') is not None:  # as upstream: only with blaze
    from .blaze import *  # noqa: F401,F403

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
_OPTIONAL = ('ibdata', 'oanda', 'vcdata', 'ccxtfeed', 'binancefeed')
# feeds that, as upstream, are left out when their venue's library is missing
_NEEDS_LIBRARY = {'ibdata': 'ib', 'oanda': 'oandapy'}


def _import_optional() -> None:
    for modname in _OPTIONAL:
        fullname = '%s.%s' % (__name__, modname)
        if _importlib_util.find_spec(fullname) is None:
            continue
        try:
            module = _importlib.import_module(fullname)
        except ModuleNotFoundError as exc:
            if modname not in _NEEDS_LIBRARY or exc.name != _NEEDS_LIBRARY[modname]:
                raise
            continue
        names = getattr(module, '__all__', None)
        if names is None:
            names = [n for n in vars(module) if not n.startswith('_')]
        for name in names:
            globals().setdefault(name, getattr(module, name))


_import_optional()
