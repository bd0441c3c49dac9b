"""``python -m backtrader.simexchange``: run the local exchange until stopped.

    python -m backtrader.simexchange --data BTC/USDT=BTCUSDT-1d.csv \\
        [--futures XRP/USDT=XRPUSDT-PERP-1h.csv --funding rates.csv --mark mark.csv] \\
        --api-key K --api-secret S --port 0 [--start 100] [--speed 2] \\
        [--fault http_error_rate=0.1 --fault-seed 7]

prints ``simexchange ready http://127.0.0.1:PORT`` once it serves, then
serves until interrupted (Ctrl-C or SIGTERM).
"""
from __future__ import annotations

import argparse
import signal
import sys
import threading
from typing import Optional

from . import SimExchange, _faults


def _pair(text: str, what: str) -> tuple:
    name, sep, value = text.partition('=')
    if not sep or not name or not value:
        raise argparse.ArgumentTypeError('%s must look like NAME=VALUE, got %r'
                                         % (what, text))
    return name, value


def _balance(text: str) -> tuple:
    asset, amount = _pair(text, '--balance')
    try:
        return asset.upper(), float(amount)
    except ValueError:
        raise argparse.ArgumentTypeError('--balance %s: %r is not a number'
                                         % (asset, amount)) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog='python -m backtrader.simexchange',
        description='A local exchange speaking Binance REST and WebSocket.')
    parser.add_argument('--data', action='append', default=[],
                        type=lambda t: _pair(t, '--data'), metavar='SYMBOL=CSV',
                        help='spot symbol and its bars (repeatable)')
    parser.add_argument('--futures', action='append', default=[],
                        type=lambda t: _pair(t, '--futures'), metavar='SYMBOL=CSV',
                        help='USDⓈ-M perpetual and its bars (repeatable)')
    parser.add_argument('--funding', action='append', default=[], metavar='[SYMBOL=]CSV',
                        help='funding rate history of a perpetual (the only one '
                        'when SYMBOL= is left out)')
    parser.add_argument('--mark', action='append', default=[], metavar='[SYMBOL=]CSV',
                        help='mark price candles of a perpetual')
    parser.add_argument('--futures-balance', action='append', type=_balance,
                        default=[], metavar='ASSET=AMOUNT',
                        help='start futures wallet (default USDT=10000)')
    parser.add_argument('--api-key', required=True)
    parser.add_argument('--api-secret', required=True)
    parser.add_argument('--balance', action='append', type=_balance, default=[],
                        metavar='ASSET=AMOUNT', help='start balance (repeatable; '
                        'default USDT=10000)')
    parser.add_argument('--start', default=None,
                        help='bar index or ISO time the replay starts at')
    parser.add_argument('--speed', type=float, default=None,
                        help='bars per second (default: only the admin step call '
                        'moves the clock)')
    parser.add_argument('--host', default='127.0.0.1')
    parser.add_argument('--port', type=int, default=0)
    parser.add_argument('--maker-fee', type=float, default=0.001)
    parser.add_argument('--taker-fee', type=float, default=0.001)
    parser.add_argument('--weight-limit', type=int, default=6000)
    _faults.add_arguments(parser)
    return parser


def _per_symbol(items: list, futures: dict, flag: str) -> dict:
    """``{symbol: path}`` of ``--funding``/``--mark`` values; a bare path
    belongs to the only perpetual."""
    out = {}
    for text in items:
        name, sep, path = text.partition('=')
        if not sep:
            if len(futures) != 1:
                raise ValueError('%s %s: name the perpetual (SYMBOL=CSV) when there '
                                 'are %d' % (flag, text, len(futures)))
            name, path = next(iter(futures)), text
        out[name] = path
    return out


def main(argv: Optional[list] = None) -> int:
    args = _parser().parse_args(argv)
    start = args.start
    if start is not None and start.isdigit():
        start = int(start)
    futures = dict(args.futures)
    if not args.data and not futures:
        print('simexchange: give at least one --data or --futures SYMBOL=CSV',
              file=sys.stderr)
        return 2
    try:
        exchange = SimExchange(
            spot=dict(args.data), keys={args.api_key: args.api_secret},
            balances=dict(args.balance) or None, start=start, speed=args.speed,
            maker_fee=args.maker_fee, taker_fee=args.taker_fee,
            weight_limit=args.weight_limit, host=args.host, port=args.port,
            futures=futures, funding=_per_symbol(args.funding, futures, '--funding'),
            mark=_per_symbol(args.mark, futures, '--mark'),
            futures_balances=dict(args.futures_balance) or None,
            faults=_faults.from_args(args))
    except (OSError, ValueError) as exc:
        print('simexchange: %s' % exc, file=sys.stderr)
        return 2
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    exchange.start()
    print('simexchange ready %s' % exchange.url, flush=True)
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        exchange.stop()
    return 0


if __name__ == '__main__':
    sys.exit(main())
