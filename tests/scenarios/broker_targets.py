"""order_target_size/value/percent, position accessors (position,
getposition, getpositionbyname, getpositions, broker.getposition) and
trade.history with tradehistory=True."""
import datetime

from scenarios._util import btcsv, cerebro, history_snap, LogStrategy

TARGETS = {
    3: ('size', 5), 6: ('size', 2), 9: ('size', -3), 12: ('value', 20000.0),
    15: ('value', -7500.0), 18: ('percent', 0.3), 21: ('percent', 0.1),
    24: ('percent', -0.2), 27: ('size', 0), 30: ('value', 3000.0),
    33: ('percent', 0.0),
}


class Targets(LogStrategy):
    params = (('sink', None),)

    def __init__(self):
        super().__init__()
        self.returned = []
        self.histories = []

    def notify_trade(self, trade):
        super().notify_trade(trade)
        self.histories.append(history_snap(trade, self.refs))

    def next(self):
        pos = self.position
        gp = self.getposition(self.data)
        byname = self.getpositionbyname('main')
        bpos = self.broker.getposition(self.data)
        self.rec(positions=[[pos.size, pos.price], [gp.size, gp.price],
                            [byname.size, byname.price],
                            [bpos.size, bpos.price]],
                 npos=len(self.getpositions()), bool_pos=bool(pos))
        kind, target = TARGETS.get(len(self), (None, None))
        if kind is None:
            return
        fn = getattr(self, 'order_target_' + kind)
        order = fn(target=target)
        self.returned.append([len(self), kind, target,
                              None if order is None
                              else self.refs('order', order.ref)])

    def stop(self):
        self.out['returned'] = self.returned
        self.out['histories'] = self.histories
        self.p.sink.update(self.out)


def run(runonce, preload, exactbars):
    sink = {}
    cer = cerebro(runonce, preload, exactbars, stdstats=False,
                  tradehistory=True)
    cer.adddata(btcsv(todate=datetime.datetime(2006, 2, 28)), name='main')
    cer.addstrategy(Targets, sink=sink)
    cer.broker.setcash(50000.0)
    cer.broker.setcommission(commission=0.001)
    cer.run()
    return sink
