"""``CCXTFeed``: OHLCV bars from a ``CCXTStore`` — history first, then live.

History is paged with ``fetch_ohlcv`` from ``fromdate`` (through the
store's local cache when one is given) up to ``todate`` or now.  Then,
unless ``historical``, live bars come from ``watch_ohlcv`` (ccxt.pro, or
the store's native streams) when the store streams them, else from REST
polling every ``poll_interval`` seconds (default: a tenth of the bar,
1 s to 60 s).

Only closed bars reach the strategy: a bar is closed once a newer bar
has appeared or a native stream flags it closed (the exchange's clock
decides, not ours), so the forming
bar is never emitted unless ``drop_newest=False`` asks for it at the end
of a historical run.  Every bar is emitted once, in order: after the
stream breaks and comes back, the gap is backfilled over REST and bars
already emitted are skipped.

Status through ``notify_data``: DELAYED while replaying history, LIVE
when live bars flow, CONNBROKEN when the stream breaks (LIVE again once
backfilled), DISCONNECTED at the end, NOTSUPPORTED_TF for a timeframe
the exchange lacks.
"""
from __future__ import annotations

import calendar
import collections
import datetime
import queue
import threading
from typing import Any, Optional

from .. import feed
from ..dataseries import TimeFrame
from ..utils import date2num

__all__ = ['CCXTFeed', 'ccxt_timeframe']

_UNITS = {TimeFrame.Seconds: ('s', 1), TimeFrame.Minutes: ('m', 60),
          TimeFrame.Days: ('d', 86400), TimeFrame.Weeks: ('w', 604800),
          TimeFrame.Months: ('M', 2592000)}
LIVE_QUEUE = 10000


def ccxt_timeframe(timeframe: int, compression: int) -> tuple:
    """(ccxt timeframe string, bar length in ms) for a backtrader
    timeframe and compression: (Minutes, 60) -> ('1h', 3600000)."""
    if timeframe not in _UNITS:
        raise ValueError('CCXTFeed: timeframe %r has no exchange equivalent'
                         % (TimeFrame.getname(timeframe, compression),))
    unit, seconds = _UNITS[timeframe]
    if unit == 'm' and compression % 60 == 0:
        unit, seconds, compression = 'h', 3600, compression // 60
    return '%d%s' % (compression, unit), compression * seconds * 1000


def _epoch_ms(dt: Optional[datetime.datetime]) -> Optional[int]:
    if dt is None:
        return None
    if dt.tzinfo is not None:
        dt = dt.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    return calendar.timegm(dt.timetuple()) * 1000 + dt.microsecond // 1000


