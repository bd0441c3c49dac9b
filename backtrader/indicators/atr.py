"""True range and Average True Range."""
from __future__ import annotations

from ..indicator import Indicator
from . import _kernels as K
from ._base import Formula, bind_output
from .smma import SmoothedMovingAverage

__all__ = ['TrueHigh', 'TrueLow', 'TrueRange', 'TR', 'AverageTrueRange', 'ATR']


def _max2(a, b):
    return b if b > a else a


def _min2(a, b):
    return b if b < a else a


def _tr(high, low, close1):
    return _max2(high, close1) - _min2(low, close1)


def _vtr(high, low, close1):
    return K.py_max2(high, close1) - K.py_min2(low, close1)


class TrueHigh(Indicator):
    """The higher of today's high and yesterday's close.

    Formula: truehigh = max(high, close(-1))
    """
    lines = ('truehigh',)

    def __init__(self):
        data = self.data
        bind_output(self.lines.truehigh,
                    Formula(_max2, K.py_max2, data.high, data.close, lags=(0, 1)))
        super().__init__()


class TrueLow(Indicator):
    """The lower of today's low and yesterday's close.

    Formula: truelow = min(low, close(-1))
    """
    lines = ('truelow',)

    def __init__(self):
        data = self.data
        bind_output(self.lines.truelow,
                    Formula(_min2, K.py_min2, data.low, data.close, lags=(0, 1)))
        super().__init__()


class TrueRange(Indicator):
    """Welles Wilder's true range: the bar's range extended to the previous
    close.

    Formula: tr = max(high, close(-1)) - min(low, close(-1))
    """
    alias = ('TR',)
    lines = ('tr',)

    def __init__(self):
        data = self.data
        bind_output(self.lines.tr, Formula(_tr, _vtr, data.high, data.low, data.close,
                                           lags=(0, 0, 1)))
        super().__init__()


class AverageTrueRange(Indicator):
    """Welles Wilder's ATR: a moving average of the true range.

    Formula: atr = movav(TrueRange, period)

    Params:
      - period (14), movav (SmoothedMovingAverage)
    """
    alias = ('ATR',)
    lines = ('atr',)
    params = (('period', 14), ('movav', SmoothedMovingAverage))

    def _plotlabel(self):
        labels = [self.p.period]
        labels += [self.p.movav] * self.p.notdefault('movav')
        return labels

    def __init__(self):
        bind_output(self.lines.atr, self.p.movav(TrueRange(self.data), period=self.p.period))
        super().__init__()
