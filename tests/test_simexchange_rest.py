"""The local exchange over real HTTP on 127.0.0.1, driven by the unmodified
ccxt and python-binance clients (and raw requests for the protocol edges).

Bounded: every exchange runs on its own port for one test and stops; no
loop waits longer than a few seconds.
"""
import hashlib
import hmac
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from backtrader.simexchange import SimExchange
from _simspot import BTC_DAILY, spot_exchange

ccxt = pytest.importorskip('ccxt', reason='ccxt is an optional dependency (live extras)')

DATA = BTC_DAILY
KEY, SECRET = 'test-key', 'test-secret'
START = 100   # bars 0..99 are history


@pytest.fixture
def ex():
    with spot_exchange(KEY, SECRET, START, {'USDT': 10000.0, 'BTC': 0.5}) as exchange:
        yield exchange


def _raw(ex, method, path, params=None, key=KEY, secret=SECRET, sign=False):
    """(status, headers, json) of one request made by hand."""
    params = dict(params or {})
    if sign:
        params.setdefault('timestamp', int(time.time() * 1000))
        query = urllib.parse.urlencode(params)
        sig = hmac.new(secret.encode(), query.encode(), hashlib.sha256).hexdigest()
        query += '&signature=' + sig
    else:
        query = urllib.parse.urlencode(params)
    request = urllib.request.Request(ex.url + path + ('?' + query if query else ''),
                                     method=method)
    if key:
        request.add_header('X-MBX-APIKEY', key)
    try:
        with urllib.request.urlopen(request, timeout=5) as resp:
            return resp.status, dict(resp.headers), json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), json.loads(err.read() or b'null')


# --- ccxt ---------------------------------------------------------------------------
def test_ccxt_markets_carry_the_filters(ex):
    x = ex.ccxt_exchange(KEY, SECRET)
    market = x.load_markets()['BTC/USDT']
    assert market['precision']['price'] == 0.01
    assert market['precision']['amount'] == 0.00001
    assert market['limits']['cost']['min'] == 5.0
    assert market['limits']['amount']['min'] == 0.00001


def test_ccxt_ohlcv_history_up_to_the_replay_time(ex):
    x = ex.ccxt_exchange(KEY, SECRET)
    rows = x.fetch_ohlcv('BTC/USDT', '1d', limit=1000)
    assert len(rows) == START       # nothing after the replay's now
    assert rows[0][0] == ex.core.tapes['BTCUSDT'].bars[0].time
    since = rows[10][0]
    page = x.fetch_ohlcv('BTC/USDT', '1d', since=since, limit=5)
    assert [r[0] for r in page] == [r[0] for r in rows[10:15]]
    assert page[0][1:5] == rows[10][1:5]
    ex.step(bars=1)
    assert len(x.fetch_ohlcv('BTC/USDT', '1d', limit=1000)) == START + 1
    weekly = x.fetch_ohlcv('BTC/USDT', '3d', limit=2)
    assert len(weekly) == 2 and weekly[1][0] - weekly[0][0] == 3 * 86_400_000


def test_ccxt_order_life_cycle(ex):
    x = ex.ccxt_exchange(KEY, SECRET)
    x.load_markets()
    bar = ex.core.tapes['BTCUSDT'].bars[START]
    limit = round(bar.low + 1.0, 2)         # reached inside the next bar
    order = x.create_order('BTC/USDT', 'limit', 'buy', 0.01, limit,
                           {'clientOrderId': 'my-order-1'})
    assert order['status'] == 'open' and order['clientOrderId'] == 'my-order-1'
    assert x.fetch_balance()['USDT']['used'] == pytest.approx(0.01 * limit)
    assert [o['id'] for o in x.fetch_open_orders('BTC/USDT')] == [order['id']]
    ex.step(bars=1)
    done = x.fetch_order(order['id'], 'BTC/USDT')
    assert done['status'] == 'closed' and done['filled'] == 0.01
    assert done['average'] == pytest.approx(limit)
    trades = x.fetch_my_trades('BTC/USDT')
    assert len(trades) == 1 and trades[0]['takerOrMaker'] == 'maker'
    assert trades[0]['fee'] == {'currency': 'BTC', 'cost': pytest.approx(0.00001)}
    balance = x.fetch_balance()
    assert balance['BTC']['free'] == pytest.approx(0.5 + 0.01 - 0.00001)
    assert balance['USDT']['total'] == pytest.approx(10000 - 0.01 * limit)
    by_client = x.fetch_order(None, 'BTC/USDT', {'origClientOrderId': 'my-order-1'})
    assert by_client['id'] == order['id']


