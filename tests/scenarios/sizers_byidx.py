"""addsizer_byidx: different sizers per strategy, plus a default one, with
three strategies running side by side."""
import datetime

import backtrader as bt

from scenarios._util import btcsv, cerebro
from scenarios.sizers import Flip


def run(runonce, preload, exactbars):
    sinks = [{}, {}, {}]
    cer = cerebro(runonce, preload, exactbars, stdstats=False)
    end = datetime.datetime(2006, 2, 15)
    cer.adddata(btcsv(todate=end))
    idx = [cer.addstrategy(Flip, sink=s) for s in sinks]
    cer.addsizer(bt.sizers.FixedSize, stake=2)
    cer.addsizer_byidx(idx[1], bt.sizers.PercentSizer, percents=10)
    cer.addsizer_byidx(idx[2], bt.sizers.FixedReverser, stake=3)
    cer.broker.setcash(100000.0)
    cer.run()
    return {'idx': idx, 'strategies': sinks}
