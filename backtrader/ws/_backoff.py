"""Reconnect delays: exponential, capped, with jitter so that many clients
cut at once (a venue restart) do not all knock again at the same instant."""
from __future__ import annotations

import random
from typing import Any, Optional

__all__ = ['Backoff']


class Backoff:
    """``delay(attempt)`` for the 1st, 2nd, ... consecutive attempt:
    ``d = min(cap, base * 2 ** (attempt - 1))``, then "equal jitter":
    uniformly in ``[d / 2, d]``.  ``seed`` makes the sequence repeatable."""

    def __init__(self, base: float, cap: float, seed: Optional[int] = None) -> None:
        for name, value in (('backoff[0] (base delay)', base),
                            ('backoff[1] (max delay)', cap)):
            if (not isinstance(value, (int, float)) or isinstance(value, bool)
                    or not value > 0):
                raise ValueError('%s must be a positive number of seconds, got %r'
                                 % (name, value))
        if cap < base:
            raise ValueError('backoff max delay %r is below the base delay %r'
                             % (cap, base))
        self.base = float(base)
        self.cap = float(cap)
        self._rng = random.Random(seed)

    @classmethod
    def from_setting(cls, backoff: Any, seed: Optional[int] = None) -> 'Backoff':
        if not isinstance(backoff, (tuple, list)) or len(backoff) != 2:
            raise TypeError('backoff must be a (base, max) pair of seconds, got %r'
                            % (backoff,))
        return cls(backoff[0], backoff[1], seed)

    def delay(self, attempt: int) -> float:
        ceiling = min(self.cap, self.base * 2.0 ** min(max(attempt, 1) - 1, 60))
        return ceiling / 2.0 + self._rng.uniform(0.0, ceiling / 2.0)
