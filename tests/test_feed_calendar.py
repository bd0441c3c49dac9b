"""Trading calendars.

Expected values were observed by calling upstream backtrader 1.9.78.123's
``TradingCalendar`` with the same arguments (/tmp/upstream/bin/python),
except where a test says upstream fails.
"""
from __future__ import annotations

import datetime as dtm
import os

import pytest

import backtrader as bt
from backtrader import tradingcal as tc

HERE = os.path.dirname(os.path.abspath(__file__))
MIN5 = os.path.join(HERE, 'data', 'upstream', '2006-min-005.txt')


@pytest.fixture
def cal():
    return bt.TradingCalendar(
        holidays=[dtm.date(2006, 4, 14), dtm.date(2006, 12, 25)],
        earlydays=[(dtm.date(2006, 11, 24), dtm.time(9, 30), dtm.time(13, 0))])


def test_module_constants():
    assert tc.ISOWEEKEND == [6, 7] and tc.WEEKEND == [5, 6]
    assert tc.ONEDAY == dtm.timedelta(days=1)
    assert (tc.ISONODAY, tc.ISOMONDAY, tc.SUNDAY) == (0, 1, 6)
    assert tc._time_max == dtm.time(23, 59, 59, 999990)
    assert bt.TradingCalendar.params._gettuple() == (
        ('open', dtm.time(0, 0)), ('close', dtm.time(23, 59, 59, 999990)),
        ('holidays', []), ('earlydays', []), ('offdays', [6, 7]))
    assert bt.PandasMarketCalendar.params._gettuple() == (
        ('calendar', None), ('cachesize', 365))


@pytest.mark.parametrize('day,nextday,lastweek,lastmonth,lastyear', [
    (dtm.date(2006, 4, 13), dtm.date(2006, 4, 17), True, False, False),  # Good Friday
    (dtm.date(2006, 4, 12), dtm.date(2006, 4, 13), False, False, False),
    (dtm.date(2006, 3, 31), dtm.date(2006, 4, 3), True, True, False),
    (dtm.date(2006, 12, 22), dtm.date(2006, 12, 26), True, False, False),
    (dtm.date(2006, 12, 29), dtm.date(2007, 1, 1), True, True, True),
    (dtm.date(2006, 6, 30), dtm.date(2006, 7, 3), True, True, False),
])
def test_next_and_last_days(cal, day, nextday, lastweek, lastmonth, lastyear):
    assert cal.nextday(day) == nextday
    assert cal._nextday(day) == (nextday, nextday.isocalendar())
    assert cal.last_weekday(day) is lastweek
    assert cal.last_monthday(day) is lastmonth
    assert cal.last_yearday(day) is lastyear


def test_nextday_week_returns_the_week():
    # upstream returns None (its method has no return); the week is meant
    cal = bt.TradingCalendar()
    assert cal.nextday_week(dtm.date(2006, 6, 30)) == 27


def test_schedule(cal):
    assert cal.schedule(dtm.datetime(2006, 11, 24, 10)) == (
        dtm.datetime(2006, 11, 24, 9, 30), dtm.datetime(2006, 11, 24, 13, 0))
    # past the early close: the next day's session (schedule ignores holidays)
    assert cal.schedule(dtm.datetime(2006, 11, 24, 14)) == (
        dtm.datetime(2006, 11, 25, 0, 0), dtm.datetime(2006, 11, 25, 23, 59, 59, 999990))


def test_schedule_in_a_time_zone():
    utc = bt.utils.date.UTC
    cal = bt.TradingCalendar(open=dtm.time(9, 30), close=dtm.time(16))
    assert cal.schedule(dtm.datetime(2006, 7, 3, 10), utc) == (
        dtm.datetime(2006, 7, 3, 9, 30), dtm.datetime(2006, 7, 3, 16))


def test_schedule_after_the_close_moves_to_the_next_session(cal):
    # upstream keeps the time of day while moving forward and, for any time
    # after the regular close, loops until OverflowError
    assert cal.schedule(dtm.datetime(2006, 11, 23, 23, 59, 59, 999995)) == (
        dtm.datetime(2006, 11, 24, 9, 30), dtm.datetime(2006, 11, 24, 13, 0))
    early = bt.TradingCalendar(close=dtm.time(16))
    assert early.schedule(dtm.datetime(2006, 1, 2, 17)) == (
        dtm.datetime(2006, 1, 3, 0, 0), dtm.datetime(2006, 1, 3, 16, 0))


def test_resample_daily_with_bars_after_the_calendar_close():
    data = bt.feeds.BacktraderCSVData(dataname=MIN5, timeframe=bt.TimeFrame.Minutes,
                                      compression=5, todate=dtm.datetime(2006, 1, 5))
    cerebro = bt.Cerebro()
    cerebro.addcalendar(bt.TradingCalendar(close=dtm.time(17, 15)))
    daily = cerebro.resampledata(data, timeframe=bt.TimeFrame.Days)
    for feed in cerebro.datas:
        feed._start()
        feed.preload()
    bars = []
    while len(daily) < daily.buflen():
        daily.advance()
        bars.append((daily.datetime.datetime(0), daily.open[0], daily.close[0]))
    # the 17:15 bar closes the session; 17:20 opens the next one
    assert bars[0] == (dtm.datetime(2006, 1, 2, 17, 15), 3578.73, 3603.79)
    assert bars[1][0] == dtm.datetime(2006, 1, 3, 17, 15) and bars[1][1] == 3603.94
    assert len(bars) == 4


def test_calendar_param_by_name_needs_pandas_market_calendars():
    pytest.importorskip('pandas')
    try:
        import pandas_market_calendars  # noqa: F401
    except ImportError:
        with pytest.raises(ModuleNotFoundError, match='pandas_market_calendars'):
            bt.PandasMarketCalendar(calendar='NYSE')
    else:  # pragma: no cover - not installed in CI
        pytest.skip('pandas_market_calendars installed')


def test_pandas_market_calendar_requires_a_calendar():
    pytest.importorskip('pandas')
    with pytest.raises(ValueError, match='calendar'):
        bt.PandasMarketCalendar()


def test_feed_calendar_param_and_cerebro_calendar():
    cal = bt.TradingCalendar()
    data = bt.feeds.BacktraderCSVData(dataname=MIN5, calendar=cal)
    data._start()
    assert data._calendar is cal
    cerebro = bt.Cerebro()
    cerebro.addcalendar(cal)
    data = bt.feeds.BacktraderCSVData(dataname=MIN5)
    cerebro.adddata(data)
    data._start()
    assert data._calendar is cerebro._tradingcal
