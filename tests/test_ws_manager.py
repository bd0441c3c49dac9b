"""backtrader.ws: the WebSocket manager against the local exchange over real
sockets (routing, live subscribe/unsubscribe, user data, reconnect after
server closes and resets, dead peers, full queues, thread life cycle), plus
its small parts (protocol, queue, backoff) on their own.  Every wait is
bounded by count and time."""
import base64
import hashlib
import queue
import socket
import threading
import time

import pytest

websocket = pytest.importorskip('websocket', reason='websocket-client is an optional '
                                                    'dependency (live extras)')

from backtrader.simexchange import SimExchange                      # noqa: E402
from _simspot import BTC_DAILY, spot_exchange  # noqa: E402
from backtrader.simexchange._faults import FaultInjector, install  # noqa: E402
from backtrader.ws import (BinanceProtocol, DropQueue, State,        # noqa: E402
                           Subscription, WebSocketManager)
from backtrader.ws._backoff import Backoff                          # noqa: E402

DATA = BTC_DAILY
KEY, SECRET = 'k', 's'
START = 50


# --- helpers --------------------------------------------------------------------
def _until(check, seconds=5.0, what='condition'):
    deadline = time.monotonic() + seconds
    for _ in range(2000):
        if check():
            return True
        if time.monotonic() > deadline:
            break
        time.sleep(0.01)
    raise AssertionError('%s not met within %.1f s' % (what, seconds))


def _take(sub, count, timeout=5.0):
    """``count`` payloads of ``sub``, each within ``timeout``."""
    got = []
    for _ in range(count):
        payload = sub.get(timeout=timeout)
        assert payload is not None, 'only %d of %d messages arrived' % (len(got), count)
        got.append(payload)
    return got


class _Recorder:
    """on_state / on_reconnect sink, safe to read from the test thread."""

    def __init__(self):
        self.states, self.reconnects = [], []
        self._lock = threading.Lock()

    def on_state(self, state, info):
        with self._lock:
            self.states.append((state, info))

    def on_reconnect(self, info):
        with self._lock:
            self.reconnects.append(info)

    def names(self):
        with self._lock:
            return [s for s, _ in self.states]


@pytest.fixture
def ex():
    with spot_exchange(KEY, SECRET, START, {'USDT': 10000.0, 'BTC': 1.0},
                     ping_interval=0.3) as exchange:
        yield exchange


@pytest.fixture
def faults(ex):
    return install(ex, FaultInjector(seed=1))


@pytest.fixture
def make():
    """Build managers with quick test settings; every one is stopped and
    its thread checked gone at teardown."""
    made = []

    def build(url, **settings):
        rec = _Recorder()
        options = dict(ping_interval=0.5, dead_after=3.0, backoff=(0.05, 0.2), seed=1,
                       on_state=rec.on_state, on_reconnect=rec.on_reconnect)
        options.update(settings)
        mgr = WebSocketManager(BinanceProtocol(url), **options)
        made.append(mgr)
        return mgr, rec

    yield build
    for mgr in made:
        assert mgr.stop(timeout=5.0)
    assert not [t for t in threading.enumerate()
                if any(t.name == m.name for m in made)]


def _same_threads(before):
    return _until(lambda: set(threading.enumerate()) <= before, 3.0,
                  'no manager thread left')


# --- parts on their own ------------------------------------------------------------
def test_binance_protocol_urls_names_and_parsing():
    spot = BinanceProtocol('ws://127.0.0.1:9/')
    assert spot.url() == 'ws://127.0.0.1:9/stream'
    assert BinanceProtocol('ws://h:1/futures').url() == 'ws://h:1/futures/stream'
    assert spot.normalise('BTCUSDT@bookTicker') == 'btcusdt@bookTicker'
    assert spot.normalise('!markPrice@arr') == '!markPrice@arr'
    assert spot.normalise('AbCkey') == 'AbCkey'
    assert spot.is_user_stream('pqia91ma19a5s61cv6a81va65sdf19v8a65a1')
    assert not spot.is_user_stream('btcusdt@trade')
    assert not spot.is_user_stream('!markPrice@arr')
    assert spot.subscribe_message(('a@trade',), 3) == \
        '{"method": "SUBSCRIBE", "params": ["a@trade"], "id": 3}'
    assert '"UNSUBSCRIBE"' in spot.unsubscribe_message(['a@trade'], 4)
    data = spot.parse('{"stream":"a@trade","data":{"e":"trade","E":5}}')
    assert (data.kind, data.stream, data.payload) == ('data', 'a@trade',
                                                      {'e': 'trade', 'E': 5})
    assert spot.event_time(data.payload) == 5
    assert spot.event_time([{'E': 7}]) == 7 and spot.event_time({'E': True}) is None
    reply = spot.parse(b'{"result":null,"id":3}')
    assert (reply.kind, reply.ident, reply.payload) == ('reply', 3, None)
    refused = spot.parse('{"error":{"code":2,"msg":"x"},"id":4}')
    assert (refused.kind, refused.ident, refused.error['code']) == ('error', 4, 2)
    assert spot.parse('not json').kind == 'error'
    assert spot.parse('[1, 2]').kind == 'unknown'
    with pytest.raises(ValueError, match='base_url'):
        BinanceProtocol('http://127.0.0.1:9')
    with pytest.raises(TypeError, match='base_url'):
        BinanceProtocol(None)
    with pytest.raises(ValueError, match='max_streams_per_message'):
        BinanceProtocol('ws://h', max_streams_per_message=0)


