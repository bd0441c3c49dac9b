"""The data feed API the engine and users call: names, parameters and the
contracts of next/load/advance/rewind/_check/_tick_fill.

The expected values are those upstream backtrader 1.9.78.123 gives: this
file passes unchanged under upstream (``cd tests && /tmp/upstream/bin/python
-m pytest test_feed_api.py``), which is how they were checked -- except the
last two tests: upstream needs pytz for zone names and its online Yahoo feed
fails with a bare ``Exception``.
"""
from __future__ import annotations

import collections
import datetime
import io
import math
import os

import pytest

import backtrader as bt
from backtrader import feed
from backtrader.utils.date import date2num, num2date

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, 'data', 'upstream')
DAY1 = os.path.join(DATA, '2006-day-001.txt')
DAY2 = os.path.join(DATA, '2006-day-002.txt')
TF = bt.TimeFrame


def _started(data):
    data.setenvironment(bt.Cerebro())
    data._start()
    return data


def _day(path=DAY1, **kwargs):
    return _started(bt.feeds.BacktraderCSVData(dataname=path, **kwargs))


# --- names and parameters --------------------------------------------------------
def test_timeframe_names():
    assert (TF.Ticks, TF.MicroSeconds, TF.Seconds, TF.Minutes, TF.Days, TF.Weeks,
            TF.Months, TF.Years, TF.NoTimeFrame) == tuple(range(1, 10))
    assert TF.Names == ['', 'Ticks', 'MicroSeconds', 'Seconds', 'Minutes', 'Days',
                        'Weeks', 'Months', 'Years', 'NoTimeFrame']
    assert TF.names is TF.Names
    assert TF.getname(TF.Days, 1) == 'Day'
    assert TF.getname(TF.Days, 2) == 'Days'
    assert TF.getname(TF.NoTimeFrame, 1) == 'NoTimeFrame'
    assert TF.TFrame('Minutes') == TF.Minutes
    assert TF.TName(TF.Weeks) == 'Weeks'


def test_line_order_and_constants():
    assert bt.OHLC.lines.getlinealiases() == (
        'close', 'low', 'high', 'open', 'volume', 'openinterest')
    assert bt.OHLCDateTime.lines.getlinealiases() == (
        'close', 'low', 'high', 'open', 'volume', 'openinterest', 'datetime')
    assert bt.DataSeries.lines.getlinealiases() == ()
    ds = bt.DataSeries
    assert (ds.Close, ds.Low, ds.High, ds.Open, ds.Volume, ds.OpenInterest,
            ds.DateTime) == tuple(range(7))
    assert ds.LineOrder == [6, 3, 2, 1, 0, 4, 5]
    assert bt.feeds.YahooFinanceCSVData.lines.getlinealiases()[-1] == 'adjclose'


def test_database_params():
    assert feed.AbstractDataBase.params._gettuple() == (
        ('dataname', None), ('name', ''), ('compression', 1), ('timeframe', TF.Days),
        ('fromdate', None), ('todate', None), ('sessionstart', None),
        ('sessionend', None), ('filters', []), ('tz', None), ('tzinput', None),
        ('qcheck', 0.0), ('calendar', None))
    keys = list(bt.feeds.GenericCSVData.params._getkeys())
    assert keys[-13:] == ['headers', 'separator', 'nullvalue', 'dtformat', 'tmformat',
                          'datetime', 'time', 'open', 'high', 'low', 'close', 'volume',
                          'openinterest']
    assert bt.Resampler.params._gettuple() == (
        ('bar2edge', True), ('adjbartime', True), ('rightedge', True), ('boundoff', 0),
        ('timeframe', TF.Days), ('compression', 1), ('takelate', True), ('sessionend', True))
    assert bt.Replayer.params.adjbartime is False
    assert bt.ResamplerWeekly.params.timeframe == TF.Weeks
    assert bt.ReplayerMonthly.params.timeframe == TF.Months


def test_status_constants():
    base = feed.AbstractDataBase
    assert (base.CONNECTED, base.DISCONNECTED, base.CONNBROKEN, base.DELAYED, base.LIVE,
            base.NOTSUBSCRIBED, base.NOTSUPPORTED_TF, base.UNKNOWN) == tuple(range(8))
    assert base._getstatusname(base.DELAYED) == 'DELAYED'
    assert base._getstatusname(base.NOTSUPPORTED_TF) == 'NOTSUPPORTED_TIMEFRAME'


