"""Dickson moving average (Nathan Dickson)."""
from __future__ import annotations

from ._base import bind_output
from .ema import EMA
from .hma import HMA
from .mabase import MovingAverageBase
from .zlind import ZeroLagIndicator

__all__ = ['DicksonMovingAverage', 'DMA', 'DicksonMA']


class DicksonMovingAverage(MovingAverageBase):
    """The mean of Ehlers' zero-lag indicator and a Hull moving average,
    meant to come close to Jurik's averages.

    Formula:
      - ec = ZeroLagIndicator(data, period, gainlimit, _movav)
      - hma = _hma(data, hperiod)
      - dma = (ec + hma) / 2.0

    Params:
      - period (30), gainlimit (50), hperiod (7)
      - _movav (EMA): for the zero-lag indicator (must expose alpha/alpha1)
      - _hma (HMA): the second average
    """
    alias = ('DMA', 'DicksonMA')
    lines = ('dma',)
    params = (('gainlimit', 50), ('hperiod', 7), ('_movav', EMA), ('_hma', HMA))

    def _plotlabel(self):
        labels = [self.p.period, self.p.gainlimit, self.p.hperiod]
        labels += [self.p._movav] * self.p.notdefault('_movav')
        labels += [self.p._hma] * self.p.notdefault('_hma')
        return labels

    def __init__(self):
        ec = ZeroLagIndicator(self.data, period=self._checked_period(),
                              gainlimit=self.p.gainlimit, _movav=self.p._movav)
        hma = self.p._hma(self.data, period=self.p.hperiod)
        bind_output(self.lines.dma, (ec + hma) / 2.0)
        super().__init__()
