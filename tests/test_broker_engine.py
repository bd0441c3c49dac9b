"""The broker scenarios through this package's real Cerebro and Strategy.

Same goldens as ``test_broker_scenarios.py`` (recorded with upstream
backtrader 1.9.78.123's Cerebro in runonce mode), replayed in several run
modes: the broker's behaviour and the order of notifications must not
depend on them.  Also covers the strategy helpers built on the broker
(brackets, order_target_*, close).
"""
import contextlib
import io
import json
import os

import pytest

pytest.importorskip('pandas')

import _broker_scenarios as SC  # noqa: E402

GOLDENS = os.path.join(os.path.dirname(__file__), 'goldens',
                       'broker_scenarios.json')
with open(GOLDENS) as fh:
    EXPECTED = json.load(fh)

SCENARIOS = {sc['name']: sc for sc in SC.SCENARIOS}
MODES = {
    'runonce': dict(),
    'next': dict(runonce=False),
    'nopreload': dict(preload=False),
    'exactbars1': dict(exactbars=1),
}
# a representative subset in the slower/alternative modes
SUBSET = sorted(n for n in SCENARIOS
                if n.startswith(('engine_', 'bracket', 'oco', 'market', 'stoplimit',
                                 'trail', 'intraday', 'futures', 'multi', 'coo',
                                 'fill_', 'ohist', 'fhist')))


def _run(name, mode):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        SC.run_with_cerebro(SCENARIOS[name], **MODES[mode])
    return out.getvalue().splitlines()


def _check(name, mode):
    got = _run(name, mode)
    expected = EXPECTED[name]
    for lineno, (want, have) in enumerate(zip(expected, got)):
        assert have == want, 'first difference at line %d' % lineno
    assert len(got) == len(expected)


@pytest.mark.parametrize('name', sorted(SCENARIOS))
def test_scenario_runonce(name):
    _check(name, 'runonce')


@pytest.mark.parametrize('mode', ['next', 'nopreload', 'exactbars1'])
@pytest.mark.parametrize('name', SUBSET)
def test_scenario_other_modes(name, mode):
    _check(name, mode)
