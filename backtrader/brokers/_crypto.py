"""The crypto market model inside the backtesting broker.

Everything here is inert until a crypto scheme or rule is registered, so a
broker with stock-like schemes behaves exactly as upstream's:

- exchange trading rules per data (tick, step, minimum amount and notional)
  checked when an order is submitted: rejected with the reason, or rounded
  when the user asked for rounding;
- maker/taker fees: the matching engine says whether a fill added or took
  liquidity; the scheme prices it from the account's rolling 30-day volume,
  which this broker tracks; a fee taken from the base asset reduces the
  amount received;
- perpetual and delivery futures (``PerpetualCommInfo``): liquidation when
  the bar's adverse extreme - or the mark price, given mark bars
  (``_markliq``) - crosses the liquidation price, and settlement
  of delivery contracts at expiry, both as broker-made orders the strategy
  sees in ``notify_order`` (``order.info.liquidation`` / ``.settlement``);
- hedge position mode (``position_mode='hedge'``): a long and a short
  leg per data, chosen by each order's ``position_side`` (see ``_hedge``);
- funding payments booked in cash, in ``funding_history`` and in the
  funding total of each open trade.

Mixed into ``BackBroker``; relies on its ``cash``, ``positions``,
``getcommissioninfo``, ``notify``, ``_fill`` and ``_retire``.
"""
from __future__ import annotations

from typing import Any, Optional

from ..commissions._margin import liquidation_price
from ..commissions._rules import TradingRuleError, TradingRules
from ..commissions._tiers import RollingVolume
from ..commissions.crypto import PerpetualCommInfo
from ..order import BuyOrder, Order, SellOrder
from ._hedge import LONG, SHORT, HedgeLeg, net_position, normalize_side, order_side

__all__ = ['CryptoMixin']


