"""The local exchange's USDⓈ-M futures over real sockets, driven by the
unmodified ccxt (``binanceusdm``, sync and pro) and python-binance.

Data: the bundled XRPUSDT perpetual, 1h bars with their 1h mark price
candles and the 8h funding rate history.  The replay starts at bar 20
(2021-11-17 21:00 UTC); the first funding in the file is at 2021-11-18
00:00, three bars later.  Every wait is bounded in count and time.
"""
import asyncio
import os

import pytest

import backtrader as bt
from backtrader.simexchange import SimExchange

ccxt = pytest.importorskip('ccxt', reason='ccxt is an optional dependency (live extras)')

DATA = os.path.join(os.path.dirname(bt.__file__), 'datafiles')
BARS = os.path.join(DATA, 'XRPUSDT-PERP-1h.csv')
FUNDING = os.path.join(DATA, 'XRPUSDT-PERP-funding-8h.csv')
MARK = os.path.join(DATA, 'XRPUSDT-PERP-mark-1h.csv')
KEY, SECRET = 'fut-key', 'fut-secret'
SYMBOL = 'XRP/USDT:USDT'
START = 20
FIRST_FUNDING = 1637193600000      # 2021-11-18T00:00:00Z


@pytest.fixture
def ex():
    with SimExchange(futures={'XRP/USDT': BARS}, funding={'XRP/USDT': FUNDING},
                     mark={'XRP/USDT': MARK}, keys={KEY: SECRET}, start=START,
                     futures_balances={'USDT': 1000.0}) as exchange:
        yield exchange


@pytest.fixture
def usdm(ex):
    exchange = ex.ccxt_exchange(KEY, SECRET, futures=True)
    exchange.load_markets()
    return exchange


def _bar(ex, index):
    return ex.core.venues['futures'].tapes['XRPUSDT'].bars[index]


# --- ccxt sync ------------------------------------------------------------------------
def test_markets_carry_the_futures_filters(usdm):
    market = usdm.market(SYMBOL)
    assert market['linear'] and market['swap'] and market['settle'] == 'USDT'
    assert market['precision']['price'] == 0.0001
    assert market['precision']['amount'] == 0.1
    assert market['limits']['cost']['min'] == 5.0


def test_ohlcv_pages_and_the_ticker_follow_the_replay(ex, usdm):
    first = usdm.fetch_ohlcv(SYMBOL, '1h', since=_bar(ex, 0).time, limit=10)
    second = usdm.fetch_ohlcv(SYMBOL, '1h', since=first[-1][0] + 1, limit=10)
    assert [row[0] for row in first + second] == [_bar(ex, i).time for i in range(20)]
    assert first[0][1:5] == [_bar(ex, 0).open, _bar(ex, 0).high, _bar(ex, 0).low,
                             _bar(ex, 0).close]
    ex.step(bars=1)
    assert usdm.fetch_ticker(SYMBOL)['last'] == _bar(ex, START).close
    book = usdm.fetch_order_book(SYMBOL, 5)
    assert book['bids'][0][0] < _bar(ex, START).close < book['asks'][0][0]


def test_mark_price_and_funding_from_the_files(ex, usdm):
    rate = usdm.fetch_funding_rate(SYMBOL)
    assert rate['fundingTimestamp'] == FIRST_FUNDING
    assert rate['fundingRate'] == pytest.approx(0.0001)
    assert usdm.fetch_funding_rate_history(SYMBOL) == []        # none settled yet
    ex.step(bars=4)
    history = usdm.fetch_funding_rate_history(SYMBOL)
    assert [h['timestamp'] for h in history] == [FIRST_FUNDING]
    mark = usdm.fetch_mark_ohlcv(SYMBOL, '1h', limit=2)
    candles = [b for b in ex.core.futures.marks['XRPUSDT'].bars if b.time <= ex.now]
    assert mark == [pytest.approx([b.time, b.open, b.high, b.low, b.close, 0.0])
                    for b in candles[-2:]]
    assert usdm.fetch_funding_rate(SYMBOL)['markPrice'] == \
        pytest.approx(ex.core.futures.mark['XRPUSDT'])


def test_leverage_margin_mode_and_positions(ex, usdm):
    usdm.set_leverage(10, SYMBOL)
    usdm.set_margin_mode('isolated', SYMBOL)
    order = usdm.create_order(SYMBOL, 'market', 'buy', 100)
    price = _bar(ex, START - 1).close
    assert order['status'] == 'closed' and order['average'] == price
    position = usdm.fetch_positions([SYMBOL])[0]
    assert (position['side'], position['contracts'], position['marginMode']) == \
        ('long', 100.0, 'isolated')
    assert position['collateral'] == pytest.approx(100 * price / 10)
    assert position['liquidationPrice'] < price * 0.92
    balance = usdm.fetch_balance()['USDT']
    assert balance['total'] == pytest.approx(1000 - 100 * price * 0.0005)
    with pytest.raises(ccxt.BaseError):           # a position exists
        usdm.set_margin_mode('cross', SYMBOL)
    with pytest.raises(ccxt.BadRequest):
        usdm.set_leverage(500, SYMBOL)


