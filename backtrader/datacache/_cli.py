"""``python -m backtrader.datacache download|info|verify`` (see the package
docstring).  Bad input exits with code 2 and a message naming what is
wrong, data problems or a failed fetch with 1."""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import re
import sys
import warnings
from typing import Any, Optional, Sequence

from . import _layout as L
from ._cache import DataCache
from ._fetch import DataCacheWarning
from ._storage import CacheError

__all__ = ['main', 'parse_when']

_DAY_MS = 86_400_000


class BadInput(Exception):
    """User input the command cannot run with (exit code 2)."""


def parse_when(text: str, name: str, end_of_day: bool = False) -> int:
    """Epoch ms of 'YYYY-MM-DD', an ISO date-time (UTC unless it carries an
    offset) or a plain integer of ms; a date-only ``end_of_day`` value is
    the last ms of that day."""
    text = text.strip()
    if re.fullmatch(r'-?[0-9]{9,}', text):
        return int(text)
    try:
        if re.fullmatch(r'[0-9]{4}-[0-9]{2}-[0-9]{2}', text):
            day = _dt.datetime.strptime(text, '%Y-%m-%d').replace(tzinfo=_dt.timezone.utc)
            ms = int(day.timestamp()) * 1000
            return ms + _DAY_MS - 1 if end_of_day else ms
        when = _dt.datetime.fromisoformat(text.replace('Z', '+00:00'))
    except ValueError:
        raise BadInput('%s: %r is not a date (YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS][Z] '
                       'or epoch ms)' % (name, text)) from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.timezone.utc)
    return int(round(when.timestamp() * 1000))


def _iso(ms: Optional[int]) -> str:
    if ms is None:
        return '-'
    when = _dt.datetime.fromtimestamp(ms / 1000.0, tz=_dt.timezone.utc)
    return when.strftime('%Y-%m-%dT%H:%M:%SZ')


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog='python -m backtrader.datacache',
                                     description='Local cache of exchange OHLCV history.')
    sub = parser.add_subparsers(dest='command', required=True)
    down = sub.add_parser('download', help='fetch what is missing into the cache')
    down.add_argument('--exchange', required=True, help='ccxt exchange id, e.g. binance')
    down.add_argument('--symbol', required=True, help='ccxt symbol, e.g. BTC/USDT')
    down.add_argument('--timeframe', required=True, help='e.g. 1m, 1h, 1d')
    down.add_argument('--from', dest='start', required=True, help='first bar (date)')
    down.add_argument('--to', dest='end', help='last bar (date; default now)')
    down.add_argument('--now', help='the present, for replayed exchanges (default '
                      'the wall clock)')
    down.add_argument('--limit', type=int, default=1000, help='bars per request')
    down.add_argument('--config', help='JSON file merged into the ccxt config')
    for name, helptext in (('info', 'what is cached'),
                           ('verify', 'validate the cached bars')):
        cmd = sub.add_parser(name, help=helptext)
        cmd.add_argument('--exchange', help='only this exchange id')
        cmd.add_argument('--symbol', help='only this symbol')
        cmd.add_argument('--timeframe', help='only this timeframe')
    for cmd in sub.choices.values():
        cmd.add_argument('--root', help='cache directory (default $BACKTRADER_CACHE '
                         'or ~/.cache/backtrader/ohlcv)')
        cmd.add_argument('--format', choices=('parquet', 'csv'),
                         help='file format for writes (default parquet if available)')
    return parser


def _load_config(path: Optional[str]) -> dict:
    if not path:
        return {}
    try:
        with open(path, encoding='utf-8') as fh:
            config = json.load(fh)
    except OSError as exc:
        raise BadInput('--config: cannot read %s: %s' % (path, exc.strerror or exc)) \
            from None
    except ValueError as exc:
        raise BadInput('--config: %s is not valid JSON: %s' % (path, exc)) from None
    if not isinstance(config, dict):
        raise BadInput('--config: %s must hold a JSON object' % path)
    return config


def _make_exchange(exchange_id: str, config: dict) -> Any:
    import ccxt
    if exchange_id not in ccxt.exchanges:
        close = [e for e in ccxt.exchanges if e.startswith(exchange_id[:3])][:5]
        raise BadInput('--exchange: unknown ccxt exchange id %r%s' % (
            exchange_id, ' (did you mean %s?)' % ', '.join(close) if close else ''))
    base = {'enableRateLimit': True}
    base.update(config)
    exchange = getattr(ccxt, exchange_id)(base)
    api = config.get('urls', {}).get('api')
    if isinstance(api, dict) and isinstance(exchange.urls.get('api'), dict):
        exchange.urls['api'].update(api)
    return exchange


