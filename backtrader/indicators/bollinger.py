"""Bollinger Bands."""
from __future__ import annotations

import functools

from ..indicator import Indicator
from . import _kernels as K
from ._base import Formula, bind_output
from .deviation import StandardDeviation
from .sma import MovingAverageSimple

__all__ = ['BollingerBands', 'BBands', 'BollingerBandsPct']


def _band_top(factor, mid, dev):
    return mid + factor * dev


def _band_bot(factor, mid, dev):
    return mid - factor * dev


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

    def _plotlabel(self):
        labels = [self.p.period, self.p.devfactor]
        labels += [self.p.movav] * self.p.notdefault('movav')
        return labels

    def __init__(self):
        mid = self.p.movav(self.data, period=self.p.period)
        bind_output(self.lines.mid, mid)
        dev = StandardDeviation(self.data, mid, period=self.p.period, movav=self.p.movav)
        factor = self.p.devfactor
        self._top = Formula(functools.partial(_band_top, factor), None, mid, dev)
        self._bot = Formula(functools.partial(_band_bot, factor), None, mid, dev)
        bind_output(self.lines.top, self._top)
        bind_output(self.lines.bot, self._bot)
        super().__init__()


class BollingerBandsPct(BollingerBands):
    """Bollinger Bands plus where the data stands between the bands.

    Formula: pctb = (data - bot) / (top - bot)
    """
    lines = ('pctb',)
    plotlines = dict(pctb=dict(_name='%B'))

    def __init__(self):
        super().__init__()
        bind_output(self.lines.pctb,
                    Formula(_pctb, _vpctb, self.data, self._top, self._bot))


def _pctb(data, top, bot):
    return (data - bot) / (top - bot)


def _vpctb(data, top, bot):
    width = top - bot
    K.check_divisor(width)
    return (data - bot) / width
