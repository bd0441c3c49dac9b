"""Hedge position mode: a long and a short position on one symbol at once.

With ``PerpetualCommInfo(position_mode='hedge')`` every order says which
leg it works on through ``position_side='long'|'short'`` (Binance's
``positionSide``; any case): a buy on the long leg opens or adds to it, a
sell on the long leg reduces it, and the other way round for the short leg.
A leg never flips: an order reducing a leg by more than it holds is
rejected, and one whose leg shrank while it waited fills only what is left.

The broker keeps each leg as its own ``Position`` under a :class:`HedgeLeg`
key in ``broker.positions``, so valuation, the daily settlement of price
moves, liquidation and settlement walk the legs like any other position.
``broker.getposition(data)`` answers with the net exposure (see
:func:`net_position`); ``getposition(data, side='long')`` with one leg.
The strategy keeps one trade per leg.
"""
from __future__ import annotations

from typing import Any, Optional

from ..position import Position

__all__ = ['HedgeLeg', 'LONG', 'SHORT', 'order_side', 'net_position',
           'normalize_side']

LONG, SHORT = 'long', 'short'
SIDES = (LONG, SHORT)


def normalize_side(value: Any) -> Optional[str]:
    """'long'/'short' from any spelling Binance or users write; None for
    None; ValueError naming the value otherwise."""
    if value is None:
        return None
    side = str(value).strip().lower()
    if side not in SIDES:
        raise ValueError("position_side must be 'long' or 'short', got %r"
                         % (value,))
    return side


def order_side(order: Any) -> Optional[str]:
    """The leg an order works on, as normalised at submission."""
    info = order.info
    return info['position_side'] if 'position_side' in info else None


class HedgeLeg:
    """Key of one leg in ``broker.positions``: behaves as its data for
    everything the broker reads (prices, name, datetime)."""

    __slots__ = ('data', 'side')

    def __init__(self, data: Any, side: str) -> None:
        self.data = data
        self.side = side

    def __getattr__(self, name: str) -> Any:
        if name in HedgeLeg.__slots__:  # not set yet (copy, unpickling)
            raise AttributeError(name)
        return getattr(self.data, name)

    def __hash__(self) -> int:
        return hash((id(self.data), self.side))

    def __eq__(self, other: Any) -> bool:
        return (isinstance(other, HedgeLeg) and other.data is self.data
                and other.side == self.side)

    def __repr__(self) -> str:
        return 'HedgeLeg(%s, %s)' % (self.data._name or 'data', self.side)


def net_position(long: Position, short: Position) -> Position:
    """Both legs as one position: size long + short, and the price whose
    PnL at any price equals the sum of the legs' (0 when the legs cancel)."""
    size = long.size + short.size
    price = 0.0
    if size:
        price = (long.size * long.price + short.size * short.price) / size
    return Position(size, price)
