"""More of the spot conformance with the unmodified ccxt (sync and pro):
tickers, books, each order type, the streams of trades, own trades and
balances, and the error classes a real Binance response raises.  The
replay starts at bar 100 of the bundled BTCUSDT daily bars; every wait is
bounded."""
import asyncio

import pytest

from backtrader.simexchange import SimExchange
from _simspot import BTC_DAILY, spot_exchange

ccxt = pytest.importorskip('ccxt', reason='ccxt is an optional dependency (live extras)')

DATA = BTC_DAILY
KEY, SECRET = 'spot-key', 'spot-secret'
START = 100


@pytest.fixture
def ex():
    with spot_exchange(KEY, SECRET, START, {'USDT': 10000.0, 'BTC': 0.5}) as exchange:
        yield exchange


@pytest.fixture
def x(ex):
    client = ex.ccxt_exchange(KEY, SECRET)
    client.load_markets()
    return client


def _bar(ex, index):
    return ex.core.tapes['BTCUSDT'].bars[index]


def test_ticker_and_order_book_around_the_last_price(ex, x):
    last = _bar(ex, START - 1).close
    ticker = x.fetch_ticker('BTC/USDT')
    assert ticker['last'] == last and ticker['bid'] < last < ticker['ask']
    book = x.fetch_order_book('BTC/USDT', 10)
    assert len(book['bids']) == len(book['asks']) == 10
    assert book['bids'][0][0] == pytest.approx(last - 0.01)
    assert book['asks'][0][0] == pytest.approx(last + 0.01)
    assert [b[0] for b in book['bids']] == sorted((b[0] for b in book['bids']),
                                                  reverse=True)


def test_each_order_type_through_ccxt(ex, x):
    last = _bar(ex, START - 1).close
    stop_limit = x.create_order('BTC/USDT', 'STOP_LOSS_LIMIT', 'sell', 0.01,
                                round(last * 0.5, 2),
                                {'stopPrice': round(last * 0.55, 2)})
    take_limit = x.create_order('BTC/USDT', 'TAKE_PROFIT_LIMIT', 'sell', 0.01,
                                round(last * 2.0, 2),
                                {'stopPrice': round(last * 1.9, 2)})
    maker = x.create_order('BTC/USDT', 'limit', 'buy', 0.01, round(last * 0.5, 2),
                           {'postOnly': True})
    assert {o['id'] for o in x.fetch_open_orders('BTC/USDT')} == \
        {stop_limit['id'], take_limit['id'], maker['id']}
    assert x.fetch_order(maker['id'], 'BTC/USDT')['info']['type'] == 'LIMIT_MAKER'
    assert x.fetch_order(stop_limit['id'], 'BTC/USDT')['triggerPrice'] == \
        pytest.approx(round(last * 0.55, 2))
    with pytest.raises(ccxt.InvalidOrder):          # a post-only that would take
        x.create_order('BTC/USDT', 'limit', 'buy', 0.01, round(last * 1.5, 2),
                       {'postOnly': True})
    for order in (stop_limit, take_limit, maker):
        assert x.cancel_order(order['id'], 'BTC/USDT')['status'] == 'canceled'
    balance = x.fetch_balance()
    assert balance['BTC']['free'] == 0.5 and balance['USDT']['free'] == 10000.0


def test_stop_loss_limit_triggers_inside_the_bar(ex, x):
    bar = _bar(ex, START)
    stop = round(bar.low + (bar.open - bar.low) / 2, 2)
    order = x.create_order('BTC/USDT', 'STOP_LOSS_LIMIT', 'sell', 0.1,
                           round(stop - 1000, 2), {'stopPrice': stop})
    ex.step(bars=1)
    done = x.fetch_order(order['id'], 'BTC/USDT')
    # triggered on the tick at the bar's low, which is above the limit price
    assert done['status'] == 'closed' and done['average'] == bar.low


def test_errors_of_each_class(ex, x):
    with pytest.raises(ccxt.InsufficientFunds):
        x.create_order('BTC/USDT', 'market', 'sell', 5)
    with pytest.raises(ccxt.InvalidOrder):           # price off the tick size
        x.privatePostOrder({'symbol': 'BTCUSDT', 'side': 'BUY', 'type': 'LIMIT',
                            'timeInForce': 'GTC', 'quantity': '0.01',
                            'price': '1000.001'})
    with pytest.raises(ccxt.BadSymbol):
        x.publicGetKlines({'symbol': 'NOPEUSDT', 'interval': '1d'})
    late = ex.ccxt_exchange(KEY, SECRET)
    late.options['timeDifference'] = 120000          # its clock runs 2 min slow
    with pytest.raises(ccxt.InvalidNonce):
        late.fetch_balance()


def test_rate_limit_answers_raise_ddos_protection():
    with SimExchange(spot={'BTC/USDT': DATA}, keys={KEY: SECRET}, start=START,
                     weight_limit=30) as ex:
        x = ex.ccxt_exchange(KEY, SECRET)
        x.load_markets()                             # exchangeInfo: weight 20
        with pytest.raises(ccxt.DDoSProtection, match='429'):
            for _ in range(10):                      # 5 weight each
                x.fetch_order_book('BTC/USDT')


def test_pro_watches_trades_my_trades_and_balance(ex):
    async def run():
        pro = ex.ccxt_exchange(KEY, SECRET, pro=True)
        try:
            await pro.load_markets()
            trades = asyncio.ensure_future(pro.watch_trades('BTC/USDT'))
            for _ in range(250):
                if any('btcusdt@trade' in c.streams for c in ex.hub.clients):
                    break
                await asyncio.sleep(0.02)
            await asyncio.get_running_loop().run_in_executor(None, ex.step, 1)
            seen = await asyncio.wait_for(trades, 5)
            assert seen[-1]['price'] == _bar(ex, START).open
            mine = asyncio.ensure_future(pro.watch_my_trades('BTC/USDT'))
            balance = asyncio.ensure_future(pro.watch_balance())
            await asyncio.sleep(0.5)      # the user-data subscription settles
            await pro.create_order('BTC/USDT', 'market', 'buy', 0.01)
            fills = await asyncio.wait_for(mine, 5)
            assert fills[-1]['amount'] == 0.01 and fills[-1]['side'] == 'buy'
            wallet = await asyncio.wait_for(balance, 5)
            assert wallet['BTC']['free'] == pytest.approx(0.5 + 0.01 * 0.999)
        finally:
            await pro.close()
    asyncio.run(asyncio.wait_for(run(), 40))
