"""Order validity: date, datetime, timedelta, DAY (0), GTC (None) and cancel,
including cancelling an already completed order."""
import datetime

import backtrader as bt

from scenarios._util import btcsv, run_script

O = bt.Order
FAR = 0.95  # limit far below the market: never fills


def low(s):
    return s.data.close[0] * FAR


def keep(s, key, order):
    s.keep[key] = order
    return s.note(key, order)


SCRIPT = {
    4: lambda s: s.note('valid_date', s.buy(
        exectype=O.Limit, price=low(s),
        valid=s.data.datetime.date(0) + datetime.timedelta(days=5))),
    5: lambda s: s.note('valid_datetime', s.buy(
        exectype=O.Limit, price=low(s),
        valid=datetime.datetime(2006, 1, 20, 12, 0))),
    6: lambda s: s.note('valid_timedelta', s.buy(
        exectype=O.Limit, price=low(s), valid=datetime.timedelta(days=3))),
    7: lambda s: s.note('valid_day', s.buy(
        exectype=O.Limit, price=low(s), valid=O.DAY)),
    8: lambda s: keep(s, 'gtc', s.buy(exectype=O.Limit, price=low(s),
                                      valid=None)),
    9: lambda s: s.note('valid_zero', s.sell(
        exectype=O.Stop, price=low(s), valid=0)),
    10: lambda s: keep(s, 'filled', s.buy(size=1)),
    20: lambda s: [s.event('cancel_gtc', s.cancel(s.keep['gtc'])),
                   s.event('cancel_filled', s.cancel(s.keep['filled']))],
    25: lambda s: keep(s, 'cancel_same_bar', s.sell(
        exectype=O.Limit, price=s.data.close[0] * 1.1)),
    26: lambda s: s.event('cancel', s.cancel(s.keep['cancel_same_bar'])),
    30: lambda s: keep(s, 'broker_cancel', s.buy(exectype=O.Limit,
                                                 price=low(s))),
    31: lambda s: s.event('broker_cancel',
                          s.broker.cancel(s.keep['broker_cancel'])),
    32: lambda s: s.event('cancel_again',
                          s.broker.cancel(s.keep['broker_cancel'])),
}


def run(runonce, preload, exactbars):
    data = btcsv(todate=datetime.datetime(2006, 3, 15))
    return run_script(SCRIPT, runonce, preload, exactbars, data=data)
