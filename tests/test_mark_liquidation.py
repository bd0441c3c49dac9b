"""Liquidation by mark price (``cerebro.addmarkprices``), on worked examples.

Long 1 at 100, 10x isolated, bracket MMR 0.4%: the liquidation price is
LP = (10 - 100) / (0.004 - 1) = 90.3614...  The traded bars are 5-minute
candles stamped with their start; the mark bars are 15 minutes long, so
a mark bar starting at minute m is known at the end of the traded bar
stamped m + 10.
"""
import csv
import datetime
import os

import pandas as pd
import pytest

import backtrader as bt
from backtrader.brokers._markliq import MarkWatch, bar_end
from backtrader.commissions import PerpetualCommInfo
from backtrader.funding import MarkPrices

START = datetime.datetime(2024, 1, 1)
FIVE = datetime.timedelta(minutes=5)
LP = (10 - 100) / (0.004 - 1)
DATA = os.path.join(os.path.dirname(bt.__file__), 'datafiles')


def _bars(lows, n=12):
    """n flat 5-minute bars at 100; ``lows`` maps a bar index to its low."""
    rows = [dict(open=100.0, high=100.0, low=lows.get(i, 100.0), close=100.0,
                 volume=1e9, openinterest=0.0) for i in range(n)]
    return pd.DataFrame(rows, index=pd.DatetimeIndex(
        [START + i * FIVE for i in range(n)]))


def _marks(lows, n=4, closes=None):
    """n flat 15-minute mark bars at 100 with the given lows/closes."""
    closes = closes or {}
    rows = [dict(open=100.0, high=100.0, low=lows.get(i, 100.0),
                 close=closes.get(i, 100.0)) for i in range(n)]
    return pd.DataFrame(rows, index=pd.DatetimeIndex(
        [START + 3 * i * FIVE for i in range(n)]))


class _Hold(bt.Strategy):
    """Buys 1 on the first bar and records the completed orders."""

    def __init__(self):
        self.done = []

    def next(self):
        if len(self) == 1:
            self.buy(size=1)

    def notify_order(self, order):
        if order.status == order.Completed:
            self.done.append(order)


def _run(bars, marks=None, **kwargs):
    cerebro = bt.Cerebro(stdstats=False, **kwargs)
    data = bt.feeds.PandasData(dataname=bars, name='X',
                               timeframe=bt.TimeFrame.Minutes, compression=5)
    cerebro.adddata(data)
    cerebro.broker.setcash(10000.0)
    cerebro.broker.addcommissioninfo(
        PerpetualCommInfo(leverage=10, margin_mode='isolated'))
    if marks is not None:
        cerebro.addmarkprices(data, marks)
    cerebro.addstrategy(_Hold)
    return cerebro.run()[0]


def _liquidations(strat):
    return [o for o in strat.done if o.info.get('liquidation')]


def _when(order):
    return bt.num2date(order.executed.dt)


def test_a_last_price_spike_without_the_mark_liquidates_nothing():
    bars = _bars({3: 85.0})                  # the trade prints 85 at minute 15
    assert len(_liquidations(_run(bars))) == 1           # by last price: out
    strat = _run(bars, _marks({1: 95.0}))    # the mark only went to 95
    assert _liquidations(strat) == []
    assert strat.broker.getposition(strat.data).size == 1


@pytest.mark.parametrize('runonce', [True, False])
def test_the_mark_liquidates_once_its_bar_is_complete(runonce):
    # mark bar 1 covers minutes 15-30 and reaches 89 < LP; it is complete
    # at the end of the traded bar stamped 25 - not before (no lookahead)
    strat = _run(_bars({}), _marks({1: 89.0}), runonce=runonce)
    (liq,) = _liquidations(strat)
    assert _when(liq) == START + 5 * FIVE
    assert liq.executed.price == pytest.approx(LP)
    assert liq.executed.comm == pytest.approx(LP * 0.005)
    assert strat.broker.getposition(strat.data).size == 0


