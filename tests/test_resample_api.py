"""Resampler/Replayer used directly on a feed: the filter protocol the
engine relies on (check/last/DTFaker, bar stacks, replay in place).

Passes unchanged under upstream 1.9.78.123 (``cd tests &&
/tmp/upstream/bin/python -m pytest test_resample_api.py``), which is how
the expected values were checked.
"""
from __future__ import annotations

import datetime
import math
import os

import pytest

import backtrader as bt
from backtrader.dataseries import _Bar

HERE = os.path.dirname(os.path.abspath(__file__))
MIN1 = os.path.join(HERE, 'data', 'upstream', '2006-01-02-volume-min-001-3days.txt')
DAY1 = os.path.join(HERE, 'data', 'upstream', '2006-day-001.txt')
TF = bt.TimeFrame


def _feed(path=MIN1, **kwargs):
    kwargs.setdefault('timeframe', TF.Minutes)
    data = bt.feeds.BacktraderCSVData(dataname=path, **kwargs)
    return data


def _start(data):
    data.setenvironment(bt.Cerebro())
    data._start()
    return data


def test_bar_helper():
    bar = _Bar()
    assert bar.lvalues()[:6] == [bar.close, math.inf, -math.inf, bar.open, 0.0, 0.0]
    assert math.isnan(bar.close) and bar.datetime is None and not bar.isopen()
    assert _Bar(maxdate=True).datetime == 3652058.0
    assert list(bar.keys()) == ['close', 'low', 'high', 'open', 'volume', 'openinterest',
                                'datetime']


def test_resampled_bars_come_from_the_stack():
    data = _feed()
    data.resample(timeframe=TF.Minutes, compression=5)
    _start(data)
    assert data.next() is True
    # 09:01..09:05 -> one bar stamped with the right edge 09:05
    assert data.datetime.datetime(0) == datetime.datetime(2006, 1, 2, 9, 5)
    # 09:05 lies on the boundary: it completes the bar at once
    assert (data.open[0], data.high[0], data.low[0], data.close[0]) == (
        3602.0, 3603.0, 3596.0, 3598.0)
    assert data.volume[0] == 9287.0
    assert len(data) == 1


TICKS = ('Date,Time,Open,High,Low,Close,Volume,OpenInterest\n'
         '2006-01-02,09:01:00,1,1,1,1,1,0\n'
         '2006-01-02,09:02:00,2,2,2,2,1,0\n')


def _ticks(text=TICKS, **kwargs):
    import io
    data = bt.feeds.BacktraderCSVData(dataname=io.StringIO(text), name='ticks',
                                      timeframe=TF.Minutes)
    data.resample(timeframe=TF.Minutes, compression=5, **kwargs)
    return _start(data)


def test_check_delivers_a_pending_bar_using_the_wall_clock():
    data = _ticks()
    assert data.next() is False  # input exhausted, the bar is pending
    resampler = data._filters[0][0]
    assert resampler.bar.isopen()
    data._check()  # no forcedata: DTFaker uses utcnow, far past 2006
    assert len(data._barstack) == 1 and not resampler.bar.isopen()
    assert data.next() is True
    # the session end of that day closed it: stamped with it
    assert data.datetime.datetime(0) == datetime.datetime(2006, 1, 2, 23, 59, 59, 999989)
    assert (data.open[0], data.close[0], data.volume[0]) == (1.0, 2.0, 2.0)


def test_check_with_a_forcing_data_that_is_not_later():
    data = _ticks()
    data.next()
    master = _start(_feed())
    master.next()  # 09:01: earlier than the pending bar's 09:05 edge
    data._check(forcedata=master)
    assert not data._barstack  # not delivered before its time
    for _ in range(4):
        master.next()  # 09:05: the edge is reached
    data._check(forcedata=master)
    assert len(data._barstack) == 1


def test_last_delivers_the_partial_bar():
    data = _feed(path=DAY1, timeframe=TF.Days)
    data.resample(timeframe=TF.Months, compression=5)
    _start(data)
    count = 0
    while data.next():
        count += 1
    assert count == 2  # Jan..May, Jun..Oct complete; Nov..Dec pending
    assert data._last() is True
    assert len(data) == 3 and data.close[0] == 4119.94
    assert data._last() is False


def test_replay_updates_the_bar_in_place():
    data = _feed(path=DAY1, timeframe=TF.Days)
    data.replay(timeframe=TF.Weeks)
    _start(data)
    seen = []
    for _ in range(7):
        assert data.next() is True
        seen.append((len(data), data.open[0], data.high[0], data.close[0]))
    assert seen[:5] == [(1, 3578.73, 3605.95, 3604.33), (1, 3578.73, 3638.42, 3614.34),
                        (1, 3578.73, 3652.46, 3652.46), (1, 3578.73, 3661.65, 3650.24),
                        (1, 3578.73, 3666.99, 3666.99)]
    assert seen[5] == (2, 3667.10, 3685.99, 3671.78)  # the next week opens
    assert data.tick_close == 3644.94  # ticks are the raw incoming bar
    assert data.replaying is True and data.resampling == 1


def test_late_ticks_are_taken_or_dropped():
    text = TICKS + ('2006-01-02,09:06:00,3,3,3,3,1,0\n'
                    '2006-01-02,09:04:00,9,9,9,9,1,0\n'  # late: before 09:05
                    '2006-01-02,09:07:00,4,4,4,4,1,0\n')
    for takelate, expected in ((True, (3.0, 9.0, 4.0, 3.0)), (False, (3.0, 4.0, 4.0, 2.0))):
        data = _ticks(text, takelate=takelate)
        assert data.next() is True  # 09:01..09:05
        assert data.next() is False
        assert data._last() is True
        assert (data.open[0], data.high[0], data.close[0], data.volume[0]) == expected


@pytest.mark.parametrize('cls,tframe', [
    (bt.ResamplerTicks, TF.Ticks), (bt.ResamplerSeconds, TF.Seconds),
    (bt.ResamplerMinutes, TF.Minutes), (bt.ResamplerDaily, TF.Days),
    (bt.ResamplerWeekly, TF.Weeks), (bt.ResamplerMonthly, TF.Months),
    (bt.ResamplerYearly, TF.Years), (bt.ReplayerTicks, TF.Ticks),
    (bt.ReplayerSeconds, TF.Seconds), (bt.ReplayerMinutes, TF.Minutes),
    (bt.ReplayerDaily, TF.Days), (bt.ReplayerWeekly, TF.Weeks),
    (bt.ReplayerMonthly, TF.Months)])
def test_fixed_timeframe_filters(cls, tframe):
    data = _feed(path=DAY1, timeframe=TF.Days)
    data.addfilter(cls, compression=2)
    assert (data._timeframe, data._compression) == (tframe, 2)
    assert data.resampling == 1 and data.replaying == cls.replaying


def test_dtfaker_answers_like_a_data():
    master = _start(_feed())
    master.next()
    data = _start(_feed())
    fake = bt.DTFaker(data, forcedata=master)
    assert fake[0] == master.datetime[0] and fake[-1] == -math.inf
    assert fake.datetime() == fake() == datetime.datetime(2006, 1, 2, 9, 1)
    assert fake.date() == datetime.date(2006, 1, 2) and fake.time() == datetime.time(9, 1)
    assert fake.p.sessionend == data.p.sessionend and len(fake) == 0
    assert fake._calendar is None
