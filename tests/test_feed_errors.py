"""Bad input in data feeds gives errors that name the file, line and field.

Upstream raises bare ``ValueError: could not convert string to float`` (or
``StopIteration``/``IndexError``) without saying where; these errors are a
deliberate improvement and keep ``ValueError`` as base class.
"""
from __future__ import annotations

import datetime
import io
import os
import shutil

import pytest

import backtrader as bt
from backtrader.errors import DataError

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, 'data', 'upstream')
HEADER = 'Date,Open,High,Low,Close,Volume,OpenInterest\n'
GOOD = '2006-01-02,3578.73,3605.95,3578.73,3604.33,0,0\n'


def _load(data, preload=True):
    data._start()
    if preload:
        data.preload()
    else:
        while data.next():
            pass
    return data


def _stream(text, cls=bt.feeds.BacktraderCSVData, **kwargs):
    return cls(dataname=io.StringIO(text), name='stream', **kwargs)


@pytest.fixture
def badfile(tmp_path):
    """A copy of 2006-day-001.txt whose line 17 has close='abc'."""
    src = os.path.join(DATA, '2006-day-001.txt')
    dst = tmp_path / '2006-day-001.txt'
    lines = open(src).read().split('\n')
    fields = lines[16].split(',')
    fields[4] = 'abc'
    lines[16] = ','.join(fields)
    dst.write_text('\n'.join(lines))
    return str(dst)


@pytest.mark.parametrize('preload', [True, False])
def test_bad_number_names_file_line_and_field(badfile, preload):
    data = bt.feeds.BacktraderCSVData(dataname=badfile)
    with pytest.raises(DataError) as info:
        _load(data, preload)
    msg = str(info.value)
    assert badfile in msg
    assert 'line 17' in msg
    assert "field 'close'" in msg
    assert "'abc'" in msg
    assert isinstance(info.value, ValueError)


def test_bars_before_the_bad_line_are_delivered_bar_by_bar(badfile):
    data = bt.feeds.BacktraderCSVData(dataname=badfile)
    data._start()
    seen = 0
    with pytest.raises(DataError):
        while data.next():
            seen += 1
    assert seen == 15  # line 17 is the 16th bar (line 1 is the header)


@pytest.mark.parametrize('row,expected', [
    ('2006-01-02,1,2,0.5,1.5,10\n', 'expected 7 or 8 fields, got 6'),
    ('2006-01-02,1,2,0.5,abc,10,0\n', "field 'close': could not convert 'abc'"),
    ('2006-01-02,1,2,0.5,1.5,,0\n', "field 'volume': could not convert ''"),
    ('2006-xx-02,1,2,0.5,1.5,10,0\n', "field 'date': could not convert '2006-xx-02'"),
    ('2006-02-30,1,2,0.5,1.5,10,0\n', "field 'date'"),
    ('2006-01-02,09:3x:00,1,2,0.5,1.5,10,0\n', "field 'time': could not convert '09:3x:00'"),
])
@pytest.mark.parametrize('preload', [True, False])
def test_btcsv_malformed_rows(row, expected, preload):
    data = _stream(HEADER + GOOD + row)
    with pytest.raises(DataError) as info:
        _load(data, preload)
    assert 'stream line 3' in str(info.value)
    assert expected in str(info.value)


def test_btcsv_blank_lines_are_skipped():
    # upstream fails on the empty line (int('') in the date parser)
    data = _load(_stream(HEADER + GOOD + '\n' + GOOD.replace('01-02', '01-03') + '\n\n'))
    assert data.buflen() == 2


def test_btcsv_more_than_eight_fields_ignores_the_extra_ones():
    data = _load(_stream(HEADER + '2006-01-02,1,2,0.5,1.5,10,0,7,8\n'))
    data.advance()
    assert (data.open[0], data.close[0], data.openinterest[0]) == (1.0, 1.5, 0.0)


@pytest.mark.parametrize('preload', [True, False])
def test_generic_missing_column(preload):
    data = _stream(HEADER + '2006-01-02,1,2,0.5,1.5,10,0\n2006-01-03,1,2,0.5,1.5\n',
                   cls=bt.feeds.GenericCSVData, dtformat='%Y-%m-%d')
    with pytest.raises(DataError, match=r'stream line 3: expected at least 7 fields, got 5'):
        _load(data, preload)


@pytest.mark.parametrize('preload', [True, False])
def test_generic_bad_datetime(preload):
    data = _stream(HEADER + '2006-01-02 10:00:00,1,2,0.5,1.5,,0\n2006-01-03,1,2,0.5,1.5,5,1\n',
                   cls=bt.feeds.GenericCSVData)
    with pytest.raises(DataError, match=r"stream line 3, field 'datetime': could not "
                                        r"convert '2006-01-03'"):
        _load(data, preload)


