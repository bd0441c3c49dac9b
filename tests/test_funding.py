"""Perpetual futures funding: rates, mark prices, payments, the schedule a
broker calls every bar, and the FundingAnalyzer.

The cash flows are checked against hand-worked numbers and against an
independent pandas computation over the bundled XRPUSDT perpetual files
(funding every 8 hours, mark price candles of 8 hours and 1 hour)."""
from __future__ import annotations

import datetime
import math
import os
import random
from types import SimpleNamespace

import pandas as pd
import pytest

import backtrader as bt
from backtrader.funding import FundingPayment, FundingRates, FundingSchedule, MarkPrices
from backtrader.utils.date import date2num

D = datetime.datetime
H8 = datetime.timedelta(hours=8)
FILES = os.path.join(os.path.dirname(bt.__file__), 'datafiles')
RATES_CSV = os.path.join(FILES, 'XRPUSDT-PERP-funding-8h.csv')
MARK8_CSV = os.path.join(FILES, 'XRPUSDT-PERP-mark-8h.csv')
MARK1_CSV = os.path.join(FILES, 'XRPUSDT-PERP-mark-1h.csv')
BARS5_CSV = os.path.join(FILES, 'XRPUSDT-PERP-5m.csv')


def _utc_index(values) -> pd.DatetimeIndex:
    return pd.DatetimeIndex(pd.to_datetime(values, utc=True)).tz_localize(None)


def _pandas_rates() -> pd.Series:
    frame = pd.read_csv(RATES_CSV)
    return pd.Series(frame['funding_rate'].values,
                     index=_utc_index(frame['datetime']).round('s'))


def _pandas_marks(path) -> pd.DataFrame:
    frame = pd.read_csv(path)
    frame.index = _utc_index(frame.pop('datetime'))
    return frame


def _write(tmp_path, lines, name='rates.csv') -> str:
    path = tmp_path / name
    path.write_text('\n'.join(lines) + '\n')
    return str(path)


def _csv_lines(path) -> list:
    with open(path) as handle:
        return handle.read().splitlines()


# --- FundingPayment: the sign convention ----------------------------------------------
@pytest.mark.parametrize('size, rate, amount', [
    (10.0, 0.001, -0.02),    # long, positive rate: pays
    (-10.0, 0.001, 0.02),    # short, positive rate: receives
    (10.0, -0.001, 0.02),    # long, negative rate: receives
    (-10.0, -0.001, -0.02),  # short, negative rate: pays
])
def test_payment_signs(size, rate, amount):
    pay = FundingPayment.compute(D(2022, 1, 1, 8), 'XRPUSDT', rate, 2.0, size)
    assert pay.amount == pytest.approx(amount, rel=1e-12)
    assert pay.notional == 20.0  # abs(size) * mark
    assert (pay.dt, pay.name, pay.rate, pay.mark, pay.size) == (
        D(2022, 1, 1, 8), 'XRPUSDT', rate, 2.0, size)


def test_payment_zero_rate_is_plus_zero_and_frozen():
    pay = FundingPayment.compute(D(2022, 1, 1), 'X', 0.0, 1.5, 4.0)
    assert pay.amount == 0.0 and math.copysign(1.0, pay.amount) == 1.0
    with pytest.raises(AttributeError):
        pay.amount = 1.0


# --- FundingRates: sources -----------------------------------------------------------
def test_rates_from_csv_snapped_to_the_second():
    rates = FundingRates(RATES_CSV)
    assert len(rates) == 91
    assert rates.interval == H8
    assert rates.times[0] == D(2021, 11, 18)  # file: 00:00:00.017000Z
    assert rates.times[-1] == D(2021, 12, 18)
    assert all(t.minute == t.second == t.microsecond == 0 and t.hour in (0, 8, 16)
               for t in rates.times)
    assert list(rates.times) == list(_pandas_rates().index.to_pydatetime())
    assert list(rates.rates) == list(_pandas_rates().values)
    assert rates.rate_at(D(2021, 11, 20)) == 0.00013046
    assert rates.rate_at(D(2021, 11, 20, 1)) is None


