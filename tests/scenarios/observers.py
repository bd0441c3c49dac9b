"""Observers: stdstats (Broker, BuySell, Trades) plus addobserver
(DrawDown, Value, Cash, TimeReturn, LogReturns, DrawDownLength, FundValue,
FundShares, Benchmark) and addobservermulti(BuySell); observer line values
read in next() every bar and full arrays in stop()."""
import datetime

import backtrader as bt

from scenarios._util import (bar_dt, btcsv, cerebro, fl, ind_values,
                             line_array)


class Trade(bt.Strategy):
    params = (('sink', None), ('arrays', True))

    def __init__(self):
        self.cross = bt.ind.CrossOver(bt.ind.SMA(period=4),
                                      bt.ind.SMA(period=10))
        self.rows = []

    def _log(self):
        row = {'len': len(self), 'dt': bar_dt(self.data)}
        for i, obs in enumerate(self.getobservers()):
            # observers run after next(): at the first bar they are empty
            vals = ind_values(obs) if len(obs) else []
            row['%d_%s' % (i, type(obs).__name__)] = [len(obs)] + vals
        self.rows.append(row)

    def prenext(self):
        self._log()

    def next(self):
        self._log()
        if self.cross > 0:
            self.order_target_size(target=3)
        elif self.cross < 0:
            self.order_target_size(target=-2)

    def stop(self):
        out = {'bars': self.rows,
               'observers': [type(o).__name__ for o in self.getobservers()],
               'stats_len': len(self.stats),
               'named': [fl(self.stats.broker.lines.value[0]),
                         fl(self.stats.broker.cash[0]),
                         fl(self.stats.drawdown.drawdown[0]),
                         fl(self.stats.drawdown.maxdrawdown[0])]}
        if self.p.arrays:
            out['arrays'] = {
                '%d_%s' % (i, type(o).__name__):
                [line_array(o.lines[j], len(o)) for j in range(o.size())]
                for i, o in enumerate(self.getobservers())}
        self.p.sink.update(out)


def run(runonce, preload, exactbars):
    sink = {}
    cer = cerebro(runonce, preload, exactbars)
    end = datetime.datetime(2006, 6, 30)
    data = btcsv(todate=end)
    cer.adddata(data)
    cer.addstrategy(Trade, sink=sink, arrays=exactbars < 1)
    cer.broker.setcash(100000.0)
    cer.broker.setcommission(commission=0.001)
    obs = bt.observers
    cer.addobserver(obs.DrawDown)
    cer.addobserver(obs.Value)
    cer.addobserver(obs.Cash)
    cer.addobserver(obs.TimeReturn, timeframe=bt.TimeFrame.Weeks)
    cer.addobserver(obs.LogReturns, timeframe=bt.TimeFrame.Days)
    cer.addobserver(obs.DrawDownLength)
    cer.addobserver(obs.FundValue)
    cer.addobserver(obs.FundShares)
    cer.addobserver(obs.Benchmark, data=data,
                    timeframe=bt.TimeFrame.Weeks)
    cer.addobservermulti(obs.BuySell, barplot=True)
    cer.run()
    return sink