class CCXTFeed(feed.DataBase):
    """Params (besides the usual ``dataname`` = the ccxt symbol,
    ``timeframe``/``compression``, ``fromdate``/``todate``): ``store``
    (a CCXTStore), ``historical`` (False: go live after the history),
    ``backfill_start`` (True: load history from ``fromdate``, or the
    latest ``ohlcv_limit`` bars when no fromdate), ``ohlcv_limit``
    (bars per request, 1000), ``drop_newest`` (True), ``poll_interval``
    (None: from the timeframe), ``use_ws`` (None: when the exchange
    streams OHLCV), ``cache`` (a DataCache for cache-first history),
    ``qcheck`` (0.5 s the engine waits for a live bar)."""

    params = (
        ('store', None),
        ('historical', False),
        ('backfill_start', True),
        ('ohlcv_limit', 1000),
        ('drop_newest', True),
        ('poll_interval', None),
        ('use_ws', None),
        ('cache', None),
        ('qcheck', 0.5),
    )

    def __init__(self) -> None:
        if self.p.store is None:
            raise ValueError('CCXTFeed needs store=CCXTStore(...) (or use '
                             'store.getdata(...))')
        self.store = self.p.store
        self.symbol = str(self.p.dataname)
        self.tf, self.bar_ms = ccxt_timeframe(self.p.timeframe, self.p.compression)
        self._history: collections.deque = collections.deque()
        self._live: queue.Queue = queue.Queue(LIVE_QUEUE)
        self._pending: Optional[list] = None     # the newest bar, maybe forming
        self._emitted = -1                       # open time of the last bar out
        self._queued = -1                        # open time of the last bar queued
        self._lock = threading.Lock()
        self._need_backfill = False
        self._stream_clean = True      # False from a break until backfilled
        self._mode = 'idle'
        self.dropped = 0
        self.backfilled = 0

    def islive(self) -> bool:
        return not self.p.historical

    def haslivedata(self) -> bool:
        return bool(self._history) or not self._live.empty()

    # --- start / stop -----------------------------------------------------------------
    def start(self) -> None:
        super().start()
        self.store.start(data=self)
        self.store.market(self.symbol)       # an unknown symbol fails here, named
        if self.tf not in (self.store.exchange.timeframes or {self.tf: 1}):
            self.put_notification(self.NOTSUPPORTED_TF)
            self._mode = 'done'
            return
        self._from_ms = _epoch_ms(self.p.fromdate)
        self._to_ms = _epoch_ms(self.p.todate)
        self._mode = 'history' if self.p.backfill_start else 'live'
        if self._mode == 'history':
            self.put_notification(self.DELAYED)
            self._load_history()

    def stop(self) -> None:
        if self._mode == 'live':
            self.store.unwatch(('ohlcv', self.symbol, self.tf))
        self._mode = 'done'
        self.put_notification(self.DISCONNECTED)

    # --- history ------------------------------------------------------------------------
    def _fetch(self, since: Optional[int], limit: Optional[int] = None) -> list:
        limit = limit or int(self.p.ohlcv_limit)
        return self.store.rest('fetch_ohlcv', self.symbol, self.tf, since, limit)

    def _load_history(self) -> None:
        cache = self.p.cache
        if cache is not None and self._from_ms is not None:
            rows = cache.history(self.store.exchange, self.symbol, self.tf, self._from_ms,
                                 self._to_ms, page_limit=int(self.p.ohlcv_limit))
            self._take(rows)
            since = (self._queued + self.bar_ms) if self._queued >= 0 else self._from_ms
        else:
            since = self._from_ms
            if since is None:      # the latest page
                self._take(self._fetch(None))
                return
        for _ in range(100000):    # bounded: each page moves forward or ends
            rows = self._fetch(since)
            fresh = [r for r in rows if r[0] > self._queued]
            self._take(rows)
            if not fresh or len(rows) < int(self.p.ohlcv_limit) or \
                    (self._to_ms is not None and rows[-1][0] > self._to_ms):
                return
            since = fresh[-1][0] + 1

    def _take(self, rows: list, into: Optional[Any] = None) -> None:
        """Queue the closed bars of ``rows`` (ascending): those older than
        the newest seen; the newest is kept as pending (it may be forming)
        unless its row carries a seventh item True (native streams flag a
        bar the exchange closed)."""
        with self._lock:
            for row in sorted(rows, key=lambda r: r[0]):
                ts = int(row[0])
                if ts <= self._queued:
                    continue
                if self._from_ms is not None and ts < self._from_ms:
                    continue
                pending = self._pending
                if pending is not None and ts > pending[0]:
                    if not self._push(pending, into):
                        return
                if pending is None or ts >= pending[0]:
                    self._pending = [ts] + [float(v) if v is not None else 0.0
                                            for v in row[1:6]]
                    if len(row) > 6 and row[6] is True:    # a stream says: closed
                        if not self._push(self._pending, into):
                            return
                        self._pending = None

    def _push(self, row: list, into: Optional[Any]) -> bool:
        """Queue one closed bar; False when the live queue was full."""
        if row[0] <= self._queued:
            return True
        if self._to_ms is not None and row[0] > self._to_ms:
            return True
        if into is None and self._mode == 'history':
            self._history.append(row)
        else:
            try:
                self._live.put_nowait(row)
            except queue.Full:
                # the engine is behind: nothing more from the stream until
                # the queue has room and REST has refetched from this bar
                self.dropped += 1
                self._stream_clean = False
                self._need_backfill = True
                return False
        self._queued = row[0]
        return True

    # --- live -------------------------------------------------------------------------------
    def _go_live(self) -> None:
        self._mode = 'live'
        use_ws = self.p.use_ws
        if use_ws is None:
            use_ws = self.store.ws_has('watchOHLCV')
        if use_ws:
            self.store.watch(('ohlcv', self.symbol, self.tf), 'watch_ohlcv',
                             (self.symbol, self.tf), self._on_stream,
                             on_broken=self._on_broken, on_back=self._on_back)
        else:
            self.store.spawn(self._poll, 'poll-%s-%s' % (self.symbol, self.tf))
        self._need_backfill = True
        self.put_notification(self.LIVE)

    def _on_stream(self, candles: Any) -> None:
        """Stream thread: candles (the ccxt.pro cache) into the queue.
        After a break the last updates of the bar then forming may be
        lost, so the stream is not trusted to close it: its candles are
        ignored until the REST backfill has settled the gap."""
        if not self._stream_clean:
            self._need_backfill = True
            return
        self._take(list(candles or ()), into=self._live)

    def _on_broken(self, reason: str) -> None:
        self._stream_clean = False
        self.put_notification(self.CONNBROKEN, reason)

    def _on_back(self) -> None:
        self._need_backfill = True

    def _poll(self) -> None:
        interval = self.p.poll_interval
        if interval is None:
            interval = min(60.0, max(1.0, self.bar_ms / 10000.0))
        stop = self.store.stopping
        while not stop.wait(interval) and self._mode == 'live':
            try:
                since = self._queued + 1 if self._queued >= 0 else None
                self._take(self._fetch(since), into=self._live)
            except Exception as exc:  # reported; the next poll tries again
                self.put_notification(self.CONNBROKEN, self.store.redact(exc))
                self._need_backfill = True

    def _backfill(self) -> None:
        """Main thread: fetch what the stream may have missed."""
        self._need_backfill = False
        since = self._queued + 1 if self._queued >= 0 else None
        try:
            rows = self._fetch(since)
        except Exception as exc:  # try again on the next load
            self._need_backfill = True
            self.put_notification(self.CONNBROKEN, self.store.redact(exc))
            return
        before = self._queued
        with self._lock:
            pending = self._pending
            if pending is not None and not self._stream_clean:
                self._pending = None      # its stream values may be stale
        dropped = self.dropped
        self._take(rows, into=self._live)
        if self.dropped == dropped:        # else still behind: stay unclean
            self._stream_clean = True
        if self._queued > before:
            self.backfilled += 1
        self.put_notification(self.LIVE)

    # --- the engine's side --------------------------------------------------------------------
    def _load(self) -> Any:
        if self._mode == 'history':
            if self._history:
                return self._fill(self._history.popleft())
            if self.p.historical or (self._to_ms is not None and
                                     self._queued >= self._to_ms - self.bar_ms):
                return self._finish()
            self._go_live()
        if self._mode == 'live':
            if self._need_backfill and self._live.qsize() <= self._live.maxsize // 2:
                self._backfill()
            try:
                row = self._live.get(timeout=max(0.0, self._qcheck))
            except queue.Empty:
                return None
            if self._to_ms is not None and row[0] > self._to_ms:
                return self._finish()
            return self._fill(row)
        return False

    def _finish(self) -> bool:
        if not self.p.drop_newest and self._pending is not None and \
                self._pending[0] > self._emitted and \
                (self._to_ms is None or self._pending[0] <= self._to_ms):
            row, self._pending = self._pending, None
            return self._fill(row)
        self._mode = 'done'
        return False

    def _fill(self, row: list) -> bool:
        if row[0] <= self._emitted:
            return self._load()
        self._emitted = row[0]
        stamp = datetime.datetime(1970, 1, 1) + datetime.timedelta(milliseconds=row[0])
        lines = self.lines
        lines.datetime[0] = date2num(stamp)
        lines.open[0], lines.high[0], lines.low[0], lines.close[0] = row[1:5]
        lines.volume[0] = row[5]
        lines.openinterest[0] = 0.0
        return True


def _register() -> None:
    from ..stores.ccxtstore import CCXTStore
    CCXTStore.DataCls = CCXTFeed


_register()
