"""RSI family: every alias, movav variants, safediv and lookback."""
import backtrader as bt

from scenarios._util import run_panel

ind = bt.indicators

SPECS = [
    ('rsi', lambda s: bt.ind.RSI()),
    ('rsi7', lambda s: bt.ind.RSI(period=7)),
    ('RelativeStrengthIndex', lambda s: ind.RelativeStrengthIndex(period=10)),
    ('RSI_SMMA', lambda s: ind.RSI_SMMA(period=9)),
    ('RSI_Wilder', lambda s: ind.RSI_Wilder(period=9)),
    ('RSI_SMA', lambda s: ind.RSI_SMA(period=9)),
    ('RSI_Cutler', lambda s: ind.RSI_Cutler(period=9)),
    ('RSI_EMA', lambda s: ind.RSI_EMA(period=9)),
    ('RSI_Safe', lambda s: bt.ind.RSI_Safe(period=5)),
    ('rsi_safediv', lambda s: bt.ind.RSI(period=5, safediv=True,
                                         safehigh=90.0, safelow=40.0)),
    ('rsi_lookback', lambda s: bt.ind.RSI(period=6, lookback=3)),
    ('rsi_movav', lambda s: bt.ind.RSI(period=8, movav=bt.ind.WMA)),
    ('rsi_high', lambda s: bt.ind.RSI(s.data.high, period=12)),
]

ARRAYS = ('rsi', 'RSI_Safe')


def run(runonce: bool, preload: bool, exactbars: int) -> dict:
    return run_panel(SPECS, runonce, preload, exactbars, arrays=ARRAYS)
