"""python-binance 1.0.x against the local exchange (spot only): the sync
``Client``, the ``AsyncClient``, ``BinanceSocketManager`` and
``ThreadedWebsocketManager``, all unmodified, only their URLs pointed at
127.0.0.1.

Figures are checked against the replayed bars (BTCUSDT daily, replay from
bar 100) and a 0.1 % fee.  Every wait is bounded in count and time; the
socket managers are stopped in ``finally`` blocks.
"""
import asyncio
import queue
import time

import pytest

from _simspot import BTC_DAILY, spot_exchange

binance = pytest.importorskip('binance', reason='python-binance is an optional '
                                                'dependency (live extras)')
from binance.exceptions import BinanceAPIException  # noqa: E402
from binance.ws import threaded_stream  # noqa: E402
from binance.ws.streams import BinanceSocketManager, ThreadedWebsocketManager  # noqa: E402

DATA = BTC_DAILY
KEY, SECRET = 'pb-key', 'pb-secret'
START = 100          # bars 0..99 are history; bar 100 replays first
FEE = 0.001
WAIT = 5.0           # seconds any single event may take


@pytest.fixture
def ex():
    with spot_exchange(KEY, SECRET, START, {'USDT': 10000.0, 'BTC': 0.5}) as exchange:
        yield exchange


def _bar(ex, index):
    return ex.core.tapes['BTCUSDT'].bars[index]


def _async_class(ex):
    """The AsyncClient subclass aimed here, with the WebSocket API URL too
    (python-binance's user socket subscribes through it)."""
    cls = ex.binance_client(KEY, SECRET, asynchronous=True)
    if 'WS_API_URL' in ex.binance_urls():
        return cls
    return type(cls.__name__, (cls,), {'WS_API_URL': ex.ws_url + '/ws-api/v3'})


def _socket_manager_class(ex):
    """BinanceSocketManager with the stream URL of this exchange; its
    sockets give up a silent read after 0.5 s (10 s by default) so that
    closing them is quick."""
    class LocalSocketManager(BinanceSocketManager):
        STREAM_URL = ex.binance_urls()['STREAM_URL']

        def _get_socket(self, *args, **kwargs):
            sock = super()._get_socket(*args, **kwargs)
            sock.TIMEOUT = 0.5
            return sock
    return LocalSocketManager


def _until(condition, what, timeout=WAIT):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError('timed out waiting for ' + what)
        time.sleep(0.02)


def _api_error(call):
    with pytest.raises(BinanceAPIException) as err:
        call()
    return err.value


# --- the sync Client: market data ------------------------------------------------------
def test_ping_time_and_exchange_info(ex):
    client = ex.binance_client(KEY, SECRET)
    assert client.ping() == {}
    assert abs(client.get_server_time()['serverTime'] - time.time() * 1000) < 5000
    info = client.get_exchange_info()
    assert [s['symbol'] for s in info['symbols']] == ['BTCUSDT']
    assert {r['rateLimitType'] for r in info['rateLimits']} == {'REQUEST_WEIGHT', 'ORDERS'}
    symbol = client.get_symbol_info('BTCUSDT')
    assert (symbol['baseAsset'], symbol['quoteAsset'], symbol['status']) == \
        ('BTC', 'USDT', 'TRADING')
    filters = {f['filterType']: f for f in symbol['filters']}
    assert filters['PRICE_FILTER']['tickSize'] == '0.01'
    assert filters['LOT_SIZE']['stepSize'] == '0.00001'
    assert filters['NOTIONAL']['minNotional'] == '5.00'
    assert {'LIMIT', 'MARKET', 'LIMIT_MAKER', 'STOP_LOSS_LIMIT',
            'TAKE_PROFIT_LIMIT'} <= set(symbol['orderTypes'])
    assert client.get_symbol_info('ETHUSDT') is None


def test_klines_tickers_and_book_follow_the_replay(ex):
    client = ex.binance_client(KEY, SECRET)
    rows = client.get_klines(symbol='BTCUSDT', interval='1d', limit=3)
    assert [r[0] for r in rows] == [_bar(ex, i).time for i in (97, 98, 99)]
    last = _bar(ex, START - 1)
    assert [float(x) for x in rows[-1][1:6]] == \
        [last.open, last.high, last.low, last.close, last.volume]
    assert rows[-1][6] == last.time + 86_400_000 - 1
    assert float(client.get_symbol_ticker(symbol='BTCUSDT')['price']) == last.close
    top = client.get_orderbook_ticker(symbol='BTCUSDT')
    assert float(top['bidPrice']) == pytest.approx(last.close - 0.01)
    assert float(top['askPrice']) == pytest.approx(last.close + 0.01)
    book = client.get_order_book(symbol='BTCUSDT', limit=5)
    assert len(book['bids']) == len(book['asks']) == 5
    assert float(book['bids'][0][0]) < last.close < float(book['asks'][0][0])
    ex.step(bars=1)
    now = _bar(ex, START)
    assert float(client.get_symbol_ticker(symbol='BTCUSDT')['price']) == now.close
    assert client.get_klines(symbol='BTCUSDT', interval='1d', limit=1)[0][0] == now.time


