"""The state of one local exchange and the request dispatch.

``ExchangeCore`` owns the replay clock, the symbols and their rules, the
accounts (one per API key), the spot matching engine, the security checks
and the weight limiter, and routes each HTTP request to its endpoint.  It
runs on the server's event loop thread only, so nothing in it needs a lock.
"""
from __future__ import annotations

import collections
import time
from typing import Any, Optional

from . import _errors as E
from . import _rest_spot
from ._http import Request, Response
from ._market import ReplayClock, SymbolTape, load_bars
from ._rules import SymbolRules, lookup_symbol
from ._security import Credentials, WeightLimiter
from ._spot import SpotAccount, SpotEngine

__all__ = ['ExchangeCore', 'split_symbol']

RECENT_TRADES = 1000
LISTEN_KEY_TTL = 3600.0
QUOTES = ('USDT', 'USDC', 'FDUSD', 'BUSD', 'TUSD', 'BTC', 'ETH', 'BNB', 'EUR',
          'TRY', 'USD')


def split_symbol(text: str) -> tuple:
    """('BTCUSDT', 'BTC', 'USDT') from 'BTC/USDT' or 'BTCUSDT'."""
    text = text.strip().upper()
    if '/' in text:
        base, quote = text.split('/', 1)
        quote = quote.split(':')[0]
    else:
        quote = next((q for q in QUOTES if text.endswith(q) and len(text) > len(q)), None)
        if quote is None:
            raise ValueError('cannot tell base and quote of %r: write it as BASE/QUOTE'
                             % text)
        base = text[:-len(quote)]
    if not base.isalnum() or not quote.isalnum():
        raise ValueError('bad symbol %r' % text)
    return base + quote, base, quote


class ExchangeCore:
    """Everything the endpoints read and change (see the module docstring)."""

    def __init__(self, spot: dict, keys: dict, balances: Optional[dict] = None,
                 start: Any = None, maker_fee: float = 0.001,
                 taker_fee: float = 0.001, volume_share: Optional[float] = None,
                 weight_limit: int = 6000, ban_seconds: float = 120.0,
                 rules: Optional[dict] = None) -> None:
        if not spot:
            raise ValueError('the exchange needs at least one symbol with data')
        if not keys:
            raise ValueError('the exchange needs at least one API key and secret')
        self.tapes: dict = {}
        rule_table: dict = {}
        for name, source in spot.items():
            symbol, base, quote = split_symbol(name)
            bars = load_bars(source) if isinstance(source, str) else list(source)
            self.tapes[symbol] = SymbolTape(symbol, bars)
            overrides = (rules or {}).get(name) or (rules or {}).get(symbol) or {}
            rule_table[symbol] = SymbolRules.for_symbol(
                symbol, base, quote, sample_price=bars[0].close, **overrides)
        self.clock = ReplayClock(self.tapes.values())
        self.clock.start_at(start)
        self.spot = SpotEngine(rule_table, self.last, lambda: self.clock.now,
                               maker_fee, taker_fee, volume_share)
        self.credentials = Credentials(keys)
        self.limiter = WeightLimiter(weight_limit, ban_seconds=ban_seconds)
        start_balances = balances or {'USDT': 10000.0}
        self.accounts = {key: SpotAccount(start_balances) for key in keys}
        self.listen_keys: dict = {}     # listen key -> [api key, last keepalive]
        self.recent = {s: collections.deque(maxlen=RECENT_TRADES) for s in self.tapes}
        self.routes = dict(_rest_spot.ROUTES)
        self.tick_listeners: list = []  # callables(list of ticks)
        self.faults = None              # set by the server (fault injection)

    # --- lookups ----------------------------------------------------------------
    def tape(self, symbol: Any) -> SymbolTape:
        return lookup_symbol(self.tapes, symbol)

    def requested_symbols(self, params: dict) -> list:
        if params.get('symbol'):
            return [self.tape(params['symbol']).symbol]
        if params.get('symbols'):
            text = params['symbols'].strip('[]')
            names = [n.strip().strip('"') for n in text.split(',') if n.strip()]
            return [self.tape(n).symbol for n in names]
        return list(self.tapes)

    def last(self, symbol: str) -> float:
        tape = self.tapes[symbol]
        if tape.pos < 0:
            return tape.bars[0].open
        return tape.last

    def book_top(self, symbol: str) -> tuple:
        tick = float(self.spot.rules[symbol].tick_size)
        last = self.last(symbol)
        return last - tick, last + tick

    def book(self, symbol: str, levels: int) -> tuple:
        """A synthetic book: ``levels`` a tick apart either side of the last
        price, deeper levels holding more."""
        tick = float(self.spot.rules[symbol].tick_size)
        last = self.last(symbol)
        digits = self.spot.rules[symbol].price_decimals
        bids = [(round(last - (i + 1) * tick, digits), 1.0 + i) for i in range(levels)]
        asks = [(round(last + (i + 1) * tick, digits), 1.0 + i) for i in range(levels)]
        return [b for b in bids if b[0] > 0], asks

    def account(self, key: str) -> SpotAccount:
        return self.accounts[key]

    def listen_key(self, listen_key: Any, api_key: str) -> list:
        if not listen_key:
            raise E.missing_param('listenKey')
        entry = self.listen_keys.get(listen_key)
        if entry is None or entry[0] != api_key or \
                time.time() - entry[1] > LISTEN_KEY_TTL:
            raise E.ExchangeError(E.INVALID_LISTEN_KEY, 'This listenKey does not exist.')
        return entry

    def close_listen_key(self, listen_key: str) -> None:
        self.listen_keys.pop(listen_key, None)

    # --- the clock ----------------------------------------------------------------
    def step(self, ticks: int = 1) -> int:
        """Advance the replay ``ticks`` ticks (four make a bar); the number
        of ticks actually replayed (fewer at the end of the data)."""
        done = 0
        for _ in range(ticks):
            batch = self.clock.step()
            if not batch:
                break
            done += 1
            for tick in batch:
                self.recent[tick.symbol].append(tick)
                self.spot.on_tick(tick)
            for listener in list(self.tick_listeners):
                listener(batch)
        return done

    # --- requests -------------------------------------------------------------------
    def handle(self, request: Request) -> Response:
        """Answer one REST request (errors as Binance's JSON)."""
        headers = {}
        try:
            route = self.routes.get((request.method, request.path))
            if route is None:
                if any(path == request.path for _, path in self.routes):
                    return Response(405, {'code': -1000, 'msg': 'Method not allowed.'})
                return Response(404, {'code': -1000, 'msg': 'Unknown path %s.' % request.path})
            handler, weight, security = route
            used = self.limiter.spend(weight)
            headers = {'X-MBX-USED-WEIGHT-1M': str(used), 'x-mbx-used-weight': str(used)}
            key = None
            if security == 'SIGNED':
                key = self.credentials.verify(request.headers, request.query,
                                              request.body, request.params)
            elif security == 'KEY':
                key = self.credentials.account_key(request.headers)
            payload = handler(self, request.params, key)
            return Response(200, payload, headers)
        except E.ExchangeError as exc:
            headers.update(exc.headers)
            return Response(exc.status, exc.body(), headers)
        except Exception as exc:  # a bug here must not take the server down
            return Response(500, {'code': E.UNKNOWN,
                                  'msg': 'Internal error: %s: %s' % (type(exc).__name__, exc)},
                            headers)
