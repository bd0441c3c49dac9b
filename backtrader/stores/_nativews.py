"""Native streams for ``CCXTStore``: ccxt-shaped ``watch_*`` calls served
by :mod:`backtrader.ws` instead of ccxt.pro.

A store streams one way per venue, chosen by capability (``streams``
param): ccxt.pro when it has the venue, else these native streams when a
stream protocol for the venue is known here, else REST polling.  Native
streams run on the WebSocket manager's own thread (no asyncio), every
feed of a store shares its one connection, and a reconnect resubscribes
every stream and tells each watcher to backfill the gap over REST.

What is served natively: ``watch_ohlcv`` (Binance kline streams, the bar
handed over with its "closed" flag so a feed need not wait for the next
bar's first update).  Account streams stay with ccxt.pro or REST polling.
"""
from __future__ import annotations

import threading
from typing import Any, Callable, Optional

__all__ = ['NativeStreams', 'native_protocol', 'NATIVE_METHODS']

#: ccxt.pro method names (camelCase, as in ``exchange.has``) served here
NATIVE_METHODS = frozenset({'watchOHLCV'})

#: stream hosts when neither the config nor ccxt.pro names one
_BINANCE_HOSTS = {
    ('spot', False): 'wss://stream.binance.com:9443',
    ('future', False): 'wss://fstream.binance.com',
    ('spot', True): 'wss://stream.testnet.binance.vision',
    ('future', True): 'wss://stream.binancefuture.com',
}
_FUTURES_TYPES = ('future', 'swap', 'linear')


def _kind(exchange: Any) -> str:
    if exchange.id == 'binanceusdm':
        return 'future'
    kind = (getattr(exchange, 'options', None) or {}).get('defaultType', 'spot')
    return 'future' if kind in _FUTURES_TYPES else 'spot'


def _declared_ws_url(exchange: Any, kind: str) -> Optional[str]:
    urls = ((getattr(exchange, 'urls', None) or {}).get('api') or {}).get('ws')
    if isinstance(urls, dict):
        url = urls.get(kind)
        return url if isinstance(url, str) else None
    return urls if isinstance(urls, str) else None


def _binance_protocol(exchange: Any, sandbox: bool) -> Any:
    from ..ws import BinanceProtocol
    kind = _kind(exchange)
    url = _declared_ws_url(exchange, kind)
    if url is None:
        url = _BINANCE_HOSTS[(kind, bool(sandbox))]
    # ccxt names the raw-stream endpoint (<host>/ws); the protocol dials
    # the combined endpoint <host>/stream itself
    url = url.rstrip('/')
    if url.endswith('/ws'):
        url = url[:-len('/ws')]
    return BinanceProtocol(url)


#: ccxt exchange id -> builder of its stream protocol
_PROTOCOLS: dict = {'binance': _binance_protocol, 'binanceusdm': _binance_protocol}


def native_protocol(exchange: Any, sandbox: bool = False) -> Any:
    """The :class:`backtrader.ws.StreamProtocol` for ``exchange`` (a ccxt
    exchange object), or None when no native protocol is known for it."""
    builder = _PROTOCOLS.get(getattr(exchange, 'id', None))
    return None if builder is None else builder(exchange, sandbox)


def _kline_row(payload: Any) -> Optional[list]:
    """A Binance kline event as ``[ms, o, h, l, c, v, closed]``."""
    bar = payload.get('k') if isinstance(payload, dict) else None
    if not isinstance(bar, dict):
        return None
    try:
        return [int(bar['t']), float(bar['o']), float(bar['h']), float(bar['l']),
                float(bar['c']), float(bar['v']), bool(bar.get('x'))]
    except (KeyError, TypeError, ValueError):
        return None


class _Watcher:
    __slots__ = ('subscription', 'on_broken', 'on_back')

    def __init__(self, subscription: Any, on_broken: Optional[Callable],
                 on_back: Optional[Callable]) -> None:
        self.subscription = subscription
        self.on_broken = on_broken
        self.on_back = on_back


class NativeStreams:
    """One WebSocket connection of a store, shared by its watchers (one per
    key, as with ccxt.pro).  Built lazily on the first ``watch``."""

    def __init__(self, protocol: Any, name: str, redact: Callable[[Any], str],
                 **manager_settings: Any) -> None:
        self.protocol = protocol
        self.name = name
        self._redact = redact
        self._settings = manager_settings
        self._manager: Any = None
        self._watchers: dict = {}
        self._lock = threading.Lock()
        self._broken = False

    # --- watching ---------------------------------------------------------------
    def watch(self, key: Any, method: str, args: tuple, sink: Callable[[Any], None],
              market: dict, on_broken: Optional[Callable[[str], None]] = None,
              on_back: Optional[Callable[[], None]] = None) -> None:
        if method != 'watch_ohlcv':
            raise ValueError('native streams serve watch_ohlcv only, not %r' % (method,))
        with self._lock:
            if key in self._watchers:
                return
            manager = self._ensure_manager()
            stream = '%s@kline_%s' % (market['id'].lower(), args[1])

            def deliver(payload: Any) -> None:
                row = _kline_row(payload)
                if row is not None:
                    sink([row])
            subscription = manager.subscribe(stream, callback=deliver)
            self._watchers[key] = _Watcher(subscription, on_broken, on_back)

    def unwatch(self, key: Any) -> None:
        with self._lock:
            watcher = self._watchers.pop(key, None)
            manager = self._manager
        if watcher is not None and manager is not None:
            manager.unsubscribe(watcher.subscription)

    def stats(self) -> dict:
        manager = self._manager
        return {} if manager is None else dict(manager.stats)

    def stop(self, timeout: float = 5.0) -> bool:
        with self._lock:
            manager, self._manager = self._manager, None
            self._watchers.clear()
        return True if manager is None else manager.stop(timeout=timeout)

    # --- the manager ---------------------------------------------------------------
    def _ensure_manager(self) -> Any:
        if self._manager is None:
            from ..ws import WebSocketManager
            self._manager = WebSocketManager(
                self.protocol, name=self.name, on_state=self._on_state,
                on_reconnect=self._on_reconnect, **self._settings)
            self._manager.start()
        return self._manager

    def _each(self) -> list:
        with self._lock:
            return list(self._watchers.values())

    def _on_state(self, state: str, info: dict) -> None:
        if state in ('DISCONNECTED', 'RECONNECTING') and not self._broken:
            self._broken = True
            reason = self._redact('websocket %s: %s' % (state.lower(),
                                                          info.get('reason')))
            for watcher in self._each():
                if watcher.on_broken is not None:
                    watcher.on_broken(reason)

    def _on_reconnect(self, info: dict) -> None:
        self._broken = False
        for watcher in self._each():
            if watcher.on_back is not None:
                watcher.on_back()
