"""Less common moving averages, envelope/oscillator variants, PSAR,
Ichimoku and Heikin Ashi."""
import datetime

import backtrader as bt

from scenarios._util import btcsv, run_panel

ind = bt.indicators

SPECS = [
    ('dema', lambda s: ind.DEMA(period=10)),
    ('tema', lambda s: ind.TEMA(period=8)),
    ('kama', lambda s: ind.KAMA()),
    ('kama_p', lambda s: ind.KAMA(period=10, fast=3, slow=20)),
    ('hma', lambda s: ind.HMA(period=10)),
    ('zlema', lambda s: ind.ZLEMA(period=10)),
    ('zlind', lambda s: ind.ZLInd(period=10)),
    ('dma', lambda s: ind.DMA(period=10)),
    ('trix', lambda s: ind.TRIX(period=5)),
    ('trixsignal', lambda s: ind.TrixSignal(period=5, sigperiod=4)),
    ('smaenv', lambda s: ind.SMAEnvelope(period=10, perc=2.0)),
    ('emaosc', lambda s: ind.EMAOsc(period=10)),
    ('envelope', lambda s: ind.Envelope(s.data.close, perc=1.5)),
    ('oscillator', lambda s: ind.Oscillator(s.data.close,
                                            bt.ind.SMA(period=5))),
    ('psar', lambda s: ind.PSAR()),
    ('psar_p', lambda s: ind.ParabolicSAR(af=0.03, afmax=0.25)),
    ('ichimoku', lambda s: ind.Ichimoku(tenkan=5, kijun=10, senkou=20,
                                        senkou_lead=10, chikou=10)),
    ('heikinashi', lambda s: ind.HeikinAshi()),
    ('hadelta', lambda s: ind.haDelta()),
]

ARRAYS = ('kama', 'ichimoku')


def run(runonce: bool, preload: bool, exactbars: int) -> dict:
    data = btcsv(todate=datetime.datetime(2006, 7, 31))
    return run_panel(SPECS, runonce, preload, exactbars, data=data,
                     arrays=ARRAYS)
