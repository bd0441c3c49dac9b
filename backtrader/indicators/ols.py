"""Rolling regressions and cointegration of two datas.

Like upstream, ``OLS_Slope_InterceptN`` (and so ``OLS_TransformationN``) and
``CointN`` need ``statsmodels`` (and pandas): creating one without them
raises ModuleNotFoundError, while the classes are always importable.  With
statsmodels their values are upstream's, bit for bit.

Behaviour difference: upstream's ``OLS_BetaN`` calls ``pandas.ols``, removed
from pandas long ago, and always fails; here it computes the documented beta
with numpy.
"""
from __future__ import annotations

import importlib

import numpy as np

from .basicops import PeriodN
from .deviation import StdDev
from .sma import SMA

__all__ = ['OLS_Slope_InterceptN', 'OLS_TransformationN', 'OLS_BetaN', 'CointN']


class _NeedsPackages:
    """Imports ``_needs`` (module names) when an instance is created, so a
    missing optional library fails there, as upstream's ``packages``."""
    _needs: tuple = ()

    def __new__(cls, *args, **kwargs):
        for name in cls._needs:
            importlib.import_module(name)
        return super().__new__(cls)


def _window(data, period: int) -> np.ndarray:
    return np.asarray(data.get(size=period), dtype=float)


class OLS_Slope_InterceptN(_NeedsPackages, PeriodN):
    """Ordinary least squares regression of data0 on data1 (with a
    constant) over the last ``period`` bars, with statsmodels.

    Formula: data0 = intercept + slope * data1

    Params:
      - period (10)
    """
    _needs = ('pandas', 'statsmodels.api')
    _mindatas = 2
    lines = ('slope', 'intercept')
    params = (('period', 10),)

    def next(self):
        sm = importlib.import_module('statsmodels.api')
        y = _window(self.data0, self.p.period)
        x = sm.add_constant(_window(self.data1, self.p.period), has_constant='add')
        intercept, slope = sm.OLS(y, x).fit().params
        self.lines.slope[0] = float(slope)
        self.lines.intercept[0] = float(intercept)


class OLS_TransformationN(_NeedsPackages, PeriodN):
    """Spread of data0 against its regression on data1 and its z-score.

    Formula:
      - slope, intercept = OLS_Slope_InterceptN(data0, data1, period)
      - spread = data0 - (slope * data1 + intercept)
      - spread_mean = SMA(spread, period), spread_std = StdDev(spread, period)
      - zscore = (spread - spread_mean) / spread_std

    Params:
      - period (10)
    """
    _needs = ('pandas', 'statsmodels.api')
    _mindatas = 2
    lines = ('spread', 'spread_mean', 'spread_std', 'zscore')
    params = (('period', 10),)

    def __init__(self):
        super().__init__()
        regression = OLS_Slope_InterceptN(*self.datas, period=self.p.period)
        spread = self.data0 - (regression.slope * self.data1 + regression.intercept)
        self.lines.spread = spread
        self.lines.spread_mean = SMA(spread, period=self.p.period)
        self.lines.spread_std = StdDev(spread, period=self.p.period)
        self.lines.zscore = (spread - self.lines.spread_mean) / self.lines.spread_std


class OLS_BetaN(PeriodN):
    """Beta (slope) of the least squares regression of data0 on data1 (with
    a constant) over the last ``period`` bars.

    Params:
      - period (10)
    """
    _mindatas = 2
    lines = ('beta',)
    params = (('period', 10),)

    def next(self):
        y = _window(self.data0, self.p.period)
        x = _window(self.data1, self.p.period)
        self.lines.beta[0] = float(np.polyfit(x, y, 1)[0])


class CointN(_NeedsPackages, PeriodN):
    """Engle-Granger cointegration test of data0 and data1 over the last
    ``period`` bars (statsmodels' ``coint``): its t-statistic and p-value.

    Params:
      - period (10)
      - trend ('c'): the trend term of the test ('c', 'ct', 'ctt', 'n')
    """
    _needs = ('pandas', 'statsmodels.tsa.stattools')
    _mindatas = 2
    lines = ('score', 'pvalue')
    params = (('period', 10), ('trend', 'c'))

    def next(self):
        coint = importlib.import_module('statsmodels.tsa.stattools').coint
        x = _window(self.data0, self.p.period)
        y = _window(self.data1, self.p.period)
        score, pvalue, _ = coint(x, y, trend=self.p.trend)
        self.lines.score[0] = float(score)
        self.lines.pvalue[0] = float(pvalue)