def test_order_types_and_their_lifecycle(ex, usdm):
    last = _bar(ex, START - 1).close
    usdm.create_order(SYMBOL, 'market', 'buy', 50)
    limit = usdm.create_order(SYMBOL, 'limit', 'buy', 20, round(last * 0.9, 4))
    stop = usdm.create_order(SYMBOL, 'STOP_MARKET', 'sell', 50, None,
                             {'stopPrice': round(last * 0.8, 4), 'reduceOnly': True})
    take = usdm.create_order(SYMBOL, 'TAKE_PROFIT', 'sell', 50, round(last * 1.3, 4),
                             {'stopPrice': round(last * 1.25, 4), 'reduceOnly': True})
    # conditional orders live in Binance's algo service, listed apart
    assert [o['id'] for o in usdm.fetch_open_orders(SYMBOL)] == [limit['id']]
    opened = {o['id'] for o in usdm.fetch_open_orders(SYMBOL, params={'trigger': True})}
    assert opened == {stop['id'], take['id']}
    fetched = usdm.fetch_order(stop['id'], SYMBOL, {'trigger': True})
    assert fetched['info']['orderType'] == 'STOP_MARKET'
    assert fetched['type'] == 'market'        # how ccxt names a stop-market
    assert fetched['triggerPrice'] == pytest.approx(round(last * 0.8, 4))
    assert usdm.cancel_order(limit['id'], SYMBOL)['status'] == 'canceled'
    usdm.cancel_order(take['id'], SYMBOL, {'trigger': True})
    usdm.cancel_all_orders(SYMBOL, {'trigger': True})
    assert usdm.fetch_open_orders(SYMBOL) == []
    assert usdm.fetch_open_orders(SYMBOL, params={'trigger': True}) == []
    trades = usdm.fetch_my_trades(SYMBOL)
    assert len(trades) == 1 and trades[0]['fee']['cost'] == pytest.approx(
        50 * last * 0.0005)
    by_client = usdm.create_order(SYMBOL, 'limit', 'sell', 20, round(last * 1.5, 4),
                                  {'newClientOrderId': 'mine-1'})
    assert usdm.fetch_order(by_client['id'], SYMBOL)['clientOrderId'] == 'mine-1'


def test_errors_raise_the_ccxt_exceptions_binance_maps(ex, usdm):
    last = _bar(ex, START - 1).close
    with pytest.raises(ccxt.InsufficientFunds):
        usdm.create_order(SYMBOL, 'market', 'buy', 100000)
    with pytest.raises(ccxt.InvalidOrder):                    # notional < 5
        usdm.create_order(SYMBOL, 'market', 'buy', 1)
    with pytest.raises(ccxt.InvalidOrder):                    # reduce-only, no position
        usdm.create_order(SYMBOL, 'market', 'sell', 10, None, {'reduceOnly': True})
    with pytest.raises(ccxt.OrderImmediatelyFillable):
        usdm.create_order(SYMBOL, 'STOP_MARKET', 'sell', 10, None,
                          {'stopPrice': round(last * 1.1, 4)})
    with pytest.raises(ccxt.OrderNotFound):
        usdm.fetch_order('424242', SYMBOL)
    with pytest.raises(ccxt.OrderNotFound):
        usdm.cancel_order('424242', SYMBOL)
    bad = ex.ccxt_exchange(KEY, 'wrong-secret', futures=True)
    bad.markets, bad.markets_by_id = usdm.markets, usdm.markets_by_id
    with pytest.raises(ccxt.AuthenticationError):
        bad.fetch_balance()


def test_hedge_mode_and_funding_payments(ex, usdm):
    usdm.set_position_mode(True, SYMBOL)
    assert usdm.fetch_position_mode(SYMBOL)['hedged'] is True
    usdm.create_order(SYMBOL, 'market', 'buy', 100, None, {'positionSide': 'LONG'})
    usdm.create_order(SYMBOL, 'market', 'sell', 40, None, {'positionSide': 'SHORT'})
    sides = {(p['side'], p['contracts']) for p in usdm.fetch_positions([SYMBOL])}
    assert sides == {('long', 100.0), ('short', 40.0)}
    ex.step(bars=4)                               # through the 00:00 funding
    fees = usdm.fetch_funding_history(SYMBOL)
    assert [f['timestamp'] for f in fees] == [FIRST_FUNDING, FIRST_FUNDING]
    mark = ex.core.futures.marks['XRPUSDT'].bars
    at = [b for b in mark if b.time == FIRST_FUNDING][0].open
    # the long pays 100 x mark x 0.0001, the short receives 40 x mark x 0.0001
    assert sorted(f['amount'] for f in fees) == pytest.approx(
        sorted([-100 * at * 0.0001, 40 * at * 0.0001]))


