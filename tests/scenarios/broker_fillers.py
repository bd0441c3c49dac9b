"""Volume fillers and partial fills: FixedSize, FixedBarPerc, BarPointPerc,
plus the default (no filler) for reference, on Yahoo data with volume."""
import datetime

import backtrader as bt

from scenarios._util import YHOO, run_script

O = bt.Order


def c(s):
    return s.data.close[0]


def script(big):
    return {
        2: lambda s: s.note('market', s.buy(size=big)),
        8: lambda s: s.note('limit', s.sell(size=big, exectype=O.Limit,
                                            price=c(s) * 0.999)),
        14: lambda s: s.note('close_type', s.buy(size=big // 2,
                                                 exectype=O.Close)),
        20: lambda s: s.note('close', s.close()),
    }


CASES = {
    'none': (None, 10),
    'fixedsize': (bt.fillers.FixedSize(size=3), 10),
    'fixedsize_default': (bt.fillers.FixedSize(), 10),
    'fixedbarperc': (bt.fillers.FixedBarPerc(perc=0.002), 1000),
    'barpointperc': (bt.fillers.BarPointPerc(minmov=0.01, perc=0.05), 1000),
}


def run(runonce, preload, exactbars):
    out = {}
    for name, (filler, big) in CASES.items():
        data = bt.feeds.YahooFinanceCSVData(
            dataname=YHOO, todate=datetime.datetime(2014, 2, 28))

        def setup(cer, filler=filler):
            cer.broker.setcash(1000000.0)
            if filler is not None:
                cer.broker.set_filler(filler)
        res = run_script(script(big), runonce, preload, exactbars,
                         data=data, setup=setup, stdstats=False)
        out[name] = {'orders': res['orders'], 'trades': res['trades'],
                     'final': res['final'],
                     'pos': [b['pos'] for b in res['bars']]}
    return out
