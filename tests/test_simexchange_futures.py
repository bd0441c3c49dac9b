"""The local exchange's USDⓈ-M futures engine without sockets: orders,
positions, margin, funding and liquidation, worked out by hand.

Bars are 8 hours long so every bar opens at a funding time (Binance's
default schedule: 0.01% at 00:00, 08:00 and 16:00 UTC).  A rising bar
replays open -> low -> high -> close, a falling one open -> high -> low
-> close.  Fees: maker 0.02%, taker 0.05%; default leverage 20; the
historical BTCUSDT brackets (MMR 0.4% below 50k notional).
"""
import datetime as dt

import pytest

from backtrader.simexchange import ExchangeCore
from backtrader.simexchange._errors import ExchangeError
from backtrader.simexchange._market import Bar, Tick
from backtrader.simexchange._perpdata import FundingSchedule, MarkSeries

H8 = 8 * 3_600_000
T0 = 1_700_000_000_000 - 1_700_000_000_000 % (3 * H8)


def _bars(*ohlc):
    return [Bar(T0 + i * H8, o, h, lo, c, 100.0) for i, (o, h, lo, c) in enumerate(ohlc)]


# bar 0 history (the replay starts after it: the first step is bar 1's
# open); bar 1 rises 20000 -> 19800 -> 20600 -> 20500; bar 2 falls
# 20500 -> 20700 -> 18000 -> 18200; bar 3 stays near 18200
BARS = _bars((20000, 20100, 19900, 20000), (20000, 20600, 19800, 20500),
             (20500, 20700, 18000, 18200), (18200, 18300, 18100, 18200))


def _core(wallet=10000.0, **kwargs):
    return ExchangeCore(None, {'k': 's', 'other': 'x'}, futures={'BTC/USDT': BARS},
                        futures_balances={'USDT': wallet}, start=1, **kwargs)


def _order(core, key='k', **params):
    params.setdefault('symbol', 'BTCUSDT')
    order, _ = core.futures.new_order(core.futures_account(key), params)
    return order


def _code(exc_info):
    return exc_info.value.code


def _pos(core, side='BOTH', key='k'):
    return core.futures_account(key).positions[('BTCUSDT', side)]


def _wallet(core, key='k'):
    return core.futures_account(key).wallet('USDT')


def test_market_buy_opens_a_position_and_charges_the_taker_fee():
    core = _core()
    order = _order(core, side='BUY', type='MARKET', quantity='0.1')
    assert (order.status, order.executed, order.avg_price) == ('FILLED', 0.1, 20000.0)
    pos = _pos(core)
    assert (pos.amount, pos.entry) == (0.1, 20000.0)
    assert _wallet(core) == pytest.approx(10000 - 2000 * 0.0005)     # fee 1.0
    account = core.futures_account('k')
    # initial margin 2000 / 20 = 100 is no longer available
    assert core.futures.available(account, 'USDT') == pytest.approx(9899.0)


def test_leverage_sets_the_margin_and_rejects_what_the_brackets_forbid():
    core = _core()
    account = core.futures_account('k')
    reply = core.futures.set_leverage(account, 'BTCUSDT', '10')
    assert reply == {'leverage': 10, 'maxNotionalValue': '20000000', 'symbol': 'BTCUSDT'}
    _order(core, side='BUY', type='MARKET', quantity='0.1')
    assert core.futures.available(account, 'USDT') == pytest.approx(9999 - 200)
    with pytest.raises(ExchangeError) as err:
        core.futures.set_leverage(account, 'BTCUSDT', '126')
    assert _code(err) == -4028


def test_one_way_position_flips_and_realizes_pnl():
    core = _core()
    _order(core, side='BUY', type='MARKET', quantity='0.1')
    core.step(3)                                     # to 20600, the high of bar 1
    order = _order(core, side='SELL', type='MARKET', quantity='0.3')
    assert order.realized == pytest.approx(0.1 * 600)
    pos = _pos(core)
    assert (pos.amount, pos.entry) == (pytest.approx(-0.2), 20600.0)
    fees = 2000 * 0.0005 + 0.3 * 20600 * 0.0005
    assert _wallet(core) == pytest.approx(10000 + 60 - fees)


