"""Daily data plus the same data resampled to weeks: SMA on each, coupling
the weekly SMA into the daily clock with sma1() in __init__, crossovers
across timeframes, and orders on the daily data."""
import datetime

import backtrader as bt

from scenarios._util import bar_dt, btcsv, cerebro, fl, LogStrategy


class MTF(LogStrategy):
    params = (('sink', None),)

    def __init__(self):
        super().__init__()
        self.sma0 = bt.ind.SMA(self.data0, period=5)
        self.sma1 = bt.ind.SMA(self.data1, period=3)
        self.diff = self.data0.close - self.sma1()
        self.coupled = self.sma1()
        self.cross = bt.ind.CrossOver(self.sma0, self.sma1())
        self.ratio = self.sma0 / self.sma1()
        self.phases = []

    def prenext(self):
        self.phases.append(['prenext', len(self), len(self.data1)])

    def nextstart(self):
        self.phases.append(['nextstart', len(self), len(self.data1)])
        self.next()

    def next(self):
        d1 = self.data1
        self.rec(d1=[len(d1), bar_dt(d1), fl(d1.close[0])],
                 sma0=fl(self.sma0[0]), sma1=[len(self.sma1),
                                              fl(self.sma1[0])],
                 diff=fl(self.diff[0]), coupled=fl(self.coupled[0]),
                 cross=fl(self.cross[0]), ratio=fl(self.ratio[0]),
                 sma1_prev=fl(self.sma1[-1]))
        if self.cross > 0:
            self.buy(size=1)
        elif self.cross < 0 and self.position:
            self.close()

    def stop(self):
        self.out['phases'] = self.phases
        self.p.sink.update(self.out)


def run(runonce, preload, exactbars):
    sink = {}
    cer = cerebro(runonce, preload, exactbars, stdstats=False)
    data = btcsv(todate=datetime.datetime(2006, 8, 31))
    cer.adddata(data)
    cer.resampledata(data, timeframe=bt.TimeFrame.Weeks)
    cer.addstrategy(MTF, sink=sink)
    cer.broker.setcash(100000.0)
    cer.run()
    return sink
