"""Data filters added with data.addfilter: HeikinAshi, SessionFilter on
minute bars, and a user-written filter that drops bars (returns True) and
edits bars.  Renko is in filters_renko*.py (upstream fails with exactbars=1,
and with autosize also without preload); CalendarDays raises TypeError in
upstream in every mode and is not covered."""
import datetime

import backtrader as bt

from scenarios._feeds import FeedLog
from scenarios._util import btcsv, cerebro, datapath


class DropMondays(object):
    """User filter: remove Monday bars, scale volume of the others."""

    def __init__(self, data):
        pass

    def __call__(self, data):
        if data.datetime.date(0).weekday() == 0:
            data.backwards()
            return True
        data.volume[0] = 1000.0 + len(data)
        return False


def minutes(**kw):
    return bt.feeds.GenericCSVData(
        dataname=datapath('generic', 'min-split.csv'), dtformat='%Y%m%d',
        tmformat='%H%M%S', datetime=0, time=1, open=2, high=3, low=4,
        close=5, volume=6, openinterest=-1, timeframe=bt.TimeFrame.Minutes,
        compression=5, **kw)


def daily():
    return btcsv(todate=datetime.datetime(2006, 3, 31))


CASES = {
    'heikinashi': (daily, [(bt.filters.HeikinAshi, {})]),
    'session': (lambda: minutes(sessionstart=datetime.time(10, 0),
                                sessionend=datetime.time(12, 0)),
                [(bt.filters.SessionFilter, {})]),
    'user': (daily, [(DropMondays, {})]),
}


def run(runonce, preload, exactbars, cases=None):
    out = {}
    for name, (make, filters) in (cases or CASES).items():
        sink = {}
        data = make()
        for cls, kw in filters:
            data.addfilter(cls, **kw)
        cer = cerebro(runonce, preload, exactbars, stdstats=False)
        cer.adddata(data)
        cer.addstrategy(FeedLog, sink=sink)
        cer.run()
        out[name] = sink
    return out
