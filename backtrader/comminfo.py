"""Commission, margin and valuation rules of an asset class.

The broker never does asset-specific arithmetic itself: it asks a
``CommInfoBase`` what an operation costs, what a position is worth, how much
can be bought with some cash and what a price move earns.  Stocks (cash pays
the full value) and futures (cash pays a margin, value moves with ``mult``)
differ only in these answers.
"""
from __future__ import annotations

import datetime
from typing import Any

from .metabase import MetaParams

__all__ = ['CommInfoBase', 'CommissionInfo']


class CommInfoBase(metaclass=MetaParams):
    """Base commission scheme.

    Params:
      - ``commission`` (default ``0.0``): per-unit amount (fixed scheme) or
        fraction of the traded value (percentage scheme)
      - ``mult`` (default ``1.0``): value multiplier of one unit (futures)
      - ``margin`` (default ``None``): cash locked per unit (futures)
      - ``commtype`` (default ``None``): ``COMM_PERC`` or ``COMM_FIXED``.
        ``None`` keeps the historic rule: a ``margin`` means a fixed futures
        commission, no margin a percentage stock commission
      - ``stocklike`` (default ``False``): stock (True) or futures (False),
        ignored when ``commtype`` is ``None``
      - ``percabs`` (default ``False``): a percentage commission is given as
        a fraction (``True``, 0.001) or in percent (``False``, 0.1)
      - ``interest`` (default ``0.0``): yearly credit interest charged on
        short positions (fraction, 0.05 = 5%)
      - ``interest_long`` (default ``False``): charge the interest on long
        positions too
      - ``leverage`` (default ``1.0``): leverage applied to the cash needed
      - ``automargin`` (default ``False``): ``False`` uses ``margin``; a
        negative value uses ``price * mult``; any other value ``price *
        automargin``
    """

    COMM_PERC, COMM_FIXED = range(2)

    params = (
        ('commission', 0.0), ('mult', 1.0), ('margin', None),
        ('commtype', None), ('stocklike', False), ('percabs', False),
        ('interest', 0.0), ('interest_long', False),
        ('leverage', 1.0), ('automargin', False),
    )

    def __init__(self) -> None:
        p = self.p
        self._stocklike = p.stocklike
        self._commtype = p.commtype
        if self._commtype is None:
            # historic behaviour: the presence of a margin selects the scheme
            self._stocklike = not p.margin
            self._commtype = self.COMM_PERC if self._stocklike else self.COMM_FIXED

        if not self._stocklike and not p.margin:
            p.margin = 1.0

        if self._commtype == self.COMM_PERC and not p.percabs:
            p.commission /= 100.0

        self._daily_rate = p.interest / 365.0

    @property
    def margin(self) -> Any:
        return self.p.margin

    @property
    def stocklike(self) -> bool:
        return self._stocklike

    def get_margin(self, price: float) -> float:
        """Cash locked by one unit at ``price``."""
        automargin = self.p.automargin
        if not automargin:
            return self.p.margin
        if automargin < 0:
            return price * self.p.mult
        return price * automargin

    def get_leverage(self) -> float:
        return self.p.leverage

    def getsize(self, price: float, cash: float) -> int:
        """Units that ``cash`` can buy at ``price`` (commission ignored)."""
        unitcost = price if self._stocklike else self.get_margin(price)
        return int(self.p.leverage * (cash // unitcost))

    def getoperationcost(self, size: Any, price: float) -> float:
        """Cash an operation of ``size`` needs (always positive)."""
        if self._stocklike:
            return abs(size) * price
        return abs(size) * self.get_margin(price)

    def getvaluesize(self, size: Any, price: float) -> float:
        """Value of ``size`` units: signed for stocks, margin for futures."""
        if self._stocklike:
            return size * price
        return abs(size) * self.get_margin(price)

    def getvalue(self, position: Any, price: float) -> float:
        """Value of a position at ``price``.

        A short stock position is valued as its entry value plus what the
        price drop earned (both negative numbers for a short).
        """
        if not self._stocklike:
            return abs(position.size) * self.get_margin(price)
        size = position.size
        if size >= 0:
            return size * price
        value = position.price * size
        value += (position.price - price) * size
        return value

    def _getcommission(self, size: Any, price: float, pseudoexec: bool) -> float:
        """Commission for ``size`` units at ``price``.

        ``pseudoexec`` is True when only estimating (e.g. the submission
        check) so that schemes with state (volume tiers) don't count it.
        """
        if self._commtype == self.COMM_PERC:
            return abs(size) * self.p.commission * price
        return abs(size) * self.p.commission

    def getcommission(self, size: Any, price: float) -> float:
        return self._getcommission(size, price, pseudoexec=True)

    def confirmexec(self, size: Any, price: float) -> float:
        """Tell the scheme that an execution really happened."""
        return self._getcommission(size, price, pseudoexec=False)

    def profitandloss(self, size: Any, price: float, newprice: float) -> float:
        return size * (newprice - price) * self.p.mult

    def cashadjust(self, size: Any, price: float, newprice: float) -> float:
        """Cash to add when marking ``size`` units from ``price`` to
        ``newprice``: futures settle every move, stocks never."""
        if self._stocklike:
            return 0.0
        return size * (newprice - price) * self.p.mult

    def get_credit_interest(self, data: Any, pos: Any,
                            dt: datetime.datetime) -> float:
        """Interest owed on ``pos`` from its last charge until ``dt``."""
        charged_longs = self.p.interest_long
        if pos.size > 0 and not charged_longs:
            return 0.0  # longs pay nothing unless asked to
        today, last = dt.date(), pos.datetime.date()
        elapsed = (today - last).days
        if elapsed <= 0:
            return 0.0
        return self._get_credit_interest(data, pos.size, pos.price, elapsed,
                                         today, last)

    def _get_credit_interest(self, data: Any, size: Any, price: float,
                             days: int, dt0: datetime.date,
                             dt1: datetime.date) -> float:
        """Override to change the interest formula (``days`` elapsed between
        ``dt1`` and ``dt0``)."""
        return days * self._daily_rate * abs(size) * price


class CommissionInfo(CommInfoBase):
    """Historic scheme: percentage commission given as a fraction."""

    params = (('percabs', True),)
