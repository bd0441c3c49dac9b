"""Request pacing that follows the exchange's own accounting.

Binance counts request *weight* per minute and reports the running total
in ``X-MBX-USED-WEIGHT-1M``; going over gets 429 with ``Retry-After``
and repeating that gets the IP banned (418).  The limiter keeps one
estimate per store: it charges each call's weight before sending, takes
the exchange's figure from the response headers as the truth, waits for
the next minute when the budget (a safety share of the limit) is spent,
and after a 429/418 holds every call until the exchange's ``Retry-After``.

ccxt's own limiter is switched off by the store (``enableRateLimit``
False) so two limiters never stack.
"""
from __future__ import annotations

import threading
import time
from typing import Callable, Optional

__all__ = ['WeightLimiter', 'limit_from_exchange', 'declared_limit']

HEADER = 'x-mbx-used-weight-1m'


def limit_from_exchange(exchange: object, default: int = 1200) -> int:
    """Weight per minute from ccxt's declared pacing (``rateLimit``: the
    milliseconds one unit of weight costs), else ``default``."""
    pace = getattr(exchange, 'rateLimit', None)
    try:
        return max(1, int(60000 / float(pace))) if pace and float(pace) > 0 else default
    except (TypeError, ValueError, ZeroDivisionError):
        return default


def declared_limit(response: object) -> int:
    """The REQUEST_WEIGHT per minute an exchangeInfo answer declares
    (Binance's ``rateLimits``), or 0 when it declares none."""
    rows = response.get('rateLimits') if isinstance(response, dict) else None
    for row in rows if isinstance(rows, (list, tuple)) else ():
        if not isinstance(row, dict):      # another venue's shape: not ours to read
            continue
        if row.get('rateLimitType') == 'REQUEST_WEIGHT' and row.get('interval') == 'MINUTE':
            try:
                return int(row['limit']) // max(1, int(row.get('intervalNum', 1)))
            except (KeyError, TypeError, ValueError):
                return 0
    return 0


class WeightLimiter:
    """Thread-safe weight budget per wall-clock minute."""

    def __init__(self, limit: int = 1200, safety: float = 0.9,
                 clock: Callable[[], float] = time.time,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        if limit < 1 or not 0 < safety <= 1:
            raise ValueError('limit must be >= 1 and safety in (0, 1]')
        self.limit = limit
        self.safety = safety
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._minute = -1
        self.used = 0
        self._hold_until = 0.0
        self.waited = 0.0          # seconds spent waiting, for the stats
        self.backoffs = 0

    def acquire(self, weight: int = 1, stop: Optional[threading.Event] = None) -> bool:
        """Wait until ``weight`` fits in this minute's budget: True, charged;
        False when ``stop`` was set while waiting (nothing charged)."""
        while True:
            with self._lock:
                now = self._clock()
                self._roll(now)
                wait = self._hold_until - now
                if wait <= 0:
                    if self.used + weight <= self.limit * self.safety or self.used == 0:
                        self.used += weight
                        return True
                    wait = (self._minute + 1) * 60 - now + 0.01
            self.waited += wait
            if stop is not None:
                if stop.wait(wait):
                    return False
            else:
                self._sleep(wait)

    def observe(self, headers: Optional[dict]) -> None:
        """Take the exchange's used weight from a response's headers."""
        for name, value in dict(headers or {}).items():
            if name.lower() == HEADER:
                try:
                    used = int(value)
                except (TypeError, ValueError):
                    return
                with self._lock:
                    self._roll(self._clock())
                    self.used = used
                return

    def hold(self, seconds: float) -> None:
        """A 429/418 answer: nothing goes out for ``seconds``."""
        with self._lock:
            self.backoffs += 1
            self._hold_until = max(self._hold_until, self._clock() + max(1.0, seconds))

    def _roll(self, now: float) -> None:
        minute = int(now // 60)
        if minute != self._minute:
            self._minute, self.used = minute, 0
