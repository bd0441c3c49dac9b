"""Time loading data feeds under this package and upstream, side by side.

    python benchmarks/bench_feeds.py [--upstream /path/to/venv/bin/python]
        [--repeat 3] [--rows 30000]

Each case (CSV formats, pandas, resample, replay; preloaded or bar by bar)
runs in a fresh process per package, alternating so machine noise hits
both; the best time of each is kept, the bar counts must agree, and the
speed ratio is printed.  Without --upstream only this package is timed.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(ROOT, 'tests', 'data', 'upstream')

# the child: builds one feed, loads it, prints "<bars> <seconds>"
CHILD = r'''
import sys, time
import backtrader as bt
TF = bt.TimeFrame
case, path, mode = sys.argv[1], sys.argv[2], sys.argv[3]
GEN = dict(dtformat='%Y-%m-%d', time=1, open=2, high=3, low=4, close=5, volume=6,
           openinterest=7, timeframe=TF.Minutes)
if case == 'pandas':
    import pandas as pd
    import numpy as np
    n = int(path)
    idx = pd.date_range('2020-01-01', periods=n, freq='min')
    v = np.linspace(100.0, 200.0, n)
    frame = pd.DataFrame({'open': v, 'high': v + 1, 'low': v - 1, 'close': v,
                          'volume': v}, index=idx)
t0 = time.perf_counter()
if case == 'btcsv':
    data = bt.feeds.BacktraderCSVData(dataname=path, timeframe=TF.Minutes)
elif case == 'generic':
    data = bt.feeds.GenericCSVData(dataname=path, **GEN)
elif case == 'pandas':
    data = bt.feeds.PandasData(dataname=frame)
elif case == 'resample':
    data = bt.feeds.BacktraderCSVData(dataname=path, timeframe=TF.Minutes)
    data.resample(timeframe=TF.Minutes, compression=60)
elif case == 'replay':
    data = bt.feeds.BacktraderCSVData(dataname=path, timeframe=TF.Minutes)
    data.replay(timeframe=TF.Minutes, compression=60)
data.setenvironment(bt.Cerebro())
data._start()
if mode == 'preload':
    data.preload()
else:
    while data.next():
        pass
print(data.buflen(), time.perf_counter() - t0)
'''

CASES = [('btcsv', 'preload'), ('btcsv', 'next'), ('generic', 'preload'),
         ('generic', 'next'), ('pandas', 'preload'), ('pandas', 'next'),
         ('resample', 'preload'), ('replay', 'next')]


def _make_csv(rows: int) -> str:
    """A minute file of ``rows`` lines built by repeating the bundled one
    with the dates shifted (so every bar is distinct and ordered)."""
    import datetime
    src = os.path.join(DATA, '2006-01-02-volume-min-001-3days.txt')
    with open(src) as fobj:
        header, *body = fobj.read().splitlines()
    out = [header]
    day = datetime.date(2006, 1, 2)
    while len(out) <= rows:
        for line in body:
            fields = line.split(',')
            fields[0] = day.isoformat()
            out.append(','.join(fields))
            if fields[1] == '22:00:00':
                day += datetime.timedelta(days=1)
    fd, path = tempfile.mkstemp(suffix='.txt')
    with os.fdopen(fd, 'w') as fobj:
        fobj.write('\n'.join(out[:rows + 1]) + '\n')
    return path


def _run(python: str, case: str, arg: str, mode: str, ours: bool) -> tuple:
    env = dict(os.environ)
    if ours:
        env['PYTHONPATH'] = ROOT + os.pathsep + env.get('PYTHONPATH', '')
    else:
        env.pop('PYTHONPATH', None)
    # an empty directory: nothing there can shadow a module
    with tempfile.TemporaryDirectory() as cwd:
        proc = subprocess.run([python, '-c', CHILD, case, arg, mode], env=env,
                              capture_output=True, text=True, cwd=cwd)
    if proc.returncode:
        raise SystemExit('%s %s/%s failed:\n%s' % (python, case, mode, proc.stderr))
    out = proc.stdout.split()
    return int(out[0]), float(out[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--upstream', help='python of a virtualenv with upstream')
    parser.add_argument('--repeat', type=int, default=3)
    parser.add_argument('--rows', type=int, default=30000)
    args = parser.parse_args()
    path = _make_csv(args.rows)
    try:
        for case, mode in CASES:
            arg = str(args.rows) if case == 'pandas' else path
            best = {}
            for _ in range(args.repeat):
                for ours in (True, False) if args.upstream else (True,):
                    python = sys.executable if ours else args.upstream
                    bars, secs = _run(python, case, arg, mode, ours)
                    prev = best.get(ours)
                    if prev is not None and prev[0] != bars:
                        raise SystemExit('%s/%s: bar counts differ' % (case, mode))
                    best[ours] = (bars, min(secs, prev[1]) if prev else secs)
            line = '%-9s %-8s %7d bars  ours %7.3fs' % (case, mode, best[True][0],
                                                        best[True][1])
            if args.upstream:
                if best[False][0] != best[True][0]:
                    raise SystemExit('%s/%s: upstream delivered %d bars, ours %d'
                                     % (case, mode, best[False][0], best[True][0]))
                line += '  upstream %7.3fs  x%.1f' % (best[False][1],
                                                     best[False][1] / best[True][1])
            print(line, flush=True)
    finally:
        os.unlink(path)


if __name__ == '__main__':
    main()
