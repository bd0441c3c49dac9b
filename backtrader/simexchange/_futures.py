"""USDⓈ-M perpetual futures on the local exchange: order entry, matching,
positions, margin, liquidation and funding.

Orders fill against the replayed trade price as on the spot side
(``_spot.py``): MARKET and marketable LIMIT at once as taker, resting
LIMIT as maker at its price.  STOP/STOP_MARKET trigger when the price
reaches ``stopPrice`` against the position (a buy at or above it, a sell
at or below), TAKE_PROFIT(_MARKET) the other way; ``workingType``
MARK_PRICE watches the mark price instead.  GTX (post-only) orders that
would take are rejected.

Positions: one per symbol in one-way mode (``BOTH``, signed), a LONG and
a SHORT leg per symbol in hedge mode.  Fills net against the position at
its average entry; what closes realizes PnL into the wallet.  Opening
needs initial margin (notional / leverage) from the available balance;
an open order reserves it.  Isolated positions carry their own margin.

Each tick of a symbol refreshes its mark price (``_perpdata``), settles
the fundings due (notional x rate: longs pay a positive rate) and checks
every position holding it: an isolated position whose margin plus
unrealized PnL falls to its maintenance margin, or a cross wallet whose
balance plus unrealized PnL falls to the cross positions' maintenance
margin, is closed at the mark price with Binance's liquidation clearance
fee (``liquidation_fee`` of the notional); the loss never exceeds the
margin at stake (the insurance fund takes the rest).  Events reach the
account's listeners as Binance's ``ORDER_TRADE_UPDATE``,
``ACCOUNT_UPDATE``, ``ACCOUNT_CONFIG_UPDATE`` and ``ALGO_UPDATE``.

Conditional orders: Binance moved them to its algo service
(``/fapi/v1/algoOrder``, where ccxt and python-binance now send them).
An algo order waits for its trigger without reserving margin, then
places a MARKET or LIMIT order with its own order id.  The same types
sent to ``/fapi/v1/order`` (older clients) keep working as one order
that triggers in place.
"""
from __future__ import annotations

import itertools
from typing import Any, Callable, Optional

from . import _errors as E
from ._book import RestingBook
from ._futures_account import FuturesAccount, FuturesOrder, FuturesPosition, \
    FuturesTrade
from ._rules import SymbolRules, fmt, parse_decimal

__all__ = ['FuturesEngine', 'ORDER_TYPES']

ORDER_TYPES = ('LIMIT', 'MARKET', 'STOP', 'STOP_MARKET', 'TAKE_PROFIT',
               'TAKE_PROFIT_MARKET')
STOP_TYPES = ('STOP', 'STOP_MARKET', 'TAKE_PROFIT', 'TAKE_PROFIT_MARKET')
PRICED_TYPES = ('LIMIT', 'STOP', 'TAKE_PROFIT')
TIME_IN_FORCE = ('GTC', 'IOC', 'FOK', 'GTX')
LIQUIDATION_FEE = 0.0125
MARGIN_TYPES = {'ISOLATED': 'ISOLATED', 'CROSSED': 'CROSSED', 'CROSS': 'CROSSED'}
EPS = 1e-12


def _flag(params: dict, name: str) -> Optional[bool]:
    value = params.get(name)
    if value in (None, ''):
        return None
    text = str(value).lower()
    if text not in ('true', 'false'):
        raise E.bad_param(name, value)
    return text == 'true'


