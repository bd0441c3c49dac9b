"""Market data of the local exchange: bars from CSV files and the replay
clock that walks a price path through them.

Every bar is replayed as four ticks, spaced a quarter bar apart: the open,
the extreme nearer the direction the bar did *not* close in, the other
extreme, and the close (a rising bar goes open -> low -> high -> close, a
falling one open -> high -> low -> close).  Resting orders trigger and fill
on those ticks, so an order inside the bar's range always gets its chance,
in the order a trader would expect from the bar's shape.

All symbols share one clock: a step moves to the next tick time of any
symbol.  Times are epoch milliseconds of the replay, not of the wall clock.
"""
from __future__ import annotations

import bisect
import csv
import datetime as _dt
import math
import os
from dataclasses import dataclass, field
from typing import Iterable, Optional

__all__ = ['Bar', 'Tick', 'SymbolTape', 'ReplayClock', 'load_bars', 'price_path',
           'INTERVALS_MS']

TICKS_PER_BAR = 4

INTERVALS_MS = {
    '1s': 1000, '1m': 60_000, '3m': 180_000, '5m': 300_000, '15m': 900_000,
    '30m': 1_800_000, '1h': 3_600_000, '2h': 7_200_000, '4h': 14_400_000,
    '6h': 21_600_000, '8h': 28_800_000, '12h': 43_200_000, '1d': 86_400_000,
    '3d': 259_200_000, '1w': 604_800_000,
}


@dataclass(frozen=True, slots=True)
class Bar:
    time: int        # open time, epoch ms
    open: float
    high: float
    low: float
    close: float
    volume: float


@dataclass(frozen=True, slots=True)
class Tick:
    """One point of the price path: what a step of the clock produces."""

    symbol: str
    time: int
    price: float
    qty: float          # the share of the bar's volume traded at this tick
    bar: Bar
    index: int          # 0..3 within the bar
    trade_id: int
    market: str = 'spot'   # 'spot' or 'futures'

    @property
    def closes_bar(self) -> bool:
        return self.index == TICKS_PER_BAR - 1


def _parse_time(text: str, where: str) -> int:
    text = text.strip()
    try:
        number = float(text)
    except ValueError:
        pass
    else:
        # epoch seconds or milliseconds
        return int(number * 1000) if number < 1e11 else int(number)
    try:
        stamp = _dt.datetime.fromisoformat(text.replace('Z', '+00:00'))
    except ValueError:
        raise ValueError('%s: unreadable time %r' % (where, text)) from None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=_dt.timezone.utc)
    return int(stamp.timestamp() * 1000)


def load_bars(path: str, need_volume: bool = True) -> list:
    """Bars of a CSV file with a header holding a time column (``datetime``,
    ``time``, ``open_time`` or ``timestamp``) and open/high/low/close/volume;
    a malformed row raises ValueError naming the file, line and field.
    ``need_volume`` False (mark price candles) reads a missing or empty
    volume as 0."""
    if not os.path.exists(path):
        raise FileNotFoundError('market data file not found: %s' % path)
    bars: list = []
    with open(path, newline='', encoding='utf-8') as fh:
        reader = csv.DictReader(fh)
        header = {name.strip().lower(): name for name in reader.fieldnames or ()}
        timecol = next((header[c] for c in ('datetime', 'time', 'open_time',
                                            'timestamp', 'date') if c in header), None)
        if timecol is None:
            raise ValueError('%s: no time column in the header %r'
                             % (path, reader.fieldnames))
        cols = {}
        for name in ('open', 'high', 'low', 'close', 'volume'):
            if name == 'volume' and not need_volume and name not in header:
                continue
            if name not in header:
                raise ValueError('%s: no %r column in the header' % (path, name))
            cols[name] = header[name]
        for lineno, row in enumerate(reader, start=2):
            where = '%s line %d' % (path, lineno)
            values = {'volume': 0.0}
            for name, col in cols.items():
                if name == 'volume' and not need_volume and not row.get(col):
                    continue
                try:
                    values[name] = float(row[col])
                except (TypeError, ValueError):
                    raise ValueError('%s: field %r is not a number: %r'
                                     % (where, name, row.get(col))) from None
            bar = Bar(_parse_time(row[timecol], where), **values)
            if bars and bar.time <= bars[-1].time:
                raise ValueError('%s: time %d does not follow %d'
                                 % (where, bar.time, bars[-1].time))
            bars.append(bar)
    if len(bars) < 2:
        raise ValueError('%s: at least two bars are needed' % path)
    return bars


def price_path(bar: Bar) -> tuple:
    if bar.close >= bar.open:
        return bar.open, bar.low, bar.high, bar.close
    return bar.open, bar.high, bar.low, bar.close