@pytest.mark.parametrize('overflow,kept', [('drop_oldest', [2, 3, 4]),
                                           ('drop_newest', [0, 1, 2])])
def test_drop_queue_never_blocks_and_counts(overflow, kept):
    q = DropQueue(3, overflow)
    began = time.monotonic()
    results = [q.put(i) for i in range(5)]
    assert time.monotonic() - began < 0.5
    assert results == [True, True, True, False, False]
    assert (q.put_count, q.dropped, q.qsize(), q.full()) == (5, 2, 3, True)
    assert [q.get_nowait() for _ in range(3)] == kept
    assert q.taken == 3 and q.empty()
    with pytest.raises(queue.Empty):
        q.get(timeout=0.01)
    with pytest.raises(ValueError, match='overflow'):
        DropQueue(3, 'block')
    with pytest.raises(ValueError, match='queue_size'):
        DropQueue(0)


def test_drop_queue_close_wakes_a_waiting_reader():
    q = DropQueue(2)
    q.put('left')
    q.close()
    assert q.get(timeout=0.1) == 'left'       # what is queued can still be taken
    woke = []
    reader = threading.Thread(target=lambda: woke.append(
        pytest.raises(queue.Empty, q.get)))
    reader.start()
    reader.join(2.0)
    assert not reader.is_alive() and woke


def test_backoff_grows_caps_and_jitters_repeatably():
    a, b = Backoff(0.5, 4.0, seed=7), Backoff(0.5, 4.0, seed=7)
    delays = [a.delay(n) for n in range(1, 9)]
    assert delays == [b.delay(n) for n in range(1, 9)]
    for n, delay in enumerate(delays, 1):
        ceiling = min(4.0, 0.5 * 2 ** (n - 1))
        assert ceiling / 2 <= delay <= ceiling
    assert max(delays) <= 4.0 and delays[-1] >= 2.0
    assert Backoff(1.0, 1.0).delay(10 ** 6) <= 1.0     # no overflow on huge attempts
    with pytest.raises(ValueError, match='max delay'):
        Backoff(2.0, 1.0)


def test_manager_settings_are_validated():
    proto = BinanceProtocol('ws://127.0.0.1:9')
    bad = [({'queue_size': 0}, ValueError, 'queue_size'),
           ({'overflow': 'block'}, ValueError, 'overflow'),
           ({'ping_interval': -1}, ValueError, 'ping_interval'),
           ({'ping_interval': 5.0, 'dead_after': 5.0}, ValueError, 'dead_after'),
           ({'backoff': 1.0}, TypeError, 'backoff'),
           ({'backoff': (0, 1)}, ValueError, 'backoff'),
           ({'max_attempts': 0}, ValueError, 'max_attempts'),
           ({'connect_timeout': 0}, ValueError, 'connect_timeout'),
           ({'on_state': 'print'}, TypeError, 'on_state'),
           ({'on_reconnect': 1}, TypeError, 'on_reconnect'),
           ({'name': ''}, ValueError, 'name')]
    for settings, error, word in bad:
        with pytest.raises(error, match=word):
            WebSocketManager(proto, **settings)
    with pytest.raises(TypeError, match='protocol'):
        WebSocketManager('ws://127.0.0.1:9')
    mgr = WebSocketManager(proto, ping_interval=None, dead_after=None)
    with pytest.raises(TypeError, match='stream'):
        mgr.subscribe(5)
    with pytest.raises(ValueError, match='stream'):
        mgr.subscribe('btc usdt@trade')
    with pytest.raises(TypeError, match='callback'):
        mgr.subscribe('btcusdt@trade', callback='nope')
    with pytest.raises(TypeError, match='unsubscribe'):
        mgr.unsubscribe(3)
    with pytest.raises(TypeError, match='callback'):
        mgr.subscribe('btcusdt@trade', callback=print).get(0)
    assert mgr.state == State.IDLE
    # stop before start: fine, twice; the manager cannot start afterwards
    assert mgr.stop() and mgr.stop() and mgr.state == State.STOPPED
    with pytest.raises(RuntimeError, match='stopped'):
        mgr.start()
    with pytest.raises(RuntimeError, match='stopped'):
        mgr.subscribe('btcusdt@trade')


