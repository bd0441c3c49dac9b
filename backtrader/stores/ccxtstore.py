"""``CCXTStore``: live and paper trading on any exchange ccxt supports.

    store = bt.stores.CCXTStore(exchange='binance', config={'apiKey': K,
                                'secret': S}, market_type='spot')
    cerebro.setbroker(store.getbroker())
    cerebro.adddata(store.getdata(dataname='BTC/USDT', timeframe=bt.TimeFrame.Minutes))

One store per exchange, account, market type and endpoint (calling the
class again with the same ones returns the same store).  REST calls go
through the shared retry policy and weight limiter of ``LiveStore``;
ccxt's own limiter is off so the two never stack.  Streams go one way
per store, chosen by capability (``streams``): ccxt.pro on one asyncio
thread when it has the exchange; else native streams on
:mod:`backtrader.ws` when a stream protocol for the exchange is known
(Binance spot and USDⓈ-M: klines); else REST polling.  Every feed and the
broker of a store share its connections.

Ambiguous order sends (a timeout, a 5xx, a dropped connection while
creating) are resolved by looking the order up by its client order id,
never by sending it again blindly (``create_order``).
"""
from __future__ import annotations

import asyncio
import importlib
import importlib.util
import json
import time
import uuid
from typing import Any, Callable, Optional

from .base import LiveStore, StoreError
from ._aiorunner import AsyncRunner
from ._nativews import NATIVE_METHODS, NativeStreams, native_protocol

__all__ = ['CCXTStore', 'WEIGHTS', 'STREAM_SOURCES', 'new_client_id']

#: values of the ``streams`` param
STREAM_SOURCES = ('auto', 'ccxt.pro', 'native', 'rest')

#: request weight of the calls the store makes (Binance's figures; 1 else)
WEIGHTS = {'load_markets': 40, 'fetch_ohlcv': 5, 'fetch_balance': 20,
           'fetch_open_orders': 6, 'fetch_closed_orders': 20, 'fetch_orders': 20,
           'fetch_my_trades': 20, 'fetch_order': 4, 'fetch_positions': 5,
           'fetch_ticker': 2, 'fetch_time': 1, 'create_order': 1, 'cancel_order': 1}


def _pro_has(exchange_id: str) -> bool:
    try:
        module = importlib.import_module('ccxt.pro')
    except ImportError:
        return False
    return hasattr(module, exchange_id)


def new_client_id(prefix: str = 'bt') -> str:
    """A client order id Binance and most exchanges accept (<= 32 chars)."""
    return '%s%s' % (prefix, uuid.uuid4().hex[:30 - len(prefix)])


