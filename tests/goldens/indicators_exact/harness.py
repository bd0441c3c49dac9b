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
    ('PctChange_1', 'bt.ind.PctChange(d, period=1)'),
    # inputs that start later (indicators of indicators), odd params
    ('StdDev_unsafe', 'bt.ind.StdDev(d, period=3, safepow=False)'),
    ('StdDev_given_mean', 'bt.ind.StdDev(d, bt.ind.SMA(d, period=10), period=10)'),
    ('MeanDev_given_mean', 'bt.ind.MeanDev(d, bt.ind.EMA(d, period=10), period=10)'),
    ('Highest_of_SMA', 'bt.ind.Highest(bt.ind.SMA(d, period=5), period=3)'),
    ('Highest_1', 'bt.ind.Highest(d, period=1)'),
    ('WMA_of_SMA', 'bt.ind.WMA(bt.ind.SMA(d, period=3), period=4)'),
    ('Accum_of_SMA', 'bt.ind.Accum(bt.ind.SMA(d, period=3))'),
    ('NZD_of_SMAs', 'bt.ind.NZD(bt.ind.SMA(d, period=3), bt.ind.SMA(d, period=7))'),
    ('RSI_of_EMA', 'bt.ind.RSI(bt.ind.EMA(d, period=5), safediv=True)'),
    ('StdDev_of_SMA', 'bt.ind.StdDev(bt.ind.SMA(d, period=3), period=4)'),
    ('FindLastIndexLowest_of_SMA',
     'bt.ind.FindLastIndexLowest(bt.ind.SMA(d, period=3), period=4)'),
    ('SumN_volume', 'bt.ind.SumN(d.volume, period=5)'),
    ('SMA_volume', 'bt.ind.SMA(d.volume, period=4)'),
    ('UpDay_of_SMA', 'bt.ind.UpDay(bt.ind.SMA(d, period=3), period=2)'),
    ('DownDay_3', 'bt.ind.DownDay(d, period=3)'),
    ('Momentum_of_EMA', 'bt.ind.Momentum(bt.ind.EMA(d, period=4), period=3)'),
    ('AnyN_of_CrossOver',
     'bt.ind.AnyN(bt.ind.CrossOver(d.close, d.open), period=5)'),
    ('Oscillator_MACD', 'bt.ind.Oscillator(bt.ind.MACD(d))'),
    ('Envelope_of_SMA', 'bt.ind.Envelope(bt.ind.SMA(d, period=5), perc=1.0)'),
    ('ExpSmoothingDynamic_slow_alpha',
     'bt.ind.ExponentialSmoothingDynamic(d, period=2, '
     'alpha=bt.ind.SMA(d, period=6) / d / 100.0)'),
    ('ReduceN_lambda', 'bt.ind.ReduceN(d, function=lambda a, b: a + b, period=3)'),
    ('FindFirstIndex_custom',
     'bt.ind.FindFirstIndex(d, period=5, _evalfunc=lambda xs: sorted(xs)[2])'),
    ('ApplyN_sum', 'bt.ind.ApplyN(d.volume, func=sum, period=3)'),
    ('CrossOver_high_low', 'bt.ind.CrossOver(d.high, d.low)'),
    ('CrossDown_EMAs',
     'bt.ind.CrossDown(bt.ind.EMA(d, period=3), bt.ind.EMA(d, period=8))'),
    ('Stochastic_wma', 'bt.ind.Stochastic(d, movav=bt.ind.WMA, safediv=True)'),
    ('MACD_wma', 'bt.ind.MACDHisto(d, movav=bt.ind.WMA)'),
    ('BBands_smma', 'bt.ind.BBands(d, movav=bt.ind.SMMA, period=7)'),
    ('ATR_1', 'bt.ind.ATR(d, period=1)'),
    ('TR_of_data', 'bt.ind.TrueRange(d, plot=False)'),
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


#: modules of upstream's bt.indicators covered here; classes generated in
#: envelope/oscillator count when their moving average's module is covered
API_MODULES = ('basicops', 'mabase', 'sma', 'ema', 'wma', 'smma', 'rsi', 'macd',
               'bollinger', 'atr', 'stochastic', 'crossover', 'momentum',
               'percentchange', 'deviation', 'oscillator', 'envelope')

