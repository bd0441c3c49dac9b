"""Peak memory of a long run with exactbars=1 (minimum buffers).

    python benchmarks/bench_memory.py [--bars 1000000]

Runs the SMA-crossover workload in a fresh process with ``exactbars=1`` and
prints the peak resident memory it reported (the target is under 200 MB for
one million bars).
"""
import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--bars', type=int, default=1_000_000)
    args = ap.parse_args()
    env = dict(os.environ)
    env['PYTHONPATH'] = ROOT + os.pathsep + env.get('PYTHONPATH', '')
    cmd = [sys.executable, os.path.join(HERE, 'workload_smacross.py'),
           str(args.bars), '0', 'light', '1']
    out = subprocess.run(cmd, env=env, capture_output=True, text=True,
                         check=True).stdout
    print(out.strip())


if __name__ == '__main__':
    main()