def test_ccxt_cancel_and_market_orders(ex):
    x = ex.ccxt_exchange(KEY, SECRET)
    x.load_markets()
    resting = x.create_order('BTC/USDT', 'limit', 'sell', 0.1, 99999)
    assert x.fetch_balance()['BTC']['used'] == pytest.approx(0.1)
    assert x.cancel_order(resting['id'], 'BTC/USDT')['status'] == 'canceled'
    assert x.fetch_balance()['BTC']['used'] == 0
    sold = x.create_order('BTC/USDT', 'market', 'sell', 0.1)
    assert sold['status'] == 'closed' and sold['filled'] == 0.1
    assert sold['average'] == ex.core.tapes['BTCUSDT'].bars[START - 1].close
    assert len(x.fetch_orders('BTC/USDT')) == 2


@pytest.mark.parametrize('call,error', [
    (lambda x: x.create_order('BTC/USDT', 'limit', 'buy', 10, 20000), 'InsufficientFunds'),
    (lambda x: x.create_order('BTC/USDT', 'limit', 'buy', 0.0001, 20000), 'BadRequest'),  # ccxt's class for -1013
    (lambda x: x.fetch_order('424242', 'BTC/USDT'), 'OrderNotFound'),
    (lambda x: x.cancel_order('424242', 'BTC/USDT'), 'OrderNotFound'),
    (lambda x: x.publicGetTickerPrice({'symbol': 'NOSUCHPAIR'}), 'BadSymbol'),
])
def test_ccxt_errors_map_to_its_exceptions(ex, call, error):
    x = ex.ccxt_exchange(KEY, SECRET)
    x.load_markets()
    with pytest.raises(getattr(ccxt, error)):
        call(x)
    assert x.fetch_balance()['USDT']['free'] == 10000.0   # nothing was taken


def test_ccxt_bad_credentials(ex):
    with pytest.raises(ccxt.AuthenticationError, match='-1022'):
        ex.ccxt_exchange(KEY, 'wrong-secret').fetch_balance()
    with pytest.raises(ccxt.AuthenticationError, match='-2015'):
        ex.ccxt_exchange('unknown-key', SECRET).fetch_balance()


# --- the protocol edges, by hand ------------------------------------------------------
def test_signature_and_timestamp_checks(ex):
    status, _, body = _raw(ex, 'GET', '/api/v3/account', sign=True)
    assert status == 200 and body['accountType'] == 'SPOT'
    status, _, body = _raw(ex, 'GET', '/api/v3/account',
                           {'timestamp': int(time.time() * 1000) - 60000}, sign=True)
    assert (status, body['code']) == (400, -1021)
    status, _, body = _raw(ex, 'GET', '/api/v3/account', {'timestamp': 1})
    assert (status, body['code']) == (400, -1102)        # no signature
    status, _, body = _raw(ex, 'GET', '/api/v3/account', key=None, sign=True)
    assert (status, body['code']) == (401, -2014)


def test_weights_429_and_418():
    with SimExchange(spot={'BTC/USDT': DATA}, keys={KEY: SECRET}, start=START,
                     weight_limit=45, ban_seconds=30) as ex:
        status, headers, _ = _raw(ex, 'GET', '/api/v3/exchangeInfo')
        assert status == 200 and headers['X-MBX-USED-WEIGHT-1M'] == '20'
        _raw(ex, 'GET', '/api/v3/exchangeInfo')
        status, headers, body = _raw(ex, 'GET', '/api/v3/exchangeInfo')
        if status == 200:   # the wall-clock minute turned: the window restarted
            status, headers, body = _raw(ex, 'GET', '/api/v3/exchangeInfo')
            status, headers, body = _raw(ex, 'GET', '/api/v3/exchangeInfo')
        assert (status, body['code']) == (429, -1003)
        assert int(headers['Retry-After']) >= 1
        codes = [_raw(ex, 'GET', '/api/v3/exchangeInfo')[0] for _ in range(8)]
        assert codes[-1] == 418
        x = ex.ccxt_exchange(KEY, SECRET)
        with pytest.raises((ccxt.DDoSProtection, ccxt.RateLimitExceeded)):
            x.fetch_time()


