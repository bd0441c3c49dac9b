"""Feed options and date helpers: sessionstart/sessionend, name=,
fromdate/todate, a weekly file, tz/tzinput (pytz-style tzinfo written by
the user: upstream needs .localize), cerebro tz=, datetime(0, naive=False),
and bt.date2num/num2date/time2num/num2time round trips."""
import datetime

import backtrader as bt

from scenarios._feeds import FeedLog, run_feed
from scenarios._util import btcsv, cerebro, datapath, WEEK1

TF = bt.TimeFrame


class FixedTZ(datetime.tzinfo):
    """Fixed-offset zone with the pytz methods backtrader calls."""

    def __init__(self, hours, name):
        self.off = datetime.timedelta(hours=hours)
        self.label = name

    def utcoffset(self, dt):
        return self.off

    def dst(self, dt):
        return datetime.timedelta(0)

    def tzname(self, dt):
        return self.label

    def localize(self, dt):
        return dt.replace(tzinfo=self)

    def normalize(self, dt):
        return dt.astimezone(self)


class TZLog(FeedLog):
    def next(self):
        super().next()
        d = self.data
        self.p.sink['bars'][-1].extend([
            d.datetime.datetime(0, naive=False).isoformat(),
            d.datetime.datetime(0, tz=FixedTZ(-3, 'M3')).isoformat()])


def minutes(**kw):
    return bt.feeds.GenericCSVData(
        dataname=datapath('generic', 'min-split.csv'), dtformat='%Y%m%d',
        tmformat='%H%M%S', datetime=0, time=1, open=2, high=3, low=4,
        close=5, volume=6, openinterest=-1, timeframe=TF.Minutes,
        compression=5, **kw)


def tz_run(make, runonce, preload, exactbars, **cer_kw):
    sink = {}
    cer = cerebro(runonce, preload, exactbars, stdstats=False, **cer_kw)
    cer.adddata(make())
    cer.addstrategy(TZLog, sink=sink)
    cer.run()
    return sink


CASES = {
    'session_daily': lambda: btcsv(sessionstart=datetime.time(9, 30),
                                   sessionend=datetime.time(16, 0),
                                   todate=datetime.datetime(2006, 2, 28)),
    'named': lambda: btcsv(name='custom',
                           todate=datetime.datetime(2006, 2, 1)),
    'dates': lambda: btcsv(fromdate=datetime.datetime(2006, 6, 1),
                           todate=datetime.datetime(2006, 6, 30, 12)),
    'date_objects': lambda: btcsv(fromdate=datetime.date(2006, 11, 1),
                                  todate=datetime.date(2006, 11, 15)),
    'weekly': lambda: btcsv(WEEK1, timeframe=TF.Weeks),
    'minutes_session': lambda: minutes(sessionstart=datetime.time(10, 0),
                                       sessionend=datetime.time(15, 0)),
}

TZ_CASES = {
    'tz_data': (lambda: minutes(tz=FixedTZ(2, 'P2')), {}),
    'tz_input': (lambda: minutes(tzinput=FixedTZ(-5, 'M5'),
                                 tz=FixedTZ(1, 'P1')), {}),
    'tz_cerebro': (lambda: minutes(), dict(tz=FixedTZ(3, 'P3'))),
    'tz_cerebro_and_data': (lambda: minutes(tz=FixedTZ(2, 'P2')),
                            dict(tz=FixedTZ(-1, 'M1'))),
}


def conversions():
    out = []
    for dt in (datetime.datetime(2006, 1, 2), datetime.datetime(2006, 1, 2,
                                                                23, 59, 59,
                                                                999989),
               datetime.datetime(2022, 4, 6, 13, 45, 30, 123456),
               datetime.datetime(1970, 1, 1), datetime.datetime(2099, 12, 31,
                                                                 23, 59)):
        num = bt.date2num(dt)
        out.append([dt.isoformat(), num, bt.num2date(num).isoformat(),
                    bt.num2date(num, tz=FixedTZ(2, 'P2')).isoformat(),
                    bt.num2date(num, naive=False).isoformat(),
                    bt.time2num(dt.time()),
                    bt.num2time(num).isoformat()])
    aware = datetime.datetime(2006, 1, 2, 12, tzinfo=FixedTZ(2, 'P2'))
    out.append(['aware', bt.date2num(aware), bt.date2num(aware, tz=None)])
    return out


def run(runonce, preload, exactbars):
    out = {name: run_feed(make, runonce, preload, exactbars)
           for name, make in CASES.items()}
    for name, (make, cer_kw) in TZ_CASES.items():
        out[name] = tz_run(make, runonce, preload, exactbars, **cer_kw)
    out['conversions'] = conversions()
    return out
