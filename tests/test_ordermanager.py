"""Fill accounting and order life events of live orders
(backtrader/stores/ordermanager.py): duplicated, reordered and
overlapping trade/snapshot reports must give each fill exactly once."""
from __future__ import annotations

import threading

import pytest

from backtrader.stores.ordermanager import (CCXT_STATUS, STATUSES, Fill, FillLedger,
                                            OrderEvent, OrderManager)

approx = pytest.approx


# --------------------------------------------------------------------------
# FillLedger
# --------------------------------------------------------------------------
def test_same_trade_twice_counts_once():
    led = FillLedger(1.0)
    first = led.on_trade('t1', 0.4, 100.0, 0.04, 'USDT', 1000)
    assert first == [Fill(0.4, 100.0, 0.04, 'USDT', 1000, 't1', 'trade', 0.4, 100.0)]
    assert led.on_trade('t1', 0.4, 100.0, 0.04, 'USDT', 1000) == []
    assert led.filled == 0.4 and led.fees == {'USDT': 0.04}
    assert led.trade_ids == ('t1',)
    assert len(led.fills) == 1


def test_numeric_trade_id_matches_its_string_form():
    led = FillLedger(1.0)
    assert len(led.on_trade(123, 0.5, 10.0)) == 1
    assert led.on_trade('123', 0.5, 10.0) == []
    assert led.filled == 0.5


def test_same_snapshot_twice_counts_once():
    led = FillLedger(2.0)
    fills = led.on_snapshot(0.5, 200.0)
    assert [(f.amount, f.price, f.source, f.trade_id) for f in fills] == \
        [(0.5, 200.0, 'snapshot', None)]
    assert led.on_snapshot(0.5, 200.0) == []
    assert led.filled == 0.5 and led.remaining == 1.5


def test_trade_then_covering_snapshot_adds_nothing():
    led = FillLedger(1.0)
    led.on_trade('a', 0.3, 100.0)
    assert led.on_snapshot(0.3, 100.0) == []
    assert led.filled == 0.3 and led.cost == approx(30.0)


def test_snapshot_then_trade_absorbed_but_recorded():
    led = FillLedger(1.0)
    assert len(led.on_snapshot(0.5, 100.0)) == 1
    assert led.on_trade('a', 0.3, 100.0) == []          # absorbed
    assert led.trade_ids == ('a',)
    assert led.filled == 0.5
    # the next trade goes beyond the snapshot: only the new part is a fill
    fills = led.on_trade('b', 0.4, 100.0)
    assert len(fills) == 1 and fills[0].amount == approx(0.2)
    assert fills[0].price == approx(100.0) and fills[0].filled == approx(0.7)


def test_snapshot_delta_uses_implied_price():
    led = FillLedger(1.0)
    led.on_snapshot(0.3, 100.0)
    # 0.3 @ 100 then 0.4 @ 110: cumulative average 74 / 0.7
    fills = led.on_snapshot(0.7, 74.0 / 0.7)
    assert len(fills) == 1
    assert fills[0].amount == approx(0.4)
    assert fills[0].price == approx(110.0)
    assert fills[0].average == approx(74.0 / 0.7)
    assert led.cost == approx(74.0)


def test_snapshot_cost_stands_in_for_missing_average():
    led = FillLedger(1.0)
    fills = led.on_snapshot(0.5, cost=51.0)
    assert fills[0].price == approx(102.0)
    assert led.average == approx(102.0)


def test_snapshot_implied_price_not_positive_falls_back_to_average():
    led = FillLedger(1.0)
    led.on_trade('a', 0.5, 200.0)          # bogus against the snapshot's average
    fills = led.on_snapshot(0.6, 100.0)    # implied (60 - 100) / 0.1 < 0
    assert fills[0].amount == approx(0.1) and fills[0].price == 100.0


def test_out_of_order_snapshots_stale_ignored():
    led = FillLedger(1.0)
    assert len(led.on_snapshot(0.7, 100.0, fee=0.07)) == 1
    assert led.on_snapshot(0.3, 100.0, fee=0.03) == []
    assert led.filled == 0.7 and led.fee == approx(0.07)


