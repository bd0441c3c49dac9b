"""Exchange trading rules (LOT_SIZE, MARKET_LOT_SIZE, PRICE_FILTER,
NOTIONAL) from ccxt market dicts: checks, reasons, rounding.
"""
import re

import pytest

from backtrader.commissions.crypto import (DECIMAL_PLACES, TICK_SIZE,
                                           TradingRuleError, TradingRules)

# ccxt binance shape (TICK_SIZE mode: precision values are the steps)
BTCUSDT = {
    'symbol': 'BTC/USDT',
    'precision': {'amount': 0.001, 'price': 0.01},
    'limits': {
        'amount': {'min': 0.001, 'max': 9000.0},
        'price': {'min': 0.01, 'max': 1_000_000.0},
        'cost': {'min': 5.0, 'max': None},
        'market': {'min': 0.001, 'max': 100.0},
    },
}


@pytest.fixture
def rules():
    return TradingRules.from_market(BTCUSDT)


def test_from_market_reads_precision_and_limits(rules):
    assert (rules.symbol, rules.amount_step, rules.price_tick) == ('BTC/USDT', 0.001, 0.01)
    assert (rules.min_amount, rules.max_amount) == (0.001, 9000.0)
    assert (rules.min_price, rules.max_price) == (0.01, 1_000_000.0)
    assert (rules.min_cost, rules.max_cost) == (5.0, None)
    assert (rules.market_min_amount, rules.market_max_amount) == (0.001, 100.0)


def test_valid_orders_pass(rules):
    # 0.003 x 10000 = 30 >= 5
    assert rules.check(0.003, 10000.0) is None
    # 0.009 is 9 steps of 0.001, but in binary floats 0.009 % 0.001 is
    # 0.0009999999999999992: the naive float test would refuse it
    assert 0.009 % 0.001 != 0
    assert rules.check(0.009, 10000.0) is None
    assert rules.check(-0.003, 10000.0) is None          # sells are negative
    assert rules.check(0.1 + 0.2, 100.0) is None         # 0.30000000000000004
    assert rules.check(0.001, 40000.07) is None


# --- every rejection reason -------------------------------------------------
@pytest.mark.parametrize('size, price, ref, reason', [
    (0.0004, 10500.0, None, 'amount 0.0004 below minimum 0.001 for BTC/USDT'),
    (-0.0004, 10500.0, None, 'amount 0.0004 below minimum 0.001 for BTC/USDT'),
    (9001, 100.0, None, 'amount 9001 above maximum 9000 for BTC/USDT'),
    (0.0015, 10000.0, None, 'amount 0.0015 not a multiple of step 0.001 for BTC/USDT'),
    (0.001, 100.005, None, 'price 100.005 not a multiple of tick 0.01 for BTC/USDT'),
    (1, 0.001, None, 'price 0.001 below minimum 0.01 for BTC/USDT'),
    (0.001, 2_000_000.0, None, 'price 2000000 above maximum 1000000 for BTC/USDT'),
    (0.001, -5.0, None, 'price -5 is not positive for BTC/USDT'),
    # 0.001 x 4200 = 4.2 < 5
    (0.001, 4200.0, None, 'notional 4.2 below minimum 5 for BTC/USDT'),
    (0, 100.0, None, 'amount 0 is not a tradable size for BTC/USDT'),
    # market orders: price None, notional at the reference price 0.001 x 4200
    (-0.001, None, 4200.0, 'notional 4.2 below minimum 5 for BTC/USDT'),
    # MARKET_LOT_SIZE max 100 applies to market orders only
    (150, None, 40000.0, 'amount 150 above maximum 100 for BTC/USDT'),
])
def test_rejection_reasons(rules, size, price, ref, reason):
    assert rules.check(size, price, reference_price=ref) == reason


