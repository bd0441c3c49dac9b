"""Larry Williams' %R and accumulation/distribution."""
from __future__ import annotations

from ..functions import If
from ..indicator import Indicator
from .atr import TrueHigh, TrueLow
from .basicops import Accum, Highest, Lowest
from .rsi import DownDay, UpDay

__all__ = ['WilliamsR', 'WilliamsAD']


class WilliamsR(Indicator):
    """Williams %R: where the close is in the range of the last ``period``
    bars, from 0 (at the highest high) to -100 (at the lowest low).

    Formula:
      - h = Highest(high, period), l = Lowest(low, period)
      - percR = -100.0 * (h - close) / (h - l)

    Params:
      - period (14)
      - upperband (-20.0), lowerband (-80.0): plotted levels
    """
    lines = ('percR',)
    params = (('period', 14), ('upperband', -20.0), ('lowerband', -80.0))
    plotinfo = dict(plotname='Williams R%')
    plotlines = dict(percR=dict(_name='R%'))

    def __init__(self):
        data = self.data
        highest = Highest(data.high, period=self.p.period)
        lowest = Lowest(data.low, period=self.p.period)
        self.lines.percR = -100.0 * (highest - data.close) / (highest - lowest)
        super().__init__()


class WilliamsAD(Indicator):
    """Williams accumulation/distribution: adds the distance from the true
    low on up days and from the true high on down days.

    Formula:
      - up day (close > close(-1)): ad += close - TrueLow
      - down day (close < close(-1)): ad += close - TrueHigh
      - otherwise ad does not change
    """
    lines = ('ad',)

    def __init__(self):
        data = self.data
        upday = UpDay(data.close)
        downday = DownDay(data.close)
        adup = If(upday, data.close - TrueLow(data), 0.0)
        addown = If(downday, data.close - TrueHigh(data), 0.0)
        self.lines.ad = Accum(adup + addown)
        super().__init__()