def test_out_of_order_trades_after_snapshot_converge_to_trade_cost():
    led = FillLedger(1.0)
    led.on_snapshot(0.3, 100.0)            # covers t1 (0.3 @ 100), not seen yet
    f2 = led.on_trade('t2', 0.4, 110.0)    # known 0.4: 0.1 new, priced as t2
    assert f2[0].amount == approx(0.1) and f2[0].price == 110.0
    f1 = led.on_trade('t1', 0.3, 100.0)
    assert f1[0].amount == approx(0.3) and f1[0].price == approx(110.0)
    assert led.filled == approx(0.7)
    assert led.cost == approx(0.3 * 100 + 0.4 * 110)   # exactly the trades' cost


def test_over_fill_is_clamped_and_flagged():
    led = FillLedger(1.0)
    led.on_trade('a', 0.8, 100.0)
    fills = led.on_trade('b', 0.5, 100.0)
    assert fills[0].amount == approx(0.2)
    assert led.filled == 1.0 and led.remaining == 0.0 and led.complete
    assert len(led.anomalies) == 1 and 'exceeds' in led.anomalies[0]
    assert led.on_snapshot(1.3, 100.0) == []           # same excess: no new flag
    assert len(led.anomalies) == 1
    led.on_snapshot(1.5, 100.0)                         # a larger excess flags again
    assert len(led.anomalies) == 2 and led.filled == 1.0


def test_float_noise_completes_exactly_without_tiny_fills():
    led = FillLedger(0.3)
    led.on_trade('a', 0.1, 10.0)
    led.on_trade('b', 0.2, 10.0)           # 0.1 + 0.2 = 0.30000000000000004
    assert led.filled == 0.3 and led.complete
    assert led.anomalies == []
    assert led.on_snapshot(0.3, 10.0) == []
    assert len(led.fills) == 2


def test_step_tolerance_absorbs_rounding_below_a_step():
    led = FillLedger(1.0, step=0.001)
    led.on_snapshot(0.5, 100.0)
    assert led.on_trade('a', 0.5004, 100.0) == []      # within half a step
    assert led.filled == 0.5
    assert len(led.on_trade('b', 0.0002, 100.0)) == 1  # 0.5006: now a step more
    fills = led.on_snapshot(0.9996, 100.0)             # within half a step of 1.0
    assert fills[0].amount == approx(0.4994) and led.complete and led.filled == 1.0


def test_zero_filled_snapshot_never_completes_a_one_step_order():
    led = FillLedger(0.001, step=0.001, fallback_price=50.0)
    assert led.on_snapshot(0.0) == [] and led.filled == 0.0 and not led.complete
    assert led.on_snapshot(0.001)[0].amount == 0.001 and led.complete


def test_cumulative_snapshot_fee_gives_deltas():
    led = FillLedger(1.0)
    f1 = led.on_snapshot(0.5, 100.0, fee=0.05, fee_currency='USDT')
    f2 = led.on_snapshot(1.0, 100.0, fee=0.12, fee_currency='USDT')
    assert (f1[0].fee, f1[0].fee_currency) == (0.05, 'USDT')
    assert f2[0].fee == approx(0.07) and f2[0].fee_currency == 'USDT'
    assert led.fees == {'USDT': approx(0.12)}


def test_per_trade_fees_add_up_and_match_snapshot_fee():
    led = FillLedger(1.0)
    led.on_trade('a', 0.5, 100.0, 0.05, 'USDT')
    led.on_trade('b', 0.5, 100.0, 0.05, 'USDT')
    assert led.on_snapshot(1.0, 100.0, fee=0.1, fee_currency='USDT') == []
    assert led.fee == approx(0.1)


def test_fee_learned_after_absorbed_trades_is_a_fee_only_fill():
    led = FillLedger(1.0)
    led.on_snapshot(1.0, 100.0)                        # no fee reported
    f1 = led.on_trade('a', 0.6, 100.0, 0.06, 'BNB')    # absorbed: only its fee is new
    f2 = led.on_trade('b', 0.4, 100.0, 0.04, 'BNB')
    assert [(f.amount, f.fee, f.fee_currency, f.trade_id) for f in f1 + f2] == \
        [(0.0, approx(0.06), 'BNB', 'a'), (0.0, approx(0.04), 'BNB', 'b')]
    assert led.filled == 1.0 and led.fees == {'BNB': approx(0.1)}
    assert led.average == 100.0


