"""The backtesting broker against upstream backtrader's observed behaviour.

Every scenario of ``_broker_scenarios.py`` (execution types with gaps,
trailing stops, validity, OCO, brackets, margin checks, commissions,
futures, leverage, interest, slippage, volume fillers, cheat-on-close/open,
fund mode, order and fund histories, several datas) was run under upstream
backtrader 1.9.78.123 by ``tools/record_broker_goldens.py``; the recorded
lines (notifications with every execution bit, cash/value/fund figures each
bar, all printed with ``repr`` precision) must be reproduced exactly.
"""
import json
import os

import pytest

import _broker_scenarios as SC
from _broker_fakes import run_scenario

GOLDENS = os.path.join(os.path.dirname(__file__), 'goldens',
                       'broker_scenarios.json')

with open(GOLDENS) as fh:
    EXPECTED = json.load(fh)

SCENARIOS = {sc['name']: sc for sc in SC.SCENARIOS if not sc.get('engine_only')}


def test_every_scenario_has_a_golden():
    assert sorted(sc['name'] for sc in SC.SCENARIOS) == sorted(EXPECTED)


@pytest.mark.parametrize('name', sorted(SCENARIOS))
def test_scenario_matches_upstream(name):
    got = run_scenario(SCENARIOS[name])
    expected = EXPECTED[name]
    for lineno, (want, have) in enumerate(zip(expected, got)):
        assert have == want, 'first difference at line %d' % lineno
    assert len(got) == len(expected)
