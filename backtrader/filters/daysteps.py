"""BarReplayer_Open: deliver every bar twice, first as its opening price."""
from __future__ import annotations

from typing import Any, Optional

__all__ = ['BarReplayer_Open', 'DayStepsFilter']


class BarReplayer_Open(object):
    """Split each bar in two deliveries of the same slot, like a replay.

    First the open: open = high = low = close = the bar's open, volume and
    open interest 0.  Then the complete bar with its volume and open
    interest.  The feed is marked as replaying (so it is not preloaded):
    the strategy sees the same bar count twice, once per step.
    """

    def __init__(self, data: Any) -> None:
        self._pending: Optional[list] = None
        data.replaying = True  # the same slot is delivered twice

    def __call__(self, data: Any) -> bool:
        pending = self._pending
        if pending is not None:
            # a new bar arrived: keep it for the next load (it runs the
            # filters again) and complete the previous slot meanwhile
            data._save2stack(erase=True, stash=True)
            data._updatebar(pending)
            self._pending = None
            return False
        self._pending = [line[0] for line in data.itersize()]
        o = data.open[0]
        data.high[0] = data.low[0] = data.close[0] = o
        data.volume[0] = 0.0
        data.openinterest[0] = 0.0
        return False

    def last(self, data: Any) -> bool:
        """Complete the last bar when the input is exhausted."""
        pending = self._pending
        if pending is None:
            return False
        self._pending = None
        data._updatebar(pending)
        return True


DayStepsFilter = BarReplayer_Open
