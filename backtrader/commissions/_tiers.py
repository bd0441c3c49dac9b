"""Maker/taker fee tiers as data, and the rolling volume that selects them.

Exchanges lower fees for accounts that traded more over the last 30 days.
The schedules change often, so they are plain tables the user replaces: the
code only knows how to pick a row.  The tables shipped here are *example
tables*: VIP 0 matches Binance's documented regular-user rates, the higher
rows are plausible illustrative values.  Pass your exchange's current table.
"""
from __future__ import annotations

import datetime
from collections import deque
from dataclasses import dataclass
from typing import Sequence, Union

from ._validate import check_fraction, check_number

__all__ = ['FeeTier', 'BINANCE_SPOT_TIERS', 'BINANCE_USDM_TIERS',
           'check_tiers', 'select_tier', 'find_tier', 'RollingVolume']


@dataclass(frozen=True)
class FeeTier:
    """One row of a fee schedule.

    - ``name``: label such as ``'VIP 0'``
    - ``min_volume``: 30-day traded volume in quote currency needed for it
    - ``maker``/``taker``: fee rates as fractions (0.001 = 0.1%)
    """

    name: str
    min_volume: float
    maker: float
    taker: float

    def __post_init__(self) -> None:
        if not isinstance(self.name, str):
            raise TypeError('FeeTier name must be a str, got %r' % (self.name,))
        check_number('min_volume', self.min_volume, nonnegative=True)
        check_fraction('maker', self.maker)
        check_fraction('taker', self.taker)


def _table(rows: Sequence[tuple]) -> tuple[FeeTier, ...]:
    return tuple(FeeTier(*row) for row in rows)


#: Example Binance spot table (VIP 0 = documented 0.1%/0.1%; higher rows are
#: illustrative, monotonically decreasing).  Replace with the current one.
BINANCE_SPOT_TIERS: tuple[FeeTier, ...] = _table((
    ('VIP 0', 0.0, 0.00100, 0.00100),
    ('VIP 1', 1_000_000.0, 0.00090, 0.00095),
    ('VIP 2', 5_000_000.0, 0.00080, 0.00090),
    ('VIP 3', 20_000_000.0, 0.00070, 0.00085),
    ('VIP 4', 100_000_000.0, 0.00060, 0.00075),
    ('VIP 5', 150_000_000.0, 0.00050, 0.00065),
    ('VIP 6', 400_000_000.0, 0.00040, 0.00055),
    ('VIP 7', 800_000_000.0, 0.00030, 0.00045),
    ('VIP 8', 2_000_000_000.0, 0.00020, 0.00035),
    ('VIP 9', 4_000_000_000.0, 0.00010, 0.00025),
))

#: Example Binance USDⓈ-M futures table (VIP 0 = documented 0.02%/0.05%;
#: higher rows are illustrative).  Replace with the current one.
BINANCE_USDM_TIERS: tuple[FeeTier, ...] = _table((
    ('VIP 0', 0.0, 0.00020, 0.00050),
    ('VIP 1', 15_000_000.0, 0.00016, 0.00040),
    ('VIP 2', 50_000_000.0, 0.00014, 0.00035),
    ('VIP 3', 100_000_000.0, 0.00012, 0.00032),
    ('VIP 4', 600_000_000.0, 0.00010, 0.00030),
    ('VIP 5', 1_000_000_000.0, 0.00008, 0.00027),
    ('VIP 6', 2_500_000_000.0, 0.00006, 0.00025),
    ('VIP 7', 5_000_000_000.0, 0.00004, 0.00022),
    ('VIP 8', 12_500_000_000.0, 0.00002, 0.00020),
    ('VIP 9', 25_000_000_000.0, 0.00000, 0.00017),
))


def check_tiers(tiers: Sequence[FeeTier]) -> tuple[FeeTier, ...]:
    """Validate a user table: non-empty FeeTier rows, ascending min_volume."""
    if isinstance(tiers, (str, bytes)) or not isinstance(tiers, Sequence):
        raise TypeError('tiers must be a sequence of FeeTier, got %r' % (tiers,))
    table = tuple(tiers)
    if not table:
        raise ValueError('tiers must not be empty')
    for row in table:
        if not isinstance(row, FeeTier):
            raise TypeError('tiers must contain FeeTier rows, got %r' % (row,))
    for prev, row in zip(table, table[1:]):
        if row.min_volume <= prev.min_volume:
            raise ValueError('tiers must be sorted by ascending min_volume: '
                             '%r (%r) after %r (%r)' % (row.name, row.min_volume,
                                                        prev.name, prev.min_volume))
    return table