# --- against the local exchange --------------------------------------------------------
def test_several_streams_routed_over_one_connection(ex, make):
    mgr, rec = make(ex.ws_url)
    trades = mgr.subscribe('BTCUSDT@trade')           # normalised like Binance echoes
    klines = mgr.subscribe('btcusdt@kline_1d', queue_size=50)
    seen = []
    books = mgr.subscribe('btcusdt@bookTicker', callback=seen.append)
    again = mgr.subscribe('btcusdt@trade')            # a second consumer of a stream
    assert trades.stream == 'btcusdt@trade' and trades.kind == 'market'
    assert isinstance(books, Subscription) and books.queue is None
    mgr.start()
    assert mgr.wait_connected(5.0)
    assert all(s.wait_ready(5.0) for s in (trades, klines, books, again))
    assert len(ex.hub.clients) == 1
    assert ex.hub.clients[0].streams == {'btcusdt@trade', 'btcusdt@kline_1d',
                                         'btcusdt@bookTicker'}
    ex.step(bars=1)
    bar = ex.core.tapes['BTCUSDT'].bars[START]
    got = _take(trades, 4)
    assert [e['e'] for e in got] == ['trade'] * 4
    assert float(got[0]['p']) == bar.open and float(got[-1]['p']) == bar.close
    assert [e['t'] for e in _take(again, 4)] == [e['t'] for e in got]
    lines = _take(klines, 4)
    assert [k['k']['x'] for k in lines] == [False, False, False, True]
    _until(lambda: len(seen) == 4, what='4 book tickers')
    assert all('b' in b and 'a' in b for b in seen)
    assert trades.get(timeout=0.05) is None            # nothing else came
    assert trades.stats['received'] == 4 and trades.stats['delivered'] == 4
    assert trades.stats['lag_ms'] > 0 and trades.stats['last_message_time'] > 0
    stats = mgr.stats
    assert stats['delivered'] == 16 and stats['dropped'] == 0   # trades count twice
    assert stats['received'] == 12 + stats['replies'] and stats['unrouted'] == 0
    assert stats['state'] == State.CONNECTED and stats['streams'] == 3
    assert stats['subscriptions'] == 4 and stats['lag_ms'] is not None
    assert rec.names() == [State.CONNECTING, State.CONNECTED]


def test_subscribe_and_unsubscribe_while_running_keep_the_connection(ex, make):
    mgr, _ = make(ex.ws_url)
    trades = mgr.subscribe('btcusdt@trade')
    mgr.start()
    assert trades.wait_ready(5.0)
    client = ex.hub.clients[0]
    books = mgr.subscribe('btcusdt@bookTicker')       # added live, from this thread
    assert books.wait_ready(5.0)
    assert client.streams == {'btcusdt@trade', 'btcusdt@bookTicker'}
    ex.step(1)
    assert len(_take(trades, 1)) == 1 and len(_take(books, 1)) == 1
    assert mgr.unsubscribe('btcusdt@trade') == 1
    assert mgr.unsubscribe('btcusdt@trade') == 0
    assert not trades.active and trades.get(timeout=0.01) is None
    _until(lambda: client.streams == {'btcusdt@bookTicker'}, what='UNSUBSCRIBE applied')
    assert ex.hub.clients == [client] and mgr.state == State.CONNECTED
    ex.step(2)
    assert len(_take(books, 2)) == 2
    assert trades.stats['received'] == 1 and mgr.streams == ['btcusdt@bookTicker']
    # unsubscribing the last stream leaves the connection open too
    assert mgr.unsubscribe(books) == 1
    _until(lambda: not client.streams, what='last UNSUBSCRIBE applied')
    assert ex.hub.clients == [client] and mgr.stats['reconnects'] == 0
    # subscribing from another thread works as well
    holder = []
    adder = threading.Thread(target=lambda: holder.append(
        mgr.subscribe('btcusdt@miniTicker')))
    adder.start()
    adder.join(5.0)
    assert holder[0].wait_ready(5.0)
    ex.step(1)
    assert _take(holder[0], 1)[0]['e'] == '24hrMiniTicker'


