"""What every live venue's store shares: credentials kept secret, one
retry policy, one weight-aware rate limiter, a connection state machine
reported through ``notify_store``, and the threads it starts, stops and
joins.

Connection states: ``DISCONNECTED`` → ``CONNECTING`` → ``CONNECTED``;
``ERROR`` when a call fails in a way no retry fixes (bad keys).  Each
change reaches ``notify_store(state, info=...)`` once.

Secrets (``apiKey``, ``secret``, ``password``, ``uid``, ``privateKey``,
``walletAddress``, ``token``) are taken out of the user's config at
construction: reprs, params, exception messages, notifications and
pickles of the store show ``'***'`` in their place.
"""
from __future__ import annotations

import threading
import time
from typing import Any, Callable, Optional

from ..store import Store
from ._ratelimit import WeightLimiter
from ._retry import RetryPolicy, classify, retry_after

__all__ = ['LiveStore', 'StoreError', 'SECRET_KEYS', 'redact_config']

SECRET_KEYS = ('apiKey', 'secret', 'password', 'uid', 'privateKey', 'walletAddress',
               'token', 'login')
MASK = '***'


class StoreError(Exception):
    """A failed exchange call, after the retries it was allowed.  ``action``
    is the retry table's verdict ('reject', 'fail', 'retry', 'ambiguous');
    ``cause_name`` the ccxt exception class name."""

    def __init__(self, message: str, action: str = 'fail', cause_name: str = '') -> None:
        super().__init__(message)
        self.action = action
        self.cause_name = cause_name


def redact_config(config: Optional[dict]) -> tuple:
    """(public config with secrets masked, the secrets)."""
    public, secrets = {}, {}
    for key, value in dict(config or {}).items():
        if key in SECRET_KEYS and value:
            secrets[key] = value
            public[key] = MASK
        else:
            public[key] = value
    return public, secrets


class LiveStore(Store):
    """Base of live stores (see the module docstring).

    Params: ``retries`` (5 tries for a safe call), ``retry_base``/
    ``retry_cap`` (backoff seconds), ``rate_limit`` (weight per minute;
    None: from the exchange), ``rate_safety`` (0.9: the share of the limit
    used), ``debug``.
    """

    params = (
        ('retries', 5),
        ('retry_base', 0.25),
        ('retry_cap', 10.0),
        ('rate_limit', None),
        ('rate_safety', 0.9),
        ('debug', False),
    )

    DISCONNECTED, CONNECTING, CONNECTED, ERROR = 'DISCONNECTED', 'CONNECTING', \
        'CONNECTED', 'ERROR'

    def __init__(self) -> None:
        self._secrets: dict = {}
        self.state = self.DISCONNECTED
        self._state_lock = threading.Lock()
        self._stop_event = threading.Event()
        self._threads: list = []
        self.policy = RetryPolicy(attempts=int(self.p.retries), base=self.p.retry_base,
                                  cap=self.p.retry_cap)
        self.limiter = WeightLimiter(int(self.p.rate_limit or 1200), self.p.rate_safety)
        self.calls = 0
        self.retried = 0

    # --- secrets ----------------------------------------------------------------
    def _keep_secrets(self, config: Optional[dict]) -> dict:
        public, self._secrets = redact_config(config)
        return public

    def redact(self, text: Any) -> str:
        text = str(text)
        for value in self._secrets.values():
            if isinstance(value, str) and len(value) >= 4:
                text = text.replace(value, MASK)
        return text

    def __repr__(self) -> str:
        return '<%s %s>' % (type(self).__name__, self._describe())

    def _describe(self) -> str:
        return 'state=%s' % self.state

    def __getstate__(self) -> dict:
        """Pickles hold no secrets and no live objects: a store unpickled
        needs its credentials again before it can trade."""
        state = {k: v for k, v in self.__dict__.items()
                 if k in ('state', 'calls', 'retried')}
        state['_secrets'] = {}
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)

    # --- state -------------------------------------------------------------------
    def set_state(self, state: str, **info: Any) -> None:
        with self._state_lock:
            if state == self.state:
                return
            self.state = state
        if 'info' in info:
            info['info'] = self.redact(info['info'])
        self.put_notification(state, **info)

    # --- threads -----------------------------------------------------------------
    @property
    def stopping(self) -> threading.Event:
        return self._stop_event

    def spawn(self, target: Callable, name: str, *args: Any) -> threading.Thread:
        thread = threading.Thread(target=target, args=args, daemon=True,
                                  name='%s-%s' % (type(self).__name__, name))
        self._threads.append(thread)
        thread.start()
        return thread

    def join_threads(self, timeout: float = 10.0) -> list:
        """Stop and join every thread started; those still alive."""
        self._stop_event.set()
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        alive = [t for t in self._threads if t.is_alive()]
        self._threads = alive
        return alive

    # --- calls -----------------------------------------------------------------------
    def _headers(self) -> dict:
        return {}

    def guarded(self, func: Callable, *args: Any, weight: int = 1, retry: bool = True,
                sending_order: bool = False, **kwargs: Any) -> Any:
        """``func(*args, **kwargs)`` under the limiter, retried with backoff
        when it is safe (never when ``sending_order``: the caller resolves
        that case); failures raise ``StoreError`` with secrets redacted."""
        attempt = 0
        while True:
            if not self.limiter.acquire(weight, stop=self._stop_event):
                raise StoreError('the store is stopping: call not sent', 'fail')
            self.calls += 1
            try:
                result = func(*args, **kwargs)
            except Exception as exc:  # ccxt raises many classes; classify them
                failure, wait = self._on_failure(exc, attempt, retry, sending_order)
                why = (type(exc).__name__, self.redact(exc))
            else:
                self.limiter.observe(self._headers())
                if self.state != self.CONNECTED:
                    self.set_state(self.CONNECTED)
                return result
            # raised out here, not in the except block: the ccxt exception
            # (its message may quote the request, keys included) is not kept
            # as the StoreError's __context__
            if failure is not None:
                raise failure
            attempt += 1
            self.retried += 1
            if self._stop_event.wait(wait):
                raise StoreError('stopped while retrying: %s' % why[1], 'fail', why[0])

    def _on_failure(self, exc: Exception, attempt: int, retry: bool,
                    sending_order: bool) -> tuple:
        """(StoreError to raise or None, seconds to wait before the retry)."""
        headers = self._headers()
        self.limiter.observe(headers)
        action = classify(exc, sending_order=sending_order)
        name = type(exc).__name__
        asked = retry_after(headers)
        if name in ('DDoSProtection', 'RateLimitExceeded'):
            self.limiter.hold(asked or self.policy.delay(attempt))
        if action == 'fail' and any(k.__name__ == 'AuthenticationError'
                                    for k in type(exc).__mro__):
            self.set_state(self.ERROR, info=self.redact(exc))
        if action != 'retry' or not retry or attempt + 1 >= self.policy.attempts \
                or self._stop_event.is_set():
            return StoreError('%s: %s' % (name, self.redact(exc)), action, name), 0.0
        return None, self.policy.delay(attempt, asked)