def test_snapshot_fee_known_makes_absorbed_trade_fees_no_news():
    led = FillLedger(1.0)
    led.on_snapshot(1.0, 100.0, fee=0.1, fee_currency='BNB')
    assert led.on_trade('a', 0.6, 100.0, 0.06, 'BNB') == []
    assert led.on_trade('b', 0.4, 100.0, 0.04, 'BNB') == []
    assert led.fees == {'BNB': approx(0.1)} and len(led.fills) == 1


def test_snapshot_fee_raised_at_same_filled_is_reported():
    led = FillLedger(1.0)
    led.on_snapshot(1.0, 100.0)
    fills = led.on_snapshot(1.0, 100.0, fee=0.1, fee_currency='USDT')
    assert [(f.amount, f.fee) for f in fills] == [(0.0, 0.1)]
    assert led.on_snapshot(1.0, 100.0, fee=0.1, fee_currency='USDT') == []


def test_rebate_negative_fee():
    led = FillLedger(1.0)
    fills = led.on_trade('a', 1.0, 100.0, -0.01, 'USDT')
    assert fills[0].fee == -0.01 and led.fees == {'USDT': -0.01}


def test_snapshot_without_price_waits_or_uses_fallback():
    led = FillLedger(1.0)
    assert led.on_snapshot(0.5) == []                  # no price known anywhere
    assert led.filled == 0.0
    fills = led.on_snapshot(0.5, 101.0)                # same filled, now priced
    assert (fills[0].amount, fills[0].price) == (0.5, 101.0)
    led2 = FillLedger(1.0, fallback_price=99.0)
    assert led2.on_snapshot(0.5)[0].price == 99.0


def test_ledger_properties_before_any_fill():
    led = FillLedger(2.0)
    assert led.filled == 0.0 and led.remaining == 2.0 and led.average is None
    assert led.cost == 0.0 and led.fees == {} and led.fee == 0.0
    assert led.fills == [] and not led.complete
    assert FillLedger().remaining is None


def test_ledger_validates_inputs():
    led = FillLedger(1.0)
    with pytest.raises(ValueError, match='trade_id'):
        led.on_trade(None, 1.0, 1.0)
    with pytest.raises(ValueError, match='amount'):
        led.on_trade('a', 0.0, 1.0)
    with pytest.raises(TypeError, match='price'):
        led.on_trade('a', 1.0, '1')
    with pytest.raises(ValueError, match='filled'):
        led.on_snapshot(-1.0)
    with pytest.raises(ValueError, match='amount'):
        FillLedger(0.0)
    with pytest.raises(ValueError, match='step'):
        FillLedger(1.0, step=-1)


# --------------------------------------------------------------------------
# OrderManager
# --------------------------------------------------------------------------
def _manager(clock=None):
    ticks = iter(range(1000, 10 ** 6, 1000))
    om = OrderManager(clock=clock or (lambda: float(next(ticks))))
    seen: list[OrderEvent] = []
    om.add_listener(seen.append)
    return om, seen


def _kinds(events):
    return [e.kind for e in events]


def _order(exid='X1', status='open', filled=0.0, average=None, **extra):
    data = {'id': exid, 'status': status, 'filled': filled, 'average': average,
            'amount': 1.0, 'remaining': 1.0 - filled, 'trades': None}
    data.update(extra)
    return data


def _trade(tid, amount, price, order='X1', fee=0.0, currency='USDT', **extra):
    data = {'id': tid, 'order': order, 'amount': amount, 'price': price,
            'fee': {'cost': fee, 'currency': currency}, 'timestamp': 5, 'side': 'buy',
            'symbol': 'BTC/USDT'}
    data.update(extra)
    return data


def test_life_new_partial_filled_once():
    om, seen = _manager()
    rec = om.track('r1', 'BTC/USDT', 'buy', 1.0, 'c1', 'limit', 100.0)
    assert rec.status == 'submitted' and rec.created == 1000.0
    ev = om.on_order(_order(clientOrderId='c1'), ref='r1')
    assert _kinds(ev) == ['new'] and rec.exchange_id == 'X1' and rec.status == 'open'
    ev = om.on_trade(_trade('t1', 0.4, 100.0, fee=0.04))
    assert _kinds(ev) == ['partial'] and ev[0].fill.amount == 0.4
    assert rec.status == 'partial'
    ev = om.on_trade(_trade('t2', 0.6, 99.0, fee=0.06))
    assert _kinds(ev) == ['filled'] and rec.status == 'filled'
    closed = _order(status='closed', filled=1.0, average=99.4,
                    fee={'cost': 0.1, 'currency': 'USDT'})
    assert om.on_order(closed) == []
    assert om.on_order(closed) == []
    assert _kinds(seen) == ['new', 'partial', 'filled']
    assert rec.filled == 1.0 and rec.remaining == 0.0
    assert rec.average == approx(99.4) and rec.fees == {'USDT': approx(0.1)}
    assert rec.trade_ids == ('t1', 't2')


