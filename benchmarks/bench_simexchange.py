"""Throughput and latency of the local exchange (backtrader.simexchange) on
loopback.

    python benchmarks/bench_simexchange.py [--seconds 10] [--symbols 4]
        [--rate 100] [--orders-seconds 10] [--mode limit-cancel|market]
        [--profile]

1. WebSocket delivery: one websocket-client connection subscribed to
   trade, aggTrade, bookTicker, kline_1m and miniTicker of every symbol;
   the clock is stepped in-process in chunks, and a chunk waits while more
   than a window of messages is still unread, so the figure is what the
   exchange delivers without dropping (its per-client queue holds 10,000).
2. Order round trip: signed REST requests on one kept-alive HTTP/1.1
   connection, paced at ``--rate`` orders per second: a LIMIT buy far below
   the market and its cancel (two requests per order), or alternating
   MARKET buys and sells.  Percentiles of the request times, in ms.

Targets (the issue): >= 5,000 messages/s and p99 < 5 ms.  ``--profile``
runs the exchange's thread under cProfile during each phase and prints its
top functions.  Synthetic one-minute bars keep the replay from running out.
"""
from __future__ import annotations

import argparse
import cProfile
import hashlib
import hmac
import http.client
import io
import json
import os
import pstats
import sys
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from backtrader.simexchange import SimExchange  # noqa: E402
from backtrader.simexchange._market import Bar  # noqa: E402

KEY, SECRET = 'bench-key', 'bench-secret'
MSG_TARGET = 5000.0
P99_TARGET_MS = 5.0
KINDS = ('trade', 'aggTrade', 'bookTicker', 'kline_1m', 'miniTicker')
NAMES = ('BTC', 'ETH', 'SOL', 'XRP', 'ADA', 'DOGE', 'LTC', 'DOT')


def synthetic_bars(count: int, base: float) -> list:
    """``count`` one-minute bars wandering around ``base``."""
    bars, price, t0 = [], base, 1_600_000_000_000
    for i in range(count):
        step = base * 0.001 * (((i * 7919) % 13) - 6) / 6.0
        close = round(max(base * 0.5, price + step), 2)
        high = round(max(price, close) + base * 0.0005, 2)
        low = round(min(price, close) - base * 0.0005, 2)
        bars.append(Bar(t0 + i * 60_000, price, high, low, close, 10.0 + i % 5))
        price = close
    return bars


def make_exchange(symbols: int, bars: int) -> SimExchange:
    spot = {'%s/USDT' % NAMES[i]: synthetic_bars(bars, 1000.0 * (i + 1))
            for i in range(symbols)}
    return SimExchange(spot=spot, keys={KEY: SECRET}, start=10,
                       balances=dict({n: 1e6 for n in NAMES}, USDT=1e12),
                       weight_limit=10 ** 9,
                       ping_interval=0)


class Profiled:
    """cProfile switched on inside the exchange's own thread."""

    def __init__(self, ex: SimExchange, enabled: bool) -> None:
        self.ex, self.enabled = ex, enabled
        self.profile = cProfile.Profile() if enabled else None

    def __enter__(self) -> 'Profiled':
        if self.enabled:
            self.ex._call(self.profile.enable)
        return self

    def __exit__(self, *exc) -> None:
        if self.enabled:
            self.ex._call(self.profile.disable)

    def report(self, title: str, top: int = 18) -> None:
        if not self.enabled:
            return
        out = io.StringIO()
        pstats.Stats(self.profile, stream=out).sort_stats('tottime').print_stats(top)
        print('\n--- exchange thread profile: %s (by own time) ---' % title)
        lines = out.getvalue().splitlines()
        start = next((i for i, line in enumerate(lines) if 'ncalls' in line), 0)
        print('\n'.join(lines[start:start + top + 1]))


