"""Spot accounts, orders and the matching engine of the local exchange.

Orders fill against the replayed price, not against other clients:

- MARKET fills at once at the last price (taker);
- LIMIT (and the limit part of a triggered stop) fills at once at the last
  price when it is marketable on arrival (taker), otherwise rests and
  fills at its own price when a tick reaches it (maker);
- LIMIT_MAKER is rejected when it would take liquidity;
- STOP_LOSS[_LIMIT] and TAKE_PROFIT[_LIMIT] wait for a tick at or through
  their ``stopPrice`` (down for a stop-loss sell / take-profit buy, up for
  the other two), then act as MARKET or LIMIT;
- IOC/FOK limit orders never rest: what does not fill at once expires;
- with ``volume_share`` set, a resting order fills at most that share of
  each tick's volume (partial fills).

Balances: an open order locks what it may spend (quote for a buy at its
limit or stop price, base for a sell); a fill spends it and the fee is
taken from the asset received.  Every change reaches the account's
listeners as Binance's user-data events (``executionReport``,
``outboundAccountPosition``, ``listStatus``).
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from . import _errors as E
from ._book import BookOrder, RestingBook
from ._rules import SymbolRules, fmt, lookup_symbol, parse_decimal

__all__ = ['SpotAccount', 'SpotEngine', 'SpotOrder']

ORDER_TYPES = ('MARKET', 'LIMIT', 'LIMIT_MAKER', 'STOP_LOSS', 'STOP_LOSS_LIMIT',
               'TAKE_PROFIT', 'TAKE_PROFIT_LIMIT')
LIMIT_TYPES = ('LIMIT', 'LIMIT_MAKER', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT_LIMIT')
STOP_TYPES = ('STOP_LOSS', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT', 'TAKE_PROFIT_LIMIT')
TIME_IN_FORCE = ('GTC', 'IOC', 'FOK')
EPS = 1e-12


@dataclass
class SpotOrder(BookOrder):
    order_id: int
    client_id: str
    symbol: str
    side: str
    type: str
    tif: str
    qty: float
    price: float
    stop_price: float
    time: int
    quote_qty: float = 0.0        # quoteOrderQty of a market order
    executed: float = 0.0
    cum_quote: float = 0.0
    status: str = 'NEW'
    update_time: int = 0
    working: bool = True          # a stop waits (False) until triggered
    list_id: int = -1
    locked: float = 0.0           # still locked for this order
    fills: list = field(default_factory=list)


@dataclass
class SpotTrade:
    trade_id: int
    order_id: int
    list_id: int
    symbol: str
    side: str
    price: float
    qty: float
    commission: float
    commission_asset: str
    time: int
    maker: bool


class SpotAccount:
    """One API key's balances, orders and trades."""

    def __init__(self, balances: dict) -> None:
        self.balances: dict = {a: [float(v), 0.0] for a, v in balances.items()}
        self.orders: dict = {}           # order id -> SpotOrder
        self.by_client: dict = {}        # (symbol, client id) -> SpotOrder
        self.trades: list = []
        self.lists: dict = {}            # order list id -> dict
        self.listeners: list = []        # callables(event dict)
        self.update_time = 0

    def emit(self, event: dict) -> None:
        for listener in list(self.listeners):
            listener(event)

    def free(self, asset: str) -> float:
        return self.balances.setdefault(asset, [0.0, 0.0])[0]

    def move(self, asset: str, free: float = 0.0, locked: float = 0.0) -> None:
        entry = self.balances.setdefault(asset, [0.0, 0.0])
        entry[0] = round(entry[0] + free, 10)
        entry[1] = round(entry[1] + locked, 10)


