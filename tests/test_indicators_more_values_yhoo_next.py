"""The indicators beyond the core ones give upstream's values bit for bit
on 18 years of daily YHOO prices, bar by bar (next mode).

See test_indicators_more_values_day1.py; datasets and modes are split over
files to keep each one quick."""
from __future__ import annotations

import pytest

import backtrader as bt
import backtrader.studies  # noqa: F401

from test_indicators_more_support import cases, check_case

CASES = cases('yhoo', modes=('next',))


@pytest.mark.parametrize('dataset,mode,group', CASES,
                         ids=['-'.join(case) for case in CASES])
def test_values_bit_identical(dataset, mode, group):
    problems = check_case(bt, dataset, mode, group)
    assert not problems, '\n'.join(problems)
