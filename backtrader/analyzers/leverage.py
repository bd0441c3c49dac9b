"""Gross leverage of the portfolio, bar by bar."""
from __future__ import annotations

from ..analyzer import Analyzer
from .timereturn import fund_mode

__all__ = ['GrossLeverage']


class GrossLeverage(Analyzer):
    """Share of the portfolio invested: (value - cash) / value, per bar.

    Params:
      - ``fund`` (default: None): use the fund value (True) or the portfolio
        value (False) as value; None follows the broker's fund mode

    ``get_analysis()``: OrderedDict datetime (of the first data) ->
    leverage.
    """

    params = (
        ('fund', None),
    )

    def start(self) -> None:
        self._fundmode = fund_mode(self)

    def notify_fund(self, cash: float, value: float, fundvalue: float,
                    shares: float) -> None:
        self._cash = cash
        self._value = fundvalue if self._fundmode else value

    def next(self) -> None:
        leverage = (self._value - self._cash) / self._value
        self.rets[self.data0.datetime.datetime()] = leverage
