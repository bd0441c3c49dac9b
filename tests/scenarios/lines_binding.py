"""Line binding: a child's line feeding its owner's line as it is computed.

Covers ``bindlines`` by alias, by index and with lists on both sides, and
``bind2lines``/``bind2line`` of a lazy line operation, inside an indicator
whose lines get no other value.  Upstream's ``bindlines`` still names
``collections.Iterable`` (removed in Python 3.10), so the scenario gives that
name back before it runs; the package under test does not need it.
"""
import collections
import collections.abc

import backtrader as bt

from scenarios._util import bar_dt, btcsv, cerebro, ind_values

if not hasattr(collections, 'Iterable'):
    collections.Iterable = collections.abc.Iterable


class Bound(bt.Indicator):
    lines = ('fast', 'slow', 'diff', 'hi', 'lo')

    def __init__(self):
        bt.ind.SMA(self.data, period=3).bindlines(owner='fast')
        bt.ind.EMA(self.data, period=5).bindlines(owner=[1], own=[0])
        (self.data - self.data(-1)).bind2lines('diff')
        bt.ind.Highest(self.data, period=4).bind2line(3)
        bt.ind.Lowest(self.data, period=2).bindlines(owner=('lo',), own=(0,))


class Strat(bt.Strategy):
    params = (('sink', None),)

    def __init__(self):
        self.bound = Bound(self.data.close)
        self.rows = []

    def prenext(self):
        self.rows.append(['prenext', len(self), bar_dt(self.data),
                          ind_values(self.bound)])

    def next(self):
        self.rows.append(['next', len(self), bar_dt(self.data),
                          ind_values(self.bound)])

    def stop(self):
        self.p.sink['rows'] = self.rows


def run(runonce, preload, exactbars):
    sink = {}
    cer = cerebro(runonce, preload, exactbars, stdstats=False)
    cer.adddata(btcsv())
    cer.addstrategy(Strat, sink=sink)
    cer.run()
    return sink