def test_reduce_only_needs_an_opposite_position_no_larger_than_it():
    core = _core()
    with pytest.raises(ExchangeError) as err:
        _order(core, side='SELL', type='MARKET', quantity='0.1', reduceOnly='true')
    assert _code(err) == -2022
    _order(core, side='BUY', type='MARKET', quantity='0.1')
    with pytest.raises(ExchangeError) as err:
        _order(core, side='SELL', type='MARKET', quantity='0.2', reduceOnly='true')
    assert _code(err) == -2022
    order = _order(core, side='SELL', type='MARKET', quantity='0.1', reduceOnly='true')
    assert order.status == 'FILLED' and _pos(core).amount == 0.0


def test_stop_market_triggers_at_the_tick_through_its_price():
    core = _core()
    _order(core, side='BUY', type='MARKET', quantity='0.1')
    stop = _order(core, side='SELL', type='STOP_MARKET', quantity='0.1',
                  stopPrice='19900', reduceOnly='true')
    take = _order(core, side='SELL', type='TAKE_PROFIT_MARKET', quantity='0.1',
                  stopPrice='20500', reduceOnly='true')
    assert (stop.status, stop.working) == ('NEW', False)
    core.step(2)                                     # 20000, 19800: the stop triggers
    assert (stop.status, stop.avg_price) == ('FILLED', 19800.0)
    assert stop.realized == pytest.approx(-20.0)
    core.step(1)                                     # 20600: no position left
    assert take.status == 'EXPIRED'


def test_stop_limit_triggers_then_fills_as_a_limit():
    core = _core()
    order = _order(core, side='BUY', type='STOP', quantity='0.1', stopPrice='20550',
                   price='20600', timeInForce='GTC')
    core.step(2)
    assert order.status == 'NEW' and not order.working
    core.step(1)                                     # 20600 reaches the stop
    assert (order.status, order.avg_price) == ('FILLED', 20600.0)


def test_orders_that_would_trigger_or_take_at_once_are_rejected():
    core = _core()
    with pytest.raises(ExchangeError) as err:
        _order(core, side='SELL', type='STOP_MARKET', quantity='0.1', stopPrice='20100')
    assert _code(err) == -2021
    with pytest.raises(ExchangeError) as err:
        _order(core, side='BUY', type='LIMIT', quantity='0.1', price='20100',
               timeInForce='GTX')
    assert _code(err) == -5022


def test_post_only_rests_and_fills_as_maker():
    core = _core()
    order = _order(core, side='BUY', type='LIMIT', quantity='0.1', price='19900',
                   timeInForce='GTX')
    assert order.status == 'NEW'
    core.step(2)
    assert (order.status, order.avg_price) == ('FILLED', 19900.0)
    trade = core.futures_account('k').trades[-1]
    assert trade.maker and trade.commission == pytest.approx(1990 * 0.0002)


def test_margin_and_notional_limits():
    core = _core()
    with pytest.raises(ExchangeError) as err:           # 10000 margin + fee
        _order(core, side='BUY', type='MARKET', quantity='10')
    assert _code(err) == -2019
    with pytest.raises(ExchangeError) as err:           # 20 < 100 notional
        _order(core, side='BUY', type='MARKET', quantity='0.001')
    assert _code(err) == -4164
    with pytest.raises(ExchangeError) as err:
        _order(core, side='BUY', type='MARKET', quantity='0.0005')
    assert _code(err) == -1013
    assert core.futures_account('k').orders == {}      # nothing placed


def test_an_open_order_reserves_margin_until_cancelled():
    core = _core()
    account = core.futures_account('k')
    order = _order(core, side='BUY', type='LIMIT', quantity='1', price='19000',
                   timeInForce='GTC')
    reserved = 19000 / 20 + 19000 * 0.0005
    assert core.futures.available(account, 'USDT') == pytest.approx(10000 - reserved)
    core.futures.cancel(account, {'symbol': 'BTCUSDT', 'orderId': order.order_id})
    assert order.status == 'CANCELED'
    assert core.futures.available(account, 'USDT') == pytest.approx(10000.0)


