#!/usr/bin/env python3
"""Record tests/goldens/btrun.json: upstream btrun's output for a few
command lines, its parse_args defaults and its option names.

Upstream's console script is run with a scratch working directory and a
clean environment (no PYTHONPATH) so it uses upstream's backtrader.  Paths
under this tree are stored as ``{root}/...`` and filled in by the test.

Usage: tools/record_btrun.py [--btrun /tmp/upstream/bin/btrun]
                             [--python /tmp/upstream/bin/python]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / 'tests' / 'goldens' / 'btrun.json'

DAY1 = '{root}/tests/data/upstream/2006-day-001.txt'
DAY2 = '{root}/tests/data/upstream/2006-day-002.txt'
MIN5 = '{root}/tests/data/upstream/2006-min-005.txt'
YHOO = '{root}/tests/data/upstream/yhoo-2014.txt'
USERMOD = 'btrun_signal'   # copied into the working directory

COMMANDS = {
    'sma_sharpe_pranalyzer': [
        '--csvformat', 'btcsv', '--data', DAY1, '--strategy', ':SMA_CrossOver',
        '--cash', '10000', '--analyzer', ':SharpeRatio', '--pranalyzer'],
    'kwargs_ppranalyzer': [
        '--data', DAY1, '--strategy', ':SMA_CrossOver:fast=5,slow=20',
        '--analyzer', ':SharpeRatio:timeframe=bt.TimeFrame.Months',
        '--analyzer', ':TradeAnalyzer', '--ppranalyzer'],
    'yahoo_dates_commission': [
        '--format', 'yahoocsv', '--data', YHOO, '--fromdate', '2014-03-01',
        '--todate', '2014-10-31', '--strategy', ':SMA_CrossOver',
        '--commission', '0.001', '--analyzer', ':Returns', '--analyzer', ':SQN',
        '--pranalyzer'],
    'writer_indicator_observer': [
        '-d', DAY1, '--fromdate', '2006-12-01', '-st', ':SMA_CrossOver:fast=2,slow=3',
        '--writer', '--indicator', ':RSI:period=5', '--observer', ':DrawDown'],
    'two_datas_futures_like': [
        '-d', DAY1, '-d', DAY2, '-st', ':SMA_CrossOver', '-an', ':DrawDown',
        '-an', ':TimeReturn:timeframe=bt.TimeFrame.Months', '-pralyzer',
        '--cash', '50000', '--commission', '2', '--mult', '10', '--margin', '2000'],
    'resample_slippage': [
        '-d', DAY1, '--resample', 'weeks', '-st', ':SMA_CrossOver:fast=3,slow=8',
        '-an', ':Transactions', '-an', ':SQN', '-pralyzer', '--slip_perc', '0.01',
        '--slip_open'],
    'replay_minutes': [
        '-d', MIN5, '--timeframe', 'minutes', '--compression', '5',
        '--replay', 'minutes:30', '-st', ':SMA_CrossOver', '-an', ':SQN',
        '-ppralyzer', '--slip_fixed', '0.5', '--no-slip_match'],
    'user_module_signal_hook': [
        '-d', DAY1, '--signal', USERMOD + ':CloseOverSMA:period=15',
        '--signal', 'short+' + USERMOD + ':CloseOverSMA:period=30',
        '--hook', USERMOD + ':announce:level=2', '--hook', ':addtz:tz=None',
        '--analyzer', USERMOD + ':Count', '--analyzer', ':SQN', '--pranalyzer',
        '--cerebro', 'runonce=False', '--nostdstats'],
    'user_module_strategy': [
        '-d', DAY1, '-d', DAY2, '--strategy',
        USERMOD + ':Report:tag="x",frame=bt.TimeFrame.Weeks', '--strategy', USERMOD,
        '--indicator', ':SMA:period=5', '--cash', '25000', '--commission', '0.002',
        '--interest', '0.03', '--interest_long'],
}

PARSE_CHILD = (
    'import json, sys, backtrader.btrun; '
    'm = sys.modules["backtrader.btrun.btrun"]; '
    'print(json.dumps({"defaults": vars(m.parse_args(["--data", "x"])), '
    '"timeframes": m.TIMEFRAMES, "formats": list(m.DATAFORMATS)}))')


def _env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith('PYTHON')}
    env['MPLBACKEND'] = 'Agg'
    return env


def _run(cmd: list[str], cwd: str) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, env=_env(), capture_output=True, text=True,
                          timeout=300)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--btrun', default='/tmp/upstream/bin/btrun')
    parser.add_argument('--python', default='/tmp/upstream/bin/python')
    args = parser.parse_args(argv)
    golden: dict = {'commands': {}}
    with tempfile.TemporaryDirectory(prefix='btrun-golden-') as cwd:
        shutil.copy(ROOT / 'tests' / 'data' / 'btrun' / (USERMOD + '.py'), cwd)
        for name, cmd in COMMANDS.items():
            real = [a.replace('{root}', str(ROOT)) for a in cmd]
            proc = _run([args.btrun] + real, cwd)
            if proc.returncode != 0:
                sys.stderr.write('%s failed (rc=%d):\n%s' % (name, proc.returncode,
                                                             proc.stderr))
                return 1
            golden['commands'][name] = {'argv': cmd, 'stdout': proc.stdout}
        helpout = _run([args.btrun, '--help'], cwd).stdout
        info = json.loads(_run([args.python, '-I', '-c', PARSE_CHILD], cwd).stdout)
    golden['long_options'] = sorted(set(re.findall(r'(--[a-z_-]+)', helpout)))
    golden.update(info)
    GOLDEN.write_text(json.dumps(golden, indent=1) + '\n')
    print('wrote %s (%d commands)' % (GOLDEN.relative_to(ROOT), len(COMMANDS)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