def test_historical_klines_pages_through_the_history(ex):
    client = ex.binance_client(KEY, SECRET)
    # pages of 40: 40 + 40 + 20, then a short page ends it
    rows = list(client.get_historical_klines_generator('BTCUSDT', '1d', '1 Jan 2020',
                                                       limit=40))
    assert [r[0] for r in rows] == [_bar(ex, i).time for i in range(START)]
    first = client.get_historical_klines('BTCUSDT', '1d', '1 Jan 2020', limit=5)
    assert [float(r[4]) for r in first] == [_bar(ex, i).close for i in range(5)]


# --- the sync Client: orders ---------------------------------------------------------
def test_every_order_type_fills_at_the_replayed_prices(ex):
    client = ex.binance_client(KEY, SECRET)
    prev, bar = _bar(ex, START - 1), _bar(ex, START)
    # the bar rises: open, low, high, close; the prices below sit inside it
    assert bar.close >= bar.open and bar.low < 20390.0 < 20400.0 < bar.open
    assert bar.open < 21000.0 < bar.high < 25000.0
    market = client.create_order(symbol='BTCUSDT', side='BUY', type='MARKET',
                                 quantity='0.01', newClientOrderId='pb-market')
    assert market['status'] == 'FILLED' and market['clientOrderId'] == 'pb-market'
    assert [(float(f['price']), float(f['qty']), float(f['commission']), f['commissionAsset'])
            for f in market['fills']] == [(prev.close, 0.01, pytest.approx(0.01 * FEE), 'BTC')]
    assert float(market['cummulativeQuoteQty']) == pytest.approx(0.01 * prev.close)
    placed = [
        dict(side='BUY', type='LIMIT', price='20400.00', timeInForce='GTC'),
        dict(side='SELL', type='STOP_LOSS_LIMIT', stopPrice='20400.00', price='20390.00',
             timeInForce='GTC'),
        dict(side='SELL', type='TAKE_PROFIT_LIMIT', stopPrice='21000.00',
             price='21000.00', timeInForce='GTC'),
        dict(side='SELL', type='LIMIT_MAKER', price='25000.00'),
    ]
    ids = {}
    for params in placed:
        cid = 'pb-' + params['type'].lower()
        got = client.create_order(symbol='BTCUSDT', quantity='0.01', newClientOrderId=cid,
                                  **params)
        assert got['clientOrderId'] == cid and got['symbol'] == 'BTCUSDT'
        ids[params['type']] = got['orderId']
    assert {o['orderId'] for o in client.get_open_orders(symbol='BTCUSDT')} == set(ids.values())
    stop = client.get_order(symbol='BTCUSDT', origClientOrderId='pb-stop_loss_limit')
    assert (stop['status'], stop['isWorking'], float(stop['stopPrice'])) == ('NEW', False, 20400.0)
    locked = client.get_asset_balance('BTC')
    assert float(locked['locked']) == pytest.approx(0.03)
    assert float(client.get_asset_balance('USDT')['locked']) == pytest.approx(204.0)

    ex.step(bars=1)

    status = {t: client.get_order(symbol='BTCUSDT', orderId=i)['status'] for t, i in ids.items()}
    assert status == {'LIMIT': 'FILLED', 'STOP_LOSS_LIMIT': 'FILLED',
                      'TAKE_PROFIT_LIMIT': 'FILLED', 'LIMIT_MAKER': 'NEW'}
    canceled = client.cancel_order(symbol='BTCUSDT', origClientOrderId='pb-limit_maker')
    assert canceled['status'] == 'CANCELED' and canceled['orderId'] == ids['LIMIT_MAKER']
    assert client.get_open_orders(symbol='BTCUSDT') == []
    trades = client.get_my_trades(symbol='BTCUSDT')
    # the limit buy fills at its price on the low tick, the stop-limit rests
    # there and fills at its price on the high tick, where the take-profit
    # triggers and takes at the tick's price
    assert [(float(t['price']), t['isMaker'], t['isBuyer']) for t in trades] == [
        (prev.close, False, True), (20400.0, True, True), (20390.0, True, False),
        (bar.high, False, False)]
    assert [float(t['commission']) for t in trades] == pytest.approx(
        [0.01 * FEE, 0.01 * FEE, 203.9 * FEE, 0.01 * bar.high * FEE])
    assert [t['commissionAsset'] for t in trades] == ['BTC', 'BTC', 'USDT', 'USDT']
    btc, usdt = client.get_asset_balance('BTC'), client.get_asset_balance('USDT')
    assert float(btc['free']) == pytest.approx(0.5 + 2 * 0.01 * (1 - FEE) - 0.02)
    assert float(btc['locked']) == 0.0 and float(usdt['locked']) == 0.0
    assert float(usdt['free']) == pytest.approx(
        10000 - 0.01 * prev.close - 204.0 + 203.9 * (1 - FEE) + 0.01 * bar.high * (1 - FEE))
    every = client.get_all_orders(symbol='BTCUSDT')
    assert [o['clientOrderId'] for o in every] == [
        'pb-market', 'pb-limit', 'pb-stop_loss_limit', 'pb-take_profit_limit',
        'pb-limit_maker']
    assert [o['status'] for o in every] == ['FILLED'] * 4 + ['CANCELED']


