"""Bars produced by each feed type, compared with upstream bit for bit.

Each scenario builds a feed and reads it directly (no cerebro) in the two
ways the engine does: ``preload()`` then ``advance()`` over the buffer, and
``next()`` bar by bar.  Every line of every bar is recorded with ``repr``.

The expected values were observed by running this file under upstream
backtrader 1.9.78.123 (``pytz`` on the path for the time zone scenarios)::

    cd tests && PYTHONPATH=/path/to/pytz /tmp/upstream/bin/python \\
        test_feed_goldens.py --record

which writes ``data/feed_goldens/feeds.json``.  Time zones are given as
``datetime.timezone`` objects with a pytz-style ``localize`` so both
implementations see the same zone without needing pytz installed.
"""
from __future__ import annotations

import datetime
import hashlib
import io
import json
import os
import sys

import pytest

import backtrader as bt

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, 'data', 'upstream')
GOLDEN = os.path.join(HERE, 'data', 'feed_goldens', 'feeds.json')
TF = bt.TimeFrame


class FixedTZ(datetime.tzinfo):
    """A constant offset zone offering pytz's ``localize``."""

    def __init__(self, hours: float, name: str) -> None:
        self._offset = datetime.timedelta(hours=hours)
        self._name = name

    def utcoffset(self, dt):
        return self._offset

    def dst(self, dt):
        return datetime.timedelta(0)

    def tzname(self, dt):
        return self._name

    def localize(self, dt):
        return dt.replace(tzinfo=self)


EST = FixedTZ(-5, 'EST')
CET = FixedTZ(1, 'CET')
JST = FixedTZ(9, 'JST')


def _path(name: str) -> str:
    return os.path.join(DATA, name)


def _frame():
    import pandas as pd
    idx = pd.date_range('2020-01-01 09:00', periods=6, freq='min')
    return pd.DataFrame({'Open': [1.0, 2, 3, 4, 5, 6], 'High': [2.0, 3, 4, 5, 6, 7],
                         'Low': [0.5, 1, 2, 3, 4, 5], 'Close': [1.5, 2.5, 3.5, 4.5, 5.5, 6.5],
                         'Volume': [10, 20, 30, 40, 50, 60]}, index=idx)


def _frame_dtcol():
    frame = _frame().reset_index()
    return frame.rename(columns={'index': 'Datetime'})


def _frame_tz():
    frame = _frame()
    frame.index = frame.index.tz_localize('UTC').tz_convert('Asia/Tokyo')
    return frame


_GEN_MIN = dict(dtformat='%Y-%m-%d', time=1, open=2, high=3, low=4, close=5, volume=6,
                openinterest=7)

_YAHOO_NULLS = ('Date,Open,High,Low,Close,Adj Close,Volume\n'
                '2014-01-02,null,null,null,null,null,null\n'
                '2014-01-03,37.65,37.86,37.56,37.62,35.07,null\n'
                '2014-01-06,37.65,37.86,37.56,37.62,35.07\n'
                '2014-01-07,37.65,37.86,37.56,37.62,35.07,5,6\n'
                '2014-01-08,null,37.86,37.56,37.62,35.07\n')


class _OptixCSV(bt.feeds.GenericCSVData):
    lines = ('optix_close', 'optix_pess')
    params = (('optix_close', 7), ('optix_pess', 8), ('dtformat', '%Y-%m-%d'))


class _PandasPE(bt.feeds.PandasData):
    lines = ('pe',)
    params = (('pe', -1),)


def _pe_frame():
    frame = _frame()
    frame['PE'] = [10.0, 11, 12, 13, 14, 15]
    return frame


def _time_filter(data):
    return data.datetime.time() < datetime.time(10, 0)


