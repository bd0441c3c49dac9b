"""Moving averages and every alias of them, per bar and as full arrays.

Covers SMA/EMA/WMA/SMMA under all their public names (bt.ind.X,
bt.indicators.X, bt.ind.MovAv.X), default and explicit periods, inputs other
than close, an average of an average, and which of prenext/nextstart/next
ran on each bar.
"""
import backtrader as bt

from scenarios._util import run_panel

ind = bt.indicators
MA = bt.ind.MovAv

SPECS = [
    ('sma', lambda s: bt.ind.SMA(period=15)),
    ('sma_default', lambda s: bt.ind.SMA(s.data)),
    ('SimpleMovingAverage', lambda s: ind.SimpleMovingAverage(period=10)),
    ('MovingAverageSimple_high',
     lambda s: ind.MovingAverageSimple(s.data.high, period=5)),
    ('MovAv_Simple', lambda s: MA.Simple(s.data.low, period=7)),
    ('MovAv_SMA', lambda s: MA.SMA(period=7)),
    ('sma_of_sma', lambda s: bt.ind.SMA(bt.ind.SMA(period=5), period=4)),
    ('ema', lambda s: bt.ind.EMA(period=10)),
    ('ema_default', lambda s: bt.ind.EMA()),
    ('ExponentialMovingAverage',
     lambda s: ind.ExponentialMovingAverage(s.data.open, period=12)),
    ('MovingAverageExponential',
     lambda s: ind.MovingAverageExponential(period=20)),
    ('MovAv_EMA', lambda s: MA.EMA(period=5)),
    ('MovAv_Exponential', lambda s: MA.Exponential(period=6)),
    ('wma', lambda s: bt.ind.WMA(period=10)),
    ('WeightedMovingAverage',
     lambda s: ind.WeightedMovingAverage(s.data.high, period=8)),
    ('MovingAverageWeighted', lambda s: ind.MovingAverageWeighted(period=3)),
    ('MovAv_Weighted', lambda s: MA.Weighted(period=9)),
    ('smma', lambda s: bt.ind.SMMA(period=10)),
    ('SmoothedMovingAverage', lambda s: ind.SmoothedMovingAverage(period=14)),
    ('MovingAverageSmoothed', lambda s: ind.MovingAverageSmoothed(period=5)),
    ('WilderMA', lambda s: ind.WilderMA(period=7)),
    ('MovingAverageWilder', lambda s: ind.MovingAverageWilder(period=3)),
    ('ModifiedMovingAverage', lambda s: ind.ModifiedMovingAverage(period=4)),
    ('MovAv_Smoothed', lambda s: MA.Smoothed(s.data.low, period=6)),
    ('ema_of_wma', lambda s: bt.ind.EMA(bt.ind.WMA(period=4), period=3)),
    ('MovAv_WMA', lambda s: MA.WMA(period=5)),
    ('MovAv_SMMA', lambda s: MA.SMMA(period=5)),
    ('MovAv_Wilder', lambda s: MA.Wilder(period=6)),
    ('MovAv_Modified', lambda s: MA.Modified(period=6)),
    ('MovingAverage_Simple', lambda s: ind.MovingAverage.Simple(period=8)),
    ('MovAv_MovingAverageExponential',
     lambda s: MA.MovingAverageExponential(period=8)),
]

ARRAYS = ('sma', 'ema', 'smma')


def run(runonce: bool, preload: bool, exactbars: int) -> dict:
    return run_panel(SPECS, runonce, preload, exactbars, arrays=ARRAYS)
