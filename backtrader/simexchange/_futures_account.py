"""USDⓈ-M futures accounts of the local exchange: orders, positions,
trades, income and the per-symbol settings (leverage, margin type), plus
the margin arithmetic Binance reports in ``/fapi/v2/account``.

Money lives in one wallet per margin asset (USDT).  The wallet holds
realized PnL, fees and funding; an isolated position's margin
(``isolated_wallet``) is part of the wallet but set aside for that
position, so the *cross* wallet is the wallet minus isolated margins.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ._book import BookOrder

__all__ = ['FuturesOrder', 'FuturesPosition', 'FuturesTrade', 'FuturesAccount',
           'DEFAULT_LEVERAGE']

DEFAULT_LEVERAGE = 20


@dataclass
class FuturesOrder(BookOrder):
    order_id: int
    client_id: str
    symbol: str
    side: str                  # BUY / SELL
    position_side: str         # BOTH / LONG / SHORT
    type: str                  # as placed: LIMIT, STOP_MARKET, ...
    tif: str
    qty: float
    price: float
    stop_price: float
    time: int
    reduce_only: bool = False
    close_position: bool = False
    working_type: str = 'CONTRACT_PRICE'
    price_protect: bool = False
    executed: float = 0.0
    cum_quote: float = 0.0
    status: str = 'NEW'
    update_time: int = 0
    working: bool = True       # a stop waits (False) until triggered
    margin: float = 0.0        # initial margin reserved while open
    realized: float = 0.0
    algo: bool = False         # a conditional order of the algo service
    child_id: int = 0          # algo: the order it placed when triggered
    trigger_time: int = 0
    reject_reason: str = ''

    @property
    def avg_price(self) -> float:
        return self.cum_quote / self.executed if self.executed else 0.0

    @property
    def live_type(self) -> str:
        """The type it works as now: a triggered stop is a MARKET/LIMIT."""
        if self.working and self.type in ('STOP_MARKET', 'TAKE_PROFIT_MARKET'):
            return 'MARKET'
        if self.working and self.type in ('STOP', 'TAKE_PROFIT'):
            return 'LIMIT'
        return self.type

    @property
    def opens(self) -> bool:
        """True when a fill may add to a position (so it needs margin)."""
        if self.reduce_only or self.close_position:
            return False
        if self.position_side == 'LONG':
            return self.side == 'BUY'
        if self.position_side == 'SHORT':
            return self.side == 'SELL'
        return True


@dataclass
class FuturesPosition:
    symbol: str
    side: str                  # BOTH / LONG / SHORT
    asset: str                 # margin asset
    amount: float = 0.0        # signed: > 0 long, < 0 short
    entry: float = 0.0
    isolated_wallet: float = 0.0
    update_time: int = 0


@dataclass
class FuturesTrade:
    trade_id: int
    order_id: int
    symbol: str
    side: str
    position_side: str
    price: float
    qty: float
    realized: float
    commission: float
    commission_asset: str
    time: int
    maker: bool


@dataclass
class FuturesAccount:
    """One API key's futures wallet, positions, orders and settings."""

    balances: dict                                   # asset -> wallet balance
    positions: dict = field(default_factory=dict)    # (symbol, side) -> position
    leverage: dict = field(default_factory=dict)     # symbol -> int
    margin_type: dict = field(default_factory=dict)  # symbol -> CROSSED/ISOLATED
    dual_side: bool = False
    orders: dict = field(default_factory=dict)       # order id -> FuturesOrder
    by_client: dict = field(default_factory=dict)    # (symbol, client id) -> order
    algos: dict = field(default_factory=dict)        # algo id -> conditional order
    algo_by_client: dict = field(default_factory=dict)
    trades: list = field(default_factory=list)
    income: list = field(default_factory=list)
    listeners: list = field(default_factory=list)
    update_time: int = 0

    def emit(self, event: dict) -> None:
        for listener in list(self.listeners):
            listener(event)

    def leverage_of(self, symbol: str) -> int:
        return self.leverage.get(symbol, DEFAULT_LEVERAGE)

    def isolated(self, symbol: str) -> bool:
        return self.margin_type.get(symbol, 'CROSSED') == 'ISOLATED'

    def position(self, symbol: str, side: str, asset: str) -> FuturesPosition:
        key = (symbol, side)
        pos = self.positions.get(key)
        if pos is None:
            pos = self.positions[key] = FuturesPosition(symbol, side, asset)
        return pos

    def held(self, symbol: Optional[str] = None) -> list:
        """Open (non-zero) positions, of ``symbol`` when given."""
        return [p for p in self.positions.values() if p.amount
                and (symbol is None or p.symbol == symbol)]

    def open_orders(self, symbol: Optional[str] = None) -> list:
        return [o for o in self.orders.values() if o.is_open
                and (symbol is None or o.symbol == symbol)]

    def open_algos(self, symbol: Optional[str] = None) -> list:
        return [o for o in self.algos.values() if o.is_open
                and (symbol is None or o.symbol == symbol)]

    def wallet(self, asset: str) -> float:
        return self.balances.setdefault(asset, 0.0)

    def credit(self, asset: str, amount: float) -> None:
        self.balances[asset] = round(self.wallet(asset) + amount, 10)
