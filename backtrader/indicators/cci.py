"""Commodity Channel Index (Donald Lambert, 1980)."""
from __future__ import annotations

from ..indicator import Indicator
from .deviation import MeanDev
from .sma import MovingAverageSimple

__all__ = ['CommodityChannelIndex', 'CCI']


class CommodityChannelIndex(Indicator):
    """How far the typical price is from its mean, in units of its mean
    deviation (scaled by ``factor`` so most values fall within +-100).

    Formula:
      - tp = (high + low + close) / 3.0
      - tpmean = movav(tp, period)
      - cci = (tp - tpmean) / (factor * MeanDeviation(tp, tpmean, period))

    Params:
      - period (20), factor (0.015), movav (MovingAverageSimple)
      - upperband (100.0), lowerband (-100.0): plotted levels
    """
    alias = ('CCI',)
    lines = ('cci',)
    params = (('period', 20), ('factor', 0.015), ('movav', MovingAverageSimple),
              ('upperband', 100.0), ('lowerband', -100.0))

    def _plotlabel(self):
        labels = [self.p.period, self.p.factor]
        labels += [self.p.movav] * self.p.notdefault('movav')
        return labels

    def _plotinit(self):
        self.plotinfo.plotyhlines = [0.0, self.p.upperband, self.p.lowerband]

    def __init__(self):
        data, period, movav = self.data, self.p.period, self.p.movav
        tp = (data.high + data.low + data.close) / 3.0
        tpmean = movav(tp, period=period)
        dev = tp - tpmean
        meandev = MeanDev(tp, tpmean, period=period, movav=movav)
        self.lines.cci = dev / (self.p.factor * meandev)
        super().__init__()