def test_rest_and_ws_report_the_same_trade_once():
    om, seen = _manager()
    rec = om.track('r1', 'BTC/USDT', 'buy', 1.0, 'c1')
    om.bind('r1', 'X1')
    om.on_trade(_trade('t1', 0.5, 100.0))                      # WebSocket
    om.on_trade(_trade('t1', 0.5, 100.0))                      # fetch_my_trades
    om.on_order(_order(filled=0.5, average=100.0, trades=[_trade('t1', 0.5, 100.0)]))
    assert _kinds(seen) == ['new', 'partial']
    assert rec.filled == 0.5 and len(rec.fills) == 1 and len(om.trades('r1')) == 1


def test_partially_filled_snapshot_with_empty_trades_keeps_the_fill():
    om, seen = _manager()
    rec = om.track('r1', 'BTC/USDT', 'buy', 1.0, 'c1')
    ev = om.on_order(_order(filled=0.4, average=100.0, trades=[]), ref='r1')
    assert _kinds(ev) == ['new', 'partial']
    assert ev[1].fill.amount == 0.4 and ev[1].fill.source == 'snapshot'
    assert rec.filled == 0.4 and rec.remaining == approx(0.6)
    # the trade behind it arrives later: absorbed
    assert om.on_trade(_trade('t1', 0.4, 100.0)) == []
    assert rec.filled == 0.4


def test_trades_none_means_not_listed():
    om, _ = _manager()
    rec = om.track('r1', 'BTC/USDT', 'sell', 2.0, 'c1')
    ev = om.on_order(_order(filled=1.0, average=50.0, amount=2.0, trades=None), ref='r1')
    assert _kinds(ev) == ['new', 'partial'] and rec.filled == 1.0 and rec.average == 50.0


def test_trade_before_bind_is_buffered_then_applied_once():
    om, seen = _manager()
    rec = om.track('r1', 'BTC/USDT', 'buy', 1.0, 'c1')
    assert om.on_trade(_trade('t1', 1.0, 100.0, order='X9')) == []
    assert rec.filled == 0.0 and seen == []
    ev = om.bind('r1', 'X9')
    assert _kinds(ev) == ['new', 'filled'] and ev[1].fill.trade_id == 't1'
    # the create reply and the REST copy of the trade come after: nothing new
    assert om.on_order(_order(exid='X9', status='closed', filled=1.0, average=100.0,
                              trades=[_trade('t1', 1.0, 100.0, order='X9')]), ref='r1') == []
    assert om.on_trade(_trade('t1', 1.0, 100.0, order='X9')) == []
    assert _kinds(seen) == ['new', 'filled'] and rec.filled == 1.0
    assert om.bind('r1', 'X9') == []                     # rebinding: nothing replayed
    assert not om._orphans                               # buffer released (no leak)


def test_trade_with_client_id_binds_the_order():
    om, _ = _manager()
    rec = om.track('r1', 'BTC/USDT', 'buy', 1.0, 'cid-7')
    ev = om.on_trade(_trade('t1', 0.2, 100.0, order='X5', clientOrderId='cid-7'))
    assert _kinds(ev) == ['new', 'partial'] and rec.exchange_id == 'X5'
    assert om.lookup(exchange_id='X5') is rec


def test_ws_order_update_before_create_reply_found_by_client_id():
    om, seen = _manager()
    rec = om.track('r1', 'BTC/USDT', 'buy', 1.0, 'c1')
    ev = om.on_order(_order(exid='X3', clientOrderId='c1', filled=0.25, average=10.0))
    assert _kinds(ev) == ['new', 'partial'] and rec.exchange_id == 'X3'
    assert om.on_order(_order(exid='X3', clientOrderId='c1', filled=0.25, average=10.0),
                       ref='r1') == []


