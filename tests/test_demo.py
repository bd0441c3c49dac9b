"""The main job (python -m backtrader.demo) gives upstream's numbers.

Expected values were printed by upstream backtrader 1.9.78.123 running the
same strategy, data and commission scheme (demo.py with its data path
pointed at the bundled file, under the upstream virtualenv).
"""
import subprocess
import sys

from backtrader import demo


def test_demo_figures_match_upstream():
    s = demo.run(verbose=False)
    assert '%f' % s['final_value'] == '%f' % 8654.361006681807
    assert s['trades'].total.total == 9
    assert s['trades'].total.closed == 8
    assert '%f' % s['sharpe'] == '%f' % -0.2647630586083555
    assert '%f' % s['maxdrawdown'] == '%f' % 34.88092742817964
    assert '%f' % s['sqn'] == '%f' % -0.6415934863567685


def test_demo_runs_as_module():
    out = subprocess.run([sys.executable, '-m', 'backtrader.demo'],
                         capture_output=True, text=True, check=True).stdout
    assert 'Final value    : 8654.36 USDT' in out
    assert 'Trades         : 9 (closed 8, won 2, lost 6)' in out


def test_fractional_sizes_follow_the_step():
    ci = demo.SpotCommInfo()
    assert ci.getsize(43170.47, 9500.0) == 0.22005
    assert ci.getsize(43170.47, 1.0) == 0.00002