class SpotEngine(RestingBook):
    """Order entry and matching for the spot symbols."""

    def __init__(self, rules: dict, last_price: Callable[[str], float],
                 now: Callable[[], int], maker_fee: float = 0.001,
                 taker_fee: float = 0.001,
                 volume_share: Optional[float] = None) -> None:
        self.rules: dict = rules
        self._last = last_price
        self._now = now
        self.maker_fee = maker_fee
        self.taker_fee = taker_fee
        self.volume_share = volume_share
        self._ids = itertools.count(1)
        self._trade_ids = itertools.count(1)
        self._list_ids = itertools.count(1)
        self._event_ids = itertools.count(1)
        self._book: dict = {}  # symbol -> [(account, order)] open orders

    # --- entry ------------------------------------------------------------------
    def symbol_rules(self, symbol: Any) -> SymbolRules:
        return lookup_symbol(self.rules, symbol)

    def new_order(self, account: SpotAccount, params: dict,
                  list_id: int = -1) -> SpotOrder:
        """Validate ``params`` (Binance's names), lock the balance, place the
        order and match it at once where it can; the order as it stands."""
        order = self._validated(account, params, list_id)
        self._lock(account, order)
        self._register(account, order)
        self._report(account, order, 'NEW')
        self._enter(account, order)
        return order

    def _validated(self, account: SpotAccount, params: dict,
                   list_id: int) -> SpotOrder:
        rules = self.symbol_rules(params.get('symbol'))
        side = str(params.get('side') or '').upper()
        if side not in ('BUY', 'SELL'):
            raise E.missing_param('side') if not side else \
                E.ExchangeError(E.INVALID_SIDE, 'Invalid side.')
        otype = str(params.get('type') or '').upper()
        if not otype:
            raise E.missing_param('type')
        if otype not in ORDER_TYPES:
            raise E.ExchangeError(E.INVALID_ORDER_TYPE, 'Invalid orderType.')
        tif = str(params.get('timeInForce') or '').upper()
        needs_tif = otype in ('LIMIT', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT_LIMIT')
        if needs_tif and not tif:
            raise E.missing_param('timeInForce')
        if tif and tif not in TIME_IN_FORCE:
            raise E.ExchangeError(E.INVALID_TIF, 'Invalid timeInForce.')
        if tif and not needs_tif:
            raise E.ExchangeError(E.PARAM_NOT_REQUIRED, "Parameter 'timeInForce'"
                                  ' sent when not required.')
        last = self._last(rules.symbol)
        qty = quote_qty = 0.0
        if otype == 'MARKET' and params.get('quoteOrderQty') not in (None, ''):
            quote_qty = float(parse_decimal('quoteOrderQty', params['quoteOrderQty']))
            qty = rules.round_qty_down(quote_qty / last)
            if qty <= 0:
                raise E.filter_failure('LOT_SIZE')
        else:
            dqty = parse_decimal('quantity', params.get('quantity'))
            rules.check_qty(dqty)
            qty = float(dqty)
        price = stop = 0.0
        if otype in LIMIT_TYPES:
            dprice = parse_decimal('price', params.get('price'))
            rules.check_price(dprice)
            price = float(dprice)
        if otype in STOP_TYPES:
            dstop = parse_decimal('stopPrice', params.get('stopPrice'))
            rules.check_price(dstop)
            stop = float(dstop)
        rules.check_notional(qty * (price or stop or last))
        client_id = str(params.get('newClientOrderId') or '') or \
            'sim-%d' % next(self._ids)
        if (rules.symbol, client_id) in account.by_client and \
                account.by_client[(rules.symbol, client_id)].is_open:
            raise E.ExchangeError(E.NEW_ORDER_REJECTED, 'Duplicate order sent.')
        now = self._now()
        order = SpotOrder(next(self._ids), client_id, rules.symbol, side, otype,
                          tif or ('GTC' if otype == 'LIMIT_MAKER' else ''),
                          qty, price, stop, now, quote_qty=quote_qty,
                          update_time=now, working=otype not in STOP_TYPES,
                          list_id=list_id)
        if otype in STOP_TYPES and self._stop_hit(order, last):
            raise E.ExchangeError(E.NEW_ORDER_REJECTED,
                                  'Stop price would trigger immediately.')
        if otype == 'LIMIT_MAKER' and self._marketable(order, last):
            raise E.ExchangeError(E.NEW_ORDER_REJECTED,
                                  'Order would immediately match and take.')
        return order

    def _lock(self, account: SpotAccount, order: SpotOrder) -> None:
        rules = self.rules[order.symbol]
        if order.side == 'BUY':
            asset = rules.quote
            ref = order.price or order.stop_price or self._last(order.symbol)
            amount = order.quote_qty or round(order.qty * ref, 10)
        else:
            asset, amount = rules.base, order.qty
        if account.free(asset) + EPS < amount:
            raise E.insufficient_balance()
        account.move(asset, free=-amount, locked=amount)
        order.locked = amount

    def _register(self, account: SpotAccount, order: SpotOrder) -> None:
        account.orders[order.order_id] = order
        account.by_client[(order.symbol, order.client_id)] = order
        self._book.setdefault(order.symbol, []).append((account, order))

    def _enter(self, account: SpotAccount, order: SpotOrder) -> None:
        last = self._last(order.symbol)
        if not order.working:
            self._balances_changed(account)
            return
        if order.type == 'MARKET' or self._marketable(order, last):
            self._fill(account, order, last, order.remaining, maker=False)
        if order.is_open and order.tif in ('IOC', 'FOK'):
            self._expire(account, order)
        elif order.status != 'FILLED':
            self._balances_changed(account)

    # --- matching -------------------------------------------------------------------
    @staticmethod
    def _marketable(order: SpotOrder, last: float) -> bool:
        if order.type in ('MARKET', 'STOP_LOSS', 'TAKE_PROFIT'):
            return True
        return last <= order.price if order.side == 'BUY' else last >= order.price

    @staticmethod
    def _stop_hit(order: SpotOrder, price: float) -> bool:
        falling = (order.type.startswith('STOP_LOSS')) == (order.side == 'SELL')
        return price <= order.stop_price if falling else price >= order.stop_price

    def on_tick(self, tick: Any) -> None:
        """Trigger and fill the open orders of ``tick.symbol`` at its price."""
        self._match(tick)

    def _on_untriggered(self, account: SpotAccount, order: SpotOrder, tick: Any) -> None:
        if not self._stop_hit(order, tick.price):
            return
        order.working = True
        self._triggered(account, order)
        if order.type in ('STOP_LOSS', 'TAKE_PROFIT') or self._marketable(order, tick.price):
            self._fill(account, order, tick.price, order.remaining, maker=False)

    def _triggered(self, account: SpotAccount, order: SpotOrder) -> None:
        """A stop leg of an OCO cancels its limit sibling when it triggers."""
        order.update_time = self._now()
        if order.list_id >= 0:
            self._cancel_siblings(account, order)

    def _fill(self, account: SpotAccount, order: SpotOrder, price: float,
              qty: float, maker: bool) -> None:
        rules = self.rules[order.symbol]
        if order.quote_qty and order.executed == 0.0 and order.side == 'BUY':
            qty = min(qty, rules.round_qty_down(order.locked / price))
        if qty <= 0:
            return
        quote = round(qty * price, 10)
        rate = self.maker_fee if maker else self.taker_fee
        now = self._now()
        if order.side == 'BUY':
            spend = min(quote, order.locked)
            if quote > order.locked + EPS:  # a market buy priced above its lock
                extra = quote - order.locked
                if account.free(rules.quote) + EPS < extra:
                    self._expire(account, order)
                    return
                account.move(rules.quote, free=-extra, locked=extra)
                order.locked += extra
                spend = quote
            account.move(rules.quote, locked=-spend)
            order.locked -= spend
            fee, fee_asset = round(qty * rate, 10), rules.base
            account.move(rules.base, free=qty - fee)
        else:
            if order.locked + EPS < qty:
                self._borrow_lock(account, order)
            account.move(rules.base, locked=-qty)
            order.locked -= qty
            fee, fee_asset = round(quote * rate, 10), rules.quote
            account.move(rules.quote, free=quote - fee)
        order.executed = round(order.executed + qty, 10)
        order.cum_quote = round(order.cum_quote + quote, 10)
        order.update_time = now
        trade = SpotTrade(next(self._trade_ids), order.order_id, order.list_id,
                          order.symbol, order.side, price, qty, fee, fee_asset,
                          now, maker)
        account.trades.append(trade)
        order.fills.append(trade)
        order.status = 'FILLED' if order.remaining <= EPS else 'PARTIALLY_FILLED'
        if order.status == 'FILLED':
            self._release(account, order)
        self._report(account, order, 'TRADE', trade)
        self._balances_changed(account)
        if order.list_id >= 0:
            self._cancel_siblings(account, order)

    @staticmethod
    def _borrow_lock(account: SpotAccount, order: SpotOrder) -> None:
        """The legs of a sell OCO share one lock: the leg filling takes it."""
        entry = account.lists.get(order.list_id)
        for oid in entry['orders'] if entry else ():
            sibling = account.orders[oid]
            if sibling is not order and sibling.locked:
                order.locked += sibling.locked
                sibling.locked = 0.0

    def _release(self, account: SpotAccount, order: SpotOrder) -> None:
        if order.locked > EPS:
            rules = self.rules[order.symbol]
            asset = rules.quote if order.side == 'BUY' else rules.base
            account.move(asset, free=order.locked, locked=-order.locked)
        order.locked = 0.0

    # --- ending orders ----------------------------------------------------------------
    def cancel(self, account: SpotAccount, params: dict) -> SpotOrder:
        order = self.find(account, params, cancel=True)
        if not order.is_open:
            raise E.unknown_order(cancel=True)
        self._end(account, order, 'CANCELED')
        if order.list_id >= 0:
            self._cancel_siblings(account, order)
        return order

    def _expire(self, account: SpotAccount, order: SpotOrder) -> None:
        self._end(account, order, 'EXPIRED')

    def _end(self, account: SpotAccount, order: SpotOrder, status: str) -> None:
        order.status = status
        order.update_time = self._now()
        self._release(account, order)
        self._report(account, order, status)
        self._balances_changed(account)

    def _cancel_siblings(self, account: SpotAccount, order: SpotOrder) -> None:
        entry = account.lists.get(order.list_id)
        if entry is None:
            return
        for oid in entry['orders']:
            sibling = account.orders[oid]
            if sibling is not order and sibling.is_open:
                self._end(account, sibling, 'EXPIRED')
        if all(not account.orders[oid].is_open for oid in entry['orders']):
            entry['status'] = 'ALL_DONE'
            self._list_report(account, order.list_id)

    def find(self, account: SpotAccount, params: dict, cancel: bool = False) -> SpotOrder:
        rules = self.symbol_rules(params.get('symbol'))
        oid = params.get('orderId')
        cid = params.get('origClientOrderId')
        if oid in (None, '') and cid in (None, ''):
            raise E.ExchangeError(E.MANDATORY_PARAM_EMPTY_OR_MALFORMED,
                                  "Param 'origClientOrderId' or 'orderId' must be sent, "
                                  'but both were empty/null!')
        order = None
        if oid not in (None, ''):
            try:
                order = account.orders.get(int(oid))
            except (TypeError, ValueError):
                raise E.bad_param('orderId', oid) from None
            if order is not None and cid not in (None, '') and order.client_id != cid:
                order = None
        else:
            order = account.by_client.get((rules.symbol, str(cid)))
        if order is None or order.symbol != rules.symbol:
            raise E.unknown_order(cancel=cancel)
        return order

    # --- OCO ----------------------------------------------------------------------------
    def new_oco(self, account: SpotAccount, params: dict) -> dict:
        """Binance's legacy OCO: a LIMIT_MAKER at ``price`` and a stop at
        ``stopPrice`` (limit ``stopLimitPrice`` if given), one cancels the
        other."""
        rules = self.symbol_rules(params.get('symbol'))
        side = str(params.get('side') or '').upper()
        stop_type = 'STOP_LOSS_LIMIT' if params.get('stopLimitPrice') else 'STOP_LOSS'
        limit = {'symbol': rules.symbol, 'side': side, 'type': 'LIMIT_MAKER',
                 'quantity': params.get('quantity'), 'price': params.get('price'),
                 'newClientOrderId': params.get('limitClientOrderId')}
        stop = {'symbol': rules.symbol, 'side': side, 'type': stop_type,
                'quantity': params.get('quantity'),
                'stopPrice': params.get('stopPrice'),
                'newClientOrderId': params.get('stopClientOrderId')}
        if stop_type == 'STOP_LOSS_LIMIT':
            stop['price'] = params.get('stopLimitPrice')
            stop['timeInForce'] = params.get('stopLimitTimeInForce') or 'GTC'
        return self.new_order_list(account, rules.symbol, side, [stop, limit],
                                   params.get('listClientOrderId'))

    def new_order_list(self, account: SpotAccount, symbol: str, side: str,
                       legs: list, list_client_id: Any = None) -> dict:
        """Place the two legs of an OCO (validated together, placed
        together); the order list entry."""
        for leg in legs:            # nothing is placed if either leg is bad
            self._validated(account, leg, -1)
        list_id = next(self._list_ids)
        entry = {'id': list_id, 'symbol': symbol, 'orders': [],
                 'client_id': str(list_client_id or '') or 'simlist-%d' % list_id,
                 'status': 'EXEC_STARTED', 'time': self._now()}
        orders = [self._validated(account, leg, list_id) for leg in legs]
        try:
            if side == 'SELL':
                self._lock(account, orders[0])   # one amount of base covers both
            else:
                for order in orders:
                    self._lock(account, order)
        except E.ExchangeError:
            for order in orders:
                self._release(account, order)
            raise
        account.lists[list_id] = entry
        for order in orders:
            self._register(account, order)
            entry['orders'].append(order.order_id)
        for order in orders:
            self._report(account, order, 'NEW')
        self._list_report(account, list_id)
        self._balances_changed(account)
        return entry

    # --- events --------------------------------------------------------------------------
    def _report(self, account: SpotAccount, order: SpotOrder, exec_type: str,
                trade: Optional[SpotTrade] = None) -> None:
        now = self._now()
        event = {
            'e': 'executionReport', 'E': now, 's': order.symbol,
            'c': order.client_id, 'S': order.side, 'o': order.type,
            'f': order.tif or 'GTC', 'q': fmt(order.qty), 'p': fmt(order.price),
            'P': fmt(order.stop_price), 'F': '0.00000000', 'g': order.list_id,
            'C': '', 'x': exec_type, 'X': order.status, 'r': 'NONE',
            'i': order.order_id,
            'l': fmt(trade.qty if trade else 0.0),
            'z': fmt(order.executed),
            'L': fmt(trade.price if trade else 0.0),
            'n': fmt(trade.commission if trade else 0.0),
            'N': trade.commission_asset if trade else None,
            'T': order.update_time, 't': trade.trade_id if trade else -1,
            'I': next(self._event_ids), 'w': order.is_open and order.working,
            'm': bool(trade and trade.maker), 'M': False, 'O': order.time,
            'Z': fmt(order.cum_quote),
            'Y': fmt(trade.qty * trade.price if trade else 0.0),
            'Q': fmt(order.quote_qty), 'W': order.time, 'V': 'NONE',
        }
        if exec_type == 'CANCELED':
            event['C'] = order.client_id
        account.emit(event)

    def _list_report(self, account: SpotAccount, list_id: int) -> None:
        entry = account.lists[list_id]
        done = entry['status'] == 'ALL_DONE'
        account.emit({
            'e': 'listStatus', 'E': self._now(), 's': entry['symbol'],
            'g': list_id, 'c': 'OCO', 'l': 'ALL_DONE' if done else 'EXEC_STARTED',
            'L': 'ALL_DONE' if done else 'EXECUTING', 'r': 'NONE',
            'C': entry['client_id'], 'T': self._now(),
            'O': [{'s': entry['symbol'], 'i': oid,
                   'c': account.orders[oid].client_id} for oid in entry['orders']],
        })

    def _balances_changed(self, account: SpotAccount) -> None:
        now = self._now()
        account.update_time = now
        account.emit({
            'e': 'outboundAccountPosition', 'E': now, 'u': now,
            'B': [{'a': asset, 'f': fmt(free), 'l': fmt(locked)}
                  for asset, (free, locked) in account.balances.items()],
        })
