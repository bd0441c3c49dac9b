"""GenericCSVData: custom column order, separator, dtformat/tmformat with a
separate time column, nullvalue for empty fields, -1 (absent) columns,
epoch timestamps (dtformat=1) and a callable dtformat, fromdate/todate,
and the crypto CSV file with its own column names."""
import datetime

import backtrader as bt

from scenarios._feeds import run_feed
from scenarios._util import BTC, datapath

G = bt.feeds.GenericCSVData


def semicolon(**kw):
    return G(dataname=datapath('generic', 'day-semicolon.csv'),
             separator=';', dtformat='%d/%m/%Y', datetime=0, close=1,
             open=2, high=3, low=4, volume=5, openinterest=-1, **kw)


def split_time(**kw):
    return G(dataname=datapath('generic', 'min-split.csv'),
             dtformat='%Y%m%d', tmformat='%H%M%S', datetime=0, time=1,
             open=2, high=3, low=4, close=5, volume=6, openinterest=-1,
             timeframe=bt.TimeFrame.Minutes, compression=5, **kw)


def epoch(dtformat):
    return G(dataname=datapath('generic', 'btc-epoch.csv'),
             dtformat=dtformat, openinterest=-1)


CASES = {
    'semicolon_nullnan': lambda: semicolon(),
    'semicolon_null0': lambda: semicolon(nullvalue=0.0),
    'semicolon_dates': lambda: semicolon(
        fromdate=datetime.datetime(2006, 2, 1),
        todate=datetime.datetime(2006, 3, 15)),
    'split_time': lambda: split_time(),
    'split_time_window': lambda: split_time(
        fromdate=datetime.datetime(2006, 1, 3, 10, 0),
        todate=datetime.datetime(2006, 1, 3, 12, 0)),
    'epoch_seconds': lambda: epoch(1),
    'callable_dtformat': lambda: epoch(
        lambda x: datetime.datetime(1970, 1, 1) +
        datetime.timedelta(seconds=int(x))),
    'crypto': lambda: G(dataname=BTC, dtformat='%Y-%m-%d', openinterest=-1,
                        todate=datetime.datetime(2022, 7, 31)),
    'crypto_noheaders_skip': lambda: G(
        dataname=BTC, dtformat='%Y-%m-%d', openinterest=-1, volume=-1,
        fromdate=datetime.datetime(2023, 3, 1)),
}


def run(runonce, preload, exactbars):
    return {name: run_feed(make, runonce, preload, exactbars)
            for name, make in CASES.items()}
