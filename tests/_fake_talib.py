"""A small stand-in for the ``talib`` package (ta-lib), for tests.

It implements the parts of TA-Lib's documented Python API that
backtrader.talib uses: ``get_functions()``, the array functions
(``talib.SMA(real, timeperiod=...)``) and ``talib.abstract.Function(name)``
with ``info`` (input_names, parameters, output_names, output_flags,
function_flags), ``lookback`` and ``set_parameters``.  The functions are
computed with numpy and follow TA-Lib's conventions: NaN during the
lookback for real outputs, 0 for candle patterns.
"""
from __future__ import annotations

import types
from collections import OrderedDict

import numpy as np

SAMESCALE = 'Output scale same as input'
UNSTABLE = 'Function has an unstable period'
CANDLE = 'Output is a candlestick'


def _sma(real, timeperiod):
    real = np.asarray(real, dtype=float)
    out = np.full(len(real), np.nan)
    for i in range(timeperiod - 1, len(real)):
        out[i] = real[i - timeperiod + 1:i + 1].mean()
    return out


def SMA(real, timeperiod=30):
    return _sma(real, timeperiod)


def BBANDS(real, timeperiod=5, nbdev=2.0):
    real = np.asarray(real, dtype=float)
    mid = _sma(real, timeperiod)
    dev = np.full(len(real), np.nan)
    for i in range(timeperiod - 1, len(real)):
        dev[i] = real[i - timeperiod + 1:i + 1].std()
    return mid + nbdev * dev, mid, mid - nbdev * dev


def _ema(real, timeperiod):
    """EMA seeded with the SMA of the first window: depends on where the
    input starts, like TA-Lib's recursive functions."""
    real = np.asarray(real, dtype=float)
    out = np.full(len(real), np.nan)
    if len(real) < timeperiod:
        return out
    alpha = 2.0 / (timeperiod + 1)
    prev = real[:timeperiod].mean()
    out[timeperiod - 1] = prev
    for i in range(timeperiod, len(real)):
        prev = prev + alpha * (real[i] - prev)
        out[i] = prev
    return out


def EMAU(real, timeperiod=5):
    """An EMA flagged as unstable: backtrader feeds it the whole history."""
    return _ema(real, timeperiod)


def EMAW(real, timeperiod=5):
    """The same EMA, not flagged: bar by bar it sees a lookback window."""
    return _ema(real, timeperiod)


def CDLFAKE(open, high, low, close):
    """100 when a white bar follows a black one, -100 the other way round."""
    white = np.asarray(close) > np.asarray(open)
    out = np.zeros(len(white), dtype=np.int32)
    out[1:][white[1:] & ~white[:-1]] = 100
    out[1:][~white[1:] & white[:-1]] = -100
    return out


_INFO = {
    'SMA': dict(input_names={'price': 'close'}, parameters={'timeperiod': 30},
                output_names=['real'], output_flags={'real': ['Line']},
                function_flags=[SAMESCALE], group='Overlap Studies',
                display_name='Simple Moving Average'),
    'BBANDS': dict(input_names={'price': 'close'},
                   parameters={'timeperiod': 5, 'nbdev': 2.0},
                   output_names=['upperband', 'middleband', 'lowerband'],
                   output_flags={'upperband': ['Values represent an upper limit'],
                                 'middleband': ['Line'],
                                 'lowerband': ['Values represent a lower limit']},
                   function_flags=[SAMESCALE], group='Overlap Studies',
                   display_name='Bollinger Bands'),
    'EMAU': dict(input_names={'price': 'close'}, parameters={'timeperiod': 5},
                 output_names=['real'], output_flags={'real': ['Dashed Line']},
                 function_flags=[UNSTABLE], group='Overlap Studies',
                 display_name='Unstable EMA'),
    'EMAW': dict(input_names={'price': 'close'}, parameters={'timeperiod': 5},
                 output_names=['real'], output_flags={'real': ['Histogram']},
                 function_flags=[], group='Momentum Indicators',
                 display_name='Windowed EMA'),
    'CDLFAKE': dict(input_names={'prices': ['open', 'high', 'low', 'close']},
                    parameters={}, output_names=['integer'],
                    output_flags={'integer': ['Line']}, function_flags=[CANDLE],
                    group='Pattern Recognition', display_name='Fake pattern'),
}

_LOOKBACK = {
    'SMA': lambda p: p['timeperiod'] - 1,
    'BBANDS': lambda p: p['timeperiod'] - 1,
    'EMAU': lambda p: p['timeperiod'] - 1,
    'EMAW': lambda p: p['timeperiod'] - 1,
    'CDLFAKE': lambda p: 1,
}


class Function:
    """talib.abstract.Function: description and lookback of a function."""

    def __init__(self, name, *args, **kwargs):
        self._name = name.upper()
        if self._name not in _INFO:
            raise Exception('%s not supported by TA-LIB.' % name)
        self._params = OrderedDict(_INFO[self._name]['parameters'])
        self.set_parameters(**kwargs)

    def set_parameters(self, **kwargs):
        for key, value in kwargs.items():
            if key in self._params:
                self._params[key] = value

    @property
    def info(self):
        raw = _INFO[self._name]
        return {'name': self._name, 'group': raw['group'],
                'display_name': raw['display_name'],
                'function_flags': list(raw['function_flags']) or None,
                'input_names': OrderedDict(raw['input_names']),
                'parameters': OrderedDict(self._params),
                'output_flags': OrderedDict(raw['output_flags']),
                'output_names': list(raw['output_names'])}

    @property
    def lookback(self):
        return _LOOKBACK[self._name](self._params)

    def __str__(self):
        return '%s([input_arrays])\n\n%s (fake)\n' % (self._name,
                                                     _INFO[self._name]['display_name'])


def make_module() -> types.ModuleType:
    """A fresh ``talib`` module object (with its ``abstract`` submodule)."""
    mod = types.ModuleType('talib')
    abstract = types.ModuleType('talib.abstract')
    abstract.Function = Function
    mod.abstract = abstract
    mod.get_functions = lambda: list(_INFO)
    mod.MA_Type = types.SimpleNamespace(SMA=0, EMA=1)
    for name in _INFO:
        setattr(mod, name, globals()[name])
    return mod
