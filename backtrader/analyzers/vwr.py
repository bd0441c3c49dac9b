"""Variability-Weighted Return: returns penalised for their variability."""
from __future__ import annotations

import math

from ..analyzer import TimeFrameAnalyzerBase
from ..dataseries import TimeFrame
from ..mathsupport import standarddev
from .returns import Returns
from .timereturn import broker_value, fund_mode

__all__ = ['VWR', 'VariabilityWeightedReturn']


class VWR(TimeFrameAnalyzerBase):
    """Variability-Weighted Return (a Sharpe-like ratio using log returns).

    Each period's end value is compared with the value an ideal constant
    growth at the average log return would have reached from its start; the
    sample deviation of those differences penalises the annualised return:
    ``vwr = rnorm100 * (1 - (sdev / sdev_max) ** tau)``.

    Params:
      - ``timeframe``/``compression`` (default: None, the first data's)
      - ``tann`` (default: None): periods per year (see Returns)
      - ``tau`` (default: 0.20): weight of the variability
      - ``sdev_max`` (default: 2.0): the deviation that makes vwr 0
      - ``fund`` (default: None): use the fund value (True) or the portfolio
        value (False); None follows the broker's fund mode

    ``get_analysis()``: OrderedDict with ``vwr``.
    """

    params = (
        ('tann', None), ('tau', 0.20), ('sdev_max', 2.0), ('fund', None),
    )

    # periods per year of the timeframes with a natural count
    _TANN = dict(zip(
        (TimeFrame.Days, TimeFrame.Weeks, TimeFrame.Months, TimeFrame.Years),
        (252.0, 52.0, 12.0, 1.0)))

    def __init__(self) -> None:
        self._returns = Returns(timeframe=self.p.timeframe,
                                compression=self.p.compression,
                                tann=self.p.tann, fund=self.p.fund)

    def start(self) -> None:
        super().start()
        self._fundmode = fund_mode(self)
        # value at the start of each period, value at its end (None until seen)
        self._pis = [broker_value(self, self._fundmode)]
        self._pns = [None]

    def stop(self) -> None:
        super().stop()
        if self._pns[-1] is None:  # a period opened but never valued
            self._pis.pop()
            self._pns.pop()
        rets = self._returns.get_analysis()
        ravg = rets['ravg']
        deviations = [pn / (pi * math.exp(ravg * n)) - 1.0
                      for n, (pi, pn) in enumerate(zip(self._pis, self._pns), 1)]
        sdev_p = standarddev(deviations, bessel=True)
        self.rets['vwr'] = rets['rnorm100'] * (
            1.0 - pow(sdev_p / self.p.sdev_max, self.p.tau))

    def notify_fund(self, cash: float, value: float, fundvalue: float,
                    shares: float) -> None:
        self._pns[-1] = fundvalue if self._fundmode else value

    def on_dt_over(self) -> None:
        self._pis.append(self._pns[-1])  # the last end value starts the period
        self._pns.append(None)


VariabilityWeightedReturn = VWR
