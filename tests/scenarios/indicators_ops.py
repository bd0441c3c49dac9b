"""Cross detectors, N-period operations, momentum and rate of change."""
import backtrader as bt

from scenarios._util import run_panel

ind = bt.indicators


def _fast(s):
    return bt.ind.SMA(period=5)


def _slow(s):
    return bt.ind.SMA(period=15)


SPECS = [
    ('crossover', lambda s: bt.ind.CrossOver(_fast(s), _slow(s))),
    ('crossup', lambda s: bt.ind.CrossUp(_fast(s), _slow(s))),
    ('crossdown', lambda s: bt.ind.CrossDown(_fast(s), _slow(s))),
    ('cross_close_sma', lambda s: bt.ind.CrossOver(s.data.close,
                                                   bt.ind.SMA(period=10))),
    ('cross_close_level', lambda s: bt.ind.CrossOver(s.data.close, 3700.0)),
    ('highest', lambda s: bt.ind.Highest(s.data.high, period=10)),
    ('MaxN', lambda s: ind.MaxN(period=4)),
    ('lowest', lambda s: bt.ind.Lowest(s.data.low, period=10)),
    ('MinN', lambda s: ind.MinN(period=4)),
    ('sumn', lambda s: bt.ind.SumN(period=5)),
    ('sumn_volume', lambda s: bt.ind.SumN(s.data.high - s.data.low,
                                          period=3)),
    ('momentum', lambda s: bt.ind.Momentum()),
    ('momentum3', lambda s: bt.ind.Momentum(s.data.close, period=3)),
    ('MomentumOscillator', lambda s: ind.MomentumOscillator(period=5)),
    ('roc', lambda s: bt.ind.ROC()),
    ('RateOfChange', lambda s: ind.RateOfChange(period=5)),
    ('ROC100', lambda s: ind.ROC100(period=5)),
    ('RateOfChange100', lambda s: ind.RateOfChange100(period=3)),
    ('pctchange', lambda s: bt.ind.PercentChange()),
    ('PctChange', lambda s: ind.PctChange(period=10)),
    ('FindFirstIndexHighest', lambda s: ind.FindFirstIndexHighest(period=5)),
    ('FindLastIndexLowest', lambda s: ind.FindLastIndexLowest(period=5)),
    ('Average', lambda s: ind.Average(period=4)),
    ('WeightedAverage', lambda s: ind.WeightedAverage(
        period=3, weights=(1.0, 2.0, 3.0))),
    ('AnyN', lambda s: ind.AnyN(s.data.close > s.data.open, period=3)),
    ('AllN', lambda s: ind.AllN(s.data.close > s.data.open, period=2)),
    ('CumSum', lambda s: ind.CumSum(s.data.close - s.data.open)),
    ('UpDay', lambda s: ind.UpDay()),
    ('DownDay', lambda s: ind.DownDay()),
    ('UpDayBool', lambda s: ind.UpDayBool()),
    ('UpMove', lambda s: ind.UpMove()),
    ('DownMove', lambda s: ind.DownMove()),
    ('NonZeroDifference', lambda s: ind.NZD(s.data.close, s.data.open)),
]

ARRAYS = ('crossover', 'highest', 'roc')


def run(runonce: bool, preload: bool, exactbars: int) -> dict:
    return run_panel(SPECS, runonce, preload, exactbars, arrays=ARRAYS)
