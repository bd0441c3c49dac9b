"""Pretty Good Oscillator (Mark Johnson)."""
from __future__ import annotations

from ..indicator import Indicator
from .atr import ATR
from .sma import MovingAverageSimple

__all__ = ['PrettyGoodOscillator', 'PGO', 'PrettyGoodOsc']


class PrettyGoodOscillator(Indicator):
    """Distance of the close from its moving average in average true
    ranges: +2.5 means 2.5 average days' range above the average.

    Formula: pgo = (close - movav(close, period)) / ATR(period)

    Params:
      - period (14), _movav (MovingAverageSimple)
    """
    alias = ('PGO', 'PrettyGoodOsc')
    lines = ('pgo',)
    params = (('period', 14), ('_movav', MovingAverageSimple))

    def __init__(self):
        movav = self.p._movav(self.data, period=self.p.period)
        atr = ATR(self.data, period=self.p.period)
        self.lines.pgo = (self.data - movav) / atr
        super().__init__()