def test_leverage_tiers_come_from_the_bracket_table(usdm):
    tiers = usdm.fetch_leverage_tiers([SYMBOL])[SYMBOL]
    assert tiers[0]['maxLeverage'] == 125 and tiers[0]['maintenanceMarginRate'] == 0.004
    assert tiers[1]['minNotional'] == 50000


# --- ccxt pro ---------------------------------------------------------------------------
async def _until(check, seconds=5.0):
    for _ in range(int(seconds / 0.02)):
        if check():
            return
        await asyncio.sleep(0.02)
    raise AssertionError('condition not met within %.1f s' % seconds)


def _following(ex, what):
    return any(what(stream) for c in ex.hub.clients for stream in c.streams)


def test_pro_watches_klines_trades_orders_balance_and_positions(ex):
    async def run():
        pro = ex.ccxt_exchange(KEY, SECRET, futures=True, pro=True)
        try:
            await pro.load_markets()
            candles = asyncio.ensure_future(pro.watch_ohlcv(SYMBOL, '1h'))
            trades = asyncio.ensure_future(pro.watch_trades(SYMBOL))
            await _until(lambda: _following(ex, lambda s: '@kline_1h' in s)
                         and _following(ex, lambda s: s.endswith('@trade')))
            ex.step(1)
            bars = await asyncio.wait_for(candles, 5)
            assert bars[-1][0] == _bar(ex, START).time
            assert (await asyncio.wait_for(trades, 5))[-1]['price'] == _bar(ex, START).open
            # the first call answers with the REST snapshot: no position yet
            assert await asyncio.wait_for(pro.watch_positions([SYMBOL]), 5) == []
            orders = asyncio.ensure_future(pro.watch_orders(SYMBOL))
            balance = asyncio.ensure_future(pro.watch_balance())
            positions = asyncio.ensure_future(pro.watch_positions([SYMBOL]))
            mine = asyncio.ensure_future(pro.watch_my_trades(SYMBOL))
            await _until(lambda: any(k in c.streams for c in ex.hub.clients
                                     for k in ex.core.listen_keys))
            placed = await pro.create_order(SYMBOL, 'market', 'buy', 100)
            seen = await asyncio.wait_for(orders, 5)
            assert placed['id'] in {o['id'] for o in seen}
            assert (await asyncio.wait_for(mine, 5))[-1]['amount'] == 100
            wallet = (await asyncio.wait_for(balance, 5))['USDT']['total']
            assert wallet == pytest.approx(1000 - 100 * _bar(ex, START).open * 0.0005)
            held = await asyncio.wait_for(positions, 5)
            assert held[-1]['contracts'] == 100 and held[-1]['side'] == 'long'
        finally:
            await pro.close()
    asyncio.run(asyncio.wait_for(run(), 40))


# --- python-binance ---------------------------------------------------------------------
def test_python_binance_futures_calls(ex):
    binance = pytest.importorskip('binance', reason='python-binance is an optional '
                                                    'dependency (live extras)')
    client = ex.binance_client(KEY, SECRET)
    rows = client.futures_klines(symbol='XRPUSDT', interval='1h', limit=3)
    assert [r[0] for r in rows] == [_bar(ex, i).time for i in range(START - 3, START)]
    assert client.futures_mark_price(symbol='XRPUSDT')['nextFundingTime'] == FIRST_FUNDING
    assert client.futures_change_leverage(symbol='XRPUSDT', leverage=5)['leverage'] == 5
    client.futures_change_margin_type(symbol='XRPUSDT', marginType='ISOLATED')
    order = client.futures_create_order(symbol='XRPUSDT', side='BUY', type='MARKET',
                                        quantity=50, newOrderRespType='RESULT')
    assert order['status'] == 'FILLED' and float(order['executedQty']) == 50
    risk = client.futures_position_information(symbol='XRPUSDT')
    assert float(risk[0]['positionAmt']) == 50
    resting = client.futures_create_order(symbol='XRPUSDT', side='SELL', type='LIMIT',
                                          timeInForce='GTC', quantity=50, price='2.0',
                                          reduceOnly='true')
    assert client.futures_get_order(symbol='XRPUSDT',
                                    orderId=resting['orderId'])['status'] == 'NEW'
    client.futures_cancel_order(symbol='XRPUSDT', orderId=resting['orderId'])
    assert client.futures_get_open_orders(symbol='XRPUSDT') == []
    account = client.futures_account()
    assert float(account['totalWalletBalance']) == pytest.approx(
        1000 - 50 * _bar(ex, START - 1).close * 0.0005)
    balances = client.futures_account_balance()
    assert balances[0]['asset'] == 'USDT'
    with pytest.raises(binance.exceptions.BinanceAPIException) as err:
        client.futures_create_order(symbol='XRPUSDT', side='BUY', type='MARKET',
                                    quantity=1000000)
    assert err.value.code == -2019


