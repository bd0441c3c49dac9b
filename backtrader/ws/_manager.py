"""The WebSocket manager: one connection, many streams, one thread.

Why one thread per connection and the sync websocket-client socket: the
live stores need a predictable set of threads (start, stop, join, nothing
left behind), and a blocking ``recv`` with a short socket timeout gives the
same thread a regular chance to send heartbeats, notice a dead peer and
honour ``stop()``.  Subscribe/unsubscribe requests are written from the
caller's thread (websocket-client serialises frame writes with its own
lock; ours orders them against a reconnect's resubscription).
"""
from __future__ import annotations

import itertools
import logging
import socket
import threading
import time
from typing import Any, Callable, Optional, Sequence, Union

from ._backoff import Backoff
from ._protocol import DATA, ERROR, REPLY, StreamProtocol
from ._queue import check_overflow, check_size
from ._subscription import Subscription

try:
    import websocket
except ImportError:    # optional dependency of the live extras
    websocket = None

__all__ = ['State', 'WebSocketManager']

log = logging.getLogger('backtrader.ws')


class State:
    """Connection states reported to ``on_state`` (plain strings)."""
    IDLE = 'IDLE'                  # created, not started
    CONNECTING = 'CONNECTING'
    CONNECTED = 'CONNECTED'
    DISCONNECTED = 'DISCONNECTED'  # the connection was lost (info: reason)
    RECONNECTING = 'RECONNECTING'  # waiting before the next attempt (info: delay)
    STOPPED = 'STOPPED'            # stop() was called or the attempts ran out


def _seconds(name: str, value: Any, optional: bool = False) -> Optional[float]:
    if optional and value in (None, 0):
        return None
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not value > 0:
        raise ValueError('%s must be a positive number of seconds%s, got %r'
                         % (name, ' or None' if optional else '', value))
    return float(value)


def _callable(name: str, value: Any) -> Optional[Callable]:
    if value is not None and not callable(value):
        raise TypeError('%s must be callable or None, got %r' % (name, value))
    return value


def _hard_close(ws: Any) -> None:
    """Shut the socket down at once (wakes a thread blocked in recv)."""
    sock = getattr(ws, 'sock', None)
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


