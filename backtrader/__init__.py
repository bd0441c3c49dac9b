"""backtrader: a drop-in, faster replacement for backtrader 1.9.78.123 with
crypto market support.

``import backtrader as bt`` exposes the same names as upstream: ``bt.Cerebro``,
``bt.Strategy``, ``bt.Indicator``, ``bt.feeds``, ``bt.indicators``/``bt.ind``,
``bt.analyzers``, ``bt.observers``/``bt.obs``, ``bt.sizers``, ``bt.brokers``...
"""
from __future__ import absolute_import, division, print_function, unicode_literals

from .version import __version__, __btversion__  # noqa: F401

from .errors import *  # noqa: F401,F403
from . import errors as errors  # noqa: F401
from .utils import num2date, date2num, time2num, num2time  # noqa: F401
from .utils.py3 import (MAXINT, cmp, filter, integer_types, iteritems,  # noqa: F401
                        keys, map, range, string_types, with_metaclass, zip)
from .utils.autodict import (AutoDictList, AutoOrderedDict, DotDict,  # noqa: F401
                             AutoDict)
from .metabase import (AutoInfoClass, ItemCollection, MetaParams,  # noqa: F401
                       findowner)

from .linebuffer import *  # noqa: F401,F403
from .functions import *  # noqa: F401,F403
from .lineroot import *  # noqa: F401,F403
from .lineseries import *  # noqa: F401,F403
from .lineiterator import *  # noqa: F401,F403
from .dataseries import *  # noqa: F401,F403
from .indicator import *  # noqa: F401,F403
from .observer import *  # noqa: F401,F403
from .analyzer import *  # noqa: F401,F403
from .order import *  # noqa: F401,F403
from .comminfo import *  # noqa: F401,F403
from .trade import *  # noqa: F401,F403
from .position import *  # noqa: F401,F403
from .sizer import *  # noqa: F401,F403
from .feed import *  # noqa: F401,F403
from .resamplerfilter import *  # noqa: F401,F403
from .broker import *  # noqa: F401,F403
from .strategy import *  # noqa: F401,F403
from .cerebro import *  # noqa: F401,F403
from .tradingcal import *  # noqa: F401,F403
from .store import Store, MetaSingleton  # noqa: F401

from . import feeds as feeds  # noqa: F401
from . import indicators as indicators  # noqa: F401
from . import indicators as ind  # noqa: F401
from . import analyzers as analyzers  # noqa: F401
from . import observers as observers  # noqa: F401
from . import observers as obs  # noqa: F401
from . import sizers as sizers  # noqa: F401
from . import brokers as brokers  # noqa: F401
from . import stores as stores  # noqa: F401
from . import commissions as commissions  # noqa: F401
from . import utils as utils  # noqa: F401

from .brokers.bbroker import BackBroker  # noqa: F401,E402
from .sizers.fixedsize import SizerFix  # noqa: F401,E402
from .writer import *  # noqa: F401,F403,E402

# timers, signals and data filters
from .signal import *  # noqa: F401,F403,E402
from .signalstrategy import *  # noqa: F401,F403,E402
from . import signals as signals  # noqa: F401,E402
from .timer import *  # noqa: F401,F403,E402

# names upstream's namespace also carries
from collections import OrderedDict  # noqa: F401,E402
from datetime import date, timedelta  # noqa: F401,E402
from itertools import islice  # noqa: F401,E402
from .utils.py3 import itervalues  # noqa: F401,E402
from .utils.date import tzparse  # noqa: F401,E402
from .lineseries import Lines_LineSeries, Lines_LineSeries_LineSeriesStub  # noqa: F401,E402
from .flt import *  # noqa: F401,F403,E402
from . import filters as filters  # noqa: F401,E402
from . import studies as studies  # noqa: F401,E402
from . import strategies as strategies  # noqa: F401,E402
from . import talib as talib  # noqa: F401,E402

# perpetual futures funding (no upstream counterpart)
from . import funding as funding  # noqa: F401,E402
from .funding import (FundingPayment, FundingRates, FundingSchedule,  # noqa: F401,E402
                      MarkPrices)
