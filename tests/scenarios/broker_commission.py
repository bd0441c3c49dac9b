"""Commission schemes: stock percentage/fixed, futures margin/mult,
COMM_FIXED/COMM_PERC, percabs, automargin, leverage, a CommInfoBase
subclass via addcommissioninfo and the CommInfo calculators called directly.
Per-data commissions (name=) are in broker_commission_named.py."""
import datetime

import backtrader as bt

from scenarios._util import btcsv, cerebro, DAY2, LogStrategy, jsonable

CI = bt.CommInfoBase


class FlatPlusPerc(bt.CommInfoBase):
    """User commission: 2.0 per order plus 0.05% of the value."""
    params = (('stocklike', True), ('commtype', CI.COMM_FIXED),
              ('flat', 2.0))

    def _getcommission(self, size, price, pseudoexec):
        return self.p.flat + abs(size) * price * 0.0005


class Trader(LogStrategy):
    params = (('sink', None),)

    def next(self):
        self.rec()
        n = len(self)
        for i, d in enumerate(self.datas):
            if n == 3 + i:
                self.buy(data=d, size=2)
            elif n == 10 + i:
                self.sell(data=d, size=5)
            elif n == 18 + i:
                self.close(data=d)

    def stop(self):
        self.out['values'] = [self.broker.getvalue(), self.broker.getcash()]
        self.p.sink.update(self.out)


def calculators(ci):
    price, size = 3600.0, 3
    return jsonable({
        'getsize': ci.getsize(price, 100000.0),
        'getoperationcost': ci.getoperationcost(size, price),
        'getvaluesize': ci.getvaluesize(size, price),
        'getvaluesize_short': ci.getvaluesize(-size, price),
        'getcommission': ci.getcommission(size, price),
        'get_margin': ci.get_margin(price),
        'profitandloss': ci.profitandloss(size, price, price + 10.0),
        'cashadjust': ci.cashadjust(size, price, price + 10.0),
        'get_leverage': ci.get_leverage(),
        'stocklike': ci.stocklike,
        'margin': ci.margin,
        'commtype': ci.p.commtype,
        'mult': ci.p.mult,
    })


CASES = {
    'stock_perc': dict(commission=0.002),
    'stock_fixed': dict(commission=3.0, commtype=CI.COMM_FIXED,
                        stocklike=True),
    'percabs': dict(commission=0.002, percabs=True),
    'perc_as_percent': dict(commission=0.2, commtype=CI.COMM_PERC,
                            stocklike=True),
    'futures': dict(commission=2.0, margin=2000.0, mult=10.0),
    'futures_perc': dict(commission=0.001, margin=1500.0, mult=5.0,
                         commtype=CI.COMM_PERC),
    'automargin': dict(commission=1.0, mult=2.0, automargin=0.5,
                       commtype=CI.COMM_FIXED, stocklike=False),
    'leverage': dict(commission=0.001, leverage=2.0),
}


def one_run(runonce, preload, exactbars, setup, two=False):
    sink = {}
    cer = cerebro(runonce, preload, exactbars, stdstats=False)
    cer.adddata(btcsv(todate=datetime.datetime(2006, 2, 15)), name='d0')
    if two:
        cer.adddata(btcsv(DAY2, todate=datetime.datetime(2006, 2, 15)),
                    name='d1')
    cer.addstrategy(Trader, sink=sink)
    cer.broker.setcash(100000.0)
    setup(cer)
    cer.run()
    sink['calc'] = {d._name: calculators(cer.broker.getcommissioninfo(d))
                    for d in cer.datas}
    return sink


def run(runonce, preload, exactbars):
    out = {}
    for name, kw in CASES.items():
        out[name] = one_run(runonce, preload, exactbars,
                            lambda cer, kw=kw: cer.broker.setcommission(**kw))
    out['futures_class'] = one_run(
        runonce, preload, exactbars,
        lambda cer: cer.broker.addcommissioninfo(
            bt.commissions.CommInfo_Futures_Perc(commission=0.1,
                                                 margin=800.0, mult=2.0)))
    return out
