"""Bollinger Bands."""
from __future__ import annotations

import numpy as np

from ..indicator import Indicator
from ..linebuffer import npview
from . import _kernels as K
from ._base import bind_output, lines_minperiod
from .deviation import StandardDeviation
from .sma import MovingAverageSimple

__all__ = ['BollingerBands', 'BBands', 'BollingerBandsPct']


class BollingerBands(Indicator):
    """John Bollinger's bands: a moving average and bands ``devfactor``
    standard deviations above and below it.

    Formula:
      - mid = movav(data, period)
      - top = mid + devfactor * StdDev(data, mid, period)
      - bot = mid - devfactor * StdDev(data, mid, period)

    Params:
      - period (20), devfactor (2.0), movav (MovingAverageSimple)
    """
    alias = ('BBands',)
    lines = ('mid', 'top', 'bot')
    params = (('period', 20), ('devfactor', 2.0), ('movav', MovingAverageSimple))
    plotinfo = dict(subplot=False)
    plotlines = dict(mid=dict(ls='--'), top=dict(_samecolor=True),
                     bot=dict(_samecolor=True))

    def __init__(self):
        mid = self.p.movav(self.data, period=self.p.period)
        bind_output(self.lines.mid, mid)
        self._mid = mid.lines[0]
        self._dev = StandardDeviation(self.data, mid, period=self.p.period,
                                      movav=self.p.movav).lines[0]
        lines_minperiod(self, max(self._mid._minperiod, self._dev._minperiod))
        super().__init__()

    def next(self):
        mid, dev = self._mid[0], self.p.devfactor * self._dev[0]
        self.lines.top[0] = mid + dev
        self.lines.bot[0] = mid - dev

    def once(self, start, end):
        if end <= start:
            return
        mid = npview(self._mid)[start:end]
        dev = self.p.devfactor * npview(self._dev)[start:end]
        npview(self.lines.top)[start:end] = mid + dev
        npview(self.lines.bot)[start:end] = mid - dev


class BollingerBandsPct(BollingerBands):
    """Bollinger Bands plus where the data stands between the bands.

    Formula: pctb = (data - bot) / (top - bot)
    """
    lines = ('pctb',)
    plotlines = dict(pctb=dict(_name='%B'))

    def next(self):
        super().next()
        top, bot = self.lines.top[0], self.lines.bot[0]
        self.lines.pctb[0] = (self.data[0] - bot) / (top - bot)

    def once(self, start, end):
        super().once(start, end)
        if end <= start:
            return
        top = npview(self.lines.top)[start:end]
        bot = npview(self.lines.bot)[start:end]
        width = top - bot
        K.check_divisor(width)
        with np.errstate(all='ignore'):
            npview(self.lines.pctb)[start:end] = (
                npview(self.data.lines[0])[start:end] - bot) / width
