"""Resampling and replaying through cerebro, compared with upstream.

Every scenario records what a strategy sees on each ``next()``: its length
and, for each data, the length, the datetime float and OHLCV (``repr``, so
the comparison is bit for bit).  The expected values were observed by
running this very file under upstream backtrader 1.9.78.123::

    cd tests && /tmp/upstream/bin/python test_resample_goldens.py --record

which writes ``data/feed_goldens/resample.json`` (the number of calls, the
first and last lines and a SHA-256 of all lines, per scenario and mode).
"""
from __future__ import annotations

import datetime
import hashlib
import json
import os
import sys

import pytest

import backtrader as bt

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, 'data', 'upstream')
GOLDEN = os.path.join(HERE, 'data', 'feed_goldens', 'resample.json')
TF = bt.TimeFrame


def _path(name: str) -> str:
    return os.path.join(DATA, name)


def D(name: str = '2006-day-001.txt', **kwargs):
    return bt.feeds.BacktraderCSVData(dataname=_path(name), **kwargs)


def M5(**kwargs):
    return bt.feeds.BacktraderCSVData(dataname=_path('2006-min-005.txt'),
                                      timeframe=TF.Minutes, compression=5, **kwargs)


def M1(**kwargs):
    return bt.feeds.BacktraderCSVData(
        dataname=_path('2006-01-02-volume-min-001-3days.txt'),
        timeframe=TF.Minutes, compression=1, **kwargs)


def TK(**kwargs):
    return bt.feeds.GenericCSVData(dataname=_path('ticksample.csv'),
                                   dtformat='%Y-%m-%dT%H:%M:%S.%f',
                                   timeframe=TF.Ticks, **kwargs)


# --- scenarios: each adds datas to a cerebro -----------------------------------
def _direct(data, method, **kwargs):
    """data.resample()/replay() then adddata: preloading stays possible."""
    getattr(data, method)(**kwargs)
    return data


SCENARIOS = {
    'day_weekly': lambda c: c.resampledata(D(), timeframe=TF.Weeks),
    'day_monthly2': lambda c: c.resampledata(D(), timeframe=TF.Months, compression=2),
    'day_years': lambda c: c.resampledata(D('2005-2006-day-001.txt'), timeframe=TF.Years),
    'day_days3': lambda c: c.resampledata(D(), timeframe=TF.Days, compression=3),
    'day_and_weekly': lambda c: (c.adddata(D()), c.resampledata(c.datas[0], timeframe=TF.Weeks)),
    'day_from_to_weekly': lambda c: c.resampledata(
        D(fromdate=datetime.datetime(2006, 3, 1), todate=datetime.datetime(2006, 4, 15)),
        timeframe=TF.Weeks),
    'direct_weekly_preload': lambda c: c.adddata(_direct(D(), 'resample', timeframe=TF.Weeks)),
    'direct_m15_preload': lambda c: c.adddata(
        _direct(M5(), 'resample', timeframe=TF.Minutes, compression=15)),
    'm5_m15': lambda c: c.resampledata(M5(), timeframe=TF.Minutes, compression=15),
    'm5_daily': lambda c: c.resampledata(M5(), timeframe=TF.Days),
    'm5_daily_sessionend': lambda c: c.resampledata(M5(sessionend=datetime.time(17, 20)),
                                                    timeframe=TF.Days),
    'm1_m5': lambda c: c.resampledata(M1(), timeframe=TF.Minutes, compression=5),
    'm1_m7': lambda c: c.resampledata(M1(), timeframe=TF.Minutes, compression=7),
    'm1_m7_nobar2edge': lambda c: c.resampledata(M1(), timeframe=TF.Minutes, compression=7,
                                                 bar2edge=False),
    'm1_m5_leftedge': lambda c: c.resampledata(M1(), timeframe=TF.Minutes, compression=5,
                                               rightedge=False),
    'm1_m5_noadjbartime': lambda c: c.resampledata(M1(), timeframe=TF.Minutes, compression=5,
                                                   adjbartime=False),
    'm1_m5_boundoff': lambda c: c.resampledata(M1(), timeframe=TF.Minutes, compression=5,
                                               boundoff=2),
    'm1_h1': lambda c: c.resampledata(M1(), timeframe=TF.Minutes, compression=60),
    'm1_daily': lambda c: c.resampledata(M1(), timeframe=TF.Days),
    'm1_and_m10': lambda c: (c.adddata(M1()),
                             c.resampledata(c.datas[0], timeframe=TF.Minutes, compression=10)),
    'm5_and_daily': lambda c: (c.adddata(M5()), c.resampledata(M5(), timeframe=TF.Days)),
    'day_and_weekly2': lambda c: (c.adddata(D()),
                                  c.resampledata(D('2006-day-002.txt'), timeframe=TF.Weeks)),
    'ticks_s10': lambda c: c.resampledata(TK(), timeframe=TF.Seconds, compression=10),
    'ticks_m1': lambda c: c.resampledata(TK(), timeframe=TF.Minutes),
    'ticks_t3': lambda c: c.resampledata(TK(), timeframe=TF.Ticks, compression=3),
    'replay_day_weekly': lambda c: c.replaydata(D(), timeframe=TF.Weeks),
    'replay_day_weekly2': lambda c: c.replaydata(D(), timeframe=TF.Weeks, compression=2),
    'replay_day_monthly': lambda c: c.replaydata(D(), timeframe=TF.Months),
    'replay_m1_m5': lambda c: c.replaydata(M1(), timeframe=TF.Minutes, compression=5),
    'replay_m1_m5_adjbartime': lambda c: c.replaydata(M1(), timeframe=TF.Minutes,
                                                      compression=5, adjbartime=True),
    'replay_m5_daily': lambda c: c.replaydata(M5(), timeframe=TF.Days),
    'replay_m5_daily_sessionend': lambda c: c.replaydata(
        M5(sessionend=datetime.time(17, 20)), timeframe=TF.Days),
    'replay_ticks_m1': lambda c: c.replaydata(TK(), timeframe=TF.Minutes),
    'day_and_replay_weekly': lambda c: (c.adddata(D()),
                                        c.replaydata(D(), timeframe=TF.Weeks)),
    'calendar_weekly': lambda c: (
        c.addcalendar(bt.TradingCalendar(holidays=[datetime.date(2006, 4, 14)])),
        c.resampledata(D(), timeframe=TF.Weeks)),
    'calendar_monthly': lambda c: (c.addcalendar(bt.TradingCalendar()),
                                   c.resampledata(D(), timeframe=TF.Months)),
    'calendar_replay_weekly': lambda c: (c.addcalendar(bt.TradingCalendar()),
                                         c.replaydata(D(), timeframe=TF.Weeks)),
    'calendar_m5_daily': lambda c: (
        c.addcalendar(bt.TradingCalendar(close=datetime.time(17, 30))),
        c.resampledata(M5(), timeframe=TF.Days)),
}

