"""The vectorised helpers behind bulk loading give exactly the values of
the scalar code they replace (date2num, round, float, strptime)."""
from __future__ import annotations

import datetime
import random

import numpy as np
import pytest

import backtrader as bt
from backtrader import _feedbulk
from backtrader.utils.date import date2num


def test_encode_datetimes_matches_date2num():
    rng = random.Random(7)
    ordinals, usecs, expected = [], [], []
    for _ in range(70000):  # more than one chunk
        ordinal = rng.choice([1, 2, 719163, 3652059, rng.randint(1, 3652059)])
        usec = rng.choice([0, 86399999990, rng.randrange(86400) * 1000000,
                           rng.randrange(86400000000)])
        ordinals.append(ordinal)
        usecs.append(usec)
        day = datetime.datetime.fromordinal(ordinal)
        expected.append(date2num(day + datetime.timedelta(microseconds=usec)))
    got = _feedbulk.encode_datetimes(ordinals, usecs)
    assert got.tolist() == expected


def test_pyround_matches_round():
    rng = random.Random(3)
    values = [rng.uniform(-1000, 1000) for _ in range(20000)]
    values += [x / 200 + 0.005 for x in range(20000)] + [2.675, 1.005, -0.0, 1e20,
                                                         float('inf'), 0.5, 1.5, 2.5]
    for ndigits in (0, 1, 2, 3, 7):
        got = _feedbulk.pyround(values, ndigits)
        assert [repr(x) for x in got] == [repr(round(x, ndigits)) for x in values]
    assert _feedbulk.pyround([1.25, float('nan')], 1)[0] == 1.2


@pytest.mark.parametrize('fmt', ['%Y-%m-%d', '%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M:%S.%f',
                                 '%d/%m/%y', '%m/%d/%Y %H:%M', '%Y%m%d'])
def test_parse_fixed_and_make_strptime_match_strptime(fmt):
    rng = random.Random(1)
    stamps = [datetime.datetime(1950, 1, 1) + datetime.timedelta(
        seconds=rng.randrange(3 * 10 ** 9), microseconds=rng.randrange(1000) * 1000)
        for _ in range(3000)]
    texts = [stamp.strftime(fmt) for stamp in stamps]
    if fmt.endswith('%f'):
        texts = [text[:-3] for text in texts]  # milliseconds, as in ticksample.csv
    expected = [datetime.datetime.strptime(text, fmt) for text in texts]
    ordinals, usecs = _feedbulk.parse_fixed(texts, fmt)
    assert ordinals.tolist() == [dt.toordinal() for dt in expected]
    assert usecs.tolist() == [_feedbulk.time_usecs(dt.time()) for dt in expected]
    parse = _feedbulk.make_strptime(fmt)
    assert [parse(text) for text in texts] == expected


@pytest.mark.parametrize('texts', [['2006-02-30'], ['2006-13-01'], ['2006-1-02'],
                                   ['0000-01-01'], ['2006-01-0x']])
def test_parse_fixed_leaves_odd_dates_to_strptime(texts):
    assert _feedbulk.parse_fixed(texts, '%Y-%m-%d') is None


def test_make_strptime_errors_are_strptime_errors():
    parse = _feedbulk.make_strptime('%Y-%m-%d %H:%M:%S')
    assert parse('2006-1-2 9:05:00') == datetime.datetime(2006, 1, 2, 9, 5)
    for bad in ('2006-02-30 10:00:00', '2006-01-02 24:00:00', 'x'):
        with pytest.raises(ValueError) as mine:
            parse(bad)
        with pytest.raises(ValueError) as ref:
            datetime.datetime.strptime(bad, '%Y-%m-%d %H:%M:%S')
        assert str(mine.value) == str(ref.value)


def test_read_columns():
    lines = ['2006-01-02,1.5,2', '2006-01-03,1e3,-inf']
    cols = _feedbulk.read_columns(lines, ',', {0})
    assert cols[0] == ['2006-01-02', '2006-01-03']
    assert list(cols[1]) == [1.5, 1000.0] and list(cols[2]) == [2.0, float('-inf')]
    assert _feedbulk.read_columns(['a,1', 'b,1,2'], ',', {0}) is None  # ragged
    assert _feedbulk.read_columns(['a,1', 'b,x'], ',', {0}) is None  # not a number
    cols = _feedbulk.read_columns(['a,', 'b,2'], ',', {0}, nullvalue=0.5)
    assert list(cols[1]) == [0.5, 2.0]


def test_pandas_timestamps_with_nanoseconds():
    pd = pytest.importorskip('pandas')
    index = pd.DatetimeIndex(['1969-12-31 23:59:59.999999999', '2020-01-01 00:00:00.000000999',
                              '2020-01-01 12:34:56.789012345'])
    frame = pd.DataFrame({'close': [1.0, 2.0, 3.0]}, index=index)
    data = bt.feeds.PandasData(dataname=frame)
    data._start()
    data.preload()
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        expected = [date2num(ts.to_pydatetime()) for ts in index]
    assert list(data.lines.datetime.array) == expected


def test_pandas_large_frame_preload_and_next_agree():
    pd = pytest.importorskip('pandas')
    size = 70000
    index = pd.date_range('2020-01-01', periods=size, freq='7s', tz='Europe/Paris')
    values = np.arange(size, dtype='d')
    frame = pd.DataFrame({'open': values, 'close': values + 0.5,
                          'volume': np.arange(size)}, index=index)
    fast = bt.feeds.PandasData(dataname=frame)
    fast._start()
    fast.preload()
    slow = bt.feeds.PandasData(dataname=frame)
    slow._start()
    count = 0
    while slow.next():
        count += 1
    assert count == size == fast.buflen()
    for name in ('datetime', 'open', 'close', 'volume'):
        assert list(getattr(fast.lines, name).array) == list(getattr(slow.lines, name).array)
    assert fast.lines.datetime.array[0] == date2num(index[0].to_pydatetime())


def test_date_parsers_pickle_for_optimisation_workers():
    import datetime
    import pickle
    from backtrader._feedbulk import make_strptime
    for fmt, text in (('%Y-%m-%d', '2024-01-02'), ('%d/%m/%y %H:%M', '02/01/24 13:45'),
                      ('%Y-%m-%dT%H:%M:%SZ', '2024-01-02T03:04:05Z')):
        parser = pickle.loads(pickle.dumps(make_strptime(fmt)))
        assert parser(text) == datetime.datetime.strptime(text, fmt)
