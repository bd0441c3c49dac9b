"""YahooFinanceCSVData: adjclose on/off, round/decimals, adjvolume,
roundvolume, swapcloses, reverse=True on a newest-first copy of the file,
fromdate/todate."""
import datetime

import backtrader as bt

from scenarios._feeds import run_feed
from scenarios._util import ORCL, YHOO, datapath

Y = bt.feeds.YahooFinanceCSVData
END = datetime.datetime(2014, 4, 30)

CASES = {
    'default': lambda: Y(dataname=ORCL, todate=END),
    'noadjclose': lambda: Y(dataname=ORCL, todate=END, adjclose=False),
    'noround': lambda: Y(dataname=ORCL, todate=END, round=False),
    'decimals4': lambda: Y(dataname=ORCL, todate=END, decimals=4),
    'noadjvolume': lambda: Y(dataname=ORCL, todate=END, adjvolume=False),
    'roundvolume': lambda: Y(dataname=ORCL, todate=END, roundvolume=True,
                             round=False),
    'swapcloses': lambda: Y(dataname=ORCL, todate=END, swapcloses=True),
    'yhoo': lambda: Y(dataname=YHOO, fromdate=datetime.datetime(2014, 6, 1),
                      todate=datetime.datetime(2014, 8, 31)),
    'reverse': lambda: Y(dataname=datapath('upstream',
                                           'yhoo-2014-reversed.txt'),
                         reverse=True, todate=END),
}


def run(runonce, preload, exactbars):
    return {name: run_feed(make, runonce, preload, exactbars)
            for name, make in CASES.items()}