def test_unknown_order_snapshot_buffered_until_bind():
    om, _ = _manager()
    rec = om.track('r1', 'BTC/USDT', 'buy', 1.0, None)
    assert om.on_order(_order(exid='X4', status='canceled', filled=0.3, average=20.0)) == []
    ev = om.bind('r1', 'X4')
    assert _kinds(ev) == ['new', 'partial', 'canceled']
    assert rec.status == 'canceled' and rec.filled == 0.3


def test_orphan_buffer_is_bounded():
    om = OrderManager(max_orphans=2)
    for exid in ('A', 'B', 'C'):
        om.on_trade(_trade('t' + exid, 0.1, 1.0, order=exid))
    om.track('ra', 'BTC/USDT', 'buy', 1.0, None)
    om.track('rc', 'BTC/USDT', 'buy', 1.0, None)
    assert _kinds(om.bind('ra', 'A')) == ['new']           # oldest dropped
    assert _kinds(om.bind('rc', 'C')) == ['new', 'partial']


def test_cancel_after_partial_fill():
    om, seen = _manager()
    rec = om.track('r1', 'ETH/USDT', 'sell', 1.0, 'c1')
    om.on_order(_order(), ref='r1')
    om.on_trade(_trade('t1', 0.3, 2000.0))
    ev = om.on_order(_order(status='canceled', filled=0.5, average=(600 + 0.2 * 1990) / 0.5))
    assert _kinds(ev) == ['partial', 'canceled']
    assert ev[0].fill.amount == approx(0.2) and ev[0].fill.price == approx(1990.0)
    assert _kinds(seen) == ['new', 'partial', 'partial', 'canceled']
    assert rec.status == 'canceled' and rec.remaining == approx(0.5)
    assert om.open_orders() == []


def test_cancel_reply_with_the_final_fill_is_filled_not_canceled():
    om, seen = _manager()
    rec = om.track('r1', 'ETH/USDT', 'buy', 1.0, 'c1')
    om.on_order(_order(filled=0.5, average=10.0), ref='r1')
    ev = om.on_order(_order(status='canceled', filled=1.0, average=10.0))
    assert _kinds(ev) == ['filled'] and rec.status == 'filled'
    assert _kinds(seen) == ['new', 'partial', 'filled']


def test_ioc_partial_then_expired():
    om, _ = _manager()
    rec = om.track('r1', 'BTC/USDT', 'buy', 1.0, 'c1', 'limit', 100.0)
    ev = om.on_order(_order(status='expired', filled=0.6, average=99.5), ref='r1')
    assert _kinds(ev) == ['new', 'partial', 'expired'] and rec.status == 'expired'


def test_rejected_order_has_no_new_event():
    om, seen = _manager()
    rec = om.track('r1', 'BTC/USDT', 'buy', 1.0, 'c1')
    ev = om.reject('c1', 'InsufficientFunds')
    assert _kinds(ev) == ['rejected'] and ev[0].info == 'InsufficientFunds'
    assert rec.status == 'rejected' and rec.reason == 'InsufficientFunds'
    assert om.reject('r1', 'again') == []                   # sticky
    rec2 = om.track('r2', 'BTC/USDT', 'buy', 1.0, 'c2')
    ev = om.on_order(_order(exid='X2', status='rejected', info={'msg': 'post only'}), ref='r2')
    assert _kinds(ev) == ['rejected'] and rec2.reason == {'msg': 'post only'}
    assert _kinds(seen) == ['rejected', 'rejected']


def test_terminal_state_sticky_but_late_trades_count():
    om, seen = _manager()
    rec = om.track('r1', 'BTC/USDT', 'buy', 1.0, 'c1')
    om.on_order(_order(), ref='r1')
    ev = om.on_order({'id': 'X1', 'status': 'canceled', 'filled': None, 'remaining': None})
    assert _kinds(ev) == ['canceled']
    assert om.on_order(_order(status='open')) == []          # stale: ignored
    assert rec.status == 'canceled'
    ev = om.on_trade(_trade('t1', 0.2, 100.0, fee=0.02))
    assert _kinds(ev) == ['late_fill'] and ev[0].fill.amount == 0.2
    assert rec.status == 'canceled' and rec.filled == 0.2 and rec.fee == approx(0.02)
    assert _kinds(seen) == ['new', 'canceled', 'late_fill']


