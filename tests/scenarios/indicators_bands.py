"""Bollinger bands, ATR and true range, with aliases and params."""
import backtrader as bt

from scenarios._util import run_panel

ind = bt.indicators

SPECS = [
    ('bb', lambda s: bt.ind.BollingerBands()),
    ('BBands', lambda s: ind.BBands(period=10, devfactor=1.5)),
    ('bb_ema', lambda s: bt.ind.BollingerBands(period=8, movav=bt.ind.EMA)),
    ('bb_high', lambda s: bt.ind.BBands(s.data.high, period=5)),
    ('bbpct', lambda s: bt.ind.BollingerBandsPct()),
    ('bbpct_short', lambda s: bt.ind.BollingerBandsPct(period=6,
                                                       devfactor=1.0)),
    ('atr', lambda s: bt.ind.ATR()),
    ('AverageTrueRange', lambda s: ind.AverageTrueRange(period=5)),
    ('atr_sma', lambda s: bt.ind.ATR(period=7, movav=bt.ind.SMA)),
    ('tr', lambda s: bt.ind.TrueRange()),
    ('TR', lambda s: ind.TR()),
    ('TrueHigh', lambda s: ind.TrueHigh()),
    ('TrueLow', lambda s: ind.TrueLow()),
    ('stddev', lambda s: ind.StandardDeviation(period=10)),
    ('StdDev_safepow', lambda s: ind.StdDev(period=5, safepow=True)),
    ('meandev', lambda s: ind.MeanDeviation(period=10)),
]

ARRAYS = ('bbpct', 'atr')


def run(runonce: bool, preload: bool, exactbars: int) -> dict:
    return run_panel(SPECS, runonce, preload, exactbars, arrays=ARRAYS)