class WebSocketManager:
    """Many streams over one WebSocket connection, kept alive.

    ``protocol`` (a :class:`StreamProtocol`, e.g. ``BinanceProtocol(url)``)
    says where to connect and how to (un)subscribe.  Keyword settings:

    - ``queue_size`` (10000): default bound of each subscription's queue;
      ``overflow`` ('drop_oldest' or 'drop_newest'): which message a full
      queue loses.  The socket thread never waits for a consumer.
    - ``ping_interval`` (20.0 s, None: off): client pings.  Server pings are
      answered by websocket-client as they are read.
    - ``dead_after`` (60.0 s, None: off): no frame at all (data, ping, pong)
      for that long means the connection is dead: it is dropped and
      re-established.  Must exceed ``ping_interval``.
    - ``backoff`` ((0.5, 30.0)): base and max delay between attempts,
      doubled each consecutive failure, jittered into [d/2, d];
      ``max_attempts`` (None: forever): consecutive failed connects before
      giving up (state STOPPED, reason 'gave up'); ``seed`` for the jitter.
    - ``connect_timeout`` (10.0 s): TCP connect plus handshake.
    - ``on_state(state, info)``: every state change (see :class:`State`);
      ``on_reconnect(info)`` after each successful reconnect, once the
      streams were asked for again (info: ``reconnects``, ``down_since``
      (``time.time()``), ``down_for`` (s), ``streams``) — feeds backfill
      the gap over REST there.  Both run on the manager's thread, as do
      subscription callbacks: keep them short.
    - ``name`` ('ws'): name of the manager's thread and in logs.
    - ``connect_options``: extra keyword arguments for
      ``websocket.WebSocket.connect`` (headers, proxy, ...).
    """

    def __init__(self, protocol: StreamProtocol, *, queue_size: int = 10000,
                 overflow: str = 'drop_oldest', ping_interval: Optional[float] = 20.0,
                 dead_after: Optional[float] = 60.0,
                 backoff: Sequence[float] = (0.5, 30.0),
                 max_attempts: Optional[int] = None, connect_timeout: float = 10.0,
                 on_state: Optional[Callable[[str, dict], Any]] = None,
                 on_reconnect: Optional[Callable[[dict], Any]] = None,
                 name: str = 'ws', seed: Optional[int] = None,
                 connect_options: Optional[dict] = None) -> None:
        if websocket is None:
            raise ImportError('WebSocketManager needs websocket-client '
                              '(pip install websocket-client)')
        if not isinstance(protocol, StreamProtocol):
            raise TypeError('protocol must be a StreamProtocol (e.g. BinanceProtocol),'
                            ' got %r' % (protocol,))
        if not isinstance(name, str) or not name:
            raise ValueError('name must be a non-empty str, got %r' % (name,))
        self.protocol = protocol
        self.queue_size = check_size('queue_size', queue_size)
        self.overflow = check_overflow(overflow)
        self.ping_interval = _seconds('ping_interval', ping_interval, optional=True)
        self.dead_after = _seconds('dead_after', dead_after, optional=True)
        if self.ping_interval and self.dead_after and self.dead_after <= self.ping_interval:
            raise ValueError('dead_after (%r) must exceed ping_interval (%r)'
                             % (dead_after, ping_interval))
        self._backoff = Backoff.from_setting(backoff, seed)
        if max_attempts is not None:
            check_size('max_attempts', max_attempts)
        self.max_attempts = max_attempts
        self.connect_timeout = _seconds('connect_timeout', connect_timeout)
        self.on_state = _callable('on_state', on_state)
        self.on_reconnect = _callable('on_reconnect', on_reconnect)
        if connect_options is not None and not isinstance(connect_options, dict):
            raise TypeError('connect_options must be a dict or None, got %r'
                            % (connect_options,))
        self.connect_options = dict(connect_options or {})
        self.name = name
        self._tick = max(0.01, min(0.25, (self.ping_interval or 1.0) / 4,
                                   (self.dead_after or 1.0) / 4))
        self._lock = threading.RLock()
        self._subs: dict = {}             # stream -> [Subscription, ...]
        self._ws: Any = None              # the connected socket, if any
        self._dialing: Any = None         # a socket being connected
        self._pending: dict = {}          # request id -> (method, streams)
        self._ids = itertools.count(1)
        self._stop = threading.Event()
        self._thread: Optional[threading.Thread] = None
        self._state = State.IDLE
        self._state_changed = threading.Condition()
        self._stop_info: dict = {'reason': 'stopped'}
        self._retired = {'delivered': 0, 'dropped': 0}
        self._counts = dict.fromkeys(
            ('received', 'replies', 'unrouted', 'reconnects', 'disconnects',
             'connect_failures', 'pings_sent', 'pongs', 'server_pings', 'errors'), 0)
        self._last: dict = {'last_message_time': None, 'lag_ms': None,
                            'last_error': None, 'connected_since': None}

    def __repr__(self) -> str:
        return '<WebSocketManager %s %s %d streams>' % (self.name, self._state,
                                                        len(self._subs))

    # --- public API ---------------------------------------------------------------
    @property
    def state(self) -> str:
        return self._state

    @property
    def streams(self) -> list:
        """Names of the streams subscribed now (sorted)."""
        with self._lock:
            return sorted(self._subs)

    def start(self) -> 'WebSocketManager':
        """Start the manager's thread (it connects and keeps connecting)."""
        with self._lock:
            if self._thread is not None or self._stop.is_set():
                raise RuntimeError('WebSocketManager %r was already started or '
                                   'stopped; make a new one' % (self.name,))
            self._thread = threading.Thread(target=self._run, name=self.name,
                                            daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> bool:
        """Stop: close the connection, join the thread.  Safe to call more
        than once and from any thread; True when the thread is gone (from
        a callback on the manager's own thread it cannot be joined: the
        thread ends when the callback returns, and this returns False)."""
        timeout = _seconds('timeout', timeout)
        deadline = time.monotonic() + timeout
        with self._lock:
            self._stop.set()
            thread = self._thread
        if thread is None:
            if self._state != State.STOPPED:
                self._close_subscriptions()
                self._set_state(State.STOPPED, {'reason': 'stopped before start'})
            return True
        if thread is threading.current_thread():
            return False
        thread.join(timeout / 2)
        if thread.is_alive():       # stuck in a connect or a close handshake
            with self._lock:
                for ws in (self._ws, self._dialing):
                    if ws is not None:
                        _hard_close(ws)
            thread.join(max(0.0, deadline - time.monotonic()))
        return not thread.is_alive()

    def subscribe(self, stream: str, callback: Optional[Callable[[Any], Any]] = None, *,
                  queue_size: Optional[int] = None,
                  overflow: Optional[str] = None) -> Subscription:
        """Route ``stream`` to a new :class:`Subscription` (a queue, or
        ``callback(payload)`` on the manager's thread).  Any thread, before
        or after ``start()``.  Several subscriptions may share a stream;
        each gets every payload."""
        if not isinstance(stream, str):
            raise TypeError('stream must be a str, got %r' % (stream,))
        if not stream or stream != stream.strip() or ' ' in stream:
            raise ValueError('stream must be a non-empty name without spaces, got %r'
                             % (stream,))
        _callable('callback', callback)
        key = self.protocol.normalise(stream)
        sub = Subscription(key, 'user' if self.protocol.is_user_stream(key) else 'market',
                           callback=callback,
                           queue_size=check_size('queue_size', queue_size or
                                                 self.queue_size),
                           overflow=check_overflow(overflow or self.overflow))
        with self._lock:
            if self._stop.is_set():
                raise RuntimeError('WebSocketManager %r is stopped' % (self.name,))
            subs = self._subs.setdefault(key, [])
            subs.append(sub)
            if len(subs) == 1:
                self._request('SUBSCRIBE', [key])
            elif subs[0].ready.is_set():
                sub.ready.set()
        return sub

    def unsubscribe(self, target: Union[str, Subscription]) -> int:
        """End one subscription (a :class:`Subscription`) or all of a stream
        (its name); the venue is told when a stream has no subscription
        left.  The connection stays open.  Returns how many ended."""
        with self._lock:
            if isinstance(target, Subscription):
                key = target.stream
                ending = [s for s in self._subs.get(key, ()) if s is target]
            elif isinstance(target, str):
                key = self.protocol.normalise(target)
                ending = list(self._subs.get(key, ()))
            else:
                raise TypeError('unsubscribe takes a stream name or a Subscription, '
                                'got %r' % (target,))
            if not ending:
                return 0
            left = [s for s in self._subs[key] if s not in ending]
            if left:
                self._subs[key] = left
            else:
                del self._subs[key]
                self._request('UNSUBSCRIBE', [key])
            for sub in ending:
                self._retired['delivered'] += sub.delivered
                self._retired['dropped'] += sub.dropped
                sub._close()
        return len(ending)

    def subscriptions(self, stream: Optional[str] = None) -> list:
        """The live subscriptions (of ``stream``, or all)."""
        with self._lock:
            if stream is not None:
                return list(self._subs.get(self.protocol.normalise(stream), ()))
            return [s for subs in self._subs.values() for s in subs]

    def wait_state(self, state: str, timeout: float) -> bool:
        """Wait up to ``timeout`` s until the manager is in ``state``."""
        deadline = time.monotonic() + timeout
        with self._state_changed:
            while self._state != state:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._state_changed.wait(left)
            return True

    def wait_connected(self, timeout: float) -> bool:
        return self.wait_state(State.CONNECTED, timeout)

    @property
    def stats(self) -> dict:
        """Counters: ``received`` (frames of data, replies, ...), ``unrouted``
        (data for no subscription), ``delivered``/``dropped`` (summed over
        subscriptions, ended ones included), ``reconnects``, ``disconnects``,
        ``connect_failures``, ``pings_sent``, ``pongs``, ``server_pings``,
        ``errors`` (refusals, bad frames), ``last_error``,
        ``last_message_time`` (``time.time()``), ``lag_ms``,
        ``connected_since``, ``state``, ``streams``, ``subscriptions``."""
        with self._lock:
            subs = [s for group in self._subs.values() for s in group]
            out = dict(self._counts, **self._last)
            out.update(name=self.name, state=self._state, streams=len(self._subs),
                       subscriptions=len(subs),
                       delivered=self._retired['delivered'] + sum(s.delivered
                                                                  for s in subs),
                       dropped=self._retired['dropped'] + sum(s.dropped for s in subs))
        return out

    # --- state ----------------------------------------------------------------------
    def _set_state(self, state: str, info: dict) -> None:
        with self._state_changed:
            self._state = state
            self._state_changed.notify_all()
        log.info('ws %s: %s %s', self.name, state, info)
        self._call_hook(self.on_state, state, dict(info))

    def _call_hook(self, hook: Optional[Callable], *args: Any) -> None:
        if hook is None:
            return
        try:
            hook(*args)
        except Exception:   # a hook's bug must not kill the connection
            self._counts['errors'] += 1
            log.exception('ws %s: hook %r failed', self.name, hook)

    def _close_subscriptions(self) -> None:
        with self._lock:
            for subs in self._subs.values():
                for sub in subs:
                    sub.ready.clear()
                    if sub.queue is not None:
                        sub.queue.close()

    # --- requests -------------------------------------------------------------------
    def _request(self, method: str, streams: list) -> None:
        """Send (un)subscribe requests for ``streams`` on the connection, if
        there is one (else the next connect subscribes).  Lock held."""
        ws = self._ws
        if ws is None or not streams:
            return
        step = self.protocol.max_streams_per_message
        for first in range(0, len(streams), step):
            chunk = tuple(streams[first:first + step])
            ident = next(self._ids)
            self._pending[ident] = (method, chunk)
            build = (self.protocol.subscribe_message if method == 'SUBSCRIBE'
                     else self.protocol.unsubscribe_message)
            try:
                ws.send(build(chunk, ident))
            except (OSError, websocket.WebSocketException) as exc:
                # the reader notices the broken connection; the reconnect
                # asks for every stream again
                log.debug('ws %s: %s not sent: %s', self.name, method, exc)
                return

    # --- the thread -------------------------------------------------------------------
    def _run(self) -> None:
        try:
            self._loop()
        except Exception as exc:     # report, never die silently
            log.exception('ws %s: manager thread failed', self.name)
            self._stop_info = {'reason': 'crashed', 'error': repr(exc)}
        finally:
            self._close_subscriptions()
            self._set_state(State.STOPPED, self._stop_info)

    def _loop(self) -> None:
        failures = 0
        down_since: Optional[float] = None
        while not self._stop.is_set():
            self._set_state(State.CONNECTING, {'url': self.protocol.url(),
                                               'attempt': failures + 1})
            try:
                ws = self._dial()
            except (OSError, websocket.WebSocketException) as exc:
                if self._stop.is_set():
                    return
                failures += 1
                self._counts['connect_failures'] += 1
                self._last['last_error'] = 'connect: %s' % (exc,)
                if self.max_attempts is not None and failures >= self.max_attempts:
                    self._stop_info = {'reason': 'gave up', 'attempts': failures,
                                       'error': str(exc)}
                    return
                if not self._pause(failures + 1, 'connect failed: %s' % (exc,)):
                    return
                continue
            failures = 0
            self._connected(ws, down_since)
            reason = self._read(ws)
            self._drop(ws)
            if self._stop.is_set():
                return
            down_since = time.time()
            self._counts['disconnects'] += 1
            self._set_state(State.DISCONNECTED, {'reason': reason})
            if not self._pause(1, reason):
                return

    def _pause(self, attempt: int, reason: str) -> bool:
        """Wait the backoff delay; False when stop() came meanwhile."""
        delay = self._backoff.delay(attempt)
        self._set_state(State.RECONNECTING, {'attempt': attempt, 'delay': delay,
                                             'reason': reason})
        return not self._stop.wait(delay)

    def _dial(self) -> Any:
        ws = websocket.WebSocket(enable_multithread=True)
        with self._lock:
            self._dialing = ws
        try:
            ws.connect(self.protocol.url(), timeout=self.connect_timeout,
                       **self.connect_options)
            ws.settimeout(self._tick)
        except BaseException:
            ws.shutdown()
            raise
        finally:
            with self._lock:
                self._dialing = None
        return ws

    def _connected(self, ws: Any, down_since: Optional[float]) -> None:
        with self._lock:
            self._ws = ws
            streams = list(self._subs)
            self._request('SUBSCRIBE', streams)
        self._last['connected_since'] = time.time()
        info: dict = {'url': self.protocol.url(), 'streams': len(streams),
                      'reconnects': self._counts['reconnects']}
        if down_since is not None:
            self._counts['reconnects'] += 1
            info['reconnects'] = self._counts['reconnects']
        self._set_state(State.CONNECTED, info)
        if down_since is not None:
            now = time.time()
            self._call_hook(self.on_reconnect, {
                'reconnects': self._counts['reconnects'], 'down_since': down_since,
                'down_for': now - down_since, 'streams': streams})

    def _read(self, ws: Any) -> str:
        """Read until the connection ends; returns why it ended."""
        abnf = websocket.ABNF
        last_seen = last_ping = time.monotonic()
        while not self._stop.is_set():
            now = time.monotonic()
            if self.dead_after is not None and now - last_seen > self.dead_after:
                return 'dead: nothing received for %.1f s' % (now - last_seen,)
            try:
                if self.ping_interval is not None and now - last_ping >= self.ping_interval:
                    last_ping = now
                    ws.ping(b'')
                    self._counts['pings_sent'] += 1
                opcode, data = ws.recv_data(control_frame=True)
            except websocket.WebSocketTimeoutException:
                continue
            except (OSError, websocket.WebSocketException) as exc:
                return 'lost: %s' % (exc or type(exc).__name__,)
            last_seen = time.monotonic()
            if opcode in (abnf.OPCODE_TEXT, abnf.OPCODE_BINARY):
                self._dispatch(data)
            elif opcode == abnf.OPCODE_PONG:
                self._counts['pongs'] += 1
            elif opcode == abnf.OPCODE_PING:
                self._counts['server_pings'] += 1
            elif opcode == abnf.OPCODE_CLOSE:
                return 'closed by server: %s' % (_close_reason(data),)
        return 'stopped'

    def _drop(self, ws: Any) -> None:
        with self._lock:
            self._ws = None
            self._pending.clear()
            for subs in self._subs.values():
                for sub in subs:
                    sub.ready.clear()
        if self._stop.is_set():
            try:
                ws.close(timeout=1.0)
            except (OSError, websocket.WebSocketException):
                pass
        ws.shutdown()

    # --- incoming -------------------------------------------------------------------
    def _dispatch(self, data: Any) -> None:
        self._counts['received'] += 1
        now = time.time()
        self._last['last_message_time'] = now
        message = self.protocol.parse(data)
        if message.kind == DATA:
            with self._lock:
                subs = tuple(self._subs.get(message.stream, ()))
            if not subs:
                self._counts['unrouted'] += 1
                return
            event_ms = self.protocol.event_time(message.payload)
            lag = None if event_ms is None else now * 1000.0 - event_ms
            if lag is not None:
                self._last['lag_ms'] = lag
            for sub in subs:
                sub._deliver(message.payload, now, lag)
        elif message.kind == REPLY:
            self._counts['replies'] += 1
            self._answered(message.ident, None)
        elif message.kind == ERROR:
            self._counts['errors'] += 1
            self._last['last_error'] = message.error
            log.warning('ws %s: venue error %r', self.name, message.error)
            self._answered(message.ident, message.error)

    def _answered(self, ident: Any, error: Any) -> None:
        with self._lock:
            method, streams = self._pending.pop(ident, (None, ()))
            if method != 'SUBSCRIBE':
                return
            for stream in streams:
                for sub in self._subs.get(stream, ()):
                    sub.error = error
                    if error is None:
                        sub.ready.set()


def _close_reason(data: Any) -> str:
    if isinstance(data, (bytes, bytearray)) and len(data) >= 2:
        code = int.from_bytes(data[:2], 'big')
        return '%d %s' % (code, bytes(data[2:]).decode('utf-8', 'replace'))
    return 'no code'