#: names bt.indicators re-exports from the core modules
REEXPORTS = ('Indicator', 'LineActions', 'MAXINT', 'And', 'Or', 'If', 'Max', 'Min',
             'Sum', 'Cmp', 'CmpEx', 'DivByZero', 'DivZeroByZero', 'Any', 'All',
             'List', 'Logic', 'MultiLogic', 'MultiLogicReduce', 'Reduce')


def _modname(cls: Any) -> str:
    return cls.__module__.rsplit('.', 1)[-1]


def _plain(value: Any) -> Any:
    if isinstance(value, type):
        return 'class:' + value.__name__
    if callable(value):
        return 'callable:' + getattr(value, '__name__', '?')
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def api_names(bt: Any) -> list[str]:
    """Public classes of bt.indicators that come from the covered modules."""
    out = []
    for name in sorted(dir(bt.indicators)):
        obj = getattr(bt.indicators, name)
        if name.startswith('_') or not isinstance(obj, type):
            continue
        if not obj.__module__.startswith('backtrader.indicators.'):
            continue
        mod = _modname(obj)
        if mod not in API_MODULES:
            continue
        if mod in ('envelope', 'oscillator'):
            bases = [b for b in obj.__mro__[1:]
                     if _modname(b) not in ('envelope', 'oscillator', 'mabase')
                     and b.__module__.startswith('backtrader.indicators.')]
            if bases and _modname(bases[0]) not in API_MODULES:
                continue
        out.append(name)
    return out


def describe(bt: Any, names: list[str]) -> dict[str, Any]:
    """What users can observe of each class: lines, params and defaults,
    plot settings, aliases, and which other listed classes it derives from."""
    base_pi = dict(bt.Indicator.plotinfo._getitems())
    classes = {n: getattr(bt.indicators, n) for n in names}
    out = {}
    for name, cls in classes.items():
        info: dict[str, Any] = {'module': _modname(cls)}
        lines = getattr(cls, 'lines', ())
        info['lines'] = list(lines._getlines()) if hasattr(lines, '_getlines') else list(lines)
        params = getattr(cls, 'params', ())
        if hasattr(params, '_getitems'):
            info['params'] = [[k, _plain(v)] for k, v in params._getitems()]
        else:
            info['params'] = _plain(list(params))
        pi = getattr(cls, 'plotinfo', None)
        if hasattr(pi, '_getitems'):
            info['plotinfo'] = {k: _plain(v) for k, v in pi._getitems()
                                if base_pi.get(k, object()) != v}
        pl = getattr(cls, 'plotlines', None)
        if hasattr(pl, '_getitems'):
            info['plotlines'] = {k: _plain(dict(v._getitems()) if hasattr(v, '_getitems') else v)
                                 for k, v in pl._getitems()
                                 if k in info['lines'] or k.startswith('_')}
        info['alias'] = list(getattr(cls, 'alias', ()))
        info['aliased'] = getattr(cls, 'aliased', '')
        info['mindatas'] = getattr(cls, '_mindatas', None)
        info['subclass_of'] = sorted(o for o, ocls in classes.items()
                                     if o != name and issubclass(cls, ocls))
        out[name] = info
    return out


def movav_names(bt: Any) -> dict[str, str]:
    """Names published on MovingAverage and the class each one gives."""
    reg = bt.indicators.MovingAverage
    return {k: getattr(reg, k).__name__ for k in sorted(dir(reg))
            if not k.startswith('_') and isinstance(getattr(reg, k), type)}


def per_bar_recorder(bt: Any, specs: list, sink: dict) -> type:
    """A strategy class that builds ``specs`` and appends every line's
    current value to ``sink[key][line]`` at each bar (prenext and next), so
    full series can be collected even when buffers keep only a few values."""

    class PerBar(bt.Strategy):
        def __init__(self):
            self._made = [(key, build(bt, self.data, expr)) for key, expr in specs]
            for key, ind in self._made:
                sink[key] = {'minperiod': ind._minperiod,
                             'lines': {n: [] for n in ind.lines.getlinealiases()}}

        def prenext(self):
            for key, ind in self._made:
                for i, values in enumerate(sink[key]['lines'].values()):
                    values.append(float(ind.lines[i][0]))

        next = prenext

    return PerBar

