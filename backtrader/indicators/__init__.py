"""The indicators shipped with backtrader (``bt.indicators`` / ``bt.ind``).

Importing this package registers every moving average on ``MovingAverage``
(``MovAv``) and generates their Envelope and Oscillator variants, so the
moving average modules must be imported before ``envelope`` and
``oscillator``.  Adding an indicator: declare it in a module here and
import that module below (before ``envelope`` if it is a moving average).
"""
from __future__ import absolute_import, division, print_function, unicode_literals

from ..indicator import Indicator  # noqa: F401
from ..linebuffer import LineActions  # noqa: F401
from ..functions import *  # noqa: F401,F403
from ..utils.py3 import MAXINT, cmp, map, range, with_metaclass  # noqa: F401

from .mabase import *  # noqa: F401,F403
from .basicops import *  # noqa: F401,F403

# moving averages (register themselves on MovingAverage)
from .sma import *  # noqa: F401,F403
from .ema import *  # noqa: F401,F403
from .smma import *  # noqa: F401,F403
from .wma import *  # noqa: F401,F403
from .dema import *  # noqa: F401,F403
from .kama import *  # noqa: F401,F403
from .hma import *  # noqa: F401,F403
from .zlema import *  # noqa: F401,F403
from .zlind import *  # noqa: F401,F403
from .dma import *  # noqa: F401,F403

# variants of every moving average registered above
from .envelope import *  # noqa: F401,F403
from .oscillator import *  # noqa: F401,F403

from .deviation import *  # noqa: F401,F403
from .rsi import *  # noqa: F401,F403
from .macd import *  # noqa: F401,F403
from .bollinger import *  # noqa: F401,F403
from .atr import *  # noqa: F401,F403
from .stochastic import *  # noqa: F401,F403
from .crossover import *  # noqa: F401,F403
from .momentum import *  # noqa: F401,F403
from .percentchange import *  # noqa: F401,F403
from .trix import *  # noqa: F401,F403
from .psar import *  # noqa: F401,F403
from .ichimoku import *  # noqa: F401,F403
from .heikinashi import *  # noqa: F401,F403
from .hadelta import *  # noqa: F401,F403
from .directionalmove import *  # noqa: F401,F403
from .cci import *  # noqa: F401,F403
from .williams import *  # noqa: F401,F403
from .aroon import *  # noqa: F401,F403
from .ultimateoscillator import *  # noqa: F401,F403
from .tsi import *  # noqa: F401,F403
from .dpo import *  # noqa: F401,F403
from .priceoscillator import *  # noqa: F401,F403
from .awesomeoscillator import *  # noqa: F401,F403
from .accdecoscillator import *  # noqa: F401,F403
from .kst import *  # noqa: F401,F403
from .lrsi import *  # noqa: F401,F403
from .prettygoodoscillator import *  # noqa: F401,F403
from .percentrank import *  # noqa: F401,F403
from .dv2 import *  # noqa: F401,F403
from .rmi import *  # noqa: F401,F403
from .vortex import *  # noqa: F401,F403
from .contrib.vortex import *  # noqa: F401,F403
from .hurst import *  # noqa: F401,F403
from .pivotpoint import *  # noqa: F401,F403
from .ols import *  # noqa: F401,F403


def _last_variant_names() -> dict:
    """Upstream's ``bt.indicators`` also shows the loop variables of the
    code that generated the Oscillator variants, left holding the last
    variant made (DicksonMovingAverageOscillator).  The same names, with
    the same meaning, taken from the last variant generated here."""
    from . import oscillator as _osc
    from .mabase import MovingAverage as _MovAv
    for name in reversed(_osc.__all__):
        newcls = getattr(_osc, name)
        if newcls.__name__ == name and newcls.__bases__[0] in _MovAv._movavs:
            break
    else:
        return {}
    movav = newcls.__bases__[0]
    newaliases = list(newcls.alias)
    return dict(
        movav=movav, movname=movav.__name__, suffix='Osc',
        alias=movav.alias[-1], linename=movav.lines._getlines()[0],
        newcls=newcls, newclsname=newcls.__name__, newclsdoc=newcls.__doc__,
        newaliases=newaliases,
        newclsdct={'__doc__': newcls.__doc__, '__module__': newcls.__module__,
                   'alias': newaliases, 'aliased': newcls.aliased})


globals().update(_last_variant_names())
