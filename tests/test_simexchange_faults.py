"""Fault injection on the local exchange, over real sockets: each fault
happens as configured, is counted in ``stats``, and the server keeps serving
the same and other clients afterwards.  Every read has a timeout and every
wait is bounded by count and time."""
import argparse
import gc
import hashlib
import hmac
import json
import logging
import struct
import time
import urllib.error
import urllib.request
from urllib.parse import urlencode

import pytest

from backtrader.simexchange import SimExchange
from _simspot import BTC_DAILY, spot_exchange
from backtrader.simexchange._faults import (SETTINGS, FaultInjector, add_arguments,
                                            admin_routes, from_args, install,
                                            uninstall)

websocket = pytest.importorskip('websocket', reason='websocket-client is an optional '
                                                    'dependency (live extras)')

DATA = BTC_DAILY
KEY, SECRET = 'k', 's'
START = 50


@pytest.fixture
def ex(caplog):
    gc.collect()        # what earlier tests left behind is reported before this one
    caplog.set_level(logging.ERROR, logger='asyncio')
    with spot_exchange(KEY, SECRET, START, {'USDT': 10000.0, 'BTC': 1.0}) as exchange:
        yield exchange
    gc.collect()        # a task left pending on the stopped loop is logged now
    # nothing the faults did may have failed or leaked a task on the server's loop
    logged = [r.getMessage() for phase in ('call', 'teardown')
              for r in caplog.get_records(phase) if r.name == 'asyncio']
    assert not logged, logged


@pytest.fixture
def faults(ex):
    return install(ex, FaultInjector(seed=1))


