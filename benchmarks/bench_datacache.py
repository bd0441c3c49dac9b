"""One month of one-minute bars (43,200 rows): read from the local cache
versus fetched from the local exchange over HTTP with ccxt.

    python benchmarks/bench_datacache.py [--repeat 5] [--format parquet|csv]
        [--limit 1000]

The exchange (backtrader.simexchange on 127.0.0.1) serves synthetic bars;
the fetch pages ``fetch_ohlcv`` ``--limit`` bars at a time, as
``DataCache.history`` does on a cold cache.  The read is ``DataCache.read``
of the same month from a warm cache (Parquet or gzip CSV).  The best of
``--repeat`` runs of each is kept and the ratio printed.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from backtrader.datacache import HAVE_PYARROW, DataCache  # noqa: E402
from backtrader.simexchange import SimExchange  # noqa: E402
from backtrader.simexchange._market import Bar  # noqa: E402

KEY, SECRET = 'bench-key', 'bench-secret'
MONTH_BARS = 30 * 24 * 60
T0 = 1_704_067_200_000            # 2024-01-01T00:00Z
MIN = 60_000


def synthetic_month() -> list:
    """43,200 one-minute bars of January 2024 plus one bar of February
    (the replay starts there, so all of January is closed history)."""
    bars, price = [], 40_000.0
    for i in range(MONTH_BARS + 1):
        close = round(price + ((i * 7919) % 13 - 6) * 2.5, 2)
        bars.append(Bar(T0 + i * MIN, price, round(max(price, close) + 5, 2),
                        round(min(price, close) - 5, 2), close, 1.0 + i % 9))
        price = close
    return bars


def fetch_month(exchange, limit: int) -> list:
    rows, since, end = [], T0, T0 + (MONTH_BARS - 1) * MIN
    while since <= end:
        page = exchange.fetch_ohlcv('BTC/USDT', '1m', since=since, limit=limit)
        if not page:
            break
        rows.extend(r for r in page if r[0] <= end)
        since = page[-1][0] + MIN
    return rows


def best(func, repeat: int) -> tuple:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - t0)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--repeat', type=int, default=5)
    parser.add_argument('--format', choices=('parquet', 'csv'),
                        default='parquet' if HAVE_PYARROW else 'csv')
    parser.add_argument('--limit', type=int, default=1000)
    args = parser.parse_args()
    bars = synthetic_month()
    with SimExchange(spot={'BTC/USDT': bars}, keys={KEY: SECRET}, start=MONTH_BARS,
                     weight_limit=10 ** 9) as sim, \
            tempfile.TemporaryDirectory() as root:
        exchange = sim.ccxt_exchange(KEY, SECRET)
        exchange.load_markets()
        fetch_s, fetched = best(lambda: fetch_month(exchange, args.limit),
                                max(1, args.repeat // 2))
        cache = DataCache(root, args.format)
        t0 = time.perf_counter()
        cache.history(exchange, 'BTC/USDT', '1m', T0, T0 + (MONTH_BARS - 1) * MIN,
                      page_limit=args.limit, now_ms=sim.now)
        cold_s = time.perf_counter() - t0
        read_s, rows = best(lambda: cache.read('binance', 'BTC/USDT', '1m', T0,
                                               T0 + (MONTH_BARS - 1) * MIN), args.repeat)
        warm_s, warm = best(lambda: cache.history(
            exchange, 'BTC/USDT', '1m', T0, T0 + (MONTH_BARS - 1) * MIN,
            page_limit=args.limit, now_ms=sim.now), args.repeat)
        size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(root)
                   for f in fs)
    if not (len(fetched) == len(rows) == len(warm) == MONTH_BARS and rows == fetched):
        raise SystemExit('row mismatch: fetched %d, read %d, history %d'
                         % (len(fetched), len(rows), len(warm)))
    pages = -(-MONTH_BARS // args.limit)
    print('one month of 1m bars: %d rows, %d pages of %d' % (MONTH_BARS, pages, args.limit))
    print('fetch over HTTP (ccxt)     %8.3f s' % fetch_s)
    print('history(), cold cache      %8.3f s  (fetch + validate + write %s)'
          % (cold_s, args.format))
    print('read from cache (%-7s)   %8.3f s' % (args.format, read_s))
    print('history(), warm cache      %8.3f s  (read + coverage check + validate)' % warm_s)
    print('ratio fetch / read         %8.1fx' % (fetch_s / read_s))
    print('ratio fetch / warm history %8.1fx' % (fetch_s / warm_s))
    print('cache on disk              %8.1f KiB' % (size / 1024.0))


if __name__ == '__main__':
    main()
