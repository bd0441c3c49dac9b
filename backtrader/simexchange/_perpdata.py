"""Mark prices and funding rates of the local exchange's perpetuals.

Binance triggers liquidations and prices unrealized PnL with the mark
price, and settles funding at fixed times with the rate of the period.
Both come from files when the user has them (mark price candles, the
funding rate history); otherwise the mark is the last trade price and
funding is Binance's default 0.01% every 8 hours from 00:00 UTC.

A mark candle of the same interval as the trade bars follows the same
four-point path (open, low/high, high/low, close) tick by tick; a coarser
mark candle is interpolated from its open to its close over its span.
"""
from __future__ import annotations

import bisect
from typing import Any, Optional

from ._market import TICKS_PER_BAR, load_bars, price_path

__all__ = ['MarkSeries', 'FundingSchedule', 'DEFAULT_FUNDING_RATE',
           'FUNDING_INTERVAL_MS']

DEFAULT_FUNDING_RATE = 0.0001
FUNDING_INTERVAL_MS = 8 * 3_600_000


class MarkSeries:
    """Mark price at each replayed tick of one futures symbol."""

    def __init__(self, source: Any = None) -> None:
        if source is None:
            self.bars: list = []
        else:
            self.bars = load_bars(source, need_volume=False) \
                if isinstance(source, str) else list(source)
        self._times = [bar.time for bar in self.bars]
        self.interval_ms = (self._times[1] - self._times[0]) if len(self.bars) > 1 else 0

    def at(self, tick: Any, tape_interval_ms: int) -> float:
        """The mark price at ``tick`` (a Tick of the symbol's tape)."""
        if not self.bars:
            return tick.price
        index = bisect.bisect_right(self._times, tick.time) - 1
        if index < 0:
            return self.bars[0].open
        bar = self.bars[index]
        if tick.time >= bar.time + self.interval_ms:   # past the mark data
            return bar.close
        if self.interval_ms == tape_interval_ms and bar.time == tick.bar.time:
            return price_path(bar)[tick.index]
        share = (tick.time - bar.time) / self.interval_ms
        if tick.index == TICKS_PER_BAR - 1 and tick.time + tape_interval_ms \
                // TICKS_PER_BAR >= bar.time + self.interval_ms:
            share = 1.0
        return bar.open + (bar.close - bar.open) * share

    def klines(self, start: Optional[int], end: Optional[int], upto: int) -> list:
        """Mark candles that opened by ``upto`` within [start, end]."""
        return [b for b in self.bars if b.time <= upto
                and (start is None or b.time >= start)
                and (end is None or b.time <= end)]


class FundingSchedule:
    """Funding times (epoch ms) and rates of one perpetual."""

    def __init__(self, source: Any = None) -> None:
        self.times: list = []
        self.rates: list = []
        if source is not None:
            from ..funding import FundingRates
            rates = FundingRates(source, allow_gaps=True)
            for stamp, rate in zip(rates.times, rates.rates):
                self.times.append(_epoch_ms(stamp))
                self.rates.append(float(rate))

    @property
    def from_file(self) -> bool:
        return bool(self.times)

    def due(self, after: int, upto: int) -> list:
        """``(time, rate)`` of the fundings in (after, upto]."""
        if self.times:
            lo = bisect.bisect_right(self.times, after)
            hi = bisect.bisect_right(self.times, upto)
            return list(zip(self.times[lo:hi], self.rates[lo:hi]))
        first = (after // FUNDING_INTERVAL_MS + 1) * FUNDING_INTERVAL_MS
        return [(t, DEFAULT_FUNDING_RATE)
                for t in range(first, upto + 1, FUNDING_INTERVAL_MS)]

    def next_after(self, now: int) -> tuple:
        """``(time, rate)`` of the next funding after ``now``; with a file
        past its end, the last interval continues at rate 0."""
        if self.times:
            index = bisect.bisect_right(self.times, now)
            if index < len(self.times):
                return self.times[index], self.rates[index]
            step = self.times[-1] - self.times[-2] if len(self.times) > 1 \
                else FUNDING_INTERVAL_MS
            ahead = (now - self.times[-1]) // step + 1
            return self.times[-1] + ahead * step, 0.0
        return (now // FUNDING_INTERVAL_MS + 1) * FUNDING_INTERVAL_MS, \
            DEFAULT_FUNDING_RATE

    def history(self, now: int, start: Optional[int], end: Optional[int],
                limit: int) -> list:
        """Settled fundings up to ``now`` within [start, end]: the first
        ``limit`` from ``start`` when given, else the latest ``limit``."""
        upto = now if end is None else min(now, end)
        if self.times:
            pairs = self.due(-1, upto)
        else:
            begin = start if start is not None else upto - limit * FUNDING_INTERVAL_MS
            pairs = self.due(max(begin - 1, -1), upto)
        if start is not None:
            pairs = [p for p in pairs if p[0] >= start]
            return pairs[:limit]
        return pairs[-limit:]


def _epoch_ms(stamp: Any) -> int:
    import datetime as _dt
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=_dt.timezone.utc)
    return int(round(stamp.timestamp() * 1000))
