"""Credit interest on short (and with interest_long, long) positions, for
stock-like and futures-like commission schemes."""
import datetime

from scenarios._util import btcsv, cerebro, LogStrategy


class Pos(LogStrategy):
    params = (('sink', None),)

    def next(self):
        self.rec()
        n = len(self)
        if n == 2:
            self.sell(size=3)
        elif n == 12:
            self.close()
        elif n == 15:
            self.buy(size=2)
        elif n == 25:
            self.close()

    def stop(self):
        self.p.sink.update(self.out)


CASES = {
    'short_only': dict(commission=0.001, interest=0.05),
    'long_too': dict(commission=0.001, interest=0.05, interest_long=True),
    'futures': dict(commission=2.0, margin=1000.0, mult=10.0,
                    interest=0.1, interest_long=True),
}


def run(runonce, preload, exactbars):
    out = {}
    for name, kwargs in CASES.items():
        sink = {}
        cer = cerebro(runonce, preload, exactbars, stdstats=False)
        cer.adddata(btcsv(todate=datetime.datetime(2006, 2, 15)))
        cer.addstrategy(Pos, sink=sink)
        cer.broker.setcash(100000.0)
        cer.broker.setcommission(**kwargs)
        if name == 'futures':
            cer.broker.set_int2pnl(False)
        cer.run()
        out[name] = sink
    return out
