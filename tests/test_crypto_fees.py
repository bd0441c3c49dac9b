"""Crypto maker/taker fees, volume tiers, fee asset (quote/base/BNB).

Every expected number is worked out by hand in the comment next to it.
"""
import datetime
import re

import pytest

from backtrader.comminfo import CommInfoBase
from backtrader.commissions import crypto
from backtrader.commissions.crypto import (
    BINANCE_SPOT_TIERS, BINANCE_USDM_TIERS, CryptoSpotCommInfo, FeeTier,
    FillFee, PerpetualCommInfo, RollingVolume, find_tier, select_tier)

T0 = datetime.datetime(2024, 1, 1)


# --- tables ---------------------------------------------------------------
def test_vip0_rates_match_the_documented_ones():
    assert BINANCE_SPOT_TIERS[0] == FeeTier('VIP 0', 0.0, 0.001, 0.001)
    assert BINANCE_USDM_TIERS[0] == FeeTier('VIP 0', 0.0, 0.0002, 0.0005)


@pytest.mark.parametrize('table', [BINANCE_SPOT_TIERS, BINANCE_USDM_TIERS])
def test_example_tables_decrease_with_volume(table):
    for prev, row in zip(table, table[1:]):
        assert row.min_volume > prev.min_volume
        assert row.maker < prev.maker and row.taker < prev.taker


def test_select_tier_takes_highest_reached_threshold():
    table = (FeeTier('A', 0, 0.002, 0.003), FeeTier('B', 100, 0.001, 0.002),
             FeeTier('C', 1000, 0.0, 0.001))
    assert select_tier(table, 0).name == 'A'
    assert select_tier(table, 99.99).name == 'A'
    assert select_tier(table, 100).name == 'B'      # min_volume <= volume
    assert select_tier(table, 999).name == 'B'
    assert select_tier(table, 5000).name == 'C'
    # a table not starting at 0 still answers with its first row
    assert select_tier(table[1:], 5).name == 'B'


def test_find_tier_by_name_or_index():
    assert find_tier(BINANCE_SPOT_TIERS, 'VIP 3').maker == 0.0007
    assert find_tier(BINANCE_SPOT_TIERS, 2).name == 'VIP 2'
    assert find_tier(BINANCE_SPOT_TIERS, -1).name == 'VIP 9'
    with pytest.raises(ValueError, match=r"tier 'VIP 42' not found; known tiers: 'VIP 0'"):
        find_tier(BINANCE_SPOT_TIERS, 'VIP 42')
    with pytest.raises(ValueError, match='tier index 10 out of range for 10 tiers'):
        find_tier(BINANCE_SPOT_TIERS, 10)
    with pytest.raises(TypeError, match='tier must be a tier name or index'):
        find_tier(BINANCE_SPOT_TIERS, 1.5)


# --- maker vs taker ---------------------------------------------------------
def test_spot_maker_and_taker_fees():
    ci = CryptoSpotCommInfo(maker=0.0008, taker=0.001)
    assert ci.fee_rate(maker=True) == 0.0008
    assert ci.fee_rate(maker=False) == 0.001
    # 0.5 BTC x 40000 = 20000 quote; maker 20000 x 0.0008 = 16, taker 20
    assert ci.fill_fee(0.5, 40000.0, maker=True) == FillFee(
        0.0008, 'quote', pytest.approx(16.0), pytest.approx(16.0), 0.0,
        pytest.approx(16.0))
    fee = ci.fill_fee(-0.5, 40000.0, maker=False)
    assert (fee.asset, fee.quote_value, fee.cash, fee.size_delta) == (
        'quote', pytest.approx(20.0), pytest.approx(20.0), 0.0)


def test_perpetual_maker_and_taker_fees_on_notional():
    ci = PerpetualCommInfo()
    assert (ci.fee_rate(True), ci.fee_rate(False)) == (0.0002, 0.0005)
    # 2 BTC x 30000 = 60000 notional; maker x 0.0002 = 12, taker x 0.0005 = 30
    assert ci.fill_fee(2, 30000.0, maker=True).quote_value == pytest.approx(12.0)
    taker = ci.fill_fee(-2, 30000.0, maker=False)
    assert (taker.asset, taker.quote_value, taker.cash) == (
        'quote', pytest.approx(30.0), pytest.approx(30.0))


