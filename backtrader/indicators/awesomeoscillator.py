"""Awesome Oscillator (Bill Williams)."""
from __future__ import annotations

from ..indicator import Indicator
from .sma import SMA

__all__ = ['AwesomeOscillator', 'AwesomeOsc', 'AO']


class AwesomeOscillator(Indicator):
    """A fast minus a slow moving average of the median price.

    Formula:
      - median = (high + low) / 2.0
      - ao = movav(median, fast) - movav(median, slow)

    Params:
      - fast (5), slow (34), movav (SMA)
    """
    alias = ('AwesomeOsc', 'AO')
    lines = ('ao',)
    params = (('fast', 5), ('slow', 34), ('movav', SMA))
    plotlines = dict(ao=dict(_method='bar', alpha=0.50, width=1.0))

    def __init__(self):
        median = (self.data.high + self.data.low) / 2.0
        fast = self.p.movav(median, period=self.p.fast)
        slow = self.p.movav(median, period=self.p.slow)
        self.lines.ao = fast - slow
        super().__init__()
