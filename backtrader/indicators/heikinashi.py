"""Heikin Ashi candles as lines."""
from __future__ import annotations

from ..indicator import Indicator
from ._base import bounded_ago

__all__ = ['HeikinAshi']


def _ha_close(data, ago: int) -> float:
    return (data.open[ago] + data.high[ago] + data.low[ago] + data.close[ago]) / 4.0


class HeikinAshi(Indicator):
    """Heikin Ashi candles: averaged bars that make trends easier to see.

    Formula:
      - ha_close = (open + high + low + close) / 4.0
      - ha_open = (ha_open(-1) + ha_close(-1)) / 2.0, seeded on the first
        bar with (open + close) / 2.0
      - ha_high = max(high, ha_open, ha_close)
      - ha_low = min(low, ha_open, ha_close)

    The lines are also reachable as ``open``, ``high``, ``low`` and
    ``close``.  As upstream, using it makes cerebro run bar by bar
    (``runonce`` is turned off).
    """
    lines = ('ha_open', 'ha_high', 'ha_low', 'ha_close')
    linealias = (('ha_open', 'open'), ('ha_high', 'high'), ('ha_low', 'low'),
                 ('ha_close', 'close'))
    plotinfo = dict(subplot=False)
    _nextforce = True

    def __init__(self):
        self.addminperiod(2)
        super().__init__()
        # as upstream: the ha_close line counts from the first bar
        self.lines.ha_close._minperiod = 1

    def prenext(self):
        data, lines = self.data, self.lines
        lines.ha_close[0] = _ha_close(data, 0)
        lines.ha_open[0] = (data.open[0] + data.close[0]) / 2.0

    def next(self):
        data, lines = self.data, self.lines
        # the previous close is recomputed from the data: with exactbars=1
        # the ha_close line keeps a single value, as upstream's
        prev_open = lines.ha_open[bounded_ago(lines.ha_open, -1)]
        ha_open = (prev_open + _ha_close(data, -1)) / 2.0
        ha_close = _ha_close(data, 0)
        lines.ha_close[0] = ha_close
        lines.ha_open[0] = ha_open
        lines.ha_high[0] = max(data.high[0], ha_open, ha_close)
        lines.ha_low[0] = min(data.low[0], ha_open, ha_close)
