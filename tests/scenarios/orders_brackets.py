"""Bracket orders: buy_bracket/sell_bracket with default and custom
exectypes, no limit side, a trailing stop side, and a manual parent/children
chain built with transmit=False."""
import datetime

import backtrader as bt

from scenarios._util import btcsv, run_script

O = bt.Order


def c(s):
    return s.data.close[0]


def manual(s):
    main = s.buy(size=2, exectype=O.Limit, price=c(s) * 0.998,
                 transmit=False)
    stop = s.sell(size=2, exectype=O.Stop, price=c(s) * 0.97, parent=main,
                  transmit=False)
    limit = s.sell(size=2, exectype=O.Limit, price=c(s) * 1.02, parent=main,
                   transmit=True)
    s.note('manual', [main, stop, limit])


SCRIPT = {
    5: lambda s: s.note('buy_bracket', s.buy_bracket(
        size=2, price=c(s) * 0.995, stopprice=c(s) * 0.97,
        limitprice=c(s) * 1.03)),
    40: lambda s: s.note('sell_bracket_market', s.sell_bracket(
        size=1, exectype=O.Market, stopprice=c(s) * 1.03,
        limitprice=c(s) * 0.97)),
    70: lambda s: s.note('bracket_trail', s.buy_bracket(
        size=1, exectype=O.Market, stopexec=O.StopTrail,
        stopargs=dict(trailamount=30.0), limitexec=None)),
    100: manual,
    130: lambda s: s.note('bracket_stoplimit', s.buy_bracket(
        size=1, price=c(s), stopprice=c(s) * 0.98,
        stopexec=O.StopLimit, stopargs=dict(plimit=c(s) * 0.975),
        limitprice=c(s) * 1.01)),
    160: lambda s: s.note('close', s.close()),
}


def run(runonce, preload, exactbars):
    data = btcsv(todate=datetime.datetime(2006, 9, 30))
    return run_script(SCRIPT, runonce, preload, exactbars, data=data)