def test_a_mark_bar_begun_before_the_entry_counts_by_its_close_only():
    # the entry fills at minute 5; mark bar 0 (minutes 0-15) dipped to 85
    # but may have done so before the entry: its close 99 is all that counts
    strat = _run(_bars({}), _marks({0: 85.0}, closes={0: 99.0}))
    assert _liquidations(strat) == []
    # a close below LP liquidates, at the bar the mark bar completes
    strat = _run(_bars({}), _marks({0: 85.0}, closes={0: 88.0}))
    (liq,) = _liquidations(strat)
    assert _when(liq) == START + 2 * FIVE


def test_outside_the_mark_bars_the_bar_prices_decide():
    # marks cover minutes 0-60; a trade at 85 at minute 100 is judged by
    # the bar's low, as the mark feed ended more than two mark bars before
    bars = _bars({20: 85.0}, n=24)
    strat = _run(bars, _marks({}))
    (liq,) = _liquidations(strat)
    assert _when(liq) == START + 20 * FIVE
    # while the marks are fresh the same print is ignored
    strat = _run(_bars({6: 85.0}, n=24), _marks({}))
    assert _liquidations(strat) == []


def test_marks_from_the_funding_csv_format(tmp_path):
    path = tmp_path / 'mark.csv'
    with open(path, 'w', newline='') as handle:
        out = csv.writer(handle)
        out.writerow(['datetime', 'open', 'high', 'low', 'close', 'volume'])
        for i in range(4):
            stamp = (START + 3 * i * FIVE).strftime('%Y-%m-%dT%H:%M:%SZ')
            out.writerow([stamp, 100, 100, 89 if i == 2 else 100, 100, ''])
    (liq,) = _liquidations(_run(_bars({}), str(path)))
    assert _when(liq) == START + 8 * FIVE     # mark bar 2 ends at minute 45


def test_bar_end_by_stamp_convention():
    class _Data:
        _timeframe, _compression = bt.TimeFrame.Minutes, 5

        class datetime:
            @staticmethod
            def datetime(ago):
                return START

    assert bar_end(_Data, 'open') == START + FIVE
    assert bar_end(_Data, 'close') == START
    _Data._timeframe, _Data._compression = bt.TimeFrame.Days, 1
    assert bar_end(_Data, 'open') == START + datetime.timedelta(days=1)
    _Data.datetime.datetime = staticmethod(
        lambda ago: datetime.datetime(2024, 1, 1, 23, 59, 59, 999999))
    assert bar_end(_Data, 'open') == datetime.datetime(2024, 1, 1, 23, 59, 59, 999999)


def test_mark_prices_bars_complete_by_a_time():
    marks = MarkPrices(_marks({}, n=4))
    assert marks.interval == 3 * FIVE
    assert list(marks.closed_between(None, START + 3 * FIVE)) == [0]
    assert list(marks.closed_between(START + 3 * FIVE, START + 8 * FIVE)) == [1]
    assert list(marks.closed_between(None, START + 2 * FIVE)) == []
    assert marks.extremes(0) == (100.0, 100.0, 100.0)


@pytest.mark.parametrize('kwargs, message', [
    (dict(stamps='middle'), "stamps must be 'open' or 'close'"),
])
def test_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        MarkWatch(_marks({}), **kwargs)


def test_bad_mark_sources():
    with pytest.raises(ValueError, match='single mark bar'):
        MarkWatch(_marks({}, n=1))
    with pytest.raises(ValueError, match='interval must be a positive'):
        MarkPrices(_marks({}), interval=datetime.timedelta(0))
    frame = _marks({})
    frame.loc[frame.index[1], 'low'] = 101.0
    with pytest.raises(ValueError, match='low 101.0 / high 100.0 do not hold'):
        MarkPrices(frame)


