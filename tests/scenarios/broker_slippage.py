"""Slippage: slip_perc / slip_fixed combined with slip_open, slip_match,
slip_limit and slip_out, on Market, Close, Limit, Stop and StopLimit
orders."""
import datetime

import backtrader as bt

from scenarios._util import btcsv, run_script

O = bt.Order


def c(s):
    return s.data.close[0]


SCRIPT = {
    2: lambda s: s.note('market', s.buy(size=2)),
    4: lambda s: s.note('close', s.sell(size=1, exectype=O.Close)),
    6: lambda s: s.note('limit', s.buy(size=1, exectype=O.Limit,
                                       price=c(s) * 0.999)),
    9: lambda s: s.note('limit_high', s.buy(size=1, exectype=O.Limit,
                                            price=c(s) * 1.01)),
    12: lambda s: s.note('stop', s.sell(size=1, exectype=O.Stop,
                                        price=c(s) * 0.995)),
    15: lambda s: s.note('stop_gap', s.buy(size=1, exectype=O.Stop,
                                           price=c(s) * 0.99)),
    18: lambda s: s.note('stoplimit', s.buy(size=1, exectype=O.StopLimit,
                                            price=c(s) * 1.002,
                                            plimit=c(s) * 1.004)),
    22: lambda s: s.note('close_pos', s.close()),
}

CASES = {
    'perc': dict(slip_perc=0.01),
    'perc_open': dict(slip_perc=0.01, slip_open=True),
    'perc_nomatch': dict(slip_perc=0.01, slip_match=False),
    'perc_nolimit': dict(slip_perc=0.005, slip_limit=False),
    'perc_out': dict(slip_perc=0.01, slip_out=True, slip_match=False),
    'fixed': dict(slip_fixed=5.0),
    'fixed_open_out': dict(slip_fixed=40.0, slip_open=True, slip_out=True),
    'fixed_nomatch': dict(slip_fixed=40.0, slip_match=False),
}


def setup_for(kwargs):
    def setup(cer):
        if 'slip_perc' in kwargs:
            cer.broker.set_slippage_perc(
                perc=kwargs['slip_perc'],
                slip_open=kwargs.get('slip_open', False),
                slip_limit=kwargs.get('slip_limit', True),
                slip_match=kwargs.get('slip_match', True),
                slip_out=kwargs.get('slip_out', False))
        else:
            cer.broker.set_slippage_fixed(
                fixed=kwargs['slip_fixed'],
                slip_open=kwargs.get('slip_open', False),
                slip_limit=kwargs.get('slip_limit', True),
                slip_match=kwargs.get('slip_match', True),
                slip_out=kwargs.get('slip_out', False))
    return setup


def run(runonce, preload, exactbars):
    out = {}
    for name, kwargs in CASES.items():
        data = btcsv(todate=datetime.datetime(2006, 2, 10))
        res = run_script(SCRIPT, runonce, preload, exactbars, data=data,
                         setup=setup_for(kwargs), stdstats=False)
        out[name] = {'orders': res['orders'], 'trades': res['trades'],
                     'final': res['final']}
    # the same via BackBroker params
    data = btcsv(todate=datetime.datetime(2006, 2, 10))
    res = run_script(SCRIPT, runonce, preload, exactbars, data=data,
                     setup=lambda cer: cer.broker.set_slippage_perc(0.02),
                     stdstats=False)
    out['perc2_bars'] = res['bars']
    return out
