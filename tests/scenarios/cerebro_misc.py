"""Cerebro features: quicknotify on/off, addindicator at cerebro level,
addstrategy with args/kwargs, several strategies (call order), runstop()
from a strategy, stdstats on/off observers, strategy params overrides and
what cerebro.run() returns."""
import datetime

import backtrader as bt

from scenarios._util import bar_dt, btcsv, cerebro, fl, order_snap, Refs

END = datetime.datetime(2006, 3, 31)


class Tracker(bt.Strategy):
    params = (('tag', 'a'), ('period', 5), ('sink', None), ('stopat', 0))

    def __init__(self, *args):
        self.args = list(args)
        self.refs = Refs()
        self.sma = bt.ind.SMA(period=self.p.period)
        self.log = self.p.sink.setdefault(self.p.tag, {
            'bars': [], 'orders': []})

    def next(self):
        inds = self.getindicators()
        self.log['bars'].append([len(self), bar_dt(self.data),
                                 fl(self.sma[0]), len(inds),
                                 [fl(i[0]) for i in inds]])
        self.p.sink.setdefault('calls', []).append([self.p.tag, len(self)])
        if len(self) % 10 == 0:
            self.buy(size=1)
            self.sell(size=1, exectype=bt.Order.Limit,
                      price=self.data.close[0] * 1.001)
        if self.p.stopat and len(self) == self.p.stopat:
            self.env.runstop()

    def notify_order(self, order):
        snap = order_snap(order, self.refs)
        snap.update(len=len(self))
        self.log['orders'].append(snap)

    def stop(self):
        self.log['stop'] = [len(self), self.args, self.p.tag,
                            self.p.period, len(self.getobservers()),
                            [type(o).__name__ for o in self.getobservers()]]


def one(runonce, preload, exactbars, quicknotify=False, stdstats=True,
        stopat=0):
    sink = {}
    cer = cerebro(runonce, preload, exactbars, quicknotify=quicknotify,
                  stdstats=stdstats)
    cer.adddata(btcsv(todate=END))
    cer.addindicator(bt.ind.EMA, period=4)
    cer.addstrategy(Tracker, 'x', 2, tag='a', sink=sink, stopat=stopat)
    cer.addstrategy(Tracker, tag='b', period=7, sink=sink)
    cer.broker.setcash(100000.0)
    results = cer.run()
    sink['results'] = [type(r).__name__ for r in results]
    sink['value'] = cer.broker.getvalue()
    return sink


def run(runonce, preload, exactbars):
    return {
        'plain': one(runonce, preload, exactbars),
        'quicknotify': one(runonce, preload, exactbars, quicknotify=True),
        'nostats': one(runonce, preload, exactbars, stdstats=False),
        'runstop': one(runonce, preload, exactbars, stopat=25),
    }