def test_python_binance_futures_sockets(ex):
    pytest.importorskip('binance', reason='python-binance is an optional dependency '
                                          '(live extras)')

    async def run():
        client = await ex.binance_client(KEY, SECRET, asynchronous=True).create(
            KEY, SECRET)
        try:
            manager = ex.binance_socket_manager(client)
            klines = manager.kline_futures_socket('XRPUSDT', '1h')
            user = manager.futures_user_socket()
            klines.TIMEOUT = user.TIMEOUT = 0.5   # a quick close (10 s by default)
            async with klines, user:
                await _until(lambda: _following(ex, lambda s: 'Kline_1h' in s)
                             and _following(ex, lambda s: s in ex.core.listen_keys))
                ex.step(1)
                event = await asyncio.wait_for(klines.recv(), 5)
                payload = event.get('data', event)
                assert payload['k']['t'] == _bar(ex, START).time
                await client.futures_create_order(symbol='XRPUSDT', side='BUY',
                                                  type='MARKET', quantity=50)
                kinds = []
                for _ in range(5):
                    message = await asyncio.wait_for(user.recv(), 5)
                    kinds.append(message['e'])
                    if 'ACCOUNT_UPDATE' in kinds:
                        break
                assert kinds[0] == 'ORDER_TRADE_UPDATE' and 'ACCOUNT_UPDATE' in kinds
        finally:
            await client.close_connection()
    asyncio.run(asyncio.wait_for(run(), 40))


def test_listen_key_expiry_reaches_the_socket(tmp_path):
    websocket = pytest.importorskip('websocket', reason='websocket-client is an '
                                                        'optional dependency')
    with SimExchange(futures={'XRP/USDT': BARS}, keys={KEY: SECRET}, start=START,
                     listen_key_ttl=0.5) as ex:
        client = ex.binance_client(KEY, SECRET)
        listen_key = client.futures_stream_get_listen_key()
        ws = websocket.create_connection(ex.ws_url + '/futures/ws/' + listen_key,
                                         timeout=5)
        try:
            import json
            event = json.loads(ws.recv())
            assert event == {'e': 'listenKeyExpired', 'E': event['E'],
                             'listenKey': listen_key}
        finally:
            ws.close()
        assert listen_key not in ex.core.listen_keys


def test_command_line_serves_a_perpetual_with_its_files():
    import json
    import subprocess
    import sys
    import urllib.request
    proc = subprocess.Popen(
        [sys.executable, '-m', 'backtrader.simexchange', '--futures', 'XRP/USDT=' + BARS,
         '--funding', FUNDING, '--mark', MARK, '--api-key', KEY, '--api-secret', SECRET,
         '--port', '0', '--start', str(START), '--fault-seed', '3'],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline().strip()
        assert line.startswith('simexchange ready http://127.0.0.1:'), proc.stderr.read()
        url = line.split()[-1]
        with urllib.request.urlopen(url + '/fapi/v1/premiumIndex?symbol=XRPUSDT',
                                    timeout=5) as resp:
            index = json.loads(resp.read())
        assert index['nextFundingTime'] == FIRST_FUNDING
        with urllib.request.urlopen(url + '/admin/faults', timeout=5) as resp:
            assert json.loads(resp.read())['settings']['seed'] == 3
    finally:
        proc.terminate()
        proc.wait(10)
    assert proc.returncode == 0


def test_command_line_needs_a_symbol_and_named_rates_for_several():
    import subprocess
    import sys
    bare = subprocess.run([sys.executable, '-m', 'backtrader.simexchange', '--api-key',
                           KEY, '--api-secret', SECRET], capture_output=True, text=True,
                          timeout=60)
    assert bare.returncode == 2 and '--data or --futures' in bare.stderr
    two = subprocess.run([sys.executable, '-m', 'backtrader.simexchange',
                          '--futures', 'XRP/USDT=' + BARS, '--futures', 'BTC/USDT=' + BARS,
                          '--funding', FUNDING, '--api-key', KEY, '--api-secret', SECRET],
                         capture_output=True, text=True, timeout=60)
    assert two.returncode == 2 and 'name the perpetual' in two.stderr
