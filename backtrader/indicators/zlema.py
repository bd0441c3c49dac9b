"""Zero-lag exponential moving average."""
from __future__ import annotations

from ._base import bind_output
from .ema import EMA
from .mabase import MovingAverageBase

__all__ = ['ZeroLagExponentialMovingAverage', 'ZLEMA', 'ZeroLagEma']


class ZeroLagExponentialMovingAverage(MovingAverageBase):
    """An EMA of the data plus its momentum over half the period, which
    takes most of the lag out of the average.

    Formula:
      - lag = (period - 1) // 2
      - zlema = movav(2.0 * data - data(-lag), period)

    Params:
      - period (30)
      - _movav (EMA)
    """
    alias = ('ZLEMA', 'ZeroLagEma')
    lines = ('zlema',)
    params = (('_movav', EMA),)

    def __init__(self):
        period = self._checked_period()
        lag = (period - 1) // 2
        corrected = 2.0 * self.data - self.data(-lag)
        bind_output(self.lines.zlema, self.p._movav(corrected, period=period))
        super().__init__()
