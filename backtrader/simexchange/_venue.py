"""One market of the local exchange (spot or USDⓈ-M futures): its symbols'
tapes, trading rules and recent trades, and the price views the market
data endpoints share (last price, top of book, synthetic depth).

Spot and futures keep separate venues because Binance lists the same
symbol (``BTCUSDT``) on both with different prices, rules and streams.
"""
from __future__ import annotations

import collections
from typing import Any

from ._market import SymbolTape
from ._rules import lookup_symbol

__all__ = ['Venue']

RECENT_TRADES = 1000


class Venue:
    """The tapes and rules of one market (``name``: 'spot' or 'futures')."""

    def __init__(self, name: str, tapes: dict, rules: dict) -> None:
        self.name = name
        self.tapes: dict = tapes        # symbol -> SymbolTape
        self.rules: dict = rules        # symbol -> SymbolRules
        self.recent = {s: collections.deque(maxlen=RECENT_TRADES) for s in tapes}

    def tape(self, symbol: Any) -> SymbolTape:
        return lookup_symbol(self.tapes, symbol)

    def requested_symbols(self, params: dict) -> list:
        """The symbols a request names (``symbol`` or a JSON-ish
        ``symbols`` list), every symbol when it names none."""
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
        tick = float(self.rules[symbol].tick_size)
        last = self.last(symbol)
        return last - tick, last + tick

    def book(self, symbol: str, levels: int) -> tuple:
        """A synthetic book: ``levels`` a tick apart either side of the last
        price, deeper levels holding more."""
        tick = float(self.rules[symbol].tick_size)
        last = self.last(symbol)
        digits = self.rules[symbol].price_decimals
        bids = [(round(last - (i + 1) * tick, digits), 1.0 + i) for i in range(levels)]
        asks = [(round(last + (i + 1) * tick, digits), 1.0 + i) for i in range(levels)]
        return [b for b in bids if b[0] > 0], asks
