"""Acceleration/Deceleration Oscillator (Bill Williams)."""
from __future__ import annotations

from ..indicator import Indicator
from .awesomeoscillator import AwesomeOscillator
from .sma import SMA

__all__ = ['AccelerationDecelerationOscillator', 'AccDeOsc']


class AccelerationDecelerationOscillator(Indicator):
    """The Awesome Oscillator minus its moving average: changes direction
    before the driving force does.

    Formula: accde = ao - movav(ao, period), ao = AwesomeOscillator(data)

    Params:
      - period (5), movav (SMA)
    """
    alias = ('AccDeOsc',)
    lines = ('accde',)
    params = (('period', 5), ('movav', SMA))
    plotlines = dict(accde=dict(_method='bar', alpha=0.50, width=1.0))

    def __init__(self):
        ao = AwesomeOscillator(self.data)
        self.lines.accde = ao - self.p.movav(ao, period=self.p.period)
        super().__init__()
