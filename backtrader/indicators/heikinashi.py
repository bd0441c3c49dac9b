"""Heikin Ashi candles as lines."""
from __future__ import annotations

from ..indicator import Indicator

__all__ = ['HeikinAshi']


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
        data = self.data
        self.lines.ha_close = (data.open + data.high + data.low + data.close) / 4.0
        self.addminperiod(2)
        super().__init__()

    def qbuffer(self, savemem=0):
        super().qbuffer(savemem=savemem)
        self.lines.ha_open.minbuffer(2)  # next() reads the previous candle
        self.lines.ha_close.minbuffer(2)

    def prenext(self):
        data = self.data
        self.lines.ha_open[0] = (data.open[0] + data.close[0]) / 2.0

    def next(self):
        lines, data = self.lines, self.data
        ha_open = (lines.ha_open[-1] + lines.ha_close[-1]) / 2.0
        ha_close = lines.ha_close[0]
        lines.ha_open[0] = ha_open
        lines.ha_high[0] = max(data.high[0], ha_open, ha_close)
        lines.ha_low[0] = min(data.low[0], ha_open, ha_close)
