"""The local exchange's replay clock and spot matching, without sockets.

Bars are made by hand so every fill price and balance can be worked out
in the comments: a rising bar replays open -> low -> high -> close, a
falling one open -> high -> low -> close.
"""
import pytest

from backtrader.simexchange import ExchangeCore
from backtrader.simexchange._errors import ExchangeError
from backtrader.simexchange._market import Bar

DAY = 86_400_000
T0 = 1_700_000_000_000 - 1_700_000_000_000 % DAY


def _bars(*ohlc):
    return [Bar(T0 + i * DAY, o, h, lo, c, 100.0) for i, (o, h, lo, c) in enumerate(ohlc)]


# bar 0 is history; bar 1 rises (100 -> 95 -> 110 -> 108); bar 2 falls
# (108 -> 112 -> 90 -> 92)
BARS = _bars((100, 101, 99, 100), (100, 110, 95, 108), (108, 112, 90, 92),
             (92, 93, 91, 92))


def _core(**kwargs):
    kwargs.setdefault('balances', {'USDT': 10000.0, 'BTC': 1.0})
    return ExchangeCore({'BTC/USDT': BARS}, {'k': 's'}, start=1, **kwargs)


def _order(core, **params):
    params.setdefault('symbol', 'BTCUSDT')
    return core.spot.new_order(core.account('k'), params)


def _balance(core, asset):
    return tuple(core.account('k').balances[asset])


