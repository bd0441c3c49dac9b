"""Behaviour of the indicators beyond the core ones that only shows bar by
bar: bounded buffers (exactbars=1), replayed bars, HeikinAshi forcing
bar-by-bar runs, line and class aliases.

The values are upstream's, recorded in
tests/goldens/indicators_more_exact/goldens.json: with exactbars=1 upstream's
bounded buffers wrap around when a look back goes past their size (an
EMA(period=1) or an Accum of the data then reads NaN, Ichimoku's chikou span
lands on the current bar), and on a replay some indicators compute the
current bar again from the previous one (PSAR) while the Laguerre filters
move on with every update.  These are reproduced, not fixed.
"""
from __future__ import annotations

import math

import backtrader as bt
import backtrader.studies  # noqa: F401

from test_indicators_more_support import GOLDEN, runner
from scenarios._util import DAY1


def test_bounded_buffers_match_upstream():
    problems = runner.mismatches(GOLDEN['bounded'], runner.run_bounded(bt))
    assert not problems, '\n'.join(problems)


def test_bounded_goldens_show_the_wrap_around():
    # EMA(1) is seeded on the first bar, then reads its own current (NaN)
    # value as the previous one in upstream's one-value buffer
    ema = GOLDEN['bounded']['EMA_1']['lines']['ema']
    assert ema['nan'] == ema['len'] - 1


def test_replay_matches_upstream():
    problems = runner.mismatches(GOLDEN['replay'], runner.run_replay(bt))
    assert not problems, '\n'.join(problems)


class _Chikou(bt.Strategy):
    params = (('heikin', False),)

    def __init__(self):
        self.ich = bt.ind.Ichimoku(chikou=3)
        if self.p.heikin:
            bt.ind.HeikinAshi()
        self.seen = []

    def prenext(self):
        self.seen.append(self.ich.chikou_span[0])

    next = prenext


def _chikou_seen(heikin: bool) -> list:
    cerebro = bt.Cerebro(stdstats=False, runonce=True, preload=True)
    cerebro.adddata(bt.feeds.BacktraderCSVData(dataname=DAY1))
    cerebro.addstrategy(_Chikou, heikin=heikin)
    return cerebro.run()[0].seen


def test_heikinashi_makes_the_run_bar_by_bar():
    # in batch mode the chikou span (the close 3 bars ahead) is known on
    # every bar; bar by bar it is written 3 bars back, so the strategy only
    # sees it on the bar where that write wraps onto the current one
    batch = _chikou_seen(heikin=False)
    assert not any(math.isnan(v) for v in batch[:-3])
    stepped = _chikou_seen(heikin=True)
    assert [i for i, v in enumerate(stepped) if not math.isnan(v)] == [2]


def test_heikinashi_lines_have_ohlc_aliases():
    class Holder(bt.Strategy):
        def __init__(self):
            self.ha = bt.ind.HeikinAshi()

    cerebro = bt.Cerebro(stdstats=False)
    cerebro.adddata(bt.feeds.BacktraderCSVData(dataname=DAY1))
    cerebro.addstrategy(Holder)
    ha = cerebro.run()[0].ha
    assert ha.open is ha.lines.ha_open and ha.lines.close is ha.lines.ha_close
    assert ha.high is ha.lines.ha_high and ha.low is ha.lines.ha_low


def test_alias_with_plot_name():
    assert bt.ind.PlusDI.__bases__ == (bt.ind.PlusDirectionalIndicator,)
    assert bt.ind.PlusDI.plotinfo.plotname == '+DI'
    assert bt.ind.MinusDI.plotinfo.plotname == '-DI'
    assert bt.ind.PlusDirectionalIndicator.plotinfo.plotname == '+DirectionalIndicator'
    assert bt.ind.PlusDirectionalIndicator.alias == (('PlusDI', '+DI'),)


def test_vortex_of_the_package_is_the_contributed_one():
    from backtrader.indicators import vortex
    from backtrader.indicators.contrib import vortex as contrib
    assert bt.ind.Vortex is contrib.Vortex
    assert bt.ind.Vortex is not vortex.Vortex
    assert issubclass(contrib.Vortex, vortex.Vortex)


def test_ema_publishes_its_smoothing_factors():
    class Holder(bt.Strategy):
        def __init__(self):
            self.ema = bt.ind.EMA(period=5)

    cerebro = bt.Cerebro(stdstats=False)
    cerebro.adddata(bt.feeds.BacktraderCSVData(dataname=DAY1))
    cerebro.addstrategy(Holder)
    ema = cerebro.run()[0].ema
    assert ema.alpha == 2.0 / 6.0 and ema.alpha1 == 1.0 - 2.0 / 6.0
