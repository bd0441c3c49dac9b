"""The holding of one asset: signed size and average entry price.

A ``Position`` answers the two questions the broker asks on every fill: what
does the holding look like afterwards, and how much of the fill *opened* new
exposure versus *closed* existing exposure.  Cash, commission and profit and
loss are all computed from that split, so ``update`` reports it explicitly.
"""
from __future__ import annotations

import datetime
from typing import Any

__all__ = ['Position']


class Position:
    """Signed size and average price of a holding.

    Params:
      - ``size`` (default ``0``): current size, negative when short
      - ``price`` (default ``0.0``): average price of the current size

    Attributes besides the params: ``price_orig`` (the price before the last
    change), ``upopened``/``upclosed`` (split of the last change),
    ``adjbase`` (last price futures cash was marked to) and ``datetime``
    (when the last update happened).
    """

    def __init__(self, size: Any = 0, price: float = 0.0) -> None:
        self.size = size
        self.price = self.price_orig = price if size else 0.0
        self.adjbase: float | None = None
        self.upopened = size
        self.upclosed = 0
        self.set(size, price)
        self.updt = None

    def __str__(self) -> str:
        return '\n'.join((
            '--- Position Begin',
            '- Size: {}'.format(self.size),
            '- Price: {}'.format(self.price),
            '- Price orig: {}'.format(self.price_orig),
            '- Closed: {}'.format(self.upclosed),
            '- Opened: {}'.format(self.upopened),
            '- Adjbase: {}'.format(self.adjbase),
            '--- Position End',
        ))

    def __len__(self) -> int:
        return abs(self.size)

    def __bool__(self) -> bool:
        return self.size != 0

    __nonzero__ = __bool__

    def fix(self, size: Any, price: float) -> bool:
        """Force size and price (e.g. from a live broker); True if the size
        did not change."""
        unchanged = self.size == size
        self.size = size
        self.price = price
        return unchanged

    def set(self, size: Any, price: float) -> tuple:
        """Jump to ``size``/``price`` recording how much was opened/closed to
        get there; returns ``(size, price, opened, closed)``."""
        old = self.size
        if old > 0:
            if size > old:
                opened, closed = size - old, 0
            else:
                # still long: nothing opened; reversed: the short part opened
                opened, closed = min(0, size), min(old, old - size)
        elif old < 0:
            if size < old:
                opened, closed = size - old, 0
            else:
                opened, closed = max(0, size), max(old, old - size)
        else:
            opened, closed = old, 0

        self.upopened, self.upclosed = opened, closed
        self.size = size
        self.price_orig = self.price
        self.price = price if size else 0.0
        return self.size, self.price, self.upopened, self.upclosed

    def clone(self) -> 'Position':
        return Position(size=self.size, price=self.price)

    def pseudoupdate(self, size: Any, price: float) -> tuple:
        """What ``update`` would return, leaving this position untouched."""
        return Position(self.size, self.price).update(size, price)

    def update(self, size: Any, price: float,
               dt: datetime.datetime | None = None) -> tuple:
        """Apply a fill of ``size`` (signed) at ``price``.

        Returns ``(size, price, opened, closed)``: the new size and average
        price, and which parts of ``size`` opened new exposure and closed
        existing exposure (both signed like ``size``; a reversal has both).
        """
        self.datetime = dt
        self.price_orig = self.price
        old = self.size
        new = old + size
        self.size = new

        if not new:
            opened, closed = 0, size
            self.price = 0.0
        elif not old:
            opened, closed = size, 0
            self.price = price
        elif (size > 0) if old > 0 else (size < 0):
            # adding on the same side: the average price moves
            opened, closed = size, 0
            self.price = (self.price * old + size * price) / new
        elif (new > 0) if old > 0 else (new < 0):
            # reduced without crossing zero: price unchanged
            opened, closed = 0, size
        else:
            # crossed zero: old size closed, the rest opened at ``price``
            opened, closed = new, -old
            self.price = price

        self.upopened = opened
        self.upclosed = closed
        return self.size, self.price, opened, closed