class FuturesEngine(RestingBook):
    """Order entry, matching and risk for the futures symbols of ``venue``.

    ``marks``/``funding``: {symbol: MarkSeries / FundingSchedule};
    ``brackets``: a BracketTable for every symbol or {symbol: table}.
    """

    def __init__(self, venue: Any, marks: dict, funding: dict, brackets: Any,
                 now: Callable[[], int], maker_fee: float = 0.0002,
                 taker_fee: float = 0.0005, volume_share: Optional[float] = None,
                 liquidation_fee: float = LIQUIDATION_FEE) -> None:
        self.venue = venue
        self.rules: dict = venue.rules
        self.marks = marks
        self.funding = funding
        self._brackets = brackets
        self._now = now
        self.maker_fee = maker_fee
        self.taker_fee = taker_fee
        self.volume_share = volume_share
        self.liquidation_fee = liquidation_fee
        self.mark = {s: venue.last(s) for s in venue.tapes}
        self.funded_upto = {s: now() for s in venue.tapes}
        self.accounts: list = []
        self._ids = itertools.count(1)
        self._trade_ids = itertools.count(1)
        self._income_ids = itertools.count(1)
        self._book: dict = {}

    # --- lookups and margin arithmetic -----------------------------------------------
    def symbol_rules(self, symbol: Any) -> SymbolRules:
        return self.rules[self.venue.tape(symbol).symbol]

    def brackets(self, symbol: str) -> Any:
        table = self._brackets
        return table.get(symbol, table.get('*')) if isinstance(table, dict) else table

    def upnl(self, pos: FuturesPosition) -> float:
        return pos.amount * (self.mark[pos.symbol] - pos.entry) if pos.amount else 0.0

    def notional(self, pos: FuturesPosition) -> float:
        return abs(pos.amount) * self.mark[pos.symbol]

    def maint(self, pos: FuturesPosition) -> float:
        if not pos.amount:
            return 0.0
        return max(0.0, self.brackets(pos.symbol).maintenance_margin(self.notional(pos)))

    def position_im(self, account: FuturesAccount, pos: FuturesPosition) -> float:
        return self.notional(pos) / account.leverage_of(pos.symbol)

    def cross_positions(self, account: FuturesAccount, asset: str) -> list:
        return [p for p in account.held() if p.asset == asset
                and not account.isolated(p.symbol)]

    def cross_wallet(self, account: FuturesAccount, asset: str) -> float:
        isolated = sum(p.isolated_wallet for p in account.positions.values()
                       if p.asset == asset)
        return account.wallet(asset) - isolated

    def order_margin(self, account: FuturesAccount, asset: str) -> float:
        return sum(o.margin for o in account.open_orders()
                   if self.rules[o.symbol].quote == asset)

    def available(self, account: FuturesAccount, asset: str) -> float:
        cross = self.cross_positions(account, asset)
        return (self.cross_wallet(account, asset) + sum(self.upnl(p) for p in cross)
                - sum(self.position_im(account, p) for p in cross)
                - self.order_margin(account, asset))

    def max_notional(self, symbol: str, leverage: int) -> float:
        """The largest position notional ``leverage`` is allowed for."""
        table = list(self.brackets(symbol))
        cap = 0.0
        for row, nxt in zip(table, table[1:] + [None]):
            if row.max_leverage >= leverage:
                cap = nxt.notional_floor if nxt is not None else 1e12
        return cap

    def liquidation_price(self, account: FuturesAccount, pos: FuturesPosition) -> float:
        from ..commissions._margin import liquidation_price
        if not pos.amount:
            return 0.0
        table = self.brackets(pos.symbol)
        leg = (pos.amount, pos.entry)
        if account.isolated(pos.symbol):
            price = liquidation_price(pos.isolated_wallet, table, both=leg)
        else:
            others = [p for p in self.cross_positions(account, pos.asset) if p is not pos]
            price = liquidation_price(
                self.cross_wallet(account, pos.asset), table, both=leg,
                other_mm=sum(self.maint(p) for p in others),
                other_upnl=sum(self.upnl(p) for p in others))
        return price or 0.0

    # --- entry ----------------------------------------------------------------------------
    def new_order(self, account: FuturesAccount, params: dict,
                  algo: bool = False) -> tuple:
        """Validate, reserve margin, place and match; ``(order, snapshot)``
        with the order's fields as accepted (for ``newOrderRespType=ACK``).
        ``algo``: a conditional order of the algo service, which reserves
        nothing and places a MARKET or LIMIT order when it triggers."""
        order = self._validated(account, params, algo)
        if algo:
            account.algos[order.order_id] = order
            account.algo_by_client[(order.symbol, order.client_id)] = order
            self._book.setdefault(order.symbol, []).append((account, order))
            self._algo_report(account, order)
            return order, FuturesOrder(**vars(order))
        self._reserve(account, order)
        account.orders[order.order_id] = order
        account.by_client[(order.symbol, order.client_id)] = order
        self._book.setdefault(order.symbol, []).append((account, order))
        accepted = FuturesOrder(**vars(order))
        self._report(account, order, 'NEW')
        self._enter(account, order)
        return order, accepted

    def _validated(self, account: FuturesAccount, params: dict,
                   algo: bool = False) -> FuturesOrder:
        rules = self.symbol_rules(params.get('symbol'))
        side = str(params.get('side') or '').upper()
        if side not in ('BUY', 'SELL'):
            raise E.missing_param('side') if not side else \
                E.ExchangeError(E.INVALID_SIDE, 'Invalid side.')
        otype = str(params.get('type') or '').upper()
        if not otype:
            raise E.missing_param('type')
        if otype not in ORDER_TYPES:
            raise E.ExchangeError(E.INVALID_ORDER_TYPE, 'Invalid orderType: the local '
                                  'exchange supports %s.' % ', '.join(ORDER_TYPES))
        if algo and otype not in STOP_TYPES:
            raise E.ExchangeError(E.INVALID_ORDER_TYPE, 'Invalid orderType: conditional '
                                  'orders are %s.' % ', '.join(STOP_TYPES))
        pside = self._position_side(account, params)
        reduce_only = _flag(params, 'reduceOnly')
        if reduce_only is not None and account.dual_side:
            raise E.ExchangeError(E.PARAM_NOT_REQUIRED, "Parameter 'reduceOnly' sent "
                                  'when not required.')
        close = bool(_flag(params, 'closePosition'))
        tif = self._tif(params, otype)
        qty = self._quantity(params, rules, close, otype)
        price = self._price(params, rules, 'price') if otype in PRICED_TYPES else 0.0
        stop = self._price(params, rules, 'stopPrice') if otype in STOP_TYPES else 0.0
        working_type = str(params.get('workingType') or 'CONTRACT_PRICE').upper()
        if working_type not in ('CONTRACT_PRICE', 'MARK_PRICE'):
            raise E.bad_param('workingType', params.get('workingType'))
        now = self._now()
        client_id = str(params.get('newClientOrderId') or '') or \
            'sim-%d' % next(self._ids)
        clients = account.algo_by_client if algo else account.by_client
        prior = clients.get((rules.symbol, client_id))
        if prior is not None and prior.is_open:
            raise E.ExchangeError(-4116, 'ClientOrderId is duplicated.')
        order = FuturesOrder(next(self._ids), client_id, rules.symbol, side, pside,
                             otype, tif, qty, price, stop, now,
                             reduce_only=bool(reduce_only), close_position=close,
                             working_type=working_type,
                             price_protect=bool(_flag(params, 'priceProtect')),
                             update_time=now, working=otype not in STOP_TYPES,
                             algo=algo)
        self._check_against_market(account, order, rules)
        return order

    @staticmethod
    def _position_side(account: FuturesAccount, params: dict) -> str:
        pside = str(params.get('positionSide') or 'BOTH').upper()
        if pside not in ('BOTH', 'LONG', 'SHORT'):
            raise E.bad_param('positionSide', params.get('positionSide'))
        if (pside == 'BOTH') == account.dual_side:
            raise E.ExchangeError(E.POSITION_SIDE_MISMATCH, "Order's position side "
                                  "does not match user's setting.")
        return pside

    @staticmethod
    def _tif(params: dict, otype: str) -> str:
        tif = str(params.get('timeInForce') or '').upper()
        if otype == 'LIMIT' and not tif:
            raise E.missing_param('timeInForce')
        if tif and tif not in TIME_IN_FORCE:
            raise E.ExchangeError(E.INVALID_TIF, 'Invalid timeInForce.')
        return tif or 'GTC'

    @staticmethod
    def _quantity(params: dict, rules: SymbolRules, close: bool, otype: str) -> float:
        if close:
            if otype not in ('STOP_MARKET', 'TAKE_PROFIT_MARKET'):
                raise E.ExchangeError(E.INVALID_ORDER_TYPE, 'closePosition works '
                                      'with STOP_MARKET and TAKE_PROFIT_MARKET only.')
            if params.get('quantity') not in (None, ''):
                raise E.ExchangeError(E.PARAM_NOT_REQUIRED, "Parameter 'quantity' "
                                      'sent when not required.')
            return 0.0
        dqty = parse_decimal('quantity', params.get('quantity'))
        rules.check_qty(dqty)
        return float(dqty)

    @staticmethod
    def _price(params: dict, rules: SymbolRules, name: str) -> float:
        value = parse_decimal(name, params.get(name))
        rules.check_price(value)
        return float(value)

    def _check_against_market(self, account: FuturesAccount, order: FuturesOrder,
                              rules: SymbolRules) -> None:
        last = self.venue.last(order.symbol)
        if not order.working and self._stop_hit(order, self._watched(order, last)):
            raise E.ExchangeError(E.IMMEDIATE_TRIGGER, 'Order would immediately trigger.')
        if order.tif == 'GTX' and order.type == 'LIMIT' and self._marketable(order, last):
            raise E.ExchangeError(E.POST_ONLY_REJECTED, 'Due to the order could not be '
                                  'executed as maker, the Post Only order will be '
                                  'rejected.')
        if not order.opens and not order.algo:   # conditionals check when triggered
            pos = account.positions.get((order.symbol, order.position_side))
            held = pos.amount if pos is not None else 0.0
            closes = held < 0 if order.side == 'BUY' else held > 0
            if not order.close_position and (not closes or order.qty > abs(held) + EPS):
                raise E.ExchangeError(E.REDUCE_ONLY_REJECTED, 'ReduceOnly Order is '
                                      'rejected.')
            return
        if not order.opens:                      # a conditional reduce-only order
            return
        notional = order.qty * (order.price or order.stop_price or last)
        if notional + EPS < float(rules.min_notional):
            raise E.ExchangeError(E.NOTIONAL_TOO_SMALL, "Order's notional must be no "
                                  'smaller than %s (unless you choose reduce only).'
                                  % rules.min_notional)

    def _opening_qty(self, account: FuturesAccount, order: FuturesOrder) -> float:
        """The part of the order that would add to a position."""
        if not order.opens:
            return 0.0
        if order.position_side != 'BOTH':
            return order.remaining
        pos = account.positions.get((order.symbol, 'BOTH'))
        held = pos.amount if pos is not None else 0.0
        against = -held if order.side == 'BUY' else held
        return max(0.0, order.remaining - max(0.0, against))

    def _reserve(self, account: FuturesAccount, order: FuturesOrder) -> None:
        qty = self._opening_qty(account, order)
        if qty <= 0:
            return
        ref = order.price or order.stop_price or self.venue.last(order.symbol)
        margin = qty * ref / account.leverage_of(order.symbol)
        if order.live_type == 'MARKET' or order.type == 'LIMIT':
            margin += qty * ref * self.taker_fee
        asset = self.rules[order.symbol].quote
        if margin > self.available(account, asset) + EPS:
            raise E.ExchangeError(E.MARGIN_INSUFFICIENT, 'Margin is insufficient.')
        order.margin = margin

    def _enter(self, account: FuturesAccount, order: FuturesOrder) -> None:
        if not order.working:
            return
        last = self.venue.last(order.symbol)
        if order.type == 'MARKET' or self._marketable(order, last):
            self._fill(account, order, last, order.remaining, maker=False)
        if order.is_open and order.tif in ('IOC', 'FOK'):
            self._end(account, order, 'EXPIRED')

    # --- matching --------------------------------------------------------------------------
    @staticmethod
    def _marketable(order: FuturesOrder, last: float) -> bool:
        if order.live_type == 'MARKET':
            return True
        return last <= order.price if order.side == 'BUY' else last >= order.price

    @staticmethod
    def _stop_hit(order: FuturesOrder, price: float) -> bool:
        rising = order.type.startswith('STOP') == (order.side == 'BUY')
        return price >= order.stop_price if rising else price <= order.stop_price

    def _watched(self, order: FuturesOrder, last: float) -> float:
        return self.mark[order.symbol] if order.working_type == 'MARK_PRICE' else last

    def on_tick(self, tick: Any) -> None:
        """Mark, match, fund and check liquidations for ``tick.symbol``."""
        symbol = tick.symbol
        tape = self.venue.tapes[symbol]
        self.mark[symbol] = self.marks[symbol].at(tick, tape.interval_ms)
        self._match(tick)
        for when, rate in self.funding[symbol].due(self.funded_upto[symbol], tick.time):
            self._settle_funding(symbol, when, rate)
        self.funded_upto[symbol] = max(self.funded_upto[symbol], tick.time)
        for account in self.accounts:
            if account.held(symbol):
                self._check_liquidation(account, symbol)

    def _on_untriggered(self, account: FuturesAccount, order: FuturesOrder,
                        tick: Any) -> None:
        if not self._stop_hit(order, self._watched(order, tick.price)):
            return
        if order.algo:
            self._trigger_algo(account, order)
            return
        order.working = True
        order.update_time = self._now()
        if self._marketable(order, tick.price):
            self._fill(account, order, tick.price, order.remaining, maker=False)

    def _closable(self, account: FuturesAccount, order: FuturesOrder) -> float:
        """How much a reducing order may still fill (the opposite position)."""
        pos = account.positions.get((order.symbol, order.position_side))
        held = pos.amount if pos is not None else 0.0
        return max(0.0, -held if order.side == 'BUY' else held)

    def _fill(self, account: FuturesAccount, order: FuturesOrder, price: float,
              qty: float, maker: bool) -> None:
        if not order.opens:
            room = self._closable(account, order)
            qty = room if order.close_position else min(qty, room)
            if qty <= EPS:
                self._end(account, order, 'EXPIRED')
                return
        rules = self.rules[order.symbol]
        pos = account.position(order.symbol, order.position_side, rules.quote)
        signed = qty if order.side == 'BUY' else -qty
        realized = self._apply(account, pos, signed, price)
        rate = self.maker_fee if maker else self.taker_fee
        fee = round(qty * price * rate, 10)
        account.credit(rules.quote, realized - fee)
        if order.margin and order.remaining:
            order.margin = max(0.0, order.margin * (1 - qty / order.remaining))
        if order.close_position:
            order.qty = order.executed + qty
        order.executed = round(order.executed + qty, 10)
        order.cum_quote = round(order.cum_quote + qty * price, 10)
        order.realized = round(order.realized + realized, 10)
        order.update_time = now = self._now()
        order.status = 'FILLED' if order.remaining <= EPS else 'PARTIALLY_FILLED'
        if order.status == 'FILLED':
            order.margin = 0.0
        trade = FuturesTrade(next(self._trade_ids), order.order_id, order.symbol,
                             order.side, order.position_side, price, qty, realized,
                             fee, rules.quote, now, maker)
        account.trades.append(trade)
        if realized:
            self._income(account, order.symbol, 'REALIZED_PNL', realized, trade.trade_id)
        self._income(account, order.symbol, 'COMMISSION', -fee, trade.trade_id)
        self._report(account, order, 'TRADE', trade)
        self._account_update(account, 'ORDER', [pos])

    def _apply(self, account: FuturesAccount, pos: FuturesPosition, signed: float,
               price: float) -> float:
        """Net ``signed`` contracts at ``price`` into ``pos``; the PnL realized."""
        old = pos.amount
        leverage = account.leverage_of(pos.symbol)
        isolated = account.isolated(pos.symbol)
        pos.update_time = self._now()
        if not old or (old > 0) == (signed > 0):
            new = old + signed
            pos.entry = (abs(old) * pos.entry + abs(signed) * price) / abs(new)
            pos.amount = round(new, 10)
            if isolated:
                pos.isolated_wallet += abs(signed) * price / leverage
            return 0.0
        closing = min(abs(signed), abs(old))
        realized = closing * (price - pos.entry) * (1.0 if old > 0 else -1.0)
        if isolated:
            pos.isolated_wallet -= pos.isolated_wallet * closing / abs(old)
        pos.amount = round(old + (closing if signed > 0 else -closing), 10)
        rest = abs(signed) - closing
        if not pos.amount:
            pos.entry, pos.isolated_wallet = 0.0, 0.0
        if rest > EPS:                       # one-way mode: the position flips
            pos.amount = round(rest if signed > 0 else -rest, 10)
            pos.entry = price
            if isolated:
                pos.isolated_wallet = rest * price / leverage
        return realized

    # --- ending orders ---------------------------------------------------------------------
    def cancel(self, account: FuturesAccount, params: dict) -> FuturesOrder:
        order = self.find(account, params, cancel=True)
        if not order.is_open:
            raise E.unknown_order(cancel=True)
        self._end(account, order, 'CANCELED')
        return order

    def _end(self, account: FuturesAccount, order: FuturesOrder, status: str) -> None:
        order.status = status
        order.margin = 0.0
        order.update_time = self._now()
        if order.algo:
            self._algo_report(account, order)
        else:
            self._report(account, order, status)

    # --- conditional (algo) orders ------------------------------------------------------
    def _trigger_algo(self, account: FuturesAccount, algo: FuturesOrder) -> None:
        """Place the MARKET (``*_MARKET``) or LIMIT order of a triggered
        conditional; a reduce-only one with nothing to reduce, or one the
        margin does not cover, is rejected instead."""
        now = self._now()
        algo.trigger_time = algo.update_time = now
        algo.status = 'TRIGGERED'
        self._algo_report(account, algo)
        kind = 'MARKET' if algo.type.endswith('MARKET') else 'LIMIT'
        child = FuturesOrder(next(self._ids), algo.client_id, algo.symbol, algo.side,
                             algo.position_side, kind, algo.tif, algo.qty, algo.price,
                             0.0, now, reduce_only=algo.reduce_only,
                             close_position=algo.close_position,
                             working_type=algo.working_type,
                             price_protect=algo.price_protect, update_time=now)
        reason = ''
        if not child.opens and self._closable(account, child) <= EPS:
            reason = 'Reduce Only reject'
        else:
            try:
                self._reserve(account, child)
            except E.ExchangeError as exc:
                reason = exc.msg
        if reason:
            algo.reject_reason = reason
            self._end(account, algo, 'REJECTED')
            return
        account.orders[child.order_id] = child
        account.by_client[(child.symbol, child.client_id)] = child
        self._book.setdefault(child.symbol, []).append((account, child))
        algo.child_id = child.order_id
        self._report(account, child, 'NEW')
        self._enter(account, child)
        algo.status = 'FINISHED'
        self._algo_report(account, algo, child)

    def find_algo(self, account: FuturesAccount, params: dict,
                  cancel: bool = False) -> FuturesOrder:
        aid, cid = params.get('algoId'), params.get('clientAlgoId')
        if aid in (None, '') and cid in (None, ''):
            raise E.ExchangeError(E.MANDATORY_PARAM_EMPTY_OR_MALFORMED,
                                  "Param 'algoId' or 'clientAlgoId' must be sent, but "
                                  'both were empty/null!')
        if aid not in (None, ''):
            try:
                order = account.algos.get(int(aid))
            except (TypeError, ValueError):
                raise E.bad_param('algoId', aid) from None
        else:
            found = [o for (_, c), o in account.algo_by_client.items() if c == str(cid)]
            order = found[-1] if found else None
        if order is None:
            raise E.unknown_order(cancel=cancel)
        return order

    def cancel_algo(self, account: FuturesAccount, params: dict) -> FuturesOrder:
        order = self.find_algo(account, params, cancel=True)
        if not order.is_open:
            raise E.unknown_order(cancel=True)
        self._end(account, order, 'CANCELED')
        return order

    def find(self, account: FuturesAccount, params: dict,
             cancel: bool = False) -> FuturesOrder:
        rules = self.symbol_rules(params.get('symbol'))
        oid, cid = params.get('orderId'), params.get('origClientOrderId')
        if oid in (None, '') and cid in (None, ''):
            raise E.ExchangeError(E.MANDATORY_PARAM_EMPTY_OR_MALFORMED,
                                  "Param 'origClientOrderId' or 'orderId' must be sent, "
                                  'but both were empty/null!')
        if oid not in (None, ''):
            try:
                order = account.orders.get(int(oid))
            except (TypeError, ValueError):
                raise E.bad_param('orderId', oid) from None
        else:
            order = account.by_client.get((rules.symbol, str(cid)))
        if order is None or order.symbol != rules.symbol:
            raise E.unknown_order(cancel=cancel)
        return order

    # --- funding and liquidation -------------------------------------------------------------
    def _settle_funding(self, symbol: str, when: int, rate: float) -> None:
        mark = self.mark[symbol]
        for account in self.accounts:
            held = account.held(symbol)
            for pos in held:
                payment = pos.amount * mark * rate
                account.credit(pos.asset, -payment)
                if account.isolated(symbol):
                    pos.isolated_wallet -= payment
                self._income(account, symbol, 'FUNDING_FEE', -payment, '', when)
            if held:
                self._account_update(account, 'FUNDING_FEE', held)

    def _check_liquidation(self, account: FuturesAccount, symbol: str) -> None:
        for pos in account.held(symbol):
            if account.isolated(symbol) and \
                    pos.isolated_wallet + self.upnl(pos) <= self.maint(pos):
                self._liquidate(account, [pos])
        asset = self.rules[symbol].quote
        cross = self.cross_positions(account, asset)
        if cross and any(p.symbol == symbol for p in cross):
            equity = self.cross_wallet(account, asset) + sum(self.upnl(p) for p in cross)
            if equity <= sum(self.maint(p) for p in cross):
                self._liquidate(account, cross)

    def _liquidate(self, account: FuturesAccount, positions: list) -> None:
        """Close ``positions`` at their mark prices with the clearance fee."""
        for symbol in {p.symbol for p in positions}:
            for order in account.open_orders(symbol) + account.open_algos(symbol):
                self._end(account, order, 'CANCELED')
        asset = positions[0].asset
        at_stake = sum(p.isolated_wallet for p in positions) \
            if account.isolated(positions[0].symbol) else self.cross_wallet(account, asset)
        loss_total = 0.0
        for pos in positions:
            loss_total += self._close_by_liquidation(account, pos)
        shortfall = loss_total - at_stake
        if shortfall > 0:        # the insurance fund covers a loss past the margin
            account.credit(asset, shortfall)
        self._account_update(account, 'ORDER', positions)

    def _close_by_liquidation(self, account: FuturesAccount, pos: FuturesPosition) -> float:
        mark = self.mark[pos.symbol]
        qty = abs(pos.amount)
        side = 'SELL' if pos.amount > 0 else 'BUY'
        now = self._now()
        order = FuturesOrder(next(self._ids), 'autoclose-%d' % now, pos.symbol, side,
                             pos.side, 'LIQUIDATION', 'IOC', qty, mark, 0.0, now,
                             reduce_only=True, update_time=now)
        account.orders[order.order_id] = order
        realized = self._apply(account, pos, -pos.amount, mark)
        fee = round(qty * mark * self.liquidation_fee, 10)
        account.credit(pos.asset, realized - fee)
        order.executed, order.cum_quote, order.realized = qty, qty * mark, realized
        order.status = 'FILLED'
        trade = FuturesTrade(next(self._trade_ids), order.order_id, pos.symbol, side,
                             pos.side, mark, qty, realized, fee, pos.asset, now, False)
        account.trades.append(trade)
        self._income(account, pos.symbol, 'REALIZED_PNL', realized, trade.trade_id)
        self._income(account, pos.symbol, 'INSURANCE_CLEAR', -fee, trade.trade_id)
        self._report(account, order, 'TRADE', trade)
        return fee - realized

    # --- settings ------------------------------------------------------------------------------
    def set_leverage(self, account: FuturesAccount, symbol: Any, leverage: Any) -> dict:
        symbol = self.venue.tape(symbol).symbol
        try:
            value = int(str(leverage))
        except (TypeError, ValueError):
            raise E.bad_param('leverage', leverage) from None
        top = int(self.brackets(symbol)[0].max_leverage)
        if not 1 <= value <= top:
            raise E.ExchangeError(E.INVALID_LEVERAGE, 'Leverage %s is not valid' % leverage)
        cap = self.max_notional(symbol, value)
        if any(self.notional(p) > cap for p in account.held(symbol)):
            raise E.ExchangeError(-2027, 'Exceeded the maximum allowable position at '
                                  'current leverage.')
        account.leverage[symbol] = value
        now = self._now()
        account.emit({'e': 'ACCOUNT_CONFIG_UPDATE', 'E': now, 'T': now,
                      'ac': {'s': symbol, 'l': value}})
        return {'leverage': value, 'maxNotionalValue': fmt(cap, 0), 'symbol': symbol}

    def set_margin_type(self, account: FuturesAccount, symbol: Any, kind: Any) -> None:
        symbol = self.venue.tape(symbol).symbol
        wanted = MARGIN_TYPES.get(str(kind or '').upper())
        if not kind:
            raise E.missing_param('marginType')
        if wanted is None:
            raise E.bad_param('marginType', kind)
        if account.margin_type.get(symbol, 'CROSSED') == wanted:
            raise E.ExchangeError(E.NO_NEED_MARGIN_TYPE, 'No need to change margin type.')
        if account.held(symbol):
            raise E.ExchangeError(E.MARGIN_TYPE_WITH_POSITION, 'Margin type cannot be '
                                  'changed if there exists position.')
        if account.open_orders(symbol) or account.open_algos(symbol):
            raise E.ExchangeError(-4047, 'Margin type cannot be changed if there '
                                  'exists open orders.')
        account.margin_type[symbol] = wanted

    def set_dual_side(self, account: FuturesAccount, value: Any) -> None:
        flag = _flag({'dualSidePosition': value}, 'dualSidePosition')
        if flag is None:
            raise E.missing_param('dualSidePosition')
        if flag == account.dual_side:
            raise E.ExchangeError(E.NO_NEED_POSITION_SIDE, 'No need to change position '
                                  'side.')
        if account.open_orders() or account.open_algos():
            raise E.ExchangeError(E.POSITION_SIDE_WITH_ORDERS, 'Position side cannot be '
                                  'changed if there exists open orders.')
        if account.held():
            raise E.ExchangeError(E.POSITION_SIDE_WITH_POSITION, 'Position side cannot '
                                  'be changed if there exists position.')
        account.dual_side = flag

    # --- events ----------------------------------------------------------------------------------
    def _income(self, account: FuturesAccount, symbol: str, kind: str, amount: float,
                trade_id: Any, when: Optional[int] = None) -> None:
        account.income.append({
            'symbol': symbol, 'incomeType': kind, 'income': fmt(amount),
            'asset': self.rules[symbol].quote, 'info': kind,
            'time': when if when is not None else self._now(),
            'tranId': next(self._income_ids), 'tradeId': str(trade_id)})

    def _report(self, account: FuturesAccount, order: FuturesOrder, exec_type: str,
                trade: Optional[FuturesTrade] = None) -> None:
        now = self._now()
        account.emit({'e': 'ORDER_TRADE_UPDATE', 'E': now, 'T': now, 'o': {
            's': order.symbol, 'c': order.client_id, 'S': order.side,
            'o': order.live_type, 'f': order.tif, 'q': fmt(order.qty),
            'p': fmt(order.price), 'ap': fmt(order.avg_price),
            'sp': fmt(order.stop_price), 'x': exec_type, 'X': order.status,
            'i': order.order_id, 'l': fmt(trade.qty if trade else 0.0),
            'z': fmt(order.executed), 'L': fmt(trade.price if trade else 0.0),
            'N': trade.commission_asset if trade else None,
            'n': fmt(trade.commission if trade else 0.0), 'T': order.update_time,
            't': trade.trade_id if trade else 0, 'b': '0', 'a': '0',
            'm': bool(trade and trade.maker), 'R': order.reduce_only,
            'wt': order.working_type, 'ot': order.type, 'ps': order.position_side,
            'cp': order.close_position, 'rp': fmt(trade.realized if trade else 0.0),
            'pP': order.price_protect, 'si': 0, 'ss': 0, 'V': 'NONE',
            'pm': 'NONE', 'gtd': 0}})

    def _algo_report(self, account: FuturesAccount, algo: FuturesOrder,
                     child: Optional[FuturesOrder] = None) -> None:
        now = self._now()
        account.emit({'e': 'ALGO_UPDATE', 'T': now, 'E': now, 'o': {
            'caid': algo.client_id, 'aid': algo.order_id, 'at': 'CONDITIONAL',
            'o': algo.type, 's': algo.symbol, 'S': algo.side, 'ps': algo.position_side,
            'f': algo.tif, 'q': fmt(algo.qty), 'X': algo.status,
            'ai': str(child.order_id) if child else '',
            'ap': fmt(child.avg_price if child else 0.0),
            'aq': fmt(child.executed if child else 0.0),
            'act': child.type if child else '0', 'tp': fmt(algo.stop_price),
            'p': fmt(algo.price), 'V': 'NONE', 'wt': algo.working_type, 'pm': 'NONE',
            'cp': algo.close_position, 'pP': algo.price_protect, 'R': algo.reduce_only,
            'tt': algo.trigger_time, 'gtd': 0, 'rm': algo.reject_reason}})

    def position_fields(self, account: FuturesAccount, pos: FuturesPosition) -> dict:
        return {'s': pos.symbol, 'pa': fmt(pos.amount), 'ep': fmt(pos.entry),
                'bep': fmt(pos.entry), 'cr': fmt(0.0), 'up': fmt(self.upnl(pos)),
                'mt': 'isolated' if account.isolated(pos.symbol) else 'cross',
                'iw': fmt(pos.isolated_wallet), 'ps': pos.side}

    def _account_update(self, account: FuturesAccount, reason: str,
                        positions: list) -> None:
        now = self._now()
        account.update_time = now
        assets = sorted({p.asset for p in positions}) or list(account.balances)
        account.emit({'e': 'ACCOUNT_UPDATE', 'E': now, 'T': now, 'a': {
            'm': reason,
            'B': [{'a': a, 'wb': fmt(account.wallet(a)),
                   'cw': fmt(self.cross_wallet(account, a)), 'bc': '0'} for a in assets],
            'P': [self.position_fields(account, p) for p in positions]}})
