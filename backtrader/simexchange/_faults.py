"""Fault injection for the local exchange: the failures a live trading
client must survive, on demand and reproducible.

A :class:`FaultInjector` plugs into the server's three hooks (HTTP before
and after the request is handled, and every WebSocket message on its way
out) and misbehaves as its settings say.  Everything is off by default, the
settings can change at any time from any thread (``configure``/``clear``,
or over HTTP with ``/admin/faults``), random choices come from one
``random.Random(seed)`` so a run can be replayed, and ``stats`` counts
every fault injected so a test can check it happened.

WebSocket faults (per connection): a disconnect after ``ws_disconnect_every``
messages and/or ``ws_disconnect_seconds`` of its life (``ws_disconnect_mode``
'close': a close frame 1001 "going away", as a server restart sends; 'abort':
a TCP reset with no close frame, as a network failure), a delay of each
message, duplicated messages, reordered messages.

HTTP faults (never on ``/admin/``; only under ``http_paths`` when set):
5xx answers without handling the request, a 429 storm, a delay before the
request is handled, and the ambiguous order: an order request is handled
(the order exists) but its answer is held back ``order_hang_seconds``, the
connection is dropped, or a gateway 504 comes back instead.
"""
from __future__ import annotations

import argparse
import asyncio
import math
import random
import threading
import time
import weakref
from typing import Any, Callable, Optional

from . import _errors as E
from ._http import Request, Response

__all__ = ['FaultInjector', 'SETTINGS', 'ORDER_PATHS', 'admin_routes', 'install',
           'uninstall', 'add_arguments', 'from_args']

ORDER_PATHS = frozenset({'/api/v3/order', '/api/v3/order/oco', '/api/v3/orderList/oco',
                         '/fapi/v1/order', '/fapi/v1/batchOrders', '/fapi/v1/algoOrder'})
ORDER_METHODS = frozenset({'POST', 'DELETE'})
ADMIN_PREFIX = '/admin/'
WS_CLOSE_CODE = 1001
WS_CLOSE_REASON = 'fault injection'
WATCH_PERIOD = 0.05           # how often connection ages are checked
MAX_SECONDS = 3600.0          # upper bound of every duration setting

_INTERNAL_MSG = 'Internal error; unable to process your request. Please try again.'
_ERROR_BODIES = {
    503: {'code': E.DISCONNECTED, 'msg': _INTERNAL_MSG},
    500: {'code': E.UNKNOWN, 'msg': 'An unknown error occurred while processing '
                                    'the request.'},
}
_GATEWAY_PAGE = ('<html>\r\n<head><title>%(s)d %(r)s</title></head>\r\n<body>\r\n'
                 '<center><h1>%(s)d %(r)s</h1></center>\r\n</body>\r\n</html>\r\n')


def _gateway(status: int, reason: str) -> Response:
    """A bare HTML page as a load balancer sends it (then the connection
    closes), not Binance's JSON: the exchange behind it did not answer."""
    body = (_GATEWAY_PAGE % {'s': status, 'r': reason}).encode()
    head = ('HTTP/1.1 %d %s\r\nContent-Type: text/html\r\nContent-Length: %d\r\n'
            'Connection: close\r\n\r\n' % (status, reason, len(body))).encode()
    return Response(status, raw=head + body)


# --- the settings: name -> (coerce(name, value), default, help) -----------------
def _rate(name: str, value: Any) -> float:
    number = _number(name, value)
    if not 0.0 <= number <= 1.0:
        raise ValueError('%s must be a rate between 0 and 1, got %r' % (name, value))
    return number


