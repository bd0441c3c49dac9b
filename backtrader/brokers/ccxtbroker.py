"""``CCXTBroker``: a live broker that really sends orders with ccxt.

Orders leave from the engine's thread only: ``buy``/``sell``/``cancel``
talk to the exchange through the store (its limiter and retry policy),
and everything the exchange reports — create replies, ``watch_orders``/
``watch_my_trades`` events from the stream thread, polls — is queued and
applied in ``next()`` on the engine's thread, through the order manager
(``backtrader.stores.ordermanager``) that deduplicates fills reported
both as trades and as cumulative amounts.  Strategies see the usual
``notify_order``/``notify_trade``; a refused order arrives as Rejected
(or Margin when funds were short), never as an exception in ``next()``.

Order types come from ``ORDER_TYPES`` (data, per market type): Market,
Limit, Stop (a stop-market: the trigger is ``price``), StopLimit
(trigger ``price``, limit ``plimit``).  Amounts and prices are rounded
with the market's precision; an order below the market's minimum amount
or cost is rejected with the reason in ``order.info.reject_reason``.
Every order carries a client order id (``order.info.client_id``); an
ambiguous send is resolved by looking it up (see ``CCXTStore``).

Trailing stops (StopTrail, StopTrailLimit; ``trailamount`` or
``trailpercent``) are kept here, not on the exchange: after each closed
bar the stop follows the close as in backtests, and when a bar reaches
it the order goes out as a market order (or a limit at the trailed
limit price).  So they act on closed bars, not on ticks.

``valid`` works as in backtests, by the data's clock: once a bar is
stamped past it, the order is canceled on the exchange and reported
Expired.

Brackets (``buy_bracket``): the parent goes out first; its stop and limit
children when it has filled; when one child fills or is canceled the
other is canceled (one cancels the other).  ``oco=`` groups work the same.
On spot, where both exits sell the same coins, the pair goes out as the
exchange's own OCO list where it has one (``_nativeoco.NATIVE_OCO``; the
exchange then cancels the other leg itself); elsewhere the stop is
watched here and sent as a market order when a bar reaches it.

Positions are read from the exchange when each data starts (the spot
base balance, or the futures position) — never assumed flat — and the
broker never flattens anything when it stops.
"""
from __future__ import annotations

import collections
import logging
import queue
import time
from typing import Any, Optional

from ..broker import BrokerBase, OrderEntry
from ..order import Order
from ..position import Position
from ..stores.base import StoreError
from ..stores.ccxtstore import CCXTStore, new_client_id
from ..stores.ordermanager import OrderManager
from ._nativeoco import ExitLeg, native_oco

__all__ = ['CCXTBroker', 'ORDER_TYPES']

log = logging.getLogger(__name__)

#: (ccxt type, where the backtrader price goes) per market type and exectype
ORDER_TYPES = {
    'spot': {Order.Market: ('market', None), Order.Limit: ('limit', 'price'),
             Order.Stop: ('STOP_LOSS', 'stopPrice'),
             Order.StopLimit: ('STOP_LOSS_LIMIT', 'stopPrice')},
    'future': {Order.Market: ('market', None), Order.Limit: ('limit', 'price'),
               Order.Stop: ('STOP_MARKET', 'stopPrice'),
               Order.StopLimit: ('STOP', 'stopPrice')},
}
CONDITIONAL = (Order.Stop, Order.StopLimit)
#: fields of an order's raw reply naming the order it placed when it
#: triggered (Binance's algo service); its reports count for this order
FOLLOW_ID_FIELDS = ('actualOrderId',)
#: trailing stops are watched here and sent when a closed bar reaches them
TRAILING = (Order.StopTrail, Order.StopTrailLimit)
#: how long an order the exchange reports filled waits for its trades
SETTLE_SECONDS = 5.0


