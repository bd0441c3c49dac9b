"""WebSocket streams for the live stores.

One :class:`WebSocketManager` keeps one connection to a venue's stream
host: many streams on it, each message routed by stream name to a
:class:`Subscription` (a bounded queue that never blocks the socket, or a
callback), heartbeats, dead-peer detection, reconnect with capped
exponential backoff plus jitter, and resubscription of every stream after a
reconnect (with an ``on_reconnect`` hook so feeds can backfill the gap).
What differs between venues is a small protocol object;
:class:`BinanceProtocol` is the first::

    from backtrader.ws import WebSocketManager, BinanceProtocol
    mgr = WebSocketManager(BinanceProtocol('wss://stream.binance.com:9443'),
                           ping_interval=20.0, dead_after=60.0)
    klines = mgr.subscribe('btcusdt@kline_1m')
    mgr.subscribe(listen_key, callback=on_user_event)   # user-data stream
    mgr.start()
    payload = klines.get(timeout=1.0)     # a kline event dict, or None
    mgr.stop(timeout=5.0)

Needs websocket-client (the live extras).
"""
from ._protocol import BinanceProtocol, Incoming, StreamProtocol
from ._queue import DropQueue, OVERFLOW_POLICIES
from ._subscription import Subscription
from ._manager import State, WebSocketManager

__all__ = ['WebSocketManager', 'BinanceProtocol', 'StreamProtocol', 'Incoming',
           'Subscription', 'DropQueue', 'OVERFLOW_POLICIES', 'State']
