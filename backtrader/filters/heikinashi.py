"""HeikinAshi: rewrite a feed's candles as Heikin-Ashi candles."""
from __future__ import annotations

from typing import Any

__all__ = ['HeikinAshi']


def _one_bar_buffer(data: Any) -> bool:
    """True when the feed keeps only the current bar (``exactbars=1``)."""
    line = data.lines.close
    return line.mode == line.QBuffer and line.maxlen <= 1


class HeikinAshi(object):
    """Replace open/high/low/close of every bar with Heikin-Ashi values.

    close = (open + high + low + close) / 4
    open  = (previous open + previous close) / 2, both already rewritten
            ((open + close) / 2 of the raw bar for the first one)
    high  = max(high, open, close), low = min(low, open, close)

    The previous values are read from the feed's lines after the new close
    is written, exactly like backtrader 1.9.78.123 (this matters when the
    feed keeps a one-bar buffer, ``exactbars=1``).
    """

    def __init__(self, data: Any) -> None:
        pass

    def __call__(self, data: Any) -> bool:
        o, h, lo, c = data.open[0], data.high[0], data.low[0], data.close[0]
        ha_close = (o + h + lo + c) / 4.0
        data.close[0] = ha_close
        if len(data) > 1:
            if _one_bar_buffer(data):
                # upstream's one-slot buffer answers [-1] with the current
                # slot: the raw open and the close just written
                ha_open = (o + ha_close) / 2.0
            else:
                ha_open = (data.open[-1] + data.close[-1]) / 2.0
        else:
            ha_open = (o + c) / 2.0
        data.open[0] = ha_open
        data.high[0] = max(h, ha_open, ha_close)
        data.low[0] = min(lo, ha_open, ha_close)
        return False
