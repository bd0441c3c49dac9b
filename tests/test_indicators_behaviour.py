"""Behaviour of the indicator package beyond upstream's recorded values:
input validation, the moving average registry, declaring new indicators,
and the modes' agreement on user-declared indicators."""
from __future__ import annotations

import math

import pytest

import backtrader as bt

from test_indicators_exact import frame_of


def _run(build, runonce=True, dataset='day1', **kwargs):
    made = {}

    class Holder(bt.Strategy):
        def __init__(self):
            made['ind'] = build(self.data)

    cerebro = bt.Cerebro(stdstats=False, runonce=runonce, **kwargs)
    cerebro.adddata(bt.feeds.PandasData(dataname=frame_of(dataset), openinterest=None))
    cerebro.addstrategy(Holder)
    cerebro.run()
    return made['ind']


@pytest.mark.parametrize('cls', [bt.ind.SMA, bt.ind.EMA, bt.ind.WMA, bt.ind.SMMA,
                                 bt.ind.SumN, bt.ind.Highest, bt.ind.Momentum])
def test_bad_period_names_the_param(cls):
    with pytest.raises(ValueError, match='period'):
        _run(lambda d: cls(d, period=0))
    with pytest.raises(TypeError, match='period'):
        _run(lambda d: cls(d, period='10'))


def test_numpy_integer_period_accepted():
    import numpy as np
    ind = _run(lambda d: bt.ind.SMA(d, period=np.int64(5)))
    assert ind._minperiod == 5


def test_applyn_needs_a_callable():
    with pytest.raises(TypeError, match='func'):
        _run(lambda d: bt.ind.ApplyN(d, period=3))


def test_new_moving_average_is_registered_and_usable_as_movav():
    class MidRange(bt.ind.MovingAverageBase):
        """Mean of the window's extremes (declared with next() only)."""
        alias = ('MidR',)
        lines = ('midr',)

        def __init__(self):
            self.addminperiod(self.p.period)
            super().__init__()

        def next(self):
            window = self.data.get(size=self.p.period)
            self.lines.midr[0] = (max(window) + min(window)) / 2.0

    assert bt.ind.MovAv.MidRange is MidRange
    assert bt.ind.MovingAverage.MidR.__name__ == 'MidR'
    values = {}
    for runonce in (True, False):
        mid = _run(lambda d: MidRange(d, period=5), runonce=runonce)
        values[runonce] = list(mid.lines.midr.array)
    assert mid._minperiod == 5
    assert values[True][4:] == values[False][4:]
    high_low = frame_of('day1')['close'].tolist()[:5]
    assert values[True][4] == (max(high_low) + min(high_low)) / 2.0
    # usable wherever a movav param is taken (next mode: an indicator fed by
    # another indicator and written with next() only cannot run in batch
    # mode, as upstream)
    rsi = _run(lambda d: bt.ind.RSI(d, movav=MidRange, period=5, safediv=True),
               runonce=False)
    assert rsi._minperiod == 6
    assert not any(math.isnan(v) for v in list(rsi.lines.rsi.array)[5:])


def test_every_moving_average_has_envelope_and_oscillator_variants():
    for name in ('MovingAverageSimple', 'ExponentialMovingAverage',
                 'WeightedMovingAverage', 'SmoothedMovingAverage'):
        ma = getattr(bt.ind, name)
        env = getattr(bt.ind, name + 'Envelope')
        osc = getattr(bt.ind, name + 'Oscillator')
        assert issubclass(env, ma) and issubclass(osc, ma)
        assert issubclass(osc, bt.ind.OscillatorMixIn)
        assert env.lines._getlines() == ma.lines._getlines() + ('top', 'bot')
        for alias in ma.alias:
            assert issubclass(getattr(bt.ind, alias + 'Envelope'), env)
            assert issubclass(getattr(bt.ind, alias + 'Osc'), osc)
        # variants are not moving averages to choose from
        assert not hasattr(bt.ind.MovAv, name + 'Envelope')


def test_oscillator_of_moving_average_is_data_minus_average():
    osc = _run(lambda d: bt.ind.SMAOsc(d, period=5))
    data = frame_of('day1')['close'].tolist()
    got = list(osc.lines[0].array)
    for i in range(4, len(data)):
        assert got[i] == data[i] - math.fsum(data[i - 4:i + 1]) / 5


def test_indicator_lines_report_their_own_minimum_period():
    macd = _run(lambda d: bt.ind.MACD(d))
    assert [line._minperiod for line in macd.lines] == [26, 34]
    stoch = _run(lambda d: bt.ind.Stochastic(d))
    assert [line._minperiod for line in stoch.lines] == [16, 18]
    rsi = _run(lambda d: bt.ind.RSI(d))
    assert rsi.lines.rsi._minperiod == 15
    # an indicator of a line starts where that line does
    assert _run(lambda d: bt.ind.SMA(bt.ind.RSI(d).lines.rsi, period=3))._minperiod == 17


def test_division_by_zero_raises_like_python():
    with pytest.raises(ZeroDivisionError, match='float division by zero'):
        _run(lambda d: bt.ind.RSI_SMA(d, period=3), dataset='synth')
    with pytest.raises(ZeroDivisionError):
        _run(lambda d: bt.ind.StochasticFast(d, period=3), runonce=False,
             dataset='synth')


class BandWidth(bt.ind.BollingerBands):
    """Adds a line built with operators on the parent's lines."""
    lines = ('width',)

    def __init__(self):
        super().__init__()
        self.lines.width = self.lines.top - self.lines.bot


class DoubleRSI(bt.ind.RSI):
    """Adds a line computed in next() from the parent's line."""
    lines = ('double',)

    def next(self):
        self.lines.double[0] = 2.0 * self.lines.rsi[0]


@pytest.mark.parametrize('runonce', [True, False])
def test_subclasses_build_on_the_parent_lines(runonce):
    bw = _run(lambda d: BandWidth(d), runonce=runonce)
    top, bot, width = (list(line.array) for line in (bw.lines.top, bw.lines.bot,
                                                     bw.lines.width))
    assert bw._minperiod == 20
    assert all(w == t - b for w, t, b in zip(width[19:], top[19:], bot[19:]))
    assert not any(math.isnan(w) for w in width[19:])
    dr = _run(lambda d: DoubleRSI(d), runonce=runonce)
    rsi, double = list(dr.lines.rsi.array), list(dr.lines.double.array)
    assert all(x == 2.0 * r for x, r in zip(double[14:], rsi[14:]))
    assert not any(math.isnan(x) for x in double[14:])
