"""CCXTFeed's live queue when the engine falls behind: a bar that finds
the queue full is not lost — the stream is ignored until REST has
refetched from that bar, once the queue has room again.  A stub store
stands in for the exchange (no network)."""
import datetime
import queue

import pytest

pytest.importorskip('ccxt', reason='ccxt is an optional dependency (live extras)')

import backtrader as bt  # noqa: E402
from backtrader.feeds.ccxtfeed import CCXTFeed  # noqa: E402

DAY = 86400000
EPOCH = datetime.datetime(1970, 1, 1)


def _row(i, closed=None):
    row = [i * DAY, 10.0 + i, 11.0 + i, 9.0 + i, 10.5 + i, 100.0 + i]
    return row + [closed] if closed is not None else row


class StubStore:
    """Answers ``fetch_ohlcv`` from a fixed list of bars (the last forming)."""

    def __init__(self, rows):
        self.rows, self.fetches = rows, []

    def rest(self, method, symbol, tf, since, limit):
        assert method == 'fetch_ohlcv'
        self.fetches.append(since)
        return [r for r in self.rows if since is None or r[0] >= since][:limit]

    def redact(self, value):
        return str(value)


def _feed(store, size):
    feed = CCXTFeed(store=store, dataname='BTC/USDT', timeframe=bt.TimeFrame.Days)
    feed._live = queue.Queue(size)
    feed._mode = 'live'
    feed._from_ms = feed._to_ms = None
    feed._qcheck = 0.0
    return feed


def _drain(feed):
    out = []
    while not feed._live.empty():
        out.append(feed._live.get_nowait()[0] // DAY)
    return out


def test_a_bar_finding_the_queue_full_is_refetched_not_lost():
    store = StubStore([_row(i) for i in range(1, 9)])      # bar 8 still forming
    feed = _feed(store, 4)
    feed._on_stream([_row(i, closed=True) for i in range(1, 7)])
    assert feed.dropped == 1 and feed._need_backfill and not feed._stream_clean
    assert _drain(feed) == [1, 2, 3, 4]
    feed._on_stream([_row(7, closed=True)])       # ignored: the stream is behind
    assert feed._live.empty()
    feed._backfill()
    assert store.fetches == [4 * DAY + 1]
    assert _drain(feed) == [5, 6, 7] and feed._stream_clean
    feed._on_stream([_row(8, closed=True)])
    assert _drain(feed) == [8] and feed.dropped == 1


def test_the_engine_refetches_only_once_the_queue_has_room():
    store = StubStore([_row(i) for i in range(1, 12)])
    feed = _feed(store, 4)
    feed._on_stream([_row(i, closed=True) for i in range(1, 6)])
    assert feed.dropped == 1
    emitted = []
    for _ in range(20):
        feed.forward()
        if feed._load():
            emitted.append((bt.num2date(feed.lines.datetime[0]) - EPOCH).days)
        else:
            feed.backwards()
    # bars 1..4 out of the queue; the refetch waited for room, then 5..10 came
    assert emitted == list(range(1, 11))
    assert store.fetches[0] == 4 * DAY + 1 and feed.dropped >= 2
