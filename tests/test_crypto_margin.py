"""Futures margin: bracket table, maintenance margin, leverage caps,
liquidation price (Binance USDⓈ-M formula), PerpetualCommInfo.

BTCUSDT brackets used throughout (floor -> max lev, MMR, cum):
  0 -> 125x 0.4% 0 | 50k -> 100x 0.5% 50 | 250k -> 50x 1% 1300 | 1M -> 20x 2.5% 16300 ...
Every expected number is worked out by hand next to the assertion.
"""
import datetime
import re

import pytest

from backtrader.commissions.crypto import (BINANCE_BTCUSDT_BRACKETS, BracketTable,
                                           MarginBracket, PerpetualCommInfo,
                                           bracket_table, liquidation_price)

B = BINANCE_BTCUSDT_BRACKETS


# --- brackets -------------------------------------------------------------------
def test_cum_recurrence_reproduces_the_documented_table():
    # cum(n) = floor(n) x (MMR(n) - MMR(n-1)) + cum(n-1):
    #   50k x (0.005 - 0.004) + 0          = 50
    #   250k x (0.01 - 0.005) + 50         = 1,250 + 50 = 1,300
    #   1M x (0.025 - 0.01) + 1,300        = 15,000 + 1,300 = 16,300
    #   10M x (0.05 - 0.025) + 16,300      = 250,000 + 16,300 = 266,300
    #   20M x (0.10 - 0.05) + 266,300      = 1,000,000 + 266,300 = 1,266,300
    #   50M x (0.125 - 0.10) + 1,266,300   = 1,250,000 + ... = 2,516,300
    #   100M x (0.15 - 0.125) + 2,516,300  = 2,500,000 + ... = 5,016,300
    #   200M x (0.25 - 0.15) + 5,016,300   = 20,000,000 + ... = 25,016,300
    #   300M x (0.50 - 0.25) + 25,016,300  = 75,000,000 + ... = 100,016,300
    assert [row.cum for row in B] == [
        0.0, 50.0, 1300.0, 16300.0, 266300.0, 1266300.0, 2516300.0,
        5016300.0, 25016300.0, 100016300.0]   # exact: built in Decimal
    assert [row.max_leverage for row in B] == [125, 100, 50, 20, 10, 5, 4, 3, 2, 1]
    assert B[3] == MarginBracket(1_000_000.0, 20.0, 0.025, 16300.0)
    assert len(B) == 10


def test_custom_bracket_table():
    table = bracket_table([(0, 20, 0.01), (10_000, 10, 0.02), (50_000, 5, 0.05)])
    # 10000 x (0.02 - 0.01) = 100; 50000 x (0.05 - 0.02) + 100 = 1500 + 100 = 1600
    assert [row.cum for row in table] == [0.0, 100.0, 1600.0]


@pytest.mark.parametrize('notional, mm', [
    (40_000, 160.0),             # 40,000 x 0.004 - 0
    (50_000, 200.0),             # 50,000 x 0.005 - 50 = 200 = 50,000 x 0.004 (continuous)
    (100_000, 450.0),            # 100,000 x 0.005 - 50
    (-100_000, 450.0),           # sign ignored
    (500_000, 3_700.0),          # 500,000 x 0.01 - 1,300
    (5_000_000, 108_700.0),      # 5M x 0.025 - 16,300 = 125,000 - 16,300
    (15_000_000, 483_700.0),     # 15M x 0.05 - 266,300 = 750,000 - 266,300
    (400_000_000, 99_983_700.0), # 400M x 0.5 - 100,016,300
])
def test_maintenance_margin_in_several_brackets(notional, mm):
    assert B.maintenance_margin(notional) == pytest.approx(mm)


@pytest.mark.parametrize('notional, lev', [
    (0, 125), (49_999.99, 125), (50_000, 100), (300_000, 50),
    (2_000_000, 20), (15_000_000, 10), (400_000_000, 1),
])
def test_max_leverage_and_bracket_edges(notional, lev):
    assert B.max_leverage(notional) == lev
    assert B.bracket_for(notional).max_leverage == lev


