"""Volume fillers: how much of an order a bar can absorb.

The broker asks its filler (``BackBroker(filler=...)``) for the size that can
execute on the current bar; whatever remains stays pending (status Partial)
for the next bars.  A filler is any callable ``filler(order, price, ago)``
returning a non-negative size.
"""
from __future__ import annotations

import sys
from typing import Any

from .metabase import MetaParams

__all__ = ['FixedSize', 'FixedBarPerc', 'BarPointPerc']

MAXINT = sys.maxsize


class FixedSize(metaclass=MetaParams):
    """Fill at most ``size`` units per bar, and never more than the bar's
    volume.

    Params:
      - ``size`` (default ``None``): maximum units per bar; ``None``/0 means
        only the volume limits the fill
    """

    params = (('size', None),)

    def __call__(self, order: Any, price: float, ago: int) -> Any:
        cap = self.p.size or MAXINT
        return min((order.data.volume[ago], abs(order.executed.remsize), cap))


class FixedBarPerc(metaclass=MetaParams):
    """Fill at most ``perc`` percent of the bar's volume.

    Params:
      - ``perc`` (default ``100.0``): percentage of the volume, 0-100
    """

    params = (('perc', 100.0),)

    def __call__(self, order: Any, price: float, ago: int) -> Any:
        maxsize = (order.data.volume[ago] * self.p.perc) // 100
        return min(maxsize, abs(order.executed.remsize))


class BarPointPerc(metaclass=MetaParams):
    """Spread the bar's volume evenly over its price range and fill at most
    ``perc`` percent of one price point's share.

    The range ``high - low`` is cut in steps of ``minmov``; the number of
    price points is ``1 + (high - low) // minmov``.

    Params:
      - ``minmov`` (default ``None``): minimum price move; ``None`` treats
        the whole bar as one price point
      - ``perc`` (default ``100.0``): percentage of one point's volume
    """

    params = (('minmov', None), ('perc', 100.0))

    def __call__(self, order: Any, price: float, ago: int) -> Any:
        data = order.data
        minmov = self.p.minmov
        points = 1
        if minmov:
            points += (data.high[ago] - data.low[ago]) // minmov
        share = ((data.volume[ago] / points) * self.p.perc) // 100.0
        return min(share, abs(order.executed.remsize))