def test_user_data_stream_by_listen_key(ex, make):
    client = ex.binance_client(KEY, SECRET)
    listen_key = client.stream_get_listen_key()
    mgr, _ = make(ex.ws_url)
    events = mgr.subscribe(listen_key)
    market = mgr.subscribe('btcusdt@trade')
    assert events.kind == 'user' and events.stream == listen_key
    mgr.start()
    assert events.wait_ready(5.0) and market.wait_ready(5.0)
    client.create_order(symbol='BTCUSDT', side='SELL', type='MARKET', quantity=0.1,
                        newClientOrderId='ws-1')
    got = _take(events, 3)
    reports = [e for e in got if e['e'] == 'executionReport']
    assert [r['X'] for r in reports] == ['NEW', 'FILLED']
    assert reports[-1]['c'] == 'ws-1' and float(reports[-1]['z']) == 0.1
    assert 'outboundAccountPosition' in [e['e'] for e in got]
    assert market.get(timeout=0.05) is None           # user events stay on their stream


def test_futures_streams_on_the_futures_host(make):
    with SimExchange(futures={'BTC/USDT': DATA}, keys={KEY: SECRET}, start=START) as fx:
        mgr, _ = make(fx.ws_url + '/futures')
        marks = mgr.subscribe('btcusdt@markPrice')
        mgr.start()
        assert marks.wait_ready(5.0)
        fx.step(1)
        assert _take(marks, 1)[0]['e'] == 'markPriceUpdate'
        assert fx.hub.clients[0].market == 'futures'
        assert mgr.stop(5.0)


@pytest.mark.parametrize('mode', ['close', 'abort'])
def test_reconnects_and_resubscribes_after_the_server_cuts(ex, faults, make, mode):
    faults.configure(ws_disconnect_every=5, ws_disconnect_mode=mode)
    mgr, rec = make(ex.ws_url)
    trades = mgr.subscribe('btcusdt@trade')
    mgr.start()
    assert trades.wait_ready(5.0)          # message 1: the SUBSCRIBE reply
    ex.step(bars=1)                        # messages 2-5, then the server cuts
    first = [e['t'] for e in _take(trades, 4)]
    _until(lambda: mgr.stats['reconnects'] >= 1, what='a reconnect')
    assert trades.wait_ready(5.0)          # asked for again on the new connection
    _until(lambda: rec.reconnects, what='on_reconnect')
    ex.step(bars=1)
    second = [e['t'] for e in _take(trades, 4)]
    assert second[0] > first[-1] and len(set(first + second)) == 8
    assert faults.stats['ws_disconnect_count'] >= 1
    info = rec.reconnects[0]
    assert info['streams'] == ['btcusdt@trade'] and info['reconnects'] == 1
    assert info['down_for'] >= 0 and info['down_since'] <= time.time()
    names = rec.names()
    lost = names.index(State.DISCONNECTED)
    assert names[:lost] == [State.CONNECTING, State.CONNECTED]
    assert names[lost:lost + 4] == [State.DISCONNECTED, State.RECONNECTING,
                                    State.CONNECTING, State.CONNECTED]
    reason = rec.states[lost][1]['reason']
    assert ('closed by server: 1001' in reason) if mode == 'close' else reason.startswith('lost')
    assert mgr.stats['disconnects'] >= 1


