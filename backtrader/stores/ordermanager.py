"""Every live order's life as events, and the fill accounting exchanges
make hard.

Exchanges describe an order's executions twice, in overlapping ways:

- *trades* (``fetch_my_trades``/``watch_my_trades``, or embedded in an
  order): one per execution, each with an id, amount, price and fee;
- *snapshots* (``fetch_order``/``watch_orders``/the create reply): the
  order's cumulative ``filled``, ``average`` (or ``cost``) and, sometimes,
  its cumulative fee.

Either may come first, repeat, arrive twice (REST and WebSocket) or out
of order.  :class:`FillLedger` (one per order) turns that stream into
*incremental* :class:`Fill` objects that never double count: the filled
amount it knows is ``max(sum of distinct trades, largest snapshot
filled)``, clamped to the order amount, and a fill is emitted only for
what is new beyond what was already emitted.

:class:`OrderManager` keeps the orders of a live broker, finds them by
local ref, exchange id or client order id, routes ccxt unified order and
trade dicts to their ledgers, buffers reports about orders not bound yet
(a WebSocket trade can beat the REST create reply) and reports each
change once, in order, as an :class:`OrderEvent` to its listeners.

Event kinds (``OrderEvent.kind``):

``new``
    the exchange acknowledged the order (it got an exchange id, or a
    first report about it arrived).  Fires once, before any fill event;
    not fired for an order whose first report is a rejection.
``partial``
    a fill that leaves the order not completely filled (``fill`` set).
``filled``
    the fill that completes the order (``fill`` set), or - when the
    exchange says ``closed`` before every fill was seen - the status
    change alone (``fill`` None, ``info={'remaining': x}``).  Fires once.
``canceled`` / ``expired`` / ``rejected``
    the terminal status (``info`` carries the reason of a rejection).
    After fills that completed the order none of these fire: it is
    ``filled``.
``late_fill``
    a fill learned after the order reached a terminal state (a cancel
    reply without ``filled``, trades fetched afterwards).  The status
    does not change.
``fee``
    a fee learned after its fill was reported (``fill.amount == 0``):
    e.g. trades with fees fetched after a snapshot without fee.
``anomaly``
    the reports disagree beyond repair (more filled than the order
    amount: the excess is dropped); ``info`` is the message.

Terminal states (filled, canceled, expired, rejected) are sticky: a late
stale ``open`` snapshot changes nothing, but late trades still count.
"""
from __future__ import annotations

import logging
import math
import threading
import time
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Optional

__all__ = ['Fill', 'FillLedger', 'OrderEvent', 'OrderRecord', 'OrderManager',
           'STATUSES', 'TERMINAL', 'EVENT_KINDS', 'CCXT_STATUS']

log = logging.getLogger(__name__)

#: record statuses, in life order
STATUSES = ('submitted', 'open', 'partial', 'filled', 'canceled', 'rejected', 'expired')
TERMINAL = frozenset(('filled', 'canceled', 'rejected', 'expired'))
EVENT_KINDS = ('new', 'partial', 'filled', 'canceled', 'rejected', 'expired',
               'late_fill', 'fee', 'anomaly')
#: ccxt unified order status -> record status
CCXT_STATUS = {
    'open': 'open',
    'closed': 'filled',
    'canceled': 'canceled',
    'cancelled': 'canceled',
    'expired': 'expired',
    'rejected': 'rejected',
}

_FEE_ABS_TOL = 1e-15