def test_rates_exact_times_with_snap_false():
    rates = FundingRates(RATES_CSV, snap=False)
    assert rates.times[0] == D(2021, 11, 18, 0, 0, 0, 17000)
    assert rates.interval == H8  # the median spacing, rounded to the second
    assert rates.due(D(2021, 11, 17), D(2021, 11, 18)) == []  # paid 17 ms later
    assert rates.due(D(2021, 11, 17), D(2021, 11, 18, 0, 5)) == [
        (D(2021, 11, 18, 0, 0, 0, 17000), 0.0001)]


def test_rates_from_series_frame_and_pairs_agree_with_csv():
    reference = FundingRates(RATES_CSV)
    series = _pandas_rates()
    aware = series.copy()
    aware.index = aware.index.tz_localize('UTC').tz_convert('Asia/Tokyo')
    frame = pd.read_csv(RATES_CSV)  # datetime column of ISO strings
    pairs = [(t.to_pydatetime(), float(r)) for t, r in aware.items()]
    for source in (series, aware, frame, series.to_frame('funding_rate'), pairs):
        rates = FundingRates(source)
        assert rates.times == reference.times
        assert rates.rates == reference.rates


def test_rates_epoch_milliseconds_and_binance_column_names(tmp_path):
    path = _write(tmp_path, ['calc_time,funding_interval_hours,last_funding_rate',
                             '1637193600017,8,0.0001', '1637222400007,8,-0.0002'])
    rates = FundingRates(path)
    assert rates.times == (D(2021, 11, 18), D(2021, 11, 18, 8))
    assert rates.rates == (0.0001, -0.0002)


# --- FundingRates: validation ----------------------------------------------------------
def test_unsorted_times_name_the_lines(tmp_path):
    lines = _csv_lines(RATES_CSV)[:6]
    lines[3], lines[4] = lines[4], lines[3]
    path = _write(tmp_path, lines)
    with pytest.raises(ValueError, match=r'not in ascending order') as info:
        FundingRates(path)
    assert 'line 4' in str(info.value) and 'line 5' in str(info.value)
    assert 'rates.csv' in str(info.value)


def test_duplicate_times_after_snapping(tmp_path):
    path = _write(tmp_path, ['datetime,funding_rate', '2021-11-18T00:00:00.017Z,0.0001',
                             '2021-11-18T00:00:00.200Z,0.0002'])
    with pytest.raises(ValueError, match=r'duplicate funding time 2021-11-18 00:00:00'):
        FundingRates(path)
    assert len(FundingRates(path, snap=False)) == 2


@pytest.mark.parametrize('cell, message', [
    ('nan', 'NaN/infinite'), ('inf', 'NaN/infinite'), ('abc', 'not a number'),
    ('', 'not a number')])
def test_bad_rates_name_file_and_line(tmp_path, cell, message):
    lines = _csv_lines(RATES_CSV)[:5]
    lines[3] = lines[3].split(',')[0] + ',' + cell
    path = _write(tmp_path, lines)
    with pytest.raises(ValueError, match=message) as info:
        FundingRates(path)
    assert "rates.csv' line 4" in str(info.value)


def test_bad_inputs_raise_typed_errors(tmp_path):
    with pytest.raises(TypeError, match='rate must be a number'):
        FundingRates([(D(2022, 1, 1), None)])
    with pytest.raises(ValueError, match='entry 1: rate'):
        FundingRates([(D(2022, 1, 1), 0.1), (D(2022, 1, 1, 8), float('nan'))])
    with pytest.raises(TypeError, match='pair'):
        FundingRates([D(2022, 1, 1)])
    with pytest.raises(TypeError, match='source must be'):
        FundingRates(0.0001)
    with pytest.raises(ValueError, match='no funding rates'):
        FundingRates([])
    with pytest.raises(ValueError, match='not a date/time'):
        FundingRates([('yesterday', 0.1)])
    with pytest.raises(ValueError, match='no rate column'):
        FundingRates(_write(tmp_path, ['datetime,close', '2022-01-01,1.0']))
    with pytest.raises(ValueError, match='interval must be a positive timedelta'):
        FundingRates(RATES_CSV, interval=datetime.timedelta(0))


