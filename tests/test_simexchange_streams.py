"""The local exchange's WebSocket streams over real sockets: market streams
driven by the replay clock and the user-data stream of an account, read
with websocket-client and with ccxt.pro.  Every read has a timeout."""
import asyncio
import json

import pytest

from _simspot import BTC_DAILY, spot_exchange

websocket = pytest.importorskip('websocket', reason='websocket-client is an optional '
                                                    'dependency (live extras)')

DATA = BTC_DAILY
KEY, SECRET = 'k', 's'
START = 50


@pytest.fixture
def ex():
    with spot_exchange(KEY, SECRET, START, {'USDT': 10000.0, 'BTC': 1.0}) as exchange:
        yield exchange


def _connect(ex, path):
    return websocket.create_connection(ex.ws_url + path, timeout=5)


def _read(ws, count):
    return [json.loads(ws.recv()) for _ in range(count)]


def _subscribed(ex, streams):
    """Wait until the hub has the subscriptions (the server applies them
    on its own loop), so a following step is seen."""
    for _ in range(200):
        have = set()
        for client in ex.hub.clients:
            have |= client.streams
        if set(streams) <= have:
            return
        asyncio.run(asyncio.sleep(0.01))
    raise AssertionError('subscriptions %r never arrived' % (streams,))


def test_kline_stream_shows_the_bar_forming_and_closing(ex):
    bar = ex.core.tapes['BTCUSDT'].bars[START]
    ws = _connect(ex, '/ws/btcusdt@kline_1d')
    try:
        _subscribed(ex, ['btcusdt@kline_1d'])
        ex.step(bars=1)
        events = _read(ws, 4)
    finally:
        ws.close()
    klines = [e['k'] for e in events]
    assert all(e['e'] == 'kline' and e['s'] == 'BTCUSDT' for e in events)
    assert [k['x'] for k in klines] == [False, False, False, True]
    assert {k['t'] for k in klines} == {bar.time}
    assert float(klines[-1]['c']) == bar.close
    assert float(klines[-1]['h']) == bar.high and float(klines[-1]['l']) == bar.low
    assert float(klines[0]['c']) == bar.open


def test_combined_stream_subscribe_and_unsubscribe(ex):
    ws = _connect(ex, '/stream?streams=btcusdt@trade')
    try:
        ws.send(json.dumps({'method': 'SUBSCRIBE', 'params': ['btcusdt@bookTicker'],
                            'id': 7}))
        assert json.loads(ws.recv()) == {'result': None, 'id': 7}
        ws.send(json.dumps({'method': 'LIST_SUBSCRIPTIONS', 'id': 8}))
        assert json.loads(ws.recv()) == {'result': ['btcusdt@bookTicker',
                                                    'btcusdt@trade'], 'id': 8}
        ex.step(1)
        got = _read(ws, 2)
        assert {m['stream'] for m in got} == {'btcusdt@trade', 'btcusdt@bookTicker'}
        trade = next(m['data'] for m in got if m['stream'] == 'btcusdt@trade')
        assert trade['e'] == 'trade' and float(trade['p']) == ex.core.last('BTCUSDT')
        ws.send(json.dumps({'method': 'UNSUBSCRIBE', 'params': ['btcusdt@trade'],
                            'id': 9}))
        assert json.loads(ws.recv()) == {'result': None, 'id': 9}
        ex.step(1)
        only = json.loads(ws.recv())
        assert only['stream'] == 'btcusdt@bookTicker'
        ws.send('not json')
        assert 'error' in json.loads(ws.recv())
    finally:
        ws.close()


def test_user_data_stream_reports_orders_and_balances(ex):
    import urllib.request
    request = urllib.request.Request(ex.url + '/api/v3/userDataStream', method='POST',
                                     headers={'X-MBX-APIKEY': KEY})
    with urllib.request.urlopen(request, timeout=5) as resp:
        listen_key = json.loads(resp.read())['listenKey']
    ws = _connect(ex, '/ws/' + listen_key)
    try:
        _subscribed(ex, [listen_key])
        x = ex.ccxt_exchange(KEY, SECRET)
        x.load_markets()
        x.create_order('BTC/USDT', 'market', 'sell', 0.1, params={'clientOrderId': 'u-1'})
        events = _read(ws, 3)   # NEW, TRADE, then the balances
    finally:
        ws.close()
    kinds = [e['e'] for e in events]
    assert kinds.count('executionReport') == 2 and 'outboundAccountPosition' in kinds
    reports = [e for e in events if e['e'] == 'executionReport']
    assert [r['X'] for r in reports] == ['NEW', 'FILLED']
    assert reports[-1]['c'] == 'u-1' and float(reports[-1]['z']) == 0.1
    balances = next(e for e in events if e['e'] == 'outboundAccountPosition')['B']
    assert {b['a']: float(b['f']) for b in balances}['BTC'] == pytest.approx(0.9)


def test_closed_listen_key_gets_no_more_events(ex):
    import urllib.request
    def call(method, query=''):
        request = urllib.request.Request(ex.url + '/api/v3/userDataStream' + query,
                                         method=method, headers={'X-MBX-APIKEY': KEY})
        try:
            with urllib.request.urlopen(request, timeout=5) as resp:
                return resp.status, json.loads(resp.read())
        except urllib.error.HTTPError as err:
            return err.code, json.loads(err.read())
    _, body = call('POST')
    key = body['listenKey']
    assert call('PUT', '?listenKey=' + key) == (200, {})
    assert call('DELETE', '?listenKey=' + key) == (200, {})
    status, body = call('PUT', '?listenKey=' + key)
    assert (status, body['code']) == (400, -1125)


def test_ccxt_pro_watches_ohlcv_and_orders(ex):
    pytest.importorskip('ccxt', reason='ccxt is an optional dependency (live extras)')

    async def scenario():
        x = ex.ccxt_exchange(KEY, SECRET, pro=True)
        try:
            await x.load_markets()
            watcher = asyncio.ensure_future(x.watch_ohlcv('BTC/USDT', '1d'))
            orders = asyncio.ensure_future(x.watch_orders('BTC/USDT'))
            for _ in range(100):
                await asyncio.sleep(0.02)
                if len(ex.hub.clients) >= 2 and all(c.streams for c in ex.hub.clients):
                    break
            await asyncio.get_running_loop().run_in_executor(None, ex.step, 1)
            candles = await asyncio.wait_for(watcher, 5)
            await x.create_order('BTC/USDT', 'limit', 'buy', 0.01, 1000.0)
            seen = await asyncio.wait_for(orders, 5)
            return candles, seen
        finally:
            await x.close()

    candles, seen = asyncio.run(scenario())
    bar = ex.core.tapes['BTCUSDT'].bars[START]
    assert candles[-1][0] == bar.time and candles[-1][1] == bar.open
    assert seen[-1]['status'] == 'open' and seen[-1]['price'] == 1000.0
