"""Resampling 5-minute bars to 15, 30 and 60 minutes and to days, with the
bar2edge/adjbartime/rightedge/boundoff variants, on one week of data."""
import datetime

import backtrader as bt

from scenarios._util import min5, run_bars

TF = bt.TimeFrame
END = datetime.datetime(2006, 1, 5, 23, 59)

CASES = {
    'm15': dict(timeframe=TF.Minutes, compression=15),
    'm30': dict(timeframe=TF.Minutes, compression=30),
    'm60': dict(timeframe=TF.Minutes, compression=60),
    'days': dict(timeframe=TF.Days),
    'm60_nobar2edge': dict(timeframe=TF.Minutes, compression=60,
                           bar2edge=False),
    'm60_noadjbartime': dict(timeframe=TF.Minutes, compression=60,
                             adjbartime=False),
    'm60_norightedge': dict(timeframe=TF.Minutes, compression=60,
                            rightedge=False),
    'm60_boundoff': dict(timeframe=TF.Minutes, compression=60, boundoff=2),
}


def run(runonce, preload, exactbars):
    out = {}
    for name, kw in CASES.items():
        def add(cer, kw=kw):
            cer.resampledata(min5(todate=END), **kw)
        out[name] = run_bars(runonce, preload, exactbars, add,
                             [('sma', lambda s: bt.ind.SMA(s.data,
                                                           period=2))])
    return out
