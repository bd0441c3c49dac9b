"""Every execution type: Market, Close, Limit, Stop, StopLimit, StopTrail
(trailamount and trailpercent) and StopTrailLimit, with marketable and
non-marketable prices, on a 5-month slice of daily bars."""
import datetime

import backtrader as bt

from scenarios._util import btcsv, run_script

O = bt.Order


def c(s):
    return s.data.close[0]


SCRIPT = {
    3: lambda s: s.note('market', s.buy(size=1)),
    5: lambda s: s.note('close', s.buy(size=2, exectype=O.Close)),
    8: lambda s: s.note('limit', s.buy(size=3, exectype=O.Limit,
                                       price=c(s) * 0.995)),
    12: lambda s: s.note('stop', s.sell(size=2, exectype=O.Stop,
                                        price=c(s) * 0.99)),
    16: lambda s: s.note('stoplimit', s.buy(
        size=1, exectype=O.StopLimit, price=c(s) * 1.005,
        plimit=c(s) * 1.01)),
    20: lambda s: s.note('trail_amount', s.sell(
        size=1, exectype=O.StopTrail, trailamount=15.0)),
    30: lambda s: s.note('trail_percent', s.sell(
        size=1, exectype=O.StopTrail, trailpercent=0.01)),
    40: lambda s: s.note('trail_limit', s.buy(
        size=1, exectype=O.StopTrailLimit, trailamount=10.0,
        plimit=c(s) + 5.0)),
    50: lambda s: s.note('close_all', s.close()),
    55: lambda s: s.note('limit_marketable', s.buy(
        size=2, exectype=O.Limit, price=c(s) * 1.02)),
    60: lambda s: s.note('sell_limit_above', s.sell(
        size=2, exectype=O.Limit, price=c(s) * 1.005)),
    65: lambda s: s.note('stop_marketable', s.sell(
        size=1, exectype=O.Stop, price=c(s) * 1.02)),
    70: lambda s: s.note('stoplimit_sell', s.sell(
        size=1, exectype=O.StopLimit, price=c(s) * 0.998,
        plimit=c(s) * 0.995)),
    80: lambda s: s.note('trail_price', s.sell(
        size=1, exectype=O.StopTrail, price=c(s) - 30.0, trailamount=20.0)),
}


def run(runonce, preload, exactbars):
    data = btcsv(todate=datetime.datetime(2006, 5, 31))
    return run_script(SCRIPT, runonce, preload, exactbars, data=data)