def _number(value: Any, name: str, *, positive: bool = False,
            nonneg: bool = False) -> float:
    """A finite float from a user/exchange number, or ValueError/TypeError
    naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f'{name} must be a number, got {type(value).__name__}')
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f'{name} must be finite, got {value!r}')
    if positive and value <= 0.0:
        raise ValueError(f'{name} must be > 0, got {value!r}')
    if nonneg and value < 0.0:
        raise ValueError(f'{name} must be >= 0, got {value!r}')
    return value


def _opt_float(value: Any) -> Optional[float]:
    """Lenient parse of an exchange payload number (ccxt may give strings
    or None); anything unusable is None."""
    if value is None or isinstance(value, bool):
        return None
    try:
        out = float(value)
    except (TypeError, ValueError):
        return None
    return out if math.isfinite(out) else None


@dataclass(frozen=True, slots=True)
class Fill:
    """One increment of an order's execution, as the ledger emits it.

    ``trade_id`` is None when derived from a snapshot; ``source`` is
    ``'trade'`` or ``'snapshot'``; ``filled`` and ``average`` are the
    order's cumulative filled amount and average price after this fill.
    A fill with ``amount == 0.0`` carries only a fee learned late.
    """
    amount: float
    price: float
    fee: float
    fee_currency: Optional[str]
    timestamp: Any
    trade_id: Optional[str]
    source: str
    filled: float
    average: float


class FillLedger:
    """The fills of one order, merged from trades and snapshots.

    ``amount``: the order amount (None: unknown, nothing is clamped).
    ``step``: the market's amount step (default 0.0: none); amounts
    closer than ``max(rel_tol*|x|, step/2)`` are equal (exchange amounts
    are whole steps, so anything under half a step is rounding noise).
    ``fallback_price``: price for a snapshot delta when neither the
    snapshot nor any trade gives one (e.g. the limit price); without it
    such a delta waits for the next report that has a price.

    Prices: a snapshot delta is priced so the emitted cost matches the
    snapshot's cumulative cost (``average*filled`` or ``cost``), falling
    back to ``average``, the last trade price, then ``fallback_price``.
    A trade delta is priced so the emitted cost matches the cost of the
    trades seen when that price lies within the trades' price range
    (trades completing an order partly reported by snapshots), else at
    the trade's own price.

    Fees are tracked per currency; the cumulative fee known is the one of
    the source that knows more of the filled amount (trades, or a
    snapshot reporting its cumulative fee); a fill carries the change.
    """

    def __init__(self, amount: Optional[float] = None, *, step: float = 0.0,
                 rel_tol: float = 1e-9, fallback_price: Optional[float] = None) -> None:
        self._amount = None if amount is None else _number(amount, 'amount', positive=True)
        self.step = _number(step, 'step', nonneg=True)
        self.rel_tol = _number(rel_tol, 'rel_tol', nonneg=True)
        self.fallback_price = (None if fallback_price is None
                               else _number(fallback_price, 'fallback_price', positive=True))
        self._trades: dict[str, tuple] = {}
        self._t_filled = 0.0
        self._t_cost = 0.0
        self._t_lo = math.inf
        self._t_hi = -math.inf
        self._t_fees: dict[Optional[str], float] = {}
        self._s_filled = 0.0
        self._s_cost: Optional[float] = None
        self._s_avg: Optional[float] = None
        self._s_fees: dict[Optional[str], float] = {}
        self._e_filled = 0.0
        self._e_cost = 0.0
        self._e_fees: dict[Optional[str], float] = {}
        self._fills: list[Fill] = []
        self._last_price: Optional[float] = None
        self._peak = 0.0
        self.status: Optional[str] = None
        self.anomalies: list[str] = []

    # -- tolerance -------------------------------------------------------
    def _tol(self, x: float) -> float:
        return max(self.rel_tol * abs(x), 0.5 * self.step)

    def _more(self, a: float, b: float) -> bool:
        """a exceeds b beyond the tolerance."""
        return a - b > self._tol(max(abs(a), abs(b)))

    # -- properties ------------------------------------------------------
    @property
    def amount(self) -> Optional[float]:
        return self._amount

    @amount.setter
    def amount(self, value: Optional[float]) -> None:
        if value is None:
            self._amount = None
            return
        value = _number(value, 'amount', positive=True)
        if self._more(self._e_filled, value):
            self._flag(f'order amount {value!r} below the filled {self._e_filled!r}')
        self._amount = value

    @property
    def filled(self) -> float:
        """Filled amount over emitted fills."""
        return self._e_filled

    @property
    def remaining(self) -> Optional[float]:
        """Amount left to fill (None when the order amount is unknown)."""
        if self._amount is None:
            return None
        return max(self._amount - self._e_filled, 0.0)

    @property
    def complete(self) -> bool:
        """True once the whole order amount was emitted."""
        return self._amount is not None and self._e_filled >= self._amount

    @property
    def cost(self) -> float:
        return self._e_cost

    @property
    def average(self) -> Optional[float]:
        """cost / filled over emitted fills; None before any fill."""
        return self._e_cost / self._e_filled if self._e_filled > 0.0 else None

    @property
    def fees(self) -> dict:
        """Emitted fees by currency (None: currency not reported)."""
        return {cur: fee for cur, fee in self._e_fees.items() if fee != 0.0}

    @property
    def fee(self) -> float:
        """Sum of emitted fees (meaningful when they share one currency)."""
        return sum(self._e_fees.values())

    @property
    def trade_ids(self) -> tuple:
        """Distinct trade ids seen (absorbed ones included), in arrival order."""
        return tuple(self._trades)

    @property
    def fills(self) -> list[Fill]:
        return list(self._fills)

    # -- input -----------------------------------------------------------
    def on_trade(self, trade_id: Any, amount: float, price: float, fee: float = 0.0,
                 fee_currency: Optional[str] = None, timestamp: Any = None) -> list[Fill]:
        """Record one trade; returns the fills it adds (``[]`` for a trade
        seen before or absorbed by earlier snapshots).  ``fee`` is this
        trade's own fee (negative: a rebate)."""
        if trade_id is None or trade_id == '':
            raise ValueError('trade_id is required to tell repeated trades apart')
        key = str(trade_id)
        amount = _number(amount, 'amount', positive=True)
        price = _number(price, 'price', positive=True)
        fee = _number(fee if fee is not None else 0.0, 'fee')
        if key in self._trades:
            return []
        self._trades[key] = (amount, price, fee, fee_currency, timestamp)
        self._t_filled += amount
        self._t_cost += amount * price
        self._t_lo = min(self._t_lo, price)
        self._t_hi = max(self._t_hi, price)
        if fee != 0.0:
            self._t_fees[fee_currency] = self._t_fees.get(fee_currency, 0.0) + fee
        self._last_price = price
        return self._advance('trade', timestamp, key, price, fee_currency)

    def on_snapshot(self, filled: float, average: Optional[float] = None,
                    fee: Optional[float] = None, timestamp: Any = None,
                    status: Optional[str] = None, *, cost: Optional[float] = None,
                    fee_currency: Optional[str] = None) -> list[Fill]:
        """Record a cumulative report; returns the fill for the part beyond
        what is known (``[]`` for a repeated or stale snapshot).  ``fee``
        is the order's cumulative fee, None when not reported; ``cost``
        (cumulative) stands in for ``average`` when that is missing."""
        filled = _number(filled, 'filled', nonneg=True)
        average = None if average is None else _number(average, 'average', positive=True)
        cost = None if cost is None else _number(cost, 'cost', nonneg=True)
        fee = None if fee is None else _number(fee, 'fee')
        if self._more(self._s_filled, filled):
            return []                      # stale: an older view of the order
        if status is not None:
            self.status = status
        if self._more(filled, self._s_filled):
            self._s_filled = filled
            self._s_avg = self._s_cost = None
        if average is not None:
            self._s_avg = average
            self._s_cost = average * filled
        elif cost is not None and cost > 0.0 and filled > 0.0:
            self._s_cost = cost
            self._s_avg = cost / filled
        if fee is not None:
            self._s_fees[fee_currency] = fee
        return self._advance('snapshot', timestamp, None, None, fee_currency)

    # -- emission ----------------------------------------------------------
    def _flag(self, message: str) -> None:
        self.anomalies.append(message)
        log.warning('fill ledger anomaly: %s', message)

    def _known(self) -> float:
        raw = max(self._t_filled, self._s_filled)
        if self._amount is None:
            return raw
        if self._more(raw, self._amount) and raw > self._peak:
            self._peak = raw
            self._flag(f'reported filled {raw!r} exceeds the order amount '
                       f'{self._amount!r}; clamped')
        if raw >= self._amount or (raw > 0.0 and not self._more(self._amount, raw)):
            return self._amount
        return raw

    def _trades_lead(self) -> bool:
        return not self._more(self._s_filled, self._t_filled)

    def _advance(self, source: str, timestamp: Any, trade_id: Optional[str],
                 event_price: Optional[float], currency: Optional[str]) -> list[Fill]:
        known = self._known()
        delta = known - self._e_filled
        amount_fill = delta > 0.0 and (self._more(known, self._e_filled)
                                       or known == self._amount)
        price = self._price(delta, known, event_price) if amount_fill else None
        if amount_fill and price is None:
            return []                      # no price yet: wait for a report with one
        fee_deltas = self._fee_deltas()
        out: list[Fill] = []
        if price is not None:
            cur = currency if currency in fee_deltas else next(iter(fee_deltas), currency)
            fee = fee_deltas.pop(cur, 0.0)
            out.append(self._emit(delta, price, fee, cur, timestamp, trade_id, source))
        for cur, fee in fee_deltas.items():
            out.append(self._emit(0.0, 0.0, fee, cur, timestamp, trade_id, source))
        return out

    def _price(self, delta: float, known: float, event_price: Optional[float]) -> Optional[float]:
        if self._trades_lead():
            cost = self._t_cost * (known / self._t_filled)
            implied = (cost - self._e_cost) / delta
            slack = self.rel_tol * self._t_hi
            if self._t_lo - slack <= implied <= self._t_hi + slack:
                return implied
            return event_price if event_price is not None else self._last_price
        if self._s_cost is not None:
            cost = self._s_cost * (known / self._s_filled)
            implied = (cost - self._e_cost) / delta
            if implied > 0.0 and math.isfinite(implied):
                return implied
        for candidate in (self._s_avg, self._last_price, self.fallback_price):
            if candidate is not None:
                return candidate
        return None

    def _fee_deltas(self) -> dict:
        source = self._t_fees if self._trades_lead() else {**self._t_fees, **self._s_fees}
        out = {}
        for cur in set(source) | set(self._e_fees):
            change = source.get(cur, 0.0) - self._e_fees.get(cur, 0.0)
            scale = max(abs(source.get(cur, 0.0)), abs(self._e_fees.get(cur, 0.0)))
            if abs(change) > max(self.rel_tol * scale, _FEE_ABS_TOL):
                out[cur] = change
        return dict(sorted(out.items(), key=lambda kv: str(kv[0])))

    def _emit(self, amount: float, price: float, fee: float, currency: Optional[str],
              timestamp: Any, trade_id: Optional[str], source: str) -> Fill:
        self._e_filled += amount
        self._e_cost += amount * price
        if self._amount is not None and self._e_filled >= self._amount:
            self._e_filled = self._amount  # exact, so `complete` holds
        if fee != 0.0:
            self._e_fees[currency] = self._e_fees.get(currency, 0.0) + fee
        average = self._e_cost / self._e_filled if self._e_filled > 0.0 else 0.0
        fill = Fill(amount, price, fee, currency, timestamp, trade_id, source,
                    self._e_filled, average)
        self._fills.append(fill)
        return fill


