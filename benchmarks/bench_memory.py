"""Peak memory of a long run with exactbars=1 (minimum buffers).

    python benchmarks/bench_memory.py [--bars 1000000] [--feed csv|pandas]

Runs the SMA-crossover workload in a fresh process with ``exactbars=1`` and
prints the peak resident memory it reported (the target is under 200 MB for
one million bars).  With ``--feed csv`` (the default) the bars are written
to a CSV file by another process first and the run streams them from it,
the way a long history is fed in minimum-memory mode, so the peak is the
engine's (plus the interpreter and numpy).  ``--feed pandas`` builds the
whole DataFrame in the measured process: its construction alone (numpy
temporaries, pandas' import) then sets most of the peak.
"""
import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WORKLOAD = os.path.join(HERE, 'workload_smacross.py')


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--bars', type=int, default=1_000_000)
    ap.add_argument('--feed', choices=['csv', 'pandas'], default='csv')
    args = ap.parse_args()
    env = dict(os.environ)
    env['PYTHONPATH'] = ROOT + os.pathsep + env.get('PYTHONPATH', '')
    with tempfile.TemporaryDirectory() as tmp:
        feed = 'pandas'
        if args.feed == 'csv':
            path = os.path.join(tmp, 'bars.csv')
            subprocess.run([sys.executable, WORKLOAD, '--write-csv', path,
                            str(args.bars)], env=env, check=True)
            feed = 'csvfile=' + path
        cmd = [sys.executable, WORKLOAD, str(args.bars), '0', 'light', '1', feed]
        out = subprocess.run(cmd, env=env, capture_output=True, text=True,
                             check=True).stdout
    print('feed=%s %s' % (args.feed, out.strip()))


if __name__ == '__main__':
    main()
