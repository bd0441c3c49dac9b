"""Time the SMA-crossover workload under this package and upstream, side by side.

    python benchmarks/bench_smacross.py [--bars 100000] [--repeat 3]
        [--upstream /path/to/upstream-venv/bin/python] [--feed pandas|csv]

Runs each configuration (runonce on/off, light/heavy indicator set) in fresh
processes, alternating between the two packages so machine noise hits both,
keeps the best time of each, checks both printed the same final value and
trade count, and prints the speed ratio.  Without --upstream only this
package is timed.  ``--feed csv`` loads the bars from a CSV file instead of
a DataFrame: upstream's PandasData reads a row at a time through pandas
indexing, which on pandas 2.x is most of its run time, so the CSV variant
shows the engines' difference with less of the feed in it.
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WORKLOAD = os.path.join(HERE, 'workload_smacross.py')
LINE = re.compile(r'seconds=(?P<s>[\d.]+).*value=(?P<v>[-\d.]+) trades=(?P<t>\d+) '
                  r'peak_mb=(?P<m>[\d.]+)')


def run_once(python, bars, runonce, heavy, ours, feed='pandas'):
    env = dict(os.environ)
    if ours:
        env['PYTHONPATH'] = ROOT + os.pathsep + env.get('PYTHONPATH', '')
        cmd = [python, WORKLOAD]
    else:
        env.pop('PYTHONPATH', None)
        cmd = [python, '-I', WORKLOAD]
    cmd += [str(bars), '1' if runonce else '0', 'heavy' if heavy else 'light',
            '0', feed]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd='/',
                         check=True).stdout
    m = LINE.search(out)
    if m is None:
        raise RuntimeError('unexpected output: %r' % out)
    return float(m['s']), m['v'], int(m['t'])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--bars', type=int, default=100_000)
    ap.add_argument('--repeat', type=int, default=3)
    ap.add_argument('--upstream', default=None,
                    help='python of a virtualenv with upstream backtrader')
    ap.add_argument('--feed', choices=['pandas', 'csv'], default='pandas')
    args = ap.parse_args()
    print('bars=%d repeat=%d feed=%s' % (args.bars, args.repeat, args.feed))
    for heavy in (False, True):
        for runonce in (True, False):
            best = {'ours': None, 'upstream': None}
            results = {}
            for _ in range(args.repeat):
                for who in ('ours', 'upstream'):
                    if who == 'upstream' and not args.upstream:
                        continue
                    python = sys.executable if who == 'ours' else args.upstream
                    secs, value, trades = run_once(python, args.bars, runonce,
                                                   heavy, who == 'ours', args.feed)
                    results[who] = (value, trades)
                    if best[who] is None or secs < best[who]:
                        best[who] = secs
            label = '%s runonce=%d' % ('heavy' if heavy else 'light', runonce)
            line = '%-20s ours=%.3fs (value=%s trades=%d)' % (
                label, best['ours'], results['ours'][0], results['ours'][1])
            if args.upstream:
                same = results['ours'] == results['upstream']
                line += ' upstream=%.3fs ratio=%.1fx identical=%s' % (
                    best['upstream'], best['upstream'] / best['ours'], same)
            print(line)


if __name__ == '__main__':
    main()
