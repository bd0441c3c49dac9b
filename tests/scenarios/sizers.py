"""Sizers: FixedSize, FixedReverser, PercentSizer, AllInSizer,
PercentSizerInt, AllInSizerInt, FixedSizeTarget, a user Sizer subclass;
addsizer, addsizer_byidx, setsizer/getsizer and getsizing."""
import datetime

import backtrader as bt

from scenarios._util import btcsv, cerebro, DAY2, LogStrategy


class HalfCash(bt.Sizer):
    params = (('frac', 0.5),)

    def _getsizing(self, comminfo, cash, data, isbuy):
        return int(cash * self.p.frac / data.close[0]) * (1 if isbuy else 2)


class Flip(LogStrategy):
    params = (('sink', None),)

    def next(self):
        self.rec(sizing=[self.getsizing(data=d) for d in self.datas],
                 sizing_sell=self.getsizing(isbuy=False))
        n = len(self)
        if n in (3, 12, 21):
            for d in self.datas:
                self.buy(data=d)
        elif n in (6, 15):
            for d in self.datas:
                self.sell(data=d)
        elif n == 9:
            self.sell()
        elif n == 24:
            for d in self.datas:
                self.close(data=d)

    def stop(self):
        self.out['sizer'] = type(self.getsizer()).__name__
        self.p.sink.update(self.out)


CASES = {
    'default': None,
    'FixedSize': (bt.sizers.FixedSize, dict(stake=3)),
    'SizerFix': (bt.sizers.SizerFix, dict(stake=2)),
    'FixedReverser': (bt.sizers.FixedReverser, dict(stake=2)),
    'PercentSizer': (bt.sizers.PercentSizer, dict(percents=20)),
    'AllInSizer': (bt.sizers.AllInSizer, dict()),
    'PercentSizerInt': (bt.sizers.PercentSizerInt, dict(percents=33)),
    'AllInSizerInt': (bt.sizers.AllInSizerInt, dict(percents=50)),
    'FixedSizeTarget': (bt.sizers.FixedSizeTarget, dict(stake=4)),
    'user': (HalfCash, dict(frac=0.25)),
}


def one(runonce, preload, exactbars, setup, two=False):
    sink = {}
    cer = cerebro(runonce, preload, exactbars, stdstats=False)
    end = datetime.datetime(2006, 2, 15)
    cer.adddata(btcsv(todate=end))
    if two:
        cer.adddata(btcsv(DAY2, todate=end))
    cer.addstrategy(Flip, sink=sink)
    cer.broker.setcash(100000.0)
    cer.broker.setcommission(commission=0.001)
    setup(cer)
    cer.run()
    return sink


def run(runonce, preload, exactbars):
    out = {}
    for name, spec in CASES.items():
        def setup(cer, spec=spec):
            if spec is not None:
                cer.addsizer(spec[0], **spec[1])
        out[name] = one(runonce, preload, exactbars, setup)
    return out
