"""Cheat-on-close (coc) and cheat-on-open (cheat_on_open with next_open,
nextstart_open and prenext_open; broker_coo on/off; broker set_coo)."""
import datetime

import backtrader as bt

from scenarios._util import LogStrategy, bar_dt, btcsv, cerebro, fl

O = bt.Order


class Cheater(LogStrategy):
    params = (('sink', None), ('use_open', False))

    def __init__(self):
        super().__init__()
        self.sma = bt.ind.SMA(period=3)
        self.calls = []

    def _act(self, where):
        n = len(self)
        if n % 6 == 4:
            self.buy(size=2)
        elif n % 6 == 0 and self.position:
            self.close()
        elif n % 6 == 2:
            self.buy(size=1, exectype=O.Limit,
                     price=self.data.open[0] if where == 'open'
                     else self.data.close[0])

    def _call(self, name):
        # indicators are only updated after the *_open calls: read sma in
        # next()/prenext() only
        row = [name, len(self), bar_dt(self.data), fl(self.data.open[0])]
        if not name.endswith('_open'):
            row.append(fl(self.sma[0]))
        self.calls.append(row)

    def prenext_open(self):
        self._call('prenext_open')

    def nextstart_open(self):
        self._call('nextstart_open')
        self.next_open()

    def next_open(self):
        self._call('next_open')
        if self.p.use_open:
            self._act('open')

    def prenext(self):
        self._call('prenext')

    def next(self):
        self._call('next')
        self.rec()
        if not self.p.use_open:
            self._act('close')

    def stop(self):
        self.out['calls'] = self.calls
        self.out['final'] = [self.broker.getcash(), self.broker.getvalue()]
        self.p.sink.update(self.out)


CASES = {
    'plain': (dict(), dict(), False),
    'coc_param': (dict(), dict(coc=True), False),
    'coc_setter': (dict(), 'set_coc', False),
    'cheat_on_open': (dict(cheat_on_open=True), dict(), True),
    'cheat_on_open_no_coo': (dict(cheat_on_open=True, broker_coo=False),
                             dict(), True),
    'coo_broker_only': (dict(), dict(coo=True), True),
}


def run(runonce, preload, exactbars):
    out = {}
    for name, (cer_kw, broker_kw, use_open) in CASES.items():
        sink = {}
        cer = cerebro(runonce, preload, exactbars, stdstats=False, **cer_kw)
        cer.adddata(btcsv(todate=datetime.datetime(2006, 2, 28)))
        cer.addstrategy(Cheater, sink=sink, use_open=use_open)
        cer.broker.setcash(100000.0)
        if broker_kw == 'set_coc':
            cer.broker.set_coc(True)
        elif broker_kw:
            cer.setbroker(bt.brokers.BackBroker(**broker_kw))
            cer.broker.setcash(100000.0)
        cer.run()
        out[name] = sink
    return out