def test_construction_normalises_params():
    data = bt.feeds.BacktraderCSVData(
        dataname=DAY1, fromdate=datetime.date(2006, 2, 1), todate=datetime.date(2006, 3, 1),
        sessionstart=datetime.datetime(2000, 1, 1, 9, 30))
    assert data._name == '2006-day-001'
    assert data._dataname == DAY1
    assert (data._timeframe, data._compression) == (TF.Days, 1)
    assert data.p.sessionstart == datetime.time(9, 30)
    assert data.p.sessionend == datetime.time(23, 59, 59, 999990)
    assert data.p.fromdate == datetime.datetime(2006, 2, 1, 9, 30)
    assert data.p.todate == datetime.datetime(2006, 3, 1, 23, 59, 59, 999990)
    assert (data.resampling, data.replaying, data._compensate) == (0, 0, None)
    named = bt.feeds.BacktraderCSVData(dataname=DAY1, name='spx')
    assert named._name == 'spx'
    assert 'BacktraderCSVData' in feed.AbstractDataBase._indcol
    assert 'DataBase' not in feed.AbstractDataBase._indcol


def test_start_resolves_bounds_and_session_numbers():
    data = _day(sessionend=datetime.time(17, 30), sessionstart=datetime.time(9))
    assert (data.fromdate, data.todate) == (float('-inf'), float('inf'))
    assert data.sessionstart == 0.375
    assert data.sessionend == 0.7291666666666667
    assert data._tz is None and data._calendar is None
    assert data._laststatus == data.CONNECTED


# --- loading and moving ---------------------------------------------------------------
def test_preload_then_advance():
    data = _day()
    data.preload()
    assert (len(data), data.buflen()) == (0, 255)
    assert data.advance_peek() == 732313.9999999999  # 2006-01-02 23:59:59.999990
    data.advance()
    assert len(data) == 1
    assert (data.open[0], data.close[0]) == (3578.73, 3604.33)
    assert data.datetime.datetime(0) == datetime.datetime(2006, 1, 2, 23, 59, 59, 999989)
    for _ in range(254):
        data.advance()
    assert data.advance_peek() == float('inf')


def test_next_loads_until_exhausted():
    data = _day()
    count = 0
    while True:
        ret = data.next()
        if not ret:
            break
        count += 1
    assert ret is False
    assert count == len(data) == data.buflen() == 255
    assert data.load() is False and len(data) == 255


def test_rewind_then_next_redelivers_the_bar():
    data = _day()
    data.next()
    data.next()
    second = data.close[0]
    data.rewind()
    assert len(data) == 1 and data.buflen() == 2
    assert data.next() is True  # advances over the buffered bar
    assert len(data) == 2 and data.close[0] == second


def test_next_with_a_master_behind_holds_the_bar_back():
    master = _day(DAY2)  # 2006-01-03, 2006-01-05, ...
    data = _day()        # 2006-01-02, 2006-01-03, ...
    master.next()
    assert data.next(datamaster=master) is True
    assert len(data) == 1  # 01-02 <= 01-03: delivered
    assert data.next(datamaster=master) is True
    assert len(data) == 2  # 01-03 <= 01-03
    assert data.next(datamaster=master) is False
    assert (len(data), data.buflen()) == (2, 3)  # 01-04 > 01-03: loaded, rewound
    assert data.next(datamaster=master) is False  # still too early
    master.next()
    assert data.next(datamaster=master) is True
    assert len(data) == 3 and data.datetime.date() == datetime.date(2006, 1, 4)


def test_advance_with_master_past_the_end_fills_an_empty_bar():
    master = _day()
    master.preload()
    data = _day(DAY2)
    data.preload()
    size = data.buflen()
    for _ in range(size):
        data.advance()
    master.advance()
    data.advance(datamaster=master)
    assert len(data) == size + 1
    assert math.isnan(data.close[0])