# --- 1. WebSocket messages per second ------------------------------------------------
def bench_stream(ex: SimExchange, seconds: float, chunk: int, window: int,
                 profile: bool) -> dict:
    import websocket
    streams = ['%susdt@%s' % (name.lower(), kind)
               for name in NAMES[:len(ex.core.tapes)] for kind in KINDS]
    ws = websocket.create_connection(ex.ws_url + '/stream?streams=' + '/'.join(streams),
                                     timeout=10)
    received = [0]
    stop = threading.Event()

    def reader() -> None:
        try:
            while not stop.is_set():
                if ws.recv():
                    received[0] += 1
        except Exception:   # the socket closed under us at the end
            pass
    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not ex.hub.clients or not ex.hub.clients[0].streams:
        if time.monotonic() > deadline:
            raise RuntimeError('the subscription never arrived')
        time.sleep(0.01)
    per_tick = len(streams)
    expected, stalls = 0, 0
    with Profiled(ex, profile) as prof:
        t0 = time.perf_counter()
        end = t0 + seconds
        while time.perf_counter() < end:
            while expected - received[0] > window:     # let the reader catch up
                stalls += 1
                time.sleep(0.0005)
                if time.perf_counter() > end + 5:
                    break
            done = ex.step(ticks=chunk)
            expected += done * per_tick
            if done < chunk:
                break
        # drain what is in flight, bounded
        drain_end = time.perf_counter() + 5
        while received[0] < expected and time.perf_counter() < drain_end:
            time.sleep(0.001)
        elapsed = time.perf_counter() - t0
        got = received[0]
    stop.set()
    ws.close()
    thread.join(2)
    prof.report('WebSocket delivery')
    return {'streams': per_tick, 'expected': expected, 'received': got,
            'seconds': elapsed, 'rate': got / elapsed, 'stalls': stalls}


# --- 2. order round trip -----------------------------------------------------------------
class SignedConnection:
    """One kept-alive HTTP/1.1 connection sending signed requests."""

    def __init__(self, ex: SimExchange) -> None:
        self.conn = http.client.HTTPConnection(ex.host, ex.port, timeout=10)
        self.headers = {'X-MBX-APIKEY': KEY,
                        'Content-Type': 'application/x-www-form-urlencoded'}

    def call(self, method: str, path: str, params: dict) -> tuple:
        params['timestamp'] = int(time.time() * 1000)
        query = urllib.parse.urlencode(params)
        query += '&signature=' + hmac.new(SECRET.encode(), query.encode(),
                                          hashlib.sha256).hexdigest()
        t0 = time.perf_counter()
        if method == 'POST':
            self.conn.request(method, path, body=query, headers=self.headers)
        else:
            self.conn.request(method, path + '?' + query, headers=self.headers)
        resp = self.conn.getresponse()
        body = resp.read()
        ms = (time.perf_counter() - t0) * 1000.0
        if resp.status != 200:
            raise RuntimeError('%s %s -> %d %s' % (method, path, resp.status, body[:200]))
        return ms, json.loads(body)

    def close(self) -> None:
        self.conn.close()


def bench_orders(ex: SimExchange, rate: float, seconds: float, mode: str,
                 profile: bool) -> dict:
    conn = SignedConnection(ex)
    symbol = next(iter(ex.core.tapes))
    far = '%.2f' % (ex.core.last(symbol) * 0.5)
    times = {'create': [], 'cancel': []}
    period = 1.0 / rate
    count = int(rate * seconds)
    late = 0
    for _ in range(20):    # warm up the connection and the code paths
        _place(conn, symbol, far, mode, 0, {'create': [], 'cancel': []})
    with Profiled(ex, profile) as prof:
        start = time.perf_counter()
        for i in range(count):
            slot = start + i * period
            pause = slot - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            else:
                late += 1
            _place(conn, symbol, far, mode, i, times)
        elapsed = time.perf_counter() - start
    conn.close()
    prof.report('orders (%s)' % mode)
    return {'times': times, 'orders': count, 'seconds': elapsed, 'late': late}


