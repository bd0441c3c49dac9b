"""Where the cache keeps things: timeframe lengths, file-system-safe names
for exchanges and symbols, and the month partitions a time range spans.

The on-disk layout is ``<root>/<exchange>/<symbol>/<timeframe>/<YYYY-MM>.<ext>``
with a ``<YYYY-MM>.json`` sidecar beside each month.  Names must survive
every common file system, and reading the tree back (``info``, ``verify``)
must give the original symbol, so the symbol encoding is reversible.
"""
from __future__ import annotations

import datetime as _dt
import os
import re
from typing import Iterator, Optional

__all__ = ['timeframe_ms', 'bar_offset_ms', 'symbol_to_dirname', 'dirname_to_symbol',
           'timeframe_to_dirname', 'dirname_to_timeframe', 'check_exchange_id',
           'default_root', 'month_key', 'month_bounds', 'months_between']

_UNIT_MS = {'s': 1000, 'm': 60_000, 'h': 3_600_000, 'd': 86_400_000,
            'w': 604_800_000}
_TIMEFRAME = re.compile(r'^([1-9][0-9]*)([smhdw])$')
_WEEK_OFFSET_MS = 4 * 86_400_000   # weekly bars open on Mondays; 1970-01-01 was a Thursday
_EXCHANGE_ID = re.compile(r'^[a-z0-9][a-z0-9_.-]*$')
_PLAIN = frozenset('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.')
_SWAPS = {'/': '-', ':': '_'}
_UNSWAPS = {v: k for k, v in _SWAPS.items()}


def timeframe_ms(timeframe: str) -> int:
    """Length of a ccxt timeframe string ('1m', '4h', '1d', '1w') in ms.

    Calendar timeframes ('1M', '1y') have no fixed length, so the cache's
    gap and coverage arithmetic cannot handle them: ValueError."""
    if not isinstance(timeframe, str):
        raise TypeError('timeframe must be a string such as "1m", got %r' % (timeframe,))
    match = _TIMEFRAME.match(timeframe)
    if match is None:
        if re.match(r'^[1-9][0-9]*[My]$', timeframe):
            raise ValueError('timeframe %r is a calendar period; the cache supports '
                             'fixed-length timeframes (s, m, h, d, w)' % timeframe)
        raise ValueError('timeframe %r is not a ccxt timeframe such as "1m", "5m", '
                         '"1h", "1d" or "1w"' % (timeframe,))
    return int(match.group(1)) * _UNIT_MS[match.group(2)]


def bar_offset_ms(timeframe: str) -> int:
    """Where bar open times sit relative to multiples of the timeframe:
    0, except weekly bars, which open on Monday 00:00 UTC."""
    return _WEEK_OFFSET_MS if timeframe.endswith('w') else 0


def timeframe_to_dirname(timeframe: str) -> str:
    timeframe_ms(timeframe)
    return timeframe


def dirname_to_timeframe(name: str) -> Optional[str]:
    """The timeframe a directory name stands for, None when it is none."""
    try:
        timeframe_ms(name)
    except ValueError:
        return None
    return name


def check_exchange_id(exchange_id: str) -> str:
    if not isinstance(exchange_id, str) or not _EXCHANGE_ID.match(exchange_id):
        raise ValueError('exchange_id must be a ccxt exchange id such as "binance" '
                         '(lower-case letters, digits, "_", "-", "."), got %r'
                         % (exchange_id,))
    return exchange_id


def symbol_to_dirname(symbol: str) -> str:
    """'BTC/USDT' -> 'BTC-USDT', 'BTC/USDT:USDT' -> 'BTC-USDT_USDT'.

    '/' and ':' become '-' and '_'; every other character outside
    [A-Za-z0-9.] (a literal '-' or '_' included) becomes %XX of its UTF-8
    bytes, so :func:`dirname_to_symbol` recovers the symbol exactly."""
    if not isinstance(symbol, str) or not symbol:
        raise ValueError('symbol must be a non-empty string such as "BTC/USDT", '
                         'got %r' % (symbol,))
    out = []
    for char in symbol:
        if char in _PLAIN:
            out.append(char)
        elif char in _SWAPS:
            out.append(_SWAPS[char])
        else:
            out.extend('%%%02X' % byte for byte in char.encode('utf-8'))
    name = ''.join(out)
    if name.startswith('.'):
        name = '%2E' + name[1:]
    return name


def dirname_to_symbol(name: str) -> str:
    """Inverse of :func:`symbol_to_dirname`; ValueError for a name it
    cannot have produced."""
    raw = bytearray()
    i = 0
    while i < len(name):
        char = name[i]
        if char == '%':
            try:
                raw.append(int(name[i + 1:i + 3], 16))
            except ValueError:
                raise ValueError('%r is not an encoded symbol (bad %%XX)' % name) from None
            i += 3
            continue
        raw.extend(_UNSWAPS.get(char, char).encode('utf-8'))
        i += 1
    return raw.decode('utf-8')


def default_root() -> str:
    """``$BACKTRADER_CACHE`` or ``~/.cache/backtrader/ohlcv``."""
    env = os.environ.get('BACKTRADER_CACHE')
    if env:
        return os.path.abspath(os.path.expanduser(env))
    return os.path.join(os.path.expanduser('~'), '.cache', 'backtrader', 'ohlcv')


def month_key(ts_ms: int) -> str:
    """'YYYY-MM' of the UTC month holding ``ts_ms``."""
    when = _dt.datetime.fromtimestamp(ts_ms / 1000.0, tz=_dt.timezone.utc)
    return '%04d-%02d' % (when.year, when.month)


def month_bounds(key: str) -> tuple:
    """First and last ms (inclusive) of the month 'YYYY-MM'."""
    year, month = int(key[:4]), int(key[5:7])
    first = _dt.datetime(year, month, 1, tzinfo=_dt.timezone.utc)
    nxt = _dt.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=_dt.timezone.utc)
    return _epoch_ms(first), _epoch_ms(nxt) - 1


def months_between(start_ms: int, end_ms: int) -> Iterator[str]:
    """Month keys from the month of ``start_ms`` to that of ``end_ms``."""
    key = month_key(start_ms)
    last = month_key(end_ms)
    while key <= last:
        yield key
        key = month_key(month_bounds(key)[1] + 1)


def _epoch_ms(when: _dt.datetime) -> int:
    return int(when.timestamp()) * 1000
