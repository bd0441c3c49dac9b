"""Several datas with different calendars, start dates and lengths: per-bar
len/datetime/close of each data, prenext until all have bars, indicators on
each data, orders and positions on data1, dnames/getdatabyname/
getdatanames, data0/data1/data2 and data1_close style attributes."""
import datetime

import backtrader as bt

from scenarios._util import (bar_dt, btcsv, cerebro, DAY2, fl, order_snap,
                             Refs, trade_snap)


class Multi(bt.Strategy):
    params = (('sink', None),)

    def __init__(self):
        self.refs = Refs()
        self.smas = [bt.ind.SMA(d, period=5) for d in self.datas]
        self.rows, self.orders, self.trades = [], [], []

    def _log(self, phase):
        row = {'phase': phase, 'len': len(self), 'dt': bar_dt(self.data0)}
        row['datas'] = [
            [len(d), bar_dt(d) if len(d) else None,
             fl(d.close[0]) if len(d) else None,
             fl(s[0]) if len(s) else None]
            for d, s in zip(self.datas, self.smas)]
        row['attrs'] = [fl(self.data1_close[0]) if len(self.data1) else None,
                        fl(self.data1.close[0]) if len(self.data1) else None,
                        fl(self.data2.lines.close[0])
                        if len(self.data2) else None]
        pos = self.getposition(self.data1)
        row['pos1'] = [pos.size, pos.price]
        row['value'] = self.broker.getvalue()
        self.rows.append(row)

    def prenext(self):
        self._log('prenext')

    def nextstart(self):
        self._log('nextstart')
        self.next()

    def next(self):
        self._log('next')
        d1 = self.getdatabyname('second')
        n = len(self)
        if n % 20 == 5:
            self.buy(data=d1, size=2)
        elif n % 20 == 15:
            self.close(data=d1)
        elif n % 40 == 10:
            self.sell(data=self.dnames.third, size=1)
        elif n % 40 == 30:
            self.close(data=self.dnames['third'])

    def notify_order(self, order):
        snap = order_snap(order, self.refs)
        snap.update(len=len(self), dt=bar_dt(self.data0))
        self.orders.append(snap)

    def notify_trade(self, trade):
        snap = trade_snap(trade, self.refs)
        snap.update(len=len(self), dt=bar_dt(self.data0))
        self.trades.append(snap)

    def stop(self):
        self.p.sink.update({
            'bars': self.rows, 'orders': self.orders, 'trades': self.trades,
            'names': self.getdatanames(),
            'dnames': list(self.dnames.keys()),
            'data_names': [d._name for d in self.datas],
            'final_lens': [len(d) for d in self.datas],
        })


def run(runonce, preload, exactbars):
    sink = {}
    cer = cerebro(runonce, preload, exactbars)
    cer.adddata(btcsv(todate=datetime.datetime(2006, 10, 31)), name='first')
    cer.adddata(btcsv(DAY2), name='second')
    cer.adddata(btcsv(fromdate=datetime.datetime(2006, 3, 1),
                      todate=datetime.datetime(2006, 9, 30)), name='third')
    cer.addstrategy(Multi, sink=sink)
    cer.broker.setcash(100000.0)
    cer.run()
    return sink