class _SilentServer:
    """Accepts the WebSocket upgrade, then never sends a byte (no data, no
    pong): a dead peer whose TCP connection stays up."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(('127.0.0.1', 0))
        self.listener.listen(8)
        self.listener.settimeout(0.1)
        self.port = self.listener.getsockname()[1]
        self.accepted = 0
        self.conns = []
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, name='silent-server')
        self.thread.start()

    def _serve(self):
        while not self._stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except socket.timeout:
                continue
            conn.settimeout(2.0)
            request = b''
            while b'\r\n\r\n' not in request and len(request) < 65536:
                chunk = conn.recv(4096)
                if not chunk:
                    break
                request += chunk
            key = [line.split(b':', 1)[1].strip() for line in request.split(b'\r\n')
                   if line.lower().startswith(b'sec-websocket-key:')][0]
            accept = base64.b64encode(hashlib.sha1(
                key + b'258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest())
            conn.sendall(b'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n'
                         b'Connection: Upgrade\r\nSec-WebSocket-Accept: ' + accept +
                         b'\r\n\r\n')
            self.conns.append(conn)       # kept open, never read or written again
            self.accepted += 1

    def close(self):
        self._stop.set()
        self.thread.join(5.0)
        for conn in self.conns:
            conn.close()
        self.listener.close()


def test_dead_connection_is_detected_and_replaced(make):
    server = _SilentServer()
    try:
        mgr, rec = make('ws://127.0.0.1:%d' % server.port, ping_interval=0.1,
                        dead_after=0.4)
        mgr.subscribe('btcusdt@trade')
        began = time.monotonic()
        mgr.start()
        _until(lambda: mgr.stats['reconnects'] >= 1, 5.0, 'reconnect after dead peer')
        assert time.monotonic() - began < 4.0
        assert server.accepted >= 2
        lost = [i for s, i in rec.states if s == State.DISCONNECTED]
        assert lost and lost[0]['reason'].startswith('dead')
        assert mgr.stats['pings_sent'] >= 2 and mgr.stats['pongs'] == 0
        assert mgr.stop(5.0)
    finally:
        server.close()
    assert not server.thread.is_alive()


def test_server_pings_are_answered_and_pongs_keep_it_alive(ex, make):
    # client pings off: the server's pings (every 0.3 s) are answered
    mgr, _ = make(ex.ws_url, ping_interval=None, dead_after=None)
    mgr.subscribe('btcusdt@trade')
    mgr.start()
    assert mgr.wait_connected(5.0)
    _until(lambda: mgr.stats['server_pings'] >= 2, 3.0, 'two server pings')
    conn = ex.hub.clients[0].conn
    assert time.monotonic() - conn.last_pong < 1.0
    assert mgr.stats['pings_sent'] == 0


def test_pongs_alone_keep_a_quiet_connection_alive(make):
    # no server pings, no market data: only the answers to our pings arrive
    with SimExchange(spot={'BTC/USDT': DATA}, keys={KEY: SECRET}, start=START,
                     ping_interval=60.0) as quiet:
        mgr, rec = make(quiet.ws_url, ping_interval=0.1, dead_after=0.8)
        mgr.subscribe('btcusdt@trade')
        mgr.start()
        assert mgr.wait_connected(5.0)
        time.sleep(1.6)                     # twice dead_after
        assert mgr.stats['pongs'] >= 5 and mgr.stats['server_pings'] == 0
        assert mgr.stats['reconnects'] == 0 and mgr.state == State.CONNECTED
        assert State.DISCONNECTED not in rec.names()
        assert mgr.stop(5.0)


def test_a_full_queue_drops_the_oldest_without_blocking(ex, make):
    mgr, _ = make(ex.ws_url)
    trades = mgr.subscribe('btcusdt@trade', queue_size=3)
    seen = []
    books = mgr.subscribe('btcusdt@bookTicker', callback=lambda p: seen.append(p['u']))
    mgr.start()
    assert trades.wait_ready(5.0) and books.wait_ready(5.0)
    ex.step(bars=2)                                    # 8 trades, nobody reading
    _until(lambda: len(seen) == 8, what='book tickers behind the full queue')
    _until(lambda: trades.stats['received'] == 8, what='8 trades routed')
    assert trades.stats['dropped'] == 5 and trades.stats['queued'] == 3
    kept = [e['t'] for e in _take(trades, 3)]
    assert kept == seen[-3:]                           # the newest three survive
    stats = trades.stats
    assert stats['received'] == stats['delivered'] + stats['dropped'] + stats['queued']
    assert mgr.stats['dropped'] == 5 and mgr.state == State.CONNECTED


def test_a_failing_callback_is_counted_and_does_not_stop_delivery(ex, make):
    mgr, _ = make(ex.ws_url)
    calls = []

    def flaky(payload):
        calls.append(payload)
        if len(calls) == 1:
            raise RuntimeError('consumer bug')

    sub = mgr.subscribe('btcusdt@trade', callback=flaky)
    mgr.start()
    assert sub.wait_ready(5.0)
    ex.step(bars=1)
    _until(lambda: len(calls) == 4, what='4 callbacks')
    assert sub.stats['callback_errors'] == 1 and sub.stats['delivered'] == 3
    assert mgr.state == State.CONNECTED


def test_stop_joins_every_thread_and_closes_the_socket(ex, make):
    before = set(threading.enumerate())
    mgr, rec = make(ex.ws_url)
    sub = mgr.subscribe('btcusdt@trade')
    mgr.start()
    assert sub.wait_ready(5.0) and len(ex.hub.clients) == 1
    assert len(set(threading.enumerate()) - before) == 1
    waiting = []
    reader = threading.Thread(target=lambda: waiting.append(sub.get()))  # no timeout
    reader.start()
    began = time.monotonic()
    assert mgr.stop(timeout=5.0)
    assert time.monotonic() - began < 2.5
    reader.join(2.0)
    assert not reader.is_alive() and waiting == [None]   # stop wakes blocked readers
    assert mgr.stop(timeout=1.0)                         # twice is fine
    _same_threads(before)
    _until(lambda: not ex.hub.clients, 3.0, 'the server saw the socket close')
    assert mgr.state == State.STOPPED and rec.names()[-1] == State.STOPPED
    assert rec.names().count(State.STOPPED) == 1


def test_stop_while_the_server_is_gone_and_reconnecting(make):
    ex = SimExchange(spot={'BTC/USDT': DATA}, keys={KEY: SECRET}, start=START).start()
    try:
        before = set(threading.enumerate())
        mgr, rec = make(ex.ws_url, backoff=(0.05, 0.1))
        sub = mgr.subscribe('btcusdt@trade')
        mgr.start()
        assert sub.wait_ready(5.0)
    finally:
        ex.stop()
    _until(lambda: mgr.stats['connect_failures'] >= 2, 5.0, 'failed reconnects')
    assert mgr.state in (State.RECONNECTING, State.CONNECTING)
    assert not sub.ready.is_set()
    # stop from another thread, twice at once
    results = []
    stoppers = [threading.Thread(target=lambda: results.append(mgr.stop(3.0)))
                for _ in range(2)]
    for t in stoppers:
        t.start()
    for t in stoppers:
        t.join(5.0)
    assert results == [True, True]
    _same_threads(before)
    assert mgr.state == State.STOPPED and 'connect' in mgr.stats['last_error']


def test_stop_during_the_backoff_wait_is_prompt(make):
    server = socket.socket()                  # a port nobody answers on
    server.bind(('127.0.0.1', 0))
    port = server.getsockname()[1]
    server.close()
    before = set(threading.enumerate())
    mgr, rec = make('ws://127.0.0.1:%d' % port, backoff=(30.0, 30.0))
    mgr.start()
    assert mgr.wait_state(State.RECONNECTING, 5.0)
    began = time.monotonic()
    assert mgr.stop(5.0) and time.monotonic() - began < 1.0
    _same_threads(before)


def test_max_attempts_gives_up_and_ends_the_thread(make):
    server = socket.socket()
    server.bind(('127.0.0.1', 0))
    port = server.getsockname()[1]
    server.close()
    before = set(threading.enumerate())
    mgr, rec = make('ws://127.0.0.1:%d' % port, backoff=(0.01, 0.02), max_attempts=3)
    sub = mgr.subscribe('btcusdt@trade')
    mgr.start()
    assert mgr.wait_state(State.STOPPED, 5.0)
    _same_threads(before)
    assert rec.states[-1] == (State.STOPPED, rec.states[-1][1])
    assert rec.states[-1][1]['reason'] == 'gave up' and rec.states[-1][1]['attempts'] == 3
    assert mgr.stats['connect_failures'] == 3 and rec.names().count(State.CONNECTING) == 3
    assert sub.get(timeout=None) is None          # the queue was closed: no hang
    assert mgr.stop(1.0)


def test_stop_aborts_a_handshake_that_never_completes(make):
    listener = socket.socket()             # the kernel accepts; nobody answers
    listener.bind(('127.0.0.1', 0))
    listener.listen(4)
    try:
        before = set(threading.enumerate())
        mgr, _ = make('ws://127.0.0.1:%d' % listener.getsockname()[1],
                      connect_timeout=20.0)
        mgr.start()
        assert mgr.wait_state(State.CONNECTING, 5.0)
        time.sleep(0.2)                    # inside the handshake now
        began = time.monotonic()
        assert mgr.stop(timeout=1.0)
        assert time.monotonic() - began < 1.5
        _same_threads(before)
        assert mgr.stats['connect_failures'] == 0      # stopping is no failure
    finally:
        listener.close()
