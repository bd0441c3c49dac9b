"""Golden-test scenarios.

Each public module defines ``run(runonce, preload, exactbars) -> dict``
returning everything a user could observe while running one backtest.
tools/record_goldens.py records the results under upstream backtrader and
tests/test_goldens.py compares this package against them.
"""
