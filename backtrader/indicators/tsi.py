"""True Strength Indicator (William Blau)."""
from __future__ import annotations

from ..indicator import Indicator
from .ema import EMA

__all__ = ['TrueStrengthIndicator', 'TSI']


class TrueStrengthIndicator(Indicator):
    """Double-smoothed price change relative to the double-smoothed absolute
    price change, in percent.

    Formula:
      - pc = data - data(-pchange)
      - sm1 = movav(movav(pc, period1), period2)
      - sm2 = movav(movav(abs(pc), period1), period2)
      - tsi = 100.0 * (sm1 / sm2)

    Params:
      - period1 (25), period2 (13), pchange (1), _movav (EMA)
    """
    alias = ('TSI',)
    lines = ('tsi',)
    params = (('period1', 25), ('period2', 13), ('pchange', 1), ('_movav', EMA))

    def __init__(self):
        movav, p1, p2 = self.p._movav, self.p.period1, self.p.period2
        pc = self.data - self.data(-self.p.pchange)
        sm1 = movav(movav(pc, period=p1), period=p2)
        sm2 = movav(movav(abs(pc), period=p1), period=p2)
        self.lines.tsi = 100.0 * (sm1 / sm2)
        super().__init__()