def test_ticks_follow_the_bar():
    data = _day()
    data.next()
    assert (data.tick_open, data.tick_high, data.tick_low, data.tick_close) == (
        3578.73, 3605.95, 3578.73, 3604.33)
    assert data.tick_volume == 0.0 and data.tick_openinterest == 0.0
    assert data.tick_last == 3604.33
    assert not hasattr(data, 'tick_datetime')
    # without filters the tick values are the bar's, whatever happens
    data._tick_nullify()
    assert data.tick_close == data.close[0] == 3604.33
    # with a filter (bars may be built from ticks) they are tracked per tick
    data = _day()
    data.addfilter(lambda d: False)
    data.next()
    assert data.tick_close == 3604.33
    data._tick_nullify()
    assert data.tick_close is None and data.tick_last is None
    data.next(ticks=False)
    assert data.tick_close is None
    data._tick_fill()
    assert data.tick_close == data.close[0] == 3614.34
    data.close[0] = 1.0
    data._tick_fill()  # already filled: kept
    assert data.tick_close == 3614.34
    data._tick_fill(force=True)
    assert data.tick_close == 1.0


def test_check_and_last_without_filters():
    data = _day()
    data.next()
    assert data._check() is None
    assert data._last() is False
    assert len(data) == 1


def test_getnexteos():
    data = _day(sessionend=datetime.time(17, 30))
    assert data._getnexteos() == (datetime.datetime.min, 0.0)
    data.next()
    eos, numeos = data._getnexteos()
    assert eos == datetime.datetime(2006, 1, 2, 17, 30)
    assert numeos == date2num(eos)


def test_date2num_num2date_use_the_feed_zone():
    tz = bt.utils.date.UTC
    data = _day(tz=tz)
    dt = datetime.datetime(2006, 1, 2, 10)
    assert data.date2num(dt) == date2num(dt)
    data.next()
    assert data.num2date() == num2date(data.datetime[0])


# --- notifications, environment, copies --------------------------------------------------
def test_notifications():
    data = _day()
    assert data.get_notifications() == []
    data.put_notification(data.CONNECTED)  # same as the last status: dropped
    data.put_notification(data.LIVE, 1, x=2)
    data.put_notification(data.LIVE)
    data.put_notification(data.DELAYED)
    assert data.get_notifications() == [(data.LIVE, (1,), {'x': 2}), (data.DELAYED, (), {})]
    assert data.get_notifications() == []
    assert data.islive() is False and data.haslivedata() is False


def test_environment_and_qcheck():
    data = bt.feeds.BacktraderCSVData(dataname=DAY1, qcheck=0.5)
    env = object()
    data.setenvironment(env)
    assert data.getenvironment() is env
    data.do_qcheck(True, 0.2)
    assert data._qcheck == 0.3
    data.do_qcheck(False, 0.2)
    assert data._qcheck == 0.0
    assert data.getfeed() is None


def test_clone_and_copyas_preload():
    data = _day()
    clone = data.clone()
    copy = data.copyas('spx')
    assert isinstance(clone, feed.DataClone) and clone._clone
    assert clone._dataname == DAY1 and clone._name == ''
    assert copy._name == copy._dataname == 'spx'
    data.preload()
    _started(clone).preload()
    assert clone.buflen() == data.buflen() == 255
    assert list(clone.lines.close.array) == list(data.lines.close.array)
    assert len(data) == 0  # the source was put back home


def test_clone_follows_its_source_bar_by_bar():
    data = _day()
    clone = _started(data.clone())
    assert clone.next() is False  # nothing delivered by the source yet
    data.next()
    assert clone.next() is True and clone.close[0] == 3604.33
    data.next()
    data.next()
    # one bar per bar the source moved, copied from the source's current bar
    assert clone.next() is True and clone.close[0] == 3652.46
    assert clone.next() is True and clone.close[0] == 3652.46
    assert clone.next() is False


def test_writer_interface():
    data = _started(bt.feeds.YahooFinanceCSVData(dataname=os.path.join(DATA, 'orcl-2014.txt')))
    assert data.getwriterheaders() == ['orcl-2014', 'len', 'datetime', 'open', 'high',
                                       'low', 'close', 'volume', 'openinterest', 'adjclose']
    assert data.getwritervalues() == ['orcl-2014', 0] + [''] * 8
    data.next()
    assert data.getwritervalues() == [
        'orcl-2014', 1, datetime.datetime(2014, 1, 2, 23, 59, 59, 999989),
        35.11, 35.34, 34.9, 35.17, 19543096.0, 0.0, 35.166069]
    assert data.getwriterinfo() == collections.OrderedDict(
        [('Name', 'orcl-2014'), ('Timeframe', 'Days'), ('Compression', 1)])