def test_from_ccxt_leverage_tiers():
    tiers = [{'tier': 1, 'minNotional': 0, 'maxNotional': 50000,
              'maintenanceMarginRate': 0.004, 'maxLeverage': 125},
             {'tier': 2, 'minNotional': 50000, 'maxNotional': 250000,
              'maintenanceMarginRate': 0.005, 'maxLeverage': 100}]
    table = BracketTable.from_ccxt(tiers)
    assert table == bracket_table([(0, 125, 0.004), (50_000, 100, 0.005)])
    assert [row.cum for row in table] == [0.0, 50.0]


@pytest.mark.parametrize('rows, exc, message', [
    ([], ValueError, 'brackets must not be empty'),
    ([(10, 125, 0.004)], ValueError, 'the first bracket must start at notional 0'),
    ([(0, 125, 0.004), (0, 100, 0.005)], ValueError, 'ascending floors'),
    ([(0, 125, 0.005), (50_000, 100, 0.004)], ValueError, 'non-decreasing mmr'),
    ([(0, 125)], ValueError, 'bracket row 0 must be (notional_floor, max_leverage, mmr)'),
    ([(0, 0, 0.004)], ValueError, 'max_leverage must be > 0'),
    ([(0, 125, 1.0)], ValueError, 'mmr must be a fraction below 1'),
])
def test_bracket_table_rejects_bad_rows(rows, exc, message):
    with pytest.raises(exc, match=re.escape(message)):
        bracket_table(rows)
    with pytest.raises(TypeError, match='MarginBracket rows'):
        BracketTable([(0, 125, 0.004, 0)])


# --- liquidation price (pure function) -------------------------------------------
def test_isolated_long():
    # 1 BTC @ 40,000 at 10x: WB = 4,000; notional 40,000 -> bracket 1 (0.4%, 0)
    # LP = (4,000 + 0 - 1 x 40,000) / (1 x 0.004 - 1) = -36,000 / -0.996
    lp = liquidation_price(4000.0, B, both=(1.0, 40000.0))
    assert lp == pytest.approx(36000 / 0.996)          # 36,144.578...
    # check: equity 4,000 + (LP - 40,000) equals MM LP x 0.004 at that price
    assert 4000 + (lp - 40000) == pytest.approx(lp * 0.004)
    assert liquidation_price(4000.0, B, long=(1.0, 40000.0)) == pytest.approx(lp)


def test_isolated_short():
    # 2 BTC short @ 30,000 at 20x: WB = 60,000 / 20 = 3,000; notional 60,000
    # -> bracket 2 (0.5%, cum 50).  Side -1:
    # LP = (3,000 + 50 + 2 x 30,000) / (2 x 0.005 + 2) = 63,050 / 2.01
    lp = liquidation_price(3000.0, B, both=(-2.0, 30000.0))
    assert lp == pytest.approx(63050 / 2.01)           # 31,368.159...
    # notional at LP = 62,736 -> still bracket 2, no recompute
    assert B.bracket_for(2 * lp).cum == 50.0
    assert 3000 + 2 * (30000 - lp) == pytest.approx(2 * lp * 0.005 - 50)
    assert liquidation_price(3000.0, B, short=(2.0, 30000.0)) == pytest.approx(lp)


def test_cross_with_other_contracts():
    # cross wallet 10,000; other contracts: MM 500, UPNL -1,000; 1 BTC long @ 40,000
    # LP = (10,000 - 500 - 1,000 + 0 - 40,000) / (0.004 - 1) = -31,500 / -0.996
    lp = liquidation_price(10000.0, B, both=(1.0, 40000.0),
                           other_mm=500.0, other_upnl=-1000.0)
    assert lp == pytest.approx(31500 / 0.996)          # 31,626.506...
    # a profit elsewhere pushes it down: (10,000 - 500 + 2,000 - 40,000) / -0.996
    lp2 = liquidation_price(10000.0, B, both=(1.0, 40000.0),
                            other_mm=500.0, other_upnl=2000.0)
    assert lp2 == pytest.approx(28500 / 0.996)         # 28,614.457...


