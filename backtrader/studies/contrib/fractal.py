"""Bill Williams' fractals."""
from __future__ import annotations

from ...indicators._base import bounded_ago
from ...indicators.basicops import PeriodN

__all__ = ['Fractal']


class Fractal(PeriodN):
    """Marks fractals: a bar whose high (bearish) or low (bullish) is the
    extreme of the ``period`` bars around it.

    On each bar the window of the last ``period`` bars is examined: when its
    highest high is first found at position ``shift_to_potential_fractal``
    (counted from the oldest bar), ``fractal_bearish`` two bars back is set
    to that high plus ``bardist`` (a fraction, to draw the mark above the
    bar); likewise ``fractal_bullish`` with the lowest low minus
    ``bardist``.  Values are written into the past, as upstream does: they
    are NaN at the current bar while running bar by bar.

    Params:
      - period (5), bardist (0.015), shift_to_potential_fractal (2)

    See: http://www.investopedia.com/articles/trading/06/fractals.asp
    """
    lines = ('fractal_bearish', 'fractal_bullish')
    params = (('period', 5), ('bardist', 0.015), ('shift_to_potential_fractal', 2))
    plotinfo = dict(subplot=False, plotlinelabels=False, plot=True)
    plotlines = dict(
        fractal_bearish=dict(marker='^', markersize=4.0, color='lightblue',
                             fillstyle='full', ls=''),
        fractal_bullish=dict(marker='v', markersize=4.0, color='lightblue',
                             fillstyle='full', ls=''))
    _writes_back = True      # marks land two bars back: never batched in next mode

    def next(self):
        period, shift = self.p.period, self.p.shift_to_potential_fractal
        highs = self.data.high.get(size=period)
        lows = self.data.low.get(size=period)
        bear, bull = self.lines.fractal_bearish, self.lines.fractal_bullish
        highest = max(highs)
        if list(highs).index(highest) == shift:
            bear[bounded_ago(bear, -2)] = highest * (1 + self.p.bardist)
        lowest = min(lows)
        if list(lows).index(lowest) == shift:
            bull[bounded_ago(bull, -2)] = lowest * (1 - self.p.bardist)