def test_market_orders_skip_price_rules(rules):
    # a limit order of 150 at 40000 passes (150 <= 9000, notional 6,000,000)
    assert rules.check(150, 40000.0) is None
    # price None and no reference: no price and no notional check
    assert rules.check(0.001, None) is None
    # the amount step still applies to market orders
    assert rules.check(0.0015, None, 40000.0) == \
        'amount 0.0015 not a multiple of step 0.001 for BTC/USDT'


def test_notional_maximum_and_no_symbol():
    rules = TradingRules(min_cost=10.0, max_cost=1000.0)
    # 2 x 600 = 1200 > 1000; no symbol -> no " for ..." suffix
    assert rules.check(2, 600.0) == 'notional 1200 above maximum 1000'
    assert rules.check(1, 600.0) is None
    assert rules.check(0.1, 50.0) == 'notional 5 below minimum 10'


# --- rounding -------------------------------------------------------------
@pytest.mark.parametrize('size, expected', [
    (1.2345678, 1.234),            # toward zero, not nearest (1.235)
    (0.0019999, 0.001),            # a real remainder still rounds down
    (-0.0057, -0.005),             # sells keep their sign, toward zero
    (0.003, 0.003),                # already a multiple: untouched
    (9 * 0.001, 0.009),            # 9 x 0.001 = 0.009000000000000001 in floats
    (0.0, 0.0),
])
def test_round_amount_toward_zero(rules, size, expected):
    assert rules.round_amount(size) == expected


def test_round_amount_float_edges():
    rules = TradingRules(amount_step=0.1)
    # 0.1 + 0.2 = 0.30000000000000004: 3.0000000000000004 steps -> 3 steps
    assert rules.round_amount(0.1 + 0.2) == 0.3
    # 0.3 - 0.1 = 0.19999999999999998: 1.9999999999999998 steps is float
    # noise below 2, not a real 1.99 -> 2 steps (a naive floor gives 0.1)
    assert 0.3 - 0.1 < 0.2
    assert rules.round_amount(0.3 - 0.1) == 0.2
    assert rules.check(0.3 - 0.1) is None
    # 0.199 is a real remainder -> 0.1
    assert rules.round_amount(0.199) == 0.1


@pytest.mark.parametrize('price, tick, expected', [
    (100.005, 0.01, 100.01),       # half a tick goes up
    (100.004, 0.01, 100.0),
    (100.006, 0.01, 100.01),
    (100.3, 0.5, 100.5),           # 200.6 ticks -> 201 x 0.5
    (100.2, 0.5, 100.0),           # 200.4 ticks -> 200 x 0.5
    (0.1 + 0.2, 0.1, 0.3),
    (12345.0, 10.0, 12350.0),      # 1234.5 ticks -> 1235
])
def test_round_price_to_nearest_tick(price, tick, expected):
    assert TradingRules(price_tick=tick).round_price(price) == expected


def test_no_precision_means_no_rounding():
    rules = TradingRules()
    assert rules.round_amount(0.123456789) == 0.123456789
    assert rules.round_price(1.23456789) == 1.23456789
    assert rules.check(0.123456789, 1.23456789) is None


# --- apply ---------------------------------------------------------------------
def test_apply_rounds_when_asked(rules):
    # 0.12345 -> 0.123 (down), 40000.004 -> 40000.00 (nearest)
    assert rules.apply(0.12345, 40000.004, rounding=True) == (0.123, 40000.0)
    assert rules.apply(-0.12345, 40000.006, rounding=True) == (-0.123, 40000.01)
    # market order: price stays None, notional 0.001 x 40000 = 40 >= 5
    assert rules.apply(0.0015, None, True, reference_price=40000.0) == (0.001, None)


def test_apply_without_rounding_raises_with_reason(rules):
    with pytest.raises(TradingRuleError) as info:
        rules.apply(0.12345, 40000.0, rounding=False)
    assert info.value.reason == 'amount 0.12345 not a multiple of step 0.001 for BTC/USDT'
    assert isinstance(info.value, ValueError)
    assert str(info.value) == info.value.reason
    assert rules.apply(0.123, 40000.0, rounding=False) == (0.123, 40000.0)