# --- helpers -------------------------------------------------------------------
def _request(ex, method, path, timeout=5.0, headers=None):
    """(status, parsed JSON or raw text, response headers) of one request."""
    request = urllib.request.Request(ex.url + path, method=method,
                                     headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            status, body, got = resp.status, resp.read(), dict(resp.headers)
    except urllib.error.HTTPError as err:
        status, body, got = err.code, err.read(), dict(err.headers)
    try:
        return status, json.loads(body), got
    except ValueError:
        return status, body.decode('latin-1'), got


def _http(ex, method, path, timeout=5.0, headers=None):
    """(status, parsed JSON or raw text) of one request."""
    return _request(ex, method, path, timeout, headers)[:2]


def _signed(ex, method, path, params, timeout=5.0):
    query = urlencode(dict(params, timestamp=int(time.time() * 1000)))
    signature = hmac.new(SECRET.encode(), query.encode(), hashlib.sha256).hexdigest()
    return _http(ex, method, '%s?%s&signature=%s' % (path, query, signature),
                 timeout, {'X-MBX-APIKEY': KEY})


def _until(check, seconds=5.0):
    deadline = time.monotonic() + seconds
    for _ in range(1000):
        if check():
            return True
        if time.monotonic() > deadline:
            break
        time.sleep(0.01)
    raise AssertionError('condition not met within %.1f s' % seconds)


def _trades(ex, ticks, path='/ws/btcusdt@trade'):
    """A connected socket subscribed to trades, after ``ticks`` ticks."""
    ws = websocket.create_connection(ex.ws_url + path, timeout=5)
    _until(lambda: any(c.streams for c in ex.hub.clients))
    ex.step(ticks)
    return ws


def _read_ids(ws, count):
    return [json.loads(ws.recv())['t'] for _ in range(count)]


def _serves(ex):
    """The exchange still answers REST and streams a new socket."""
    assert _http(ex, 'GET', '/api/v3/time')[0] == 200
    ws = _trades(ex, 1)
    try:
        assert json.loads(ws.recv())['e'] == 'trade'
    finally:
        ws.close()
        _until(lambda: not ex.hub.clients)


# --- settings, without a server -------------------------------------------------
def test_settings_are_validated_and_described():
    injector = FaultInjector(seed=3)
    assert injector.describe()['active'] == []
    with pytest.raises(ValueError, match='bogus'):
        injector.configure(bogus=1)
    with pytest.raises(ValueError, match='http_error_rate'):
        injector.configure(http_error_rate=1.5)
    with pytest.raises(ValueError, match='order_ambiguous_mode'):
        injector.configure(order_ambiguous_mode='sometimes')
    with pytest.raises(ValueError, match='ws_disconnect_every'):
        injector.configure(ws_disconnect_every=-1)
    with pytest.raises(ValueError, match='http_paths'):
        injector.configure(http_paths='api/v3')
    with pytest.raises(ValueError, match='http_error_status'):
        injector.configure(http_error_status=404)
    # all or nothing: a bad setting leaves the good one in the same call out
    with pytest.raises(ValueError, match='ws_delay'):
        injector.configure(http_error_rate=0.5, ws_delay='slow')
    assert injector.settings['http_error_rate'] == 0.0
    # text (admin API, CLI) and values mean the same
    injector.configure(http_error_rate='0.25', ws_disconnect_every='4', enabled='off',
                       http_paths='/api/v3/ticker, /api/v3/depth', http_error_status='502')
    settings = injector.describe()['settings']
    assert settings['http_error_rate'] == 0.25 and settings['ws_disconnect_every'] == 4
    assert settings['enabled'] is False and settings['http_error_status'] == 502
    assert settings['http_paths'] == ['/api/v3/ticker', '/api/v3/depth']
    assert set(injector.describe()['active']) == {
        'http_error_rate', 'ws_disconnect_every', 'enabled', 'http_paths',
        'http_error_status'}
    json.dumps(injector.describe())
    injector.clear()
    assert injector.describe()['active'] == [] and injector.settings['seed'] == 3
    assert set(injector.settings) == set(SETTINGS)


def test_command_line_arguments():
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    assert from_args(parser.parse_args([])) is None
    idle = from_args(parser.parse_args(['--faults']))
    assert isinstance(idle, FaultInjector) and idle.describe()['active'] == []
    injector = from_args(parser.parse_args(
        ['--fault-seed', '9', '--fault', 'http_error_rate=0.1',
         '--fault', 'ws-disconnect-every=50']))
    assert injector.settings['seed'] == 9
    assert injector.settings['http_error_rate'] == 0.1
    assert injector.settings['ws_disconnect_every'] == 50
    for bad in (['--fault', 'http_error_rate'], ['--fault', 'nope=1'],
                ['--fault', 'ws_delay=-1']):
        with pytest.raises(SystemExit):
            parser.parse_args(bad)


# --- WebSocket faults ------------------------------------------------------------
def test_ws_disconnect_after_n_messages_with_a_close_frame(ex, faults):
    faults.configure(ws_disconnect_every=3)
    for round_ in (1, 2):               # a reconnecting client is cut again
        ws = _trades(ex, 5)
        try:
            assert len(_read_ids(ws, 3)) == 3
            opcode, data = ws.recv_data(control_frame=True)
            assert opcode == websocket.ABNF.OPCODE_CLOSE
            assert struct.unpack('!H', data[:2])[0] == 1001
        finally:
            ws.close()
        _until(lambda: not ex.hub.clients)
        assert faults.stats['ws_disconnect_count'] == round_
    faults.clear()
    _serves(ex)


def test_ws_hard_drop_after_seconds(ex, faults):
    faults.configure(ws_disconnect_seconds=0.4, ws_disconnect_mode='abort')
    ws = websocket.create_connection(ex.ws_url + '/ws/btcusdt@trade', timeout=5)
    began = time.monotonic()
    try:
        with pytest.raises((websocket.WebSocketConnectionClosedException,
                            ConnectionError)):
            for _ in range(5):
                ws.recv()
        lasted = time.monotonic() - began
    finally:
        ws.close()
    assert 0.3 < lasted < 4.5
    assert faults.stats['ws_disconnect_time'] == 1
    faults.configure(ws_disconnect_seconds=0)
    _serves(ex)


def test_ws_delay_each_message(ex, faults):
    faults.configure(ws_delay=0.25)
    began = time.monotonic()
    ws = _trades(ex, 3)
    try:
        assert len(_read_ids(ws, 3)) == 3
    finally:
        ws.close()
    took = time.monotonic() - began
    assert 0.6 < took < 5.0          # three messages, one after the other
    assert faults.stats['ws_delayed'] == 3


def test_ws_duplicates_and_reordering_at_rate_one(ex, faults):
    faults.configure(ws_duplicate_rate=1.0)
    ws = _trades(ex, 2)
    try:
        first = _read_ids(ws, 4)
    finally:
        ws.close()
    assert first[0] == first[1] and first[2] == first[3] and first[0] < first[2]
    assert faults.stats['ws_duplicated'] == 2
    _until(lambda: not ex.hub.clients)
    faults.configure(ws_duplicate_rate=0, ws_reorder_rate=1.0)
    ws = _trades(ex, 4)
    try:
        ids = _read_ids(ws, 4)
    finally:
        ws.close()
    assert ids == [ids[1] + 1, ids[1], ids[1] + 3, ids[1] + 2]
    assert faults.stats['ws_reordered'] == 2


def _seeded_run(ex, faults, ticks):
    """The trade ids one socket receives for ``ticks`` ticks, read until
    every tick arrived and every duplicate the server counted, and the
    stats of the run."""
    faults.configure(seed=5, ws_duplicate_rate=0.3, ws_reorder_rate=0.3,
                     ws_reorder_max_hold=0.5)
    before = dict(faults.stats)
    ws = _trades(ex, ticks)
    try:
        got = []
        for _ in range(3 * ticks):
            extra = faults.stats['ws_duplicated'] - before['ws_duplicated']
            if len(set(got)) == ticks and len(got) == ticks + extra:
                break
            got.append(json.loads(ws.recv())['t'])
    finally:
        ws.close()
    _until(lambda: not ex.hub.clients)
    return got, {k: faults.stats[k] - before[k] for k in before}


def test_ws_seeded_duplicates_and_reordering_repeat(ex, faults):
    ticks = 20
    got, stats = _seeded_run(ex, faults, ticks)
    sent = list(range(got and min(got), got and min(got) + ticks))
    assert sorted(set(got)) == sent                  # nothing lost
    assert len(got) == ticks + stats['ws_duplicated']
    assert 0 < stats['ws_duplicated'] < ticks and 0 < stats['ws_reordered'] < ticks
    assert got != sorted(got)
    again, stats_again = _seeded_run(ex, faults, ticks)
    offset = again[0] - got[0]
    assert [t - offset for t in again] == got and stats_again == stats


# --- HTTP faults -------------------------------------------------------------------
def test_http_errors_at_rate_one_with_scope(ex, faults):
    faults.configure(http_error_rate=1.0)
    assert _http(ex, 'GET', '/api/v3/time') == (503, {
        'code': -1001,
        'msg': 'Internal error; unable to process your request. Please try again.'})
    assert _http(ex, 'GET', '/admin/state')[0] == 200      # never on /admin
    faults.configure(http_paths='/api/v3/ticker', http_error_status=500)
    assert _http(ex, 'GET', '/api/v3/time')[0] == 200
    status, body = _http(ex, 'GET', '/api/v3/ticker/price?symbol=BTCUSDT')
    assert (status, body['code']) == (500, -1000)
    faults.configure(http_error_status=502)
    status, body = _http(ex, 'GET', '/api/v3/ticker/price?symbol=BTCUSDT')
    assert status == 502 and '<html>' in body
    faults.configure(enabled=False)
    assert _http(ex, 'GET', '/api/v3/ticker/price?symbol=BTCUSDT')[0] == 200
    assert faults.stats['http_errors'] == 3
    faults.clear()
    _serves(ex)


def test_http_errors_at_half_rate_follow_the_seed(ex, faults):
    def run():
        faults.configure(seed=11, http_error_rate=0.5)
        return [_http(ex, 'GET', '/api/v3/ping')[0] for _ in range(40)]
    first = run()
    failed = first.count(503)
    assert set(first) == {200, 503} and 5 < failed < 35
    assert faults.stats['http_errors'] == failed
    assert run() == first and faults.stats['http_errors'] == 2 * failed


def test_http_delay(ex, faults):
    faults.configure(http_delay=0.3)
    began = time.monotonic()
    assert _http(ex, 'GET', '/api/v3/ping')[0] == 200
    assert 0.25 < time.monotonic() - began < 5.0
    assert faults.stats['http_delayed'] == 1


def test_429_storm_then_recovery(ex, faults):
    faults.configure(http_storm_seconds=0.8)
    assert faults.describe()['active'] == ['http_storm_seconds']
    status, body, headers = _request(ex, 'GET', '/api/v3/time')
    assert (status, body['code']) == (429, -1003)
    assert headers['Retry-After'] == '1'
    assert _http(ex, 'GET', '/admin/state')[0] == 200
    _until(lambda: faults.describe()['storm_left'] == 0)
    assert faults.describe()['active'] == []
    assert _http(ex, 'GET', '/api/v3/time')[0] == 200
    assert faults.stats['http_storm_429'] == 1


def test_ambiguous_order_hangs_past_the_client_timeout_yet_exists(ex, faults):
    faults.configure(order_ambiguous_rate=1.0, order_hang_seconds=1.0)
    order = {'symbol': 'BTCUSDT', 'side': 'BUY', 'type': 'LIMIT', 'timeInForce': 'GTC',
             'quantity': '0.01', 'price': '10000', 'newClientOrderId': 'amb-1'}
    with pytest.raises((TimeoutError, OSError)):      # socket.timeout / URLError
        _signed(ex, 'POST', '/api/v3/order', order, timeout=0.3)
    assert faults.stats['order_hung'] == 1
    status, orders = _signed(ex, 'GET', '/api/v3/openOrders', {'symbol': 'BTCUSDT'})
    assert status == 200 and [o['clientOrderId'] for o in orders] == ['amb-1']
    # the held answer goes to a socket the client closed: no harm done
    _until(lambda: faults.stats['order_released'] == 1)
    _serves(ex)


def test_admin_api_round_trip(ex, faults):
    status, body = _http(ex, 'POST', '/admin/faults?http_error_rate=1&seed=4')
    assert status == 200 and body['settings']['http_error_rate'] == 1.0
    assert body['active'] == ['http_error_rate']
    assert _http(ex, 'GET', '/api/v3/time')[0] == 503
    status, body = _http(ex, 'GET', '/admin/faults')
    assert status == 200 and body['stats']['http_errors'] == 1
    status, body = _http(ex, 'POST', '/admin/faults?ws_delay=soon')
    assert status == 400 and body['code'] == -1130 and 'ws_delay' in body['msg']
    status, body = _http(ex, 'DELETE', '/admin/faults')
    assert status == 200 and body['active'] == [] and body['stats']['http_errors'] == 0
    assert _http(ex, 'GET', '/api/v3/time')[0] == 200


def test_install_before_start_and_uninstall():
    exchange = SimExchange(spot={'BTC/USDT': DATA}, keys={KEY: SECRET}, start=START)
    injector = install(exchange, FaultInjector(http_error_rate=1.0))
    assert set(admin_routes(injector)) <= set(exchange.core.routes)
    with exchange:
        assert _http(exchange, 'GET', '/api/v3/time')[0] == 503
        assert _http(exchange, 'GET', '/admin/faults')[1]['stats']['http_errors'] == 1
        uninstall(exchange)
        assert _http(exchange, 'GET', '/api/v3/time')[0] == 200
        assert _http(exchange, 'GET', '/admin/faults')[0] == 404


# --- what ccxt makes of them --------------------------------------------------------
def test_ccxt_sees_binance_errors(ex, faults):
    ccxt = pytest.importorskip('ccxt', reason='ccxt is an optional dependency')
    x = ex.ccxt_exchange(KEY, SECRET)
    x.load_markets()
    faults.configure(http_error_rate=1.0)
    # ccxt maps Binance's -1001 to OperationFailed (retryable, not ExchangeError)
    with pytest.raises(ccxt.OperationFailed) as caught:
        x.fetch_ticker('BTC/USDT')
    assert not isinstance(caught.value, ccxt.ExchangeError)
    faults.configure(http_error_status=502)
    with pytest.raises(ccxt.ExchangeNotAvailable):
        x.fetch_ticker('BTC/USDT')
    faults.configure(http_error_rate=0, http_storm_seconds=5)
    # a 429 is DDoSProtection (RateLimitExceeded is its subclass; ccxt raises
    # the status' class before reading the -1003 body)
    with pytest.raises(ccxt.DDoSProtection):
        x.fetch_ticker('BTC/USDT')
    faults.configure(http_storm_seconds=0)
    assert x.fetch_ticker('BTC/USDT')['last'] == ex.core.last('BTCUSDT')


def test_ccxt_ambiguous_orders_drop_and_504(ex, faults):
    ccxt = pytest.importorskip('ccxt', reason='ccxt is an optional dependency')
    x = ex.ccxt_exchange(KEY, SECRET)
    x.load_markets()
    faults.configure(order_ambiguous_rate=1.0, order_ambiguous_mode='drop')
    with pytest.raises(ccxt.NetworkError):
        x.create_order('BTC/USDT', 'limit', 'buy', 0.01, 10000,
                       params={'clientOrderId': 'drop-1'})
    faults.configure(order_ambiguous_mode='504')
    with pytest.raises(ccxt.RequestTimeout):
        x.create_order('BTC/USDT', 'limit', 'buy', 0.01, 10001,
                       params={'clientOrderId': 'gw-1'})
    faults.configure(order_ambiguous_rate=0)
    ids = sorted(o['clientOrderId'] for o in x.fetch_open_orders('BTC/USDT'))
    assert ids == ['drop-1', 'gw-1']
    assert faults.stats['order_dropped'] == 1 and faults.stats['order_504'] == 1


def test_stop_while_an_order_answer_is_held(caplog):
    caplog.set_level(logging.ERROR, logger='asyncio')
    exchange = SimExchange(spot={'BTC/USDT': DATA}, keys={KEY: SECRET}, start=START)
    injector = install(exchange, FaultInjector(order_ambiguous_rate=1.0,
                                               order_hang_seconds=600))
    with exchange:
        order = {'symbol': 'BTCUSDT', 'side': 'BUY', 'type': 'LIMIT',
                 'timeInForce': 'GTC', 'quantity': '0.01', 'price': '10000'}
        with pytest.raises((TimeoutError, OSError)):
            _signed(exchange, 'POST', '/api/v3/order', order, timeout=0.3)
        assert injector.stats['order_hung'] == 1
        began = time.monotonic()
    assert time.monotonic() - began < 5.0      # the held answer does not hold stop
    assert injector.stats['order_released'] == 0
    gc.collect()
    assert not [r for r in caplog.records if r.name == 'asyncio']