SCENARIOS = {
    'btcsv_daily': lambda: bt.feeds.BacktraderCSVData(dataname=_path('2006-day-001.txt')),
    'btcsv_daily_sessionend': lambda: bt.feeds.BacktraderCSVData(
        dataname=_path('2006-day-001.txt'), sessionend=datetime.time(17, 30)),
    'btcsv_daily_fromto': lambda: bt.feeds.BacktraderCSVData(
        dataname=_path('2006-day-001.txt'), fromdate=datetime.date(2006, 3, 1),
        todate=datetime.date(2006, 4, 15)),
    'btcsv_daily_fromto_dt': lambda: bt.feeds.BacktraderCSVData(
        dataname=_path('2006-day-001.txt'), fromdate=datetime.datetime(2006, 3, 1, 23, 59, 59, 999990),
        todate=datetime.datetime(2006, 4, 13, 12)),
    'btcsv_minutes': lambda: bt.feeds.BacktraderCSVData(
        dataname=_path('2006-min-005.txt'), timeframe=TF.Minutes, compression=5),
    'btcsv_minutes_fromto': lambda: bt.feeds.BacktraderCSVData(
        dataname=_path('2006-min-005.txt'), timeframe=TF.Minutes,
        fromdate=datetime.datetime(2006, 1, 3, 16, 0), todate=datetime.datetime(2006, 1, 4, 9, 30)),
    'btcsv_extra_fields': lambda: bt.feeds.BacktraderCSVData(
        dataname=_path('2006-day-001-optix.txt')),
    'btcsv_tz_out': lambda: bt.feeds.BacktraderCSVData(
        dataname=_path('2006-min-005.txt'), timeframe=TF.Minutes, tz=EST,
        todate=datetime.datetime(2006, 1, 3, 12)),
    'btcsv_tz_in': lambda: bt.feeds.BacktraderCSVData(
        dataname=_path('2006-min-005.txt'), timeframe=TF.Minutes, tzinput=CET,
        todate=datetime.datetime(2006, 1, 3, 12)),
    'btcsv_tz_both': lambda: bt.feeds.BacktraderCSVData(
        dataname=_path('2006-min-005.txt'), timeframe=TF.Minutes, tzinput=CET, tz=EST,
        fromdate=datetime.datetime(2006, 1, 2, 10), todate=datetime.datetime(2006, 1, 3, 12)),
    'btcsv_tz_daily': lambda: bt.feeds.BacktraderCSVData(
        dataname=_path('2006-day-001.txt'), tzinput=JST, tz=JST,
        todate=datetime.date(2006, 1, 20)),
    'generic_daily': lambda: bt.feeds.GenericCSVData(
        dataname=_path('2006-day-001.txt'), dtformat='%Y-%m-%d'),
    'generic_min_as_daily': lambda: bt.feeds.GenericCSVData(
        dataname=_path('2006-min-005.txt'), todate=datetime.datetime(2006, 1, 5), **_GEN_MIN),
    'generic_minutes': lambda: bt.feeds.GenericCSVData(
        dataname=_path('2006-min-005.txt'), timeframe=TF.Minutes, **_GEN_MIN),
    'generic_minutes_tzin': lambda: bt.feeds.GenericCSVData(
        dataname=_path('2006-min-005.txt'), timeframe=TF.Minutes, tzinput=EST,
        todate=datetime.datetime(2006, 1, 3, 12), **_GEN_MIN),
    'generic_daily_tzin': lambda: bt.feeds.GenericCSVData(
        dataname=_path('2006-min-005.txt'), tzinput=EST, todate=datetime.datetime(2006, 1, 5),
        **_GEN_MIN),
    'generic_daily_tzboth': lambda: bt.feeds.GenericCSVData(
        dataname=_path('2006-min-005.txt'), tzinput=EST, tz=CET,
        todate=datetime.datetime(2006, 1, 5), **_GEN_MIN),
    'generic_sessionend': lambda: bt.feeds.GenericCSVData(
        dataname=_path('2006-min-005.txt'), sessionend=datetime.time(17, 0),
        todate=datetime.datetime(2006, 1, 5), **_GEN_MIN),
    'generic_ticks_usec': lambda: bt.feeds.GenericCSVData(
        dataname=_path('ticksample.csv'), dtformat='%Y-%m-%dT%H:%M:%S.%f',
        timeframe=TF.Ticks),
    'generic_absent_columns': lambda: bt.feeds.GenericCSVData(
        dataname=_path('2006-day-001.txt'), dtformat='%Y-%m-%d', volume=-1,
        openinterest=None, nullvalue=0.0),
    'generic_callable_dt': lambda: bt.feeds.GenericCSVData(
        dataname=_path('2006-day-001.txt'),
        dtformat=lambda s: datetime.datetime.strptime(s, '%Y-%m-%d') + datetime.timedelta(hours=9),
        timeframe=TF.Minutes),
    'generic_unix_seconds': lambda: bt.feeds.GenericCSVData(
        dataname=io.StringIO('t,o,h,l,c,v,oi\n1136196000,1,2,0.5,1.5,,0\n'
                             '1136282400,2,3,1,2.5,7,\n'),
        name='unix', dtformat=1, timeframe=TF.Minutes),
    'generic_unix_float_seconds': lambda: bt.feeds.GenericCSVData(
        dataname=io.StringIO('t,o,h,l,c,v,oi\n1136196000.25,1,2,0.5,1.5,,0\n'
                             '1136282400.5,2,3,1,2.5,7,\n'),
        name='unix', dtformat=2, timeframe=TF.Seconds),
    'generic_extra_lines': lambda: _OptixCSV(dataname=_path('2006-day-001-optix.txt')),
    'generic_separator': lambda: bt.feeds.GenericCSVData(
        dataname=io.StringIO('d;o;h;l;c;v;oi\n2006-01-02;1;2;0.5;1.5;10;0\n'
                             '2006-01-03;2;3;1;2.5;20;0\n'),
        name='semicolon', separator=';', dtformat='%Y-%m-%d'),
    'yahoo_default': lambda: bt.feeds.YahooFinanceCSVData(dataname=_path('orcl-2014.txt')),
    'yahoo_noadj': lambda: bt.feeds.YahooFinanceCSVData(dataname=_path('orcl-2014.txt'),
                                                       adjclose=False),
    'yahoo_noround': lambda: bt.feeds.YahooFinanceCSVData(dataname=_path('orcl-2014.txt'),
                                                         round=False, roundvolume=2),
    'yahoo_noadjvolume': lambda: bt.feeds.YahooFinanceCSVData(
        dataname=_path('orcl-2014.txt'), adjvolume=False, decimals=3),
    'yahoo_swapcloses': lambda: bt.feeds.YahooFinanceCSVData(dataname=_path('orcl-2014.txt'),
                                                            swapcloses=True),
    'yahoo_reverse': lambda: bt.feeds.YahooFinanceCSVData(
        dataname=_path('yhoo-2014-reversed.txt'), reverse=True),
    'yahoo_legacy': lambda: bt.feeds.YahooLegacyCSV(dataname=_path('yhoo-2014.txt')),
    'yahoo_nulls': lambda: bt.feeds.YahooFinanceCSVData(dataname=io.StringIO(_YAHOO_NULLS),
                                                       name='nulls'),
    'yahoo_fromto': lambda: bt.feeds.YahooFinanceCSVData(
        dataname=_path('yhoo-2014.txt'), fromdate=datetime.date(2014, 6, 1),
        todate=datetime.date(2014, 6, 30), sessionend=datetime.time(16)),
    'pandas_default': lambda: bt.feeds.PandasData(dataname=_frame()),
    'pandas_nocase_off': lambda: bt.feeds.PandasData(dataname=_frame(), nocase=False),
    'pandas_mapping': lambda: bt.feeds.PandasData(dataname=_frame(), open='High', high=0,
                                                  volume=None, openinterest='Close'),
    'pandas_dtcol_name': lambda: bt.feeds.PandasData(dataname=_frame_dtcol(),
                                                     datetime='Datetime'),
    'pandas_dtcol_pos': lambda: bt.feeds.PandasData(dataname=_frame_dtcol(), datetime=0),
    'pandas_tz_index': lambda: bt.feeds.PandasData(dataname=_frame_tz()),
    'pandas_fromto': lambda: bt.feeds.PandasData(
        dataname=_frame(), fromdate=datetime.datetime(2020, 1, 1, 9, 1),
        todate=datetime.datetime(2020, 1, 1, 9, 4)),
    'pandas_extra_line': lambda: _PandasPE(dataname=_pe_frame()),
    'pandas_direct': lambda: bt.feeds.PandasDirectData(dataname=_frame(), openinterest=-1),
    'pandas_direct_reordered': lambda: bt.feeds.PandasDirectData(
        dataname=_frame(), open=4, close=1, volume=-1, openinterest=-1),
    'filter_simple': lambda: _with(bt.feeds.BacktraderCSVData(
        dataname=_path('2006-min-005.txt'), timeframe=TF.Minutes,
        todate=datetime.datetime(2006, 1, 4)), 'addfilter_simple', _time_filter),
    'resample_weekly': lambda: _with(bt.feeds.BacktraderCSVData(
        dataname=_path('2006-day-001.txt')), 'resample', timeframe=TF.Weeks),
    'resample_m30': lambda: _with(bt.feeds.BacktraderCSVData(
        dataname=_path('2006-min-005.txt'), timeframe=TF.Minutes, compression=5),
        'resample', timeframe=TF.Minutes, compression=30),
    'resample_m30_tz': lambda: _with(bt.feeds.BacktraderCSVData(
        dataname=_path('2006-min-005.txt'), timeframe=TF.Minutes, compression=5, tz=EST,
        todate=datetime.datetime(2006, 1, 4)),
        'resample', timeframe=TF.Minutes, compression=30),
    'resample_daily_tz': lambda: _with(bt.feeds.BacktraderCSVData(
        dataname=_path('2006-min-005.txt'), timeframe=TF.Minutes, compression=5,
        tzinput=CET, tz=CET, todate=datetime.datetime(2006, 1, 6)),
        'resample', timeframe=TF.Days),
}