def test_gap_detection_names_the_first_gap(tmp_path):
    lines = _csv_lines(RATES_CSV)
    del lines[9]  # 2021-11-20T16:00
    path = _write(tmp_path, lines)
    with pytest.raises(ValueError) as info:
        FundingRates(path)
    message = str(info.value)
    assert 'gap in the funding times from 2021-11-20 08:00:00 to 2021-11-21 00:00:00' \
        in message
    assert 'allow_gaps=True' in message and '8:00:00 interval' in message
    rates = FundingRates(path, allow_gaps=True)
    assert rates.gaps == [(D(2021, 11, 20, 8), D(2021, 11, 21))]
    assert len(rates) == 90 and rates.interval == H8
    # a spacing of 1.5 x the interval or less is no gap
    short = FundingRates([(D(2022, 1, 1), 0.1), (D(2022, 1, 1, 8), 0.1),
                          (D(2022, 1, 1, 20), 0.1)], interval=H8)
    assert short.gaps == []
    with pytest.raises(ValueError, match='gap'):
        FundingRates([(D(2022, 1, 1), 0.1), (D(2022, 1, 1, 12, 0, 1), 0.1)],
                     interval=H8)


# --- due(): window bounds and the cursor ------------------------------------------------
def test_due_window_excludes_after_includes_upto():
    rates = FundingRates(RATES_CSV)
    assert rates.due(D(2021, 11, 18), D(2021, 11, 18, 8)) == [(D(2021, 11, 18, 8), 0.0001)]
    assert rates.due(D(2021, 11, 17, 23), D(2021, 11, 18)) == [(D(2021, 11, 18), 0.0001)]
    assert rates.due(D(2021, 11, 18, 0, 0, 1), D(2021, 11, 18, 7, 59)) == []
    assert rates.due(D(2021, 12, 18), D(2022, 1, 1)) == []
    assert rates.due(D(2021, 11, 18, 8), D(2021, 11, 18)) == []  # empty window
    assert rates.next_time(D(2021, 11, 18)) == D(2021, 11, 18, 8)
    assert rates.next_time(D(2021, 12, 18)) is None


def _brute(times, rates, after, upto):
    return [(t, r) for t, r in zip(times, rates) if after < t <= upto]


def test_due_cursor_across_sequential_and_random_calls():
    rates = FundingRates(RATES_CSV)
    times, values = rates.times, rates.rates
    rng = random.Random(20211118)
    now = D(2021, 11, 17)
    total = []
    while now < D(2021, 12, 20):  # a bar clock with irregular steps
        step = datetime.timedelta(minutes=rng.choice([1, 5, 60, 240, 480, 1000, 3000]))
        got = rates.due(now, now + step)
        assert got == _brute(times, values, now, now + step)
        total.extend(got)
        now += step
    assert total == list(zip(times, values))  # every funding exactly once
    for _ in range(300):  # jumps back and forth
        after = D(2021, 11, 17) + datetime.timedelta(minutes=rng.randrange(0, 50000))
        upto = after + datetime.timedelta(minutes=rng.randrange(0, 5000))
        assert rates.due(after, upto) == _brute(times, values, after, upto)


# --- the constant schedule ---------------------------------------------------------------
def test_constant_schedule_every_8_hours_from_midnight():
    rates = FundingRates.constant(0.0001)
    assert rates.interval == H8
    assert rates.due(D(2022, 3, 5), D(2022, 3, 6)) == [
        (D(2022, 3, 5, 8), 0.0001), (D(2022, 3, 5, 16), 0.0001), (D(2022, 3, 6), 0.0001)]
    assert [t.hour for t, _ in rates.due(D(2022, 3, 4, 23, 59), D(2022, 3, 5, 23, 59))] == [
        0, 8, 16]
    assert rates.due(D(2022, 3, 5, 0, 0, 1), D(2022, 3, 5, 7, 59, 59)) == []
    assert rates.next_time(D(2022, 3, 5, 16)) == D(2022, 3, 6)
    assert rates.next_time(D(1969, 12, 31, 23)) == D(1970, 1, 1)  # before the anchor
    assert rates.rate_at(D(2030, 1, 1, 16)) == 0.0001
    assert rates.rate_at(D(2030, 1, 1, 15)) is None
    with pytest.raises(TypeError):
        len(rates)


