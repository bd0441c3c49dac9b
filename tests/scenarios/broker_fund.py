"""Fund mode: fundmode/fundstartval, notify_fund, get_fundshares,
get_fundvalue, add_cash in fund mode, set_fundmode()."""
import datetime

import backtrader as bt

from scenarios._util import btcsv, cerebro, LogStrategy


class Fund(LogStrategy):
    params = (('sink', None),)

    def __init__(self):
        super().__init__()
        self.fund = []

    def notify_fund(self, cash, value, fundvalue, shares):
        self.fund.append([len(self), cash, value, fundvalue, shares])

    def next(self):
        b = self.broker
        self.rec(fundshares=b.get_fundshares(), fundvalue=b.get_fundvalue(),
                 fundmode=b.get_fundmode())
        n = len(self)
        if n == 3:
            self.buy(size=10)
        elif n == 10:
            b.add_cash(20000.0)
        elif n == 15:
            self.sell(size=4)
        elif n == 20:
            b.add_cash(-5000.0)
        elif n == 25:
            self.close()

    def stop(self):
        self.out['fund'] = self.fund
        self.p.sink.update(self.out)


CASES = {
    'off': None,
    'param': dict(fundmode=True),
    'param_startval': dict(fundmode=True, fundstartval=1000.0),
    'setter': 'setter',
}


def run(runonce, preload, exactbars):
    out = {}
    for name, kwargs in CASES.items():
        sink = {}
        cer = cerebro(runonce, preload, exactbars)
        cer.adddata(btcsv(todate=datetime.datetime(2006, 2, 15)))
        cer.addstrategy(Fund, sink=sink)
        cer.addanalyzer(bt.analyzers.TimeReturn, _name='tr')
        cer.addanalyzer(bt.analyzers.TimeReturn, _name='tr_fund',
                        fund=True)
        if isinstance(kwargs, dict):
            cer.broker = bt.brokers.BackBroker(**kwargs)
        elif kwargs == 'setter':
            cer.broker.set_fundmode(True, fundstartval=50.0)
        cer.broker.setcash(100000.0)
        res = cer.run()
        sink['timereturn'] = {
            k.isoformat(): v for k, v in
            res[0].analyzers.tr.get_analysis().items()}
        sink['timereturn_fund'] = {
            k.isoformat(): v for k, v in
            res[0].analyzers.tr_fund.get_analysis().items()}
        obs = res[0].stats
        sink['observers'] = [type(o).__name__ for o in obs]
        out[name] = sink
    return out