def test_qbuffer_keeps_an_extra_slot_when_resampling():
    data = bt.feeds.BacktraderCSVData(dataname=DAY1)
    data.resample(timeframe=TF.Weeks)
    assert (data.resampling, data.replaying) == (1, False)
    assert (data._timeframe, data._compression) == (TF.Weeks, 1)
    data.qbuffer(savemem=1)
    data.setenvironment(bt.Cerebro())
    data._start()
    for _ in range(3):
        data.next()
    assert data.buflen() == 2
    replayed = bt.feeds.BacktraderCSVData(dataname=DAY1)
    replayed.replay(timeframe=TF.Weeks)
    assert (replayed.resampling, replayed.replaying) == (1, True)


# --- filters -------------------------------------------------------------------------------
def _closes(data):
    data.preload()
    return list(data.lines.close.array)


def test_filters_param_and_addfilter_class():
    class Above:
        def __init__(self, data, limit=3620):
            self.limit = limit

        def __call__(self, data):
            if data.close[0] > self.limit:
                data.backwards()
                return True
            return False

    data = bt.feeds.BacktraderCSVData(dataname=DAY1, filters=[Above])
    assert data._ffilters == []
    assert len(_closes(_started(data))) == 42
    data = bt.feeds.BacktraderCSVData(dataname=DAY1)
    data.addfilter(Above, limit=3640)
    assert len(_closes(_started(data))) == 51


def test_addfilter_callable_gets_its_args():
    calls = []

    def spy(data, a, b=1):
        calls.append((a, b))
        return False

    data = bt.feeds.BacktraderCSVData(dataname=DAY1)
    data.addfilter(spy, 5, b=7)
    assert data._filters == [(spy, (5,), {'b': 7})]
    assert len(_closes(_started(data))) == 255
    assert calls[0] == (5, 7) and len(calls) == 255


def test_addfilter_simple_removes_bars():
    data = bt.feeds.BacktraderCSVData(dataname=DAY1)
    data.addfilter_simple(lambda d: d.close[0] > 3620)
    closes = _closes(_started(data))
    assert len(closes) == 42 and max(closes) <= 3620


def test_filter_with_last_delivers_at_the_end():
    class HoldAll:
        """Swallows every bar and hands the last one back at the end."""

        def __init__(self, data):
            self.bar = None

        def __call__(self, data):
            self.bar = [line[0] for line in data.itersize()]
            data.backwards()
            return True

        def last(self, data):
            data._add2stack(self.bar)
            return True

    data = bt.feeds.BacktraderCSVData(dataname=DAY1, filters=[HoldAll])
    assert len(data._ffilters) == 1
    assert _closes(_started(data)) == [4119.94]


# --- feed factories ----------------------------------------------------------------------------
def test_feed_factories():
    assert bt.feeds.BacktraderCSV.DataCls is bt.feeds.BacktraderCSVData
    assert bt.feeds.YahooFinanceCSV.DataCls is bt.feeds.YahooFinanceCSVData
    assert bt.feeds.YahooFinance.DataCls is bt.feeds.YahooFinanceData
    assert 'retries' in list(bt.feeds.YahooFinance.params._getkeys())
    assert 'basepath' in list(bt.feeds.GenericCSV.params._getkeys())
    factory = bt.FeedBase()
    assert factory.datas == []


# --- time zones by name, online feed -----------------------------------------------------
def test_time_zone_names():
    # as upstream with pytz installed: 09:05 UTC shows as 04:05 in New York
    data = _started(bt.feeds.BacktraderCSVData(
        dataname=os.path.join(DATA, '2006-min-005.txt'), timeframe=TF.Minutes,
        tz='US/Eastern'))
    data.next()
    assert data.datetime.datetime(0) == datetime.datetime(2006, 1, 2, 4, 5)
    assert data.num2date(tz=bt.utils.date.UTC) == datetime.datetime(2006, 1, 2, 9, 5)


def test_yahoo_online_fails_with_a_clear_error():
    data = bt.feeds.YahooFinanceData(dataname='ORCL', urldown='http://127.0.0.1:9/v7',
                                     retries=1)
    with pytest.raises(ConnectionError, match='YahooFinanceCSVData'):
        data._start()
