"""Cash handling: checksubmit on/off with orders larger than the cash
(Margin), shortcash on/off with short positions, add_cash, set_cash,
notify_cashvalue, broker.getvalue(datas) and get_cash/get_value aliases."""
import datetime

import backtrader as bt

from scenarios._util import btcsv, cerebro, LogStrategy

O = bt.Order


class Cash(LogStrategy):
    params = (('sink', None),)

    def __init__(self):
        super().__init__()
        self.cv = []

    def notify_cashvalue(self, cash, value):
        self.cv.append([len(self), cash, value])

    def next(self):
        b = self.broker
        self.rec(getvalue_datas=b.getvalue(datas=[self.data]),
                 get_cash=b.get_cash(), get_value=b.get_value())
        n = len(self)
        if n == 2:
            self.buy(size=5)           # ~18k, more than the 10k cash
        elif n == 3:
            self.buy(size=2)           # fits
        elif n == 4:
            self.buy(size=2, exectype=O.Limit, price=self.data.close[0] * 1.1)
        elif n == 6:
            self.sell(size=6)          # go short 2
        elif n == 8:
            self.broker.add_cash(5000.0)
        elif n == 10:
            self.sell(size=3)          # more short
        elif n == 12:
            self.broker.add_cash(-2000.0)
        elif n == 16:
            self.close()
        elif n == 18:
            self.buy(size=1000)        # far too big
            self.sell(size=1000)

    def stop(self):
        self.out['cashvalue'] = self.cv
        self.out['final'] = [self.broker.getcash(), self.broker.getvalue()]
        self.p.sink.update(self.out)


CASES = {
    'default': dict(),
    'nochecksubmit': dict(checksubmit=False),
    'noshortcash': dict(shortcash=False),
    'both_off': dict(),  # via the setters
}


def run(runonce, preload, exactbars):
    out = {}
    for name, kwargs in CASES.items():
        sink = {}
        cer = cerebro(runonce, preload, exactbars, stdstats=False)
        cer.adddata(btcsv(todate=datetime.datetime(2006, 2, 10)))
        cer.addstrategy(Cash, sink=sink)
        if kwargs:  # BackBroker params
            cer.broker = bt.brokers.BackBroker(**kwargs)
        cer.broker.set_cash(10000.0)
        if name == 'both_off':
            cer.broker.set_checksubmit(False)
            cer.broker.set_shortcash(False)
        cer.run()
        out[name] = sink
    return out
