"""A balance of a third asset that pays trading fees (Binance's BNB).

With "use BNB for fees" on, Binance takes each fee from the account's BNB
at a discount; when the BNB left cannot cover a fee, that fee is charged
the ordinary way at the full rate.  A backtest that only priced the
discounted fee in quote cash would never run out of BNB and would leave
the BNB holding out of the account's value.  ``FeeWallet`` holds the
balance: fees are debited from it at the asset's current price, and the
broker counts ``value()`` in the portfolio value.
"""
from __future__ import annotations

import numbers
from typing import Any

__all__ = ['FeeWallet']


class FeeWallet:
    """``amount`` units of ``asset`` priced by ``price``: a positive number
    (a constant quote price) or a data feed whose close is the price."""

    __slots__ = ('asset', 'start', 'balance', 'spent', '_price')

    def __init__(self, asset: str, amount: float, price: Any) -> None:
        if not isinstance(asset, str) or not asset or asset in ('quote', 'base'):
            raise ValueError("set_fee_balance: asset must name a third asset "
                             "such as 'BNB', got %r" % (asset,))
        if isinstance(amount, bool) or not isinstance(amount, numbers.Real) \
                or amount < 0:
            raise ValueError('set_fee_balance(%s): amount must be a number '
                             '>= 0, got %r' % (asset, amount))
        if isinstance(price, numbers.Real) and not isinstance(price, bool):
            if price <= 0:
                raise ValueError('set_fee_balance(%s): price must be positive, '
                                 'got %r' % (asset, price))
            price = float(price)
        elif not hasattr(price, 'close'):
            raise TypeError('set_fee_balance(%s): price must be a number or a '
                            'data feed, got %r' % (asset, price))
        self.asset = asset
        self.start = float(amount)
        self.balance = self.start
        self.spent = 0.0  # quote value of the fees paid, at payment time
        self._price = price

    def reset(self) -> None:
        self.balance = self.start
        self.spent = 0.0

    def price(self) -> float:
        """The asset's quote price now (0.0 while its feed has no bar)."""
        source = self._price
        if isinstance(source, float):
            return source
        return float(source.close[0]) if len(source) else 0.0

    def pay(self, quote_value: float) -> float:
        """Pay a fee worth ``quote_value`` now: the units debited, or 0.0
        when the balance (or a price for the asset) is lacking."""
        unit = self.price()
        amount = quote_value / unit if unit > 0.0 else 0.0
        if not amount or amount > self.balance:
            return 0.0
        self.balance -= amount
        self.spent += quote_value
        return amount