def test_constant_schedule_custom_interval_and_anchor():
    hourly = FundingRates.constant(-0.0002, interval=datetime.timedelta(hours=4),
                                   anchor=datetime.time(2, 0))
    assert [t.hour for t, _ in hourly.due(D(2022, 1, 1), D(2022, 1, 2))] == [
        2, 6, 10, 14, 18, 22]
    assert all(rate == -0.0002 for _, rate in hourly.due(D(2022, 1, 1), D(2022, 1, 2)))
    with pytest.raises(ValueError, match='interval'):
        FundingRates.constant(0.0001, interval=datetime.timedelta(0))
    with pytest.raises(ValueError, match='NaN'):
        FundingRates.constant(float('nan'))
    with pytest.raises(TypeError, match='anchor'):
        FundingRates.constant(0.0001, anchor='00:00')


# --- MarkPrices ----------------------------------------------------------------------------
def test_mark_open_at_the_bar_start_else_previous_close():
    marks = MarkPrices(MARK8_CSV)
    frame = _pandas_marks(MARK8_CSV)
    assert len(marks) == 91
    assert marks.at(D(2021, 11, 18)) == frame['open'].iloc[0] == 1.0959
    assert marks.at(D(2021, 11, 18, 3)) == frame['close'].iloc[0] == 1.1074
    assert marks.at(D(2021, 12, 25)) == frame['close'].iloc[-1]  # past the end
    with pytest.raises(LookupError, match='no mark price at or before 2021-11-17'):
        marks.at(D(2021, 11, 17, 23))


def test_mark_hourly_feed_with_empty_volume_fallback_and_maxage():
    hourly = MarkPrices(MARK1_CSV)  # its volume column is empty
    frame = _pandas_marks(MARK1_CSV)
    assert hourly.at(D(2021, 11, 18, 8)) == frame.loc[pd.Timestamp('2021-11-18 08:00'),
                                                      'open']
    assert hourly.at(D(2021, 11, 18, 8, 30)) == frame.loc[pd.Timestamp('2021-11-18 08:00'),
                                                          'close']
    seen = []
    guarded = MarkPrices(MARK1_CSV, maxage=datetime.timedelta(hours=1),
                         fallback=lambda dt: seen.append(dt) or 9.0)
    assert guarded.at(D(2021, 11, 19, 9, 30)) == frame['close'].iloc[-1]
    assert guarded.at(D(2021, 11, 19, 12)) == 9.0  # last bar 3 hours old
    assert guarded.at(D(2021, 11, 1)) == 9.0  # before the feed
    assert seen == [D(2021, 11, 19, 12), D(2021, 11, 1)]
    with pytest.raises(LookupError, match='older than maxage'):
        MarkPrices(MARK1_CSV, maxage=datetime.timedelta(hours=1)).at(D(2021, 11, 20))
    only = MarkPrices(fallback=lambda dt: 1.25)
    assert only.at(D(2022, 1, 1)) == 1.25


def test_mark_validation(tmp_path):
    with pytest.raises(TypeError, match='source, a fallback'):
        MarkPrices()
    with pytest.raises(TypeError, match='callable'):
        MarkPrices(MARK8_CSV, fallback=1.0)
    path = _write(tmp_path, ['datetime,open,high,low,close,volume',
                             '2021-11-18T00:00:00Z,1.0,1.0,1.0,1.0,',
                             '2021-11-18T08:00:00Z,1.0,1.0,1.0,-1.0,'], 'mark.csv')
    with pytest.raises(ValueError, match=r"mark.csv' line 3: close price -1.0 is not "
                                         r"positive"):
        MarkPrices(path)
    path = _write(tmp_path, ['datetime,open,close', '2021-11-18T08:00:00Z,1,1',
                             '2021-11-18T00:00:00Z,1,1'], 'mark2.csv')
    with pytest.raises(ValueError, match='not in ascending order'):
        MarkPrices(path)