def test_perpetual_bnb_style_discount():
    ci = PerpetualCommInfo(fee_discount=0.10)
    # 60000 notional x 0.0005 x (1 - 0.10) = 27; rate 0.00045
    fee = ci.fill_fee(2, 30000.0, maker=False)
    assert fee.rate == pytest.approx(0.00045)
    assert fee.quote_value == pytest.approx(27.0)


# --- tiers by volume -------------------------------------------------------
def test_tier_switches_when_volume_crosses_threshold():
    ci = CryptoSpotCommInfo(tiers=BINANCE_SPOT_TIERS)
    # below 1,000,000: VIP 0 (0.1%/0.1%)
    assert ci.fee_rate(False, 999_999.99) == 0.001
    assert ci.tier_for(999_999.99).name == 'VIP 0'
    # at 1,000,000: VIP 1 (maker 0.09%, taker 0.095%)
    assert ci.fee_rate(True, 1_000_000) == 0.0009
    assert ci.fee_rate(False, 1_000_000) == 0.00095
    # 1 BTC x 50000 = 50000; x 0.00095 = 47.5 (was 50 at VIP 0)
    assert ci.fill_fee(1, 50000.0, False, volume30d=1_000_000).quote_value \
        == pytest.approx(47.5)
    assert ci.fill_fee(1, 50000.0, False, volume30d=0).quote_value \
        == pytest.approx(50.0)


def test_pinned_tier_ignores_volume():
    ci = PerpetualCommInfo(tiers=BINANCE_USDM_TIERS, tier='VIP 2')
    assert ci.fee_rate(True, 0) == 0.00014 and ci.fee_rate(False, 1e12) == 0.00035
    assert ci.tier_for(1e12).name == 'VIP 2'
    # upstream API uses the pinned taker: 1 x 40000 x 0.00035 = 14
    assert ci.getcommission(1, 40000.0) == pytest.approx(14.0)
    assert CryptoSpotCommInfo(tiers=BINANCE_SPOT_TIERS, tier=3).fee_rate(True) == 0.0007


def test_flat_rates_have_no_tier():
    assert CryptoSpotCommInfo().tier_for(1e9) is None


def test_rolling_volume_drives_the_tier():
    ci = CryptoSpotCommInfo(tiers=BINANCE_SPOT_TIERS)
    vol = RollingVolume()
    vol.add(T0, 600_000.0)
    vol.add(T0 + datetime.timedelta(days=10), -500_000.0)   # a sell counts too
    day10 = T0 + datetime.timedelta(days=10)
    # 600,000 + 500,000 = 1,100,000 >= 1,000,000 -> VIP 1
    assert vol.total(day10) == pytest.approx(1_100_000.0)
    assert ci.tier_for(vol.total(day10)).name == 'VIP 1'
    # day 29: both still inside the 30-day window
    assert vol.total(T0 + datetime.timedelta(days=29)) == pytest.approx(1_100_000.0)
    # day 30: the first fill is exactly 30 days old and leaves: 500,000 -> VIP 0
    day30 = T0 + datetime.timedelta(days=30)
    assert vol.total(day30) == pytest.approx(500_000.0)
    assert len(vol) == 1
    assert ci.tier_for(vol.total(day30)).name == 'VIP 0'
    # day 40: the second one leaves as well, the sum resets to exactly 0
    assert vol.total(T0 + datetime.timedelta(days=40)) == 0.0 and len(vol) == 0


