"""Double and triple exponential moving averages (Patrick Mulloy, 1994)."""
from __future__ import annotations

from ._base import bind_output
from .ema import EMA
from .mabase import MovingAverageBase

__all__ = ['DoubleExponentialMovingAverage', 'DEMA', 'MovingAverageDoubleExponential',
           'TripleExponentialMovingAverage', 'TEMA', 'MovingAverageTripleExponential']


class DoubleExponentialMovingAverage(MovingAverageBase):
    """Less lag than an EMA by subtracting the EMA of the EMA.

    Formula:
      - ema1 = movav(data, period), ema2 = movav(ema1, period)
      - dema = 2.0 * ema1 - ema2

    Params:
      - period (30)
      - _movav (EMA): the average applied twice
    """
    alias = ('DEMA', 'MovingAverageDoubleExponential')
    lines = ('dema',)
    params = (('_movav', EMA),)

    def __init__(self):
        period = self._checked_period()
        ema1 = self.p._movav(self.data, period=period)
        ema2 = self.p._movav(ema1, period=period)
        bind_output(self.lines.dema, 2.0 * ema1 - ema2)
        super().__init__()


class TripleExponentialMovingAverage(MovingAverageBase):
    """Less lag than a DEMA with a third pass of the average.

    Formula:
      - ema1 = movav(data), ema2 = movav(ema1), ema3 = movav(ema2)
      - tema = 3.0 * ema1 - 3.0 * ema2 + ema3

    Params:
      - period (30)
      - _movav (EMA): the average applied three times
    """
    alias = ('TEMA', 'MovingAverageTripleExponential')
    lines = ('tema',)
    params = (('_movav', EMA),)

    def __init__(self):
        period = self._checked_period()
        ema1 = self.p._movav(self.data, period=period)
        ema2 = self.p._movav(ema1, period=period)
        ema3 = self.p._movav(ema2, period=period)
        bind_output(self.lines.tema, 3.0 * ema1 - 3.0 * ema2 + ema3)
        super().__init__()
