"""Paging one missing range out of a ccxt exchange.

``fetch_ohlcv(since=...)`` returns up to ``limit`` bars opening at or
after ``since``; the next page starts one bar after the last one seen.
The walk ends when a page is empty (no more bars: the range was fetched
and holds none), when it passes the range's end, or, defensively, when a
page makes no progress or the number of pages exceeds the number of bars
the range could hold — so a misbehaving exchange can never loop forever.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Any, Callable

__all__ = ['Walk', 'walk_range', 'DataCacheWarning']

FLUSH_ROWS = 50_000


class DataCacheWarning(UserWarning):
    """Data problems found by the cache (gaps, bad bars, a stalled fetch)."""


@dataclass
class Walk:
    """Outcome of paging one range: the bars kept and how far the range is
    known to be complete (``covered_to``: last open time fetched for sure)."""

    first: int
    last: int
    requests: int = 0
    fetched: int = 0
    covered_to: int = -1
    complete: bool = False
    pending: list = field(default_factory=list)


def walk_range(exchange: Any, symbol: str, timeframe: str, step_ms: int,
               first: int, last: int, page_limit: int, closed_by: int,
               flush: Callable[[list, int], None]) -> Walk:
    """Fetch bars opening in ``[first, last]`` and closed by ``closed_by``;
    ``flush(rows, covered_to)`` stores each batch (every ~50,000 rows and
    at the end).  An exception from the exchange is re-raised after what
    was fetched so far has been flushed."""
    walk = Walk(first, last, covered_to=first - 1)
    max_pages = (last - first) // step_ms + 2
    since = first
    try:
        while since <= last:
            if walk.requests >= max_pages:
                _warn_stall(symbol, timeframe, since, 'more pages than the range '
                            'has bars')
                break
            page = exchange.fetch_ohlcv(symbol, timeframe, since=since, limit=page_limit)
            walk.requests += 1
            if not page:
                walk.covered_to = last
                break
            newest = max(row[0] for row in page)
            if newest < since:
                _warn_stall(symbol, timeframe, since, 'the exchange returned bars '
                            'older than requested')
                break
            kept = [list(row) for row in page
                    if first <= row[0] <= last and row[0] + step_ms <= closed_by]
            walk.pending.extend(kept)
            walk.fetched += len(kept)
            walk.covered_to = min(last, newest)
            since = newest + step_ms
            if len(walk.pending) >= FLUSH_ROWS:
                flush(walk.pending, walk.covered_to)
                walk.pending = []
        else:
            walk.covered_to = last
        walk.complete = walk.covered_to >= last
    finally:
        flush(walk.pending, walk.covered_to)
        walk.pending = []
    return walk


def _warn_stall(symbol: str, timeframe: str, since: int, why: str) -> None:
    warnings.warn('data cache: stopped fetching %s %s at %d: %s; the rest of the '
                  'range stays missing' % (symbol, timeframe, since, why),
                  DataCacheWarning, stacklevel=4)