def test_funding_longs_pay_shorts_at_a_positive_rate():
    core = _core()
    _order(core, side='BUY', type='MARKET', quantity='0.1')
    _order(core, key='other', side='SELL', type='MARKET', quantity='0.1')
    core.step(5)                                     # bar 2 opens at 20500: funding
    payment = 0.1 * 20500 * 0.0001
    assert _wallet(core) == pytest.approx(10000 - 1.0 - payment)
    assert _wallet(core, 'other') == pytest.approx(10000 - 1.0 + payment)
    income = [i for i in core.futures_account('k').income
              if i['incomeType'] == 'FUNDING_FEE']
    assert len(income) == 1 and float(income[0]['income']) == pytest.approx(-payment)
    assert income[0]['time'] == BARS[2].time


def test_isolated_position_liquidates_losing_only_its_margin():
    core = _core()
    account = core.futures_account('k')
    core.futures.set_margin_type(account, 'BTCUSDT', 'ISOLATED')
    _order(core, side='BUY', type='MARKET', quantity='0.1')
    pos = _pos(core)
    assert pos.isolated_wallet == pytest.approx(100.0)
    # LP = (100 - 0.1 x 20000) / (0.1 x 0.004 - 0.1)
    assert core.futures.liquidation_price(account, pos) == pytest.approx(1900 / 0.0996)
    core.step(6)                                     # bar 1; 20500 (funding), 20700
    assert pos.amount == 0.1
    core.step(1)                                     # 18000 < 19076: liquidated
    assert pos.amount == 0.0
    liquidation = [o for o in account.orders.values() if o.type == 'LIQUIDATION']
    assert len(liquidation) == 1 and liquidation[0].avg_price == 18000.0
    # fee 1.0 and funding 0.205 paid; the 99.795 of isolated margin is lost
    assert _wallet(core) == pytest.approx(10000 - 1.0 - 100.0)


def test_cross_liquidation_takes_the_cross_wallet_and_no_more():
    core = _core(wallet=150.0)
    account = core.futures_account('k')
    _order(core, side='BUY', type='MARKET', quantity='0.1')
    pos = _pos(core)
    assert core.futures.liquidation_price(account, pos) == pytest.approx(1851 / 0.0996)
    core.step(6)
    assert pos.amount == 0.1
    core.step(1)                                     # 18000 < 18584: liquidated
    assert pos.amount == 0.0
    assert _wallet(core) == pytest.approx(0.0)
    kinds = {i['incomeType'] for i in account.income}
    assert {'REALIZED_PNL', 'INSURANCE_CLEAR', 'FUNDING_FEE', 'COMMISSION'} <= kinds


def test_hedge_mode_keeps_a_long_and_a_short_leg():
    core = _core()
    account = core.futures_account('k')
    core.futures.set_dual_side(account, 'true')
    with pytest.raises(ExchangeError) as err:
        _order(core, side='BUY', type='MARKET', quantity='0.1')
    assert _code(err) == -4061
    with pytest.raises(ExchangeError) as err:
        _order(core, side='BUY', type='MARKET', quantity='0.1', positionSide='LONG',
               reduceOnly='true')
    assert _code(err) == -1106
    _order(core, side='BUY', type='MARKET', quantity='0.1', positionSide='LONG')
    _order(core, side='SELL', type='MARKET', quantity='0.2', positionSide='SHORT')
    _order(core, side='SELL', type='MARKET', quantity='0.05', positionSide='LONG')
    assert _pos(core, 'LONG').amount == pytest.approx(0.05)
    assert _pos(core, 'SHORT').amount == pytest.approx(-0.2)
    with pytest.raises(ExchangeError) as err:        # closes more than held
        _order(core, side='SELL', type='MARKET', quantity='0.1', positionSide='LONG')
    assert _code(err) == -2022
    with pytest.raises(ExchangeError) as err:
        core.futures.set_dual_side(account, 'false')
    assert _code(err) == -4068


