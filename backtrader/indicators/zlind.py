"""Zero-lag (error correcting) indicator by John Ehlers and Ric Way."""
from __future__ import annotations

from ..utils.py3 import MAXINT
from ._base import bounded_ago
from .ema import EMA
from .mabase import MovingAverageBase

__all__ = ['ZeroLagIndicator', 'ZLIndicator', 'ZLInd', 'EC', 'ErrorCorrecting']


def _best_ec(price: float, ema: float, prev: float, alpha: float, alpha1: float,
             gains: list) -> float:
    """The error-corrected value whose gain brings it closest to ``price``
    (the first of equally close ones)."""
    least = MAXINT
    best = ema
    diff = price - prev
    for gain in gains:
        ec = alpha * (ema + gain * diff) + alpha1 * prev
        err = abs(price - ec)
        if err < least:
            least = err
            best = ec
    return best


class ZeroLagIndicator(MovingAverageBase):
    """An EMA corrected, bar by bar, by the gain (from -gainlimit/10 to
    +gainlimit/10 in steps of 0.1) that brings it closest to the price.

    Formula:
      - ema = _movav(data, period) (must expose ``alpha`` and ``alpha1``)
      - ec = alpha * (ema + gain * (data - ec(-1))) + alpha1 * ec(-1)
        with the best gain; the first value is the ema

    Params:
      - period (30), gainlimit (50), _movav (EMA)
    """
    alias = ('ZLIndicator', 'ZLInd', 'EC', 'ErrorCorrecting')
    lines = ('ec',)
    params = (('gainlimit', 50), ('_movav', EMA))

    def _plotlabel(self):
        labels = [self.p.period, self.p.gainlimit]
        labels += [self.p._movav] * self.p.notdefault('_movav')
        return labels

    def __init__(self):
        self.ema = self.p._movav(self.data, period=self._checked_period())
        self.limits = [-self.p.gainlimit, self.p.gainlimit + 1]
        self._gains = [g / 10 for g in range(*self.limits)]
        super().__init__()

    def nextstart(self):
        self.lines.ec[0] = self.ema[0]

    def next(self):
        ema, ec = self.ema, self.lines.ec
        # like upstream, no buffer room is reserved for ec(-1): with
        # exactbars=1 it reads the current (not yet set) value
        prev = ec[bounded_ago(ec, -1)]
        ec[0] = _best_ec(self.data[0], ema[0], prev, ema.alpha, ema.alpha1, self._gains)

    def oncestart(self, start, end):
        self.lines.ec.array[start] = self.ema.lines[0].array[start]

    def once(self, start, end):
        dst = self.lines.ec.array
        price = self.data.lines[0].array
        emarr = self.ema.lines[0].array
        alpha, alpha1, gains = self.ema.alpha, self.ema.alpha1, self._gains
        for i in range(start, end):
            dst[i] = _best_ec(price[i], emarr[i], dst[i - 1], alpha, alpha1, gains)
