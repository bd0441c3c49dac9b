"""bt.strategies: the MA cross-over sample strategy against upstream goldens.

The goldens (tests/goldens/strategies_pkg.json) were recorded from upstream
backtrader by tools/record_strategies_pkg.py on the bundled BTCUSDT daily
data; every variant is compared in runonce on/off x preload on/off.
"""
from __future__ import annotations

import json
import math
import os

import pytest

import backtrader as bt
import _strategies_pkg_scenario as scenario

GOLDEN_PATH = os.path.join(os.path.dirname(__file__), 'goldens', 'strategies_pkg.json')

with open(GOLDEN_PATH, encoding='utf-8') as _fh:
    GOLDEN = json.load(_fh)


def _same(ours, theirs, where='result'):
    """Structural equality; floats must agree to '%f' and to 1e-9 relative."""
    if isinstance(theirs, float) or isinstance(ours, float):
        assert isinstance(ours, (int, float)), where
        if math.isnan(theirs):
            assert math.isnan(ours), where
            return
        assert '%f' % ours == '%f' % theirs, '%s: %r != %r' % (where, ours, theirs)
        assert ours == pytest.approx(theirs, rel=1e-9, abs=1e-9), where
    elif isinstance(theirs, list):
        assert isinstance(ours, list) and len(ours) == len(theirs), \
            '%s: length %d != %d' % (where, len(ours), len(theirs))
        for i, (a, b) in enumerate(zip(ours, theirs)):
            _same(a, b, '%s[%d]' % (where, i))
    elif isinstance(theirs, dict):
        assert list(ours) == list(theirs), where
        for k in theirs:
            _same(ours[k], theirs[k], '%s.%s' % (where, k))
    else:
        assert ours == theirs, '%s: %r != %r' % (where, ours, theirs)


@pytest.mark.parametrize('mode', sorted(scenario.MODES))
@pytest.mark.parametrize('case', sorted(GOLDEN['cases']))
def test_matches_upstream(case, mode):
    entry = GOLDEN['cases'][case]
    expected = entry['results'][entry['modes'][mode]]
    assert expected['events'], 'golden without orders cannot check anything'
    ours = json.loads(json.dumps(scenario.run_case(case, *scenario.MODES[mode])))
    _same(ours, expected, case + '/' + mode)


def test_public_surface():
    strategies = bt.strategies
    assert strategies is __import__('backtrader.strategies').strategies
    assert issubclass(strategies.MA_CrossOver, bt.Strategy)
    alias = strategies.SMA_CrossOver
    assert alias is not strategies.MA_CrossOver
    assert issubclass(alias, strategies.MA_CrossOver)
    assert alias.__name__ == 'SMA_CrossOver'
    assert alias.__module__ == 'backtrader.strategies.sma_crossover'
    assert strategies.MA_CrossOver.alias == ('SMA_CrossOver',)
    params = list(strategies.MA_CrossOver.params._getitems())
    assert params == [('fast', 10), ('slow', 30), ('_movav', bt.indicators.SMA)]
    for name in ('absolute_import', 'division', 'print_function', 'unicode_literals'):
        assert hasattr(strategies, name)


def test_sells_through_the_sizer_not_close():
    """A down-cross sells the sizer's stake, it does not flatten."""
    class Stake(bt.Sizer):
        def _getsizing(self, comminfo, cash, data, isbuy):
            return 2 if isbuy else 1

    sizes = []

    class Sizes(bt.Analyzer):
        def notify_order(self, order):
            if order.status == order.Completed:
                sizes.append(order.executed.size)

    cerebro = bt.Cerebro()
    cerebro.adddata(bt.feeds.GenericCSVData(dataname=scenario.BTC, dtformat='%Y-%m-%d',
                                            openinterest=-1))
    cerebro.addstrategy(bt.strategies.SMA_CrossOver, fast=7, slow=25)
    cerebro.addsizer(Stake)
    cerebro.addanalyzer(Sizes)
    cerebro.broker.setcash(1e6)
    cerebro.run()
    # upstream: buy 2, sell 1 on the down-cross, sell the last 1 on the next one
    assert sizes[:3] == [2, -1, -1]
