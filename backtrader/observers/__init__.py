"""Observers: ``cerebro.addobserver(bt.observers.<Name>, ...)``."""
from __future__ import absolute_import, division, print_function, unicode_literals

from ..observer import Observer  # noqa: F401
from ..dataseries import TimeFrame  # noqa: F401
from ..trade import Trade  # noqa: F401
from ..utils.py3 import MAXINT, with_metaclass  # noqa: F401

from .broker import *  # noqa: F401,F403
from .buysell import *  # noqa: F401,F403
from .trades import *  # noqa: F401,F403
from .drawdown import *  # noqa: F401,F403
from .timereturn import *  # noqa: F401,F403
from .benchmark import *  # noqa: F401,F403
from .logreturns import *  # noqa: F401,F403
