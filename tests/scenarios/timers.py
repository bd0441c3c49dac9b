"""Timers: add_timer at SESSION_START/SESSION_END and at a time of day,
weekdays, monthdays with monthcarry, offset/repeat on minute data, cheat
timers, extra args/kwargs, and orders placed from notify_timer."""
import datetime

import backtrader as bt

from scenarios._util import bar_dt, btcsv, cerebro, datapath, fl


class Timed(bt.Strategy):
    params = (('sink', None), ('specs', ()), ('trade', False))

    def __init__(self):
        self.calls = []
        for kw in self.p.specs:
            self.add_timer(**kw)

    def notify_timer(self, timer, when, *args, **kwargs):
        self.calls.append([len(self), bar_dt(self.data), when.isoformat(),
                           list(args), kwargs, fl(self.data.close[0])])
        if self.p.trade:
            self.order_target_size(target=1 if self.position.size <= 0
                                   else 0)

    def next(self):
        pass

    def stop(self):
        self.p.sink['calls'] = self.calls
        self.p.sink['value'] = self.broker.getvalue()


T = bt.timer

DAILY = {
    'session_start': [dict(when=T.SESSION_START)],
    'session_end': [dict(when=T.SESSION_END)],
    'weekdays': [dict(when=T.SESSION_START, weekdays=[1, 3])],
    'weekdays_carry': [dict(when=T.SESSION_START, weekdays=[6],
                            weekcarry=True)],
    'monthdays': [dict(when=T.SESSION_START, monthdays=[1, 15, 31],
                       monthcarry=True)],
    'monthdays_nocarry': [dict(when=T.SESSION_START, monthdays=[1, 15],
                               monthcarry=False)],
    'args': [dict(when=T.SESSION_END, weekdays=[5], tname='fri')],
    'two_timers': [dict(when=T.SESSION_START, weekdays=[1]),
                   dict(when=T.SESSION_END, weekdays=[1, 2])],
    'cheat': [dict(when=T.SESSION_START, monthdays=[1], cheat=True)],
}

MINUTES = {
    'time_of_day': [dict(when=datetime.time(11, 0))],
    'repeat': [dict(when=datetime.time(10, 0),
                    repeat=datetime.timedelta(minutes=45))],
    'offset': [dict(when=datetime.time(10, 0),
                    offset=datetime.timedelta(minutes=20))],
    'session_start_min': [dict(when=T.SESSION_START)],
}


def minutes():
    return bt.feeds.GenericCSVData(
        dataname=datapath('generic', 'min-split.csv'), dtformat='%Y%m%d',
        tmformat='%H%M%S', datetime=0, time=1, open=2, high=3, low=4,
        close=5, volume=6, openinterest=-1, timeframe=bt.TimeFrame.Minutes,
        compression=5, sessionstart=datetime.time(9, 0),
        sessionend=datetime.time(17, 30))


def one(runonce, preload, exactbars, data, specs, trade=False, **kw):
    sink = {}
    cer = cerebro(runonce, preload, exactbars, stdstats=False, **kw)
    cer.adddata(data)
    cer.addstrategy(Timed, sink=sink, specs=specs, trade=trade)
    cer.broker.setcash(100000.0)
    cer.run()
    return sink


def run(runonce, preload, exactbars):
    end = datetime.datetime(2006, 4, 30)
    out = {}
    for name, specs in DAILY.items():
        out[name] = one(runonce, preload, exactbars, btcsv(todate=end),
                        specs, trade=(name == 'monthdays'))
    out['cheat_on_open'] = one(runonce, preload, exactbars,
                               btcsv(todate=end), DAILY['cheat'],
                               trade=True, cheat_on_open=True)
    for name, specs in MINUTES.items():
        out[name] = one(runonce, preload, exactbars, minutes(), specs)
    return out
