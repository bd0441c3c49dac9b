"""Replaying daily bars as weeks and 5-minute bars as 60 minutes: the
strategy sees each bar grow (same len, updated OHLC) with an SMA on it."""
import datetime

import backtrader as bt

from scenarios._util import btcsv, min5, run_bars

TF = bt.TimeFrame


def run(runonce, preload, exactbars):
    out = {}
    sma = [('sma', lambda s: bt.ind.SMA(s.data, period=3))]
    out['weekly'] = run_bars(
        runonce, preload, exactbars,
        lambda cer: cer.replaydata(
            btcsv(todate=datetime.datetime(2006, 4, 30)),
            timeframe=TF.Weeks), sma)
    out['m60'] = run_bars(
        runonce, preload, exactbars,
        lambda cer: cer.replaydata(
            min5(todate=datetime.datetime(2006, 1, 4, 23, 59)),
            timeframe=TF.Minutes, compression=60), sma)
    out['monthly'] = run_bars(
        runonce, preload, exactbars,
        lambda cer: cer.replaydata(
            btcsv(todate=datetime.datetime(2006, 4, 30)),
            timeframe=TF.Months), ())
    return out