def test_rolling_volume_shorter_window_and_errors():
    vol = RollingVolume(window=datetime.timedelta(days=7))
    for day, amount in ((0, 100.0), (3, 200.0), (6, 400.0)):
        vol.add(T0 + datetime.timedelta(days=day), amount)
    now = T0 + datetime.timedelta(days=6)
    assert vol.total(now) == pytest.approx(700.0)              # 100+200+400
    # last 3 days: (day 3, day 6] -> only 400
    assert vol.total(now, window=datetime.timedelta(days=3)) == pytest.approx(400.0)
    assert len(vol) == 3          # the short window dropped nothing
    with pytest.raises(ValueError, match='longer than the kept window'):
        vol.total(now, window=datetime.timedelta(days=8))
    with pytest.raises(ValueError, match='fills must be added in time order'):
        vol.add(T0, 1.0)
    with pytest.raises(TypeError, match='notional must be a number'):
        vol.add(now, '5')
    with pytest.raises(TypeError, match='dt must be a datetime'):
        vol.add(6, 5.0)
    with pytest.raises(ValueError, match='window must be positive'):
        RollingVolume(window=datetime.timedelta(0))


# --- fee asset ---------------------------------------------------------------
def test_fee_in_base_reduces_the_amount_received():
    ci = CryptoSpotCommInfo(fee_asset='base')
    # buy 0.5 BTC at 40000, taker 0.1%: fee 0.5 x 0.001 = 0.0005 BTC,
    # received 0.5 - 0.0005 = 0.4995 BTC, worth 0.0005 x 40000 = 20 USDT,
    # and no quote cash is charged
    fee = ci.fill_fee(0.5, 40000.0, maker=False)
    assert fee.asset == 'base'
    assert fee.amount_in_asset == pytest.approx(0.0005)
    assert fee.size_delta == pytest.approx(-0.0005)
    assert 0.5 + fee.size_delta == pytest.approx(0.4995)
    assert fee.quote_value == pytest.approx(20.0)
    assert fee.cash == 0.0


def test_fee_in_base_on_a_sell_is_charged_in_quote_received():
    ci = CryptoSpotCommInfo(fee_asset='base')
    # sell 0.5 BTC at 40000: Binance charges the asset received (USDT):
    # 20000 x 0.001 = 20 USDT from the proceeds, position size untouched
    fee = ci.fill_fee(-0.5, 40000.0, maker=False)
    assert (fee.asset, fee.size_delta) == ('quote', 0.0)
    assert fee.amount_in_asset == pytest.approx(20.0)
    assert fee.cash == pytest.approx(20.0)


def test_bnb_discount():
    ci = CryptoSpotCommInfo(fee_asset='BNB')
    # default 25% off: 0.001 x 0.75 = 0.00075; 1 BTC x 40000 x 0.00075 = 30
    # USDT worth of BNB; at 300 USDT/BNB that is 30 / 300 = 0.1 BNB
    fee = ci.fill_fee(1, 40000.0, maker=False, asset_price=300.0)
    assert fee.rate == pytest.approx(0.00075)
    assert fee.asset == 'BNB'
    assert fee.quote_value == pytest.approx(30.0)
    assert fee.amount_in_asset == pytest.approx(0.1)
    assert fee.cash == pytest.approx(30.0) and fee.size_delta == 0.0
    assert ci.fill_fee(1, 40000.0, maker=False).amount_in_asset is None
    # the schedule rate itself is not discounted, the estimate is
    assert ci.fee_rate(False) == 0.001
    assert ci.getcommission(1, 40000.0) == pytest.approx(30.0)
    # explicit discount: 0.001 x (1 - 0.1) = 0.0009 -> 36 on 40000
    assert CryptoSpotCommInfo(fee_asset='BNB', fee_discount=0.1).fill_fee(
        1, 40000.0, False).quote_value == pytest.approx(36.0)
    # no discount by default when paying in quote or base
    assert CryptoSpotCommInfo(fee_asset='base').fill_fee(
        -1, 40000.0, False).quote_value == pytest.approx(40.0)


