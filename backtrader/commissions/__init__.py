"""Ready-made commission schemes for stocks and futures.

Each class only pins ``stocklike`` and/or ``commtype`` of ``CommInfoBase`` so
users can pick a scheme by name instead of combining parameters.
"""
from __future__ import absolute_import, division, print_function, unicode_literals

from ..comminfo import CommInfoBase
from .crypto import (BINANCE_BTCUSDT_BRACKETS, BINANCE_SPOT_TIERS,
                     BINANCE_USDM_TIERS, BracketTable, CryptoSpotCommInfo,
                     FeeTier, FillFee, MarginBracket, PerpetualCommInfo,
                     RollingVolume, TradingRuleError, TradingRules,
                     bracket_table, liquidation_price)

__all__ = ['CommInfoBase', 'CommInfo', 'CommInfo_Futures',
           'CommInfo_Futures_Perc', 'CommInfo_Futures_Fixed',
           'CommInfo_Stocks', 'CommInfo_Stocks_Perc', 'CommInfo_Stocks_Fixed',
           # crypto (backtrader.commissions.crypto)
           'CryptoSpotCommInfo', 'PerpetualCommInfo', 'FillFee', 'FeeTier',
           'BINANCE_SPOT_TIERS', 'BINANCE_USDM_TIERS', 'RollingVolume',
           'TradingRules', 'TradingRuleError', 'MarginBracket', 'BracketTable',
           'bracket_table', 'BINANCE_BTCUSDT_BRACKETS', 'liquidation_price']


class CommInfo(CommInfoBase):
    """Same as ``CommInfoBase`` (historic name)."""


class CommInfo_Futures(CommInfoBase):
    """Futures-like: cash pays a margin, every price move is settled."""

    params = (('stocklike', False),)


class CommInfo_Futures_Perc(CommInfo_Futures):
    """Futures with a percentage commission."""

    params = (('commtype', CommInfoBase.COMM_PERC),)


class CommInfo_Futures_Fixed(CommInfo_Futures):
    """Futures with a fixed commission per unit."""

    params = (('commtype', CommInfoBase.COMM_FIXED),)


class CommInfo_Stocks(CommInfoBase):
    """Stock-like: cash pays the full value."""

    params = (('stocklike', True),)


class CommInfo_Stocks_Perc(CommInfo_Stocks):
    """Stocks with a percentage commission."""

    params = (('commtype', CommInfoBase.COMM_PERC),)


class CommInfo_Stocks_Fixed(CommInfo_Stocks):
    """Stocks with a fixed commission per unit."""

    params = (('commtype', CommInfoBase.COMM_FIXED),)
