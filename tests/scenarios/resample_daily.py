"""Resampling daily bars to weeks, months and years (each as the only
data, with an SMA on it), and to 2-week bars."""
import backtrader as bt

from scenarios._util import btcsv, run_bars

TF = bt.TimeFrame

CASES = {
    'weekly': dict(timeframe=TF.Weeks),
    'weekly2': dict(timeframe=TF.Weeks, compression=2),
    'monthly': dict(timeframe=TF.Months),
    'yearly': dict(timeframe=TF.Years),
    'days3': dict(timeframe=TF.Days, compression=3),
}

SMA = [('sma', lambda s: bt.ind.SMA(s.data, period=3))]


def run(runonce, preload, exactbars):
    out = {}
    for name, kw in CASES.items():
        def add(cer, kw=kw):
            cer.resampledata(btcsv(), **kw)
        inds = SMA if name != 'yearly' else ()
        out[name] = run_bars(runonce, preload, exactbars, add, inds)
    return out
