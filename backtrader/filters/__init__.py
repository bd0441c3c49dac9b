"""Data filters (``bt.filters``): attach with ``data.addfilter(cls, ...)``.

Each module holds one family: session filters and fillers, calendar day
filler, data filler and data filter feeds, day splitters for replaying,
Heikin-Ashi and Renko rewrites.
"""
from __future__ import absolute_import, division, print_function, unicode_literals

from datetime import date, timedelta  # noqa: F401  (upstream exports them)

from ..dataseries import TimeFrame  # noqa: F401
from ..feed import AbstractDataBase  # noqa: F401
from ..flt import Filter  # noqa: F401
from ..utils.py3 import with_metaclass  # noqa: F401  (upstream exports it)

from .bsplitter import *  # noqa: F401,F403
from .calendardays import *  # noqa: F401,F403
from .datafiller import *  # noqa: F401,F403
from .datafilter import *  # noqa: F401,F403
from .daysteps import *  # noqa: F401,F403
from .heikinashi import *  # noqa: F401,F403
from .renko import *  # noqa: F401,F403
from .session import *  # noqa: F401,F403
