"""The scripts in samples/ run and print what their docstrings promise.

Each sample runs as a user would run it (a subprocess of this interpreter,
from an unrelated working directory, on the data bundled with the package).
For the samples of the upstream API the exact figures asserted below are the
ones upstream backtrader 1.9.78.123 printed for the same scripts (run under
its virtualenv with ``--data`` pointing at the bundled CSV), so these tests
also pin compatibility. perpetual_futures.py uses this package's crypto
features, which upstream lacks: its check is on shape and sanity.
"""
import os
import re
import subprocess
import sys

import pytest

SAMPLES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'samples')


def run_sample(name, tmp_path, *args):
    proc = subprocess.run([sys.executable, os.path.join(SAMPLES, name), *args],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def final_value(out):
    match = re.search(r'^Final value: (\d+\.\d\d)$', out, re.M)
    assert match, out
    return float(match.group(1))


def check_sma_crossover(tmp_path):
    out = run_sample('sma_crossover.py', tmp_path)
    assert final_value(out) == 8654.30
    assert 'Trades: 9 (closed 8)' in out
    assert 'Won/lost: 2/6' in out
    assert 'Max drawdown: 34.88% (3559.91)' in out
    assert 'Sharpe ratio (annualised): -0.265' in out
    assert 'Total return: -14.45%, annualised: -13.49%' in out
    # the options reach the strategy and the sizer
    other = run_sample('sma_crossover.py', tmp_path, '--fast', '10', '--slow', '50',
                       '--percents', '50')
    assert final_value(other) not in (8654.30, 10000.0)


def check_bracket_orders(tmp_path):
    out = run_sample('bracket_orders.py', tmp_path)
    assert final_value(out) == 10014.58
    assert 'Closed trades: 14' in out
    assert 'Won/lost: 6/8' in out
    assert 'Order notifications: Accepted=42, Canceled=14, Completed=28, Submitted=42' in out
    # a stop fill cancels its take-profit sibling, and the other way round
    assert ('2022-05-06 ORDER 2 stop        Sell Completed: -0.1000 @ 36552.97, '
            'commission 3.66\n2022-05-06 ORDER 3 take-profit Sell Canceled\n') in out
    assert ('2022-07-08 ORDER 12 take-profit Sell Completed: -0.1000 @ 22507.86, '
            'commission 2.25\n2022-07-08 ORDER 11 stop        Sell Canceled\n') in out
    assert '2022-07-08 TRADE closed: gross 204.62, net 200.32, 1 bars' in out


def check_multi_timeframe(tmp_path):
    out = run_sample('multi_timeframe.py', tmp_path, '--verbose')
    assert final_value(out) == 8081.05
    assert 'Daily bars: 364, weekly bars: 53' in out
    assert 'Last daily SMA(20): 27667.36, last weekly SMA(10): 24924.87' in out
    assert 'Trades: 9' in out
    # a weekly bar is seen on the daily clock once a week, with the weekly SMA
    weeks = re.findall(r'^(\S+) week closed', out, re.M)
    assert len(weeks) == 44
    assert weeks[:2] == ['2022-06-13', '2022-06-20']
    assert '2022-06-13 week closed 26574.53, weekly SMA 34137.85, daily SMA 29427.08' in out


def check_optimization(tmp_path):
    out = run_sample('optimization.py', tmp_path)
    assert 'Runs: 12' in out
    rows = re.findall(r'^ +(\d+) +(\d+) +(\d+) +(\d+\.\d\d) +(\d+\.\d\d)$', out, re.M)
    assert len(rows) == 12
    assert {(int(f), int(s)) for f, s, *_ in rows} == {
        (f, s) for f in (5, 10, 15, 20) for s in (30, 50, 70)}
    assert '   10    30       9      8654.30     34.88' in out  # as sma_crossover.py
    assert ('Best params: fast=10 slow=50 -> final value 11130.18 '
            '(4 trades, max drawdown 31.13%)') in out
    assert max(float(r[3]) for r in rows) == 11130.18


def check_pandas_feed(tmp_path):
    out = run_sample('pandas_feed.py', tmp_path)
    assert 'DataFrame: 364 rows, 2022-04-06 .. 2023-04-04' in out
    for mode in ('True ', 'False'):
        assert ('runonce=%s: 17 orders, last channel pos 0.7986, last up streak 1, '
                'final value 8972.41' % mode) in out
    assert 'Same in both modes: channel=True, streak=True, orders=True, value=True' in out
    assert final_value(out) == 8972.41


def check_order_types(tmp_path):
    out = run_sample('order_types.py', tmp_path)
    assert final_value(out) == 10191.19
    assert 'Steps run: 7 of 7' in out
    lives = dict(re.findall(r'^ +\d+ (\w+) +(Submitted.*)$', out, re.M))
    done = 'Submitted -> Accepted -> Completed'
    for exectype in ('Market', 'Stop', 'StopLimit', 'StopTrail'):
        assert lives[exectype] == done, exectype
    assert '    3 Limit     %s' % done in out
    assert '    5 Limit     Submitted -> Accepted -> Expired' in out
    assert '   12 Limit     Submitted -> Accepted -> Canceled' in out
    # valid=date: expires at the end of the given day; cancel() is notified next bar
    assert '2022-06-21 ORDER 5 Buy Limit Expired' in out
    assert '2022-10-05 CANCEL order 12\n2022-10-06 ORDER 12 Buy Limit Canceled' in out
    # the trailing stop followed the price up before it sold at a profit
    assert '2022-09-06 ORDER 10 Buy Market Completed: 0.1000 @ 19795.34' in out
    assert '2022-09-13 ORDER 11 Sell StopTrail Completed: -0.1000 @ 21275.95' in out


def check_perpetual_futures(tmp_path):
    # crypto features of this package only (no upstream reference): check
    # the shape and sanity of the figures rather than exact values
    out = run_sample('perpetual_futures.py', tmp_path)
    assert 'Leverage: 10x isolated margin, liquidation by mark price' in out
    match = re.search(r'^Final value: (\d+\.\d\d) USDT \(start 1000\.00\)$', out, re.M)
    assert match and float(match.group(1)) > 0.0, out
    closed = re.search(r'^Trades: (\d+) closed, net pnl -?\d+\.\d\d$', out, re.M)
    assert closed and int(closed.group(1)) > 0, out
    fees = re.search(r'^Fees paid: (\d+\.\d{4}) USDT$', out, re.M)
    assert fees and float(fees.group(1)) > 0.0, out
    funding = re.search(r'^Funding: paid \d+\.\d{4}, received \d+\.\d{4}, '
                        r'net -?\d+\.\d{4} in (\d+) payments$', out, re.M)
    assert funding and int(funding.group(1)) > 0, out
    assert re.search(r'^Liquidations: \d+$', out, re.M), out


def check_plot_chart(tmp_path):
    pytest.importorskip('matplotlib')
    out = run_sample('plot_chart.py', tmp_path, 'run.png', '--style', 'candle',
                     '--dpi', '50')
    assert re.search(r'^Final value: \d+\.\d\d$', out, re.M), out
    assert 'Chart saved: run.png (6 axes, 800x450 pixels)' in out, out
    assert (tmp_path / 'run.png').stat().st_size > 20_000


CHECKS = {
    'sma_crossover.py': check_sma_crossover,
    'bracket_orders.py': check_bracket_orders,
    'multi_timeframe.py': check_multi_timeframe,
    'optimization.py': check_optimization,
    'pandas_feed.py': check_pandas_feed,
    'order_types.py': check_order_types,
    'perpetual_futures.py': check_perpetual_futures,
    'plot_chart.py': check_plot_chart,
}


@pytest.mark.parametrize('name', sorted(CHECKS))
def test_sample(name, tmp_path):
    CHECKS[name](tmp_path)


def test_every_sample_is_checked_and_listed():
    on_disk = {f for f in os.listdir(SAMPLES) if f.endswith('.py')}
    assert on_disk == set(CHECKS), 'samples without a check (or checks without a sample)'
    with open(os.path.join(SAMPLES, 'README.md'), encoding='utf-8') as fh:
        readme = fh.read()
    for name in on_disk:
        assert 'python samples/%s' % name in readme, name


def test_samples_use_no_data_outside_the_project():
    for name in CHECKS:
        with open(os.path.join(SAMPLES, name), encoding='utf-8') as fh:
            source = fh.read()
        assert '/work/' not in source and 'shared' not in source, name
        assert source.startswith('"""'), '%s needs a module docstring' % name
        assert "if __name__ == '__main__':" in source, name


def test_optimization_in_two_processes(tmp_path):
    out = run_sample('optimization.py', tmp_path, '--maxcpus', '2',
                     '--fast', '5,10', '--slow', '50')
    assert ('Best params: fast=10 slow=50 -> final value 11130.18 '
            '(4 trades, max drawdown 31.13%)') in out
