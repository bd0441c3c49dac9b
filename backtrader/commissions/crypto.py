"""Crypto commission schemes: spot and USDⓈ-M perpetual/delivery futures.

Two ``CommInfoBase`` subclasses the broker plugs in per data, plus the data
and maths they are built on (re-exported here so users import one module):

- fee tiers and the 30-day volume (``FeeTier``, ``RollingVolume``, ...)
- exchange trading rules (``TradingRules``, ``TradingRuleError``)
- margin brackets and liquidation (``bracket_table``, ``liquidation_price``)

Both schemes keep the upstream API answering conservatively
(``getcommission`` is the taker fee) and add ``fill_fee`` for a broker that
knows whether a fill was maker or taker and the account's volume.
"""
from __future__ import annotations

import datetime
from typing import Any, Optional

from ._fees import CryptoCommInfoBase, FillFee
from ._margin import (BINANCE_BTCUSDT_BRACKETS, BracketTable, MarginBracket,
                      bracket_table, liquidation_price)
from ._rules import DECIMAL_PLACES, TICK_SIZE, TradingRuleError, TradingRules
from ._tiers import (BINANCE_SPOT_TIERS, BINANCE_USDM_TIERS, FeeTier,
                     RollingVolume, check_tiers, find_tier, select_tier)
from ._validate import check_choice, check_fraction, check_number

__all__ = [
    'CryptoCommInfoBase', 'CryptoSpotCommInfo', 'PerpetualCommInfo', 'FillFee',
    'FeeTier', 'BINANCE_SPOT_TIERS', 'BINANCE_USDM_TIERS', 'RollingVolume',
    'check_tiers', 'select_tier', 'find_tier',
    'TradingRules', 'TradingRuleError', 'TICK_SIZE', 'DECIMAL_PLACES',
    'MarginBracket', 'BracketTable', 'bracket_table',
    'BINANCE_BTCUSDT_BRACKETS', 'liquidation_price',
    'MARGIN_MODES', 'POSITION_MODES', 'CONTRACTS',
]

MARGIN_MODES = ('isolated', 'cross')
POSITION_MODES = ('oneway', 'hedge')
CONTRACTS = ('perpetual', 'delivery')
_OWN_ASSETS = ('quote', 'base')


class CryptoSpotCommInfo(CryptoCommInfoBase):
    """Spot trading: cash pays the full value, fees are a fraction of it.

    Params (besides ``CryptoCommInfoBase``'s ``tiers``/``tier``):
      - ``maker``/``taker`` (default ``0.001``/``0.001``, Binance VIP 0)
      - ``fee_asset`` (default ``'quote'``): what pays the fee.
        ``'quote'`` always charges quote cash (the classic backtest model).
        ``'base'`` is Binance's rule without BNB: the fee comes out of the
        asset *received*, i.e. base units on a buy (you get less coin) and
        quote on a sell.  Any other name (``'BNB'``) is a third asset,
        valued in quote and discounted.
      - ``fee_discount`` (default ``None``: 0.25 for a third asset, else 0):
        fraction taken off the rate; an explicit value always applies

    ``getsize`` returns fractional units (coins trade in fractions); round
    them with ``TradingRules``.
    """

    params = (
        ('maker', 0.001), ('taker', 0.001), ('fee_asset', 'quote'),
        ('stocklike', True),
    )

    def __init__(self) -> None:
        asset = self.p.fee_asset
        if not isinstance(asset, str) or not asset:
            raise TypeError("fee_asset must be 'quote', 'base' or an asset "
                            "name such as 'BNB', got %r" % (asset,))
        super().__init__()

    def _default_discount(self) -> float:
        return 0.0 if self.p.fee_asset in _OWN_ASSETS else 0.25

    def fill_fee(self, size: float, price: float, maker: bool,
                 volume30d: float = 0.0,
                 asset_price: Optional[float] = None) -> FillFee:
        """Fee of a fill of ``size`` (negative = sell) at ``price``.

        ``volume30d`` is the account's 30-day volume before this fill;
        ``asset_price`` the quote price of a third fee asset (to express
        ``amount_in_asset`` in it).
        """
        rate = self.fee_rate(maker, volume30d) * (1.0 - self._discount)
        asset = self.p.fee_asset
        if asset == 'base' and size > 0:
            fee = size * rate
            return FillFee(rate, 'base', fee, fee * price, -fee, 0.0)
        if asset in _OWN_ASSETS:  # quote, or a base-mode sell
            return self._quote_fee(rate, size, price)
        value = abs(size) * price * rate
        amount = value / asset_price if asset_price else None
        return FillFee(rate, asset, amount, value, 0.0, value)

    def getsize(self, price: float, cash: float) -> float:
        return cash / price