def _hourly_marks():
    with open(os.path.join(DATA, 'XRPUSDT-PERP-mark-1h.csv'), newline='') as fh:
        rows = list(csv.DictReader(fh))
    return [(datetime.datetime.strptime(r['datetime'], '%Y-%m-%dT%H:%M:%SZ'),
             float(r['low']), float(r['close'])) for r in rows]


def test_real_xrp_marks_liquidate_where_an_independent_scan_says():
    """Long XRP at 50x from the 5-minute bars; the hourly marks decide.
    The test scans the mark bars itself: the first one that began after
    the entry with a low below LP (or that began before it and closed
    below) liquidates at the traded bar ending with that hour."""
    class _Long(bt.Strategy):
        def __init__(self):
            self.done = []

        def next(self):
            if self.data.datetime.datetime(0) == datetime.datetime(2021, 11, 15, 7, 55):
                self.buy(size=1000)

        def notify_order(self, order):
            if order.status == order.Completed:
                self.done.append(order)

    cerebro = bt.Cerebro(stdstats=False)
    data = bt.feeds.GenericCSVData(
        dataname=os.path.join(DATA, 'XRPUSDT-PERP-5m.csv'),
        dtformat='%Y-%m-%dT%H:%M:%SZ', timeframe=bt.TimeFrame.Minutes,
        compression=5, openinterest=-1)
    cerebro.adddata(data)
    cerebro.broker.setcash(10000.0)
    comm = PerpetualCommInfo(leverage=50, margin_mode='isolated')
    cerebro.broker.addcommissioninfo(comm)
    cerebro.addmarkprices(data, os.path.join(DATA, 'XRPUSDT-PERP-mark-1h.csv'))
    cerebro.addstrategy(_Long)
    strat = cerebro.run()[0]
    buy = strat.done[0]
    entry = bt.num2date(buy.executed.dt)
    assert entry == datetime.datetime(2021, 11, 15, 8, 0)
    lp = comm.liquidation_price(1000, buy.executed.price)
    hour = datetime.timedelta(hours=1)
    expected = None
    for start, low, close in _hourly_marks():
        seen = low if start >= entry else close
        if start + hour > entry and seen <= lp:
            expected = start + hour - FIVE   # the traded bar ending the hour
            break
    assert expected is not None, 'the bundled marks should reach a 50x LP'
    (liq,) = [o for o in strat.done if o.info.get('liquidation')]
    assert bt.num2date(liq.executed.dt) == expected
    assert liq.executed.price == pytest.approx(lp)


class _Values(_Hold):
    def __init__(self):
        super().__init__()
        self.values = []

    def next(self):
        super().next()
        self.values.append(self.broker.getvalue())


def test_open_positions_are_valued_at_the_mark():
    # entry fee: taker 0.05% of 100 = 0.05; mark bar 1 (minutes 15-30)
    # closes at 95, complete at the traded bar stamped 25 (index 5): the
    # long is worth 5 less there while the traded close stays 100; after
    # the marks end (stale past minute 90) the close values it again
    cerebro = bt.Cerebro(stdstats=False)
    data = bt.feeds.PandasData(dataname=_bars({}, n=24), name='X',
                               timeframe=bt.TimeFrame.Minutes, compression=5)
    cerebro.adddata(data)
    cerebro.broker.setcash(10000.0)
    cerebro.broker.addcommissioninfo(
        PerpetualCommInfo(leverage=10, margin_mode='isolated'))
    cerebro.addmarkprices(data, _marks({1: 95.0}, closes={1: 95.0}))
    cerebro.addstrategy(_Values)
    values = cerebro.run()[0].values
    start = 10000.0 - 0.05
    assert values[4] == pytest.approx(start)
    assert values[5] == pytest.approx(start - 5.0)
    assert values[8] == pytest.approx(start)         # mark bar 2 closed at 100
    assert values[23] == pytest.approx(start)        # marks stale: the close
