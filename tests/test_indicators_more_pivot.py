"""Pivot points on a monthly resample of daily data, as the strategy reads
them on every daily bar, match upstream's bit for bit; with ``_autoplot``
the indicator hides itself from plotting and a coupler owned by the
strategy repeats its lines on the daily clock (upstream's layout)."""
from __future__ import annotations

import pytest

import backtrader as bt

from test_indicators_more_support import GOLDEN, harness, runner
from scenarios._util import DAY1


@pytest.mark.parametrize('mode', list(harness.MODES))
def test_values_match_upstream(mode):
    problems = runner.mismatches(GOLDEN['pivot'][mode], runner.run_pivots(bt, harness.MODES[mode]))
    assert not problems, '\n'.join(problems)


class Pivots(bt.Strategy):
    def __init__(self):
        self.auto = bt.ind.PivotPoint(self.data1)
        self.manual = bt.ind.FibonacciPivotPoint(self.data1, _autoplot=False)


def test_autoplot_adds_a_coupler_to_the_strategy():
    cerebro = bt.Cerebro(stdstats=False)
    data = bt.feeds.BacktraderCSVData(dataname=DAY1)
    cerebro.adddata(data)
    cerebro.resampledata(data, timeframe=bt.TimeFrame.Months)
    cerebro.addstrategy(Pivots)
    strat = cerebro.run()[0]
    inds = strat.getindicators()
    position = [i for i, ind in enumerate(inds) if ind is strat.auto]
    assert position == [1]  # the coupler registered first
    coupler = inds[0]
    assert not strat.auto.plotinfo.plot and strat.manual.plotinfo.plot
    assert len(coupler) == len(strat.data0) and len(strat.auto) == len(strat.data1)
    # the coupler repeats the monthly value on the daily bars (the last
    # month is delivered after the last day, as upstream)
    assert coupler.lines[0][0] == coupler.lines[0][-1] == strat.auto.lines.p[-1]
