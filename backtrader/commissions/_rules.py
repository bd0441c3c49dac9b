"""Exchange trading rules: amount step, price tick, min/max amount, price
and notional (Binance's LOT_SIZE, MARKET_LOT_SIZE, PRICE_FILTER and
(MIN_)NOTIONAL filters, as ccxt exposes them in ``market['precision']`` and
``market['limits']``).

A backtest that ignores them accepts orders the exchange would refuse, so a
strategy that "works" offline fails live.  The broker either rounds orders
to the rules (``apply(..., rounding=True)``) or rejects them with the reason
(``TradingRuleError.reason``).

Steps are compared in ``Decimal`` built from the shortest float repr, plus a
tolerance of 1e-9 step: ``0.1 + 0.2`` is a multiple of ``0.1`` and ``0.003``
of ``0.001``, as the user meant, in spite of binary floats.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Any, Mapping, Optional, Union

from ._validate import check_number

__all__ = ['TradingRules', 'TradingRuleError', 'TICK_SIZE', 'DECIMAL_PLACES']

TICK_SIZE = 'tick_size'
DECIMAL_PLACES = 'decimal_places'
# ccxt's numeric precision-mode constants; 3 (SIGNIFICANT_DIGITS) is not
# supported because a step that depends on the value is no fixed grid
_CCXT_MODES = {2: DECIMAL_PLACES, 4: TICK_SIZE}
_TOL = Decimal('1e-9')  # in step units: float noise, not a real remainder

_NUMBER_FIELDS = ('amount_step', 'price_tick', 'min_amount', 'max_amount',
                  'min_price', 'max_price', 'min_cost', 'max_cost',
                  'market_min_amount', 'market_max_amount')


class TradingRuleError(ValueError):
    """An order breaks a trading rule; ``reason`` says which and why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _dec(value: float) -> Decimal:
    return Decimal(repr(float(value)))


def _fmt(value: Decimal) -> str:
    return format(value.normalize(), 'f')


def _snap(steps: Decimal, rounding: str) -> Decimal:
    """Whole number of steps: float noise snaps to the nearest integer,
    anything else rounds with ``rounding``."""
    nearest = steps.to_integral_value(ROUND_HALF_EVEN)
    if abs(steps - nearest) <= _TOL:
        return nearest
    return steps.to_integral_value(rounding)


def _is_multiple(value: Decimal, step: Decimal) -> bool:
    steps = value / step
    return abs(steps - steps.to_integral_value(ROUND_HALF_EVEN)) <= _TOL