def test_hedge_mode_long_and_short():
    # cross wallet 5,000; LONG 1 @ 40,000 (notional 40,000, bracket 1),
    # SHORT 0.5 @ 42,000 (notional 21,000, bracket 1)
    # num = 5,000 + 0 + 0 - 1 x 40,000 + 0.5 x 42,000 = -14,000
    # den = 1 x 0.004 + 0.5 x 0.004 - 1 + 0.5 = -0.494
    lp = liquidation_price(5000.0, B, long=(1.0, 40000.0), short=(0.5, 42000.0))
    assert lp == pytest.approx(14000 / 0.494)          # 28,340.08...
    # check: equity 5,000 + (LP - 40,000) + 0.5 x (42,000 - LP) = MM 0.006 x LP
    assert 5000 + (lp - 40000) + 0.5 * (42000 - lp) == pytest.approx(0.006 * lp)
    # with more wallet the net-long 0.5 is never liquidated:
    # (20,000 - 40,000 + 21,000) / -0.494 < 0
    assert liquidation_price(20000.0, B, long=(1.0, 40000.0),
                             short=(0.5, 42000.0)) is None


def test_bracket_recompute_long():
    # 5.2 BTC @ 50,000 = 260,000 notional -> bracket 3 (1%, cum 1,300); 10x: WB 26,000
    # pass 1: (26,000 + 1,300 - 260,000) / (5.2 x 0.01 - 5.2) = -232,700 / -5.148
    #         = 45,202.02; notional there 5.2 x 45,202 = 235,050 -> bracket 2
    # pass 2: (26,000 + 50 - 260,000) / (5.2 x 0.005 - 5.2) = -233,950 / -5.174
    #         = 45,216.47; notional 235,126 -> bracket 2 again: stable
    first_pass = 232700 / 5.148
    lp = liquidation_price(26000.0, B, both=(5.2, 50000.0))
    assert lp == pytest.approx(233950 / 5.174)
    assert lp != pytest.approx(first_pass)
    assert 26000 + 5.2 * (lp - 50000) == pytest.approx(5.2 * lp * 0.005 - 50)


def test_bracket_recompute_short():
    # 4.8 BTC short @ 50,000 = 240,000 -> bracket 2 (0.5%, 50); 10x: WB 24,000
    # pass 1: (24,000 + 50 + 240,000) / (4.8 x 0.005 + 4.8) = 264,050 / 4.824
    #         = 54,737.8; notional 262,741 -> bracket 3 (1%, 1,300)
    # pass 2: (24,000 + 1,300 + 240,000) / (4.8 x 0.01 + 4.8) = 265,300 / 4.848
    #         = 54,723.6; notional 262,673 -> bracket 3: stable
    lp = liquidation_price(24000.0, B, short=(4.8, 50000.0))
    assert lp == pytest.approx(265300 / 4.848)
    assert lp != pytest.approx(264050 / 4.824)


def test_no_liquidation_cases():
    # 1x long: WB = notional 40,000 -> LP = (40,000 - 40,000) / -0.996 = 0 -> none
    assert liquidation_price(40000.0, B, both=(1.0, 40000.0)) is None
    # 1x long in bracket 2: (80,000 + 50 - 80,000) / (2 x 0.005 - 2) = -25.1 -> none
    assert liquidation_price(80000.0, B, both=(2.0, 40000.0)) is None
    # no position at all
    assert liquidation_price(1000.0, B) is None
    assert liquidation_price(1000.0, B, both=(0.0, 40000.0)) is None
    # fully hedged with a zero MMR: denominator 1 x 0 + 1 x 0 - 1 + 1 = 0 -> none
    flat = bracket_table([(0, 10, 0.0)])
    assert liquidation_price(10.0, flat, long=(1, 100.0), short=(1, 100.0)) is None


def test_liquidation_price_bad_inputs():
    with pytest.raises(ValueError, match=re.escape('both (one-way mode) cannot be combined')):
        liquidation_price(1000.0, B, both=(1, 100.0), long=(1, 100.0))
    with pytest.raises(TypeError, match='brackets must be a BracketTable'):
        liquidation_price(1000.0, [(0, 125, 0.004)], both=(1, 100.0))
    with pytest.raises(TypeError, match=re.escape('long must be a (size, entry_price) pair')):
        liquidation_price(1000.0, B, long=(1,))
    with pytest.raises(ValueError, match='long entry price must be > 0'):
        liquidation_price(1000.0, B, long=(1, 0.0))
    with pytest.raises(TypeError, match='wallet_balance must be a number'):
        liquidation_price(None, B, both=(1, 100.0))


