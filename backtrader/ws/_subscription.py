"""One consumer of one stream: where its messages go and what it counts."""
from __future__ import annotations

import logging
import queue
import threading
from typing import Any, Callable, Optional

from ._queue import DropQueue

__all__ = ['Subscription']

log = logging.getLogger('backtrader.ws')


class Subscription:
    """Handle returned by ``WebSocketManager.subscribe``.

    Messages of ``stream`` go either to ``callback(payload)`` (run on the
    manager's thread: keep it short, never block) or, without a callback,
    to ``queue`` (a :class:`DropQueue`), read with :meth:`get`.  The same
    payload object is given to every subscription of a stream: do not
    mutate it.  ``kind`` is 'user' for an account (listen key) stream,
    else 'market'.  ``ready`` is set once the venue confirmed the
    subscription on the current connection (cleared on each disconnect).

    Counters (:attr:`stats`): ``received`` (routed here), ``delivered``
    (taken by ``get``/the queue, or handed to the callback), ``dropped``
    (lost to a full queue), ``queued``, ``callback_errors``,
    ``last_message_time`` (``time.time()`` of the last one) and ``lag_ms``
    (arrival time minus the payload's event time ``E``, when it has one).
    For a queue, received == delivered + dropped + queued.
    """

    def __init__(self, stream: str, kind: str, *, callback: Optional[Callable] = None,
                 queue_size: int = 10000, overflow: str = 'drop_oldest') -> None:
        self.stream = stream
        self.kind = kind
        self.callback = callback
        self.queue: Optional[DropQueue] = (None if callback is not None
                                           else DropQueue(queue_size, overflow))
        self.ready = threading.Event()
        self.error: Any = None          # the venue's refusal, if any
        self.active = True
        self.received = 0
        self._called = 0
        self.callback_errors = 0
        self.last_message_time: Optional[float] = None
        self.lag_ms: Optional[float] = None

    def __repr__(self) -> str:
        return '<Subscription %s %s%s>' % (self.stream, self.kind,
                                           '' if self.active else ' closed')

    def get(self, timeout: Optional[float] = None) -> Any:
        """The next payload, or None when none came within ``timeout``
        seconds (None: wait until one comes or the subscription ends)."""
        if self.queue is None:
            raise TypeError('subscription %r delivers to a callback; it has no '
                            'queue to get from' % (self.stream,))
        try:
            return self.queue.get(timeout=timeout)
        except queue.Empty:
            return None

    def wait_ready(self, timeout: Optional[float] = None) -> bool:
        """Wait until the venue confirmed the subscription."""
        return self.ready.wait(timeout)

    @property
    def delivered(self) -> int:
        return self._called if self.queue is None else self.queue.taken

    @property
    def dropped(self) -> int:
        return 0 if self.queue is None else self.queue.dropped

    @property
    def stats(self) -> dict:
        return {'stream': self.stream, 'kind': self.kind, 'active': self.active,
                'received': self.received, 'delivered': self.delivered,
                'dropped': self.dropped,
                'queued': 0 if self.queue is None else self.queue.qsize(),
                'callback_errors': self.callback_errors,
                'last_message_time': self.last_message_time, 'lag_ms': self.lag_ms}

    # --- used by the manager's thread -------------------------------------------
    def _deliver(self, payload: Any, now: float, lag_ms: Optional[float]) -> bool:
        """Route one payload here; False when a message was dropped."""
        self.received += 1
        self.last_message_time = now
        if lag_ms is not None:
            self.lag_ms = lag_ms
        if self.queue is not None:
            return self.queue.put(payload)
        try:
            self.callback(payload)
        except Exception:   # a consumer's bug must not kill the socket thread
            self.callback_errors += 1
            log.exception('ws callback for %s failed', self.stream)
        else:
            self._called += 1
        return True

    def _close(self) -> None:
        self.active = False
        self.ready.clear()
        if self.queue is not None:
            self.queue.close()