# --- FundingSchedule with a fake broker -----------------------------------------------------
class _FakeBroker:
    """The minimum the schedule needs: positions and cash."""

    def __init__(self, sizes, cash=1000.0):
        self.cash = cash
        self.sizes = dict(sizes)

    def getposition(self, data):
        return SimpleNamespace(size=self.sizes.get(data._name, 0.0))


class _HookBroker(_FakeBroker):
    def __init__(self, sizes):
        super().__init__(sizes)
        self.received = []

    def add_funding(self, payment):
        self.received.append(payment)


def _data(name, close=1.0):
    return SimpleNamespace(_name=name, close=[close])


def test_schedule_books_long_and_short_with_hand_worked_amounts():
    btc, eth = _data('BTC', close=20000.0), _data('ETH', close=1500.0)
    schedule = FundingSchedule()
    schedule.add(btc, FundingRates.constant(0.0001))
    schedule.add(eth, [(D(2022, 1, 1, 8), -0.0003), (D(2022, 1, 1, 16), 0.0002)])
    broker = _FakeBroker({'BTC': 0.5, 'ETH': -2.0})
    paid = schedule.apply(broker, D(2022, 1, 1, 7, 55), D(2022, 1, 1, 8))
    # BTC long 0.5 @ 20000, +0.01%: pays 1.0; ETH short 2 @ 1500, -0.03%: pays 0.9
    assert [(p.name, p.dt, p.amount) for p in paid] == [
        ('BTC', D(2022, 1, 1, 8), pytest.approx(-1.0, rel=1e-12)),
        ('ETH', D(2022, 1, 1, 8), pytest.approx(-0.9, rel=1e-12))]
    assert paid[1].notional == 3000.0 and paid[1].mark == 1500.0
    assert broker.cash == pytest.approx(1000.0 - 1.9, rel=1e-12)
    assert broker.funding_history == list(paid)
    assert schedule.apply(broker, D(2022, 1, 1, 8), D(2022, 1, 1, 8, 5)) == ()
    broker.sizes['BTC'] = 0.0  # flat: no payment
    eth.close[0] = 1600.0
    paid = schedule.apply(broker, D(2022, 1, 1, 15, 55), D(2022, 1, 1, 16))
    assert [(p.name, p.amount) for p in paid] == [('ETH', pytest.approx(0.64, rel=1e-12))]
    assert broker.cash == pytest.approx(1000.0 - 1.9 + 0.64, rel=1e-12)
    assert len(broker.funding_history) == 3


def test_schedule_uses_add_funding_and_orders_payments_by_time():
    btc = _data('BTC', close=100.0)
    schedule = FundingSchedule()
    schedule.add(btc, 0.001)  # a number: constant every 8 hours
    broker = _HookBroker({'BTC': -1.0})
    # a gap in the bars: three funding times at once, all with today's size
    paid = schedule.apply(broker, D(2022, 1, 1, 1), D(2022, 1, 2, 1))
    assert [p.dt for p in paid] == [D(2022, 1, 1, 8), D(2022, 1, 1, 16), D(2022, 1, 2)]
    assert all(p.amount == pytest.approx(0.1, rel=1e-12) for p in paid)
    assert broker.received == list(paid)
    assert broker.cash == 1000.0 and not hasattr(broker, 'funding_history')
    assert schedule.apply(broker, None, D(2022, 1, 3)) == ()  # first bar: nothing


def test_schedule_float_dates_match_datetimes():
    stamps = [D(2021, 11, 17) + i * datetime.timedelta(minutes=30) for i in range(1600)]
    results = []
    for convert in (lambda dt: dt, date2num):
        schedule = FundingSchedule()
        schedule.add(_data('XRPUSDT'), FundingRates(RATES_CSV), MarkPrices(MARK8_CSV))
        broker = _FakeBroker({'XRPUSDT': 1000.0})
        for prev, now in zip(stamps, stamps[1:]):
            schedule.apply(broker, convert(prev), convert(now))
        results.append(broker.funding_history)
    assert len(results[0]) == 91 and results[0] == results[1]


