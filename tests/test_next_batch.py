"""Next mode over preloaded feeds computes the indicators that depend on
the feeds alone in one batch pass (``Cerebro(batch_indicators=True)``,
the default): which ones qualify, and that every value, order and trade
is the same as computing everything bar by bar (``batch_indicators=False``).
"""
import math
import os

import pytest

import backtrader as bt

HERE = os.path.dirname(__file__)
DAY1 = os.path.join(HERE, 'data', 'upstream', '2006-day-001.txt')
DAY2 = os.path.join(HERE, 'data', 'upstream', '2006-day-002.txt')
WEEK = os.path.join(HERE, 'data', 'upstream', '2006-week-001.txt')


def _batched(strat):
    if strat._nextsteps is None:
        return []
    return [entry[2] for batched, step in strat._nextsteps if batched for entry in step]


class Declared(bt.Indicator):
    """A user indicator built in ``__init__`` only: its values come from
    library operations, so it may be batched."""
    lines = ('spread',)
    params = (('period', 12),)

    def __init__(self):
        self.lines.spread = self.data.close - bt.ind.EMA(period=self.p.period)


class Stepped(bt.Indicator):
    """A user ``next()``: always bar by bar."""
    lines = ('up',)

    def next(self):
        self.lines.up[0] = float(self.data.close[0] > self.data.close[-1])


class PositionAware(bt.Indicator):
    """Reads the strategy's position: must see it as it is on each bar."""
    lines = ('pos',)

    def next(self):
        self.lines.pos[0] = self._owner.position.size


class Mixed(bt.Strategy):
    def __init__(self):
        self.sma = bt.ind.SMA(period=15)
        self.macd = bt.ind.MACD()
        self.declared = Declared()
        self.stepped = Stepped()
        self.on_stepped = bt.ind.SMA(self.stepped, period=5)      # input is per bar
        self.on_sma = bt.ind.EMA(self.sma, period=4)              # input is batched
        self.diff = self.data.close - self.sma                   # an operation
        self.cross = bt.ind.CrossOver(self.sma, bt.ind.SMA(period=40))
        self.ichimoku = bt.ind.Ichimoku()                         # writes back
        self.fractal = bt.studies.Fractal()                       # writes back
        self.position_seen = PositionAware()
        self.late = None
        self.rows = []

    def next(self):
        if self.late is None and len(self) == 80:
            self.late = bt.ind.SMA(period=3)       # created mid-run: bar by bar
        if self.cross[0] > 0:
            self.buy()
        elif self.cross[0] < 0:
            self.close()
        watched = (self.sma, self.macd.macd, self.macd.signal, self.declared,
                   self.stepped, self.on_stepped, self.on_sma, self.diff,
                   self.ichimoku.chikou_span, self.ichimoku.senkou_span_a,
                   self.fractal.fractal_bearish, self.position_seen)
        self.rows.append((len(self), self.data.datetime[0],
                          tuple(_same(line[0]) for line in watched),
                          _same(self.late[0]) if self.late is not None and len(self.late)
                          else None,
                          self.broker.getvalue()))


def _same(value):
    return 'nan' if isinstance(value, float) and math.isnan(value) else value


def _run(strategy, batch, datas=(DAY1,), **kwargs):
    cerebro = bt.Cerebro(runonce=False, batch_indicators=batch, **kwargs)
    for path in datas:
        cerebro.adddata(bt.feeds.BacktraderCSVData(dataname=path))
    cerebro.addstrategy(strategy)
    cerebro.addanalyzer(bt.analyzers.TradeAnalyzer, _name='ta')
    return cerebro.run()[0]


def test_only_feed_only_library_indicators_are_batched():
    strat = _run(Mixed, True)
    batched = _batched(strat)
    for ind in (strat.sma, strat.macd, strat.declared, strat.on_sma, strat.diff,
                strat.cross):
        assert any(b is ind for b in batched), type(ind).__name__
    for ind in (strat.stepped, strat.on_stepped, strat.ichimoku, strat.fractal,
                strat.position_seen, strat.late):
        assert not any(b is ind for b in batched), type(ind).__name__


def test_batched_next_mode_matches_bar_by_bar_exactly():
    batched, stepped = _run(Mixed, True), _run(Mixed, False)
    assert stepped._nextsteps is None and _batched(batched)
    assert batched.rows == stepped.rows
    assert len(batched.rows) > 150 and batched.late is not None
    assert batched.analyzers.ta.get_analysis().total.total == \
        stepped.analyzers.ta.get_analysis().total.total > 0


def test_stdstats_observers_and_two_datas_of_different_lengths():
    class Two(bt.Strategy):
        def __init__(self):
            self.a = bt.ind.RSI(self.data0, period=10)
            self.b = bt.ind.BollingerBands(self.data1, period=12)
            self.rows = []

        def next(self):
            self.rows.append((len(self), self.data0.datetime[0], self.data1.datetime[0],
                              _same(self.a[0]), _same(self.b.top[0]),
                              self.stats.broker.value[0]))
            if len(self) % 17 == 0:
                self.buy(data=self.data1) if not self.getposition(self.data1) \
                    else self.close(data=self.data1)
    one, other = (_run(Two, flag, datas=(DAY1, DAY2), stdstats=True) for flag in (True, False))
    assert _batched(one) and one.rows == other.rows


def test_resampled_feed_is_batched_like_a_plain_one():
    class Weekly(bt.Strategy):
        def __init__(self):
            self.sma = bt.ind.SMA(self.data1, period=3)
            self.rows = []

        def next(self):
            self.rows.append((len(self), _same(self.sma[0]), len(self.data1)))

    def run(batch):
        cerebro = bt.Cerebro(runonce=False, batch_indicators=batch)
        data = bt.feeds.BacktraderCSVData(dataname=DAY1)
        cerebro.adddata(data)
        cerebro.resampledata(data, timeframe=bt.TimeFrame.Weeks)
        cerebro.addstrategy(Weekly)
        return cerebro.run()[0]
    assert run(True).rows == run(False).rows


@pytest.mark.parametrize('kwargs', [{'preload': False}, {'exactbars': 1},
                                    {'exactbars': -1}, {'batch_indicators': False}])
def test_nothing_is_batched_without_full_preloaded_buffers(kwargs):
    class One(bt.Strategy):
        def __init__(self):
            self.sma = bt.ind.SMA(period=5)

    cerebro = bt.Cerebro(runonce=False, **kwargs)
    cerebro.adddata(bt.feeds.BacktraderCSVData(dataname=DAY1))
    cerebro.addstrategy(One)
    assert cerebro.run()[0]._nextsteps is None


def test_a_period_longer_than_the_data_leaves_the_indicator_empty():
    class Long(bt.Strategy):
        def __init__(self):
            self.sma = bt.ind.SMA(period=500)
            self.hurst = bt.ind.Hurst(period=400)
            self.calls = 0

        def prenext(self):
            self.calls += 1

    for runonce in (True, False):
        cerebro = bt.Cerebro(runonce=runonce)
        cerebro.adddata(bt.feeds.BacktraderCSVData(dataname=DAY1))
        cerebro.addstrategy(Long)
        strat = cerebro.run()[0]
        assert strat.calls == 255 and all(math.isnan(v) for v in strat.sma.array)
