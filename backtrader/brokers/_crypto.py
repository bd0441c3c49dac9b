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
  the bar's adverse extreme crosses the liquidation price, and settlement
  of delivery contracts at expiry, both as broker-made orders the strategy
  sees in ``notify_order`` (``order.info.liquidation`` / ``.settlement``);
- funding payments booked in cash, in ``funding_history`` and in the
  funding total of each open trade.

Mixed into ``BackBroker``; relies on its ``cash``, ``positions``,
``getcommissioninfo``, ``notify``, ``_fill`` and ``_retire``.
"""
from __future__ import annotations

from typing import Any, Optional

from ..commissions._rules import TradingRuleError, TradingRules
from ..commissions._tiers import RollingVolume
from ..commissions.crypto import PerpetualCommInfo
from ..order import BuyOrder, Order, SellOrder

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

    def _crypto_init(self) -> None:
        """Per-run state."""
        self._volume = RollingVolume()
        # (fee in quote, size it covers) while one fill is being booked
        self._fee_now: Optional[tuple] = None
        self.funding_history: list = []
        self.fees_paid: dict = {}
        self._last_dt = None  # bar time the funding was booked up to
        self._last_fill_dt = None

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
            order.addinfo(reject_reason=exc.reason)
            order.submit(self)
            order.reject(self)
            self._retire(order)
            return False
        if size != order.size:
            order.size = order.created.size = size
            order.executed.remsize = size
        if limitlike and price != order.created.price:
            order.price = order.created.price = price
        return True

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
        fee = fill_fee(size, price, maker, self._volume.total(now))
        net = size + fee.size_delta
        self._fee_now = (fee.quote_value, abs(net))
        order.addinfo(liquidity='maker' if maker else 'taker',
                      fee_rate=fee.rate, fee_asset=fee.asset,
                      fee=fee.amount_in_asset)
        self._book_fee(fee.asset, fee.amount_in_asset)
        self._volume.add(now, abs(size) * price)
        self._last_fill_dt = now
        return net

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

    def add_funding(self, payment: Any) -> None:
        """Book one funding payment: cash, history and the open trades of
        the data (split by their sizes)."""
        self.cash += payment.amount
        self.funding_history.append(payment)
        data = self._funding_datas.get(payment.name)
        for strat in getattr(self.cerebro, 'runningstrats', None) or ():
            trades = [hist[-1] for hist in strat._trades[data].values()
                      if hist and hist[-1].isopen]
            total = sum(abs(t.size) for t in trades)
            for trade in trades:
                trade.funding += payment.amount * abs(trade.size) / total

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
        for data, pos in list(self.positions.items()):
            if not pos:
                continue
            comminfo = self.getcommissioninfo(data)
            if not isinstance(comminfo, PerpetualCommInfo):
                continue
            if comminfo.is_expired(data.datetime.datetime()):
                self._force_close(data, pos, data.close[0], 'settlement')
                continue
            price = self._liquidation_price(data, pos, comminfo)
            if price is None:
                continue
            if (pos.size > 0 and data.low[0] <= price) or \
                    (pos.size < 0 and data.high[0] >= price):
                self._force_close(data, pos, price, 'liquidation')

    def _liquidation_price(self, data: Any, pos: Any,
                           comminfo: PerpetualCommInfo) -> Optional[float]:
        if comminfo.p.margin_mode == 'isolated':
            return comminfo.liquidation_price(pos.size, pos.price)
        # cross: cash is the wallet less the initial margins locked, plus
        # the price moves already settled into it (up to ``adjbase``); the
        # wallet balance leaves those unrealised moves out
        wallet = self.cash
        other_mm = other_upnl = 0.0
        for odata, opos in self.positions.items():
            if not opos:
                continue
            ocomm = self.getcommissioninfo(odata)
            if not isinstance(ocomm, PerpetualCommInfo):
                continue
            settled = ocomm.profitandloss(opos.size, opos.price, opos.adjbase)
            wallet += ocomm.initial_margin(opos.size, opos.price) - settled
            if odata is not data:
                mark = odata.close[0]
                other_mm += ocomm.maintenance_margin(opos.size, mark)
                other_upnl += ocomm.profitandloss(opos.size, opos.price, mark)
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
        order = cls(owner=owner, data=data, size=abs(pos.size), price=price,
                    exectype=Order.Market)
        order.addinfo(**{reason: True, 'forced': reason})
        self._join_oco(order, None)
        order.submit(self)
        order.accept(self)
        if self._keep_order_history:
            self.orders.append(order)
        self._fill(order, ago=0, price=price, forced=reason)
