"""Data filters (bt.filters, bt.flt.Filter) against upstream's behaviour.

Cases marked "observed" compare with tests/data/observed/filters.json,
recorded by running the same cases under upstream backtrader 1.9.78.123 as
a black box: ``/tmp/upstream/bin/python tests/test_filters.py --record``.
Each case logs every bar the strategy sees: (len, datetime, open, high,
low, close, volume, openinterest).
"""
from __future__ import annotations

import datetime
import json
import math
import os
import sys
import tempfile
from pathlib import Path

import pytest

import backtrader as bt

OBSERVED = Path(__file__).resolve().parent / 'data' / 'observed' / 'filters.json'
TM = datetime.time


def _csv(rows):
    fd, path = tempfile.mkstemp(suffix='.csv')
    with os.fdopen(fd, 'w') as fh:
        fh.write('dt,o,h,l,c,v,oi\n')
        for row in rows:
            fh.write(','.join(str(x) for x in row) + '\n')
    return path


def _daily(closes, spread=2.0):
    day = datetime.datetime(2006, 1, 2)
    rows = []
    for i, c in enumerate(closes):
        rows.append((day.strftime('%Y-%m-%d %H:%M:%S'), c, c + spread,
                     c - spread, c, 10 + i, 5))
        day += datetime.timedelta(days=1)
    return rows


def _ohlc_rows(bars):
    day = datetime.datetime(2006, 1, 2)
    rows = []
    for i, bar in enumerate(bars):
        rows.append((day.strftime('%Y-%m-%d %H:%M:%S'),) + tuple(bar))
        day += datetime.timedelta(days=1)
    return rows


def _intraday():
    rows = []
    for day in (2, 3):
        t = datetime.datetime(2006, 1, day, 8, 0)
        while t <= datetime.datetime(2006, 1, day, 18, 0):
            p = 100 + t.hour + t.minute / 100.0
            rows.append((t.strftime('%Y-%m-%d %H:%M:%S'), p, p + 1, p - 1,
                         p + 0.5, 7, 1))
            t += datetime.timedelta(minutes=30)
    return rows


def _intraday_gaps():
    rows = []
    for day in (2, 3):
        t = datetime.datetime(2006, 1, day, 9, 30)
        while t <= datetime.datetime(2006, 1, day, 12, 0):
            if not TM(10, 0) <= t.time() < TM(11, 0):
                rows.append((t.strftime('%Y-%m-%d %H:%M:%S'), 1, 2, 0.5,
                             1.5 + day, 7, 1))
            t += datetime.timedelta(minutes=30)
    return rows


SEQ = [100.4, 103, 110, 110.5, 120, 119, 100, 99.5, 95, 89, 130, 90.5, 91,
       110, 110]
ROWS2 = [(100.6, 101, 99, 100.6, 1, 1), (101, 112, 100, 110, 2, 2),
         (110, 111, 100, 101, 3, 3), (101, 102, 99, 100, 4, 4),
         (100, 101, 89, 90, 5, 5), (90, 101, 89, 100, 5, 5)]
DAYS = [(10 + d, 12 + d, 8 + d, 11 + d, 100 * d, d) for d in (2, 3, 4, 5, 6, 9)]
SESS = dict(sessionstart=TM(9, 0), sessionend=TM(17, 30))
INTRA = dict(timeframe=bt.TimeFrame.Minutes, compression=30)

