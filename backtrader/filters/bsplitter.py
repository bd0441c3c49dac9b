"""DaySplitter_Close: split a daily bar in an opening and a closing tick."""
from __future__ import annotations

import datetime
from typing import Any

from ..metabase import MetaParams

__all__ = ['DaySplitter_Close']


class DaySplitter_Close(metaclass=MetaParams):
    """Split every daily bar in two bars, handy to replay daily data.

    - at the session start: open, high, low and, as close, the average of
      open, high and low; volume ``(1 - closevol)`` of the day's volume.
    - at the session end: open = high = low = close = the day's close;
      the remaining ``closevol`` part of the volume.

    Params:
      - ``closevol`` (0.5): share of the volume given to the closing bar.
    """

    params = (('closevol', 0.5),)

    def __init__(self, data: Any) -> None:
        pass

    def __call__(self, data: Any) -> bool:
        # the closing tick, built from the untouched bar, goes on the stack
        day = data.datetime.date(0)
        c = data.close[0]
        vol = data.volume[0]
        closevol = vol * self.p.closevol
        bar = [line[0] for line in data.itersize()]
        closebar = list(bar)
        aliases = data.getlinealiases()
        for name in ('open', 'high', 'low', 'close'):
            closebar[aliases.index(name)] = c
        closebar[aliases.index('volume')] = closevol
        closebar[aliases.index('datetime')] = data.date2num(
            datetime.datetime.combine(day, data.p.sessionend))
        # the current slot becomes the opening tick
        o, h, lo = data.open[0], data.high[0], data.low[0]
        data.close[0] = (o + h + lo) / 3.0
        data.volume[0] = vol - closevol
        data.datetime[0] = data.date2num(
            datetime.datetime.combine(day, data.p.sessionstart))
        data._add2stack(closebar)
        return False
