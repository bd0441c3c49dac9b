"""Funding paid and received by perpetual futures positions."""
from __future__ import annotations

from typing import Any

from ..analyzer import Analyzer
from ..utils.autodict import AutoOrderedDict

__all__ = ['FundingAnalyzer', 'Funding']


def _zero(node: Any) -> None:
    node.paid = 0.0
    node.received = 0.0
    node.net = 0.0
    node.count = 0


def _account(node: Any, amount: float) -> None:
    if amount < 0.0:
        node.paid += -amount
    else:
        node.received += amount
    node.net += amount
    node.count += 1


class FundingAnalyzer(Analyzer):
    """Totals of the funding payments booked by the broker.

    The broker keeps every :class:`~backtrader.funding.FundingPayment` it
    books in a ``funding_history`` list (see :mod:`backtrader.funding`);
    the analyzer reads the new entries on every bar and at the end of the
    run.  A broker without such a list gives an empty analysis.

    ``get_analysis()``: AutoOrderedDict with

      - ``total.paid`` / ``total.received``: sums of the payments made
        (as a positive number) and received
      - ``total.net``: received - paid (the cash effect on the account)
      - ``total.count`` and ``count``: number of payments
      - ``bydata[<data name>]``: the same ``paid``/``received``/``net``/
        ``count`` per data
      - ``payments``: the FundingPayment records, in booking order
    """

    def create_analysis(self) -> None:
        self.rets = AutoOrderedDict()
        _zero(self.rets.total)
        self.rets.count = 0
        self.rets.bydata = AutoOrderedDict()
        self.rets.payments = []

    def start(self) -> None:
        super().start()
        self._seen = 0

    def _history(self) -> Any:
        return getattr(self.strategy.broker, 'funding_history', None)

    def _collect(self) -> None:
        history = self._history()
        if not history or len(history) <= self._seen:
            return
        rets = self.rets
        for payment in history[self._seen:]:
            _account(rets.total, payment.amount)
            perdata = rets.bydata[payment.name]
            if 'count' not in perdata:
                _zero(perdata)
            _account(perdata, payment.amount)
            rets.payments.append(payment)
        rets.count = rets.total.count
        self._seen = len(history)

    def next(self) -> None:
        self._collect()

    def stop(self) -> None:
        super().stop()
        self._collect()
        self.rets._close()


Funding = FundingAnalyzer