class CryptoMixin:
    """Trading rules, maker/taker fee booking, liquidation, settlement and
    funding (see the module docstring)."""

    def _crypto_config(self) -> None:
        """What the user sets up before a run (kept across runs)."""
        self._rules: dict = {}
        self._funding = None
        self._funding_datas: dict = {}
        self._futures_model = False  # a futures scheme was registered
        self._markwatch: dict = {}  # data -> MarkWatch (liquidation by mark)
        self._fee_wallets: dict = {}  # asset -> FeeWallet (fees paid in BNB)

    def _crypto_init(self) -> None:
        """Per-run state."""
        self._volume = RollingVolume()
        # (fee in quote, size it covers) while one fill is being booked
        self._fee_now: Optional[tuple] = None
        self.funding_history: list = []
        self.fees_paid: dict = {}
        self._last_dt = None  # bar time the funding was booked up to
        self._last_fill_dt = None
        # init() runs before the first _crypto_config()
        for watch in getattr(self, '_markwatch', {}).values():
            watch.reset()
        for wallet in getattr(self, '_fee_wallets', {}).values():
            wallet.reset()

    # --- trading rules ---------------------------------------------------------
    def set_trading_rules(self, market: Any, name: Any = None,
                          rounding: bool = False) -> TradingRules:
        """Register the exchange rules of the data called ``name`` (``None``:
        every data without its own).  ``market`` is a dict shaped like one
        entry of ccxt's ``exchange.markets`` (or a ``TradingRules``).  With
        ``rounding`` sizes are rounded down to the step and prices to the
        tick before checking; otherwise a breaking order is rejected."""
        rules = market if isinstance(market, TradingRules) \
            else TradingRules.from_market(market)
        self._rules[name] = (rules, bool(rounding))
        return rules

    def get_trading_rules(self, data: Any) -> Optional[TradingRules]:
        entry = self._rules.get(data._name) or self._rules.get(None)
        return None if entry is None else entry[0]

    def _rules_allow(self, order: Order) -> bool:
        """Apply the data's rules to ``order`` (rounding it if asked);
        False after rejecting it with the reason in ``order.info``."""
        entry = self._rules.get(order.data._name) or self._rules.get(None)
        if entry is None or order.exectype == Order.Historical:
            return True
        rules, rounding = entry
        limitlike = order.exectype not in (Order.Market, Order.Close)
        price = order.created.price if limitlike else None
        try:
            size, price = rules.apply(order.size, price, rounding,
                                      reference_price=order.data.close[0])
        except TradingRuleError as exc:
            self._reject_at_submit(order, exc.reason)
            return False
        if size != order.size:
            order.size = order.created.size = size
            order.executed.remsize = size
        if limitlike and price != order.created.price:
            order.price = order.created.price = price
        return True

    def _reject_at_submit(self, order: Order, reason: str) -> None:
        order.addinfo(reject_reason=reason)
        order.submit(self)
        order.reject(self)
        self._retire(order)

    # --- hedge mode ------------------------------------------------------------
    @staticmethod
    def _is_hedged(comminfo: Any) -> bool:
        return isinstance(comminfo, PerpetualCommInfo) and \
            comminfo.p.position_mode == 'hedge'

    def _hedge_allow(self, order: Order) -> bool:
        """Check ``position_side`` against the data's position mode and the
        leg's size; store it normalised.  False after rejecting."""
        info = order.info
        hedged = self._is_hedged(self.getcommissioninfo(order.data))
        given = info['position_side'] if 'position_side' in info else None
        try:
            side = normalize_side(given)
        except ValueError as exc:
            self._reject_at_submit(order, str(exc))
            return False
        if side is None:
            if hedged:
                self._reject_at_submit(
                    order, "hedge mode: the order needs position_side='long' "
                    "or 'short'")
                return False
            return True
        if not hedged:
            self._reject_at_submit(
                order, 'position_side=%r needs a perpetual scheme with '
                "position_mode='hedge'; this data is in one-way mode" % given)
            return False
        info['position_side'] = side
        held = self.positions[HedgeLeg(order.data, side)].size
        if order.parent is None and self._reduces_leg(order, side) and \
                abs(order.size) > abs(held):
            self._reject_at_submit(
                order, 'reduces the %s leg by %g but it holds %g'
                % (side, abs(order.size), abs(held)))
            return False
        return True

    @staticmethod
    def _reduces_leg(order: Order, side: str) -> bool:
        return order.isbuy() == (side == SHORT)

    def _position_key(self, order: Order, data: Any) -> Any:
        """Where a fill of ``order`` lands in ``positions``: its leg in
        hedge mode, else the data."""
        side = order_side(order)
        return data if side is None else HedgeLeg(data, side)

    def _leg_room(self, order: Order, gross: Any) -> Any:
        """Cap a leg-reducing fill to what the leg holds, so a leg never
        flips; the order is canceled when nothing (more) can fill."""
        side = order.info['position_side']
        if not self._reduces_leg(order, side):
            return gross
        held = abs(self.positions[HedgeLeg(order.data, side)].size)
        if abs(gross) <= held:
            return gross
        if held:
            capped = held if gross > 0 else -held
            order.addinfo(leg_capped=True)
            return capped
        if order in self.pending:
            self.pending.remove(order)
        order.addinfo(cancel_reason='the %s leg is already closed' % side)
        order.cancel()
        self._retire(order)
        return 0

    def _with_legs(self, datas: Any) -> list:
        """``datas`` with each hedge-mode data replaced by its two legs."""
        keys = []
        for data in datas:
            if not isinstance(data, HedgeLeg) and \
                    self._is_hedged(self.getcommissioninfo(data)):
                keys += [HedgeLeg(data, LONG), HedgeLeg(data, SHORT)]
            else:
                keys.append(data)
        return keys

    def getposition(self, data: Any, side: Optional[str] = None) -> Any:
        """The position on ``data``; in hedge mode the net of both legs, or
        one leg with ``side='long'|'short'``."""
        if not self._futures_model and side is None:
            return self.positions[data]
        if not self._is_hedged(self.getcommissioninfo(data)):
            if side is not None:
                raise ValueError('getposition(side=%r): data %r is not in '
                                 'hedge mode' % (side, data._name))
            return self.positions[data]
        positions = self.positions
        if side is not None:
            return positions[HedgeLeg(data, normalize_side(side))]
        return net_position(positions[HedgeLeg(data, LONG)],
                            positions[HedgeLeg(data, SHORT)])

    # --- fees ------------------------------------------------------------------
    def _price_fill(self, order: Order, comminfo: Any, size: Any, price: float,
                    maker: bool, forced: Optional[str]) -> Any:
        """Set the fee of the fill about to be booked; return the size the
        position receives (less than ``size`` when the fee is taken from
        the base asset bought)."""
        fill_fee = getattr(comminfo, 'fill_fee', None)
        if fill_fee is None:
            self._fee_now = None
            return size
        if forced == 'liquidation':
            quote = comminfo.liquidation_charge(size, price)
            self._fee_now = (quote, abs(size))
            self._book_fee('quote', quote)
            return size
        now = order.data.datetime.datetime()
        volume = self._volume.total(now)
        fee = fill_fee(size, price, maker, volume)
        if fee.asset in self._fee_wallets:
            fee = self._wallet_fee(comminfo, fee, size, price, maker, volume)
        net = size + fee.size_delta
        self._fee_now = (fee.quote_value, abs(net))
        order.addinfo(liquidity='maker' if maker else 'taker',
                      fee_rate=fee.rate, fee_asset=fee.asset,
                      fee=fee.amount_in_asset)
        self._book_fee(fee.asset, fee.amount_in_asset)
        self._volume.add(now, abs(size) * price)
        self._last_fill_dt = now
        return net

    # --- fees paid from a balance of a third asset ------------------------------
    def set_fee_balance(self, asset: str, amount: float, price: Any) -> None:
        """Hold ``amount`` of ``asset`` (e.g. ``'BNB'``) to pay the fees of
        schemes with ``fee_asset=asset``: each fee is debited from it at
        the discounted rate, valued at ``price`` (a number, or a data feed
        whose close is the price); a fee the balance cannot cover is
        charged in quote at the full rate, as Binance does.  The fees paid
        from it are taken off the portfolio value (see ``_feewallet``);
        ``fee_balance(asset)`` reads what is left."""
        from ._feewallet import FeeWallet
        self._fee_wallets[asset] = FeeWallet(asset, amount, price)

    def fee_balance(self, asset: str) -> float:
        """Units of ``asset`` left to pay fees with."""
        wallet = self._fee_wallets.get(asset)
        if wallet is None:
            raise KeyError('fee_balance: no balance of %r was set (see '
                           'set_fee_balance)' % (asset,))
        return wallet.balance

    def _fee_wallets_spent(self) -> float:
        return sum(wallet.spent for wallet in self._fee_wallets.values())

    def _wallet_fee(self, comminfo: Any, fee: Any, size: Any, price: float,
                    maker: bool, volume: float) -> Any:
        """``fee`` paid from the wallet of its asset: the quote cash the
        fill books for it is handed back.  Without enough balance (or a
        price for the asset) the full-rate fee in quote."""
        paid = self._fee_wallets[fee.asset].pay(fee.quote_value)
        if paid:
            self.cash += fee.quote_value  # hands back the commission debit
            return fee._replace(amount_in_asset=paid, cash=0.0)
        rate = comminfo.fee_rate(maker, volume)
        value = abs(size) * price * rate
        return fee._replace(rate=rate, asset='quote', amount_in_asset=value,
                            quote_value=value, cash=value)

    def _book_fee(self, asset: str, amount: Any) -> None:
        if amount:
            self.fees_paid[asset] = self.fees_paid.get(asset, 0.0) + amount

    def _fill_commission(self, comminfo: Any, size: Any, price: float) -> float:
        """Commission of part of the fill being booked: its share of the
        priced fee, or the scheme's plain commission."""
        fee = self._fee_now
        if fee is None:
            return comminfo.getcommission(size, price)
        quote, covered = fee
        return quote * abs(size) / covered if covered else 0.0

    def volume_30d(self, dt: Any = None) -> float:
        """The account's traded quote volume over the 30 days up to ``dt``
        (default: the last fill)."""
        if dt is None:
            dt = self._last_fill_dt
        return self._volume.total(dt) if dt is not None else 0.0

    # --- funding ---------------------------------------------------------------
    def add_funding_source(self, data: Any, rates: Any, marks: Any = None) -> None:
        """Charge funding on ``data``'s position from ``rates`` (see
        ``Cerebro.addfunding``)."""
        from ..funding import FundingSchedule
        if self._funding is None:
            self._funding = FundingSchedule()
        name = data._name or 'data%d' % len(self._funding_datas)
        self._funding.add(data, rates, marks, name=name)
        self._funding_datas[name] = data

    def add_mark_prices(self, data: Any, marks: Any, stamps: str = 'open') -> None:
        """Liquidate ``data``'s positions by these mark prices (see
        ``Cerebro.addmarkprices`` and ``_markliq``)."""
        from ._markliq import MarkWatch
        self._markwatch[data] = MarkWatch(marks, stamps)

    def add_funding(self, payment: Any) -> None:
        """Book one funding payment: cash, history and the open trades of
        the data (split by their sizes)."""
        self.cash += payment.amount
        self.funding_history.append(payment)
        data = self._funding_datas.get(payment.name)
        for strat in getattr(self.cerebro, 'runningstrats', None) or ():
            # each open trade takes its signed share: with hedge legs the
            # long one pays what the short one receives
            trades = [hist[-1] for hist in strat._trades[data].values()
                      if hist and hist[-1].isopen]
            for trade in trades:
                trade.funding += payment.amount * trade.size / payment.size

    # --- the per-bar step ----------------------------------------------------------
    def _apply_funding(self) -> None:
        """Book the funding due since the previous bar, on the positions
        held before this bar's orders execute."""
        datas = self._funding.datas
        if not datas or not len(datas[0]):
            return
        now = datas[0].datetime.datetime()
        self._funding.apply(self, self._last_dt, now)
        self._last_dt = now

    def _futures_step(self) -> None:
        """After the bar's fills: settle expired delivery contracts and
        liquidate positions whose liquidation price the bar reached."""
        for data, watch in self._markwatch.items():
            if len(data):
                watch.advance(data)
        for data, legs in self._open_contracts().items():
            comminfo = self.getcommissioninfo(data)
            if comminfo.is_expired(data.datetime.datetime()):
                for key, pos in legs:
                    self._force_close(key, pos, data.close[0], 'settlement')
                continue
            for key, pos, price in self._liquidations(data, legs, comminfo):
                self._force_close(key, pos, price, 'liquidation')

    def _open_contracts(self) -> dict:
        """data -> [(positions key, position)] of open futures positions."""
        contracts: dict = {}
        for key, pos in self.positions.items():
            if not pos:
                continue
            data = key.data if isinstance(key, HedgeLeg) else key
            if isinstance(self.getcommissioninfo(data), PerpetualCommInfo):
                contracts.setdefault(data, []).append((key, pos))
        return contracts

    def _liquidations(self, data: Any, legs: list, comminfo: Any) -> list:
        """(key, position, price) of the legs the bar liquidates."""
        low, high = self._adverse_prices(data, legs)
        if comminfo.p.margin_mode == 'isolated' or len(legs) == 1:
            hits = []
            for key, pos in legs:
                price = self._liquidation_price(data, pos, comminfo)
                if price is not None and (
                        (pos.size > 0 and low <= price) or
                        (pos.size < 0 and high >= price)):
                    hits.append((key, pos, price))
            return hits
        # cross margin, both hedge legs open: one price for the pair; it is
        # reached when the margin balance is below maintenance at an extreme
        base, other_mm, other_upnl = self._cross_wallet(data)
        units = {(LONG if pos.size > 0 else SHORT):
                 (pos.size * comminfo.p.mult, pos.price) for _, pos in legs}
        price = liquidation_price(base, comminfo.p.brackets, other_mm=other_mm,
                                  other_upnl=other_upnl, **units)
        if price is None:
            return []
        balance = base - other_mm + other_upnl
        for extreme in (low, high):
            gap = balance + sum(
                comminfo.profitandloss(pos.size, pos.price, extreme)
                - comminfo.maintenance_margin(pos.size, extreme)
                for _, pos in legs)
            if gap < 0.0:
                return [(key, pos, price) for key, pos in legs]
        return []

    def _adverse_prices(self, data: Any, legs: list) -> tuple:
        """(lowest, highest) price the legs' liquidation is checked at:
        the mark prices of the bar when ``data`` has them, else the bar's
        low and high."""
        watch = self._markwatch.get(data)
        if watch is not None:
            since = max((pos.datetime for _, pos in legs
                         if pos.datetime is not None), default=None)
            seen = watch.adverse(since)
            if seen is not None:
                return seen
        return data.low[0], data.high[0]

    def _mark_now(self, key: Any) -> Optional[float]:
        """The current mark price of a position key's data (None without
        fresh mark bars: the caller uses the close)."""
        data = key.data if isinstance(key, HedgeLeg) else key
        watch = self._markwatch.get(data)
        return None if watch is None else watch.latest()

    def _cross_wallet(self, data: Any) -> tuple:
        """(cross wallet balance, maintenance margin and unrealised PnL of
        the other contracts) as seen by ``data``'s positions.  Cash is the
        wallet less the initial margins locked, plus the price moves
        already settled into it (up to ``adjbase``); the wallet balance
        leaves those unrealised moves out."""
        wallet = self.cash
        other_mm = other_upnl = 0.0
        for okey, opos in self.positions.items():
            if not opos:
                continue
            odata = okey.data if isinstance(okey, HedgeLeg) else okey
            ocomm = self.getcommissioninfo(odata)
            if not isinstance(ocomm, PerpetualCommInfo):
                continue
            settled = ocomm.profitandloss(opos.size, opos.price, opos.adjbase)
            wallet += ocomm.initial_margin(opos.size, opos.price) - settled
            if odata is not data:
                mark = self._mark_now(odata) if self._markwatch else None
                if mark is None:
                    mark = odata.close[0]
                other_mm += ocomm.maintenance_margin(opos.size, mark)
                other_upnl += ocomm.profitandloss(opos.size, opos.price, mark)
        return wallet, other_mm, other_upnl

    def _liquidation_price(self, data: Any, pos: Any,
                           comminfo: PerpetualCommInfo) -> Optional[float]:
        if comminfo.p.margin_mode == 'isolated':
            return comminfo.liquidation_price(pos.size, pos.price)
        wallet, other_mm, other_upnl = self._cross_wallet(data)
        return comminfo.liquidation_price(pos.size, pos.price, wallet,
                                          other_mm=other_mm,
                                          other_upnl=other_upnl)

    def _force_close(self, data: Any, pos: Any, price: float,
                     reason: str) -> None:
        """Close ``pos`` at ``price`` with an order made by the broker, so
        the strategy sees it in ``notify_order`` and its trade closes."""
        cerebro = self.cerebro
        strats = getattr(cerebro, 'runningstrats', None)
        owner = strats[0] if strats else None
        cls = SellOrder if pos.size > 0 else BuyOrder
        leg = data if isinstance(data, HedgeLeg) else None
        if leg is not None:
            data = leg.data
        order = cls(owner=owner, data=data, size=abs(pos.size), price=price,
                    exectype=Order.Market)
        order.addinfo(**{reason: True, 'forced': reason})
        if leg is not None:
            order.addinfo(position_side=leg.side)
        self._join_oco(order, None)
        order.submit(self)
        order.accept(self)
        if self._keep_order_history:
            self.orders.append(order)
        self._fill(order, ago=0, price=price, forced=reason)
