"""A bounded queue whose producer never waits.

The socket thread must keep reading (or the venue drops us for a slow
consumer and heartbeats go unanswered), so a full queue loses a message
instead of blocking the producer.  Which one is lost is the ``overflow``
policy: ``'drop_oldest'`` (the default: for market data the newest
message is the one worth having) or ``'drop_newest'`` (keep what is
queued, refuse the arrival).  Either way the loss is counted.
"""
from __future__ import annotations

import collections
import queue
import threading
import time
from typing import Any, Optional

__all__ = ['DropQueue', 'OVERFLOW_POLICIES']

OVERFLOW_POLICIES = ('drop_oldest', 'drop_newest')


def check_overflow(overflow: Any) -> str:
    if overflow not in OVERFLOW_POLICIES:
        raise ValueError('overflow must be one of %s, got %r'
                         % (', '.join(OVERFLOW_POLICIES), overflow))
    return overflow


def check_size(name: str, value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError('%s must be a positive int, got %r' % (name, value))
    return value


class DropQueue:
    """Thread-safe FIFO of at most ``maxsize`` items; ``put`` never blocks.

    ``get``/``get_nowait`` raise :class:`queue.Empty` like ``queue.Queue``.
    After :meth:`close` the items left can still be taken, then ``get``
    raises ``queue.Empty`` at once instead of waiting.
    Counters: ``put_count``, ``taken`` and ``dropped``.
    """

    def __init__(self, maxsize: int, overflow: str = 'drop_oldest') -> None:
        self.maxsize = check_size('queue_size', maxsize)
        self.overflow = check_overflow(overflow)
        self._items: collections.deque = collections.deque()
        self._ready = threading.Condition(threading.Lock())
        self._closed = False
        self.put_count = 0
        self.taken = 0
        self.dropped = 0

    def put(self, item: Any) -> bool:
        """Add ``item``; False when the queue was full and a message was
        lost (the oldest queued one or ``item``, by policy)."""
        with self._ready:
            self.put_count += 1
            kept = True
            if len(self._items) >= self.maxsize:
                self.dropped += 1
                kept = False
                if self.overflow == 'drop_newest':
                    return False
                self._items.popleft()
            self._items.append(item)
            self._ready.notify()
            return kept

    put_nowait = put

    def get(self, block: bool = True, timeout: Optional[float] = None) -> Any:
        """The oldest item; waits up to ``timeout`` seconds (None: until
        one arrives or the queue is closed) when ``block``."""
        with self._ready:
            if block and not self._items and not self._closed:
                if timeout is None:
                    while not self._items and not self._closed:
                        self._ready.wait()
                else:
                    deadline = time.monotonic() + max(0.0, timeout)
                    while not self._items and not self._closed:
                        left = deadline - time.monotonic()
                        if left <= 0:
                            break
                        self._ready.wait(left)
            if not self._items:
                raise queue.Empty
            self.taken += 1
            return self._items.popleft()

    def get_nowait(self) -> Any:
        return self.get(block=False)

    def close(self) -> None:
        """No more items will come: wake every waiting ``get``."""
        with self._ready:
            self._closed = True
            self._ready.notify_all()

    @property
    def closed(self) -> bool:
        return self._closed

    def qsize(self) -> int:
        return len(self._items)

    def empty(self) -> bool:
        return not self._items

    def full(self) -> bool:
        return len(self._items) >= self.maxsize
