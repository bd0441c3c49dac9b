"""CalendarDays: add the calendar days missing from a daily feed."""
from __future__ import annotations

import datetime
from typing import Any, Optional

from ..dataseries import TimeFrame
from ..metabase import MetaParams

__all__ = ['CalendarDays']


class CalendarDays(metaclass=MetaParams):
    """Insert a bar for every calendar day missing in a daily feed
    (weekends and holidays), before the next real bar.

    Params:
      - ``fill_price`` (None): price of the filler bars; None uses the
        close of the previous bar.
      - ``fill_vol`` (NaN), ``fill_oi`` (NaN): volume and open interest
        of the filler bars.

    Upstream backtrader 1.9.78.123 raises TypeError with this filter in
    every run mode; here it works as documented.
    """

    params = (
        ('fill_price', None),
        ('fill_vol', float('NaN')),
        ('fill_oi', float('NaN')),
    )

    ONEDAY = datetime.timedelta(days=1)
    lastdt: Optional[datetime.date] = None

    def __init__(self, data: Any) -> None:
        self.lastdt = None
        self._lastclose = float('NaN')

    def __call__(self, data: Any) -> bool:
        if data._timeframe != TimeFrame.Days:
            return False
        dt = data.datetime.date(0)
        lastdt = self.lastdt
        filled = lastdt is not None and dt - lastdt > self.ONEDAY
        close = data.close[0]
        if filled:
            self._fillbars(data, dt, lastdt)  # removes the current bar
        self.lastdt = dt
        self._lastclose = close
        return filled

    def _fillbars(self, data: Any, dt: datetime.date,
                  lastdt: datetime.date) -> None:
        """Stack filler bars for the days between ``lastdt`` and ``dt``,
        then the real bar."""
        realbar = [line[0] for line in data.itersize()]
        data.backwards()
        aliases = data.getlinealiases()
        price = self.p.fill_price
        if price is None:
            price = self._lastclose
        tm = data.p.sessionend
        day = lastdt + self.ONEDAY
        while day < dt:
            bar = list(realbar)
            for name in ('open', 'high', 'low', 'close'):
                bar[aliases.index(name)] = price
            bar[aliases.index('volume')] = self.p.fill_vol
            bar[aliases.index('openinterest')] = self.p.fill_oi
            bar[aliases.index('datetime')] = data.date2num(
                datetime.datetime.combine(day, tm))
            data._add2stack(bar)
            day += self.ONEDAY
        data._add2stack(realbar)
