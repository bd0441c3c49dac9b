"""Signal strategies: cerebro.add_signal with every signal type,
signal_accumulate/signal_concurrent, SignalStrategy subclass with
signal_add, and an exit signal."""
import datetime

import backtrader as bt

from scenarios._util import btcsv, cerebro, LogStrategy

END = datetime.datetime(2006, 4, 30)


class CrossSig(bt.Indicator):
    lines = ('signal',)
    params = (('fast', 5), ('slow', 15))

    def __init__(self):
        self.lines.signal = bt.ind.SMA(period=self.p.fast) - \
            bt.ind.SMA(period=self.p.slow)


class CloseSig(bt.Indicator):
    lines = ('signal',)

    def __init__(self):
        self.lines.signal = self.data.close - bt.ind.SMA(period=8)


class Logger(bt.SignalStrategy):
    """SignalStrategy that also logs orders/trades like LogStrategy."""
    params = (('sink', None),)

    notify_order = LogStrategy.notify_order
    notify_trade = LogStrategy.notify_trade
    _stamp = LogStrategy._stamp
    rec = LogStrategy.rec

    def __init__(self):
        from scenarios._util import Refs
        self.refs = Refs()
        self.out = {'bars': [], 'orders': [], 'trades': []}
        super().__init__()

    def stop(self):
        self.out['final'] = [self.broker.getcash(), self.broker.getvalue(),
                             self.position.size]
        del self.out['bars']
        self.p.sink.update(self.out)


class OwnSignals(Logger):
    def __init__(self):
        super().__init__()
        self.signal_add(bt.SIGNAL_LONGSHORT, CrossSig(fast=3, slow=10))


S = bt.signal

CASES = {
    'longshort': [(bt.SIGNAL_LONGSHORT, CrossSig)],
    'long': [(bt.SIGNAL_LONG, CrossSig)],
    'short': [(bt.SIGNAL_SHORT, CrossSig)],
    'long_inv': [(bt.SIGNAL_LONG_INV, CrossSig)],
    'long_any': [(bt.SIGNAL_LONG_ANY, CrossSig)],
    'long_exit': [(bt.SIGNAL_LONG, CrossSig),
                  (bt.SIGNAL_LONGEXIT, CloseSig)],
    'short_exit': [(bt.SIGNAL_SHORT, CrossSig),
                   (bt.SIGNAL_SHORTEXIT, CloseSig)],
    'two_longs': [(bt.SIGNAL_LONG, CrossSig), (bt.SIGNAL_LONG, CloseSig)],
}


def one(runonce, preload, exactbars, signals, strategy=Logger,
        accumulate=False, concurrent=False):
    sink = {}
    cer = cerebro(runonce, preload, exactbars, stdstats=False)
    cer.adddata(btcsv(todate=END))
    for kind, ind in signals:
        cer.add_signal(kind, ind)
    if signals:
        cer.signal_strategy(strategy, sink=sink)
    else:
        cer.addstrategy(strategy, sink=sink)
    cer.signal_accumulate(accumulate)
    cer.signal_concurrent(concurrent)
    cer.addsizer(bt.sizers.FixedSize, stake=2)
    cer.broker.setcash(100000.0)
    cer.run()
    return sink


def run(runonce, preload, exactbars):
    out = {name: one(runonce, preload, exactbars, sigs)
           for name, sigs in CASES.items()}
    out['accumulate'] = one(runonce, preload, exactbars,
                            [(bt.SIGNAL_LONG, CrossSig)], accumulate=True)
    out['concurrent'] = one(runonce, preload, exactbars,
                            [(bt.SIGNAL_LONG, CloseSig)], concurrent=True)
    out['own'] = one(runonce, preload, exactbars, [], strategy=OwnSignals)
    return out
