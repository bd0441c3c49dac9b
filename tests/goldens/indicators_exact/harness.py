"""Shared by the recorder (run under upstream) and the exactness tests.

The recorder (tools/record_indicator_exact.py) runs every spec below under
upstream backtrader and stores, per dataset, run mode and output line, a
digest of the full-precision values; the tests run the same specs under this
package and require bit-identical values.  Only plain Python and the public
backtrader API are used here so the module imports under both packages.

Input prices are parsed with ``float()`` from the CSV text (what every CSV
feed does), so both sides start from the same doubles.
"""
from __future__ import annotations

import csv
import datetime
import hashlib
import math
import struct
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DATA = HERE / 'data'

#: dataset name -> CSV file under data/
DATASETS = {
    'day1': '2006-day-001.txt',
    'yhoo': 'yhoo-1996-2014.txt',
    'btc1m': 'UNITTEST_BTC-1m-6000.csv',
    # flat stretches, steady rises and falls, bars with high == low
    'synth': 'synthetic-flat.csv',
}

MODES = {'once': True, 'next': False}

#: (key, expression); ``d`` is the data feed, ``bt`` the backtrader package.
SPECS: list[tuple[str, str]] = [
    # moving averages and their names
    ('SMA', 'bt.ind.SMA(d)'),
    ('SMA_15', 'bt.ind.SMA(d, period=15)'),
    ('SMA_1', 'bt.ind.SMA(d, period=1)'),
    ('SMA_high_5', 'bt.ind.MovingAverageSimple(d.high, period=5)'),
    ('SMA_of_SMA', 'bt.ind.SMA(bt.ind.SMA(d, period=5), period=4)'),
    ('MovAv_Simple', 'bt.ind.MovAv.Simple(d.low, period=7)'),
    ('EMA', 'bt.ind.EMA(d)'),
    ('EMA_10', 'bt.ind.ExponentialMovingAverage(d, period=10)'),
    ('EMA_1', 'bt.ind.EMA(d, period=1)'),
    ('EMA_open_12', 'bt.ind.MovingAverage.EMA(d.open, period=12)'),
    ('WMA', 'bt.ind.WMA(d)'),
    ('WMA_10', 'bt.ind.WeightedMovingAverage(d, period=10)'),
    ('WMA_2', 'bt.ind.MovAv.Weighted(d.high, period=2)'),
    ('SMMA', 'bt.ind.SMMA(d)'),
    ('SMMA_14', 'bt.ind.WilderMA(d, period=14)'),
    ('SMMA_3', 'bt.ind.MovingAverageSmoothed(d.low, period=3)'),
    ('EMA_of_WMA', 'bt.ind.EMA(bt.ind.WMA(d, period=4), period=3)'),
    # envelopes and oscillators
    ('SMAEnvelope', 'bt.ind.SMAEnvelope(d, period=10)'),
    ('EMAEnvelope', 'bt.ind.EMAEnvelope(d, period=10, perc=1.5)'),
    ('WMAEnvelope', 'bt.ind.MovingAverageWeightedEnvelope(d, period=6)'),
    ('SMMAEnvelope', 'bt.ind.SMMAEnvelope(d, period=8)'),
    ('Envelope', 'bt.ind.Envelope(d, perc=3.0)'),
    ('SMAOsc', 'bt.ind.SMAOsc(d, period=10)'),
    ('EMAOsc', 'bt.ind.ExponentialMovingAverageOscillator(d, period=7)'),
    ('WMAOsc', 'bt.ind.WMAOscillator(d, period=5)'),
    ('SMMAOsc', 'bt.ind.MovingAverageSmoothedOsc(d, period=9)'),
    ('Oscillator', 'bt.ind.Oscillator(d, bt.ind.SMA(d, period=5))'),
    # basic operations
    ('Highest', 'bt.ind.Highest(d.high, period=14)'),
    ('MaxN', 'bt.ind.MaxN(d, period=3)'),
    ('Lowest', 'bt.ind.Lowest(d.low, period=14)'),
    ('MinN', 'bt.ind.MinN(d, period=3)'),
    ('SumN', 'bt.ind.SumN(d, period=10)'),
    ('Average', 'bt.ind.Average(d, period=7)'),
    ('Mean', 'bt.ind.ArithmeticMean(d.open, period=3)'),
    ('ExpSmoothing', 'bt.ind.ExponentialSmoothing(d, period=10)'),
    ('ExpSmoothing_alpha', 'bt.ind.ExpSmoothing(d, period=5, alpha=0.3)'),
    ('ExpSmoothingDynamic',
     'bt.ind.ExponentialSmoothingDynamic(d, period=5, '
     'alpha=bt.ind.SMA(d.high - d.low, period=3) / d.close)'),
    ('WeightedAverage',
     'bt.ind.WeightedAverage(d, period=4, weights=(0.1, 0.2, 0.3, 0.4))'),
    ('AverageWeighted',
     'bt.ind.AverageWeighted(d, period=3, coef=0.5, weights=(1.0, 2.0, 3.0))'),
    ('AnyN', 'bt.ind.AnyN(d.close > d.open, period=3)'),
    ('AllN', 'bt.ind.AllN(d.close > d.open, period=3)'),
    ('ReduceN', 'bt.ind.ReduceN(d, function=max, period=4)'),
    ('FindFirstIndexHighest', 'bt.ind.FindFirstIndexHighest(d, period=10)'),
    ('FindLastIndexHighest', 'bt.ind.FindLastIndexHighest(d, period=10)'),
    ('FindFirstIndexLowest', 'bt.ind.FindFirstIndexLowest(d, period=10)'),
    ('FindLastIndexLowest', 'bt.ind.FindLastIndexLowest(d, period=10)'),
    ('ApplyN', 'bt.ind.ApplyN(d, func=lambda xs: max(xs) - min(xs), period=5)'),
    ('Accum', 'bt.ind.Accum(d)'),
    ('CumSum', 'bt.ind.CumulativeSum(d.volume)'),
    ('UpDay', 'bt.ind.UpDay(d)'),
    ('UpDay_3', 'bt.ind.UpDay(d, period=3)'),
    ('DownDay', 'bt.ind.DownDay(d)'),
    ('UpDayBool', 'bt.ind.UpDayBool(d)'),
    ('DownDayBool', 'bt.ind.DownDayBool(d, period=2)'),
    ('NZD', 'bt.ind.NonZeroDifference(d.close, d.open)'),
    ('NZD_flat', 'bt.ind.NZD(d.close, d.close(-1))'),
    # deviations
    ('StdDev', 'bt.ind.StdDev(d)'),
    ('StdDev_10', 'bt.ind.StandardDeviation(d, period=10)'),
    ('StdDev_safepow', 'bt.ind.StdDev(d, period=5, safepow=True)'),
    ('MeanDev', 'bt.ind.MeanDev(d)'),
    ('MeanDev_10', 'bt.ind.MeanDeviation(d, period=10)'),
    # oscillators built on averages
    ('RSI', 'bt.ind.RSI(d)'),
    ('RSI_7', 'bt.ind.RelativeStrengthIndex(d, period=7)'),
    ('RSI_Safe', 'bt.ind.RSI_Safe(d)'),
    ('RSI_SMA', 'bt.ind.RSI_SMA(d)'),
    ('RSI_Cutler', 'bt.ind.RSI_Cutler(d, period=5)'),
    ('RSI_EMA', 'bt.ind.RSI_EMA(d)'),
    ('RSI_Wilder', 'bt.ind.RSI_Wilder(d, period=9)'),
    ('RSI_safediv', 'bt.ind.RSI(d, period=3, safediv=True)'),
    ('RSI_lookback', 'bt.ind.RSI(d, lookback=2)'),
    ('RSI_movav_WMA', 'bt.ind.RSI(d, movav=bt.ind.WMA, safediv=True)'),
    ('RSI_safe_bands', 'bt.ind.RSI(d, period=4, safediv=True, safehigh=90.0, safelow=40.0)'),
    ('RSI_SMA_safe', 'bt.ind.RSI_SMA(d, period=6, safediv=True)'),
    ('MACD', 'bt.ind.MACD(d)'),
    ('MACD_fast', 'bt.ind.MACD(d, period_me1=5, period_me2=13, period_signal=4)'),
    ('MACD_sma', 'bt.ind.MACD(d, movav=bt.ind.MovAv.SMA)'),
    ('MACDHisto', 'bt.ind.MACDHisto(d)'),
    ('MACDHistogram', 'bt.ind.MACDHistogram(d, period_signal=5)'),
    ('BBands', 'bt.ind.BBands(d)'),
    ('BollingerBands_10', 'bt.ind.BollingerBands(d, period=10, devfactor=1.5)'),
    ('BBands_ema', 'bt.ind.BollingerBands(d, movav=bt.ind.EMA)'),
    ('BollingerBandsPct', 'bt.ind.BollingerBandsPct(d)'),
    ('ATR', 'bt.ind.ATR(d)'),
    ('ATR_5', 'bt.ind.AverageTrueRange(d, period=5)'),
    ('ATR_sma', 'bt.ind.ATR(d, movav=bt.ind.SMA)'),
    ('TR', 'bt.ind.TR(d)'),
    ('TrueRange', 'bt.ind.TrueRange(d)'),
    ('TrueHigh', 'bt.ind.TrueHigh(d)'),
    ('TrueLow', 'bt.ind.TrueLow(d)'),
    ('Stochastic', 'bt.ind.Stochastic(d)'),
    ('StochasticSlow', 'bt.ind.StochasticSlow(d, period=5, period_dfast=2, period_dslow=4)'),
    ('StochasticFast', 'bt.ind.StochasticFast(d)'),
    ('StochasticFull', 'bt.ind.StochasticFull(d)'),
    ('Stochastic_safediv', 'bt.ind.Stochastic(d, period=3, safediv=True)'),
    ('StochasticFast_safezero',
     'bt.ind.StochasticFast(d, period=4, safediv=True, safezero=50.0)'),
    ('StochasticFull_ema', 'bt.ind.StochasticFull(d, movav=bt.ind.EMA, safediv=True)'),
    # crossings
    ('CrossOver',
     'bt.ind.CrossOver(bt.ind.SMA(d, period=10), bt.ind.SMA(d, period=30))'),
    ('CrossOver_close_open', 'bt.ind.CrossOver(d.close, d.open)'),
    ('CrossOver_close_ema', 'bt.ind.CrossOver(d, bt.ind.EMA(d, period=5))'),
    ('CrossUp', 'bt.ind.CrossUp(d.close, bt.ind.SMA(d, period=5))'),
    ('CrossDown', 'bt.ind.CrossDown(d.close, bt.ind.SMA(d, period=5))'),
    ('CrossOver_flat', 'bt.ind.CrossOver(d.close, d.close(-1))'),
    # momentum
    ('Momentum', 'bt.ind.Momentum(d)'),
    ('Momentum_1', 'bt.ind.Momentum(d, period=1)'),
    ('MomentumOscillator', 'bt.ind.MomentumOscillator(d)'),
    ('ROC', 'bt.ind.ROC(d)'),
    ('RateOfChange_3', 'bt.ind.RateOfChange(d, period=3)'),
    ('ROC100', 'bt.ind.ROC100(d)'),
    ('PercentChange', 'bt.ind.PercentChange(d)'),
    ('PctChange_5', 'bt.ind.PctChange(d, period=5)'),
]


