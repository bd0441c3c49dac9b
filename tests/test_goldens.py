"""Compatibility with upstream backtrader: every scenario in every run mode.

The goldens under tests/goldens were recorded with upstream backtrader
1.9.78.123 by tools/record_goldens.py.  Each test runs one scenario in one
run mode under the package being tested and compares the result with the
golden using tests/golden_compare.py; the failure message names the first
differing element.  Modes in which upstream itself raised are skipped with
upstream's error as the reason.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # any import mode

from golden_compare import compare  # noqa: E402
from scenarios import _harness  # noqa: E402

GOLDEN_DIR = Path(__file__).resolve().parent / 'goldens'


def _load_goldens() -> dict:
    """Goldens of the scenario modules (other files in goldens/ are not
    ours: other tests keep their own recordings there)."""
    goldens = {}
    for name in _harness.scenario_names():
        path = GOLDEN_DIR / (name + '.json')
        if path.exists():
            with path.open() as fh:
                goldens[name] = json.load(fh)
    return goldens


GOLDENS = _load_goldens()
CASES = [(name, mode) for name in GOLDENS for mode in _harness.MODES]


def test_every_scenario_has_a_golden():
    missing = sorted(set(_harness.scenario_names()) - set(GOLDENS))
    assert not missing, 'record with tools/record_goldens.py: %s' % missing
    for name, golden in GOLDENS.items():
        assert golden.get('scenario') == name, name
        assert sorted(golden['modes']) == sorted(_harness.MODES), name


@pytest.mark.parametrize('name,mode', CASES,
                         ids=['%s-%s' % case for case in CASES])
def test_golden(name: str, mode: str) -> None:
    golden = GOLDENS[name]
    expected = _harness.expand_result(golden, mode)
    upstream_error = expected.get(_harness.EXCEPTION_KEY)
    if upstream_error is not None:
        # upstream crashed in this mode: nothing to compare, but we must not
        # fail in another way (the same error, or a completed run, is fine)
        try:
            _harness.run_mode(name, mode)
        except Exception as exc:  # noqa: BLE001 - compared with upstream's
            assert type(exc).__name__ == upstream_error['type'], (
                '%s [%s]: raised %r where upstream raised %s'
                % (name, mode, exc, upstream_error['type']))
        return
    actual = _harness.run_mode(name, mode)
    difference = compare(expected, actual)
    assert difference is None, '%s [%s]: %s' % (name, mode, difference)
