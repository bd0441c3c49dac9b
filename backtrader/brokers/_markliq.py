"""Liquidation by mark price: which mark prices a bar lets the broker see.

Exchanges liquidate when the *mark* price reaches the liquidation price;
the last traded price can spike through it without liquidating anyone.
Given mark price bars for a data (``Cerebro.addmarkprices``), the broker
checks each open futures position against the mark prices known by the
end of the current bar instead of the bar's own high and low.

Two rules keep the check honest:

- no lookahead: a mark bar counts only once it is complete, at or before
  the end of the traded bar (``MarkPrices.closed_between``).  With mark
  bars longer than the traded bars a liquidation is seen at the traded
  bar in which the mark bar completes, not earlier;
- nothing before the position: a mark bar that started before the
  position's last change (``position.datetime``) may hold an extreme from
  before it, so only its close counts; later bars count with their high
  and low.

The latest known mark close always counts, so a position enlarged while
the mark is already beyond its new liquidation price is liquidated at
once.  It is also the price the account values open positions at
(unrealised PnL at mark price, as exchanges report it).  Where the mark bars do not cover the traded bar (before their
first, or the feed ended more than two mark bars ago) the check falls
back to the traded bar's high and low.
"""
from __future__ import annotations

import datetime
from typing import Any, Optional

from ..dataseries import TimeFrame
from ..funding import MarkPrices

__all__ = ['MarkWatch', 'bar_end']

_UNITS = {TimeFrame.Seconds: datetime.timedelta(seconds=1),
          TimeFrame.Minutes: datetime.timedelta(minutes=1),
          TimeFrame.Days: datetime.timedelta(days=1),
          TimeFrame.Weeks: datetime.timedelta(weeks=1)}
_END_OF_DAY = datetime.time(23, 59, 59, 999999)


def bar_end(data: Any, stamps: str) -> datetime.datetime:
    """When ``data``'s current bar ends.  ``stamps='open'``: bars carry
    their start time (exchange candles), so the end is one bar later -
    unless the stamp is an end-of-session one, as daily bars loaded
    without a time get; ``'close'``: the stamp is the end."""
    stamp = data.datetime.datetime(0)
    if stamps == 'close' or stamp.time() == _END_OF_DAY:
        return stamp
    unit = _UNITS.get(data._timeframe)
    return stamp if unit is None else stamp + unit * data._compression


class MarkWatch:
    """The mark prices of one data, consumed bar by bar."""

    __slots__ = ('marks', 'stamps', '_seen', '_upto', '_range', '_last')

    def __init__(self, marks: Any, stamps: str = 'open') -> None:
        if stamps not in ('open', 'close'):
            raise ValueError("addmarkprices: stamps must be 'open' or 'close' "
                             '(what the data\'s bar times mark), got %r'
                             % (stamps,))
        self.marks = marks if isinstance(marks, MarkPrices) else MarkPrices(marks)
        if self.marks.interval is None:
            raise ValueError('addmarkprices: %s holds a single mark bar; give '
                             'MarkPrices(..., interval=...) to say how long it '
                             'is' % self.marks.name)
        self.stamps = stamps
        self.reset()

    def reset(self) -> None:
        """Forget the bars seen (a new run starts)."""
        self._seen: Optional[datetime.datetime] = None  # checked up to here
        self._upto: Optional[datetime.datetime] = None
        self._range = range(0)  # mark bars completed during this bar
        self._last = range(0)   # mark bars completed by now

    def advance(self, data: Any) -> None:
        """Move to ``data``'s current bar: the mark bars completed during
        it become the ones :meth:`adverse` examines."""
        upto = bar_end(data, self.stamps)
        if self._seen is not None and upto <= self._seen:
            self._range = range(0)
            return
        self._range = self.marks.closed_between(self._seen, upto)
        self._last = self.marks.closed_between(None, upto)
        self._upto = upto
        self._seen = upto

    def latest(self) -> Optional[float]:
        """The mark price now: the close of the last complete mark bar, or
        None where the mark bars do not cover the current bar (before
        their first, or more than two mark bars after their last)."""
        marks = self.marks
        known = self._last
        if not known:
            return None
        latest = known[-1]
        if self._upto - (marks.start(latest) + marks.interval) > 2 * marks.interval:
            return None  # the mark feed ended: its last close is stale
        return marks.extremes(latest)[2]

    def adverse(self, since: Optional[datetime.datetime]) -> Optional[tuple]:
        """(lowest, highest) mark price a position last changed at
        ``since`` has seen during the current bar, or None where the mark
        bars do not cover the bar (the caller uses the bar's prices)."""
        close = self.latest()
        if close is None:
            return None
        marks = self.marks
        low = high = close
        for index in self._range:
            lo, hi, last = marks.extremes(index)
            if since is not None and marks.start(index) < since:
                lo = hi = last  # began before the position: only its end
            low, high = min(low, lo), max(high, hi)
        return low, high