def test_closed_before_all_fills_seen():
    om, seen = _manager()
    rec = om.track('r1', 'BTC/USDT', 'buy', 1.0, 'c1')
    om.on_order(_order(filled=0.4, average=10.0), ref='r1')
    ev = om.on_order({'id': 'X1', 'status': 'closed', 'filled': None})
    assert _kinds(ev) == ['filled'] and ev[0].fill is None
    assert ev[0].info == {'remaining': approx(0.6)}
    ev = om.on_trade(_trade('t9', 0.9, 10.0))
    assert _kinds(ev) == ['late_fill'] and ev[0].fill.amount == approx(0.5)
    assert _kinds(seen).count('filled') == 1
    assert rec.status == 'filled' and rec.filled == approx(0.9)


def test_filled_derived_from_remaining_when_missing():
    om, _ = _manager()
    rec = om.track('r1', 'BTC/USDT', 'buy', 1.0, 'c1')
    ev = om.on_order({'id': 'X1', 'status': 'open', 'filled': None, 'amount': 1.0,
                      'remaining': 0.75, 'average': 20.0}, ref='r1')
    assert _kinds(ev) == ['new', 'partial'] and rec.filled == approx(0.25)


def test_idless_embedded_trades_do_not_double_count_later_trades():
    om, _ = _manager()
    rec = om.track('r1', 'BTC/USDT', 'buy', 1.0, 'c1')
    fills = [{'id': None, 'amount': 0.5, 'price': 100.0, 'fee': {'cost': 0.05, 'currency': 'BNB'}},
             {'id': None, 'amount': 0.5, 'price': 102.0, 'fee': {'cost': 0.05, 'currency': 'BNB'}}]
    ev = om.on_order({'id': 'X1', 'status': 'closed', 'filled': None, 'trades': fills}, ref='r1')
    assert _kinds(ev) == ['new', 'filled'] and ev[1].fill.price == approx(101.0)
    assert rec.fees == {'BNB': approx(0.1)}
    om.on_trade(_trade('t1', 0.5, 100.0, fee=0.05, currency='BNB'))
    ev = om.on_trade(_trade('t2', 0.5, 102.0, fee=0.05, currency='BNB'))
    assert ev == [] and rec.filled == 1.0 and rec.anomalies == []
    assert rec.fees == {'BNB': approx(0.1)}


def test_over_fill_reports_an_anomaly_event():
    om, _ = _manager()
    rec = om.track('r1', 'BTC/USDT', 'buy', 1.0, 'c1')
    om.bind('r1', 'X1')
    ev = om.on_order(_order(status='closed', filled=1.2, average=10.0))
    assert _kinds(ev) == ['anomaly', 'filled'] and 'exceeds' in ev[0].info
    assert rec.filled == 1.0 and len(rec.anomalies) == 1


def test_exchange_amount_replaces_the_requested_one():
    om, _ = _manager()
    rec = om.track('r1', 'BTC/USDT', 'buy', 1.00004, 'c1')
    ev = om.on_order(_order(status='closed', filled=1.0, average=5.0, amount=1.0), ref='r1')
    assert _kinds(ev) == ['new', 'filled'] and rec.amount == 1.0 and rec.remaining == 0.0


def test_late_fee_event():
    om, _ = _manager()
    rec = om.track('r1', 'BTC/USDT', 'buy', 1.0, 'c1')
    om.on_order(_order(status='closed', filled=1.0, average=100.0), ref='r1')
    ev = om.on_trade(_trade('t1', 1.0, 100.0, fee=0.1))
    assert _kinds(ev) == ['fee'] and ev[0].fill.fee == approx(0.1)
    assert rec.fees == {'USDT': approx(0.1)} and rec.filled == 1.0


def test_unknown_status_is_ignored_but_fills_count(caplog):
    om, _ = _manager()
    rec = om.track('r1', 'BTC/USDT', 'buy', 1.0, 'c1')
    ev = om.on_order(_order(status='weird', filled=0.5, average=1.0), ref='r1')
    assert _kinds(ev) == ['new', 'partial'] and rec.status == 'partial'
    assert 'unknown order status' in caplog.text