class PerpetualCommInfo(CryptoCommInfoBase):
    """USDⓈ-M (linear) futures: cash locks the initial margin, every price
    move is settled, fees are a fraction of the notional paid in quote.

    Params:
      - ``leverage`` (default ``1.0``): initial margin = notional / leverage
        (``get_margin(price) == price * mult / leverage``)
      - ``margin_mode`` (``'cross'``|``'isolated'``, default ``'cross'``)
      - ``position_mode`` (``'oneway'``|``'hedge'``, default ``'oneway'``)
      - ``brackets`` (default ``BINANCE_BTCUSDT_BRACKETS``): the symbol's
        ``BracketTable`` (maintenance margin, leverage caps)
      - ``maker``/``taker`` (default ``0.0002``/``0.0005``, USDⓈ-M VIP 0),
        ``tiers``/``tier`` as in ``CryptoCommInfoBase``
      - ``fee_discount`` (default ``0.0``; 0.10 models paying in BNB)
      - ``liquidation_fee`` (default ``0.005``): fraction of the notional
        charged when liquidated.  An assumption: exchanges set it per
        symbol/bracket, set yours
      - ``contract`` (``'perpetual'``|``'delivery'``), ``expiry`` (datetime,
        required for delivery)

    ``get_leverage()`` returns 1.0 on purpose: the leverage is already in
    ``get_margin``, and the broker divides long cash by ``get_leverage()``,
    which would apply it twice.  Read the position leverage as ``p.leverage``.
    """

    params = (
        ('maker', 0.0002), ('taker', 0.0005), ('fee_discount', 0.0),
        ('stocklike', False), ('leverage', 1.0), ('margin_mode', 'cross'),
        ('position_mode', 'oneway'), ('brackets', BINANCE_BTCUSDT_BRACKETS),
        ('liquidation_fee', 0.005), ('contract', 'perpetual'),
        ('expiry', None),
    )

    def __init__(self) -> None:
        p = self.p
        check_choice('margin_mode', p.margin_mode, MARGIN_MODES)
        check_choice('position_mode', p.position_mode, POSITION_MODES)
        check_choice('contract', p.contract, CONTRACTS)
        if not isinstance(p.brackets, BracketTable):
            raise TypeError('brackets must be a BracketTable (see bracket_table), '
                            'got %r' % (p.brackets,))
        if p.expiry is not None and not isinstance(p.expiry, datetime.datetime):
            raise TypeError('expiry must be a datetime, got %r' % (p.expiry,))
        if p.contract == 'delivery' and p.expiry is None:
            raise ValueError("contract='delivery' needs an expiry datetime")
        check_fraction('liquidation_fee', p.liquidation_fee)
        check_number('mult', p.mult, positive=True)
        super().__init__()
        self.set_leverage(p.leverage)

    # --- configuration -------------------------------------------------------
    def set_leverage(self, leverage: float, notional: float = 0.0) -> None:
        """Change the leverage, refusing one above the bracket's cap for a
        position of ``notional`` (the exchange refuses it too)."""
        leverage = check_number('leverage', leverage, positive=True)
        cap = self.p.brackets.max_leverage(notional)
        if leverage > cap:
            raise ValueError('leverage %g above the maximum %gx allowed for '
                             'notional %g' % (leverage, cap, notional))
        self.p.leverage = leverage
        self.p.automargin = self.p.mult / leverage

    def set_margin_mode(self, mode: str) -> None:
        """'isolated' or 'cross' (the exchange only allows it while flat:
        the broker should check that)."""
        self.p.margin_mode = check_choice('margin_mode', mode, MARGIN_MODES)

    def set_position_mode(self, mode: str) -> None:
        """'oneway' or 'hedge' (also only while flat)."""
        self.p.position_mode = check_choice('position_mode', mode, POSITION_MODES)

    def get_leverage(self) -> float:
        return 1.0  # leverage lives in get_margin; see the class docstring

    # --- margin --------------------------------------------------------------
    def notional(self, size: float, price: float) -> float:
        return abs(size) * price * self.p.mult

    def initial_margin(self, size: float, price: float) -> float:
        """Notional / leverage."""
        return self.notional(size, price) / self.p.leverage

    def position_value(self, position: Any, price: float) -> float:
        """What an open position adds to the account value: the initial
        margin locked at entry.  The broker settles every price move into
        cash, so cash plus this is the margin balance (wallet + unrealised
        PnL), whatever the price."""
        return self.initial_margin(position.size, position.price)

    def maintenance_margin(self, size: float, mark: float) -> float:
        """Notional at the mark price x MMR - cum of its bracket."""
        return self.p.brackets.maintenance_margin(self.notional(size, mark))

    def max_leverage(self, notional: float) -> float:
        return self.p.brackets.max_leverage(notional)

    def liquidation_price(self, size: float, entry: float,
                          wallet_balance: Optional[float] = None, *,
                          other_mm: float = 0.0,
                          other_upnl: float = 0.0) -> Optional[float]:
        """Liquidation mark price of one position (``None``: never).

        Isolated: ``wallet_balance`` defaults to the initial margin at
        ``entry`` (add any margin you put in); ``other_*`` must be 0.
        Cross: ``wallet_balance`` (the cross wallet) is required, with the
        other contracts' maintenance margin and unrealized PnL.
        For both hedge legs of one symbol call ``liquidation_price`` of
        ``backtrader.commissions.crypto`` directly.
        """
        if self.p.margin_mode == 'isolated':
            if other_mm or other_upnl:
                raise ValueError('other_mm/other_upnl only apply in cross margin')
            if wallet_balance is None:
                wallet_balance = self.initial_margin(size, entry)
        elif wallet_balance is None:
            raise ValueError('wallet_balance (the cross wallet balance) is '
                             'required in cross margin')
        units = size * self.p.mult
        if self.p.position_mode == 'oneway':
            legs = {'both': (units, entry)}
        elif units > 0:
            legs = {'long': (units, entry)}
        else:
            legs = {'short': (units, entry)}
        return liquidation_price(wallet_balance, self.p.brackets,
                                 other_mm=other_mm, other_upnl=other_upnl,
                                 **legs)

    def liquidation_charge(self, size: float, mark: float) -> float:
        """Fee taken when the position is liquidated at ``mark``."""
        return self.notional(size, mark) * self.p.liquidation_fee

    def funding_payment(self, size: float, mark: float, rate: float) -> float:
        """Cash change at a funding time: a positive rate makes longs pay
        (negative result) and shorts receive."""
        return -size * mark * self.p.mult * rate

    def is_expired(self, dt: datetime.datetime) -> bool:
        """A delivery contract settles at ``expiry``; perpetuals never."""
        return self.p.expiry is not None and dt >= self.p.expiry

    # --- fees and sizing -----------------------------------------------------
    def fill_fee(self, size: float, price: float, maker: bool,
                 volume30d: float = 0.0) -> FillFee:
        """Fee of a fill, always in quote, on the notional."""
        rate = self.fee_rate(maker, volume30d) * (1.0 - self._discount)
        return self._quote_fee(rate, size * self.p.mult, price)

    def _getcommission(self, size: Any, price: float, pseudoexec: bool) -> float:
        """Taker fee on the notional (``mult`` included, unlike stocks)."""
        return abs(size) * price * self.p.mult * self._estimate_rate

    def getsize(self, price: float, cash: float) -> float:
        """Fractional contracts whose initial margin ``cash`` covers."""
        return cash / self.get_margin(price)
