"""Detrended Price Oscillator (Joe DiNapoli)."""
from __future__ import annotations

from ..indicator import Indicator
from .sma import MovingAverageSimple

__all__ = ['DetrendedPriceOscillator', 'DPO']


class DetrendedPriceOscillator(Indicator):
    """The data minus an earlier value of its moving average: takes the
    trend out of the price.

    Formula:
      - ma = movav(data, period)
      - dpo = data - ma(-((period - 1) // 2))

    Params:
      - period (20), movav (MovingAverageSimple)
    """
    alias = ('DPO',)
    lines = ('dpo',)
    params = (('period', 20), ('movav', MovingAverageSimple))
    plotinfo = dict(plothlines=[0.0])

    def _plotlabel(self):
        labels = [self.p.period]
        labels += [self.p.movav] * self.p.notdefault('movav')
        return labels

    def __init__(self):
        ma = self.p.movav(self.data, period=self.p.period)
        self.lines.dpo = self.data - ma(-((self.p.period - 1) // 2))
        super().__init__()