CASES = {
    # name: (rows, filter, filter kwargs, feed kwargs, preload)
    'renko_size': (_daily(SEQ), 'Renko', dict(size=10), {}, True),
    'renko_hilo': (_daily(SEQ), 'Renko', dict(size=10, hilo=True), {}, True),
    'renko_align3': (_daily(SEQ), 'Renko',
                     dict(size=10, align=3.0, roundstart=False), {}, True),
    'renko_autosize': (_daily(SEQ), 'Renko', dict(autosize=10.0), {}, True),
    'renko_dynamic': (_daily(SEQ), 'Renko',
                      dict(autosize=10.0, dynamic=True), {}, True),
    'renko_rows2': (_ohlc_rows(ROWS2), 'Renko', dict(size=10), {}, True),
    'renko_rows2_hilo': (_ohlc_rows(ROWS2), 'Renko', dict(size=10, hilo=True),
                         {}, True),
    'renko_rows2_align': (_ohlc_rows(ROWS2), 'Renko', dict(size=10, align=3.0),
                          {}, True),
    'heikinashi': (_daily(SEQ), 'HeikinAshi', {}, {}, True),
    'heikinashi_next': (_daily(SEQ), 'HeikinAshi', {}, {}, False),
    'bar_replayer_open': (_ohlc_rows(DAYS), 'BarReplayer_Open', {}, SESS, True),
    'bar_replayer_open_next': (_ohlc_rows(DAYS), 'BarReplayer_Open', {}, SESS,
                               False),
    'day_steps': (_ohlc_rows(DAYS), 'DayStepsFilter', {}, SESS, True),
    'day_splitter': (_ohlc_rows(DAYS), 'DaySplitter_Close', {}, SESS, True),
    'day_splitter_vol': (_ohlc_rows(DAYS), 'DaySplitter_Close',
                         dict(closevol=0.3), SESS, True),
    'session_filler': (_intraday_gaps(), 'SessionFiller', {},
                       dict(INTRA, sessionstart=TM(9, 0),
                            sessionend=TM(12, 0)), True),
    'session_filler_first': (_intraday_gaps(), 'SessionFiller',
                             dict(skip_first_fill=False, fill_price=9.0,
                                  fill_vol=0.0),
                             dict(INTRA, sessionstart=TM(9, 0),
                                  sessionend=TM(12, 0)), False),
    'session_filter': (_intraday(), 'SessionFilter', {}, dict(SESS, **INTRA),
                       True),
    'session_filter_next': (_intraday(), 'SessionFilter', {},
                            dict(SESS, **INTRA), False),
}


def run_case(name, mod=bt):
    rows, fname, fkw, feedkw, preload = CASES[name]
    path = _csv(rows)
    log = []

    class Log(mod.Strategy):
        def next(self):
            d = self.data
            values = [d.open[0], d.high[0], d.low[0], d.close[0],
                      d.volume[0], d.openinterest[0]]
            # NaN as text: NaN never compares equal to itself
            log.append([len(d), d.datetime.datetime(0).isoformat()] +
                       [v if v == v else 'nan' for v in values])
    try:
        feed = mod.feeds.GenericCSVData(
            dataname=path, dtformat='%Y-%m-%d %H:%M:%S', datetime=0, open=1,
            high=2, low=3, close=4, volume=5, openinterest=6, **feedkw)
        feed.addfilter(getattr(mod.filters, fname), **fkw)
        cer = mod.Cerebro(stdstats=False, preload=preload)
        cer.adddata(feed)
        cer.addstrategy(Log)
        cer.run()
    finally:
        os.unlink(path)
    return log


@pytest.fixture(scope='module')
def observed():
    with OBSERVED.open() as fh:
        return json.load(fh)


@pytest.mark.parametrize('name', sorted(CASES))
def test_filter_output_matches_upstream(name, observed):
    assert run_case(name) == observed[name]


def test_filters_namespace():
    # the bt.filters names listed by upstream's dir(bt.filters)
    for name in ('BarReplayer_Open', 'CalendarDays', 'DataFiller',
                 'DataFilter', 'DaySplitter_Close', 'DayStepsFilter',
                 'HeikinAshi', 'Renko', 'SessionFiller', 'SessionFilter',
                 'SessionFilterSimple', 'Filter', 'TimeFrame',
                 'AbstractDataBase'):
        assert hasattr(bt.filters, name), name
    assert bt.filters.DayStepsFilter is bt.filters.BarReplayer_Open
    assert bt.Filter is bt.flt.Filter
    assert issubclass(bt.filters.Renko, bt.flt.Filter)
    renko = [k for k, _ in bt.filters.Renko.params._getpairs().items()]
    assert renko == ['hilo', 'size', 'autosize', 'dynamic', 'align',
                     'roundstart']