class CCXTStore(LiveStore):
    """Params: ``exchange`` (ccxt id, 'binance'), ``config`` (constructor
    config: keys, options, urls...), ``market_type`` ('spot', 'future'/
    'swap'; None: the exchange's default), ``sandbox`` (testnet),
    ``use_ws`` (False: poll over REST, never stream), ``streams``
    ('auto': ccxt.pro, else native, else REST; or one of 'ccxt.pro',
    'native', 'rest' to force it), ``timeout``
    (ms per request, 10000), ``proxy`` (an https proxy URL), plus the
    ``LiveStore`` params (retries, rate limits)."""

    params = (
        ('exchange', 'binance'),
        ('config', None),
        ('market_type', None),
        ('sandbox', False),
        ('use_ws', True),
        ('streams', 'auto'),
        ('timeout', 10000),
        ('proxy', None),
    )

    BrokerCls = None   # set by backtrader.brokers.ccxtbroker
    DataCls = None     # set by backtrader.feeds.ccxtfeed

    @classmethod
    def _singleton_key(cls, *args: Any, **kwargs: Any) -> Any:
        config = dict(kwargs.get('config') or {})
        urls = json.dumps(config.get('urls', {}), sort_keys=True, default=str)
        return (cls, kwargs.get('exchange', 'binance'), config.get('apiKey'),
                kwargs.get('market_type'), bool(kwargs.get('sandbox')), urls)

    def __init__(self) -> None:
        super().__init__()
        if not isinstance(self.p.exchange, str) or not self.p.exchange:
            raise ValueError('CCXTStore: exchange must be a ccxt exchange id such as '
                             "'binance', got %r" % (self.p.exchange,))
        self.p.config = self._keep_secrets(self.p.config)
        self._key = type(self)._singleton_key(
            exchange=self.p.exchange, market_type=self.p.market_type,
            sandbox=self.p.sandbox,
            config=dict(self.p.config, apiKey=self._secrets.get('apiKey')))
        self.exchange = self._make_exchange(pro=False)
        if self.p.rate_limit is None:
            from ._ratelimit import limit_from_exchange
            self.limiter.limit = limit_from_exchange(self.exchange)
        self._runner: Optional[AsyncRunner] = None
        self._pro: Any = None
        self._native: Any = None
        self.stream_source = self._choose_streams()
        self.markets: dict = {}
        self._store_started = False

    def _describe(self) -> str:
        return 'exchange=%s market_type=%s state=%s' % (
            self.p.exchange, self.p.market_type, self.state)

    # --- the ccxt objects -------------------------------------------------------------
    def _make_exchange(self, pro: bool) -> Any:
        try:
            module = importlib.import_module('ccxt.pro' if pro else 'ccxt')
        except ImportError:
            raise ImportError('CCXTStore needs ccxt: pip install "backtrader[live]"') \
                from None
        klass = getattr(module, self.p.exchange, None)
        if klass is None:
            raise ValueError('CCXTStore: ccxt%s has no exchange %r' %
                             ('.pro' if pro else '', self.p.exchange))
        config = {k: v for k, v in self.p.config.items() if v != '***'}
        config.update(self._secrets)
        config['enableRateLimit'] = False       # the store paces the calls
        config.setdefault('enableLastJsonResponse', True)   # to read declared limits
        config.setdefault('timeout', int(self.p.timeout))
        if self.p.market_type:
            options = dict(config.get('options') or {})
            options['defaultType'] = self.p.market_type
            config['options'] = options
        if self.p.proxy:
            config['httpsProxy'] = self.p.proxy
        exchange = klass(config)
        if 'urls' in config and isinstance(config['urls'].get('api'), dict):
            exchange.urls.setdefault('api', {}).update(config['urls']['api'])
        if self.p.sandbox:
            exchange.set_sandbox_mode(True)
        return exchange

    def _choose_streams(self) -> str:
        """'ccxt.pro', 'native' or 'rest': how this store streams."""
        wanted = self.p.streams
        if wanted not in STREAM_SOURCES:
            raise ValueError('CCXTStore: streams must be one of %s, got %r'
                             % (', '.join(map(repr, STREAM_SOURCES)), wanted))
        if not self.p.use_ws or wanted == 'rest':
            return 'rest'
        pro = _pro_has(self.p.exchange)
        native = native_protocol(self.exchange, self.p.sandbox) is not None and \
            importlib.util.find_spec('websocket') is not None
        if wanted == 'ccxt.pro' and not pro:
            raise ValueError('CCXTStore: ccxt.pro has no exchange %r (streams=%r)'
                             % (self.p.exchange, wanted))
        if wanted == 'native' and not native:
            raise ValueError('CCXTStore: no native stream protocol for %r here, or '
                             'websocket-client is missing (streams=%r); use '
                             "'ccxt.pro' or 'rest'" % (self.p.exchange, wanted))
        if wanted == 'auto':
            return 'ccxt.pro' if pro else ('native' if native else 'rest')
        return wanted

    @property
    def has_ws(self) -> bool:
        return self.stream_source != 'rest'

    def ws_has(self, method: str) -> bool:
        """True when this store can stream ``method`` (e.g. 'watchOHLCV')."""
        if self.stream_source == 'native':
            return method in NATIVE_METHODS
        if self.stream_source != 'ccxt.pro':
            return False
        klass = getattr(importlib.import_module('ccxt.pro'), self.p.exchange)
        return bool(klass().has.get(method))

    # --- life cycle ------------------------------------------------------------------
    def start(self, data: Any = None, broker: Any = None) -> None:
        super().start(data=data, broker=broker)
        if not self._store_started:
            self._store_started = True
            self._stop_event.clear()
            self.set_state(self.CONNECTING)
            self.markets = self.rest('load_markets')
            if self.p.rate_limit is None:     # the limit the exchange declares
                from ._ratelimit import declared_limit
                declared = declared_limit(getattr(self.exchange, 'last_json_response',
                                                  None))
                if declared:
                    self.limiter.limit = declared

    def stop(self) -> None:
        """Cancel the streams, close the connections and join the threads;
        the store is forgotten so a new run gets a fresh one."""
        self._stop_event.set()
        if self._native is not None:
            self._native.stop(timeout=5.0)
            self._native = None
        if self._runner is not None:
            pro = self._pro
            self._runner.stop(cleanup=(pro.close if pro is not None else None))
            self._runner = None
            self._pro = None
        self.join_threads()
        closer = getattr(self.exchange, 'close', None)
        if callable(closer):
            try:
                closer()
            except Exception:  # a session that was never opened
                pass
        self._store_started = False
        if self.state != self.DISCONNECTED:
            self.set_state(self.DISCONNECTED)
        with type(self)._instances_lock:
            if type(self)._instances.get(self._key) is self:
                del type(self)._instances[self._key]
            if type(self)._singleton is self:
                type(self)._singleton = None

    # --- REST -----------------------------------------------------------------------
    def _headers(self) -> dict:
        return dict(getattr(self.exchange, 'last_response_headers', None) or {})

    def rest(self, method: str, *args: Any, retry: bool = True, **kwargs: Any) -> Any:
        """``exchange.<method>(*args, **kwargs)``, paced and retried when safe."""
        func = getattr(self.exchange, method)
        weight = WEIGHTS.get(method, 1)
        if method == 'fetch_open_orders' and not (args and args[0]):
            weight = 40
        return self.guarded(func, *args, weight=weight, retry=retry, **kwargs)

    def market(self, symbol: str) -> dict:
        if symbol not in self.exchange.markets:
            known = ', '.join(sorted(self.exchange.markets)[:8])
            raise ValueError('CCXTStore: %s has no market %r (some it has: %s)'
                             % (self.p.exchange, symbol, known))
        return self.exchange.markets[symbol]

    def find_order(self, symbol: str, client_id: str, conditional: bool = False) -> Any:
        """The order sent with ``client_id``, or None when the exchange has
        no such order."""
        params = {'clientOrderId': client_id}
        if conditional:
            params['trigger'] = True
        try:
            return self.rest('fetch_order', None, symbol, params)
        except StoreError as exc:
            if exc.cause_name == 'OrderNotFound':
                return None
            raise

    def create_order(self, symbol: str, otype: str, side: str, amount: float,
                     price: Optional[float], params: dict, client_id: str,
                     conditional: bool = False) -> dict:
        """Send one order, once (see ``send_once``).  Raises StoreError with
        action 'reject' when refused."""
        params = dict(params, clientOrderId=client_id)
        return self.send_once(
            lambda: self.exchange.create_order(symbol, otype, side, amount, price, params),
            lambda: self.find_order(symbol, client_id, conditional), client_id)

    def send_once(self, send: Callable[[], Any], lookup: Callable[[], Any],
                  client_id: str) -> Any:
        """``send()`` a request that creates orders.  When the outcome is
        unknown (timeout, 5xx, dropped connection) ``lookup()`` asks the
        exchange for what the request would have created (by client id);
        only when it answers None is the same request, with the same
        client ids, sent again.  Never two orders for one request."""
        for attempt in range(self.policy.attempts):
            try:
                return self.guarded(send, retry=False, sending_order=True)
            except StoreError as exc:
                if exc.action != 'ambiguous':
                    raise
                self.put_notification('ORDER_AMBIGUOUS', info=self.redact(exc),
                                      client_id=client_id)
            if self._stop_event.wait(self.policy.delay(attempt)):
                break
            found = lookup()
            if found is not None:
                return found
        raise StoreError('order %s: no answer from the exchange after %d tries'
                         % (client_id, self.policy.attempts), 'ambiguous')

    # --- streams (ccxt.pro) -----------------------------------------------------------
    def _ensure_runner(self) -> None:
        if self._runner is None:
            self._runner = AsyncRunner('%s-ws' % self.p.exchange)
            self._runner.start()
            pro = self._make_exchange(pro=True)
            # the markets the REST side loaded, currencies included: ccxt.pro
            # rounds trade fees by currency and drops an update it cannot
            pro.set_markets(self.exchange.markets, self.exchange.currencies)
            self._pro = pro

    def watch(self, key: Any, method: str, args: tuple, sink: Callable[[Any], None],
              on_broken: Optional[Callable[[str], None]] = None,
              on_back: Optional[Callable[[], None]] = None) -> None:
        """Call ``pro.<method>(*args)`` in a loop on the stream thread and
        hand every result to ``sink`` (on that thread: sinks only queue).
        After a failure ``on_broken(reason)``, a backoff, and once the
        stream answers again ``on_back()`` (to backfill what was missed).
        One loop per ``key``.  Native streams serve ``watch_ohlcv`` the
        same way from the WebSocket manager's thread."""
        if self.stream_source == 'native':
            if method != 'watch_ohlcv':
                raise ValueError('CCXTStore(streams=%r): native streams carry bars '
                                 '(watch_ohlcv) only, not %s; leave use_ws=None so '
                                 'the broker polls' % (self.p.streams, method))
            self._native_streams().watch(key, method, args, sink, self.market(args[0]),
                                         on_broken=on_broken, on_back=on_back)
            return
        self._ensure_runner()
        self._runner.keep(key, lambda: self._watch_loop(method, args, sink, on_broken,
                                                         on_back))

    def _native_streams(self) -> Any:
        if self._native is None:
            self._native = NativeStreams(native_protocol(self.exchange, self.p.sandbox),
                                         '%s-native-ws' % self.p.exchange, self.redact)
        return self._native

    def stream_stats(self) -> dict:
        """Counters of the native stream connection (received, delivered,
        dropped, reconnects, lag...); empty when streams are not native or
        not started."""
        return self._native.stats() if self._native is not None else {}

    def unwatch(self, key: Any) -> None:
        if self._native is not None:
            self._native.unwatch(key)
        if self._runner is not None:
            self._runner.drop(key)

    async def _watch_loop(self, method: str, args: tuple, sink: Callable,
                          on_broken: Optional[Callable], on_back: Optional[Callable]) -> None:
        attempt, broken = 0, False
        while not self._stop_event.is_set():
            try:
                result = await getattr(self._pro, method)(*args)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # the stream broke: report, back off, resubscribe
                if not broken and on_broken is not None:
                    on_broken(self.redact('%s: %s' % (type(exc).__name__, exc)))
                broken = True
                await asyncio.sleep(self.policy.delay(min(attempt, 6)))
                attempt += 1
                continue
            if broken:
                broken, attempt = False, 0
                if on_back is not None:
                    on_back()
            sink(result)

    def milliseconds(self) -> int:
        return int(time.time() * 1000)
