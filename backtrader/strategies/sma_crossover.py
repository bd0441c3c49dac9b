"""A long-only moving-average cross-over strategy.

It is the strategy ``btrun`` users reach for first, so its parameters, its
indicators (``buysig`` is the CrossOver) and its order flow follow upstream:
one order per cross, sized by the strategy's sizer, at market.
"""
from __future__ import (absolute_import, division, print_function,  # noqa: F401
                        unicode_literals)

import backtrader as bt
import backtrader.indicators as btind

# SMA_CrossOver is the alias subclass the metaclass adds to this module
__all__ = ['MA_CrossOver', 'SMA_CrossOver']  # noqa: F822


class MA_CrossOver(bt.Strategy):
    """Goes long when a fast moving average crosses a slow one upwards and
    sells when it crosses back downwards.

    Buy: no open position on the data and ``fast`` crosses ``slow`` upwards.
    Sell: a position is open and ``fast`` crosses ``slow`` downwards.
    Orders are market orders whose size comes from the sizer (``sell`` is a
    sizer-sized sell, not a ``close``).

    Params:
      - ``fast`` (10): period of the fast moving average
      - ``slow`` (30): period of the slow moving average
      - ``_movav`` (``bt.indicators.SMA``): moving average class used for both
    """
    alias = ('SMA_CrossOver',)

    params = dict(fast=10, slow=30, _movav=btind.SMA)

    def __init__(self):
        averages = [self.p._movav(period=period)
                    for period in (self.p.fast, self.p.slow)]
        self.buysig = btind.CrossOver(*averages)

    def next(self):
        cross = self.buysig[0]
        holding = bool(self.position.size)
        if holding and cross < 0:
            self.sell()
        elif not holding and cross > 0:
            self.buy()
