"""Strategies holding indicators pickle after a run.

cerebro pickles the strategies it gets back from worker processes when
optimising with several CPUs and ``optreturn=False``; a closure anywhere in
an indicator made that fail ("Can't pickle local object
'_Crossing.__init__.<locals>.scalar'").
"""
from __future__ import annotations

import pickle

import backtrader as bt
import backtrader.studies  # noqa: F401

from scenarios._util import DAY1


class CrossStrategy(bt.Strategy):
    def __init__(self):
        self.cross = bt.ind.CrossOver(bt.ind.SMA(period=3), bt.ind.SMA(period=10))


class ManyIndicators(bt.Strategy):
    """Indicators whose computations are built from module-level functions,
    partials and small objects."""

    def __init__(self):
        ind = bt.ind
        self.made = [
            ind.CrossUp(self.data.close, ind.EMA(period=5)),
            ind.CrossDown(self.data.close, ind.EMA(period=5)),
            ind.RSI(safediv=True), ind.Stochastic(safediv=True), ind.BollingerBandsPct(),
            ind.ROC(), ind.FindFirstIndexHighest(period=3),
            ind.ReduceN(self.data.close, function=max, initializer=0.0, period=3),
            ind.PercentRank(period=10), ind.DV2(period=10), ind.KAMA(), ind.ZLInd(),
            ind.DMA(), ind.PSAR(), ind.LRSI(), ind.LAGF(), ind.Hurst(), ind.ADXR(),
            ind.AroonUpDownOsc(), ind.Ichimoku(), ind.UltimateOscillator(), ind.Vortex(),
            ind.KST(), ind.PPO(), ind.TSI(), ind.CCI(), ind.WilliamsAD(), ind.HMA(),
            bt.studies.Fractal(),
        ]


def _same(a, b) -> bool:
    return len(a) == len(b) and all(x == y or (x != x and y != y) for x, y in zip(a, b))


def _run(strategy, **kwargs):
    cerebro = bt.Cerebro(stdstats=False, **kwargs)
    cerebro.adddata(bt.feeds.BacktraderCSVData(dataname=DAY1))
    cerebro.addstrategy(strategy)
    return cerebro.run()[0]


def test_crossover_strategy_pickles_after_run():
    strat = _run(CrossStrategy)
    values = list(strat.cross.lines.crossover.array)
    assert any(v == 1.0 for v in values) and any(v == -1.0 for v in values)
    copy = pickle.loads(pickle.dumps(strat))
    assert _same(list(copy.cross.lines.crossover.array), values)


def test_crossover_pickles_in_next_mode_too():
    strat = _run(CrossStrategy, runonce=False)
    copy = pickle.loads(pickle.dumps(strat.cross))
    assert _same(list(copy.lines.crossover.array), list(strat.cross.lines.crossover.array))


def test_strategy_with_many_indicators_pickles():
    strat = _run(ManyIndicators)
    copy = pickle.loads(pickle.dumps(strat))
    for mine, theirs in zip(strat.made, copy.made):
        assert type(mine) is type(theirs)
        for a, b in zip(mine.lines, theirs.lines):
            assert _same(list(a.array), list(b.array))