def _with(data, method, *args, **kwargs):
    getattr(data, method)(*args, **kwargs)
    return data


def _bar(data) -> str:
    values = ' '.join(repr(line[0]) for line in data.lines)
    return '%s %s' % (data.num2date(), values)


def collect(name: str, mode: str) -> list:
    data = SCENARIOS[name]()
    data.setenvironment(bt.Cerebro())
    data._start()
    rows = []
    if mode == 'preload':
        data.preload()
        while len(data) < data.buflen():
            data.advance()
            rows.append(_bar(data))
    else:
        while data.next():
            rows.append(_bar(data))
        if data._last():  # a resampler delivers the bar it was building
            rows.append(_bar(data))
    data.stop()
    return rows


def summarise(rows: list) -> dict:
    text = '\n'.join(rows)
    return {'count': len(rows), 'head': rows[:2], 'tail': rows[-2:],
            'sha256': hashlib.sha256(text.encode()).hexdigest()}


MODES = ('preload', 'next')


def _load_goldens() -> dict:
    with open(GOLDEN) as fobj:
        return json.load(fobj)


@pytest.mark.parametrize('mode', MODES)
@pytest.mark.parametrize('name', sorted(SCENARIOS))
def test_matches_upstream(name, mode):
    if name.startswith('pandas'):
        pytest.importorskip('pandas')
    expected = _load_goldens()[name][mode]
    got = summarise(collect(name, mode))
    assert got['count'] == expected['count']
    assert got['head'] == expected['head']
    assert got['tail'] == expected['tail']
    assert got['sha256'] == expected['sha256']


def test_goldens_cover_every_scenario():
    goldens = _load_goldens()
    assert sorted(goldens) == sorted(SCENARIOS)
    for name, entry in goldens.items():
        assert entry['preload']['count'] > 0, name


def _record() -> None:
    if not bt.__version__.startswith('1.9.78'):
        raise SystemExit('record under upstream backtrader 1.9.78.123, not %s'
                         % bt.__version__)
    out = {name: {mode: summarise(collect(name, mode)) for mode in MODES}
           for name in sorted(SCENARIOS)}
    os.makedirs(os.path.dirname(GOLDEN), exist_ok=True)
    with open(GOLDEN, 'w') as fobj:
        json.dump(out, fobj, indent=1, sort_keys=True)
    print('recorded %d scenarios with %s' % (len(out), bt.__version__))


if __name__ == '__main__' and '--record' in sys.argv:
    _record()