@dataclass
class SymbolTape:
    """The bars of one symbol and where the replay stands in them."""

    symbol: str
    bars: list
    interval_ms: int = 0
    pos: int = -1            # bar being replayed (-1: before the first)
    tick: int = TICKS_PER_BAR - 1
    last: float = math.nan
    high: float = -math.inf  # of the bar so far
    low: float = math.inf
    volume: float = 0.0
    trade_id: int = 0
    market: str = 'spot'     # 'spot' or 'futures': one symbol may be in both
    _times: list = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._times = [bar.time for bar in self.bars]
        if not self.interval_ms:
            gaps = sorted(b - a for a, b in zip(self._times, self._times[1:]))
            self.interval_ms = gaps[len(gaps) // 2]

    @property
    def started(self) -> bool:
        return self.pos >= 0

    @property
    def finished(self) -> bool:
        return self.pos >= len(self.bars) - 1 and self.tick == TICKS_PER_BAR - 1

    def next_tick_time(self) -> Optional[int]:
        if self.finished:
            return None
        if self.tick < TICKS_PER_BAR - 1:
            bar = self.bars[self.pos]
            return bar.time + (self.tick + 1) * self.interval_ms // TICKS_PER_BAR
        return self.bars[self.pos + 1].time

    def advance(self) -> Tick:
        """Move to the next tick and return it."""
        if self.tick < TICKS_PER_BAR - 1:
            self.tick += 1
        else:
            self.pos += 1
            self.tick = 0
            self.high, self.low, self.volume = -math.inf, math.inf, 0.0
        bar = self.bars[self.pos]
        price = price_path(bar)[self.tick]
        qty = bar.volume / TICKS_PER_BAR
        self.last = price
        self.high = max(self.high, price)
        self.low = min(self.low, price)
        self.volume += qty
        self.trade_id += 1
        return Tick(self.symbol, self.time_of_tick(), price, qty, bar,
                    self.tick, self.trade_id, self.market)

    def time_of_tick(self) -> int:
        bar = self.bars[self.pos]
        return bar.time + self.tick * self.interval_ms // TICKS_PER_BAR

    def seek(self, index: int) -> None:
        """Stand at the close of bar ``index - 1``: bar ``index`` is next."""
        if not 0 <= index <= len(self.bars):
            raise ValueError('%s: start bar %d outside 0..%d'
                             % (self.symbol, index, len(self.bars)))
        self.pos = index - 1
        self.tick = TICKS_PER_BAR - 1
        if index:
            bar = self.bars[index - 1]
            self.last, self.high, self.low = bar.close, bar.high, bar.low
            self.volume = bar.volume
            self.trade_id = index * TICKS_PER_BAR

    def index_at(self, time_ms: int) -> int:
        """Index of the first bar opening at or after ``time_ms``."""
        return bisect.bisect_left(self._times, time_ms)

    def current_bar(self) -> Optional[Bar]:
        """The bar in progress as seen so far (its close is the last price)."""
        if self.pos < 0:
            return None
        bar = self.bars[self.pos]
        if self.tick == TICKS_PER_BAR - 1:
            return bar
        return Bar(bar.time, bar.open, self.high, self.low, self.last, self.volume)

    def klines(self, interval_ms: int, start: Optional[int], end: Optional[int],
               limit: int) -> list:
        """Bars of ``interval_ms`` (a multiple of the tape's interval) that
        have opened by now, the newest possibly in progress: ``(bar,
        closed)`` pairs, at most ``limit``, from ``start`` when given else
        the most recent ones."""
        if self.pos < 0:
            return []
        step = max(1, interval_ms // self.interval_ms)
        if start is None:
            lo = max(0, self.pos - (limit + 1) * step)
        else:
            lo = self.index_at(start - interval_ms)
        seen = self.bars[lo:self.pos] + [self.current_bar()]
        groups: list = []
        for bar in seen:
            key = bar.time - bar.time % interval_ms if step > 1 else bar.time
            if groups and groups[-1][0] == key:
                groups[-1][1].append(bar)
            else:
                groups.append((key, [bar]))
        out = []
        for key, members in groups:
            if start is not None and key < start:
                continue
            if end is not None and key > end:
                break
            merged = Bar(key, members[0].open, max(b.high for b in members),
                         min(b.low for b in members), members[-1].close,
                         sum(b.volume for b in members))
            closed = (key + interval_ms <= self.now_closed_upto())
            out.append((merged, closed))
        if start is None:
            return out[-limit:]
        return out[:limit]

    def now_closed_upto(self) -> int:
        """Bars ending at or before this time are complete."""
        if self.pos < 0:
            return -1
        bar = self.bars[self.pos]
        if self.tick == TICKS_PER_BAR - 1:
            return bar.time + self.interval_ms
        return bar.time


class ReplayClock:
    """One clock over every symbol's tape; ``step()`` yields the next ticks
    (all symbols due at the same time tick together)."""

    def __init__(self, tapes: Iterable[SymbolTape]) -> None:
        self.tapes = {(tape.market, tape.symbol): tape for tape in tapes}
        self.now = 0

    def start_at(self, start: Optional[object]) -> None:
        """Place every tape: ``start`` None (the first bar), an int (bar
        index of each tape), a datetime/ISO string/epoch ms (first bar
        opening at or after it)."""
        for tape in self.tapes.values():
            if start is None:
                index = 0
            elif isinstance(start, int) and start < 10 ** 9:
                index = start
            else:
                stamp = start if isinstance(start, int) else _parse_time(str(start), 'start')
                index = tape.index_at(stamp)
            tape.seek(min(index, len(tape.bars)))
        times = [t.bars[t.pos].time + t.interval_ms for t in self.tapes.values()
                 if t.pos >= 0]
        firsts = [t.bars[0].time for t in self.tapes.values()]
        self.now = max(times) if times else min(firsts)

    @property
    def finished(self) -> bool:
        return all(tape.finished for tape in self.tapes.values())

    def step(self) -> list:
        """Advance to the next tick time; the ticks it produced (empty at
        the end of the data)."""
        due = [(tape.next_tick_time(), tape) for tape in self.tapes.values()]
        due = [(t, tape) for t, tape in due if t is not None]
        if not due:
            return []
        when = min(t for t, _ in due)
        self.now = when
        return [tape.advance() for t, tape in due if t == when]