def _place(conn: SignedConnection, symbol: str, far: str, mode: str, i: int,
           times: dict) -> None:
    if mode == 'market':
        ms, _ = conn.call('POST', '/api/v3/order', {
            'symbol': symbol, 'side': 'BUY' if i % 2 == 0 else 'SELL',
            'type': 'MARKET', 'quantity': '1', 'newOrderRespType': 'FULL'})
        times['create'].append(ms)
        return
    ms, order = conn.call('POST', '/api/v3/order', {
        'symbol': symbol, 'side': 'BUY', 'type': 'LIMIT', 'timeInForce': 'GTC',
        'quantity': '1', 'price': far})
    times['create'].append(ms)
    ms, _ = conn.call('DELETE', '/api/v3/order', {'symbol': symbol,
                                                  'orderId': order['orderId']})
    times['cancel'].append(ms)


def percentile(values: list, q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float('nan')
    index = min(len(ordered) - 1, max(0, int(round(q / 100.0 * len(ordered) + 0.5)) - 1))
    return ordered[index]


# --- the report ---------------------------------------------------------------------------
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--seconds', type=float, default=10.0,
                        help='WebSocket phase length (default 10)')
    parser.add_argument('--symbols', type=int, default=4, choices=range(1, len(NAMES) + 1),
                        metavar='1..%d' % len(NAMES), help='symbols streamed (default 4)')
    parser.add_argument('--chunk', type=int, default=25,
                        help='ticks per in-process step call (default 25)')
    parser.add_argument('--window', type=int, default=5000,
                        help='unread messages allowed before stepping waits (default 5000)')
    parser.add_argument('--rate', type=float, default=100.0,
                        help='orders per second (default 100)')
    parser.add_argument('--orders-seconds', type=float, default=10.0,
                        help='order phase length (default 10)')
    parser.add_argument('--mode', choices=('limit-cancel', 'market'), default='limit-cancel')
    parser.add_argument('--bars', type=int, default=200_000,
                        help='synthetic bars per symbol (default 200000)')
    parser.add_argument('--profile', action='store_true',
                        help='cProfile the exchange thread in each phase')
    args = parser.parse_args()
    if args.seconds <= 0 or args.orders_seconds <= 0 or args.rate <= 0:
        parser.error('--seconds, --orders-seconds and --rate must be positive')

    with make_exchange(args.symbols, args.bars) as ex:
        stream = bench_stream(ex, args.seconds, args.chunk, args.window, args.profile)
    with make_exchange(1, 1000) as ex:
        orders = bench_orders(ex, args.rate, args.orders_seconds, args.mode, args.profile)

    print('\nsimexchange on loopback (python %s)' % sys.version.split()[0])
    print('%-34s %12s' % ('WebSocket delivery', ''))
    print('  %-32s %12d' % ('streams on one connection', stream['streams']))
    print('  %-32s %12d' % ('messages received', stream['received']))
    print('  %-32s %12d' % ('messages lost', stream['expected'] - stream['received']))
    print('  %-32s %12.2f' % ('seconds', stream['seconds']))
    ok = stream['rate'] >= MSG_TARGET
    print('  %-32s %12.0f   target >= %.0f: %s' % ('messages/s', stream['rate'],
                                                  MSG_TARGET, 'MET' if ok else 'MISSED'))
    print('%-34s' % ('Order round trip (%s, %.0f orders/s, %d orders, %d late slots)'
                     % (args.mode, args.rate, orders['orders'], orders['late'])))
    print('  %-12s %8s %8s %8s %8s %8s' % ('request', 'n', 'p50 ms', 'p90 ms', 'p99 ms',
                                          'max ms'))
    every = orders['times']['create'] + orders['times']['cancel']
    for label, values in (('create', orders['times']['create']),
                          ('cancel', orders['times']['cancel']), ('all', every)):
        if values:
            print('  %-12s %8d %8.2f %8.2f %8.2f %8.2f' % (
                label, len(values), percentile(values, 50), percentile(values, 90),
                percentile(values, 99), max(values)))
    p99 = percentile(every, 99)
    print('  p99 %.2f ms, target < %.0f ms: %s' % (p99, P99_TARGET_MS,
                                                 'MET' if p99 < P99_TARGET_MS else 'MISSED'))


if __name__ == '__main__':
    main()