# (runonce, preload, exactbars).  cerebro.resampledata/replaydata turn
# preloading off, so runonce on/off only matters for the direct_* scenarios.
MODES = {
    'ro1_pl1_eb0': (True, True, 0),
    'ro0_pl1_eb0': (False, True, 0),
    'ro0_pl0_eb1': (False, False, 1),
    'ro1_pl1_eb-2': (True, True, -2),
}


def modes_of(name: str) -> list:
    if name.startswith('direct_'):
        return sorted(MODES)
    return sorted(m for m in MODES if m != 'ro0_pl1_eb0')


CASES = [(name, mode) for name in sorted(SCENARIOS) for mode in modes_of(name)]

# Multiple datas of different lengths with exactbars=1: upstream's
# memory-saving line buffer cannot go back one bar (rewind only changes the
# length), so a data ahead of the others shows its next bar early.  That
# lives in the line buffer, not in the feeds; see the feeds report.
_QBUFFER_REWIND = {('day_and_weekly2', 'ro0_pl0_eb1'), ('m5_and_daily', 'ro0_pl0_eb1')}


class _Recorder(bt.Strategy):
    def __init__(self):
        self.rows = []

    def next(self):
        parts = [str(len(self))]
        for data in self.datas:
            parts.append('%d %r %r %r %r %r %r' % (
                len(data), data.datetime[0], data.open[0], data.high[0],
                data.low[0], data.close[0], data.volume[0]))
        self.rows.append(' | '.join(parts))


def collect(name: str, mode: str) -> list:
    runonce, preload, exactbars = MODES[mode]
    cerebro = bt.Cerebro(stdstats=False, runonce=runonce, preload=preload,
                         exactbars=exactbars)
    SCENARIOS[name](cerebro)
    cerebro.addstrategy(_Recorder)
    return cerebro.run()[0].rows


def summarise(rows: list) -> dict:
    text = '\n'.join(rows)
    return {'count': len(rows), 'head': rows[:3], 'tail': rows[-3:],
            'sha256': hashlib.sha256(text.encode()).hexdigest()}


def _load_goldens() -> dict:
    with open(GOLDEN) as fobj:
        return json.load(fobj)


@pytest.mark.parametrize('name,mode', CASES)
def test_matches_upstream(name, mode):
    if (name, mode) in _QBUFFER_REWIND:
        # upstream's bounded buffer loses a held-back bar here and shows the
        # data ahead of time (see CHANGELOG): minimum memory must not change
        # what the strategy sees, so compare with the unbounded run instead
        assert summarise(collect(name, mode)) == summarise(collect(name, 'ro0_pl1_eb0'))
        return
    expected = _load_goldens()[name][mode]
    got = summarise(collect(name, mode))
    assert got['count'] == expected['count']
    assert got['head'] == expected['head']
    assert got['tail'] == expected['tail']
    assert got['sha256'] == expected['sha256']


def test_goldens_cover_every_scenario():
    goldens = _load_goldens()
    assert sorted(goldens) == sorted(SCENARIOS)
    for name in SCENARIOS:
        assert sorted(goldens[name]) == modes_of(name)
        # every scenario delivers bars (a scenario seeing nothing tests nothing)
        assert all(entry['count'] > 0 for entry in goldens[name].values())


def _record() -> None:
    if not bt.__version__.startswith('1.9.78'):
        raise SystemExit('record under upstream backtrader 1.9.78.123, not %s'
                         % bt.__version__)
    out = {name: {mode: summarise(collect(name, mode)) for mode in modes_of(name)}
           for name in sorted(SCENARIOS)}
    os.makedirs(os.path.dirname(GOLDEN), exist_ok=True)
    with open(GOLDEN, 'w') as fobj:
        json.dump(out, fobj, indent=1, sort_keys=True)
    print('recorded %d scenarios with %s' % (len(out), bt.__version__))


if __name__ == '__main__' and '--record' in sys.argv:
    _record()