def _number(name: str, value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError('%s must be a number, got %r' % (name, value))
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError('%s must be a number, got %r' % (name, value)) from None
    if not math.isfinite(number):
        raise ValueError('%s must be finite, got %r' % (name, value))
    return number


def _seconds(name: str, value: Any) -> float:
    number = _number(name, value)
    if not 0.0 <= number <= MAX_SECONDS:
        raise ValueError('%s must be between 0 and %g seconds, got %r'
                         % (name, MAX_SECONDS, value))
    return number


def _positive_seconds(name: str, value: Any) -> float:
    number = _seconds(name, value)
    if number <= 0:
        raise ValueError('%s must be more than 0 seconds, got %r' % (name, value))
    return number


def _count(name: str, value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError('%s must be a whole number, got %r' % (name, value))
    try:
        number = int(value) if not isinstance(value, float) or value.is_integer() \
            else None
    except (TypeError, ValueError):
        number = None
    if number is None or number < 0:
        raise ValueError('%s must be a whole number >= 0, got %r' % (name, value))
    return number


def _seed(name: str, value: Any) -> Optional[int]:
    if value is None or (isinstance(value, str) and value.lower() in ('', 'none')):
        return None
    return _count(name, value)


_TRUE = ('1', 'true', 'yes', 'on')
_FALSE = ('0', 'false', 'no', 'off')


def _flag(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError('%s must be true or false, got %r' % (name, value))


def _choice(*choices: Any) -> Callable[[str, Any], Any]:
    def coerce(name: str, value: Any) -> Any:
        for choice in choices:
            if value == choice or str(value).strip().lower() == str(choice):
                return choice
        raise ValueError('%s must be one of %s, got %r'
                         % (name, ', '.join(map(str, choices)), value))
    return coerce


def _prefixes(name: str, value: Any) -> tuple:
    parts = value.split(',') if isinstance(value, str) else value
    try:
        result = tuple(str(p).strip() for p in parts if str(p).strip())
    except TypeError:
        raise ValueError('%s must be comma-separated path prefixes, got %r'
                         % (name, value)) from None
    for prefix in result:
        if not prefix.startswith('/'):
            raise ValueError('%s: a path prefix starts with /, got %r' % (name, prefix))
    return result


SETTINGS: dict = {
    'enabled': (_flag, True, 'False pauses every fault, keeping the settings'),
    'seed': (_seed, None, 'seed of the random choices (None: from the OS); '
                          'setting it restarts the sequence'),
    'http_paths': (_prefixes, (), 'HTTP faults only for paths starting with one '
                                  'of these (comma-separated; empty: all)'),
    'http_error_rate': (_rate, 0.0, 'share of requests answered with a 5xx, '
                                    'not handled'),
    'http_error_status': (_choice(503, 500, 502), 503,
                          '503 {"code":-1001}, 500 {"code":-1000}, 502 HTML page'),
    'http_storm_seconds': (_seconds, 0.0, 'every request gets 429 -1003 with '
                                          'Retry-After for this long from now'),
    'http_delay': (_seconds, 0.0, 'seconds each request waits before it is handled'),
    'order_ambiguous_rate': (_rate, 0.0, 'share of order requests (POST/DELETE on '
                                         'the order paths) handled, answer lost'),
    'order_ambiguous_mode': (_choice('hang', 'drop', '504'), 'hang',
                             "hang: answer after order_hang_seconds; drop: close "
                             "the connection; 504: gateway timeout page"),
    'order_hang_seconds': (_seconds, 30.0, 'how long a hung answer is held'),
    'ws_disconnect_every': (_count, 0, 'close each connection after this many '
                                       'messages sent to it (0: never)'),
    'ws_disconnect_seconds': (_seconds, 0.0, 'close each connection this long '
                                             'after it was first seen (0: never)'),
    'ws_disconnect_mode': (_choice('close', 'abort'), 'close',
                           'close: close frame 1001; abort: TCP reset'),
    'ws_delay': (_seconds, 0.0, 'seconds each message waits before it is sent'),
    'ws_delay_jitter': (_seconds, 0.0, 'plus a uniform random 0..jitter seconds'),
    'ws_duplicate_rate': (_rate, 0.0, 'share of messages sent twice'),
    'ws_reorder_rate': (_rate, 0.0, 'share of messages held and sent after the next'),
    'ws_reorder_max_hold': (_positive_seconds, 1.0, 'a held message goes out '
                                                    'alone after this long'),
}

STAT_NAMES = ('http_errors', 'http_storm_429', 'http_delayed', 'order_hung',
              'order_released', 'order_dropped', 'order_504', 'ws_disconnect_count',
              'ws_disconnect_time', 'ws_delayed', 'ws_duplicated', 'ws_reordered',
              'ws_held_flushed')


def coerce_setting(name: str, value: Any) -> Any:
    """``value`` (a Python value or its text) checked and converted for the
    setting ``name``; ValueError naming the setting when either is bad."""
    spec = SETTINGS.get(name)
    if spec is None:
        raise ValueError('unknown fault setting %r (known: %s)'
                         % (name, ', '.join(sorted(SETTINGS))))
    return spec[0](name, value)


class _WsState:
    """What the injector remembers about one WebSocket connection."""

    __slots__ = ('born', 'held', 'dropped', '__weakref__')

    def __init__(self) -> None:
        self.born = time.monotonic()
        self.held: Optional[Any] = None
        self.dropped = False      # a disconnect is under way: send nothing more


class FaultInjector:
    """The server's fault hooks; see the module docstring for the faults.

    ``before``/``after``/``shape_ws`` run on the exchange's event loop;
    ``configure``/``clear``/``describe`` may be called from any thread (a
    new settings dict replaces the old one whole, so a hook sees either).
    """

    def __init__(self, seed: Optional[int] = None, **settings: Any) -> None:
        seed = _seed('seed', seed)
        self._settings = {name: spec[1] for name, spec in SETTINGS.items()}
        self._settings['seed'] = seed
        self._lock = threading.Lock()
        self._rng = random.Random(seed)
        self._storm_until = 0.0
        self._clients: 'weakref.WeakKeyDictionary' = weakref.WeakKeyDictionary()
        self._tasks: set = set()
        self._ticking = False         # the age check is scheduled
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._hub: Any = None
        self.stats = dict.fromkeys(STAT_NAMES, 0)
        if settings:
            self.configure(**settings)

    # --- settings -------------------------------------------------------------
    def configure(self, **settings: Any) -> None:
        """Change the named settings (the others stay); all are checked
        before any applies.  ValueError names a bad setting or value."""
        checked = {name: coerce_setting(name, value) for name, value in settings.items()}
        with self._lock:
            merged = dict(self._settings)
            merged.update(checked)
            if 'seed' in checked:
                self._rng = random.Random(checked['seed'])
            if 'http_storm_seconds' in checked:
                self._storm_until = time.monotonic() + checked['http_storm_seconds']
            self._settings = merged
        self._kick_watcher()

    def clear(self) -> None:
        """Every fault off, the stats zeroed (the seed stays)."""
        with self._lock:
            seed = self._settings['seed']
            self._settings = {name: spec[1] for name, spec in SETTINGS.items()}
            self._settings['seed'] = seed
            self._storm_until = 0.0
            self.stats = dict.fromkeys(STAT_NAMES, 0)

    @property
    def settings(self) -> dict:
        """A copy of the current settings."""
        return dict(self._settings)

    def describe(self) -> dict:
        """Settings, the ones away from their default, the storm's time
        left and the stats, as JSON-able values."""
        current = self._settings
        settings = {k: list(v) if isinstance(v, tuple) else v for k, v in current.items()}
        storm_left = round(self._storm_left(), 3)
        active = sorted(k for k, v in current.items() if v != SETTINGS[k][1]
                        and k != 'seed' and (k != 'http_storm_seconds' or storm_left))
        return {'settings': settings, 'active': active,
                'storm_left': storm_left, 'stats': dict(self.stats)}

    def _storm_left(self) -> float:
        return max(0.0, self._storm_until - time.monotonic())

    def _hit(self, rate: float) -> bool:
        if rate <= 0.0:
            return False
        if rate >= 1.0:
            return True
        return self._rng.random() < rate

    def _tally(self, name: str) -> None:
        self.stats[name] = self.stats.get(name, 0) + 1

    # --- wiring -----------------------------------------------------------------
    def attach(self, hub: Any = None,
               loop: Optional[asyncio.AbstractEventLoop] = None) -> None:
        """Know the stream hub (its connections, for time-based disconnects)
        and the exchange's loop (to start that watcher from any thread)."""
        if hub is not None:
            self._hub = hub
        if loop is not None:
            self._loop = loop
        self._kick_watcher()

    def _note_loop(self) -> None:
        loop = asyncio.get_running_loop()
        if loop is not self._loop:    # first call, or the exchange restarted
            self._loop, self._ticking = loop, False
            self._kick_watcher()

    def _kick_watcher(self) -> None:
        loop = self._loop
        if loop is None or self._hub is None or not self._settings['ws_disconnect_seconds']:
            return
        try:
            loop.call_soon_threadsafe(self._start_watcher)
        except RuntimeError:  # the loop is closed: the exchange stopped
            pass

    def _start_watcher(self) -> None:
        if not self._ticking:
            self._ticking = True
            self._check_ages()

    def _check_ages(self) -> None:
        """Drop connections older than ``ws_disconnect_seconds``, again and
        again until the setting goes back to 0.  A loop timer rather than a
        task, so an exchange that stops leaves nothing pending behind."""
        limit = self._settings['ws_disconnect_seconds']
        if not limit:
            self._ticking = False
            return
        if self._settings['enabled']:
            now = time.monotonic()
            for client in list(self._hub.clients):
                state = self._state(client)
                if now - state.born >= limit and not state.dropped \
                        and not client.conn.closed:
                    self._tally('ws_disconnect_time')
                    self._drop(client)
        asyncio.get_running_loop().call_later(min(WATCH_PERIOD, limit / 4),
                                              self._check_ages)

    # --- HTTP hooks ----------------------------------------------------------------
    def _in_scope(self, request: Request, settings: dict) -> bool:
        path = request.path
        if path.startswith(ADMIN_PREFIX) or not settings['enabled']:
            return False
        prefixes = settings['http_paths']
        return not prefixes or path.startswith(prefixes)

    async def before(self, request: Request) -> Optional[Response]:
        """A fault answer instead of handling ``request``, or None."""
        self._note_loop()
        settings = self._settings
        if not self._in_scope(request, settings):
            return None
        left = self._storm_left()
        if left > 0:
            self._tally('http_storm_429')
            return Response(429, {'code': E.TOO_MANY_REQUESTS, 'msg': (
                'Too many requests; current limit is %d request weight per 1 MINUTE. '
                'Please use the websocket for live updates to avoid polling the API.'
                % self._weight_limit())}, {'Retry-After': str(max(1, math.ceil(left)))})
        if self._hit(settings['http_error_rate']):
            self._tally('http_errors')
            status = settings['http_error_status']
            if status == 502:
                return _gateway(502, 'Bad Gateway')
            return Response(status, dict(_ERROR_BODIES[status]))
        if settings['http_delay'] > 0:
            self._tally('http_delayed')
            await asyncio.sleep(settings['http_delay'])
        return None

    def _weight_limit(self) -> int:
        limiter = getattr(getattr(self._hub, 'core', None), 'limiter', None)
        return getattr(limiter, 'limit', 6000)

    async def after(self, request: Request, response: Response) -> Response:
        """The answer the client gets for a handled ``request``."""
        settings = self._settings
        if request.method not in ORDER_METHODS or request.path not in ORDER_PATHS \
                or not self._in_scope(request, settings) \
                or not self._hit(settings['order_ambiguous_rate']):
            return response
        mode = settings['order_ambiguous_mode']
        if mode == 'drop':
            self._tally('order_dropped')
            return Response(response.status, raw=b'')
        if mode == '504':
            self._tally('order_504')
            return _gateway(504, 'Gateway Time-out')
        self._tally('order_hung')
        await asyncio.sleep(settings['order_hang_seconds'])
        self._tally('order_released')
        return response

    # --- WebSocket hook -------------------------------------------------------------
    def _state(self, client: Any) -> _WsState:
        state = self._clients.get(client)
        if state is None:
            state = self._clients[client] = _WsState()
        return state

    async def shape_ws(self, client: Any, message: Any) -> list:
        """The frames to send for one queued ``message`` (maybe none, maybe
        two, maybe after a pause); may close the connection."""
        self._note_loop()
        settings = self._settings
        state = self._state(client)
        if state.dropped or client.conn.closed:
            return []
        if not settings['enabled']:
            return self._with_held(state, [message])
        delay = settings['ws_delay']
        if settings['ws_delay_jitter']:
            delay += self._rng.uniform(0.0, settings['ws_delay_jitter'])
        if delay > 0:
            self._tally('ws_delayed')
            await asyncio.sleep(delay)
        if state.held is None and self._hit(settings['ws_reorder_rate']):
            self._tally('ws_reordered')
            state.held = message
            asyncio.get_running_loop().call_later(
                settings['ws_reorder_max_hold'], self._flush_held, client, state,
                message)
            return []
        out = [message]
        if self._hit(settings['ws_duplicate_rate']):
            self._tally('ws_duplicated')
            out.append(message)
        out = self._with_held(state, out)
        every = settings['ws_disconnect_every']
        if every and client.sent + 1 >= every:
            self._tally('ws_disconnect_count')
            for frame in out:
                await client.conn.send(frame)
            self._drop(client)
            return []
        return out

    @staticmethod
    def _with_held(state: _WsState, out: list) -> list:
        if state.held is not None:
            out.append(state.held)
            state.held = None
        return out

    def _flush_held(self, client: Any, state: _WsState, message: Any) -> None:
        """A held message with no successor within ``ws_reorder_max_hold``
        goes out alone."""
        if state.held is message:
            state.held = None
            self._tally('ws_held_flushed')
            self._spawn(client.conn.send(message))

    def _spawn(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _drop(self, client: Any) -> None:
        """Close or abort ``client``'s connection.  The close runs as a task
        of its own, never inside the stream's writer task: the hub cancels
        that writer once the socket is gone, and a writer busy closing its
        own socket could miss the cancellation (asyncio.wait_for on 3.11)."""
        self._state(client).dropped = True
        if self._settings['ws_disconnect_mode'] == 'abort':
            client.conn.abort()
        else:
            self._spawn(client.conn.close(WS_CLOSE_CODE, WS_CLOSE_REASON))


# --- the admin API ------------------------------------------------------------------
def admin_routes(injector: FaultInjector) -> dict:
    """``GET`` (describe), ``POST`` (configure from the query/form params,
    then describe) and ``DELETE`` (clear, then describe) on ``/admin/faults``,
    in ExchangeCore.routes' format."""
    def show(core: Any, params: dict, key: Any) -> dict:
        return injector.describe()

    def change(core: Any, params: dict, key: Any) -> dict:
        try:
            injector.configure(**params)
        except (ValueError, TypeError) as exc:
            raise E.ExchangeError(E.INVALID_PARAMETER, str(exc)) from None
        return injector.describe()

    def reset(core: Any, params: dict, key: Any) -> dict:
        injector.clear()
        return injector.describe()
    return {('GET', '/admin/faults'): (show, 0, 'NONE'),
            ('POST', '/admin/faults'): (change, 0, 'NONE'),
            ('DELETE', '/admin/faults'): (reset, 0, 'NONE')}


def install(exchange: Any, injector: Optional[FaultInjector] = None) -> FaultInjector:
    """Put ``injector`` (default: a new idle one) into ``exchange``'s hooks
    and its admin routes; before or after ``start()``.  The injector."""
    if injector is None:
        injector = FaultInjector()
    if not isinstance(injector, FaultInjector):
        raise TypeError('injector must be a FaultInjector, not %s'
                        % type(injector).__name__)
    injector.attach(exchange.hub, getattr(exchange, '_loop', None))
    exchange.core.routes.update(admin_routes(injector))
    exchange.core.faults = exchange.hub.faults = injector
    return injector


def uninstall(exchange: Any) -> None:
    """Take the fault hooks and the ``/admin/faults`` routes out again."""
    exchange.core.faults = exchange.hub.faults = None
    for route in admin_routes(FaultInjector()):
        exchange.core.routes.pop(route, None)


# --- the command line ----------------------------------------------------------------
def _fault_arg(text: str) -> tuple:
    name, sep, value = text.partition('=')
    name = name.strip().replace('-', '_')
    if not sep or not name:
        raise argparse.ArgumentTypeError('--fault must look like NAME=VALUE, got %r'
                                         % text)
    try:
        return name, coerce_setting(name, value.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--faults``, ``--fault NAME=VALUE`` (repeatable) and ``--fault-seed``."""
    group = parser.add_argument_group(
        'fault injection', 'settings: ' + ', '.join(sorted(SETTINGS)))
    group.add_argument('--faults', action='store_true',
                       help='install the fault injector (idle unless --fault) and '
                       'its /admin/faults API')
    group.add_argument('--fault', action='append', type=_fault_arg, default=[],
                       metavar='NAME=VALUE', help='a fault setting, e.g. '
                       'http_error_rate=0.1 (repeatable; implies --faults)')
    group.add_argument('--fault-seed', type=int, default=None, metavar='N',
                       help='seed of the random fault choices (implies --faults)')


def from_args(args: argparse.Namespace) -> Optional[FaultInjector]:
    """The injector the parsed arguments ask for, or None (no fault option)."""
    pairs = list(getattr(args, 'fault', None) or [])
    seed = getattr(args, 'fault_seed', None)
    if not (pairs or seed is not None or getattr(args, 'faults', False)):
        return None
    settings = dict(pairs)
    if seed is not None:
        settings['seed'] = seed
    return FaultInjector(settings.pop('seed', None), **settings)