@dataclass(frozen=True, kw_only=True)
class TradingRules:
    """The rules of one market.  ``None`` (or 0, as Binance uses it) means
    the rule is not enforced.  Amounts are in base units, prices and
    notionals (``cost``) in quote.  ``market_min_amount``/``market_max_amount``
    (MARKET_LOT_SIZE) apply to market orders on top of the amount limits."""

    symbol: str = ''
    amount_step: Optional[float] = None
    price_tick: Optional[float] = None
    min_amount: Optional[float] = None
    max_amount: Optional[float] = None
    min_price: Optional[float] = None
    max_price: Optional[float] = None
    min_cost: Optional[float] = None
    max_cost: Optional[float] = None
    market_min_amount: Optional[float] = None
    market_max_amount: Optional[float] = None
    _d: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.symbol, str):
            raise TypeError('symbol must be a str, got %r' % (self.symbol,))
        decs: dict[str, Optional[Decimal]] = {}
        for name in _NUMBER_FIELDS:
            value = getattr(self, name)
            if value is not None:
                value = check_number(name, value, nonnegative=True) or None
            object.__setattr__(self, name, value)
            decs[name] = None if value is None else _dec(value)
        object.__setattr__(self, '_d', decs)

    # --- construction from ccxt ------------------------------------------------
    @classmethod
    def from_market(cls, market: Mapping[str, Any],
                    precision_mode: Union[str, int, None] = None) -> 'TradingRules':
        """Rules from a ccxt ``markets[symbol]`` dict.

        ``precision_mode``: ``'tick_size'`` (ccxt ``TICK_SIZE`` = 4, what
        ccxt's binance uses: precision 0.001 is the step),
        ``'decimal_places'`` (``DECIMAL_PLACES`` = 2: precision 3 means a
        step of 0.001) or ``None`` to detect per value (int -> decimal
        places, float -> tick size).
        """
        if not isinstance(market, Mapping):
            raise TypeError('market must be a dict in ccxt markets shape, got %r'
                            % (market,))
        mode = _resolve_mode(precision_mode)
        precision = market.get('precision') or {}
        limits = market.get('limits') or {}

        def limit(key: str, bound: str) -> Any:
            return (limits.get(key) or {}).get(bound)

        return cls(
            symbol=market.get('symbol') or '',
            amount_step=_to_step('precision amount', precision.get('amount'), mode),
            price_tick=_to_step('precision price', precision.get('price'), mode),
            min_amount=limit('amount', 'min'), max_amount=limit('amount', 'max'),
            min_price=limit('price', 'min'), max_price=limit('price', 'max'),
            min_cost=limit('cost', 'min'), max_cost=limit('cost', 'max'),
            market_min_amount=limit('market', 'min'),
            market_max_amount=limit('market', 'max'))

    # --- rounding ------------------------------------------------------------
    def round_amount(self, size: float) -> float:
        """``size`` rounded toward zero to the amount step (sign kept)."""
        step = self._d['amount_step']
        if step is None or size == 0:
            return size
        steps = _snap(_dec(abs(size)) / step, ROUND_DOWN)
        value = float(steps * step)
        return -value if size < 0 else value

    def round_price(self, price: float) -> float:
        """``price`` rounded to the nearest tick (halves go up)."""
        tick = self._d['price_tick']
        if tick is None:
            return price
        return float(_snap(_dec(price) / tick, ROUND_HALF_UP) * tick)

    # --- checking ------------------------------------------------------------
    def check(self, size: float, price: Optional[float] = None,
              reference_price: Optional[float] = None) -> Optional[str]:
        """``None`` if the order passes, else the reason naming the rule.

        ``price`` is ``None`` for market orders: price rules are skipped and
        the notional is checked at ``reference_price`` (skipped when that is
        ``None`` too).
        """
        amount = _dec(abs(size))
        reason = self._check_amount(amount, market=price is None)
        if reason is None and price is not None:
            reason = self._check_price(_dec(price))
        ref = price if price is not None else reference_price
        if reason is None and ref is not None:
            reason = self._check_notional(amount * _dec(ref))
        if reason is not None and self.symbol:
            reason = '%s for %s' % (reason, self.symbol)
        return reason

    def apply(self, size: float, price: Optional[float], rounding: bool,
              reference_price: Optional[float] = None) -> tuple:
        """``(size, price)`` ready to send: rounded first when ``rounding``;
        raises ``TradingRuleError`` if a rule is still broken."""
        if rounding:
            rounded = self.round_amount(size)
            if rounded == 0 and size != 0:
                reason = 'amount %s rounds to 0 with step %s' % (
                    _fmt(_dec(abs(size))), _fmt(self._d['amount_step']))
                if self.symbol:
                    reason = '%s for %s' % (reason, self.symbol)
                raise TradingRuleError(reason)
            size = rounded
            if price is not None:
                price = self.round_price(price)
        reason = self.check(size, price, reference_price)
        if reason is not None:
            raise TradingRuleError(reason)
        return size, price

    def _check_amount(self, amount: Decimal, market: bool) -> Optional[str]:
        d = self._d
        if amount == 0:
            return 'amount 0 is not a tradable size'
        bounds = [(d['min_amount'], d['max_amount'])]
        if market:
            bounds.append((d['market_min_amount'], d['market_max_amount']))
        for low, high in bounds:
            if low is not None and amount < low:
                return 'amount %s below minimum %s' % (_fmt(amount), _fmt(low))
            if high is not None and amount > high:
                return 'amount %s above maximum %s' % (_fmt(amount), _fmt(high))
        step = d['amount_step']
        if step is not None and not _is_multiple(amount, step):
            return 'amount %s not a multiple of step %s' % (_fmt(amount), _fmt(step))
        return None

    def _check_price(self, price: Decimal) -> Optional[str]:
        d = self._d
        if price <= 0:
            return 'price %s is not positive' % _fmt(price)
        low, high, tick = d['min_price'], d['max_price'], d['price_tick']
        if low is not None and price < low:
            return 'price %s below minimum %s' % (_fmt(price), _fmt(low))
        if high is not None and price > high:
            return 'price %s above maximum %s' % (_fmt(price), _fmt(high))
        if tick is not None and not _is_multiple(price, tick):
            return 'price %s not a multiple of tick %s' % (_fmt(price), _fmt(tick))
        return None

    def _check_notional(self, notional: Decimal) -> Optional[str]:
        low, high = self._d['min_cost'], self._d['max_cost']
        # a product of two decimals carries float noise digits: show 12
        notional_text = '%.12g' % float(notional)
        if low is not None and notional < low:
            return 'notional %s below minimum %s' % (notional_text, _fmt(low))
        if high is not None and notional > high:
            return 'notional %s above maximum %s' % (notional_text, _fmt(high))
        return None


def _resolve_mode(mode: Union[str, int, None]) -> Optional[str]:
    if mode is None or mode in (TICK_SIZE, DECIMAL_PLACES):
        return mode
    if not isinstance(mode, bool) and isinstance(mode, int) and mode in _CCXT_MODES:
        return _CCXT_MODES[mode]
    raise ValueError('precision_mode must be %r, %r, None or a ccxt constant '
                     '(DECIMAL_PLACES=2, TICK_SIZE=4), got %r'
                     % (TICK_SIZE, DECIMAL_PLACES, mode))


def _to_step(name: str, value: Any, mode: Optional[str]) -> Optional[float]:
    """A ccxt precision value as a step size (``None`` if absent)."""
    if value is None:
        return None
    value_f = check_number(name, value)
    if mode is None:
        mode = DECIMAL_PLACES if isinstance(value, int) else TICK_SIZE
    if mode == TICK_SIZE:
        if value_f < 0:
            raise ValueError('%s tick size must be >= 0, got %r' % (name, value))
        return value_f
    if value_f != math.floor(value_f):
        raise ValueError('%s must be a whole number of decimal places, got %r'
                         % (name, value))
    return float(Decimal(1).scaleb(-int(value_f)))

