"""Aroon indicators (Tushar Chande, 1995)."""
from __future__ import annotations

from ..indicator import Indicator
from .basicops import FindFirstIndexHighest, FindFirstIndexLowest

__all__ = ['AroonUp', 'AroonDown', 'AroonUpDown', 'AroonIndicator', 'AroonOscillator',
           'AroonOsc', 'AroonUpDownOscillator', 'AroonUpDownOsc']


class _AroonBase(Indicator):
    """Computes ``self.up`` and/or ``self.down`` (per the class flags
    ``_up``/``_down``, inherited through the mixed-in subclasses).

    The window covers ``period + 1`` bars (the current one included) so the
    distance to the extreme goes from 0 to ``period`` and the lines from
    100 to 0.
    """
    _up = False
    _down = False
    params = (('period', 14), ('upperband', 70), ('lowerband', 30))
    plotinfo = dict(plotymargin=0.05, plotyhlines=[0, 100])

    def _plotlabel(self):
        return [self.p.period]

    def _plotinit(self):
        # the bands join the 0/100 lines (a new list: upstream extends the
        # class-wide one, so its lines pile up with every instance)
        self.plotinfo.plotyhlines = list(self.plotinfo.plotyhlines) + [
            self.p.lowerband, self.p.upperband]

    def __init__(self):
        data, period = self.data, self.p.period
        window = period + 1
        if self._up:
            since_high = FindFirstIndexHighest(data.high, period=window)
            self.up = (100.0 / period) * (period - since_high)
        if self._down:
            since_low = FindFirstIndexLowest(data.low, period=window)
            self.down = (100.0 / period) * (period - since_low)
        super().__init__()


class AroonUp(_AroonBase):
    """How recent the highest high of the window is, 100 meaning now.

    Formula: aroonup = (100.0 / period) * (period - bars since the highest high)

    Params:
      - period (14), upperband (70), lowerband (30)
    """
    _up = True
    lines = ('aroonup',)

    def __init__(self):
        super().__init__()
        self.lines.aroonup = self.up


class AroonDown(_AroonBase):
    """How recent the lowest low of the window is, 100 meaning now.

    Formula: aroondown = (100.0 / period) * (period - bars since the lowest low)

    Params:
      - period (14), upperband (70), lowerband (30)
    """
    _down = True
    lines = ('aroondown',)

    def __init__(self):
        super().__init__()
        self.lines.aroondown = self.down


class AroonUpDown(AroonUp, AroonDown):
    """AroonUp and AroonDown together.

    Params:
      - period (14), upperband (70), lowerband (30)
    """
    alias = ('AroonIndicator',)


class AroonOscillator(_AroonBase):
    """AroonUp minus AroonDown: positive when the highs are more recent.

    Formula: aroonosc = aroonup - aroondown

    Params:
      - period (14), upperband (70), lowerband (30)
    """
    _up = True
    _down = True
    alias = ('AroonOsc',)
    lines = ('aroonosc',)

    def _plotinit(self):
        super()._plotinit()
        lines = self.plotinfo.plotyhlines
        self.plotinfo.plotyhlines = lines + [-value for value in lines]

    def __init__(self):
        super().__init__()
        self.lines.aroonosc = self.up - self.down


class AroonUpDownOscillator(AroonUpDown, AroonOscillator):
    """AroonUp, AroonDown and their oscillator together.

    Params:
      - period (14), upperband (70), lowerband (30)
    """
    alias = ('AroonUpDownOsc',)
