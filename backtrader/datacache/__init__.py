"""datacache: a local cache of exchange OHLCV history, so a backtest or a
live feed's warm-up asks the exchange only for bars it has never fetched.

Layout (root: ``DataCache(root=...)``, else ``$BACKTRADER_CACHE``, else
``~/.cache/backtrader/ohlcv``)::

    <root>/<exchange id>/<symbol>/<timeframe>/<YYYY-MM>.parquet   (or .csv.gz)
    <root>/<exchange id>/<symbol>/<timeframe>/<YYYY-MM>.json      (fetched ranges)

Symbols are made file-system safe reversibly: '/' -> '-', ':' -> '_', any
other character outside [A-Za-z0-9.] -> %XX ('BTC/USDT:USDT' ->
'BTC-USDT_USDT').  Rows are ``[timestamp_ms (int), open, high, low, close,
volume]`` (floats), one per bar open time, sorted.  Parquet (zstd) is used
when pyarrow imports, gzip CSV otherwise or with ``format='csv'``; both are
read whichever wrote them.  Every write goes to a temporary file moved into
place (``os.replace``).  Only closed bars are stored (open + timeframe <=
now).  The JSON sidecar of each month records the ranges fetched, so a range
fetched once and found empty (an exchange outage, before the listing) is not
fetched again.  A file that cannot be read raises
:class:`CorruptPartitionError` naming it; the cache never deletes it.
Timeframes are ccxt's fixed-length ones ('1s'...'1w'); '1M'/'1y' are refused.

API (times are epoch ms, ranges inclusive at both ends)::

    cache = DataCache(root=None, format=None)       # format: 'parquet' | 'csv'
    rows = cache.history(exchange, 'BTC/USDT', '1m', start_ms, end_ms=None,
                         page_limit=1000, now_ms=None)
    cache.read(exchange_id, symbol, timeframe, start_ms=None, end_ms=None) -> rows
    cache.write(exchange_id, symbol, timeframe, rows, fetched_ranges=None,
                now_ms=None) -> rows stored
    cache.missing(exchange_id, symbol, timeframe, start_ms, end_ms) -> [(start, end)]
    cache.series() -> [SeriesInfo];  cache.verify() -> [(SeriesInfo, report | error)]
    validate(rows, timeframe_ms, offset_ms=0) -> ValidationReport

``history`` takes a sync ccxt exchange and calls ``exchange.fetch_ohlcv(symbol,
timeframe, since=..., limit=page_limit)`` for each missing range, paging
forward until a page is empty or passes the end (at most one page per bar the
range can hold).  ``now_ms`` defaults to ``exchange.milliseconds()``; pass the
replay time for a simulated exchange.  The rows returned are validated: any
problem is warned about (``DataCacheWarning``) and the report is kept in
``cache.last_report``; ``cache.last_fetch`` (:class:`FetchStats`) counts the
ranges, requests and bars fetched.

Command line::

    python -m backtrader.datacache download --exchange binance --symbol BTC/USDT \\
        --timeframe 1m --from 2024-01-01 [--to 2024-01-31] [--now ...] \\
        [--limit 1000] [--root DIR] [--format parquet|csv] [--config FILE.json]
    python -m backtrader.datacache info   [--root DIR] [--exchange ID] [--symbol S]
    python -m backtrader.datacache verify [--root DIR] [--exchange ID] [--symbol S]

Dates are YYYY-MM-DD (a date-only ``--to`` takes in the whole day), ISO
date-times (UTC unless an offset is given) or epoch ms.  ``--config`` is a
JSON object merged into the ccxt exchange's constructor config (urls,
options, keys).  ``download`` prints one line (bars fetched, ranges and
requests, bars cached, problems found) and exits 1 if the fetch could not
complete; ``verify`` exits 1 if any series has problems or an unreadable
file; bad input (exchange id, symbol, timeframe, dates, --from after --to,
config file) exits 2 with a message naming it.
"""
from __future__ import annotations

from ._cache import DataCache, FetchStats, SeriesInfo
from ._fetch import DataCacheWarning
from ._layout import (default_root, dirname_to_symbol, symbol_to_dirname,
                      timeframe_ms)
from ._storage import HAVE_PYARROW, CacheError, CorruptPartitionError
from ._validate import ValidationReport, validate

__all__ = ['DataCache', 'FetchStats', 'SeriesInfo', 'DataCacheWarning', 'CacheError',
           'CorruptPartitionError', 'ValidationReport', 'validate', 'timeframe_ms',
           'symbol_to_dirname', 'dirname_to_symbol', 'default_root', 'HAVE_PYARROW']
