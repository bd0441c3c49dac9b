"""SMA crossover with market orders: buy/sell/close, long and short.

Logs every order notification (status, types, created/executed fields),
every trade notification, broker cash/value and position per bar, with a
0.1% percentage commission, plus strategy stop() totals.
"""
import backtrader as bt

from scenarios._util import LogStrategy, btcsv, cerebro, fl


class Cross(LogStrategy):
    params = (('sink', None),)

    def __init__(self):
        super().__init__()
        self.fast = bt.ind.SMA(period=5)
        self.slow = bt.ind.SMA(period=15)
        self.cross = bt.ind.CrossOver(self.fast, self.slow)
        self.created = []

    def next(self):
        self.rec(fast=fl(self.fast[0]), slow=fl(self.slow[0]),
                 cross=fl(self.cross[0]))
        if self.cross > 0:
            if self.position.size < 0:
                self.created.append(self.refs('order', self.close().ref))
            self.created.append(self.refs('order', self.buy(size=10).ref))
        elif self.cross < 0:
            if self.position:
                self.created.append(self.refs('order', self.close().ref))
            self.created.append(self.refs('order', self.sell(size=5).ref))

    def stop(self):
        self.out['created'] = self.created
        self.out['final'] = {
            'cash': self.broker.getcash(), 'value': self.broker.getvalue(),
            'position': [self.position.size, self.position.price],
            'len': len(self),
        }
        self.p.sink.update(self.out)


def run(runonce, preload, exactbars):
    sink = {}
    cer = cerebro(runonce, preload, exactbars)
    cer.adddata(btcsv())
    cer.addstrategy(Cross, sink=sink)
    cer.broker.setcash(100000.0)
    cer.broker.setcommission(commission=0.001)
    cer.run()
    sink['broker_final'] = [cer.broker.getcash(), cer.broker.getvalue()]
    return sink
