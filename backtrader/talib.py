"""TA-Lib functions as backtrader indicators (``bt.talib``).

With the ``ta-lib`` package installed (it provides the ``talib`` module),
every TA-Lib function is available as an indicator class of the same name,
taking the input lines as datas and TA-Lib's parameters as params::

    sma = bt.talib.SMA(self.data, timeperiod=20)        # line: real
    bb = bt.talib.BBANDS(self.data, timeperiod=20)      # upperband, ...
    doji = bt.talib.CDLDOJI(d.open, d.high, d.low, d.close)

The lines are named after TA-Lib's outputs, the minimum period is the
function's lookback + 1, and candle patterns are plotted as markers (see
backtrader/_talibwrap.py).  Classes are built on first use, so importing
backtrader does not pay for the ~200 of them.

Without ``talib`` this module still imports and exposes nothing else;
asking for a TA-Lib function raises AttributeError saying that the package
is needed (``hasattr`` is False, as with upstream backtrader).
"""
from __future__ import (absolute_import, division, print_function,  # noqa: F401
                        unicode_literals)

import re as _re
from typing import Any as _Any

from .utils.py3 import with_metaclass  # noqa: F401

try:
    import talib as _talib
    import talib.abstract as _taabstract  # noqa: F401 - the API the wrapper reads
except ImportError:  # the optional ta-lib package is not installed
    _talib = None

_FUNCTION_NAME = _re.compile(r'^[A-Z][A-Z0-9_]*$')

if _talib is None:
    __all__: list = []
    _FUNCTIONS: frozenset = frozenset()
else:
    import numpy as np  # noqa: F401
    talib = _talib
    MA_Type = getattr(_talib, 'MA_Type', None)

    # TA-Lib's flag bits (its C headers), by name and by description
    FUNC_FLAGS_SAMESCALE, FUNC_FLAGS_UNSTABLE, FUNC_FLAGS_CANDLESTICK = (
        1 << bit for bit in (24, 27, 28))
    (OUT_FLAGS_LINE, OUT_FLAGS_DOTTED, OUT_FLAGS_DASH, OUT_FLAGS_HISTO,
     OUT_FLAGS_UPPER, OUT_FLAGS_LOWER) = (1 << bit for bit in (0, 1, 2, 4, 11, 12))

    def _reverse_flags(attr: str) -> dict:
        flags = getattr(getattr(_talib, '_ta_lib', None), attr, None) or {}
        return {text: value for value, text in flags.items()}

    R_TA_FUNC_FLAGS = _reverse_flags('TA_FUNC_FLAGS')
    R_TA_OUTPUT_FLAGS = _reverse_flags('TA_OUTPUT_FLAGS')
    tafunctions = list(_talib.get_functions())
    _FUNCTIONS = frozenset(tafunctions)
    __all__ = tafunctions + ['MA_Type']


def _build(name: str) -> type:
    from ._talibwrap import build_indicator
    cls = build_indicator(_talib, name, __name__)
    globals()[name] = cls
    return cls


def __getattr__(name: str) -> _Any:
    if name in _FUNCTIONS:
        return _build(name)
    if _talib is None and _FUNCTION_NAME.match(name):
        raise AttributeError(
            "module %r has no attribute %r: TA-Lib indicators need the 'ta-lib' "
            "package (pip install ta-lib), which provides the 'talib' module"
            % (__name__, name))
    raise AttributeError('module %r has no attribute %r' % (__name__, name))


def __dir__() -> list:
    return sorted(set(globals()) | _FUNCTIONS)