def test_account_reports_balances_and_commissions(ex):
    client = ex.binance_client(KEY, SECRET)
    account = client.get_account()
    assert account['accountType'] == 'SPOT' and account['canTrade'] is True
    assert (account['makerCommission'], account['takerCommission']) == (10, 10)
    assert {b['asset']: (float(b['free']), float(b['locked']))
            for b in account['balances']} == {'USDT': (10000.0, 0.0), 'BTC': (0.5, 0.0)}
    assert client.get_asset_balance('btc') == {'asset': 'BTC', 'free': '0.50000000',
                                               'locked': '0.00000000'}
    assert client.get_asset_balance('ETH') is None


def test_oco_sell_one_cancels_the_other(ex):
    client = ex.binance_client(KEY, SECRET)
    bar = _bar(ex, START)
    assert bar.open < 21000.0 < bar.high and bar.low > 10000.0
    oco = client.order_oco_sell(symbol='BTCUSDT', quantity='0.1',
                                aboveType='LIMIT_MAKER', abovePrice='21000.00',
                                aboveClientOrderId='oco-take',
                                belowType='STOP_LOSS_LIMIT', belowStopPrice='10000.00',
                                belowPrice='9990.00', belowTimeInForce='GTC',
                                belowClientOrderId='oco-stop',
                                listClientOrderId='oco-list')
    assert oco['contingencyType'] == 'OCO' and oco['listClientOrderId'] == 'oco-list'
    assert sorted(o['clientOrderId'] for o in oco['orders']) == ['oco-stop', 'oco-take']
    assert float(client.get_asset_balance('BTC')['locked']) == pytest.approx(0.1)
    assert [e['orderListId'] for e in client.get_open_oco_orders()] == [oco['orderListId']]
    ex.step(bars=1)
    take = client.get_order(symbol='BTCUSDT', origClientOrderId='oco-take')
    stop = client.get_order(symbol='BTCUSDT', origClientOrderId='oco-stop')
    assert (take['status'], float(take['executedQty'])) == ('FILLED', 0.1)
    assert stop['status'] == 'EXPIRED'
    assert client.get_open_oco_orders() == []
    assert float(client.get_asset_balance('USDT')['free']) == \
        pytest.approx(10000 + 2100.0 * (1 - FEE))
    assert float(client.get_asset_balance('BTC')['free']) == pytest.approx(0.4)


def test_listen_key_life_cycle(ex):
    client = ex.binance_client(KEY, SECRET)
    listen_key = client.stream_get_listen_key()
    assert isinstance(listen_key, str) and len(listen_key) == 64
    assert listen_key in ex.core.listen_keys
    assert client.stream_keepalive(listen_key) == {}
    assert client.stream_close(listen_key) == {}
    assert listen_key not in ex.core.listen_keys
    assert _api_error(lambda: client.stream_keepalive(listen_key)).code == -1125