def test_listener_exception_is_isolated(caplog):
    om = OrderManager()
    got = []

    def broken(event):
        raise RuntimeError('boom')

    om.add_listener(broken)
    om.add_listener(lambda e: got.append(e.kind))
    om.track('r1', 'BTC/USDT', 'buy', 1.0, 'c1')
    ev = om.on_order(_order(filled=1.0, average=3.0, status='closed'), ref='r1')
    assert _kinds(ev) == ['new', 'filled'] and got == ['new', 'filled']
    assert 'boom' in caplog.text
    om.remove_listener(broken)
    with pytest.raises(ValueError, match='listener'):
        om.remove_listener(broken)
    with pytest.raises(TypeError, match='listener'):
        om.add_listener(42)


def test_reentrant_listener_events_stay_in_order():
    om = OrderManager()
    order = []
    om.track('r1', 'BTC/USDT', 'buy', 1.0, 'c1')
    om.track('r2', 'BTC/USDT', 'buy', 1.0, 'c2')

    def listener(event):
        order.append((event.record.ref, event.kind))
        if event.record.ref == 'r1' and event.kind == 'new':
            om.bind('r2', 'X2')                      # feeds the manager from a listener

    om.add_listener(listener)
    om.on_order(_order(exid='X1', filled=0.5, average=1.0), ref='r1')
    assert order == [('r1', 'new'), ('r1', 'partial'), ('r2', 'new')]


def test_lookup_and_registry_errors():
    om, _ = _manager()
    rec = om.track('r1', 'BTC/USDT', 'buy', 1.0, 'c1')
    om.bind('c1', 'X1')
    assert om.lookup(ref='r1') is rec and om.lookup(exchange_id='X1') is rec
    assert om.lookup(client_id='c1') is rec and om.get('r1') is rec
    assert om.lookup(exchange_id='nope') is None and om.get('nope') is None
    om.track('r2', 'BTC/USDT', 'buy', 1.0, 'c2')
    with pytest.raises(ValueError, match='already bound'):
        om.bind('r2', 'X1')
    with pytest.raises(ValueError, match='ref'):
        om.track('r1', 'BTC/USDT', 'buy', 1.0, 'c3')
    with pytest.raises(ValueError, match='client_id'):
        om.track('r3', 'BTC/USDT', 'buy', 1.0, 'c1')
    with pytest.raises(ValueError, match='side'):
        om.track('r4', 'BTC/USDT', 'long', 1.0)
    with pytest.raises(ValueError, match='amount'):
        om.track('r4', 'BTC/USDT', 'buy', -1.0)
    with pytest.raises(KeyError):
        om.bind('ghost', 'X7')
    with pytest.raises(TypeError, match='data'):
        om.on_order(['not', 'a', 'dict'])


def test_report_for_a_different_exchange_id_is_ignored():
    om, _ = _manager()
    rec = om.track('r1', 'BTC/USDT', 'buy', 1.0, 'c1')
    om.bind('r1', 'X1')
    assert om.on_order(_order(exid='Y1', clientOrderId='c1', filled=1.0, average=1.0)) == []
    assert rec.filled == 0.0 and rec.exchange_id == 'X1'


def test_an_alias_takes_the_reports_of_the_order_placed_on_trigger():
    """A conditional order (X1) triggers and the exchange places X2 for
    it, with the same client id: X2's reports wait until X2 is named an
    alias, then count once for the one record."""
    om, seen = _manager()
    rec = om.track('r1', 'BTC/USDT', 'sell', 1.0, 'c1')
    om.bind('r1', 'X1')
    assert om.on_order(_order(exid='X2', clientOrderId='c1', status='closed',
                              filled=1.0, average=9.0)) == []
    assert om.on_trade({'id': 't1', 'order': 'X2', 'amount': 1.0, 'price': 9.0}) == []
    assert rec.filled == 0.0
    events = om.alias('X1', 'X2')
    assert [e.kind for e in events] == ['filled']
    assert rec.filled == 1.0 and rec.average == 9.0 and rec.trade_ids == ('t1',)
    assert om.lookup(exchange_id='X2') is rec and rec.exchange_id == 'X1'
    # later reports under either id change nothing
    assert om.on_trade({'id': 't1', 'order': 'X2', 'amount': 1.0, 'price': 9.0}) == []
    assert om.on_order(_order(exid='X1', status='closed', filled=1.0)) == []
    with pytest.raises(KeyError):
        om.alias('nope', 'X3')
    om.track('r2', 'BTC/USDT', 'buy', 1.0, 'c2')
    om.bind('r2', 'X3')
    with pytest.raises(ValueError, match='already bound'):
        om.alias('X1', 'X3')


