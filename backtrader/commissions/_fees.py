"""Maker/taker fee logic shared by the crypto commission schemes.

``CommInfoBase`` knows a single commission rate.  Crypto venues charge two
(maker when the order rested on the book, taker when it took liquidity),
lowered by volume tiers and optionally discounted when paid in a third asset
(BNB).  ``CryptoCommInfoBase`` adds that while keeping ``getcommission`` an
upstream-compatible conservative estimate (the taker rate), so a broker that
knows nothing about makers still works; a broker that does calls
``fill_fee``.
"""
from __future__ import annotations

from typing import Any, NamedTuple, Optional

from ..comminfo import CommInfoBase
from ._tiers import FeeTier, check_tiers, find_tier, select_tier
from ._validate import check_fraction

__all__ = ['FillFee', 'CryptoCommInfoBase']


class FillFee(NamedTuple):
    """What one fill costs and how the broker books it.

    - ``rate``: the rate applied, after any fee-asset discount
    - ``asset``: ``'quote'``, ``'base'`` or the third asset's name (``'BNB'``)
    - ``amount_in_asset``: the fee in units of ``asset``; ``None`` for a
      third asset when its price was not given
    - ``quote_value``: the fee's value in quote currency (report this as
      the order's commission)
    - ``size_delta``: change to the position size (negative base units when
      the fee is taken from the base received; 0 otherwise)
    - ``cash``: quote cash to deduct.  0 when the fee comes out of the base
      received.  For a third asset it equals ``quote_value`` (a backtest
      without a balance of that asset pays its equivalent); a broker that
      keeps such a balance debits ``amount_in_asset`` from it instead
    """

    rate: float
    asset: str
    amount_in_asset: Optional[float]
    quote_value: float
    size_delta: float
    cash: float


class CryptoCommInfoBase(CommInfoBase):
    """Percentage maker/taker fees with optional volume tiers.

    Params (fractions, 0.001 = 0.1%):
      - ``maker``/``taker``: flat rates used when ``tiers`` is None
      - ``tiers`` (default ``None``): a table of ``FeeTier`` rows; the row
        is chosen from the 30-day volume passed to ``fee_rate``/``fill_fee``
      - ``tier`` (default ``None``): pin a row of ``tiers`` by name or index
      - ``fee_discount``: fraction taken off the rate (see subclasses)

    ``commission`` is derived (the effective taker rate); passing a
    different one raises, as it would otherwise be silently ignored.
    """

    params = (
        ('maker', 0.0), ('taker', 0.0), ('tiers', None), ('tier', None),
        ('fee_discount', None),
        ('commtype', CommInfoBase.COMM_PERC), ('percabs', True),
    )

    def __init__(self) -> None:
        p = self.p
        check_fraction('maker', p.maker)
        check_fraction('taker', p.taker)
        self._tiers = None if p.tiers is None else check_tiers(p.tiers)
        if self._tiers is not None and (p.notdefault('maker')
                                        or p.notdefault('taker')):
            raise ValueError('give either maker/taker or tiers, not both')
        self._fixed_tier: Optional[FeeTier] = None
        if p.tier is not None:
            if self._tiers is None:
                raise ValueError('tier=%r needs a tiers table' % (p.tier,))
            self._fixed_tier = find_tier(self._tiers, p.tier)
        discount = self._default_discount() if p.fee_discount is None \
            else p.fee_discount
        self._discount = check_fraction('fee_discount', discount)
        estimate = self.fee_rate(False) * (1.0 - self._discount)
        if p.notdefault('commission') and p.commission != estimate:
            raise ValueError('commission is derived from taker (%r); set '
                             'maker/taker/tiers instead of commission=%r'
                             % (estimate, p.commission))
        p.commission, p.percabs = estimate, True
        p.commtype = CommInfoBase.COMM_PERC
        super().__init__()
        self._estimate_rate = estimate

    def _default_discount(self) -> float:
        return 0.0

    def fee_rate(self, maker: bool, volume30d: float = 0.0) -> float:
        """Schedule rate for a maker (True) or taker (False) fill given the
        account's 30-day quote volume before it (no fee-asset discount)."""
        tier = self._fixed_tier
        if tier is None and self._tiers is not None:
            tier = select_tier(self._tiers, volume30d)
        if tier is None:
            return self.p.maker if maker else self.p.taker
        return tier.maker if maker else tier.taker

    def tier_for(self, volume30d: float = 0.0) -> Optional[FeeTier]:
        """The tier that applies (``None`` with flat maker/taker rates)."""
        if self._fixed_tier is not None or self._tiers is None:
            return self._fixed_tier
        return select_tier(self._tiers, volume30d)

    def _quote_fee(self, rate: float, size: float, price: float) -> FillFee:
        value = abs(size) * price * rate
        return FillFee(rate, 'quote', value, value, 0.0, value)

    def _getcommission(self, size: Any, price: float, pseudoexec: bool) -> float:
        """Taker fee in quote at the pinned (or first) tier: what the broker
        reserves when it does not know maker/taker or the volume."""
        return abs(size) * price * self._estimate_rate
