"""Bad input never crashes the local exchange: every endpoint, spot and
futures, called with missing, malformed, wrongly typed and out-of-range
parameters answers a Binance-style ``{code, msg}`` error (HTTP 4xx) or a
normal payload — never the 500 that an unhandled exception becomes — and
the exchange keeps serving afterwards.  Runs in process through
``ExchangeCore.handle`` (the HTTP layer is covered elsewhere), so the
whole sweep takes well under a second per case family."""
import hashlib
import hmac
import os
import time
import urllib.parse

import pytest

import backtrader as bt
from backtrader.simexchange import ExchangeCore
from backtrader.simexchange._http import Request

DATA = os.path.join(os.path.dirname(bt.__file__), 'datafiles')
KEY, SECRET = 'k', 's'

GARBAGE = ['', 'abc', '-1', '0', '1e309', 'nan', '99999999999999999999', '[1,2',
           '"BTCUSDT"', 'true', '\u00e9\u00e8', '1.123456789123', '%00']
NAMES = ['symbol', 'symbols', 'side', 'type', 'quantity', 'price', 'stopPrice',
         'timeInForce', 'orderId', 'origClientOrderId', 'newClientOrderId', 'limit',
         'startTime', 'endTime', 'interval', 'fromId', 'leverage', 'marginType',
         'dualSidePosition', 'positionSide', 'reduceOnly', 'closePosition',
         'listenKey', 'orderListId', 'quoteOrderQty', 'newOrderRespType',
         'workingType', 'algoType', 'triggerPrice', 'algoId', 'clientAlgoId',
         'incomeType', 'aboveType', 'belowType', 'stopLimitPrice']


@pytest.fixture(scope='module')
def core():
    return ExchangeCore({'BTC/USDT': os.path.join(DATA, 'BTCUSDT-1d.csv')}, {KEY: SECRET},
                        futures={'XRP/USDT': os.path.join(DATA, 'XRPUSDT-PERP-1h.csv')},
                        start=20, balances={'USDT': 10000.0, 'BTC': 1.0},
                        weight_limit=10 ** 9)


def _call(core, method, path, params):
    params = dict(params)
    params['timestamp'] = str(int(time.time() * 1000))
    query = urllib.parse.urlencode(params)
    query += '&signature=' + hmac.new(SECRET.encode(), query.encode(),
                                      hashlib.sha256).hexdigest()
    request = Request(method, path, query, '', {'x-mbx-apikey': KEY},
                      dict(urllib.parse.parse_qsl(query, keep_blank_values=True)))
    return core.handle(request)


def _routes(core):
    return sorted(k for k in core.routes if not k[1].startswith('/admin'))


def _check(response, where):
    assert response.status != 500, '%s: %s' % (where, response.payload)
    if response.status >= 400:
        body = response.payload
        assert isinstance(body, dict) and isinstance(body.get('code'), int) \
            and body.get('msg'), '%s: %r' % (where, body)


def test_every_endpoint_survives_missing_parameters(core):
    for method, path in _routes(core):
        _check(_call(core, method, path, {}), '%s %s' % (method, path))


@pytest.mark.parametrize('value', GARBAGE)
def test_every_endpoint_survives_garbage_in_every_parameter(core, value):
    for method, path in _routes(core):
        for name in NAMES:
            _check(_call(core, method, path, {name: value}),
                   '%s %s %s=%r' % (method, path, name, value))


def test_orders_with_one_bad_field_among_good_ones(core):
    good = {'/api/v3/order': {'symbol': 'BTCUSDT', 'side': 'BUY', 'type': 'LIMIT',
                              'timeInForce': 'GTC', 'quantity': '0.001',
                              'price': '1000'},
            '/fapi/v1/order': {'symbol': 'XRPUSDT', 'side': 'BUY', 'type': 'LIMIT',
                               'timeInForce': 'GTC', 'quantity': '10', 'price': '0.5'},
            '/fapi/v1/algoOrder': {'symbol': 'XRPUSDT', 'side': 'SELL',
                                   'type': 'STOP_MARKET', 'algoType': 'CONDITIONAL',
                                   'triggerPrice': '0.5', 'quantity': '10'}}
    for path, params in good.items():
        for name in list(params):
            for value in GARBAGE:
                bad = dict(params, **{name: value})
                _check(_call(core, 'POST', path, bad), '%s %s=%r' % (path, name, value))
    # still serving: a good order goes through (the sweeps above may have
    # switched the account to hedge mode, which then needs a position side)
    order = dict(good['/fapi/v1/order'])
    if core.futures_account(KEY).dual_side:
        order['positionSide'] = 'LONG'
    response = _call(core, 'POST', '/fapi/v1/order', order)
    assert response.status == 200 and response.payload['status'] == 'NEW'


def test_unknown_symbols_name_the_symbol(core):
    for path in ('/api/v3/klines', '/fapi/v1/klines', '/fapi/v1/premiumIndex'):
        response = _call(core, 'GET', path, {'symbol': 'NOPEUSDT', 'interval': '1h'})
        assert response.status == 400 and response.payload['code'] == -1121
        assert 'NOPEUSDT' in response.payload['msg']


def test_malformed_websocket_requests_get_errors_and_the_socket_stays(tmp_path):
    import json
    websocket = pytest.importorskip('websocket', reason='websocket-client is an '
                                                        'optional dependency')
    from backtrader.simexchange import SimExchange
    with SimExchange(spot={'BTC/USDT': os.path.join(DATA, 'BTCUSDT-1d.csv')},
                     keys={KEY: SECRET}, start=20) as ex:
        ws = websocket.create_connection(ex.ws_url + '/ws', timeout=5)
        try:
            for junk in ('not json', '[1, 2]', '{"method": "SUBSCRIBE", "params": 5}',
                         '{"method": "SUBSCRIBE", "params": [{"a": 1}], "id": 2}',
                         '{"method": "NOPE", "id": 3}'):
                ws.send(junk)
                reply = json.loads(ws.recv())
                assert 'error' in reply and reply['error']['msg'], junk
            ws.send(json.dumps({'method': 'SUBSCRIBE', 'params': ['btcusdt@trade'],
                                'id': 4}))
            assert json.loads(ws.recv()) == {'result': None, 'id': 4}
        finally:
            ws.close()