@pytest.mark.parametrize('convert', [lambda dt: dt, date2num], ids=['datetime', 'float'])
def test_schedule_clock_going_back_is_not_served_from_the_cache(convert):
    schedule = FundingSchedule()
    schedule.add(_data('X', close=2.0), 0.001)
    broker = _FakeBroker({'X': 1.0})
    assert schedule.apply(broker, convert(D(2022, 1, 1, 9)), convert(D(2022, 1, 1, 10))) == ()
    # a new run restarting earlier: 08:00 is due although the cache said 16:00
    paid = schedule.apply(broker, convert(D(2022, 1, 1, 7)), convert(D(2022, 1, 1, 8)))
    assert [p.dt for p in paid] == [D(2022, 1, 1, 8)]


def test_schedule_rejects_bad_setup():
    schedule = FundingSchedule()
    data = _data('X')
    schedule.add(data, 0.0001, marks=MARK8_CSV)  # a path makes a MarkPrices
    assert len(schedule) == 1 and schedule.rates_for(data).interval == H8
    with pytest.raises(ValueError, match='already added'):
        schedule.add(data, 0.0001)
    with pytest.raises(TypeError, match='add_funding'):
        schedule.apply(SimpleNamespace(getposition=lambda d: SimpleNamespace(size=1.0)),
                       D(2022, 1, 1, 7), D(2022, 1, 1, 8))


# --- the real XRPUSDT funding over a fixed position -------------------------------------------
def _expected_xrp(size: float, mark_path) -> pd.DataFrame:
    rates = _pandas_rates().rename('rate').to_frame()
    marks = _pandas_marks(mark_path)[['open']].rename(columns={'open': 'mark'})
    merged = rates.join(marks, how='inner')
    merged['amount'] = -size * merged['mark'] * merged['rate']
    return merged


def test_xrp_funding_on_a_long_1000_matches_pandas():
    schedule = FundingSchedule()
    schedule.add(_data('XRPUSDT'), FundingRates(RATES_CSV), MarkPrices(MARK8_CSV))
    broker = _FakeBroker({'XRPUSDT': 1000.0}, cash=0.0)
    now = D(2021, 11, 17, 22)
    while now < D(2021, 12, 19):  # an hourly bar clock
        schedule.apply(broker, now, now + datetime.timedelta(hours=1))
        now += datetime.timedelta(hours=1)
    expected = _expected_xrp(1000.0, MARK8_CSV)
    assert len(expected) == len(broker.funding_history) == 91
    assert broker.cash == pytest.approx(expected['amount'].sum(), rel=1e-12)
    assert [p.dt for p in broker.funding_history] == list(expected.index.to_pydatetime())
    assert [p.mark for p in broker.funding_history] == list(expected['mark'])
    assert [p.amount for p in broker.funding_history] == pytest.approx(
        list(expected['amount']), rel=1e-12)
    first = broker.funding_history[0]  # 1000 XRP x 1.0959 x 0.01%
    assert (first.dt, first.amount) == (D(2021, 11, 18), pytest.approx(-0.10959, rel=1e-12))
    # the series holds negative rates too: the long received on those
    assert any(p.amount > 0.0 for p in broker.funding_history)


def test_xrp_funding_with_hourly_marks_on_a_short():
    schedule = FundingSchedule()
    schedule.add(_data('XRPUSDT'), RATES_CSV, MarkPrices(MARK1_CSV))
    broker = _FakeBroker({'XRPUSDT': -1000.0}, cash=0.0)
    schedule.apply(broker, D(2021, 11, 17), D(2021, 11, 19, 9))  # the 1h marks' range
    expected = _expected_xrp(-1000.0, MARK1_CSV)
    assert len(expected) == len(broker.funding_history) == 5
    assert broker.cash == pytest.approx(expected['amount'].sum(), rel=1e-12)
    assert broker.cash > 0.0  # short with positive rates: received


# --- FundingAnalyzer in a real run -------------------------------------------------------
class _CashOnlyView:
    """The broker as the schedule's fallback protocol sees it (positions,
    ``cash`` and ``funding_history``; no ``add_funding``), so the test does
    not depend on how the real broker books funding itself."""

    def __init__(self, broker):
        self._broker = broker
        if getattr(broker, 'funding_history', None) is None:
            broker.funding_history = []

    def getposition(self, data):
        return self._broker.getposition(data)

    @property
    def cash(self):
        return self._broker.cash

    @cash.setter
    def cash(self, value):
        self._broker.cash = value

    @property
    def funding_history(self):
        return self._broker.funding_history


