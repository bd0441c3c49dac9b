"""Stochastic oscillators (fast, slow and full)."""
from __future__ import annotations

import functools

import numpy as np

from ..indicator import Indicator
from . import _kernels as K
from ._base import Formula, bind_output
from .basicops import Highest, Lowest
from .sma import MovingAverageSimple

__all__ = ['StochasticFast', 'Stochastic', 'StochasticSlow', 'StochasticFull']


def _percent_k(close, highest, lowest):
    return 100.0 * ((close - lowest) / (highest - lowest))


def _vpercent_k(close, highest, lowest):
    den = highest - lowest
    K.check_divisor(den)
    return 100.0 * ((close - lowest) / den)


def _safe_k_scalar(zero, close, highest, lowest):
    den = highest - lowest
    return 100.0 * ((close - lowest) / den if den else zero)


def _safe_k_vector(zero, close, highest, lowest):
    den = highest - lowest
    iszero = den == 0.0
    with np.errstate(all='ignore'):
        ratio = (close - lowest) / np.where(iszero, 1.0, den)
    return 100.0 * np.where(iszero, zero, ratio)


def _safe_percent_k(zero):
    """%K giving ``zero`` for an empty range (picklable functions)."""
    return (functools.partial(_safe_k_scalar, zero),
            functools.partial(_safe_k_vector, zero))


class _StochasticBase(Indicator):
    """%K: where the close is in the range of the last ``period`` bars;
    %D: a ``period_dfast`` moving average of %K."""
    lines = ('percK', 'percD')
    params = (('period', 14), ('period_dfast', 3), ('movav', MovingAverageSimple),
              ('upperband', 80.0), ('lowerband', 20.0),
              ('safediv', False), ('safezero', 0.0))
    plotlines = dict(percD=dict(_name='%D', ls='--'), percK=dict(_name='%K'))

    def _plotinit(self):
        self.plotinfo.plotyhlines = [self.p.upperband, self.p.lowerband]

    def _plotlabel(self):
        labels = [self.p.period, self.p.period_dfast]
        if hasattr(self.p, 'period_dslow'):
            labels.append(self.p.period_dslow)
        labels += [self.p.movav] * self.p.notdefault('movav')
        return labels

    def __init__(self):
        data = self.data
        highest = Highest(data.high, period=self.p.period)
        lowest = Lowest(data.low, period=self.p.period)
        if self.p.safediv:
            scalar, vector = _safe_percent_k(self.p.safezero)
        else:
            scalar, vector = _percent_k, _vpercent_k
        self.k = Formula(scalar, vector, data.close, highest, lowest)
        self.d = self.p.movav(self.k, period=self.p.period_dfast)
        super().__init__()


class StochasticFast(_StochasticBase):
    """Fast stochastic: %K and its moving average %D.

    Formula:
      - k = 100 * (close - Lowest(low, period)) / (Highest(high, period) - Lowest(low, period))
      - percK = k
      - percD = movav(k, period_dfast)

    With ``safediv`` a zero range gives ``safezero`` instead of raising.

    Params:
      - period (14), period_dfast (3), movav (MovingAverageSimple)
      - upperband (80.0), lowerband (20.0): plotted levels
      - safediv (False), safezero (0.0)
    """

    def __init__(self):
        super().__init__()
        bind_output(self.lines.percK, self.k)
        bind_output(self.lines.percD, self.d)


class Stochastic(_StochasticBase):
    """Slow stochastic: the fast %D becomes %K, smoothed again for %D.

    Formula:
      - percK = movav(k, period_dfast)   (k as in StochasticFast)
      - percD = movav(percK, period_dslow)

    Params: as StochasticFast, plus period_dslow (3)
    """
    alias = ('StochasticSlow',)
    params = (('period_dslow', 3),)

    def __init__(self):
        super().__init__()
        bind_output(self.lines.percK, self.d)
        bind_output(self.lines.percD, self.p.movav(self.d, period=self.p.period_dslow))


class StochasticFull(_StochasticBase):
    """Fast %K and %D plus the slow %D.

    Formula:
      - percK = k, percD = movav(k, period_dfast)
      - percDSlow = movav(percD, period_dslow)

    Params: as StochasticFast, plus period_dslow (3)
    """
    lines = ('percDSlow',)
    params = (('period_dslow', 3),)
    plotlines = dict(percDSlow=dict(_name='%DSlow'))

    def __init__(self):
        super().__init__()
        bind_output(self.lines.percK, self.k)
        bind_output(self.lines.percD, self.d)
        bind_output(self.lines.percDSlow,
                    self.p.movav(self.d, period=self.p.period_dslow))