def select_tier(tiers: Sequence[FeeTier], volume30d: float) -> FeeTier:
    """The highest tier whose ``min_volume <= volume30d``.

    A volume below the first row's minimum still gets the first row (the
    regular-user rates).  ``tiers`` must be sorted (see ``check_tiers``).
    """
    chosen = tiers[0]
    for row in tiers:
        if row.min_volume > volume30d:
            break
        chosen = row
    return chosen


def find_tier(tiers: Sequence[FeeTier], tier: Union[str, int]) -> FeeTier:
    """A tier chosen explicitly, by name (``'VIP 3'``) or by index."""
    if isinstance(tier, bool) or not isinstance(tier, (str, int)):
        raise TypeError('tier must be a tier name or index, got %r' % (tier,))
    if isinstance(tier, int):
        if not -len(tiers) <= tier < len(tiers):
            raise ValueError('tier index %d out of range for %d tiers'
                             % (tier, len(tiers)))
        return tiers[tier]
    for row in tiers:
        if row.name == tier:
            return row
    raise ValueError('tier %r not found; known tiers: %s'
                     % (tier, ', '.join(repr(r.name) for r in tiers)))


class RollingVolume:
    """Traded quote volume over a sliding window (30 days by default).

    The broker keeps one per account, ``add``s every fill and asks
    ``total(now)`` before charging the next one.  Entries leave the deque as
    soon as they fall out of the window, so each one is added and dropped
    once: O(1) amortised per fill.  The window is half-open, (dt - window,
    dt]: a fill exactly ``window`` old no longer counts.

    Exchanges usually recompute the tier once a day; a rolling window is the
    continuous approximation of that.
    """

    __slots__ = ('window', '_entries', '_sum')

    DEFAULT_WINDOW = datetime.timedelta(days=30)

    def __init__(self, window: datetime.timedelta = DEFAULT_WINDOW) -> None:
        if not isinstance(window, datetime.timedelta):
            raise TypeError('window must be a datetime.timedelta, got %r' % (window,))
        if window <= datetime.timedelta(0):
            raise ValueError('window must be positive, got %r' % (window,))
        self.window = window
        self._entries: deque = deque()
        self._sum = 0.0

    def add(self, dt: datetime.datetime, notional: float) -> None:
        """Record a fill of ``notional`` quote volume (its absolute value)
        at ``dt``; fills must come in time order."""
        if not isinstance(dt, datetime.datetime):
            raise TypeError('dt must be a datetime, got %r' % (dt,))
        notional = abs(check_number('notional', notional))
        entries = self._entries
        if entries and dt < entries[-1][0]:
            raise ValueError('fills must be added in time order: %s before %s'
                             % (dt, entries[-1][0]))
        entries.append((dt, notional))
        self._sum += notional

    def total(self, dt: datetime.datetime,
              window: datetime.timedelta | None = None) -> float:
        """Volume traded in (dt - window, dt]; ``window`` defaults to the
        one given at construction and cannot be longer than it (older
        entries are already gone).  A shorter window is answered by a scan
        and leaves the stored entries intact."""
        self._drop_before(dt - self.window)
        if window is None or window == self.window:
            return self._sum if self._entries else 0.0
        if not isinstance(window, datetime.timedelta):
            raise TypeError('window must be a datetime.timedelta, got %r' % (window,))
        if window > self.window:
            raise ValueError('window %s longer than the kept window %s'
                             % (window, self.window))
        start = dt - window
        return sum(n for t, n in reversed(self._entries) if t > start)

    def _drop_before(self, limit: datetime.datetime) -> None:
        entries = self._entries
        while entries and entries[0][0] <= limit:
            self._sum -= entries.popleft()[1]
        if not entries:
            self._sum = 0.0  # no float residue once empty

    def __len__(self) -> int:
        return len(self._entries)