def test_malformed_request_gets_400_and_the_server_keeps_serving(ex):
    with socket.create_connection(('127.0.0.1', ex.port), timeout=5) as sock:
        sock.sendall(b'THIS IS NOT HTTP\r\n\r\n')
        reply = sock.recv(4096)
    assert reply.startswith(b'HTTP/1.1 400')
    status, _, body = _raw(ex, 'GET', '/api/v3/ticker/price', {'symbol': 'BTCUSDT'})
    assert status == 200 and float(body['price']) > 0
    status, _, body = _raw(ex, 'GET', '/api/v3/klines', {'symbol': 'BTCUSDT',
                                                          'interval': '1d', 'limit': 'x'})
    assert (status, body['code']) == (400, -1130)
    status, _, _ = _raw(ex, 'GET', '/api/v3/nothing-here')
    assert status == 404


# --- python-binance ----------------------------------------------------------------------
def test_python_binance_client(ex):
    binance = pytest.importorskip('binance', reason='python-binance is an optional '
                                                    'dependency (live extras)')
    client = ex.binance_client(KEY, SECRET)
    info = client.get_symbol_info('BTCUSDT')
    assert {f['filterType'] for f in info['filters']} >= {'PRICE_FILTER', 'LOT_SIZE',
                                                          'NOTIONAL'}
    order = client.order_limit_buy(symbol='BTCUSDT', quantity='0.01', price='10000.00',
                                   newClientOrderId='pb-1')
    assert order['status'] == 'NEW' and order['clientOrderId'] == 'pb-1'
    got = client.get_order(symbol='BTCUSDT', origClientOrderId='pb-1')
    assert got['orderId'] == order['orderId']
    assert client.cancel_order(symbol='BTCUSDT', orderId=order['orderId'])['status'] == 'CANCELED'
    with pytest.raises(binance.exceptions.BinanceAPIException) as err:
        client.order_market_buy(symbol='BTCUSDT', quantity='5')
    assert err.value.code == -2010
    balances = {b['asset']: b for b in client.get_account()['balances']}
    assert float(balances['USDT']['free']) == 10000.0
    klines = client.get_klines(symbol='BTCUSDT', interval='1d', limit=3)
    assert len(klines) == 3 and klines[-1][0] == ex.core.tapes['BTCUSDT'].bars[START - 1].time
    oco = client.create_oco_order(symbol='BTCUSDT', side='SELL', quantity='0.1',
                                  aboveType='LIMIT_MAKER', abovePrice='99999.00',
                                  belowType='STOP_LOSS_LIMIT', belowStopPrice='1000.00',
                                  belowPrice='999.00', belowTimeInForce='GTC')
    assert oco['contingencyType'] == 'OCO' and len(oco['orders']) == 2
    balances = {b['asset']: b for b in client.get_account()['balances']}
    assert float(balances['BTC']['locked']) == pytest.approx(0.1)   # one lock
    listed = client.get_open_oco_orders()
    assert [entry['orderListId'] for entry in listed] == [oco['orderListId']]


# --- the command line ---------------------------------------------------------------------
def test_command_line_prints_ready_and_serves():
    proc = subprocess.Popen(
        [sys.executable, '-m', 'backtrader.simexchange', '--data', 'BTC/USDT=' + DATA,
         '--api-key', KEY, '--api-secret', SECRET, '--port', '0', '--start', '10'],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline().strip()
        assert line.startswith('simexchange ready http://127.0.0.1:')
        url = line.split()[-1]
        with urllib.request.urlopen(url + '/api/v3/ping', timeout=5) as resp:
            assert json.loads(resp.read()) == {}
    finally:
        proc.terminate()
        proc.wait(10)
    assert proc.returncode == 0


def test_command_line_bad_input():
    proc = subprocess.run(
        [sys.executable, '-m', 'backtrader.simexchange', '--data', 'BTC/USDT=/no/such.csv',
         '--api-key', KEY, '--api-secret', SECRET],
        capture_output=True, text=True, timeout=30)
    assert proc.returncode == 2 and 'not found: /no/such.csv' in proc.stderr