# --- upstream API ------------------------------------------------------------
def test_spot_keeps_the_commission_api():
    ci = CryptoSpotCommInfo()
    assert isinstance(ci, CommInfoBase)
    assert ci.stocklike and ci.p.percabs and ci.p.commission == 0.001
    assert ci._commtype == CommInfoBase.COMM_PERC
    # taker estimate: |-2| x 100 x 0.001 = 0.2
    assert ci.getcommission(-2, 100.0) == pytest.approx(0.2)
    assert ci.confirmexec(-2, 100.0) == pytest.approx(0.2)
    assert ci._getcommission(3, 100.0, pseudoexec=False) == pytest.approx(0.3)
    assert ci.getoperationcost(2, 100.0) == 200.0
    # fractional units: 10000 / 40000 = 0.25 BTC (upstream would give int 0)
    assert ci.getsize(40000.0, 10000.0) == 0.25


def test_perpetual_keeps_the_commission_api():
    ci = PerpetualCommInfo()
    assert ci.p.commission == 0.0005 and ci._commtype == CommInfoBase.COMM_PERC
    # 1 x 40000 x 0.0005 = 20
    assert ci.getcommission(-1, 40000.0) == pytest.approx(20.0)
    assert ci.confirmexec(1, 40000.0) == pytest.approx(20.0)
    # a tiered scheme estimates with its first (dearest) tier
    assert PerpetualCommInfo(tiers=BINANCE_USDM_TIERS).getcommission(
        1, 40000.0) == pytest.approx(20.0)
    # mult enters the notional: 2 x 100 x 10 x 0.0005 = 1
    ci10 = PerpetualCommInfo(mult=10)
    assert ci10.getcommission(2, 100.0) == pytest.approx(1.0)
    assert ci10.fill_fee(2, 100.0, maker=False).quote_value == pytest.approx(1.0)


def test_commission_matching_taker_is_accepted():
    assert CryptoSpotCommInfo(commission=0.001).getcommission(1, 1000.0) == 1.0


# --- bad inputs -------------------------------------------------------------
@pytest.mark.parametrize('kwargs, exc, message', [
    (dict(maker=-0.001), ValueError, 'maker must be >= 0, got -0.001'),
    (dict(taker=1.5), ValueError, 'taker must be a fraction below 1.0'),
    (dict(taker='0.1'), TypeError, 'taker must be a number'),
    (dict(tier='VIP 1'), ValueError, "tier='VIP 1' needs a tiers table"),
    (dict(tiers=BINANCE_SPOT_TIERS, maker=0.0005),
     ValueError, 'give either maker/taker or tiers, not both'),
    (dict(tiers=BINANCE_SPOT_TIERS, tier='VIP 99'), ValueError, 'not found'),
    (dict(tiers=BINANCE_SPOT_TIERS[::-1]), ValueError,
     'tiers must be sorted by ascending min_volume'),
    (dict(tiers=()), ValueError, 'tiers must not be empty'),
    (dict(tiers=[('VIP 0', 0, 0.1, 0.1)]), TypeError, 'tiers must contain FeeTier'),
    (dict(tiers='VIP 0'), TypeError, 'tiers must be a sequence of FeeTier'),
    (dict(fee_asset=''), TypeError, 'fee_asset must be'),
    (dict(fee_asset='BNB', fee_discount=1.0), ValueError, 'fee_discount must be a fraction'),
    (dict(commission=0.1), ValueError, 'commission is derived from taker'),
])
def test_spot_rejects_bad_params(kwargs, exc, message):
    with pytest.raises(exc, match=re.escape(message)):
        CryptoSpotCommInfo(**kwargs)


def test_fee_tier_validates_its_fields():
    with pytest.raises(ValueError, match=re.escape('min_volume must be >= 0')):
        FeeTier('X', -1, 0.001, 0.001)
    with pytest.raises(TypeError, match='FeeTier name must be a str'):
        FeeTier(0, 0, 0.001, 0.001)
    with pytest.raises(TypeError, match='maker must be a number'):
        FeeTier('X', 0, True, 0.001)


def test_crypto_names_are_exported():
    from backtrader import commissions
    for name in ('CryptoSpotCommInfo', 'PerpetualCommInfo', 'TradingRules',
                 'liquidation_price', 'RollingVolume', 'BINANCE_SPOT_TIERS'):
        assert getattr(commissions, name) is getattr(crypto, name)
        assert name in commissions.__all__