@dataclass(frozen=True, slots=True)
class OrderEvent:
    """One change of an order (see the module docstring for the kinds)."""
    kind: str
    record: 'OrderRecord'
    fill: Optional[Fill] = None
    info: Any = None


@dataclass(eq=False)
class OrderRecord:
    """What the manager knows about one order.  ``amount`` is updated to
    the exchange's figure when a report gives one; ``info`` is the last
    raw order dict; ``created`` is the manager clock (ms) at ``track``."""
    ref: Any
    symbol: str
    side: str
    amount: float
    client_id: Optional[str]
    order_type: Optional[str] = None
    price: Optional[float] = None
    params: dict = field(default_factory=dict)
    exchange_id: Optional[str] = None
    status: str = 'submitted'
    created: float = 0.0
    updated: float = 0.0
    timestamp: Any = None
    reason: Any = None
    info: Optional[dict] = None
    ledger: FillLedger = field(default_factory=FillLedger)

    @property
    def alive(self) -> bool:
        return self.status not in TERMINAL

    @property
    def filled(self) -> float:
        return self.ledger.filled

    @property
    def remaining(self) -> float:
        left = self.ledger.remaining
        return max(self.amount - self.ledger.filled, 0.0) if left is None else left

    @property
    def average(self) -> Optional[float]:
        return self.ledger.average

    @property
    def cost(self) -> float:
        return self.ledger.cost

    @property
    def fees(self) -> dict:
        return self.ledger.fees

    @property
    def fee(self) -> float:
        return self.ledger.fee

    @property
    def fills(self) -> list[Fill]:
        return self.ledger.fills

    @property
    def trade_ids(self) -> tuple:
        return self.ledger.trade_ids

    @property
    def anomalies(self) -> list[str]:
        return list(self.ledger.anomalies)