def test_apply_reports_rounding_to_zero_and_rules_after_rounding(rules):
    with pytest.raises(TradingRuleError,
                       match=re.escape('amount 0.0004 rounds to 0 with step 0.001 for BTC/USDT')):
        rules.apply(0.0004, 40000.0, rounding=True)
    # rounding cannot fix a too small notional: 0.0015 -> 0.001; 0.001 x 100.01 = 0.10001
    with pytest.raises(TradingRuleError, match=re.escape('notional 0.10001 below minimum 5')):
        rules.apply(0.0015, 100.005, rounding=True)


# --- precision modes -----------------------------------------------------------
def test_decimal_places_detected_from_ints():
    market = {'symbol': 'ETH/USDT', 'precision': {'amount': 3, 'price': 2},
              'limits': {}}
    rules = TradingRules.from_market(market)
    # 3 decimals -> step 0.001; 2 decimals -> tick 0.01
    assert (rules.amount_step, rules.price_tick) == (0.001, 0.01)
    assert rules.round_amount(1.23456) == 1.234


@pytest.mark.parametrize('mode', [DECIMAL_PLACES, 2])
def test_explicit_decimal_places_mode(mode):
    market = {'precision': {'amount': 4.0, 'price': 0}}
    rules = TradingRules.from_market(market, precision_mode=mode)
    # 4 decimals -> 0.0001; 0 decimals -> tick 1
    assert (rules.amount_step, rules.price_tick) == (0.0001, 1.0)
    assert rules.round_price(100.6) == 101.0


@pytest.mark.parametrize('mode', [TICK_SIZE, 4])
def test_explicit_tick_size_mode_takes_ints_as_ticks(mode):
    rules = TradingRules.from_market({'precision': {'amount': 1, 'price': 5}},
                                     precision_mode=mode)
    assert (rules.amount_step, rules.price_tick) == (1.0, 5.0)
    assert rules.round_price(12.4) == 10.0 and rules.round_price(12.5) == 15.0


def test_zero_limits_mean_disabled():
    market = {'symbol': 'X/Y', 'precision': {'amount': 0.0, 'price': None},
              'limits': {'amount': {'min': 0, 'max': 0}, 'price': {'min': 0.0, 'max': 0.0}}}
    rules = TradingRules.from_market(market)
    assert (rules.amount_step, rules.min_amount, rules.max_amount, rules.max_price) == (
        None, None, None, None)
    assert rules.check(123456.789, 0.000001) is None


@pytest.mark.parametrize('market, mode, exc, message', [
    ([('symbol', 'X')], None, TypeError, 'market must be a dict'),
    ({'precision': {'amount': 2.5}}, DECIMAL_PLACES, ValueError,
     'precision amount must be a whole number of decimal places, got 2.5'),
    ({'precision': {'price': -0.01}}, None, ValueError,
     'precision price tick size must be >= 0'),
    ({'precision': {'amount': '0.001'}}, None, TypeError,
     'precision amount must be a number'),
    ({}, 3, ValueError, 'precision_mode must be'),
    ({}, 'ticks', ValueError, 'precision_mode must be'),
    ({'limits': {'cost': {'min': -5}}}, None, ValueError, 'min_cost must be >= 0'),
])
def test_from_market_bad_inputs(market, mode, exc, message):
    with pytest.raises(exc, match=re.escape(message)):
        TradingRules.from_market(market, precision_mode=mode)


def test_direct_construction_is_keyword_only_and_validated():
    with pytest.raises(TypeError):
        TradingRules('BTC/USDT', 0.001)
    with pytest.raises(TypeError, match='symbol must be a str'):
        TradingRules(symbol=5)
    with pytest.raises(TypeError, match='amount_step must be a number'):
        TradingRules(amount_step='0.1')