# --- PerpetualCommInfo ----------------------------------------------------------
def test_perpetual_margin_through_the_comminfo_api():
    ci = PerpetualCommInfo(leverage=10)
    assert not ci.stocklike
    # automargin: get_margin = price x mult / leverage = 40,000 / 10
    assert ci.get_margin(40000.0) == pytest.approx(4000.0)
    assert ci.getoperationcost(0.5, 40000.0) == pytest.approx(2000.0)
    assert ci.getvaluesize(-0.5, 40000.0) == pytest.approx(2000.0)
    assert ci.initial_margin(-0.5, 40000.0) == pytest.approx(2000.0)
    # 0.5 x 40,000 = 20,000 x 0.004 = 80; 3 x 50,000 = 150,000 x 0.005 - 50 = 700
    assert ci.maintenance_margin(0.5, 40000.0) == pytest.approx(80.0)
    assert ci.maintenance_margin(-3, 50000.0) == pytest.approx(700.0)
    # 2,000 cash covers 2,000 / 4,000 = 0.5 BTC of margin
    assert ci.getsize(40000.0, 2000.0) == pytest.approx(0.5)
    # leverage is in the margin, not applied again by the broker
    assert ci.get_leverage() == 1.0 and ci.p.leverage == 10.0
    # every move settles: 0.5 x (41,000 - 40,000) = 500
    assert ci.profitandloss(0.5, 40000.0, 41000.0) == 500.0
    assert ci.cashadjust(0.5, 40000.0, 41000.0) == 500.0


def test_set_leverage_changes_the_margin():
    ci = PerpetualCommInfo(leverage=10)
    ci.set_leverage(20)
    assert ci.get_margin(40000.0) == pytest.approx(2000.0)      # 40,000 / 20
    ci.set_leverage(50, notional=300_000)                         # cap 50x there
    assert ci.p.leverage == 50.0


@pytest.mark.parametrize('args, exc, message', [
    ((150,), ValueError, 'leverage 150 above the maximum 125x allowed for notional 0'),
    ((60, 300_000), ValueError,
     'leverage 60 above the maximum 50x allowed for notional 300000'),
    ((0,), ValueError, 'leverage must be > 0, got 0'),
    ((-3,), ValueError, 'leverage must be > 0, got -3'),
    (('10',), TypeError, "leverage must be a number, got '10'"),
    ((True,), TypeError, 'leverage must be a number'),
])
def test_set_leverage_rejects_bad_values(args, exc, message):
    ci = PerpetualCommInfo(leverage=10)
    with pytest.raises(exc, match=re.escape(message)):
        ci.set_leverage(*args)
    assert ci.p.leverage == 10.0 and ci.get_margin(100.0) == pytest.approx(10.0)


@pytest.mark.parametrize('kwargs, exc, message', [
    (dict(leverage=-2), ValueError, 'leverage must be > 0, got -2'),
    (dict(leverage=150), ValueError, 'leverage 150 above the maximum 125x'),
    (dict(margin_mode='portfolio'), ValueError,
     "margin_mode must be one of 'isolated', 'cross', got 'portfolio'"),
    (dict(position_mode='both'), ValueError,
     "position_mode must be one of 'oneway', 'hedge', got 'both'"),
    (dict(contract='option'), ValueError,
     "contract must be one of 'perpetual', 'delivery', got 'option'"),
    (dict(contract='delivery'), ValueError, "contract='delivery' needs an expiry"),
    (dict(expiry='2024-03-29'), TypeError, 'expiry must be a datetime'),
    (dict(brackets=[(0, 125, 0.004)]), TypeError, 'brackets must be a BracketTable'),
    (dict(liquidation_fee=-0.01), ValueError, 'liquidation_fee must be >= 0'),
    (dict(mult=0), ValueError, 'mult must be > 0'),
])
def test_perpetual_rejects_bad_params(kwargs, exc, message):
    with pytest.raises(exc, match=re.escape(message)):
        PerpetualCommInfo(**kwargs)