class CCXTBroker(OrderEntry, BrokerBase):
    """Params: ``store`` (a CCXTStore), ``currency`` (the cash currency;
    None: the quote of the first data), ``use_ws`` (None: stream order
    updates when the exchange can), ``poll_interval`` (seconds between
    order polls, 1.0; with streams a safety poll runs 5x less often),
    ``order_types`` (overrides of ORDER_TYPES), ``balance_ttl`` (seconds a
    balance read is reused, 2.0), ``native_oco`` (send spot bracket exits
    as the exchange's OCO list where it has one, True), ``keep_orders``
    (ended orders kept in ``orders`` and the order manager's history,
    10000; the oldest beyond it are forgotten so a long run stays small;
    None: keep all)."""

    params = (
        ('store', None),
        ('currency', None),
        ('use_ws', None),
        ('poll_interval', 1.0),
        ('order_types', None),
        ('balance_ttl', 2.0),
        ('native_oco', True),
        ('keep_orders', 10000),
    )

    def __init__(self) -> None:
        super().__init__()
        if not isinstance(self.p.store, CCXTStore):
            raise ValueError('CCXTBroker needs store=CCXTStore(...) (or use '
                             'store.getbroker())')
        self.store = self.p.store
        self.notifs: collections.deque = collections.deque()
        self.positions: dict = collections.defaultdict(Position)
        self.orders: dict = {}           # ref -> live Order
        self._inbox: queue.Queue = queue.Queue()
        self._waiting: dict = {}         # parent ref -> children held until it fills
        self._groups: dict = {}          # order ref -> set of refs that cancel together
        self._balance = None
        self._balance_at = 0.0
        self._last_poll = 0.0
        self._streaming = False
        self._held: dict = {}            # parents waiting for their group
        self._armed: dict = {}           # ref -> (stop watched here, bars seen)
        self._expiring: set = set()      # refs canceled because ``valid`` passed
        self._linked: set = set()        # refs the exchange cancels together itself
        self._settling: dict = {}        # ref -> deadline: done on the exchange, fills awaited
        self.manager = OrderManager(max_history=self.p.keep_orders)
        self.manager.add_listener(self._on_event)

    @property
    def market_type(self) -> str:
        kind = self.store.p.market_type or self.store.exchange.options.get(
            'defaultType', 'spot')
        return 'future' if kind in ('future', 'swap', 'linear', 'delivery') else 'spot'

    # --- life cycle ---------------------------------------------------------------
    def start(self) -> None:
        super().start()
        self.store.start(broker=self)
        self.startingcash = self.getcash()
        self.startingvalue = self.getvalue()
        use_ws = self.p.use_ws
        if use_ws is None:
            use_ws = self.store.ws_has('watchOrders') and self.store.ws_has('watchMyTrades')
        if use_ws:
            self.store.watch(('orders',), 'watch_orders', (), self._inbox_orders)
            self.store.watch(('mytrades',), 'watch_my_trades', (), self._inbox_trades)
            self._streaming = True

    def stop(self) -> None:
        if self._streaming:
            self.store.unwatch(('orders',))
            self.store.unwatch(('mytrades',))
        self.store.stop()

    def data_started(self, data: Any) -> None:
        """Read what the account already holds of ``data``'s market."""
        symbol = data.p.dataname
        market = self.store.market(symbol)
        pos = self.positions[data]
        if self.market_type == 'future':
            rows = self.store.rest('fetch_positions', [symbol])
            for row in rows or ():
                contracts = float(row.get('contracts') or 0.0)
                if contracts and row.get('symbol') == symbol:
                    sign = -1.0 if row.get('side') == 'short' else 1.0
                    pos.set(pos.size + sign * contracts, float(row.get('entryPrice') or 0.0))
        else:
            held = self._balance_of(market['base'], 'total')
            if held:
                ticker = self.store.rest('fetch_ticker', symbol)
                pos.set(held, float(ticker.get('last') or 0.0))

    # --- account ------------------------------------------------------------------
    def _balances(self, fresh: bool = False) -> dict:
        now = time.monotonic()
        if fresh or self._balance is None or now - self._balance_at > self.p.balance_ttl:
            self._balance = self.store.rest('fetch_balance')
            self._balance_at = now
        return self._balance

    def _balance_of(self, currency: str, kind: str = 'free') -> float:
        entry = self._balances().get(currency) or {}
        return float(entry.get(kind) or 0.0)

    def _currency(self) -> str:
        if self.p.currency:
            return self.p.currency
        env = getattr(self.store, 'datas', None) or []
        if env:
            return self.store.market(env[0].p.dataname)['quote']
        return 'USDT'

    def getcash(self) -> float:
        return self._balance_of(self._currency(), 'free')

    def getvalue(self, datas: Any = None) -> float:
        cash = self._balance_of(self._currency(), 'total')
        total = 0.0
        for data, pos in self.positions.items():
            if datas is not None and data not in datas:
                continue
            if not pos.size or not len(data):
                continue
            if self.market_type == 'future':
                total += pos.size * (data.close[0] - pos.price)
            else:
                total += pos.size * data.close[0]
        return (cash if datas is None else 0.0) + total

    def getposition(self, data: Any, clone: bool = True) -> Position:
        pos = self.positions[data]
        return pos.clone() if clone else pos

    def refresh(self) -> None:
        """Read the balances again now (they are reused ``balance_ttl`` s)."""
        self._balances(fresh=True)

    def set_leverage(self, leverage: int, data: Any) -> Any:
        return self.store.rest('set_leverage', leverage, data.p.dataname)

    def set_margin_mode(self, mode: str, data: Any) -> Any:
        return self.store.rest('set_margin_mode', mode, data.p.dataname)

    # --- orders -------------------------------------------------------------------
    def _enter(self, order: Order, oco: Any, info: dict,
               checksubmit: bool = True) -> Order:
        order.addinfo(**info)
        order.addcomminfo(self.getcommissioninfo(order.data))
        self.orders[order.ref] = order
        if oco is not None:
            group = self._groups.setdefault(oco.ref, {oco.ref})
            group.add(order.ref)
            self._groups[order.ref] = group
        parent = order.parent
        if parent is not None:
            siblings = self._waiting.setdefault(parent.ref, [])
            siblings.append(order)
            group = self._groups.setdefault(('bracket', parent.ref), set())
            group.add(order.ref)
            self._groups[order.ref] = group
            order.submit()
            self.notify(order)
            if order.transmit and parent.ref in self._held:
                self._send(self._held.pop(parent.ref))
            elif parent.status == Order.Completed:
                self._release_children(parent)
            return order
        if not order.transmit:      # held until a child transmits the group
            order.submit()
            self.notify(order)
            self._held[order.ref] = order
            return order
        self._send(order)
        return order

    def _spec(self, order: Order) -> tuple:
        table = dict(ORDER_TYPES[self.market_type])
        table.update((self.p.order_types or {}).get(self.market_type, {}))
        spec = table.get(order.exectype)
        if spec is None:
            raise ValueError('%s orders are not supported by CCXTBroker on %s markets'
                             % (order.getordername(), self.market_type))
        return spec

    def _request(self, order: Order) -> tuple:
        """(symbol, ccxt type, side, amount, price, params) or a reason."""
        ex = self.store.exchange
        symbol = order.data.p.dataname
        market = self.store.market(symbol)
        as_market = bool(order.info.get('as_market'))
        as_limit = order.info.get('as_limit')
        if as_market:
            otype = 'market'
        elif as_limit:
            otype = 'limit'
        else:
            otype, _ = self._spec(order)
        amount = float(ex.amount_to_precision(symbol, abs(order.size)))
        params: dict = {}
        price = None
        if as_market:
            pass
        elif as_limit:
            price = float(ex.price_to_precision(symbol, as_limit))
        elif order.exectype == Order.Limit:
            price = float(ex.price_to_precision(symbol, order.price))
        elif order.exectype in CONDITIONAL:
            params['stopPrice'] = float(ex.price_to_precision(symbol, order.price))
            if order.exectype == Order.StopLimit:
                price = float(ex.price_to_precision(symbol, order.pricelimit or
                                                    order.price))
        info = order.info
        if info.get('reduce_only'):
            params['reduceOnly'] = True
        if info.get('position_side'):
            params['positionSide'] = str(info['position_side']).upper()
        params.update(info.get('params') or {})
        limits = market.get('limits') or {}
        low = (limits.get('amount') or {}).get('min')
        if low and amount < low:
            raise ValueError('amount %s below the minimum %s of %s' % (amount, low, symbol))
        ref_price = price or params.get('stopPrice') or (order.data.close[0]
                                                        if len(order.data) else None)
        low_cost = (limits.get('cost') or {}).get('min')
        if low_cost and ref_price and amount * ref_price < low_cost and \
                not params.get('reduceOnly'):
            raise ValueError('order cost %.8g below the minimum %s of %s'
                             % (amount * ref_price, low_cost, symbol))
        side = 'buy' if order.isbuy() else 'sell'
        return symbol, otype, side, amount, price, params

    def _send(self, order: Order) -> None:
        if order.exectype in TRAILING and not order.info.get('as_market') and \
                not order.info.get('as_limit'):
            self._arm(order)
            return
        if order.status == Order.Created:
            order.submit()
            self.notify(order)
        try:
            symbol, otype, side, amount, price, params = self._request(order)
        except (ValueError, TypeError) as exc:
            self._refuse(order, str(exc))
            return
        except Exception as exc:  # ccxt's rounding refuses amounts below precision
            self._refuse(order, self.store.redact(exc))
            return
        client_id = new_client_id()
        order.addinfo(client_id=client_id)
        self.manager.track(order.ref, symbol, side, amount, client_id=client_id,
                           order_type=otype, price=price, params=params)
        try:
            reply = self.store.create_order(symbol, otype, side, amount, price, params,
                                            client_id,
                                            conditional=order.exectype in CONDITIONAL
                                            and self.market_type == 'future')
        except StoreError as exc:
            margin = exc.cause_name == 'InsufficientFunds'
            self._refuse(order, str(exc), margin=margin)
            self.manager.reject(order.ref, str(exc))
            return
        self._inbox.put(('order', reply, order.ref))
        self._drain()

    def _refuse(self, order: Order, reason: str, margin: bool = False) -> None:
        if not order.alive():
            return
        order.addinfo(reject_reason=reason)
        if margin:
            order.margin()
        else:
            order.reject()
        self.notify(order)
        self._ended(order)

    def cancel(self, order: Order) -> bool:
        if not order.alive():
            return False
        held = self._held
        armed = self._armed.pop(order.ref, None) is not None
        record = self.manager.get(order.ref)
        if record is None or record.exchange_id is None:
            if armed or order.ref in held or order.parent is not None:
                held.pop(order.ref, None)
                if order.ref in self._expiring:
                    order.status = Order.Expired
                else:
                    order.cancel()
                self.notify(order)
                self._ended(order)
                return True
            return False
        conditional = order.exectype in CONDITIONAL and self.market_type == 'future'
        params = {'trigger': True} if conditional else {}
        try:
            reply = self.store.rest('cancel_order', record.exchange_id,
                                    order.data.p.dataname, params)
        except StoreError as exc:
            if exc.cause_name == 'OrderNotFound':
                self._poll_one(order)       # it ended meanwhile: learn how
                return False
            raise
        self._inbox.put(('order', reply, order.ref))
        self._drain()
        return True

    # --- what the exchange reports -----------------------------------------------------
    def _inbox_orders(self, orders: Any) -> None:
        for row in orders or ():
            self._inbox.put(('order', row, None))

    def _inbox_trades(self, trades: Any) -> None:
        for row in trades or ():
            self._inbox.put(('trade', row, None))

    def next(self) -> None:
        self._drain()
        interval = self.p.poll_interval * (5 if self._streaming else 1)
        now = time.monotonic()
        self._watch_armed()
        self._expire_due()
        self._settle_due()
        self._forget_ended()
        if now - self._last_poll >= interval and any(
                o.alive() and o.ref not in self._held and o.ref not in self._armed
                for o in self.orders.values()):
            self._last_poll = now
            self._poll()
        self._drain()

    def _forget_ended(self) -> None:
        """Drop the oldest ended orders beyond ``keep_orders`` (checked in
        batches, so a bar costs nothing until the batch is full)."""
        keep = self.p.keep_orders
        if keep is None or len(self.orders) <= keep + max(100, keep // 10):
            return
        busy = set(self._waiting) | set(self._groups) | set(self._armed) | \
            set(self._settling) | set(self._held)
        ended = [ref for ref, o in self.orders.items() if not o.alive() and ref not in busy]
        for ref in ended[:max(0, len(ended) - keep)]:
            del self.orders[ref]
            self._expiring.discard(ref)
            self._linked.discard(ref)

    def _expire_due(self) -> None:
        """``valid`` passed (by the data's clock): cancel and report Expired."""
        for order in list(self.orders.values()):
            valid = order.valid
            data = order.data
            if not valid or not order.alive() or order.ref in self._expiring or \
                    not len(data) or data.datetime[0] <= valid:
                continue
            self._expiring.add(order.ref)
            try:
                self.cancel(order)
            except StoreError:
                self._expiring.discard(order.ref)

    def _drain(self) -> None:
        while True:
            try:
                kind, row, ref = self._inbox.get_nowait()
            except queue.Empty:
                return
            if kind == 'order':
                follow = self._follow_id(row)
                known = follow and self.manager.lookup(exchange_id=row.get('id'))
                if known:               # first, so what it reported counts here
                    self._alias(row['id'], follow)
                self.manager.on_order(row, ref=ref)
                if follow and not known:
                    self._alias(row.get('id'), follow)
            else:
                self.manager.on_trade(row)

    @staticmethod
    def _follow_id(row: dict) -> Optional[str]:
        info = row.get('info')
        if not isinstance(info, dict):
            return None
        for field in FOLLOW_ID_FIELDS:
            value = info.get(field)
            if value not in (None, '', 0, '0'):
                return str(value)
        return None

    def _alias(self, exchange_id: Any, follow: str) -> None:
        if exchange_id in (None, '') or str(exchange_id) == follow or \
                self.manager.lookup(exchange_id=exchange_id) is None:
            return
        try:
            self.manager.alias(exchange_id, follow)
        except ValueError:          # already someone else's: not ours to follow
            pass

    def _poll(self) -> None:
        """One ``fetch_open_orders`` per symbol with live orders; the ones
        no longer open are fetched once each to learn how they ended.  An
        order's snapshot carries no fees, so when one shows new fills the
        symbol's trades are fetched once and applied first (the manager
        counts each fill once, whichever report brings it)."""
        live = [o for o in self.orders.values() if o.alive()]
        for symbol in sorted({o.data.p.dataname for o in live}):
            try:
                rows = self._open_rows(symbol)
            except StoreError:
                continue
            open_ids = {str(r.get('id')) for r in rows}
            for order in live:
                record = self.manager.get(order.ref)
                if order.data.p.dataname == symbol and record is not None and \
                        record.exchange_id is not None and \
                        str(record.exchange_id) not in open_ids:
                    row = self._fetch_one(order, record)
                    if row is not None:
                        rows.append(row)
            fresh = [r for r in rows if self._shows_new_fills(r)]
            if fresh:
                self._fetch_trades(symbol, min(r.get('timestamp') or 0 for r in fresh))
            for row in rows:
                self._inbox.put(('order', row, None))
            self._drain()

    def _open_rows(self, symbol: str) -> list:
        rows = list(self.store.rest('fetch_open_orders', symbol))
        if self.market_type == 'future':
            rows += self.store.rest('fetch_open_orders', symbol, None, None, {'trigger': True})
        return rows

    def _shows_new_fills(self, row: dict) -> bool:
        record = self.manager.lookup(exchange_id=row.get('id'))
        filled = row.get('filled') or 0.0
        return record is not None and filled > record.filled * (1 + 1e-9) + 1e-12

    def _fetch_trades(self, symbol: str, since: int) -> None:
        try:
            trades = self.store.rest('fetch_my_trades', symbol, since or None)
        except StoreError:
            return
        self._inbox_trades(trades)

    def _fetch_one(self, order: Order, record: Any) -> Optional[dict]:
        conditional = order.exectype in CONDITIONAL and self.market_type == 'future'
        try:
            return self.store.rest('fetch_order', record.exchange_id, order.data.p.dataname,
                                   {'trigger': True} if conditional else {})
        except StoreError:
            return None

    def _poll_one(self, order: Order) -> None:
        record = self.manager.get(order.ref)
        if record is None or record.exchange_id is None:
            return
        row = self._fetch_one(order, record)
        if row is None:
            return
        if self._shows_new_fills(row):
            self._fetch_trades(order.data.p.dataname, row.get('timestamp') or 0)
        self._inbox.put(('order', row, order.ref))
        self._drain()

    def _on_event(self, event: Any) -> None:
        order = self.orders.get(event.record.ref)
        if order is None:
            return
        kind = event.kind
        if kind == 'new':
            if order.status in (Order.Created, Order.Submitted):
                order.accept()
                self.notify(order)
        elif kind in ('partial', 'filled', 'late_fill') and event.fill is not None:
            self._execute(order, event.fill, final=(kind == 'filled'))
        elif kind == 'filled':
            if order.alive() and self._short_of(order):
                # done on the exchange, its fills not seen yet: read them and
                # wait for them (``_settle_due`` gives up after SETTLE_SECONDS)
                if order.ref not in self._settling:
                    self._settling[order.ref] = time.monotonic() + SETTLE_SECONDS
                    self._fetch_trades(order.data.p.dataname, event.record.timestamp or 0)
                    self._drain()
                if order.alive() and self._short_of(order):
                    return
            if order.alive():
                self._complete(order)
        elif kind in ('canceled', 'expired', 'rejected') and order.alive():
            if kind == 'canceled' and order.ref in self._expiring:
                kind = 'expired'
            elif kind == 'expired' and order.ref in self._linked and \
                    order.ref not in self._expiring:
                kind = 'canceled'     # the exchange ended it because its sibling did
            if kind == 'expired':
                order.status = Order.Expired
            else:
                getattr(order, {'canceled': 'cancel', 'rejected': 'reject'}[kind])()
            if kind == 'rejected':
                order.addinfo(reject_reason=event.info)
            self.notify(order)
            self._ended(order)

    def _execute(self, order: Order, fill: Any, final: bool) -> None:
        data = order.data
        size = fill.amount if order.isbuy() else -fill.amount
        price = fill.price
        comminfo = self.getcommissioninfo(data)
        pos = self.positions[data]
        pprice_orig = pos.price
        psize, pprice, opened, closed = pos.update(size, price)
        pnl = comminfo.profitandloss(-closed, pprice_orig, price)
        fee = fill.fee or 0.0
        market = self.store.market(data.p.dataname)
        withheld = 0.0
        if fill.fee_currency and fill.fee_currency == market.get('base'):
            withheld = fee if order.isbuy() else 0.0
            fee *= price                      # the fee in the cash currency
        if withheld:     # spot: the fee came out of the coins bought
            pos.update(-withheld, price)
            psize -= withheld
            opened -= withheld
            size -= withheld
            order.executed.remsize -= withheld
        execsize = closed + opened
        share = abs(closed) / abs(execsize) if execsize else 0.0
        closedcomm, openedcomm = fee * share, fee * (1.0 - share)
        closedvalue = comminfo.getoperationcost(closed, pprice_orig)
        openedvalue = comminfo.getoperationcost(opened, price)
        dt = data.datetime[0] if len(data) else 0.0
        order.execute(dt, size, price, closed, closedvalue, closedcomm,
                      opened, openedvalue, openedcomm, comminfo.margin, pnl, psize, pprice)
        self._balance = None                  # the next read is fresh
        if final or abs(order.executed.remsize) < 1e-12:
            self._complete(order)
        else:
            order.partial()
            self.notify(order)

    def _complete(self, order: Order) -> None:
        self._settling.pop(order.ref, None)
        order.completed()
        self.notify(order)
        self._ended(order, filled=True)

    def _settle_due(self) -> None:
        """Orders the exchange called filled whose fills never came within
        SETTLE_SECONDS complete with what was seen."""
        now = time.monotonic()
        for ref, deadline in list(self._settling.items()):
            order = self.orders.get(ref)
            if order is None or not order.alive():
                self._settling.pop(ref, None)
            elif now >= deadline:
                log.warning('order %s: filled on the exchange but only %s of %s seen',
                            ref, order.executed.size, order.size)
                self._complete(order)

    # --- linked orders --------------------------------------------------------------------
    def _ended(self, order: Order, filled: bool = False) -> None:
        """An order ended: release a filled parent's children, cancel the
        rest of its group, drop a parent's children when it did not fill."""
        if filled:
            self._release_children(order)
        else:
            for child in self._waiting.pop(order.ref, []):
                if child.alive():
                    child.cancel()
                    self.notify(child)
        group = self._groups.pop(order.ref, None)
        if group and order.ref in self._linked:     # the exchange did it
            for ref in group:
                self._groups.pop(ref, None)
        elif group:
            for ref in list(group):
                other = self.orders.get(ref)
                if ref != order.ref and other is not None and other.alive():
                    self._groups.pop(ref, None)
                    if not self.cancel(other) and other.alive():
                        other.cancel()
                        self.notify(other)

    def _release_children(self, parent: Order) -> None:
        """Send a filled parent's children.  On spot both exit legs would
        need the same coins: they go out as one native OCO list where the
        exchange has them; otherwise the stop leg is watched here
        (``_armed``) and sent as a market order when the price reaches it,
        after its sibling is canceled.  On futures the exits go out as
        they are, reduce-only unless told otherwise (hedge-mode orders name
        their position side instead)."""
        children = [c for c in self._waiting.pop(parent.ref, []) if c.alive()]
        local = self.market_type == 'spot' and len(children) > 1
        if self.market_type == 'spot':
            for child in children:         # exit what was received, net of fees
                self._fit_to(child, abs(parent.executed.size))
            pair = self._exit_pair(children)
            if pair is not None and self.p.native_oco and native_oco(self.store.exchange):
                self._send_oco(*pair)
                return
        else:          # exits only reduce: both filling cannot open a position
            for child in children:
                if 'reduce_only' not in child.info and not child.info.get('position_side'):
                    child.addinfo(reduce_only=True)
        for child in children:
            if local and child.exectype in CONDITIONAL:
                self._arm(child)
            else:
                self._send(child)

    @staticmethod
    def _exit_pair(children: list) -> Optional[tuple]:
        """(stop, limit) when the children are one of each on one side."""
        stops = [c for c in children if c.exectype in CONDITIONAL]
        limits = [c for c in children if c.exectype == Order.Limit]
        if len(children) != 2 or len(stops) != 1 or len(limits) != 1 or \
                stops[0].isbuy() != limits[0].isbuy():
            return None
        return stops[0], limits[0]

    def _send_oco(self, stop: Order, limit: Order) -> None:
        """Both exits as one exchange OCO list; the exchange cancels the
        other leg when one fills or is canceled."""
        legs = (stop, limit)
        self._linked.update((stop.ref, limit.ref))   # refused or sent, together
        for leg in legs:
            if leg.status == Order.Created:
                leg.submit()
                self.notify(leg)
        try:
            (symbol, _, side, amount, _, sparams), (_, _, _, _, lprice, _) = \
                self._request(stop), self._request(limit)
        except Exception as exc:  # below a minimum, or ccxt's rounding refused it
            for leg in legs:
                self._refuse(leg, self.store.redact(exc))
            return
        method, build = native_oco(self.store.exchange)
        ids = [new_client_id() for _ in range(3)]
        stop_price = sparams['stopPrice']
        stop_limit = None
        if stop.exectype == Order.StopLimit:
            stop_limit = float(self.store.exchange.price_to_precision(
                symbol, stop.pricelimit or stop.price))
        market = self.store.market(symbol)
        request = build(market['id'], side, amount, ExitLeg(ids[0], stop_limit, stop_price),
                        ExitLeg(ids[1], lprice), ids[2])
        for leg, cid, kind, price in ((stop, ids[0], 'stop', stop_price),
                                      (limit, ids[1], 'limit', lprice)):
            leg.addinfo(client_id=cid, oco_list_id=ids[2])
            self.manager.track(leg.ref, symbol, side, amount, client_id=cid,
                               order_type='oco-' + kind, price=price)
        ex = self.store.exchange

        def send() -> list:
            reply = getattr(ex, method)(request)
            return [ex.parse_order(row, market) for row in reply.get('orderReports') or ()]

        def lookup() -> Optional[list]:
            rows = [self.store.find_order(symbol, cid) for cid in ids[:2]]
            return None if any(row is None for row in rows) else rows
        try:
            rows = self.store.send_once(send, lookup, ids[2])
        except StoreError as exc:
            for leg in legs:
                self._refuse(leg, str(exc), margin=exc.cause_name == 'InsufficientFunds')
                self.manager.reject(leg.ref, str(exc))
            return
        for row in rows:
            self._inbox.put(('order', row, None))
        self._drain()

    @staticmethod
    def _short_of(order: Order) -> bool:
        """Less executed than asked (beyond rounding)."""
        return abs(order.executed.remsize) > 1e-9 * abs(order.size) + 1e-12

    @staticmethod
    def _fit_to(order: Order, most: float) -> None:
        if most and abs(order.size) > most:
            size = most if order.size > 0 else -most
            order.size = order.created.size = size
            order.executed.remsize = size

    def _arm(self, order: Order) -> None:
        """Hold a stop here (accepted, not on the exchange); bars that
        close from now on are checked against it."""
        if order.status == Order.Created:
            order.submit()
            self.notify(order)
        order.accept()
        self.notify(order)
        self._armed[order.ref] = (order, len(order.data))

    def _watch_armed(self) -> None:
        """Each armed stop, once per new closed bar: reached by the bar's
        high (buy) or low (sell), it goes to the exchange as a market
        order, or as a limit at its limit price (StopLimit,
        StopTrailLimit), after its siblings are canceled; otherwise a
        trailing stop follows the close, as the backtest broker does."""
        for ref, (order, seen) in list(self._armed.items()):
            data = order.data
            if not order.alive() or len(data) <= seen:
                continue
            stop = order.created.price
            hit = data.high[0] >= stop if order.isbuy() else data.low[0] <= stop
            if not hit:
                if order.exectype in TRAILING:
                    order.trailadjust(data.close[0])
                self._armed[ref] = (order, len(data))
                continue
            del self._armed[ref]
            group = self._groups.pop(ref, set())
            for other_ref in group:
                other = self.orders.get(other_ref)
                if other_ref != ref and other is not None and other.alive():
                    self._groups.pop(other_ref, None)
                    self.cancel(other)
            self._refresh_after_cancel()
            if order.exectype in (Order.StopLimit, Order.StopTrailLimit):
                order.addinfo(as_limit=order.created.pricelimit or stop)
            else:
                order.addinfo(as_market=True)
            self._send(order)

    def _refresh_after_cancel(self) -> None:
        self._drain()
        self._balance = None


def _register() -> None:
    CCXTStore.BrokerCls = CCXTBroker


_register()
