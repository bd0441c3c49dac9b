"""Observers that compare two datas: LogReturns2 (the log returns of the
strategy and of a second data) and Benchmark on a second data, with a
strategy trading the first; values read every bar and arrays in stop()."""
import datetime

import backtrader as bt

from scenarios import observers
from scenarios._util import DAY1, DAY2, btcsv, cerebro, line_array


class Trade(observers.Trade):
    """The observers scenario's logging strategy with its own signals and
    only the per-bar rows and arrays in the sink."""

    def __init__(self):
        self.cross = bt.ind.CrossOver(bt.ind.EMA(period=5), bt.ind.EMA(period=12))
        self.rows = []

    def next(self):
        self._log()
        if self.cross > 0:
            self.order_target_size(target=5)
        elif self.cross < 0:
            self.close()

    def stop(self):
        out = {'bars': self.rows}
        if self.p.arrays:
            out['arrays'] = {
                '%d_%s' % (i, type(o).__name__):
                [line_array(o.lines[j], len(o)) for j in range(o.size())]
                for i, o in enumerate(self.getobservers())}
        self.p.sink.update(out)


def run(runonce, preload, exactbars):
    sink = {}
    cer = cerebro(runonce, preload, exactbars, stdstats=False)
    end = datetime.datetime(2006, 8, 31)
    cer.adddata(btcsv(DAY1, todate=end))
    other = btcsv(DAY2, todate=end)
    cer.adddata(other)
    cer.addstrategy(Trade, sink=sink, arrays=exactbars < 1)
    cer.broker.setcash(50000.0)
    obs = bt.observers
    cer.addobserver(obs.LogReturns2, timeframe=bt.TimeFrame.Weeks)
    cer.addobserver(obs.LogReturns2, timeframe=bt.TimeFrame.Days, fund=True)
    cer.addobserver(obs.Benchmark, data=other, timeframe=bt.TimeFrame.Months)
    cer.run()
    return sink
