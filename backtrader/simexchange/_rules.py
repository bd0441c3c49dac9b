"""Trading rules of a symbol (Binance's filters) and the number formatting
Binance uses on the wire.

Rules are checked on the decimal strings the client sent, so "0.1" against
a step of "0.001" is exact, as on the exchange; amounts are kept as floats
rounded to eight decimals once accepted.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Optional

from . import _errors as E

__all__ = ['SymbolRules', 'fmt', 'parse_decimal']

ASSET_DECIMALS = 8


def fmt(value: float, decimals: int = ASSET_DECIMALS) -> str:
    """Binance's wire format for amounts and prices: fixed decimals."""
    return '%.*f' % (decimals, value + 0.0)


def parse_decimal(name: str, text: object, positive: bool = True) -> Decimal:
    """A parameter as a Decimal; Binance's error naming it when it is not
    a plain non-negative number or has more than eight decimals."""
    if text is None or text == '':
        raise E.missing_param(name)
    try:
        value = Decimal(str(text))
    except InvalidOperation:
        raise E.ExchangeError(E.ILLEGAL_CHARS, "Illegal characters found in "
                              "parameter '%s'; legal range is '^([0-9]{1,20})"
                              "(\\.[0-9]{1,20})?$'." % name) from None
    if not value.is_finite() or value < 0 or (positive and value == 0):
        raise E.ExchangeError(E.INVALID_PARAMETER,
                              "Invalid %s: %s." % (name, text))
    if -value.as_tuple().exponent > ASSET_DECIMALS:
        raise E.ExchangeError(E.BAD_PRECISION, 'Precision is over the maximum '
                              'defined for this asset.')
    return value


def lookup_symbol(table: dict, symbol: object):
    """``table[SYMBOL]``, with Binance's errors for a missing or unknown one."""
    if not symbol:
        raise E.missing_param('symbol')
    entry = table.get(str(symbol).upper())
    if entry is None:
        raise E.unknown_symbol(symbol)
    return entry


def _decimals(step: str) -> int:
    exponent = Decimal(step).normalize().as_tuple().exponent
    return max(0, -exponent)


@dataclass
class SymbolRules:
    """Filters of one symbol, with Binance's BTCUSDT values by default."""

    symbol: str
    base: str
    quote: str
    tick_size: str = '0.01'
    min_price: str = '0.01'
    max_price: str = '1000000.00'
    step_size: str = '0.00001'
    min_qty: str = '0.00001'
    max_qty: str = '9000.00000'
    min_notional: str = '5.00'
    max_notional: str = '9000000.00'

    @property
    def price_decimals(self) -> int:
        return _decimals(self.tick_size)

    @property
    def qty_decimals(self) -> int:
        return _decimals(self.step_size)

    def check_price(self, price: Decimal, what: str = 'price') -> None:
        tick = Decimal(self.tick_size)
        if price < Decimal(self.min_price) or price > Decimal(self.max_price) \
                or price % tick:
            raise E.filter_failure('PRICE_FILTER')

    def check_qty(self, qty: Decimal) -> None:
        if qty < Decimal(self.min_qty) or qty > Decimal(self.max_qty) or \
                (qty - Decimal(self.min_qty)) % Decimal(self.step_size):
            raise E.filter_failure('LOT_SIZE')

    def check_notional(self, notional: float) -> None:
        if notional < float(self.min_notional) or \
                notional > float(self.max_notional):
            raise E.filter_failure('NOTIONAL')

    def round_qty_down(self, qty: float) -> float:
        step = float(self.step_size)
        # the epsilon keeps 0.5 / 0.00001 from flooring to 49999
        return round(math.floor(qty / step + 1e-9) * step, self.qty_decimals)

    def filters(self) -> list:
        """The ``filters`` entry of exchangeInfo."""
        return [
            {'filterType': 'PRICE_FILTER', 'minPrice': self.min_price,
             'maxPrice': self.max_price, 'tickSize': self.tick_size},
            {'filterType': 'LOT_SIZE', 'minQty': self.min_qty,
             'maxQty': self.max_qty, 'stepSize': self.step_size},
            {'filterType': 'MARKET_LOT_SIZE', 'minQty': '0.00000000',
             'maxQty': self.max_qty, 'stepSize': '0.00000000'},
            {'filterType': 'MIN_NOTIONAL', 'minNotional': self.min_notional,
             'applyToMarket': True, 'avgPriceMins': 5},
            {'filterType': 'NOTIONAL', 'minNotional': self.min_notional,
             'applyMinToMarket': True, 'maxNotional': self.max_notional,
             'applyMaxToMarket': False, 'avgPriceMins': 5},
            {'filterType': 'MAX_NUM_ORDERS', 'maxNumOrders': 200},
        ]

    @classmethod
    def for_symbol(cls, symbol: str, base: str, quote: str,
                   sample_price: Optional[float] = None, **overrides) -> 'SymbolRules':
        """Rules scaled to the price level: a tick of about a millionth of
        the price (BTC at 40000: 0.01; XRP at 0.6: 0.0001 from the data)."""
        rules = cls(symbol, base, quote)
        if sample_price and sample_price < 100:
            # cheap coins: finer tick, coarser step, as Binance lists them
            rules.tick_size = rules.min_price = '0.0001'
            rules.step_size = rules.min_qty = '0.1'
            rules.max_qty = '90000000.0'
        return rules._overridden(overrides)

    @classmethod
    def for_futures(cls, symbol: str, base: str, quote: str,
                    sample_price: Optional[float] = None,
                    **overrides) -> 'SymbolRules':
        """USDⓈ-M perpetual rules as Binance lists them: BTCUSDT-like
        contracts (tick 0.10, step 0.001, notional 100) above a price of
        100, XRPUSDT-like ones (tick 0.0001, step 0.1, notional 5) below."""
        rules = cls(symbol, base, quote, max_price='4529764', max_notional='100000000')
        if sample_price and sample_price < 100:
            rules.tick_size = rules.min_price = '0.0001'
            rules.step_size = rules.min_qty = '0.1'
            rules.max_qty = '10000000'
        else:
            rules.tick_size = rules.min_price = '0.10'
            rules.step_size = rules.min_qty = '0.001'
            rules.max_qty = '1000'
            rules.min_notional = '100'
        return rules._overridden(overrides)

    def _overridden(self, overrides: dict) -> 'SymbolRules':
        for key, value in overrides.items():
            if not hasattr(self, key):
                raise ValueError('unknown rule %r for %s' % (key, self.symbol))
            setattr(self, key, str(value))
        return self

    def futures_filters(self) -> list:
        """The ``filters`` entry of the futures exchangeInfo."""
        return [
            {'filterType': 'PRICE_FILTER', 'minPrice': self.min_price,
             'maxPrice': self.max_price, 'tickSize': self.tick_size},
            {'filterType': 'LOT_SIZE', 'minQty': self.min_qty,
             'maxQty': self.max_qty, 'stepSize': self.step_size},
            {'filterType': 'MARKET_LOT_SIZE', 'minQty': self.min_qty,
             'maxQty': self.max_qty, 'stepSize': self.step_size},
            {'filterType': 'MAX_NUM_ORDERS', 'limit': 200},
            {'filterType': 'MAX_NUM_ALGO_ORDERS', 'limit': 10},
            {'filterType': 'MIN_NOTIONAL', 'notional': self.min_notional},
            {'filterType': 'PERCENT_PRICE', 'multiplierUp': '1.0500',
             'multiplierDown': '0.9500', 'multiplierDecimal': '4'},
        ]
