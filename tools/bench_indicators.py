#!/usr/bin/env python3
"""Time the common indicators, side by side with upstream.

Runs unchanged under this package or upstream backtrader, so compare:

    python tools/bench_indicators.py 100000 1
    /tmp/upstream/bin/python -I tools/bench_indicators.py 100000 1

Arguments: number of bars (default 100000) and runonce (1, default, or 0).
For each indicator the cost is the run time with COPIES instances of it
minus the run time of the same strategy without indicators, per instance,
in milliseconds per 100k bars.  ``--inner`` (this package only) times the
indicators' own batch computation (``_once``), without the engine's per-bar
work.
"""
from __future__ import annotations

import sys
import time

import numpy as np
import pandas as pd

import backtrader as bt

COPIES = 5
INDICATORS = {
    'SMA(30)': lambda d: bt.ind.SMA(d, period=30),
    'EMA(30)': lambda d: bt.ind.EMA(d, period=30),
    'WMA(30)': lambda d: bt.ind.WMA(d, period=30),
    'SMMA(30)': lambda d: bt.ind.SMMA(d, period=30),
    'RSI(14)': lambda d: bt.ind.RSI(d, period=14),
    'MACD': lambda d: bt.ind.MACD(d),
    'BBands(20)': lambda d: bt.ind.BollingerBands(d),
    'ATR(14)': lambda d: bt.ind.ATR(d),
    'Stochastic': lambda d: bt.ind.Stochastic(d),
    'CrossOver': lambda d: bt.ind.CrossOver(bt.ind.SMA(d, period=10),
                                            bt.ind.SMA(d, period=30)),
    'Highest(14)': lambda d: bt.ind.Highest(d.high, period=14),
    'Momentum': lambda d: bt.ind.Momentum(d),
}


def make_frame(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(42)
    close = 100 * np.exp(np.cumsum(rng.normal(0, 0.001, n)))
    openp = np.r_[close[0], close[:-1]]
    spread = np.abs(rng.normal(0, 0.0005, n)) * close
    return pd.DataFrame({
        'open': openp, 'high': np.maximum(openp, close) + spread,
        'low': np.minimum(openp, close) - spread, 'close': close,
        'volume': rng.integers(1, 1000, n).astype(float), 'openinterest': 0.0,
    }, index=pd.date_range('2020-01-01', periods=n, freq='min'))


def run(frame: pd.DataFrame, runonce: bool, build, copies: int) -> tuple[float, list]:
    made = []

    class Bench(bt.Strategy):
        def __init__(self):
            if build is not None:
                for _ in range(copies):
                    made.append(build(self.data))

    cerebro = bt.Cerebro(stdstats=False, runonce=runonce)
    cerebro.adddata(bt.feeds.PandasData(dataname=frame))
    cerebro.addstrategy(Bench)
    t0 = time.perf_counter()
    cerebro.run()
    return time.perf_counter() - t0, made


def _reset_tree(obj) -> None:
    for child in getattr(obj, '_lineiterators', {}).get(obj.IndType, []):
        _reset_tree(child)
    obj.reset()


def inner_once(frame: pd.DataFrame, build) -> float:
    """Seconds of one indicator's own ``_once`` (this package), children
    included, without the engine's per-bar work."""
    _, made = run(frame, True, build, 1)
    ind = made[0]
    _reset_tree(ind)
    t0 = time.perf_counter()
    ind._once()
    return time.perf_counter() - t0


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    n = int(args[0]) if args else 100_000
    runonce = (args[1] != '0') if len(args) > 1 else True
    frame = make_frame(n)
    scale = 100_000 / n * 1000.0
    base, _ = run(frame, runonce, None, 0)
    print('%s bars=%d runonce=%s baseline %.3fs' % (bt.__file__, n, runonce, base))
    for name, build in INDICATORS.items():
        total, _ = run(frame, runonce, build, COPIES)
        line = '%-12s %9.1f ms/100k bars' % (name, (total - base) / COPIES * scale)
        if '--inner' in sys.argv:
            line += '   own once: %7.1f ms/100k bars' % (inner_once(frame, build) * scale)
        print(line)


if __name__ == '__main__':
    main()
