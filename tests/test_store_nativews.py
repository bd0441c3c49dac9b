"""CCXTStore's native streams: which stream host a ccxt exchange maps to,
and how a Binance kline event becomes a bar row (no network here; the
end-to-end runs are in test_ccxt_live.py)."""
import pytest

ccxt = pytest.importorskip('ccxt', reason='ccxt is an optional dependency (live extras)')

from backtrader.stores._nativews import _kline_row, native_protocol  # noqa: E402


@pytest.mark.parametrize('cls,options,sandbox,url', [
    ('binance', {}, False, 'wss://stream.binance.com:9443/stream'),
    ('binance', {'defaultType': 'future'}, False, 'wss://fstream.binance.com/stream'),
    ('binanceusdm', {}, False, 'wss://fstream.binance.com/stream'),
    ('binance', {}, True, 'wss://stream.testnet.binance.vision/stream'),
    ('binanceusdm', {}, True, 'wss://stream.binancefuture.com/stream'),
])
def test_the_stream_host_follows_market_type_and_sandbox(cls, options, sandbox, url):
    exchange = getattr(ccxt, cls)({'options': options})
    assert native_protocol(exchange, sandbox).url() == url


def test_a_configured_ws_url_wins_and_its_raw_endpoint_is_dropped():
    exchange = ccxt.binance({'options': {'defaultType': 'swap'}})
    exchange.urls['api']['ws'] = {'spot': 'ws://127.0.0.1:9/ws',
                                  'future': 'ws://127.0.0.1:9/futures/ws/'}
    assert native_protocol(exchange).url() == 'ws://127.0.0.1:9/futures/stream'


def test_an_exchange_without_a_native_protocol_has_none():
    assert native_protocol(ccxt.kraken()) is None


def test_a_kline_event_becomes_a_row_with_its_closed_flag():
    event = {'e': 'kline', 'k': {'t': 60000, 'o': '1.5', 'h': '2', 'l': '1', 'c': '1.75',
                                 'v': '10', 'x': True}}
    assert _kline_row(event) == [60000, 1.5, 2.0, 1.0, 1.75, 10.0, True]
    event['k']['x'] = False
    assert _kline_row(event)[6] is False


@pytest.mark.parametrize('payload', [None, [], {'e': 'kline'}, {'k': {'t': 1}},
                                     {'k': {'t': 1, 'o': 'x', 'h': 1, 'l': 1, 'c': 1,
                                            'v': 1}}])
def test_a_malformed_kline_is_skipped(payload):
    assert _kline_row(payload) is None