def test_filter_base_calls_nextstart_once_and_ignores_next_result():
    """Observed in upstream: nextstart runs once before the first next, the
    params are taken from addfilter's keywords and a True returned by
    next does not remove the bar."""
    calls = []

    class Mark(bt.flt.Filter):
        params = (('tag', 'x'),)

        def nextstart(self, data):
            calls.append(('start', len(data), self.p.tag))

        def next(self, data):
            calls.append(('next', len(data)))
            return True
    path = _csv(_daily([1, 2, 3]))
    try:
        feed = bt.feeds.GenericCSVData(
            dataname=path, dtformat='%Y-%m-%d %H:%M:%S', datetime=0, open=1,
            high=2, low=3, close=4, volume=5, openinterest=6)
        feed.addfilter(Mark, tag='y')
        cer = bt.Cerebro(stdstats=False)
        cer.adddata(feed)
        cer.addstrategy(bt.Strategy)
        cer.run()
    finally:
        os.unlink(path)
    assert calls == [('start', 1, 'y'), ('next', 1), ('next', 2), ('next', 3)]
    assert len(feed) == 3


def test_session_filter_simple_answers_without_touching_the_feed():
    rows = _intraday()
    path = _csv(rows)
    seen = []

    class Log(bt.Strategy):
        def next(self):
            seen.append(self.data.datetime.time(0))
    try:
        feed = bt.feeds.GenericCSVData(
            dataname=path, dtformat='%Y-%m-%d %H:%M:%S', datetime=0, open=1,
            high=2, low=3, close=4, volume=5, openinterest=6,
            timeframe=bt.TimeFrame.Minutes, compression=30, **SESS)
        feed.addfilter_simple(bt.filters.SessionFilterSimple(feed))
        cer = bt.Cerebro(stdstats=False)
        cer.adddata(feed)
        cer.addstrategy(Log)
        cer.run()
    finally:
        os.unlink(path)
    assert seen and min(seen) == TM(9, 0) and max(seen) == TM(17, 30)
    assert len(seen) == 2 * 18


def test_calendar_days_fills_weekends():
    """Upstream raises TypeError with CalendarDays in every mode; here the
    weekend days get filler bars at the previous close (NaN volume)."""
    rows = _ohlc_rows(DAYS)  # 2006-01-02 .. 01-07, no gap in the dates
    rows = [rows[0], rows[1], (('2006-01-06 00:00:00',) + rows[2][1:])]
    path = _csv(rows)
    seen = []

    class Log(bt.Strategy):
        def next(self):
            d = self.data
            seen.append((d.datetime.date(0).day, d.close[0], d.volume[0]))
    try:
        feed = bt.feeds.GenericCSVData(
            dataname=path, dtformat='%Y-%m-%d %H:%M:%S', datetime=0, open=1,
            high=2, low=3, close=4, volume=5, openinterest=6)
        feed.addfilter(bt.filters.CalendarDays)
        cer = bt.Cerebro(stdstats=False)
        cer.adddata(feed)
        cer.addstrategy(Log)
        cer.run()
    finally:
        os.unlink(path)
    assert [s[0] for s in seen] == [2, 3, 4, 5, 6]
    assert seen[2][1] == seen[1][1] == seen[3][1]
    assert math.isnan(seen[2][2]) and seen[4][2] == 400


def test_data_filter_keeps_accepted_bars():
    path = _csv(_daily([1, 2, 3, 4, 5, 6]))
    seen = []

    class Log(bt.Strategy):
        def next(self):
            seen.append(self.data.close[0])
    try:
        source = bt.feeds.GenericCSVData(
            dataname=path, dtformat='%Y-%m-%d %H:%M:%S', datetime=0, open=1,
            high=2, low=3, close=4, volume=5, openinterest=6)
        feed = bt.filters.DataFilter(dataname=source,
                                     funcfilter=lambda d: d.close[0] % 2 == 0)
        cer = bt.Cerebro(stdstats=False)
        cer.adddata(feed)
        cer.addstrategy(Log)
        cer.run()
    finally:
        os.unlink(path)
    assert seen == [2.0, 4.0, 6.0]


if __name__ == '__main__' and '--record' in sys.argv:
    OBSERVED.parent.mkdir(parents=True, exist_ok=True)
    with OBSERVED.open('w') as fh:
        json.dump({name: run_case(name) for name in CASES}, fh, indent=0)
