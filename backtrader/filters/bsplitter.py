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
        # both ticks replace the bar on the stack: filters added after this
        # one (e.g. a replayer) see them one by one
        day = data.datetime.date(0)
        aliases = data.getlinealiases()
        bar = [line[0] for line in data.itersize()]
        o, h, lo, c = data.open[0], data.high[0], data.low[0], data.close[0]
        vol = bar[aliases.index('volume')]
        closevol = vol * self.p.closevol

        openbar = list(bar)
        openbar[aliases.index('close')] = (o + h + lo) / 3.0
        openbar[aliases.index('volume')] = vol - closevol
        openbar[aliases.index('datetime')] = data.date2num(
            datetime.datetime.combine(day, data.p.sessionstart))

        closebar = list(bar)
        for name in ('open', 'high', 'low', 'close'):
            closebar[aliases.index(name)] = c
        closebar[aliases.index('volume')] = closevol
        closebar[aliases.index('datetime')] = data.date2num(
            datetime.datetime.combine(day, data.p.sessionend))

        data.backwards()
        data._add2stack(openbar)
        data._add2stack(closebar)
        return False