def test_price_path_and_clock():
    core = _core()
    assert core.clock.now == T0 + DAY and core.last('BTCUSDT') == 100  # bar 0 close
    prices, times = [], []
    for _ in range(8):
        core.step()
        prices.append(core.last('BTCUSDT'))
        times.append(core.clock.now)
    assert prices == [100, 95, 110, 108, 108, 112, 90, 92]
    assert times[:4] == [T0 + DAY + q * DAY // 4 for q in range(4)]
    assert core.step(100) == 4 and core.clock.finished   # bar 3, then the end


def test_market_buy_is_taker_with_fee_in_base():
    core = _core()
    order = _order(core, side='BUY', type='MARKET', quantity='0.5')
    assert order.status == 'FILLED' and order.fills[0].price == 100
    assert not order.fills[0].maker
    # 0.5 BTC for 50 USDT; fee 0.1% of 0.5 BTC = 0.0005 BTC
    assert _balance(core, 'USDT') == (9950.0, 0.0)
    assert _balance(core, 'BTC') == pytest.approx((1.4995, 0.0))


def test_market_buy_by_quote_amount():
    core = _core()
    order = _order(core, side='BUY', type='MARKET', quoteOrderQty='250')
    assert order.executed == pytest.approx(2.5) and order.cum_quote == pytest.approx(250)


def test_resting_limit_fills_at_its_price_as_maker():
    core = _core()
    order = _order(core, side='BUY', type='LIMIT', timeInForce='GTC',
                   quantity='1', price='97')
    assert order.status == 'NEW'
    assert _balance(core, 'USDT') == (10000 - 97, 97)      # locked at the limit
    core.step()               # 100: not reached
    assert order.status == 'NEW'
    core.step()               # 95: fills at 97, maker
    assert order.status == 'FILLED' and order.fills[0].maker
    assert order.fills[0].price == 97
    assert _balance(core, 'USDT') == (10000 - 97, 0.0)
    assert _balance(core, 'BTC') == pytest.approx((1 + 1 - 0.001, 0.0))


def test_marketable_limit_takes_at_the_last_price():
    core = _core()
    order = _order(core, side='BUY', type='LIMIT', timeInForce='GTC',
                   quantity='1', price='105')
    assert order.status == 'FILLED' and order.fills[0].price == 100
    assert not order.fills[0].maker
    # the lock at 105 is released down to what was spent
    assert _balance(core, 'USDT') == (9900.0, 0.0)


def test_limit_maker_that_would_take_is_rejected():
    core = _core()
    with pytest.raises(ExchangeError) as err:
        _order(core, side='SELL', type='LIMIT_MAKER', quantity='0.5', price='99')
    assert err.value.code == -2010 and 'immediately match' in err.value.msg
    assert _balance(core, 'BTC') == (1.0, 0.0)   # nothing locked


def test_ioc_expires_what_cannot_fill():
    core = _core()
    order = _order(core, side='SELL', type='LIMIT', timeInForce='IOC',
                   quantity='0.5', price='120')
    assert order.status == 'EXPIRED' and order.executed == 0
    assert _balance(core, 'BTC') == (1.0, 0.0)


def test_stop_loss_limit_triggers_on_the_way_down():
    core = _core()
    core.step(4)              # through bar 1: last 108
    order = _order(core, side='SELL', type='STOP_LOSS_LIMIT', timeInForce='GTC',
                   quantity='1', stopPrice='100', price='89')
    assert not order.working
    core.step()               # 108 (open of bar 2)
    core.step()               # 112
    assert order.status == 'NEW'
    core.step()               # 90: triggers; a sell limit of 89 is marketable
    #                           at 90, so it takes at 90
    assert order.status == 'FILLED' and order.fills[0].price == 90
    assert not order.fills[0].maker


def test_take_profit_market_and_immediate_trigger_refused():
    core = _core()
    with pytest.raises(ExchangeError, match='trigger immediately'):
        _order(core, side='SELL', type='TAKE_PROFIT', quantity='1', stopPrice='99')
    order = _order(core, side='SELL', type='TAKE_PROFIT', quantity='1', stopPrice='109')
    core.step(3)              # 100, 95, 110: triggers at 110, fills at 110
    assert order.status == 'FILLED' and order.fills[0].price == 110


@pytest.mark.parametrize('params,code,text', [
    (dict(side='BUY', type='LIMIT', timeInForce='GTC', quantity='1', price='97.001'),
     -1013, 'PRICE_FILTER'),
    (dict(side='BUY', type='LIMIT', timeInForce='GTC', quantity='0.000001', price='97'),
     -1013, 'LOT_SIZE'),
    (dict(side='BUY', type='LIMIT', timeInForce='GTC', quantity='0.01', price='97'),
     -1013, 'NOTIONAL'),
    (dict(side='BUY', type='LIMIT', quantity='1', price='97'), -1102, 'timeInForce'),
    (dict(side='BUY', type='WHATEVER', quantity='1'), -1116, 'Invalid orderType'),
    (dict(side='UP', type='MARKET', quantity='1'), -1117, 'Invalid side'),
    (dict(side='BUY', type='MARKET', quantity='abc'), -1100, 'quantity'),
    (dict(side='BUY', type='MARKET', quantity='1000'), -2010, 'insufficient balance'),
    (dict(symbol='FOOBAR', side='BUY', type='MARKET', quantity='1'), -1121, 'Invalid symbol'),
])
def test_bad_orders_get_binance_errors(params, code, text):
    core = _core()
    with pytest.raises(ExchangeError) as err:
        _order(core, **params)
    assert err.value.code == code and text in err.value.msg
    assert _balance(core, 'USDT') == (10000.0, 0.0)
    assert not core.account('k').orders


def test_cancel_releases_the_lock_and_unknown_order_is_reported():
    core = _core()
    order = _order(core, side='SELL', type='LIMIT', timeInForce='GTC',
                   quantity='0.4', price='150', newClientOrderId='mine-1')
    assert _balance(core, 'BTC') == pytest.approx((0.6, 0.4))
    core.spot.cancel(core.account('k'), {'symbol': 'BTCUSDT',
                                         'origClientOrderId': 'mine-1'})
    assert order.status == 'CANCELED'
    assert _balance(core, 'BTC') == pytest.approx((1.0, 0.0))
    with pytest.raises(ExchangeError) as err:
        core.spot.cancel(core.account('k'), {'symbol': 'BTCUSDT', 'orderId': '999'})
    assert err.value.code == -2011


def test_oco_sell_one_fill_cancels_the_other():
    core = _core()
    account = core.account('k')
    entry = core.spot.new_oco(account, {
        'symbol': 'BTCUSDT', 'side': 'SELL', 'quantity': '1', 'price': '109',
        'stopPrice': '96', 'stopLimitPrice': '94'})
    stop, limit = (account.orders[i] for i in entry['orders'])
    assert (stop.type, limit.type) == ('STOP_LOSS_LIMIT', 'LIMIT_MAKER')
    assert _balance(core, 'BTC') == (0.0, 1.0)      # one lock for both legs
    core.step(2)              # 100, then 95: the stop triggers
    assert stop.status == 'FILLED' and limit.status == 'EXPIRED'
    assert entry['status'] == 'ALL_DONE'
    assert _balance(core, 'BTC') == (0.0, 0.0)
    # the stop triggers at the 95 tick; its sell limit of 94 is marketable
    # there, so 1 BTC sells at 95 (taker, fee 0.1% of the USDT received)
    assert _balance(core, 'USDT') == pytest.approx((10000 + 95 * 0.999, 0.0))


def test_triggered_stop_limit_rests_when_not_marketable():
    # a sell stop-limit triggered at 95 with a limit of 99 waits for 99:
    # it sells at 99 as maker when the bar climbs to 110
    core = _core()
    order = _order(core, side='SELL', type='STOP_LOSS_LIMIT', timeInForce='GTC',
                   quantity='1', stopPrice='96', price='99')
    core.step(2)              # 100, 95: triggered, resting at 99
    assert order.working and order.status == 'NEW'
    core.step()               # 110
    assert order.status == 'FILLED' and order.fills[0].price == 99
    assert order.fills[0].maker


def test_oco_limit_leg_fill_takes_the_shared_lock():
    core = _core()
    account = core.account('k')
    entry = core.spot.new_oco(account, {
        'symbol': 'BTCUSDT', 'side': 'SELL', 'quantity': '1', 'price': '105',
        'stopPrice': '90'})
    stop, limit = (account.orders[i] for i in entry['orders'])
    core.step(3)              # 100, 95, 110: the limit sells at 105
    assert limit.status == 'FILLED' and stop.status == 'EXPIRED'
    assert _balance(core, 'BTC') == (0.0, 0.0)
    assert _balance(core, 'USDT') == pytest.approx((10000 + 105 * 0.999, 0.0))


def test_volume_share_gives_partial_fills():
    # each tick trades 100/4 = 25; a share of 0.02 lets an order take 0.5
    core = _core(volume_share=0.02)
    order = _order(core, side='BUY', type='LIMIT', timeInForce='GTC',
                   quantity='1.2', price='99')
    core.step(2)              # 100, 95: 0.5 filled
    assert order.status == 'PARTIALLY_FILLED' and order.executed == pytest.approx(0.5)
    core.step(5)              # the price stays above 99 until bar 2 falls to 90
    assert order.executed == pytest.approx(1.0)
    core.step(4)              # bar 3: 92, 91, 93, 92 -> the last 0.2
    assert order.status == 'FILLED'


def test_account_events_follow_the_order():
    core = _core()
    events = []
    core.account('k').listeners.append(events.append)
    _order(core, side='BUY', type='MARKET', quantity='0.5', newClientOrderId='c1')
    reports = [e for e in events if e['e'] == 'executionReport']
    assert [(e['x'], e['X']) for e in reports] == [('NEW', 'NEW'), ('TRADE', 'FILLED')]
    assert reports[1]['c'] == 'c1' and reports[1]['L'] == '100.00000000'
    assert reports[1]['N'] == 'BTC' and reports[1]['m'] is False
    assert events[-1]['e'] == 'outboundAccountPosition'
