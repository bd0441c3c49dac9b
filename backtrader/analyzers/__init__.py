"""Analyzers: ``cerebro.addanalyzer(bt.analyzers.<Name>, ...)``."""
from __future__ import absolute_import, division, print_function, unicode_literals

from ..analyzer import Analyzer, TimeFrameAnalyzerBase  # noqa: F401
from ..dataseries import TimeFrame  # noqa: F401
from ..mathsupport import average, standarddev  # noqa: F401
from ..order import Order  # noqa: F401
from ..position import Position  # noqa: F401
from ..utils.autodict import AutoDict, AutoOrderedDict  # noqa: F401
from ..utils.py3 import MAXINT, items, iteritems, itervalues, range  # noqa: F401
from collections import OrderedDict  # noqa: F401

from .annualreturn import *  # noqa: F401,F403
from .drawdown import *  # noqa: F401,F403
from .timereturn import *  # noqa: F401,F403
from .sharpe import *  # noqa: F401,F403
from .tradeanalyzer import *  # noqa: F401,F403
from .sqn import *  # noqa: F401,F403
from .returns import *  # noqa: F401,F403
from .positions import *  # noqa: F401,F403
from .transactions import *  # noqa: F401,F403
from .logreturnsrolling import *  # noqa: F401,F403
from .leverage import *  # noqa: F401,F403
from .periodstats import *  # noqa: F401,F403
from .calmar import *  # noqa: F401,F403
from .vwr import *  # noqa: F401,F403
from .pyfolio import *  # noqa: F401,F403
from .funding import *  # noqa: F401,F403
