"""Binance's security model and request weights, as the local exchange
enforces them.

Signed endpoints need the ``X-MBX-APIKEY`` header of a known key, a
``timestamp`` within ``recvWindow`` (default 5000 ms, at most 60000) of the
server's wall clock, and ``signature``: the hex HMAC-SHA256, under the
key's secret, of the query string followed by the body with the
signature parameter itself taken out - the same bytes the client signed.

Every request spends weight; the used weight of the current wall-clock
minute comes back in ``X-MBX-USED-WEIGHT-1M``.  Over the limit a request
gets 429 with ``Retry-After``; a client that keeps sending while limited
(``ban_after`` more requests) is banned with 418 for ``ban_seconds``.
"""
from __future__ import annotations

import hashlib
import hmac
import time
from typing import Callable

from . import _errors as E

__all__ = ['Credentials', 'WeightLimiter', 'strip_signature']

MAX_RECV_WINDOW = 60000
DEFAULT_RECV_WINDOW = 5000


def strip_signature(raw: str) -> tuple:
    """(raw without its ``signature=`` parameter, the signature or None)."""
    if not raw:
        return raw, None
    kept, signature = [], None
    for part in raw.split('&'):
        if part.startswith('signature='):
            signature = part[len('signature='):]
        else:
            kept.append(part)
    return '&'.join(kept), signature


class Credentials:
    """The API keys the exchange knows and the checks of a signed call."""

    def __init__(self, keys: dict, clock: Callable[[], float] = time.time) -> None:
        self.keys = dict(keys)
        self._clock = clock

    def account_key(self, headers: dict) -> str:
        """The key of an endpoint that needs a key but no signature."""
        key = headers.get('x-mbx-apikey')
        if not key:
            raise E.ExchangeError(E.BAD_API_KEY_FMT, 'API-key format invalid.', 401)
        if key not in self.keys:
            raise E.ExchangeError(E.REJECTED_MBX_KEY, 'Invalid API-key, IP, or '
                                  'permissions for action.', 401)
        return key

    def verify(self, headers: dict, query: str, body: str, params: dict) -> str:
        """Check key, signature and timestamp; the key."""
        key = self.account_key(headers)
        q_plain, q_sig = strip_signature(query)
        b_plain, b_sig = strip_signature(body)
        signature = q_sig or b_sig
        if not signature:
            raise E.missing_param('signature')
        payload = q_plain + b_plain if q_plain and b_plain else q_plain or b_plain
        expected = hmac.new(self.keys[key].encode(), payload.encode(),
                            hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, signature.lower()):
            raise E.ExchangeError(E.INVALID_SIGNATURE, 'Signature for this request '
                                  'is not valid.')
        self._check_time(params)
        return key

    def verify_ws(self, params: dict) -> str:
        """Check a WebSocket API request's ``apiKey``, ``timestamp`` and
        ``signature`` (over the other params sorted by name, ``k=v`` joined
        by ``&``, as Binance's WebSocket API defines it); the key."""
        key = params.get('apiKey')
        if not key:
            raise E.missing_param('apiKey')
        if key not in self.keys:
            raise E.ExchangeError(E.REJECTED_MBX_KEY, 'Invalid API-key, IP, or '
                                  'permissions for action.', 401)
        signature = params.get('signature')
        if not signature:
            raise E.missing_param('signature')
        payload = '&'.join('%s=%s' % (name, params[name]) for name in sorted(params)
                           if name != 'signature')
        expected = hmac.new(self.keys[key].encode(), payload.encode(),
                            hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, str(signature).lower()):
            raise E.ExchangeError(E.INVALID_SIGNATURE, 'Signature for this request '
                                  'is not valid.')
        self._check_time(params)
        return key

    def _check_time(self, params: dict) -> None:
        stamp = params.get('timestamp')
        if stamp in (None, ''):
            raise E.missing_param('timestamp')
        window = params.get('recvWindow', DEFAULT_RECV_WINDOW)
        try:
            stamp, window = int(stamp), int(window)
        except (TypeError, ValueError):
            raise E.bad_param('timestamp/recvWindow', stamp) from None
        if not 0 < window <= MAX_RECV_WINDOW:
            raise E.ExchangeError(E.INVALID_PARAMETER, 'recvWindow must be less '
                                  'than %d.' % MAX_RECV_WINDOW)
        now = int(self._clock() * 1000)
        if stamp >= now + 1000:
            raise E.ExchangeError(E.INVALID_TIMESTAMP, "Timestamp for this request "
                                  "was 1000ms ahead of the server's time.")
        if now - stamp > window:
            raise E.ExchangeError(E.INVALID_TIMESTAMP, 'Timestamp for this request '
                                  'is outside of the recvWindow.')


class WeightLimiter:
    """Request weight per wall-clock minute, with 429 and 418 answers."""

    def __init__(self, limit: int = 6000, ban_after: int = 5,
                 ban_seconds: float = 120.0,
                 clock: Callable[[], float] = time.time) -> None:
        self.limit = limit
        self.ban_after = ban_after
        self.ban_seconds = ban_seconds
        self._clock = clock
        self._minute = -1
        self.used = 0
        self._strikes = 0
        self._banned_until = 0.0

    def spend(self, weight: int) -> int:
        """Charge ``weight``; the minute's used weight, or ExchangeError 429/418."""
        now = self._clock()
        minute = int(now // 60)
        if minute != self._minute:
            self._minute, self.used, self._strikes = minute, 0, 0
        if now < self._banned_until:
            raise self._banned(now)
        if self.used + weight > self.limit:
            self._strikes += 1
            if self._strikes > self.ban_after:
                self._banned_until = now + self.ban_seconds
                raise self._banned(now)
            retry = max(1, int((minute + 1) * 60 - now + 0.999))
            raise E.ExchangeError(
                E.TOO_MANY_REQUESTS, 'Too many requests; current limit is %d '
                'request weight per 1 MINUTE. Please use the websocket for live '
                'updates to avoid polling the API.' % self.limit, 429,
                {'Retry-After': str(retry), 'X-MBX-USED-WEIGHT-1M': str(self.used)})
        self.used += weight
        return self.used

    def _banned(self, now: float) -> E.ExchangeError:
        until = int(self._banned_until * 1000)
        return E.ExchangeError(
            E.TOO_MANY_REQUESTS, 'Way too many requests; IP banned until %d. '
            'Please use the websocket for live updates to avoid bans.' % until, 418,
            {'Retry-After': str(max(1, int(self._banned_until - now + 0.999))),
             'X-MBX-USED-WEIGHT-1M': str(self.used)})

    def reset(self) -> None:
        self._minute, self.used, self._strikes, self._banned_until = -1, 0, 0, 0.0