def _num(text: str) -> float:
    return float(text) if text.strip() else 0.0


def load_columns(dataset: str) -> dict[str, list]:
    """Columns of a dataset: datetime (naive UTC datetimes) and OHLCV floats."""
    path = DATA / DATASETS[dataset]
    with open(path, newline='') as fh:
        rows = list(csv.reader(fh))
    header = [h.strip().lower() for h in rows[0]]
    col = {name: header.index(name) for name in header}
    out: dict[str, list] = {k: [] for k in
                            ('datetime', 'open', 'high', 'low', 'close', 'volume')}
    for row in rows[1:]:
        stamp = row[col.get('date', col.get('datetime', 0))].rstrip('Z')
        out['datetime'].append(datetime.datetime.fromisoformat(stamp))
        for name in ('open', 'high', 'low', 'close', 'volume'):
            out[name].append(_num(row[col[name]]))
    return out


def canonical_bytes(values: list[float]) -> bytes:
    """Bytes of the values as doubles, every NaN written as the same NaN."""
    nan = struct.pack('<d', math.nan)
    return b''.join(nan if v != v else struct.pack('<d', v) for v in values)


def summarise(values: list[float]) -> dict[str, Any]:
    """Digest of a full line (exact) plus a few values to read on failure."""
    n = len(values)
    valid = [i for i, v in enumerate(values) if v == v]
    picks = sorted({*valid[:3], *valid[-2:], *(valid[int(k * len(valid) / 7)]
                                                for k in range(1, 7) if valid)})
    return {
        'len': n,
        'nan': n - len(valid),
        'sha256': hashlib.sha256(canonical_bytes(values)).hexdigest(),
        'samples': [[i, values[i]] for i in picks],
    }


def build(bt: Any, data: Any, expr: str) -> Any:
    """Create the indicator a spec describes (inside a strategy __init__)."""
    return eval(expr, {'bt': bt, 'd': data})  # noqa: S307 - specs are ours


def collect(ind: Any, nbars: int) -> dict[str, Any]:
    """Minimum period and the full arrays of every line of an indicator."""
    names = ind.lines.getlinealiases()
    lines = {}
    for i, name in enumerate(names):
        arr = list(ind.lines[i].array)[:nbars]
        lines[name] = [float(v) for v in arr]
    return {'minperiod': ind._minperiod, 'lines': lines}