def test_settings_refuse_pointless_or_unsafe_changes():
    core = _core()
    account = core.futures_account('k')
    with pytest.raises(ExchangeError) as err:
        core.futures.set_dual_side(account, 'false')
    assert _code(err) == -4059
    with pytest.raises(ExchangeError) as err:
        core.futures.set_margin_type(account, 'BTCUSDT', 'CROSSED')
    assert _code(err) == -4046
    _order(core, side='BUY', type='LIMIT', quantity='0.1', price='19000',
           timeInForce='GTC')
    with pytest.raises(ExchangeError) as err:
        core.futures.set_dual_side(account, 'true')
    assert _code(err) == -4067
    _order(core, side='BUY', type='MARKET', quantity='0.1')
    with pytest.raises(ExchangeError) as err:
        core.futures.set_margin_type(account, 'BTCUSDT', 'ISOLATED')
    assert _code(err) == -4048
    with pytest.raises(ExchangeError) as err:
        core.futures.set_margin_type(account, 'BTCUSDT', 'SIDEWAYS')
    assert _code(err) == -1130


def test_close_position_stop_closes_whatever_is_held():
    core = _core()
    _order(core, side='BUY', type='MARKET', quantity='0.3')
    stop = _order(core, side='SELL', type='STOP_MARKET', stopPrice='19900',
                  closePosition='true')
    core.step(2)
    assert (stop.status, stop.executed) == ('FILLED', pytest.approx(0.3))
    assert _pos(core).amount == 0.0
    with pytest.raises(ExchangeError) as err:
        _order(core, side='SELL', type='STOP_MARKET', stopPrice='19000',
               closePosition='true', quantity='1')
    assert _code(err) == -1106


def test_user_events_follow_orders_and_positions():
    core = _core()
    events = []
    core.futures_account('k').listeners.append(events.append)
    _order(core, side='BUY', type='MARKET', quantity='0.1', newClientOrderId='mine')
    kinds = [(e['e'], e.get('o', {}).get('x')) for e in events]
    assert kinds == [('ORDER_TRADE_UPDATE', 'NEW'), ('ORDER_TRADE_UPDATE', 'TRADE'),
                     ('ACCOUNT_UPDATE', None)]
    trade = events[1]['o']
    assert (trade['c'], trade['X'], trade['L'], trade['N']) == \
        ('mine', 'FILLED', '20000.00000000', 'USDT')
    update = events[2]['a']
    assert update['m'] == 'ORDER'
    assert update['P'][0]['pa'] == '0.10000000' and update['P'][0]['ps'] == 'BOTH'
    assert float(update['B'][0]['wb']) == pytest.approx(9999.0)


def test_mark_series_follows_the_path_or_interpolates():
    bars = _bars((100, 110, 90, 105), (105, 106, 100, 101))
    series = MarkSeries(bars)
    tick = Tick('BTCUSDT', T0, 1.0, 1.0, bars[0], 0, 1, 'futures')
    assert series.at(tick, H8) == 100.0
    later = Tick('BTCUSDT', T0 + H8 // 2, 1.0, 1.0, bars[0], 2, 3, 'futures')
    assert series.at(later, H8) == 110.0                 # open, low, HIGH, close
    coarse = Tick('BTCUSDT', T0 + H8 // 4, 1.0, 1.0, bars[0], 0, 1, 'futures')
    assert series.at(coarse, H8 // 8) == pytest.approx(100 + 5 * 0.25)
    assert MarkSeries(None).at(tick, H8) == 1.0          # no file: the last price


def test_funding_schedule_from_rates_and_by_default():
    start = dt.datetime(2021, 11, 18)
    rates = FundingSchedule([(start + dt.timedelta(hours=8 * i), 0.0001 * (i + 1))
                             for i in range(3)])
    t0 = int(start.replace(tzinfo=dt.timezone.utc).timestamp() * 1000)
    assert rates.due(t0 - 1, t0 + H8) == [(t0, 0.0001), (t0 + H8, 0.0002)]
    assert rates.next_after(t0) == (t0 + H8, 0.0002)
    assert rates.next_after(t0 + 2 * H8 + 1) == (t0 + 3 * H8, 0.0)
    assert rates.history(t0 + H8, None, None, 10) == [(t0, 0.0001), (t0 + H8, 0.0002)]
    default = FundingSchedule()
    assert default.due(t0, t0 + 2 * H8) == [(t0 + H8, 0.0001), (t0 + 2 * H8, 0.0001)]
