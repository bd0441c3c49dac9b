"""What to do when an exchange call fails, and how long to wait.

One table maps ccxt's exception classes (by name, so ccxt stays an
optional import) to an action:

- ``retry``: transient — the network, the exchange being busy or
  rate limiting us; a *read* is retried with exponential backoff and
  jitter, honouring ``Retry-After``;
- ``ambiguous``: transient, but met while *sending an order*: the order
  may exist; it is looked up by its client order id before anything is
  sent again (never sent twice blindly);
- ``reject``: the exchange refused this request (funds, filters, symbol,
  parameters) — the order is Rejected/Margin, nothing is retried;
- ``fail``: configuration or permission problems (bad keys) that no
  retry fixes — reported to the user at once.

The most specific class wins: ccxt's hierarchy is walked from the
exception's own class upwards.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Optional

__all__ = ['ACTIONS', 'RetryPolicy', 'classify', 'retry_after']

#: ccxt exception class name -> action
ACTIONS = {
    'NetworkError': 'retry',
    'RequestTimeout': 'retry',
    'ExchangeNotAvailable': 'retry',
    'OnMaintenance': 'retry',
    'DDoSProtection': 'retry',
    'RateLimitExceeded': 'retry',
    'InvalidNonce': 'retry',          # clock drift: ccxt re-syncs, try again
    'OperationFailed': 'retry',       # Binance -1000/-1001 "internal error"
    'InsufficientFunds': 'reject',
    'InvalidOrder': 'reject',
    'OrderImmediatelyFillable': 'reject',
    'OrderNotFillable': 'reject',
    'DuplicateOrderId': 'reject',
    'BadSymbol': 'reject',
    'BadRequest': 'reject',
    'ArgumentsRequired': 'reject',
    'OperationRejected': 'reject',
    'MarginModeAlreadySet': 'reject',
    'OrderNotFound': 'reject',
    'NotSupported': 'fail',
    'AuthenticationError': 'fail',
    'PermissionDenied': 'fail',
    'AccountNotEnabled': 'fail',
    'AccountSuspended': 'fail',
    'ExchangeError': 'reject',
    'BaseError': 'fail',
}

#: actions that mean "the request may have had no effect, try again"
TRANSIENT = ('retry',)


def classify(exc: BaseException, sending_order: bool = False) -> str:
    """The action for ``exc`` (see the module docstring)."""
    for klass in type(exc).__mro__:
        action = ACTIONS.get(klass.__name__)
        if action is not None:
            if action == 'retry' and sending_order:
                return 'ambiguous'
            return action
    return 'fail'


def retry_after(headers: Optional[dict]) -> Optional[float]:
    """Seconds a 429/418 answer asked us to wait (its ``Retry-After``)."""
    for name, value in dict(headers or {}).items():
        if name.lower() == 'retry-after':
            try:
                return max(0.0, float(value))
            except (TypeError, ValueError):
                return None
    return None


@dataclass
class RetryPolicy:
    """Exponential backoff with jitter: attempt ``n`` (0-based) waits
    ``min(cap, base * 2**n)`` scaled by a random factor in [0.5, 1]."""

    attempts: int = 5          # tries in all, the first included
    base: float = 0.25         # seconds
    cap: float = 10.0          # longest single wait
    seed: Optional[int] = None

    def __post_init__(self) -> None:
        if int(self.attempts) < 1:
            raise ValueError('attempts must be at least 1, got %r' % (self.attempts,))
        if not self.base > 0 or not self.cap > 0:
            raise ValueError('base and cap must be positive seconds')
        self._rng = random.Random(self.seed)

    def delay(self, attempt: int, asked: Optional[float] = None) -> float:
        """Seconds to wait before try ``attempt + 1``; at least ``asked``
        (a Retry-After), capped at ``cap`` unless the exchange asked more."""
        wait = min(self.cap, self.base * (2 ** attempt)) * self._rng.uniform(0.5, 1.0)
        return max(wait, asked or 0.0)
