"""Welles Wilder's directional movement system: up/down moves, the
directional indicators (+DI, -DI), ADX and ADXR."""
from __future__ import annotations

from ..functions import If
from ..indicator import Indicator
from .atr import ATR
from .smma import SmoothedMovingAverage

__all__ = ['UpMove', 'DownMove', 'DirectionalIndicator', 'DI',
           'PlusDirectionalIndicator', 'PlusDI', 'MinusDirectionalIndicator', 'MinusDI',
           'AverageDirectionalMovementIndex', 'ADX',
           'AverageDirectionalMovementIndexRating', 'ADXR',
           'DirectionalMovementIndex', 'DMI', 'DirectionalMovement', 'DM']


class UpMove(Indicator):
    """How much the data moved up since the previous bar (negative when it
    moved down).

    Formula: upmove = data - data(-1)
    """
    lines = ('upmove',)

    def __init__(self):
        self.lines.upmove = self.data - self.data(-1)
        super().__init__()


class DownMove(Indicator):
    """How much the data moved down since the previous bar (negative when
    it moved up).

    Formula: downmove = data(-1) - data
    """
    lines = ('downmove',)

    def __init__(self):
        self.lines.downmove = self.data(-1) - self.data
        super().__init__()


class _DirectionalIndicator(Indicator):
    """Computes +DI and/or -DI (``_plus``/``_minus``) as ``self.DIplus`` and
    ``self.DIminus`` for the subclasses to publish.

    Formula:
      - upmove = high - high(-1), downmove = low(-1) - low
      - +dm = upmove if upmove > downmove and upmove > 0 else 0
      - -dm = downmove if downmove > upmove and downmove > 0 else 0
      - +di = 100.0 * movav(+dm, period) / ATR(period)
      - -di = 100.0 * movav(-dm, period) / ATR(period)
    """
    params = (('period', 14), ('movav', SmoothedMovingAverage))

    def _plotlabel(self):
        labels = [self.p.period]
        labels += [self.p.movav] * self.p.notdefault('movav')
        return labels

    def __init__(self, _plus=True, _minus=True):
        data, period, movav = self.data, self.p.period, self.p.movav
        atr = ATR(data, period=period, movav=movav)
        upmove = data.high - data.high(-1)
        downmove = data.low(-1) - data.low
        if _plus:
            plusdm = If((upmove > downmove) * (upmove > 0.0), upmove, 0.0)
            self.DIplus = 100.0 * movav(plusdm, period=period) / atr
        if _minus:
            minusdm = If((downmove > upmove) * (downmove > 0.0), downmove, 0.0)
            self.DIminus = 100.0 * movav(minusdm, period=period) / atr
        super().__init__()


class DirectionalIndicator(_DirectionalIndicator):
    """Welles Wilder's +DI and -DI: the average up and down moves relative
    to the average true range, in percent.

    Formula: see _DirectionalIndicator (+di, -di)

    Params:
      - period (14), movav (SmoothedMovingAverage)
    """
    alias = ('DI',)
    lines = ('plusDI', 'minusDI')
    plotlines = dict(plusDI=dict(), minusDI=dict())

    def __init__(self):
        super().__init__()
        self.lines.plusDI = self.DIplus
        self.lines.minusDI = self.DIminus


class PlusDirectionalIndicator(_DirectionalIndicator):
    """Welles Wilder's +DI alone.

    Formula: plusDI = 100.0 * movav(+dm, period) / ATR(period)

    Params:
      - period (14), movav (SmoothedMovingAverage)
    """
    alias = (('PlusDI', '+DI'),)
    lines = ('plusDI',)
    plotinfo = dict(plotname='+DirectionalIndicator')
    plotlines = dict(plusDI=dict(), minusDI=dict(_name='-DI'))

    def __init__(self):
        super().__init__(_minus=False)
        self.lines.plusDI = self.DIplus


class MinusDirectionalIndicator(_DirectionalIndicator):
    """Welles Wilder's -DI alone.

    Formula: minusDI = 100.0 * movav(-dm, period) / ATR(period)

    Params:
      - period (14), movav (SmoothedMovingAverage)
    """
    alias = (('MinusDI', '-DI'),)
    lines = ('minusDI',)
    plotinfo = dict(plotname='-DirectionalIndicator')
    plotlines = dict(plusDI=dict(_name='+DI'), minusDI=dict())

    def __init__(self):
        super().__init__(_plus=False)
        self.lines.minusDI = self.DIminus


class AverageDirectionalMovementIndex(_DirectionalIndicator):
    """Welles Wilder's ADX: the strength of the trend, whatever its
    direction.

    Formula:
      - dx = abs(+di - -di) / (+di + -di)
      - adx = 100.0 * movav(dx, period)

    Params:
      - period (14), movav (SmoothedMovingAverage)
    """
    alias = ('ADX',)
    lines = ('adx',)
    plotlines = dict(plusDI=dict(_name='+DI'), minusDI=dict(_name='-DI'),
                     adx=dict(_name='ADX'))

    def __init__(self):
        super().__init__()
        plus, minus = self.DIplus, self.DIminus
        dx = abs(plus - minus) / (plus + minus)
        self.lines.adx = 100.0 * self.p.movav(dx, period=self.p.period)


class AverageDirectionalMovementIndexRating(AverageDirectionalMovementIndex):
    """ADX and ADXR, the mean of the ADX and its value ``period`` bars ago.

    Formula: adxr = (adx + adx(-period)) / 2.0

    Params:
      - period (14), movav (SmoothedMovingAverage)
    """
    alias = ('ADXR',)
    lines = ('adxr',)
    plotlines = dict(adxr=dict(_name='ADXR'))

    def __init__(self):
        super().__init__()
        adx = self.lines.adx
        self.lines.adxr = (adx + adx(-self.p.period)) / 2.0


class DirectionalMovementIndex(AverageDirectionalMovementIndex, DirectionalIndicator):
    """ADX, +DI and -DI together.

    Params:
      - period (14), movav (SmoothedMovingAverage)
    """
    alias = ('DMI',)


class DirectionalMovement(AverageDirectionalMovementIndexRating, DirectionalIndicator):
    """ADX, ADXR, +DI and -DI together.

    Params:
      - period (14), movav (SmoothedMovingAverage)
    """
    alias = ('DM',)