def _fee_of(data: dict) -> tuple[Optional[float], Optional[str]]:
    """(cost, currency) of a ccxt ``fee`` dict (or a single-entry ``fees``)."""
    fee = data.get('fee')
    if not isinstance(fee, dict):
        fees = data.get('fees')
        fee = fees[0] if isinstance(fees, list) and len(fees) == 1 else None
    if not isinstance(fee, dict):
        return None, None
    return _opt_float(fee.get('cost')), fee.get('currency')


class OrderManager:
    """The live orders of one broker (see the module docstring).

    ``step``: amount step given to each ledger (see FillLedger); ``clock``: returns ms
    (default wall clock), stamps ``created``/``updated``; ``max_orphans``:
    how many unknown exchange ids keep buffered reports (oldest dropped);
    ``max_history``: how many ended orders (and their fills) are kept for
    the history queries — beyond it the oldest are forgotten, so a bot
    running for months does not grow without bound (None: keep all).

    Every state change happens under one re-entrant lock, so a socket
    thread may feed reports while the main thread queries.  Listeners are
    called synchronously, in event order, on the thread that caused the
    events; a listener feeding the manager again has its events queued
    behind the current ones.  A listener raising is logged and skipped.
    """

    def __init__(self, *, step: float = 0.0, clock: Optional[Callable[[], float]] = None,
                 max_orphans: int = 1000, max_history: Optional[int] = 10000) -> None:
        self._step = _number(step, 'step', nonneg=True)
        if clock is not None and not callable(clock):
            raise TypeError('clock must be callable')
        self._clock = clock or (lambda: time.time() * 1000.0)
        if isinstance(max_orphans, bool) or not isinstance(max_orphans, int) or max_orphans < 0:
            raise ValueError(f'max_orphans must be an int >= 0, got {max_orphans!r}')
        self._max_orphans = max_orphans
        if max_history is not None and (isinstance(max_history, bool) or
                                        not isinstance(max_history, int) or max_history < 0):
            raise ValueError(f'max_history must be an int >= 0 or None, got {max_history!r}')
        self._max_history = max_history
        self._size_at_prune = 0
        self._lock = threading.RLock()
        self._by_ref: dict[Any, OrderRecord] = {}
        self._by_exid: dict[str, OrderRecord] = {}
        self._by_cid: dict[str, OrderRecord] = {}
        self._orphans: OrderedDict[str, list[tuple[str, dict]]] = OrderedDict()
        self._fill_log: list[tuple[Any, Fill]] = []
        self._listeners: list[Callable[[OrderEvent], Any]] = []
        self._queue: deque[OrderEvent] = deque()
        self._dispatching = False

    # -- listeners ---------------------------------------------------------
    def add_listener(self, listener: Callable[[OrderEvent], Any]) -> None:
        if not callable(listener):
            raise TypeError('listener must be callable')
        with self._lock:
            self._listeners.append(listener)

    def remove_listener(self, listener: Callable[[OrderEvent], Any]) -> None:
        with self._lock:
            if listener not in self._listeners:
                raise ValueError('listener is not registered')
            self._listeners.remove(listener)

    def _dispatch(self, events: list[OrderEvent]) -> list[OrderEvent]:
        self._queue.extend(events)
        if self._dispatching:
            return events
        self._dispatching = True
        try:
            while self._queue:
                event = self._queue.popleft()
                for listener in list(self._listeners):
                    try:
                        listener(event)
                    except Exception:  # a listener bug must not stop the others
                        log.exception('order listener %r failed on %s', listener, event.kind)
        finally:
            self._dispatching = False
        return events

    # -- registry ------------------------------------------------------------
    def track(self, ref: Any, symbol: str, side: str, amount: float,
              client_id: Optional[str] = None, order_type: Optional[str] = None,
              price: Optional[float] = None, params: Optional[dict] = None) -> OrderRecord:
        """Register an order about to be sent; status ``'submitted'``."""
        if ref is None:
            raise ValueError('ref is required')
        if not isinstance(symbol, str) or not symbol:
            raise TypeError('symbol must be a non-empty str')
        if side not in ('buy', 'sell'):
            raise ValueError(f"side must be 'buy' or 'sell', got {side!r}")
        amount = _number(amount, 'amount', positive=True)
        price = None if price is None else _number(price, 'price', positive=True)
        if client_id is not None and (not isinstance(client_id, str) or not client_id):
            raise TypeError('client_id must be a non-empty str or None')
        with self._lock:
            if ref in self._by_ref:
                raise ValueError(f'ref {ref!r} is already tracked')
            if client_id is not None and client_id in self._by_cid:
                raise ValueError(f'client_id {client_id!r} is already tracked')
            now = self._clock()
            rec = OrderRecord(ref, symbol, side, amount, client_id, order_type, price,
                              dict(params or {}), created=now, updated=now,
                              ledger=FillLedger(amount, step=self._step, fallback_price=price))
            self._by_ref[ref] = rec
            if client_id is not None:
                self._by_cid[client_id] = rec
            if self._max_history is not None and len(self._by_ref) - self._size_at_prune \
                    > max(100, self._max_history // 10):
                self.prune()
            return rec

    def prune(self, keep: Optional[int] = None) -> list:
        """Forget the oldest ended orders beyond the newest ``keep`` of
        them (default ``max_history``), with their fills and ids; the refs
        forgotten.  Live orders are never forgotten.  ``track`` calls this
        by itself every ``max(100, max_history // 10)`` new orders."""
        if keep is None:
            keep = self._max_history
        if keep is None:
            return []
        keep = int(_number(keep, 'keep', nonneg=True))
        with self._lock:
            ended = [r for r in self._by_ref.values() if not r.alive]
            drop = ended[:max(0, len(ended) - keep)]
            gone = {r.ref for r in drop}
            for rec in drop:
                del self._by_ref[rec.ref]
                if rec.client_id is not None and self._by_cid.get(rec.client_id) is rec:
                    del self._by_cid[rec.client_id]
            if gone:
                self._by_exid = {k: r for k, r in self._by_exid.items() if r.ref not in gone}
                self._fill_log = [(ref, f) for ref, f in self._fill_log if ref not in gone]
            self._size_at_prune = len(self._by_ref)
            return [r.ref for r in drop]

    def lookup(self, exchange_id: Optional[str] = None, client_id: Optional[str] = None,
               ref: Any = None) -> Optional[OrderRecord]:
        """The record matching ``ref``, else ``exchange_id``, else ``client_id``."""
        with self._lock:
            if ref is not None and ref in self._by_ref:
                return self._by_ref[ref]
            if exchange_id is not None and str(exchange_id) in self._by_exid:
                return self._by_exid[str(exchange_id)]
            if client_id is not None:
                return self._by_cid.get(client_id)
            return None

    def get(self, ref: Any) -> Optional[OrderRecord]:
        with self._lock:
            return self._by_ref.get(ref)

    def _resolve(self, key: Any) -> OrderRecord:
        rec = self._by_ref.get(key) or (self._by_cid.get(key) if isinstance(key, str) else None)
        if rec is None:
            raise KeyError(f'no tracked order with ref or client_id {key!r}')
        return rec

    def bind(self, ref_or_client_id: Any, exchange_id: str) -> list[OrderEvent]:
        """Attach the exchange id (the order is accepted: ``'new'``) and
        replay the reports buffered for it."""
        if exchange_id is None or exchange_id == '':
            raise ValueError('exchange_id is required')
        with self._lock:
            rec = self._resolve(ref_or_client_id)
            events: list[OrderEvent] = []
            self._bind(rec, str(exchange_id), events, announce=True)
            return self._dispatch(events)

    def alias(self, exchange_id: str, other_id: str) -> list[OrderEvent]:
        """The order bound to ``exchange_id`` goes on under ``other_id`` too
        (a conditional order that placed another when it triggered, as
        Binance's algo service does): reports for either id apply to the
        same record, and those buffered for ``other_id`` are replayed."""
        with self._lock:
            rec = self._by_exid.get(str(exchange_id))
            if rec is None:
                raise KeyError(f'no order bound to exchange id {exchange_id!r}')
            other_id = str(other_id)
            other = self._by_exid.get(other_id)
            if other is not None and other is not rec:
                raise ValueError(f'exchange id {other_id!r} is already bound to ref '
                                 f'{other.ref!r}')
            self._by_exid[other_id] = rec
            events: list[OrderEvent] = []
            self._bind(rec, other_id, events, announce=False)
            return self._dispatch(events)

    def _bind(self, rec: OrderRecord, exid: str, events: list, announce: bool) -> bool:
        other = self._by_exid.get(exid)
        if other is not None and other is not rec:
            raise ValueError(f'exchange id {exid!r} is already bound to ref {other.ref!r}')
        if other is None and rec.exchange_id is not None and rec.exchange_id != exid:
            log.info('order %r is bound to %s; holding a report for %s until it '
                        'is named an alias', rec.ref, rec.exchange_id, exid)
            return False
        if rec.exchange_id is None:
            rec.exchange_id = exid
            self._by_exid[exid] = rec
        if announce:
            self._announce(rec, events)
        for what, data in self._orphans.pop(exid, ()):
            if what == 'order':
                self._apply_order(rec, data, events)
            else:
                self._apply_trade(rec, data, events)
        return True

    def _announce(self, rec: OrderRecord, events: list) -> None:
        if rec.status == 'submitted':
            rec.status = 'open'
            events.append(OrderEvent('new', rec))

    def _buffer(self, exid: str, what: str, data: dict) -> None:
        if self._max_orphans == 0:
            return
        if exid not in self._orphans and len(self._orphans) >= self._max_orphans:
            dropped, _ = self._orphans.popitem(last=False)
            log.warning('dropping buffered reports of unknown order %s', dropped)
        self._orphans.setdefault(exid, []).append((what, dict(data)))

    # -- reports -------------------------------------------------------------
    def reject(self, ref_or_client_id: Any, reason: Any = None) -> list[OrderEvent]:
        """The exchange refused the order (e.g. the create call failed)."""
        with self._lock:
            rec = self._resolve(ref_or_client_id)
            events: list[OrderEvent] = []
            self._transition(rec, 'rejected', events, reason)
            return self._dispatch(events)

    def on_order(self, data: dict, ref: Any = None) -> list[OrderEvent]:
        """Apply a ccxt unified order dict (``ref``: the local order it
        answers, for a create reply); returns the events it caused.  A
        report about an unknown order is buffered under its id until
        ``bind`` (or a report carrying its client id) names it."""
        if not isinstance(data, dict):
            raise TypeError('data must be a ccxt order dict')
        with self._lock:
            exid = data.get('id')
            exid = None if exid in (None, '') else str(exid)
            rec = self.lookup(exchange_id=exid, client_id=data.get('clientOrderId'), ref=ref)
            events: list[OrderEvent] = []
            if rec is None:
                if exid is not None:
                    self._buffer(exid, 'order', data)
                else:
                    log.warning('order report without id for an unknown order: %r', data)
                return events
            if exid is not None and rec.exchange_id != exid:
                rejecting = CCXT_STATUS.get(data.get('status')) == 'rejected'
                if not self._bind(rec, exid, events, announce=not rejecting):
                    self._buffer(exid, 'order', data)
                    return self._dispatch(events)
            self._apply_order(rec, data, events)
            return self._dispatch(events)

    def on_trade(self, data: dict) -> list[OrderEvent]:
        """Apply a ccxt unified trade dict, routed by its ``order`` id (or
        ``clientOrderId``); buffered when the order is not known yet."""
        if not isinstance(data, dict):
            raise TypeError('data must be a ccxt trade dict')
        with self._lock:
            exid = data.get('order')
            exid = None if exid in (None, '') else str(exid)
            rec = self.lookup(exchange_id=exid, client_id=data.get('clientOrderId'))
            events: list[OrderEvent] = []
            if rec is None:
                if exid is not None:
                    self._buffer(exid, 'trade', data)
                else:
                    log.warning('trade without order id for an unknown order: %r', data)
                return events
            if exid is not None and rec.exchange_id != exid:
                if not self._bind(rec, exid, events, announce=True):
                    self._buffer(exid, 'trade', data)
                    return self._dispatch(events)
            self._apply_trade(rec, data, events)
            return self._dispatch(events)

    def _apply_trade(self, rec: OrderRecord, data: dict, events: list) -> None:
        amount, price = _opt_float(data.get('amount')), _opt_float(data.get('price'))
        if data.get('id') in (None, '') or not amount or not price or amount < 0 or price < 0:
            log.warning('unusable trade for order %r: %r', rec.ref, data)
            return
        fee, currency = _fee_of(data)
        fills = self._watch(rec, events, lambda: rec.ledger.on_trade(
            data['id'], amount, price, fee or 0.0, currency, data.get('timestamp')))
        self._fills_to_events(rec, fills, events)

    def _apply_order(self, rec: OrderRecord, data: dict, events: list) -> None:
        rec.updated = self._clock()
        rec.info = data
        if data.get('timestamp') is not None:
            rec.timestamp = data['timestamp']
        amount = _opt_float(data.get('amount'))
        if amount is not None and amount > 0.0 and amount != rec.amount:
            rec.amount = amount
            self._watch(rec, events, lambda: setattr(rec.ledger, 'amount', amount))
        self._apply_embedded_trades(rec, data.get('trades'), events)
        self._apply_snapshot(rec, data, events)
        status = data.get('status')
        target = CCXT_STATUS.get(status) if status is not None else None
        if status is not None and target is None:
            log.warning('unknown order status %r for order %r', status, rec.ref)
        if target is not None:
            reason = data.get('info') if target == 'rejected' else None
            self._transition(rec, target, events, reason)

    def _apply_embedded_trades(self, rec: OrderRecord, trades: Any, events: list) -> None:
        """Trades listed inside an order: those with ids are ordinary trades;
        those without (some create replies) are summed into a snapshot, as
        they cannot be told apart from the same trades fetched later."""
        if not isinstance(trades, list):
            return                          # None: not listed; [] needs nothing
        anon_filled = anon_cost = anon_fee = 0.0
        currencies = set()
        for trade in trades:
            if not isinstance(trade, dict):
                continue
            if trade.get('id') not in (None, ''):
                self._apply_trade(rec, trade, events)
                continue
            amount, price = _opt_float(trade.get('amount')), _opt_float(trade.get('price'))
            if amount and price and amount > 0 and price > 0:
                fee, currency = _fee_of(trade)
                anon_filled += amount
                anon_cost += amount * price
                anon_fee += fee or 0.0
                currencies.add(currency)
        if anon_filled > 0.0:
            one_currency = len(currencies) == 1
            fills = self._watch(rec, events, lambda: rec.ledger.on_snapshot(
                anon_filled, cost=anon_cost,
                fee=anon_fee if one_currency and anon_fee else None,
                fee_currency=next(iter(currencies)) if one_currency else None))
            self._fills_to_events(rec, fills, events)

    def _apply_snapshot(self, rec: OrderRecord, data: dict, events: list) -> None:
        filled = _opt_float(data.get('filled'))
        if filled is None:
            remaining = _opt_float(data.get('remaining'))
            if remaining is None or _opt_float(data.get('amount')) is None:
                return
            filled = max(_opt_float(data['amount']) - remaining, 0.0)
        average = _opt_float(data.get('average'))
        cost = _opt_float(data.get('cost'))
        fee, currency = _fee_of(data)
        fills = self._watch(rec, events, lambda: rec.ledger.on_snapshot(
            max(filled, 0.0), average if average and average > 0 else None, fee,
            data.get('timestamp'), data.get('status'),
            cost=cost if cost and cost > 0 else None, fee_currency=currency))
        self._fills_to_events(rec, fills, events)

    def _watch(self, rec: OrderRecord, events: list, action: Callable[[], Any]) -> Any:
        """Run a ledger call; report the anomalies it flags as events."""
        before = len(rec.ledger.anomalies)
        result = action()
        for message in rec.ledger.anomalies[before:]:
            events.append(OrderEvent('anomaly', rec, info=message))
        return result

    def _fills_to_events(self, rec: OrderRecord, fills: Iterable[Fill], events: list) -> None:
        for fill in fills:
            self._fill_log.append((rec.ref, fill))
            if fill.amount == 0.0:
                events.append(OrderEvent('fee', rec, fill))
                continue
            if not rec.alive:
                events.append(OrderEvent('late_fill', rec, fill))
                continue
            self._announce(rec, events)
            rec.status = 'filled' if rec.ledger.complete else 'partial'
            events.append(OrderEvent(rec.status, rec, fill))

    def _transition(self, rec: OrderRecord, target: str, events: list, info: Any) -> None:
        if not rec.alive or target in ('open', 'partial', 'submitted'):
            if target == 'open':
                self._announce(rec, events)
            return
        if target == 'rejected':
            rec.reason = info
        else:
            self._announce(rec, events)
        rec.status = target
        if target == 'filled':
            info = {'remaining': rec.remaining}
        events.append(OrderEvent(target, rec, info=info))

    # -- queries -------------------------------------------------------------
    def open_orders(self, symbol: Optional[str] = None) -> list[OrderRecord]:
        """Orders not in a terminal state (``submitted`` included), oldest first."""
        with self._lock:
            return [r for r in self._by_ref.values()
                    if r.alive and (symbol is None or r.symbol == symbol)]

    def history(self, symbol: Optional[str] = None, since: Optional[float] = None,
                status: Any = None) -> list[OrderRecord]:
        """All tracked orders, oldest first, filtered by symbol, by
        ``created >= since`` (ms) and by status (one or several)."""
        if isinstance(status, str):
            status = (status,)
        if status is not None:
            status = tuple(status)
            unknown = [s for s in status if s not in STATUSES]
            if unknown:
                raise ValueError(f'status must be among {STATUSES}, got {unknown[0]!r}')
        if since is not None:
            since = _number(since, 'since')
        with self._lock:
            return [r for r in self._by_ref.values()
                    if (symbol is None or r.symbol == symbol)
                    and (since is None or r.created >= since)
                    and (status is None or r.status in status)]

    def trades(self, ref: Any = None) -> list[Fill]:
        """Fills in emission order, of one order or of all (fee-only
        fills, ``amount == 0``, included)."""
        with self._lock:
            return [f for r, f in self._fill_log if ref is None or r == ref]
