"""Futures margin maths: notional brackets, maintenance margin, liquidation.

Binance sizes the maintenance margin of a USDⓈ-M position by the bracket
its notional falls in: MM = notional x MMR - cum, where ``cum`` (the
maintenance amount) makes MM continuous across bracket edges:

    cum(n) = floor(n) x (MMR(n) - MMR(n-1)) + cum(n-1),  cum(0) = 0

The same brackets cap the leverage.  Tables change: ``BINANCE_BTCUSDT_BRACKETS``
is the historical BTCUSDT table of the exchange's documentation, good for
tests and examples; pass the current table of your symbol
(``bracket_table`` rows or ``BracketTable.from_ccxt`` on
``fetch_leverage_tiers`` output).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Iterable, Iterator, Mapping, Optional, Sequence, overload

from ._validate import check_number

__all__ = ['MarginBracket', 'BracketTable', 'bracket_table',
           'BINANCE_BTCUSDT_BRACKETS', 'liquidation_price']


@dataclass(frozen=True)
class MarginBracket:
    """One notional bracket: from ``notional_floor`` (inclusive) up to the
    next bracket's floor; ``mmr`` is the maintenance margin rate (fraction),
    ``cum`` the maintenance amount in quote."""

    notional_floor: float
    max_leverage: float
    mmr: float
    cum: float = 0.0


class BracketTable(Sequence[MarginBracket]):
    """An immutable, validated bracket table with notional lookups.

    A notional exactly on a floor belongs to the bracket starting there.
    Lookups take the absolute notional, so signed values are fine.
    """

    __slots__ = ('_rows', '_floors')

    def __init__(self, rows: Iterable[MarginBracket]) -> None:
        table = tuple(rows)
        if not table:
            raise ValueError('brackets must not be empty')
        for row in table:
            if not isinstance(row, MarginBracket):
                raise TypeError('brackets must contain MarginBracket rows, got %r'
                                % (row,))
        if table[0].notional_floor != 0:
            raise ValueError('the first bracket must start at notional 0, got %r'
                             % (table[0].notional_floor,))
        for prev, row in zip(table, table[1:]):
            if row.notional_floor <= prev.notional_floor or row.mmr < prev.mmr:
                raise ValueError('brackets must have ascending floors and '
                                 'non-decreasing mmr: %r after %r' % (row, prev))
        self._rows = table
        self._floors = [row.notional_floor for row in table]

    @classmethod
    def from_ccxt(cls, tiers: Iterable[Mapping[str, Any]]) -> 'BracketTable':
        """From ccxt ``fetch_leverage_tiers()[symbol]`` rows (``minNotional``,
        ``maxLeverage``, ``maintenanceMarginRate``); cum is recomputed."""
        return bracket_table((t['minNotional'], t['maxLeverage'],
                              t['maintenanceMarginRate']) for t in tiers)

    @overload
    def __getitem__(self, index: int) -> MarginBracket: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[MarginBracket]: ...

    def __getitem__(self, index):
        return self._rows[index]

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[MarginBracket]:
        return iter(self._rows)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, BracketTable):
            return self._rows == other._rows
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._rows)

    def __repr__(self) -> str:
        return 'BracketTable(%r)' % (list(self._rows),)

    def bracket_for(self, notional: float) -> MarginBracket:
        """The bracket whose floor is the highest one <= |notional|."""
        index = bisect.bisect_right(self._floors, abs(notional)) - 1
        return self._rows[index]

    def maintenance_margin(self, notional: float) -> float:
        """|notional| x MMR - cum of its bracket."""
        notional = abs(notional)
        row = self.bracket_for(notional)
        return notional * row.mmr - row.cum

    def max_leverage(self, notional: float) -> float:
        """Highest leverage allowed for a position of this notional."""
        return self.bracket_for(notional).max_leverage


def bracket_table(rows: Iterable[Sequence[float]]) -> BracketTable:
    """Build a table from ``(notional_floor, max_leverage, mmr)`` rows,
    computing each ``cum`` with the recurrence (in Decimal, so 50000 x
    (0.005 - 0.004) is exactly 50)."""
    built = []
    cum = Decimal(0)
    prev_mmr = Decimal(0)
    for index, row in enumerate(rows):
        if len(row) != 3:
            raise ValueError('bracket row %d must be (notional_floor, '
                             'max_leverage, mmr), got %r' % (index, row))
        floor = check_number('notional_floor', row[0], nonnegative=True)
        lev = check_number('max_leverage', row[1], positive=True)
        mmr = check_number('mmr', row[2], nonnegative=True)
        if mmr >= 1.0:
            raise ValueError('mmr must be a fraction below 1, got %r' % (mmr,))
        dmmr = Decimal(repr(mmr))
        if index:
            cum += Decimal(repr(floor)) * (dmmr - prev_mmr)
        prev_mmr = dmmr
        built.append(MarginBracket(floor, lev, mmr, float(cum)))
    return BracketTable(built)


#: Historical Binance BTCUSDT brackets (floor, max leverage, MMR), from the
#: exchange's liquidation-price documentation.  Replace with the current one.
BINANCE_BTCUSDT_BRACKETS: BracketTable = bracket_table((
    (0.0, 125, 0.004),
    (50_000.0, 100, 0.005),
    (250_000.0, 50, 0.01),
    (1_000_000.0, 20, 0.025),
    (10_000_000.0, 10, 0.05),
    (20_000_000.0, 5, 0.10),
    (50_000_000.0, 4, 0.125),
    (100_000_000.0, 3, 0.15),
    (200_000_000.0, 2, 0.25),
    (300_000_000.0, 1, 0.50),
))


def _leg(name: str, value: Any, side: int) -> tuple:
    """(side, |size|, entry) of a ``(size, entry)`` pair; side 0 = signed."""
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        raise TypeError('%s must be a (size, entry_price) pair, got %r'
                        % (name, value))
    size = check_number('%s size' % name, value[0])
    entry = check_number('%s entry price' % name, value[1], positive=True)
    if side == 0:
        side = 1 if size > 0 else -1
    return side, abs(size), entry


def liquidation_price(wallet_balance: float, brackets: BracketTable, *,
                      long: Optional[tuple] = None,
                      short: Optional[tuple] = None,
                      both: Optional[tuple] = None,
                      other_mm: float = 0.0,
                      other_upnl: float = 0.0) -> Optional[float]:
    """Mark price at which a contract's positions get liquidated (Binance
    USDⓈ-M formula); ``None`` when there is none (price <= 0).

    - ``wallet_balance`` (WB): isolated margin of the position in isolated
      mode; the cross wallet balance in cross mode
    - ``brackets``: the symbol's ``BracketTable``
    - one-way mode: ``both=(signed_size, entry)``; hedge mode:
      ``long=(size, entry)`` and/or ``short=(size, entry)`` (sizes taken
      as absolute values)
    - ``other_mm`` (TMM1) / ``other_upnl`` (UPNL1): maintenance margin and
      unrealized PnL of all *other* contracts in cross mode; 0 in isolated

    LP = (WB - TMM1 + UPNL1 + sum(cum) - sum(side x pos x entry))
         / (sum(pos x MMR) - sum(side x pos))

    Brackets start at each position's entry notional.  When the bracket at
    the resulting price differs, the price is recomputed with that bracket
    until it is stable (MM is convex in the notional, so this settles in at
    most one pass per bracket).
    """
    if not isinstance(brackets, BracketTable):
        raise TypeError('brackets must be a BracketTable, got %r' % (brackets,))
    if both is not None and (long is not None or short is not None):
        raise ValueError('both (one-way mode) cannot be combined with '
                         'long/short (hedge mode)')
    base = (check_number('wallet_balance', wallet_balance)
            - check_number('other_mm', other_mm)
            + check_number('other_upnl', other_upnl))
    legs = []
    for name, value, side in (('both', both, 0), ('long', long, 1),
                              ('short', short, -1)):
        if value is not None:
            leg = _leg(name, value, side)
            if leg[1] > 0:
                legs.append(leg)
    if not legs:
        return None
    rows = [brackets.bracket_for(pos * entry) for _, pos, entry in legs]
    for _ in range(len(brackets) + 1):
        price = _solve(base, legs, rows)
        if price is None:
            return None
        new_rows = [brackets.bracket_for(pos * price) for _, pos, _ in legs]
        if new_rows == rows:
            break
        rows = new_rows
    return price


def _solve(base: float, legs: list, rows: list) -> Optional[float]:
    """The linear formula for fixed brackets; None if it has no positive root."""
    num, den = base, 0.0
    for (side, pos, entry), row in zip(legs, rows):
        num += row.cum - side * pos * entry
        den += pos * row.mmr - side * pos
    if den == 0.0:
        return None
    price = num / den
    return price if price > 0.0 else None