# --- the sync Client: errors -----------------------------------------------------------
@pytest.mark.parametrize('call,code', [
    (lambda c: c.get_symbol_ticker(symbol='NOPEUSDT'), -1121),
    (lambda c: c.order_limit_buy(symbol='NOPEUSDT', quantity='1', price='1.00'), -1121),
    (lambda c: c.order_market_buy(symbol='BTCUSDT', quantity='5'), -2010),
    (lambda c: c.order_limit_sell(symbol='BTCUSDT', quantity='0.6', price='30000.00'), -2010),
    (lambda c: c.order_limit_buy(symbol='BTCUSDT', quantity='0.000001', price='20000.00'), -1013),
    (lambda c: c.order_limit_buy(symbol='BTCUSDT', quantity='0.0001', price='20000.00'), -1013),
    (lambda c: c.order_limit_buy(symbol='BTCUSDT', quantity='0.01', price='20000.001'), -1013),
    (lambda c: c.get_order(symbol='BTCUSDT', orderId=424242), -2013),
    (lambda c: c.get_order(symbol='BTCUSDT', origClientOrderId='nobody'), -2013),
    (lambda c: c.cancel_order(symbol='BTCUSDT', orderId=424242), -2011),
])
def test_errors_carry_binance_codes(ex, call, code):
    client = ex.binance_client(KEY, SECRET)
    err = _api_error(lambda: call(client))
    assert err.code == code and err.status_code == 400 and err.message
    balances = {b['asset']: b for b in client.get_account()['balances']}
    assert float(balances['USDT']['free']) == 10000.0      # nothing taken
    assert float(balances['BTC']['locked']) == 0.0


def test_bad_credentials(ex):
    err = _api_error(lambda: ex.binance_client(KEY, 'wrong-secret').get_account())
    assert err.code == -1022
    err = _api_error(lambda: ex.binance_client('who', SECRET).get_account())
    assert err.code == -2015 and err.status_code == 401
    # public endpoints need no valid key
    assert ex.binance_client(KEY, 'wrong-secret').ping() == {}


# --- AsyncClient and BinanceSocketManager ------------------------------------------------
def test_async_client_orders(ex):
    local = _async_class(ex)

    async def scenario():
        client = await local.create(KEY, SECRET)
        try:
            rows = await client.get_klines(symbol='BTCUSDT', interval='1d', limit=2)
            placed = await client.create_order(symbol='BTCUSDT', side='SELL', type='MARKET',
                                               quantity='0.1', newClientOrderId='as-1')
            got = await client.get_order(symbol='BTCUSDT', origClientOrderId='as-1')
            error = None
            try:
                await client.get_order(symbol='BTCUSDT', orderId=999)
            except BinanceAPIException as exc:
                error = exc.code
            account = await client.get_account()
            return rows, placed, got, error, account
        finally:
            await client.close_connection()

    rows, placed, got, error, account = asyncio.run(asyncio.wait_for(scenario(), 20))
    prev = _bar(ex, START - 1)
    assert [r[0] for r in rows] == [_bar(ex, START - 2).time, prev.time]
    assert placed['status'] == 'FILLED' and float(placed['fills'][0]['price']) == prev.close
    assert got['orderId'] == placed['orderId'] and got['executedQty'] == '0.10000000'
    assert error == -2013
    balances = {b['asset']: float(b['free']) for b in account['balances']}
    assert balances['BTC'] == pytest.approx(0.4)
    assert balances['USDT'] == pytest.approx(10000 + 0.1 * prev.close * (1 - FEE))


def test_socket_manager_streams_on_the_async_client(ex):
    local, manager_class = _async_class(ex), _socket_manager_class(ex)
    bar = _bar(ex, START)

    async def read(sock, count):
        return [await asyncio.wait_for(sock.recv(), WAIT) for _ in range(count)]

    async def scenario():
        client = await local.create(KEY, SECRET)
        manager = manager_class(client)
        loop = asyncio.get_running_loop()
        try:
            async with manager.kline_socket('BTCUSDT', interval='1d') as klines, \
                    manager.multiplex_socket(['btcusdt@trade', 'btcusdt@bookTicker']) as mux:
                await loop.run_in_executor(None, _until, lambda: len(ex.hub.clients) >= 2,
                                           'two sockets')
                await loop.run_in_executor(None, ex.step, 0, 1)
                return await read(klines, 4), await read(mux, 8)
        finally:
            await client.close_connection()

    kline_events, mux_events = asyncio.run(asyncio.wait_for(scenario(), 30))
    ks = [e['k'] for e in kline_events]
    assert [k['x'] for k in ks] == [False, False, False, True]
    assert [float(k['c']) for k in ks] == [bar.open, bar.low, bar.high, bar.close]
    assert float(ks[-1]['h']) == bar.high and float(ks[-1]['l']) == bar.low
    assert {m['stream'] for m in mux_events} == {'btcusdt@trade', 'btcusdt@bookTicker'}
    trades = [m['data'] for m in mux_events if m['stream'] == 'btcusdt@trade']
    assert [float(t['p']) for t in trades] == [bar.open, bar.low, bar.high, bar.close]


