"""The state of one local exchange and the request dispatch.

``ExchangeCore`` owns the replay clock, the symbols and their rules, the
accounts (one per API key), the spot matching engine, the security checks
and the weight limiter, and routes each HTTP request to its endpoint.  It
runs on the server's event loop thread only, so nothing in it needs a lock.
"""
from __future__ import annotations

import secrets
import time
from typing import Any, Optional

from . import _errors as E
from . import _rest_futures, _rest_spot
from ._http import Request, Response
from ._market import ReplayClock, SymbolTape, load_bars
from ._futures import FuturesEngine
from ._futures_account import FuturesAccount
from ._perpdata import FundingSchedule, MarkSeries
from ._rules import SymbolRules
from ._security import Credentials, WeightLimiter
from ._spot import SpotAccount, SpotEngine
from ._venue import Venue

__all__ = ['ExchangeCore', 'split_symbol']

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


def _venue(name: str, sources: dict, rules: Optional[dict]) -> Venue:
    """Load the bars of each symbol of one market and derive its rules."""
    tapes, table = {}, {}
    make = SymbolRules.for_futures if name == 'futures' else SymbolRules.for_symbol
    for label, source in sources.items():
        symbol, base, quote = split_symbol(label)
        bars = load_bars(source) if isinstance(source, str) else list(source)
        tapes[symbol] = SymbolTape(symbol, bars, market=name)
        overrides = (rules or {}).get(label) or (rules or {}).get(symbol) or {}
        table[symbol] = make(symbol, base, quote, sample_price=bars[0].close,
                             **overrides)
    return Venue(name, tapes, table)


def _by_symbol(table: dict, what: str, venue: Venue) -> dict:
    """``{label: x}`` keyed by the venue's symbols; an unknown one raises."""
    out = {}
    for label, value in table.items():
        symbol = split_symbol(label)[0]
        if symbol not in venue.tapes:
            raise ValueError('%s given for %s, which is not a futures symbol (have %s)'
                             % (what, label, ', '.join(venue.tapes) or 'none'))
        out[symbol] = value
    return out


def _futures_engine(core: 'ExchangeCore', funding: dict, mark: dict, brackets: Any,
                    maker_fee: float, taker_fee: float,
                    volume_share: Optional[float]) -> FuturesEngine:
    from ..commissions._margin import BINANCE_BTCUSDT_BRACKETS
    venue = core.venues['futures']
    rates = _by_symbol(funding, 'funding rates', venue)
    marks = _by_symbol(mark, 'mark prices', venue)
    return FuturesEngine(
        venue, {s: MarkSeries(marks.get(s)) for s in venue.tapes},
        {s: FundingSchedule(rates.get(s)) for s in venue.tapes},
        brackets if brackets is not None else BINANCE_BTCUSDT_BRACKETS,
        lambda: core.clock.now, maker_fee, taker_fee, volume_share)


class ExchangeCore:
    """Everything the endpoints read and change (see the module docstring)."""

    def __init__(self, spot: Optional[dict], keys: dict,
                 balances: Optional[dict] = None, start: Any = None,
                 maker_fee: float = 0.001, taker_fee: float = 0.001,
                 volume_share: Optional[float] = None, weight_limit: int = 6000,
                 ban_seconds: float = 120.0, rules: Optional[dict] = None,
                 futures: Optional[dict] = None, funding: Optional[dict] = None,
                 mark: Optional[dict] = None, futures_balances: Optional[dict] = None,
                 futures_maker_fee: float = 0.0002, futures_taker_fee: float = 0.0005,
                 brackets: Any = None, listen_key_ttl: float = LISTEN_KEY_TTL) -> None:
        if not spot and not futures:
            raise ValueError('the exchange needs at least one symbol with data')
        if not keys:
            raise ValueError('the exchange needs at least one API key and secret')
        self.venues = {'spot': _venue('spot', spot or {}, rules),
                       'futures': _venue('futures', futures or {}, rules)}
        self.clock = ReplayClock([t for v in self.venues.values()
                                  for t in v.tapes.values()])
        self.clock.start_at(start)
        self.spot = SpotEngine(self.venues['spot'].rules, self.last,
                               lambda: self.clock.now, maker_fee, taker_fee,
                               volume_share)
        self.futures = _futures_engine(self, funding or {}, mark or {}, brackets,
                                       futures_maker_fee, futures_taker_fee,
                                       volume_share)
        self.credentials = Credentials(keys)
        self.limiter = WeightLimiter(weight_limit, ban_seconds=ban_seconds)
        start_balances = balances or {'USDT': 10000.0}
        self.accounts = {key: SpotAccount(start_balances) for key in keys}
        wallets = futures_balances or {'USDT': 10000.0}
        self.futures_accounts = {key: FuturesAccount(
            {a: float(v) for a, v in wallets.items()}) for key in keys}
        self.futures.accounts = list(self.futures_accounts.values())
        self.listen_key_ttl = listen_key_ttl
        self.listen_keys: dict = {}     # listen key -> [api key, last keepalive, market]
        self.routes = dict(_rest_spot.ROUTES)
        self.routes.update(_rest_futures.ROUTES)
        self.tick_listeners: list = []  # callables(list of ticks)
        self.faults = None              # set by the server (fault injection)

    # --- lookups (the spot venue, for the spot endpoints) -------------------------
    @property
    def tapes(self) -> dict:
        return self.venues['spot'].tapes

    @property
    def recent(self) -> dict:
        return self.venues['spot'].recent

    def tape(self, symbol: Any) -> SymbolTape:
        return self.venues['spot'].tape(symbol)

    def requested_symbols(self, params: dict) -> list:
        return self.venues['spot'].requested_symbols(params)

    def last(self, symbol: str) -> float:
        return self.venues['spot'].last(symbol)

    def book_top(self, symbol: str) -> tuple:
        return self.venues['spot'].book_top(symbol)

    def book(self, symbol: str, levels: int) -> tuple:
        return self.venues['spot'].book(symbol, levels)

    def account(self, key: str) -> SpotAccount:
        return self.accounts[key]

    def futures_account(self, key: str) -> FuturesAccount:
        return self.futures_accounts[key]

    def new_listen_key(self, api_key: str, market: str) -> str:
        listen_key = secrets.token_hex(32)
        self.listen_keys[listen_key] = [api_key, time.time(), market]
        return listen_key

    def listen_key(self, listen_key: Any, api_key: str) -> list:
        if not listen_key:
            raise E.missing_param('listenKey')
        entry = self.listen_keys.get(listen_key)
        if entry is None or entry[0] != api_key or \
                time.time() - entry[1] > self.listen_key_ttl:
            raise E.ExchangeError(E.INVALID_LISTEN_KEY, 'This listenKey does not exist.')
        return entry

    def close_listen_key(self, listen_key: str) -> None:
        self.listen_keys.pop(listen_key, None)

    def expired_listen_keys(self) -> list:
        """Drop the listen keys not kept alive within the TTL; their names."""
        now = time.time()
        gone = [k for k, entry in self.listen_keys.items()
                if now - entry[1] > self.listen_key_ttl]
        for listen_key in gone:
            del self.listen_keys[listen_key]
        return gone

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
                self.venues[tick.market].recent[tick.symbol].append(tick)
                if tick.market == 'spot':
                    self.spot.on_tick(tick)
                else:
                    self.futures.on_tick(tick)
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
