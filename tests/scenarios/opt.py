"""optstrategy over a small grid with maxcpus=1 and 2 and optreturn
True/False: per-run params, analyzer results, optcallback calls, and the
shape of what cerebro.run() returns.  maxcpus=2 runs only in the
exactbars=0 modes to keep the suite fast."""
import datetime

import backtrader as bt

from scenarios._util import btcsv, cerebro, jsonable


class Final(bt.Analyzer):
    """User analyzer: final broker cash/value and number of bars."""

    def start(self):
        self.bars = 0

    def next(self):
        self.bars += 1

    def stop(self):
        self.rets['value'] = self.strategy.broker.getvalue()
        self.rets['cash'] = self.strategy.broker.getcash()
        self.rets['bars'] = self.bars


class OptStrat(bt.Strategy):
    params = (('fast', 3), ('slow', 10), ('stake', 1))

    def __init__(self):
        self.cross = bt.ind.CrossOver(bt.ind.SMA(period=self.p.fast),
                                      bt.ind.SMA(period=self.p.slow))

    def next(self):
        if self.cross > 0:
            self.order_target_size(target=self.p.stake)
        elif self.cross < 0:
            self.order_target_size(target=-self.p.stake)


def summary(strat):
    return {
        'type': 'OptReturn' if isinstance(strat, bt.OptReturn)
        else type(strat).__name__,
        'params': [strat.p.fast, strat.p.slow, strat.p.stake],
        'final': jsonable(strat.analyzers.final.get_analysis()),
        'ta': jsonable(strat.analyzers.ta.get_analysis()),
    }


_CALLS = []


def record_call(strats):
    """optcallback; module level because maxcpus>1 pickles cerebro."""
    _CALLS.append([[s.p.fast, s.p.slow] for s in strats])


def one(runonce, preload, exactbars, maxcpus, optreturn):
    del _CALLS[:]
    cer = cerebro(runonce, preload, exactbars, maxcpus=maxcpus,
                  optreturn=optreturn, stdstats=False)
    cer.adddata(btcsv(todate=datetime.datetime(2006, 5, 31)))
    cer.optstrategy(OptStrat, fast=(3, 5), slow=[10, 15], stake=2)
    cer.addanalyzer(Final, _name='final')
    cer.addanalyzer(bt.analyzers.TradeAnalyzer, _name='ta')
    cer.optcallback(record_call)
    results = cer.run()
    return {
        'n': len(results),
        'shape': [len(r) for r in results],
        'runs': [summary(r[0]) for r in results],
        'callbacks': list(_CALLS),
    }


def run(runonce, preload, exactbars):
    out = {
        'cpu1_optreturn': one(runonce, preload, exactbars, 1, True),
        'cpu1_full': one(runonce, preload, exactbars, 1, False),
    }
    if exactbars == 0:  # worker processes are slow to start: 4 modes only
        out['cpu2_optreturn'] = one(runonce, preload, exactbars, 2, True)
        out['cpu2_full'] = one(runonce, preload, exactbars, 2, False)
    return out
