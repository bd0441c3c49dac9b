"""Binance's WebSocket streams on the local exchange.

Paths: ``/ws/<stream>[/<stream>...]`` (raw payloads), ``/stream?streams=a/b``
(combined: ``{"stream": name, "data": payload}``), ``/ws`` followed by
``SUBSCRIBE`` messages; a listen key in place of a stream name (or as a
``listenKey`` query parameter) is that account's user-data stream.  The
same under ``/futures`` (optionally ``/futures/{public,market,private}``,
Binance's split hosts) serves the USDⓈ-M venue, which adds
``<s>@markPrice[@1s]``, ``!markPrice@arr`` and
``<s>_perpetual@continuousKline_<interval>``.  Messages from the client: ``SUBSCRIBE``,
``UNSUBSCRIBE``, ``LIST_SUBSCRIPTIONS``, ``SET_PROPERTY``/``GET_PROPERTY``
(``combined``), answered ``{"result": ..., "id": ...}``.

Market streams, on every replayed tick of the symbol: ``<s>@trade``,
``<s>@aggTrade``, ``<s>@bookTicker``, ``<s>@kline_<interval>`` (the bar in
progress, ``x`` true on its last tick), ``<s>@miniTicker``.
"""
from __future__ import annotations

import asyncio
import json
from typing import Any, Optional
from urllib.parse import parse_qsl

from ._market import INTERVALS_MS
from ._rules import fmt

__all__ = ['StreamHub']

MAX_STREAMS = 1024


class _Client:
    """One WebSocket connection and what it listens to."""

    def __init__(self, conn: Any, combined: bool, market: str = 'spot') -> None:
        self.conn = conn
        self.combined = combined
        self.market = market        # the venue its market streams come from
        self.streams: set = set()
        self.queue: asyncio.Queue = asyncio.Queue(maxsize=10000)
        self.sent = 0


