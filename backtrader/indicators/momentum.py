"""Momentum and rate of change."""
from __future__ import annotations

from ._lagged import _LaggedBase

__all__ = ['Momentum', 'MomentumOscillator', 'MomentumOsc', 'RateOfChange', 'ROC',
           'RateOfChange100', 'ROC100']


class Momentum(_LaggedBase):
    """Change of the data over ``period`` bars.

    Formula: momentum = data - data(-period)

    Params:
      - period (12)
    """
    lines = ('momentum',)
    params = (('period', 12),)
    plotinfo = dict(plothlines=[0.0])

    @staticmethod
    def _scalar(cur, ago):
        return cur - ago


class MomentumOscillator(_LaggedBase):
    """Ratio of the data to its value ``period`` bars ago, in percent.

    Formula: momosc = 100 * (data / data(-period))

    Params:
      - period (12)
      - band (100.0): plotted level
    """
    alias = ('MomentumOsc',)
    lines = ('momosc',)
    params = (('period', 12), ('band', 100.0))
    _divisor = True

    def _plotinit(self):
        self.plotinfo.plothlines = [self.p.band]

    def _plotlabel(self):
        return [self.p.period]

    @staticmethod
    def _scalar(cur, ago):
        return 100.0 * (cur / ago)


class RateOfChange(_LaggedBase):
    """Relative change of the data over ``period`` bars.

    Formula: roc = (data - data(-period)) / data(-period)

    Params:
      - period (12)
    """
    alias = ('ROC',)
    lines = ('roc',)
    params = (('period', 12),)
    _divisor = True

    @staticmethod
    def _scalar(cur, ago):
        return (cur - ago) / ago


class RateOfChange100(_LaggedBase):
    """Relative change of the data over ``period`` bars, in percent.

    Formula: roc100 = 100 * (data - data(-period)) / data(-period)

    Params:
      - period (12)
    """
    alias = ('ROC100',)
    lines = ('roc100',)
    params = (('period', 12),)
    _divisor = True

    @staticmethod
    def _scalar(cur, ago):
        return 100.0 * ((cur - ago) / ago)