def test_history_open_orders_and_trades_queries():
    om, _ = _manager()
    a = om.track('a', 'BTC/USDT', 'buy', 1.0, 'ca')       # created 1000
    b = om.track('b', 'ETH/USDT', 'sell', 2.0, 'cb')      # 2000
    c = om.track('c', 'BTC/USDT', 'sell', 1.0, 'cc')      # 3000
    om.on_order(_order(exid='XA', status='closed', filled=1.0, average=10.0), ref='a')
    om.on_order(_order(exid='XB', amount=2.0, filled=0.5, average=20.0), ref='b')
    om.reject('c', 'no funds')
    assert om.open_orders() == [b]
    assert om.open_orders('BTC/USDT') == []
    assert om.history() == [a, b, c]
    assert om.history(symbol='BTC/USDT') == [a, c]
    assert om.history(since=2000) == [b, c]
    assert om.history(status='filled') == [a]
    assert om.history(status=('partial', 'rejected')) == [b, c]
    assert om.history(symbol='BTC/USDT', status='rejected', since=3000) == [c]
    with pytest.raises(ValueError, match='status'):
        om.history(status='closed')
    assert [f.amount for f in om.trades()] == [1.0, 0.5]
    assert [f.price for f in om.trades('b')] == [20.0]
    assert om.trades('c') == []


def test_prune_forgets_the_oldest_ended_orders_never_a_live_one():
    om, _ = _manager()
    for i in range(5):
        om.track(i, 'BTC/USDT', 'buy', 1.0, 'c%d' % i)
        if i != 1:       # order 1 stays open
            om.on_order(_order(exid='X%d' % i, status='closed', filled=1.0,
                               average=10.0 + i), ref=i)
        else:
            om.bind(1, 'X1')
    assert om.prune(keep=2) == [0, 2]
    assert [r.ref for r in om.history()] == [1, 3, 4]
    assert om.lookup(exchange_id='X0') is None and om.lookup(client_id='c0') is None
    assert om.lookup(exchange_id='X1').ref == 1
    assert [f.price for f in om.trades()] == [13.0, 14.0]
    assert om.prune(keep=2) == []
    # a late report for a forgotten order is kept aside, not applied elsewhere
    assert om.on_trade({'id': 'late', 'order': 'X0', 'amount': 1.0, 'price': 1.0}) == []
    with pytest.raises(ValueError, match='keep'):
        om.prune(keep=-1)


def test_history_is_bounded_as_orders_are_tracked():
    om = OrderManager(max_history=50)
    for i in range(400):
        om.track(i, 'BTC/USDT', 'buy', 1.0, 'c%d' % i)
        om.reject(i, 'no funds')
    kept = om.history()
    assert 50 <= len(kept) <= 50 + 100 + 1
    assert kept[-1].ref == 399 and kept[0].ref == 400 - len(kept)
    assert len(OrderManager(max_history=None).prune()) == 0
    with pytest.raises(ValueError, match='max_history'):
        OrderManager(max_history=-5)


def test_status_tables_are_consistent():
    assert set(CCXT_STATUS.values()) <= set(STATUSES)
    assert CCXT_STATUS['closed'] == 'filled'


def test_socket_thread_and_main_thread_together():
    om = OrderManager()
    rec = om.track('r1', 'BTC/USDT', 'buy', 200.0, 'c1')
    om.bind('r1', 'X1')
    kinds = []
    om.add_listener(lambda e: kinds.append(e.kind))

    def feed(prefix):
        for i in range(100):
            om.on_trade(_trade(f'{prefix}{i}', 1.0, 10.0))
            om.on_trade(_trade(f'{prefix}{i}', 1.0, 10.0))   # duplicate

    threads = [threading.Thread(target=feed, args=(p,)) for p in 'ab']
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert rec.filled == 200.0 and rec.status == 'filled'
    assert kinds.count('partial') == 199 and kinds.count('filled') == 1
    assert len(om.trades('r1')) == 200
