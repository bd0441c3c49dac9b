"""Relative Strength Index and the up/down day lines it is built from."""
from __future__ import annotations

import functools

import numpy as np

from ..indicator import Indicator
from . import _kernels as K
from ._base import Formula, bind_output
from ._lagged import _LaggedBase
from .smma import SmoothedMovingAverage
from .sma import MovingAverageSimple
from .ema import ExponentialMovingAverage

__all__ = ['UpDay', 'DownDay', 'UpDayBool', 'DownDayBool', 'RelativeStrengthIndex',
           'RSI', 'RSI_SMMA', 'RSI_Wilder', 'RSI_SMA', 'RSI_Cutler', 'RSI_EMA',
           'RSI_Safe']


def _positive(d):
    return 0.0 if 0.0 > d else d


class UpDay(_LaggedBase):
    """How much the data rose over ``period`` bars, 0 if it did not.

    Formula: upday = max(data - data(-period), 0.0)
    """
    lines = ('upday',)

    @staticmethod
    def _scalar(cur, ago):
        return _positive(cur - ago)

    @staticmethod
    def _vector(cur, ago):
        return K.py_max2(cur - ago, 0.0)


class DownDay(_LaggedBase):
    """How much the data fell over ``period`` bars, 0 if it did not.

    Formula: downday = max(data(-period) - data, 0.0)
    """
    lines = ('downday',)

    @staticmethod
    def _scalar(cur, ago):
        return _positive(ago - cur)

    @staticmethod
    def _vector(cur, ago):
        return K.py_max2(ago - cur, 0.0)


class UpDayBool(_LaggedBase):
    """1.0 if the data is above its value ``period`` bars ago, else 0.0."""
    lines = ('upday',)

    @staticmethod
    def _scalar(cur, ago):
        return cur > ago


class DownDayBool(_LaggedBase):
    """1.0 if the data is below its value ``period`` bars ago, else 0.0."""
    lines = ('downday',)

    @staticmethod
    def _scalar(cur, ago):
        return ago > cur


def _rs_of(rsi: float) -> float:
    """The up/down ratio giving ``rsi`` (infinite for 100)."""
    try:
        return 100.0 / (100.0 - rsi) - 1.0
    except ZeroDivisionError:
        return float('inf')


class RelativeStrengthIndex(Indicator):
    """Welles Wilder's RSI: the average up move against the average down
    move over ``period`` bars, scaled to 0..100.

    Formula:
      - up = UpDay(data, period=lookback), down = DownDay(data, period=lookback)
      - rs = movav(up, period) / movav(down, period)
      - rsi = 100 - 100 / (1 + rs)

    With ``safediv`` a zero average down move does not raise: the RSI is
    ``safehigh`` (``safelow`` when the up move is zero too).

    Params:
      - period (14), movav (SmoothedMovingAverage)
      - upperband (70.0), lowerband (30.0): plotted levels
      - safediv (False), safehigh (100.0), safelow (50.0)
      - lookback (1): bars over which up/down moves are measured
    """
    alias = ('RSI', 'RSI_SMMA', 'RSI_Wilder')
    lines = ('rsi',)
    params = (
        ('period', 14), ('movav', SmoothedMovingAverage),
        ('upperband', 70.0), ('lowerband', 30.0),
        ('safediv', False), ('safehigh', 100.0), ('safelow', 50.0),
        ('lookback', 1),
    )

    def _plotinit(self):
        self.plotinfo.plotyhlines = [self.p.upperband, self.p.lowerband]

    def _plotlabel(self):
        # the period always, the others only when the user changed them
        p = self.p
        optional = [getattr(p, name) for name in ('movav', 'lookback')
                    if p.notdefault(name)]
        return [p.period] + optional

    def __init__(self):
        movav, period = self.p.movav, self.p.period
        up = movav(UpDay(self.data, period=self.p.lookback), period=period)
        down = movav(DownDay(self.data, period=self.p.lookback), period=period)
        if self.p.safediv:
            scalar, vector = _safe_rsi(_rs_of(self.p.safehigh), _rs_of(self.p.safelow))
        else:
            scalar, vector = _rsi, _vrsi
        bind_output(self.lines.rsi, Formula(scalar, vector, up, down))
        super().__init__()


def _rsi(up, down):
    return 100.0 - 100.0 / (1.0 + up / down)


def _vrsi(up, down):
    K.check_divisor(down)
    den = 1.0 + up / down
    K.check_divisor(den)
    return 100.0 - 100.0 / den


def _safe_rsi_scalar(highrs, lowrs, up, down):
    if down == 0.0:
        rs = lowrs if up == 0.0 else highrs
    else:
        rs = up / down
    return 100.0 - 100.0 / (1.0 + rs)


def _safe_rsi_vector(highrs, lowrs, up, down):
    zero = down == 0.0
    rs = np.where(zero, np.where(up == 0.0, lowrs, highrs),
                  up / np.where(zero, 1.0, down))
    den = 1.0 + rs
    K.check_divisor(den)
    return 100.0 - 100.0 / den


def _safe_rsi(highrs, lowrs):
    """RSI where a zero average down move gives the ratio of ``safehigh``
    (``safelow`` when the up move is zero too) instead of raising; module
    level functions bound with partial, so the indicator pickles."""
    return (functools.partial(_safe_rsi_scalar, highrs, lowrs),
            functools.partial(_safe_rsi_vector, highrs, lowrs))


class RSI_SMA(RSI):  # noqa: F821 - alias class made by the metaclass
    """RSI with simple moving averages (Cutler's RSI)."""
    alias = ('RSI_Cutler',)
    params = (('movav', MovingAverageSimple),)


class RSI_EMA(RSI):  # noqa: F821
    """RSI with exponential moving averages."""
    params = (('movav', ExponentialMovingAverage),)


class RSI_Safe(RSI):  # noqa: F821
    """RSI that does not raise when the average down move is zero."""
    params = (('safediv', True),)
