"""True range and Average True Range."""
from __future__ import annotations

from ..indicator import Indicator
from ..linebuffer import npview
from . import _kernels as K
from ._base import bind_output
from .smma import SmoothedMovingAverage

__all__ = ['TrueHigh', 'TrueLow', 'TrueRange', 'TR', 'AverageTrueRange', 'ATR']


class _PrevCloseBase(Indicator):
    """Reads the bar's high/low and the previous close (needs 2 bars)."""

    def __init__(self):
        self.addminperiod(2)
        super().__init__()

    def _hlc(self, start, end):
        data = self.data
        return (npview(data.high)[start:end], npview(data.low)[start:end],
                npview(data.close)[start - 1:end - 1])


class TrueHigh(_PrevCloseBase):
    """The higher of today's high and yesterday's close.

    Formula: truehigh = max(high, close(-1))
    """
    lines = ('truehigh',)

    def next(self):
        high, close1 = self.data.high[0], self.data.close[-1]
        self.line[0] = close1 if close1 > high else high

    def once(self, start, end):
        if end > start:
            high, _, close1 = self._hlc(start, end)
            npview(self.line)[start:end] = K.py_max2(high, close1)


class TrueLow(_PrevCloseBase):
    """The lower of today's low and yesterday's close.

    Formula: truelow = min(low, close(-1))
    """
    lines = ('truelow',)

    def next(self):
        low, close1 = self.data.low[0], self.data.close[-1]
        self.line[0] = close1 if close1 < low else low

    def once(self, start, end):
        if end > start:
            _, low, close1 = self._hlc(start, end)
            npview(self.line)[start:end] = K.py_min2(low, close1)


class TrueRange(_PrevCloseBase):
    """Welles Wilder's true range: the bar's range extended to the previous
    close.

    Formula: tr = max(high, close(-1)) - min(low, close(-1))
    """
    alias = ('TR',)
    lines = ('tr',)

    def next(self):
        data = self.data
        high, low, close1 = data.high[0], data.low[0], data.close[-1]
        self.line[0] = ((close1 if close1 > high else high)
                        - (close1 if close1 < low else low))

    def once(self, start, end):
        if end > start:
            high, low, close1 = self._hlc(start, end)
            npview(self.line)[start:end] = (K.py_max2(high, close1)
                                            - K.py_min2(low, close1))


class AverageTrueRange(Indicator):
    """Welles Wilder's ATR: a moving average of the true range.

    Formula: atr = movav(TrueRange, period)

    Params:
      - period (14), movav (SmoothedMovingAverage)
    """
    alias = ('ATR',)
    lines = ('atr',)
    params = (('period', 14), ('movav', SmoothedMovingAverage))

    def __init__(self):
        bind_output(self.lines.atr, self.p.movav(TrueRange(self.data), period=self.p.period))
        super().__init__()
