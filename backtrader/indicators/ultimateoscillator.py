"""Ultimate Oscillator (Larry Williams)."""
from __future__ import annotations

from ..indicator import Indicator
from .atr import TrueLow, TrueRange
from .basicops import SumN

__all__ = ['UltimateOscillator']


class UltimateOscillator(Indicator):
    """Buying pressure against the true range over three periods, weighted
    4:2:1 from the shortest.

    Formula:
      - bp = close - TrueLow, tr = TrueRange
      - avN = SumN(bp, pN) / SumN(tr, pN) for p1, p2, p3
      - uo = 100.0 / 7.0 * (4.0 * av1 + 2.0 * av2 + av3), each weight
        multiplied into the factor first

    Params:
      - p1 (7), p2 (14), p3 (28)
      - upperband (70.0), lowerband (30.0): plotted levels
    """
    lines = ('uo',)
    params = (('p1', 7), ('p2', 14), ('p3', 28), ('upperband', 70.0),
              ('lowerband', 30.0))

    def _plotinit(self):
        bands = [self.p.upperband, self.p.lowerband]
        self.plotinfo.plotyhlines = bands
        self.plotinfo.plotyticks = [10.0, 50.0, 90.0] + bands

    def __init__(self):
        data = self.data
        bp = data.close - TrueLow(data)
        tr = TrueRange(data)
        av1 = SumN(bp, period=self.p.p1) / SumN(tr, period=self.p.p1)
        av2 = SumN(bp, period=self.p.p2) / SumN(tr, period=self.p.p2)
        av3 = SumN(bp, period=self.p.p3) / SumN(tr, period=self.p.p3)
        factor = 100.0 / (4.0 + 2.0 + 1.0)
        self.lines.uo = (4.0 * factor) * av1 + (2.0 * factor) * av2 + factor * av3
        super().__init__()