class StreamHub:
    """Routes market ticks and account events to the subscribed sockets."""

    def __init__(self, core: Any, ping_interval: float = 20.0) -> None:
        self.core = core
        self.ping_interval = ping_interval
        self.clients: list = []
        self.faults = None
        core.tick_listeners.append(self._on_ticks)
        for key, account in core.accounts.items():
            account.listeners.append(
                lambda event, key=key: self._on_account(key, event, 'spot'))
        for key, account in core.futures_accounts.items():
            account.listeners.append(
                lambda event, key=key: self._on_account(key, event, 'futures'))

    # --- connections --------------------------------------------------------------
    async def serve(self, conn: Any, path: str, query: str) -> None:
        """Run one connection until it closes."""
        if path.rstrip('/') == '/ws-api/v3':
            await self._serve_api(conn)
            return
        names, combined, market = self._initial(path, query)
        if names is None:
            await conn.close(1008, 'unknown path %s' % path)
            return
        client = _Client(conn, combined, market)
        for name in names:
            client.streams.add(self._normalise(name))
        self.clients.append(client)
        writer = asyncio.ensure_future(self._writer(client))
        pinger = asyncio.ensure_future(self._pinger(client))
        try:
            while True:
                message = await conn.recv()
                if message is None:
                    break
                reply = self._control(client, message)
                if reply is not None:
                    self._push(client, reply)
        finally:
            self.clients.remove(client)
            writer.cancel()
            pinger.cancel()
            await conn.close()

    async def _serve_api(self, conn: Any) -> None:
        """Binance's WebSocket API, the part clients use for the user-data
        stream: ``userDataStream.subscribe.signature`` / ``.unsubscribe``,
        ``ping`` and ``time``.  Events then arrive as
        ``{"subscriptionId": n, "event": {...}}``."""
        client = _Client(conn, False)
        self.clients.append(client)
        writer = asyncio.ensure_future(self._writer(client))
        subscriptions: dict = {}
        try:
            while True:
                message = await conn.recv()
                if message is None:
                    break
                self._push(client, self._api_call(client, message, subscriptions))
        finally:
            for account, listener in subscriptions.values():
                if listener in account.listeners:
                    account.listeners.remove(listener)
            self.clients.remove(client)
            writer.cancel()
            await conn.close()

    def _api_call(self, client: _Client, message: Any, subscriptions: dict) -> dict:
        from . import _errors as E
        import time as _time
        try:
            request = json.loads(message)
            ident, method = request.get('id'), request.get('method')
            params = request.get('params') or {}
        except (ValueError, AttributeError):
            return {'id': None, 'status': 400,
                    'error': {'code': -1102, 'msg': 'Malformed request: not a JSON object.'}}
        try:
            if method == 'ping':
                result: Any = {}
            elif method == 'time':
                result = {'serverTime': int(_time.time() * 1000)}
            elif method == 'userDataStream.subscribe.signature':
                key = self.core.credentials.verify_ws(params)
                account = self.core.accounts[key]
                sub_id = len(subscriptions)

                def forward(event: dict, sub_id: int = sub_id) -> None:
                    self._push(client, {'subscriptionId': sub_id, 'event': event})
                account.listeners.append(forward)
                subscriptions[sub_id] = (account, forward)
                result = {'subscriptionId': sub_id}
            elif method == 'userDataStream.unsubscribe':
                sub_id = params.get('subscriptionId')
                for sid in ([sub_id] if sub_id is not None else list(subscriptions)):
                    account, listener = subscriptions.pop(sid, (None, None))
                    if account is not None and listener in account.listeners:
                        account.listeners.remove(listener)
                result = {}
            else:
                raise E.ExchangeError(-1020, 'Unsupported method %r.' % (method,))
        except E.ExchangeError as exc:
            return {'id': ident, 'status': exc.status, 'error': exc.body()}
        return {'id': ident, 'status': 200, 'result': result, 'rateLimits': []}

    @staticmethod
    def _initial(path: str, query: str) -> tuple:
        """(stream names, combined, market) of a connection path; names
        None for a path that is not a stream endpoint."""
        market = 'spot'
        if path.startswith('/futures/'):
            market, path = 'futures', path[len('/futures'):]
            for category in ('/public', '/market', '/private'):
                if path.startswith(category + '/'):  # Binance's split futures hosts
                    path = path[len(category):]
                    break
        query_args = dict(parse_qsl(query))
        extra = [query_args['listenKey']] if query_args.get('listenKey') else []
        if path.rstrip('/') == '/stream':
            streams = query_args.get('streams', '')
            return [s for s in streams.split('/') if s] + extra, True, market
        if path.rstrip('/') == '/ws':
            return extra, False, market
        if path.startswith('/ws/'):
            names = [s for s in path[len('/ws/'):].split('/') if s]
            return names + extra, False, market
        return None, False, market

    def _normalise(self, name: str) -> str:
        # the symbol part of a market stream is lower case; the kind keeps
        # Binance's spelling (bookTicker, aggTrade); listen keys as they are
        symbol, at, kind = str(name).partition('@')
        return symbol.lower() + at + kind if at else name

    def _control(self, client: _Client, message: Any) -> Optional[dict]:
        try:
            request = json.loads(message)
            method = request.get('method')
            ident = request.get('id')
            params = request.get('params') or []
        except (ValueError, AttributeError):
            return {'error': {'code': 3, 'msg': 'Invalid JSON: expected an '
                                                'object with a method'}}
        if not isinstance(params, list) or not all(isinstance(p, (str, bool, int))
                                                   for p in params):
            return {'error': {'code': 2, 'msg': 'Invalid request: params must be a '
                              'list of stream names'}, 'id': ident}
        if method == 'SUBSCRIBE':
            if len(client.streams) + len(params) > MAX_STREAMS:
                return {'error': {'code': 2, 'msg': 'Too many streams'}, 'id': ident}
            client.streams.update(self._normalise(p) for p in params)
            return {'result': None, 'id': ident}
        if method == 'UNSUBSCRIBE':
            client.streams.difference_update(self._normalise(p) for p in params)
            return {'result': None, 'id': ident}
        if method == 'LIST_SUBSCRIPTIONS':
            return {'result': sorted(client.streams), 'id': ident}
        if method == 'SET_PROPERTY' and params and params[0] == 'combined':
            client.combined = bool(params[1]) if len(params) > 1 else True
            return {'result': None, 'id': ident}
        if method == 'GET_PROPERTY' and params and params[0] == 'combined':
            return {'result': client.combined, 'id': ident}
        return {'error': {'code': 2, 'msg': 'Invalid request: unknown method %r'
                          % (method,)}, 'id': ident}

    async def _writer(self, client: _Client) -> None:
        while True:
            message = await client.queue.get()
            faults = self.faults
            if faults is not None:
                for out in await faults.shape_ws(client, message):
                    await client.conn.send(out)
            else:
                await client.conn.send(message)
            client.sent += 1

    async def _pinger(self, client: _Client) -> None:
        while self.ping_interval:
            await asyncio.sleep(self.ping_interval)
            await client.conn.ping(b'sim')

    def _push(self, client: _Client, payload: dict, stream: Optional[str] = None) -> None:
        if stream is not None and client.combined:
            payload = {'stream': stream, 'data': payload}
        try:
            client.queue.put_nowait(json.dumps(payload, separators=(',', ':')))
        except asyncio.QueueFull:
            pass  # a client that does not read loses messages, as on Binance

    def publish(self, stream: str, payload: dict, market: str = 'spot') -> None:
        for client in self.clients:
            if stream in client.streams and client.market == market:
                self._push(client, payload, stream)

    def drop_listen_key(self, listen_key: str) -> None:
        """A closed or expired listen key: its sockets get nothing more."""
        for client in self.clients:
            client.streams.discard(listen_key)

    async def housekeeping(self, period: float = 1.0) -> None:
        """Expire the listen keys not kept alive: their sockets get
        Binance's ``listenKeyExpired`` event, then nothing more."""
        import time as _time
        while True:
            await asyncio.sleep(period)
            for listen_key in self.core.expired_listen_keys():
                event = {'e': 'listenKeyExpired', 'E': int(_time.time() * 1000),
                         'listenKey': listen_key}
                for client in self.clients:
                    if listen_key in client.streams:
                        self._push(client, event, listen_key)
                self.drop_listen_key(listen_key)

    # --- sources ----------------------------------------------------------------------
    def _wanted(self, market: str) -> set:
        wanted: set = set()
        for client in self.clients:
            if client.market == market:
                wanted |= client.streams
        return wanted

    def _on_ticks(self, ticks: list) -> None:
        wanted = {'spot': self._wanted('spot'), 'futures': self._wanted('futures')}
        if not wanted['spot'] and not wanted['futures']:
            return
        for tick in ticks:
            streams = wanted[tick.market]
            prefix = tick.symbol.lower() + '@'
            pair = tick.symbol.lower() + '_perpetual@'
            for stream in streams:
                if stream.startswith(prefix):
                    payload = self._market_payload(stream[len(prefix):], tick)
                elif stream.startswith(pair) and tick.market == 'futures':
                    payload = self._continuous(stream[len(pair):], tick)
                else:
                    continue
                if payload is not None:
                    self.publish(stream, payload, tick.market)
            if tick.market == 'futures' and '!markPrice@arr' in streams:
                self.publish('!markPrice@arr', [self._mark_payload(tick)], 'futures')

    def _market_payload(self, kind: str, tick: Any) -> Optional[dict]:
        s, now = tick.symbol, tick.time
        venue = self.core.venues[tick.market]
        if kind == 'trade':
            return {'e': 'trade', 'E': now, 's': s, 't': tick.trade_id,
                    'p': fmt(tick.price), 'q': fmt(tick.qty), 'T': now,
                    'm': tick.index % 2 == 1, 'M': True}
        if kind == 'aggTrade':
            return {'e': 'aggTrade', 'E': now, 's': s, 'a': tick.trade_id,
                    'p': fmt(tick.price), 'q': fmt(tick.qty), 'f': tick.trade_id,
                    'l': tick.trade_id, 'T': now, 'm': tick.index % 2 == 1, 'M': True}
        if kind == 'bookTicker':
            bid, ask = venue.book_top(s)
            payload = {'u': tick.trade_id, 's': s, 'b': fmt(bid), 'B': fmt(1.0),
                       'a': fmt(ask), 'A': fmt(1.0)}
            if tick.market == 'futures':      # futures add the event fields
                payload.update({'e': 'bookTicker', 'E': now, 'T': now})
            return payload
        if kind.startswith('kline_'):
            return self._kline(kind[len('kline_'):], tick)
        if kind == 'miniTicker':
            bar = venue.tapes[s].current_bar()
            return {'e': '24hrMiniTicker', 'E': now, 's': s, 'c': fmt(tick.price),
                    'o': fmt(bar.open), 'h': fmt(bar.high), 'l': fmt(bar.low),
                    'v': fmt(bar.volume), 'q': fmt(bar.volume * tick.price)}
        if kind in ('markPrice', 'markPrice@1s') and tick.market == 'futures':
            return self._mark_payload(tick)
        return None

    def _mark_payload(self, tick: Any) -> dict:
        engine = self.core.futures
        mark = engine.mark[tick.symbol]
        when, rate = engine.funding[tick.symbol].next_after(tick.time)
        return {'e': 'markPriceUpdate', 'E': tick.time, 's': tick.symbol,
                'p': fmt(mark), 'i': fmt(mark), 'P': fmt(mark), 'r': fmt(rate),
                'T': when}

    def _kline(self, interval: str, tick: Any) -> Optional[dict]:
        interval_ms = INTERVALS_MS.get(interval)
        tape = self.core.venues[tick.market].tapes[tick.symbol]
        if interval_ms is None or interval_ms % tape.interval_ms:
            return None
        rows = tape.klines(interval_ms, None, None, 1)
        if not rows:
            return None
        bar, closed = rows[-1]
        return {'e': 'kline', 'E': tick.time, 's': tick.symbol, 'k': {
            't': bar.time, 'T': bar.time + interval_ms - 1, 's': tick.symbol,
            'i': interval, 'f': tick.trade_id, 'L': tick.trade_id,
            'o': fmt(bar.open), 'c': fmt(bar.close), 'h': fmt(bar.high),
            'l': fmt(bar.low), 'v': fmt(bar.volume), 'n': tick.trade_id,
            'x': closed, 'q': fmt(bar.volume * bar.close), 'V': fmt(bar.volume / 2),
            'Q': fmt(bar.volume * bar.close / 2), 'B': '0'}}

    def _continuous(self, kind: str, tick: Any) -> Optional[dict]:
        """``<pair>_perpetual@continuousKline_<interval>``: the perpetual's
        klines by pair and contract type."""
        if not kind.startswith('continuousKline_'):
            return None
        payload = self._kline(kind[len('continuousKline_'):], tick)
        if payload is None:
            return None
        candle = dict(payload['k'])
        candle.pop('s')
        return {'e': 'continuous_kline', 'E': tick.time, 'ps': tick.symbol,
                'ct': 'PERPETUAL', 'k': candle}

    def _on_account(self, api_key: str, event: dict, market: str) -> None:
        for listen_key, entry in list(self.core.listen_keys.items()):
            if entry[0] == api_key and entry[2] == market:
                for client in self.clients:
                    if listen_key in client.streams:
                        self._push(client, event, listen_key)
