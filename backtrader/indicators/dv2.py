"""DV2 (David Varadi), a bounded RSI(2) alternative."""
from __future__ import annotations

from ..indicator import Indicator
from .percentrank import PercentRank
from .sma import SMA

__all__ = ['DV2']


class DV2(Indicator):
    """Percent rank (0..100) of the smoothed ratio of the close to the
    bar's midpoint.

    Formula:
      - chl = close / ((high + low) / 2.0)
      - dvu = _movav(chl, maperiod)
      - dv2 = PercentRank(dvu, period) * 100

    Params:
      - period (252), maperiod (2), _movav (SMA)
    """
    lines = ('dv2',)
    params = (('period', 252), ('maperiod', 2), ('_movav', SMA))

    def __init__(self):
        data = self.data
        chl = data.close / ((data.high + data.low) / 2.0)
        dvu = self.p._movav(chl, period=self.p.maperiod)
        self.lines.dv2 = PercentRank(dvu, period=self.p.period) * 100
        super().__init__()