# --- ThreadedWebsocketManager -------------------------------------------------------------
def test_binance_urls_cover_the_websocket_api(ex):
    urls = ex.binance_urls()
    assert urls.get('WS_API_URL') == ex.ws_url + '/ws-api/v3'
    assert ex.binance_client(KEY, SECRET, asynchronous=True).WS_API_URL == urls['WS_API_URL']


def _threaded_manager(ex, monkeypatch):
    """A ThreadedWebsocketManager aimed here: it builds its AsyncClient from
    the module name ``threaded_stream.AsyncClient`` (patched for this test)
    and its socket manager in ``_before_socket_listener_start``."""
    local, manager_class = _async_class(ex), _socket_manager_class(ex)
    monkeypatch.setattr(threaded_stream, 'AsyncClient', local)

    class LocalThreadedManager(ThreadedWebsocketManager):
        async def _before_socket_listener_start(self):
            self._client.ws_api.TIMEOUT = 0.5
            self._bsm = manager_class(client=self._client,
                                      max_queue_size=self._max_queue_size)
    return LocalThreadedManager(api_key=KEY, api_secret=SECRET)


def _stop_threaded(manager, names):
    """Stop the sockets, then the client, then the thread.  The client goes
    first by hand: ``stop()`` lets the thread's loop end before its own
    close of the client has run (it then waits 5 s and logs an error)."""
    for name in names:
        manager.stop_socket(name)
    # each listener notices within its 3 s read timeout
    _until(lambda: not manager._socket_running, 'the listeners to end', timeout=8)
    asyncio.run_coroutine_threadsafe(manager.stop_client(), manager._loop).result(5)
    manager.stop()
    manager.join(5)


def test_threaded_manager_kline_and_user_sockets(ex, monkeypatch):
    manager = _threaded_manager(ex, monkeypatch)
    got: queue.Queue = queue.Queue()
    account = ex.core.accounts[KEY]
    hub_listeners = len(account.listeners)
    manager.start()
    names = []
    try:
        names.append(manager.start_kline_socket(callback=got.put, symbol='BTCUSDT',
                                                interval='1d'))
        names.append(manager.start_user_socket(callback=got.put))
        _until(lambda: any('btcusdt@kline_1d' in c.streams for c in ex.hub.clients)
               and len(account.listeners) > hub_listeners, 'the subscriptions')
        for number in (START, START + 1):
            ex.step(bars=1)
            bar = _bar(ex, number)
            ks = [got.get(timeout=WAIT)['k'] for _ in range(4)]
            assert [k['x'] for k in ks] == [False, False, False, True]
            assert {k['t'] for k in ks} == {bar.time}
            assert float(ks[-1]['c']) == bar.close and float(ks[0]['o']) == bar.open
        client = ex.binance_client(KEY, SECRET)
        client.create_order(symbol='BTCUSDT', side='SELL', type='MARKET', quantity='0.1',
                            newClientOrderId='twm-1')
        events = [got.get(timeout=WAIT) for _ in range(3)]
        assert got.empty()
    finally:
        _stop_threaded(manager, names)
    assert not manager.is_alive()
    reports = [e for e in events if e['e'] == 'executionReport']
    assert [(r['x'], r['X'], r['c']) for r in reports] == [
        ('NEW', 'NEW', 'twm-1'), ('TRADE', 'FILLED', 'twm-1')]
    price = _bar(ex, START + 1).close
    assert float(reports[-1]['L']) == price and float(reports[-1]['z']) == 0.1
    assert float(reports[-1]['n']) == pytest.approx(0.1 * price * FEE)
    position = next(e for e in events if e['e'] == 'outboundAccountPosition')
    balances = {b['a']: float(b['f']) for b in position['B']}
    assert balances == {'BTC': pytest.approx(0.4),
                        'USDT': pytest.approx(10000 + 0.1 * price * (1 - FEE))}
    # the user-data subscription and both sockets are gone
    _until(lambda: not ex.hub.clients, 'the sockets to close')
    assert len(account.listeners) == hub_listeners
