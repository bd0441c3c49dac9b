"""One-cancels-other groups of limit/stop orders, buy and sell side."""
import datetime

import backtrader as bt

from scenarios._util import btcsv, run_script

O = bt.Order


def group(s, side, prices, exectypes):
    first = None
    for i, (p, ex) in enumerate(zip(prices, exectypes)):
        o = side(exectype=ex, price=s.data.close[0] * p, oco=first)
        s.note('oco%d' % i, o)
        first = first or o


SCRIPT = {
    5: lambda s: group(s, s.buy, (0.99, 1.01, 0.98),
                       (O.Limit, O.Stop, O.Limit)),
    30: lambda s: group(s, s.sell, (1.01, 0.985),
                        (O.Limit, O.Stop)),
    60: lambda s: s.note('close', s.close()),
}


def run(runonce, preload, exactbars):
    data = btcsv(todate=datetime.datetime(2006, 4, 30))
    return run_script(SCRIPT, runonce, preload, exactbars, data=data)
