"""Renko: turn a feed into Renko bricks."""
from __future__ import annotations

from typing import Any

from ..flt import Filter

__all__ = ['Renko']


class Renko(Filter):
    """Replace the bars of a feed with Renko bricks.

    The first bar's open, rounded and aligned, sets a band of one brick
    size below and above it.  A bar whose close (``hilo``: high) reaches
    the top of the band, or whose close (``hilo``: low) falls below its
    bottom (both edges aligned for the test), becomes one brick of one size (never more, however far the
    price went); the band is then the new brick.  Other bars are removed.
    A brick has open = low = its start, high = close = its end (so a
    falling brick has high below low, as in backtrader 1.9.78.123), and
    zero volume and open interest.

    Params:
      - ``hilo`` (False): test high/low instead of close.
      - ``size`` (None): brick size; None computes it with ``autosize``.
      - ``autosize`` (20.0): brick size is ``int(price / autosize)``.
      - ``dynamic`` (False): with ``autosize``, recompute the size from
        the close of every new brick.
      - ``align`` (1.0): prices are rounded to multiples of ``align``.
      - ``roundstart`` (True): round the starting price to an integer.
    """

    params = dict(hilo=False, size=None, autosize=20.0, dynamic=False,
                  align=1.0, roundstart=True)

    def _aligned(self, price: float) -> float:
        align = self.p.align
        return round(price / align) * align if align else price

    def _autosize(self, price: float) -> float:
        return float(int(price / self.p.autosize))

    def nextstart(self, data: Any) -> None:
        start = data.open[0]
        if self.p.roundstart:
            start = float(round(start))
        start = self._aligned(start)
        size = self.p.size
        if size is None:
            size = self._autosize(data.open[0])
        self._size = size
        self._bottom = start - size
        self._top = start + size

    def next(self, data: Any) -> None:
        if self.p.hilo:
            up, down = data.high[0], data.low[0]
        else:
            up = down = data.close[0]
        if up >= self._aligned(self._top):
            start = self._top
            size = self._newsize(data)
            end = start + size
            self._bottom, self._top = start, end
        elif down < self._aligned(self._bottom):
            start = self._bottom
            size = self._newsize(data)
            end = start - size
            self._bottom, self._top = end, start
        else:
            data.backwards()
            return
        data.open[0] = data.low[0] = start
        data.high[0] = data.close[0] = end
        data.volume[0] = 0.0
        data.openinterest[0] = 0.0

    def _newsize(self, data: Any) -> float:
        if self.p.size is None and self.p.dynamic:
            self._size = self._autosize(data.close[0])
        return self._size
