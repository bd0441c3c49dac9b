"""Crypto exchange CSV files through GenericCSVData, preloaded in one go or
read line by line (two code paths that must give the same bars)."""
from __future__ import annotations

import datetime
import os

import pytest

import backtrader as bt
from backtrader.utils.date import date2num

HERE = os.path.dirname(os.path.abspath(__file__))
BTC = os.path.join(HERE, 'data', 'crypto', 'BTCUSDT-1d.csv')


def _bars(preload: bool, **kwargs) -> list:
    data = bt.feeds.GenericCSVData(dataname=BTC, dtformat='%Y-%m-%d', openinterest=-1,
                                   **kwargs)
    data._start()
    if preload:
        data.preload()
        rows = []
        while len(data) < data.buflen():
            data.advance()
            rows.append(tuple(line[0] for line in data.lines))
        return rows
    rows = []
    while data.next():
        rows.append(tuple(line[0] for line in data.lines))
    return rows


def _same(a, b) -> bool:
    return all(x == y or (x != x and y != y) for x, y in zip(a, b))


@pytest.mark.parametrize('kwargs', [
    {},
    {'timeframe': bt.TimeFrame.Minutes},
    {'fromdate': datetime.date(2022, 6, 1), 'todate': datetime.date(2022, 6, 30)},
    {'tzinput': 'UTC', 'tz': 'Europe/Berlin'},
])
def test_preload_and_line_by_line_agree(kwargs):
    fast, slow = _bars(True, **kwargs), _bars(False, **kwargs)
    assert len(fast) == len(slow) > 0
    assert all(_same(a, b) for a, b in zip(fast, slow))


def test_btcusdt_daily_values():
    rows = _bars(True)
    assert len(rows) == 364  # 2022-04-06 .. 2023-04-04
    close, low, high, open_, volume, oi, dtnum = rows[0]
    # first line: 2022-04-06,45497.54,45507.14,43121.0,43170.47,60849.32936
    assert (open_, high, low, close, volume) == (45497.54, 45507.14, 43121.0, 43170.47,
                                                 60849.32936)
    assert oi != oi  # no open interest column: NaN
    assert dtnum == date2num(datetime.datetime(2022, 4, 6, 23, 59, 59, 999990))
