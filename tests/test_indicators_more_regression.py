"""Two-data regressions and cointegration (statsmodels) and OLS_BetaN.

With statsmodels importable the values must be upstream's bit for bit
(goldens recorded with statsmodels 0.15 next to upstream); without it,
creating one raises ModuleNotFoundError as upstream does, while the classes
stay importable.  Upstream's OLS_BetaN always fails (it calls the long gone
``pandas.ols``): here it gives the slope of the least squares fit.
"""
from __future__ import annotations

import sys

import numpy as np
import pytest

import backtrader as bt

from test_indicators_more_support import GOLDEN, harness, runner, specs
from scenarios._util import ORCL, YHOO

NEED_STATSMODELS = ['OLS_Slope_InterceptN', 'OLS_TransformationN', 'CointN']


@pytest.mark.parametrize('mode', list(harness.MODES))
def test_values_match_upstream_with_statsmodels(mode):
    pytest.importorskip('statsmodels.api')
    got = runner.run_ols(bt, harness.MODES[mode])
    problems = runner.mismatches(GOLDEN['ols'][mode], got)
    assert not problems, '\n'.join(problems)


def test_goldens_cover_every_regression_spec():
    for mode in harness.MODES:
        assert set(GOLDEN['ols'][mode]) == {key for key, _ in specs.OLS_SPECS}
        assert not any('error' in res for res in GOLDEN['ols'][mode].values())


def _strategy(make):
    class Holder(bt.Strategy):
        def __init__(self):
            self.ind = make(self)
    return Holder


def _run(make, **kwargs):
    cerebro = bt.Cerebro(stdstats=False, **kwargs)
    for name in (YHOO, ORCL):
        cerebro.adddata(bt.feeds.YahooFinanceCSVData(dataname=name))
    cerebro.addstrategy(_strategy(make))
    return cerebro.run()[0]


@pytest.mark.parametrize('name', NEED_STATSMODELS)
def test_creation_without_statsmodels_raises(monkeypatch, name):
    for module in list(sys.modules):
        if module == 'statsmodels' or module.startswith('statsmodels.'):
            monkeypatch.delitem(sys.modules, module)
    monkeypatch.setitem(sys.modules, 'statsmodels', None)  # import fails
    cls = getattr(bt.ind, name)
    with pytest.raises(ModuleNotFoundError):
        _run(lambda s: cls(s.data0, s.data1))


@pytest.mark.parametrize('runonce', [True, False])
def test_ols_beta_is_the_least_squares_slope(runonce):
    strat = _run(lambda s: bt.ind.OLS_BetaN(s.data0, s.data1, period=10), runonce=runonce)
    beta = list(strat.ind.lines.beta.array)
    y = list(strat.data0.close.array)
    x = list(strat.data1.close.array)
    assert all(v != v for v in beta[:9])
    for i in (9, 50, len(beta) - 1):
        xs, ys = np.array(x[i - 9:i + 1]), np.array(y[i - 9:i + 1])
        slope = ((xs - xs.mean()) * (ys - ys.mean())).sum() / ((xs - xs.mean()) ** 2).sum()
        assert beta[i] == pytest.approx(slope, rel=1e-9)