def _download(args: argparse.Namespace) -> int:
    try:
        L.timeframe_ms(args.timeframe)
    except ValueError as exc:
        raise BadInput('--timeframe: %s' % exc) from None
    start = parse_when(args.start, '--from')
    end = parse_when(args.end, '--to', end_of_day=True) if args.end else None
    now = parse_when(args.now, '--now') if args.now else None
    if end is not None and start > end:
        raise BadInput('--from (%s) is after --to (%s)' % (args.start, args.end))
    if args.limit < 1:
        raise BadInput('--limit must be a positive number of bars, got %d' % args.limit)
    config = _load_config(args.config)
    cache = DataCache(args.root, args.format)
    exchange = _make_exchange(args.exchange, config)
    timeframes = getattr(exchange, 'timeframes', None) or {}
    if timeframes and args.timeframe not in timeframes:
        raise BadInput('--timeframe: %s does not offer %r (it has %s)' % (
            args.exchange, args.timeframe, ', '.join(timeframes)))
    exchange.load_markets()
    if args.symbol not in exchange.markets:
        raise BadInput('--symbol: %s has no market %r' % (args.exchange, args.symbol))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always', DataCacheWarning)
        rows = cache.history(exchange, args.symbol, args.timeframe, start, end,
                             page_limit=args.limit, now_ms=now)
    for warning in caught:
        if not issubclass(warning.category, DataCacheWarning):
            print('warning: %s' % warning.message, file=sys.stderr)
    stats, report = cache.last_fetch, cache.last_report
    problems = report.problems if report is not None else 0
    span = '%s..%s' % (_iso(rows[0][0]), _iso(rows[-1][0])) if rows else 'no bars'
    print('%s %s %s: fetched %d bars in %d range(s) (%d requests), %d bars cached '
          '(%s), %d problem(s)%s' % (
              args.exchange, args.symbol, args.timeframe, stats.bars_fetched,
              stats.ranges, stats.requests, len(rows), span, problems,
              ': ' + report.summary() if problems else ''))
    return 0 if stats.complete else 1


def _selected(cache: DataCache, args: argparse.Namespace) -> list:
    return [s for s in cache.series()
            if (args.exchange is None or s.exchange_id == args.exchange)
            and (args.symbol is None or s.symbol == args.symbol)
            and (args.timeframe is None or s.timeframe == args.timeframe)]


def _info(args: argparse.Namespace) -> int:
    cache = DataCache(args.root, args.format)
    series = _selected(cache, args)
    if not series:
        print('nothing cached under %s' % cache.root)
        return 0
    print('cache %s' % cache.root)
    for s in series:
        fetched = ' '.join('%s..%s' % (_iso(a), _iso(b)) for a, b in s.fetched) or '-'
        print('%s %s %s: %d bars %s..%s, %d month(s) [%s], fetched %s' % (
            s.exchange_id, s.symbol, s.timeframe, s.bars, _iso(s.first_ms),
            _iso(s.last_ms), s.months, ','.join(s.formats) or '-', fetched))
    return 0


def _verify(args: argparse.Namespace) -> int:
    cache = DataCache(args.root, args.format)
    wanted = {(s.exchange_id, s.symbol, s.timeframe) for s in _selected(cache, args)}
    bad = 0
    checked = 0
    for info, result in cache.verify():
        if (info.exchange_id, info.symbol, info.timeframe) not in wanted:
            continue
        checked += 1
        text = str(result) if isinstance(result, Exception) else result.summary()
        ok = not isinstance(result, Exception) and result.ok
        bad += 0 if ok else 1
        print('%s %s %s: %s%s' % (info.exchange_id, info.symbol, info.timeframe,
                                  '' if ok else 'PROBLEM: ', text))
    print('verified %d series, %d with problems' % (checked, bad))
    return 1 if bad else 0


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = _parser().parse_args(argv)
    command = {'download': _download, 'info': _info, 'verify': _verify}[args.command]
    try:
        return command(args)
    except BadInput as exc:
        print('error: %s' % exc, file=sys.stderr)
        return 2
    except (ValueError, TypeError) as exc:
        print('error: %s' % exc, file=sys.stderr)
        return 2
    except CacheError as exc:
        print('error: %s' % exc, file=sys.stderr)
        return 1
    except Exception as exc:  # network and exchange errors: report, do not trace
        import ccxt
        if isinstance(exc, ccxt.BaseError):
            print('error: %s: %s' % (type(exc).__name__, exc), file=sys.stderr)
            return 1
        raise
