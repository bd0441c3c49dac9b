"""What the spot and futures engines share about resting orders.

An order rests in its engine's book (``{symbol: [(account, order), ...]}``)
while it is open.  Each replayed tick first gives every untriggered stop its
chance to trigger (how depends on the market: the engine's
``_on_untriggered``), then fills the resting limits the tick reaches at their
own price, as maker.  With ``volume_share`` set the tick's volume is a budget
that the resting orders share in book order, so large orders fill in parts.
"""
from __future__ import annotations

from typing import Any

OPEN_STATUSES = ('NEW', 'PARTIALLY_FILLED')


class BookOrder:
    """Status arithmetic of an order with ``status``, ``qty`` and ``executed``."""

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def remaining(self) -> float:
        return max(0.0, round(self.qty - self.executed, 10))


class RestingBook:
    """Tick matching for an engine with ``_book``, ``rules``,
    ``volume_share``, ``_marketable``, ``_fill`` and ``_on_untriggered``."""

    def _match(self, tick: Any) -> None:
        book = self._book.get(tick.symbol)
        if not book:
            return
        budget = None if self.volume_share is None else tick.qty * self.volume_share
        for account, order in list(book):
            if not order.is_open:
                continue
            if not order.working:
                self._on_untriggered(account, order, tick)
            elif self._marketable(order, tick.price):
                qty = order.remaining
                if budget is not None:
                    qty = min(qty, self.rules[order.symbol].round_qty_down(budget))
                    if qty <= 0:
                        continue
                    budget -= qty
                self._fill(account, order, order.price, qty, maker=True)
        self._book[tick.symbol] = [(a, o) for a, o in book if o.is_open]

    def _on_untriggered(self, account: Any, order: Any, tick: Any) -> None:
        raise NotImplementedError