def test_mode_setters():
    ci = PerpetualCommInfo()
    assert (ci.p.margin_mode, ci.p.position_mode) == ('cross', 'oneway')
    ci.set_margin_mode('isolated')
    ci.set_position_mode('hedge')
    assert (ci.p.margin_mode, ci.p.position_mode) == ('isolated', 'hedge')
    with pytest.raises(ValueError, match="margin_mode must be one of 'isolated', 'cross'"):
        ci.set_margin_mode('Cross')
    with pytest.raises(ValueError, match="position_mode must be one of"):
        ci.set_position_mode(None)
    assert ci.p.margin_mode == 'isolated'


def test_comminfo_liquidation_price_isolated():
    ci = PerpetualCommInfo(leverage=10, margin_mode='isolated')
    # WB defaults to the initial margin 40,000 / 10 = 4,000 (see test_isolated_long)
    assert ci.liquidation_price(1.0, 40000.0) == pytest.approx(36000 / 0.996)
    # bracket recompute case: WB = 260,000 / 10 = 26,000
    assert ci.liquidation_price(5.2, 50000.0) == pytest.approx(233950 / 5.174)
    # extra isolated margin given explicitly: (8,000 - 40,000) / -0.996
    assert ci.liquidation_price(1.0, 40000.0, 8000.0) == pytest.approx(32000 / 0.996)
    with pytest.raises(ValueError, match='only apply in cross margin'):
        ci.liquidation_price(1.0, 40000.0, other_mm=5.0)
    # 1x isolated long: never liquidated
    assert PerpetualCommInfo(margin_mode='isolated').liquidation_price(1.0, 40000.0) is None


def test_comminfo_liquidation_price_hedge_short_and_cross():
    ci = PerpetualCommInfo(leverage=20, margin_mode='isolated', position_mode='hedge')
    # SHORT leg 2 @ 30,000, WB 3,000 (see test_isolated_short): 63,050 / 2.01
    assert ci.liquidation_price(-2.0, 30000.0) == pytest.approx(63050 / 2.01)
    assert ci.liquidation_price(1.0, 40000.0) == pytest.approx(
        (2000 - 40000) / (0.004 - 1))          # LONG leg, WB 40,000 / 20 = 2,000
    cross = PerpetualCommInfo()
    assert cross.liquidation_price(1.0, 40000.0, 10000.0, other_mm=500.0,
                                   other_upnl=-1000.0) == pytest.approx(31500 / 0.996)
    with pytest.raises(ValueError, match='wallet_balance .* is required in cross'):
        cross.liquidation_price(1.0, 40000.0)


def test_comminfo_with_contract_multiplier():
    ci = PerpetualCommInfo(mult=10, leverage=10, margin_mode='isolated')
    # 0.1 contract x 10 = 1 BTC: margin 0.1 x 40,000 x 10 / 10 = 4,000
    assert ci.get_margin(40000.0) == pytest.approx(40000.0)
    assert ci.initial_margin(0.1, 40000.0) == pytest.approx(4000.0)
    assert ci.liquidation_price(0.1, 40000.0) == pytest.approx(36000 / 0.996)


def test_liquidation_charge_funding_and_expiry():
    ci = PerpetualCommInfo()
    # 1 BTC liquidated at 36,000: 36,000 x 0.005 = 180
    assert ci.liquidation_charge(-1.0, 36000.0) == pytest.approx(180.0)
    assert PerpetualCommInfo(liquidation_fee=0.0125).liquidation_charge(
        1.0, 36000.0) == pytest.approx(450.0)            # 36,000 x 1.25%
    # funding: 2 BTC x 40,000 x 0.0001 = 8; positive rate: longs pay, shorts get
    assert ci.funding_payment(2.0, 40000.0, 0.0001) == pytest.approx(-8.0)
    assert ci.funding_payment(-2.0, 40000.0, 0.0001) == pytest.approx(8.0)
    assert ci.funding_payment(2.0, 40000.0, -0.0001) == pytest.approx(8.0)
    assert ci.is_expired(datetime.datetime(2100, 1, 1)) is False
    expiry = datetime.datetime(2024, 3, 29, 8)
    fut = PerpetualCommInfo(contract='delivery', expiry=expiry)
    assert fut.is_expired(datetime.datetime(2024, 3, 29, 7, 59)) is False
    assert fut.is_expired(expiry) is True