class _FundedStrategy(bt.Strategy):
    """Long 1000 XRP from the first bar, short 1000 from 2021-11-19 12:05;
    books funding every bar through a FundingSchedule (here the strategy
    plays the broker's part)."""

    def __init__(self):
        self.schedule = FundingSchedule()
        self.schedule.add(self.data, FundingRates(RATES_CSV), MarkPrices(MARK8_CSV))
        self.prev = None
        self.seen_in_next = []

    def next(self):
        now = self.data.datetime[0]
        cash = self.broker.cash
        paid = self.schedule.apply(_CashOnlyView(self.broker), self.prev, now)
        assert self.broker.cash == cash + sum(p.amount for p in paid)
        self.prev = now
        if len(self) == 1:
            self.buy(size=1000)
        elif self.data.datetime.datetime(0) == D(2021, 11, 19, 12):
            self.sell(size=2000)
        self.seen_in_next.append(
            self.analyzers.funding.get_analysis().total.count)


def test_funding_analyzer_totals_in_a_run():
    cerebro = bt.Cerebro(stdstats=False)
    data = bt.feeds.GenericCSVData(dataname=BARS5_CSV, dtformat='%Y-%m-%dT%H:%M:%SZ',
                                   timeframe=bt.TimeFrame.Minutes, compression=5,
                                   openinterest=-1)
    cerebro.adddata(data, name='XRPUSDT')
    cerebro.addstrategy(_FundedStrategy)
    cerebro.addanalyzer(bt.analyzers.FundingAnalyzer, _name='funding')
    cerebro.addanalyzer(bt.analyzers.Funding, _name='alias')
    strat = cerebro.run()[0]
    # independent expectation: the 12 funding times of the 5m bars' range,
    # +1000 before the reversal filled at 12:05 on the 19th, -1000 after
    expected = _expected_xrp(1.0, MARK8_CSV).loc['2021-11-18':'2021-11-21 22:30']
    sizes = [1000.0 if t < pd.Timestamp('2021-11-19 12:05') else -1000.0
             for t in expected.index]
    amounts = [s * a for s, a in zip(sizes, expected['amount'])]
    result = strat.analyzers.funding.get_analysis()
    assert result.count == result.total.count == len(amounts) == 12
    assert result.total.net == pytest.approx(sum(amounts), rel=1e-12)
    assert result.total.paid == pytest.approx(-sum(a for a in amounts if a < 0), rel=1e-12)
    assert result.total.received == pytest.approx(sum(a for a in amounts if a > 0),
                                                  rel=1e-12)
    assert result.total.paid > 0.0 and result.total.received > 0.0
    xrp = result.bydata['XRPUSDT']
    assert (xrp.paid, xrp.received, xrp.net, xrp.count) == (
        result.total.paid, result.total.received, result.total.net, 12)
    assert result.payments == strat.broker.funding_history
    assert [p.size for p in result.payments] == sizes
    assert strat.analyzers.alias.get_analysis().total.net == result.total.net
    # read bar by bar: the count grew during the run, not only at the end
    assert strat.seen_in_next[-1] >= 11 and strat.seen_in_next[0] == 0
    with pytest.raises(KeyError):  # closed at the end of the run
        result.bydata['ETHUSDT']


def test_funding_analyzer_without_funding_history():
    cerebro = bt.Cerebro(stdstats=False)
    cerebro.adddata(bt.feeds.GenericCSVData(
        dataname=os.path.join(FILES, 'BTCUSDT-1d.csv'), dtformat='%Y-%m-%d',
        openinterest=-1))
    cerebro.addstrategy(bt.Strategy)
    cerebro.addanalyzer(bt.analyzers.FundingAnalyzer)
    result = cerebro.run()[0].analyzers[0].get_analysis()
    assert (result.total.paid, result.total.received, result.total.net, result.count) == (
        0.0, 0.0, 0.0, 0)
    assert result.payments == [] and dict(result.bydata) == {}