def test_generic_bad_float_names_field():
    data = _stream(HEADER + '2006-01-02,1,2,x.5,1.5,10,0\n', cls=bt.feeds.GenericCSVData,
                   dtformat='%Y-%m-%d')
    with pytest.raises(DataError, match=r"stream line 2, field 'low': could not convert 'x.5'"):
        _load(data)


def test_generic_bad_dtformat_values():
    with pytest.raises(ValueError, match='dtformat'):
        _load(_stream(HEADER + GOOD, cls=bt.feeds.GenericCSVData, dtformat=3))
    with pytest.raises(TypeError, match='dtformat'):
        _load(_stream(HEADER + GOOD, cls=bt.feeds.GenericCSVData, dtformat=3.5))


def test_generic_line_without_column_param():
    class Extra(bt.feeds.GenericCSVData):
        lines = ('pe',)

    with pytest.raises(TypeError, match="line 'pe' has no parameter"):
        _load(_stream(HEADER + GOOD, cls=Extra, dtformat='%Y-%m-%d'))


def test_yahoo_zero_adjusted_close():
    text = 'Date,Open,High,Low,Close,Adj Close,Volume\n2014-01-02,1,2,0.5,1.5,0,100\n'
    data = bt.feeds.YahooFinanceCSVData(dataname=io.StringIO(text), name='yh')
    with pytest.raises(DataError, match=r"yh line 2, field 'adjclose': adjusted close is 0"):
        _load(data)
    # not adjusting needs no factor
    data = _load(bt.feeds.YahooFinanceCSVData(dataname=io.StringIO(text), name='yh',
                                              adjclose=False))
    assert data.buflen() == 1


def test_yahoo_short_line():
    text = 'Date,Open,High,Low,Close,Adj Close,Volume\n2014-01-02,1,2,0.5,1.5\n'
    data = bt.feeds.YahooFinanceCSVData(dataname=io.StringIO(text), name='yh')
    with pytest.raises(DataError, match='yh line 2: expected at least 6 fields, got 5'):
        _load(data)


def test_missing_file_and_bad_dataname(tmp_path):
    with pytest.raises(FileNotFoundError):
        _load(bt.feeds.BacktraderCSVData(dataname=str(tmp_path / 'nope.txt')))
    with pytest.raises(TypeError, match='dataname'):
        _load(bt.feeds.BacktraderCSVData(dataname=12))


def test_user_loadline_errors_get_the_location():
    class Mine(bt.feed.CSVDataBase):
        def _loadline(self, linetokens):
            self.lines.datetime[0] = bt.date2num(datetime.datetime(2020, 1, 1))
            self.lines.close[0] = float(linetokens[9])  # IndexError
            return True

    with pytest.raises(DataError, match=r'mine line 2: list index out of range'):
        _load(Mine(dataname=io.StringIO(HEADER + GOOD), name='mine'))


def test_pandas_errors():
    pd = pytest.importorskip('pandas')
    frame = pd.DataFrame({'close': [1.0, 2.0]})  # RangeIndex: no timestamps
    with pytest.raises(DataError, match='PandasData: 0 is not a timestamp'):
        _load(bt.feeds.PandasData(dataname=frame))
    frame.index = pd.date_range('2020-01-01', periods=2)
    with pytest.raises(ValueError, match=r"column 'nope' \(param open\) is not in the "
                                         r"DataFrame columns"):
        _load(bt.feeds.PandasData(dataname=frame, open='nope'))
    frame['close'] = frame['close'].astype(object)
    frame.iloc[1, 0] = 'x'
    for preload in (True, False):
        with pytest.raises(DataError, match=r"PandasData row 1, field 'close': 'x' is not "
                                            r"a number"):
            _load(bt.feeds.PandasData(dataname=frame), preload)
    with pytest.raises(TypeError, match='DataFrame'):
        bt.feeds.PandasData(dataname=[1, 2])


def test_file_is_closed_after_preload_and_stop(tmp_path):
    path = tmp_path / 'd.txt'
    shutil.copy(os.path.join(DATA, '2006-day-001.txt'), path)
    data = _load(bt.feeds.BacktraderCSVData(dataname=str(path)))
    assert data.f is None
    data = bt.feeds.BacktraderCSVData(dataname=str(path))
    data._start()
    data.next()
    handle = data.f
    data.stop()
    assert data.f is None and handle.closed
