"""The indicators beyond the core ones give upstream's values bit for bit
on the daily 2006 data and on synthetic data with flat stretches, in
runonce and next mode.

tests/goldens/indicators_more_exact/goldens.json holds digests of the
full-precision lines upstream computed for every spec group of its
specs.py (tools/record_indicator_more_exact.py).  A single differing bit, a
different minimum period or a different exception type fails.
"""
from __future__ import annotations

import pytest

import backtrader as bt
import backtrader.studies  # noqa: F401

from test_indicators_more_support import cases, check_case

CASES = cases('day1') + cases('synth')


@pytest.mark.parametrize('dataset,mode,group', CASES,
                         ids=['-'.join(case) for case in CASES])
def test_values_bit_identical(dataset, mode, group):
    problems = check_case(bt, dataset, mode, group)
    assert not problems, '\n'.join(problems)
