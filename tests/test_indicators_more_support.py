"""Shared by the tests of the indicators beyond the core ones: loads the
goldens recorded from upstream and the runner that computes the same specs
(tests/goldens/indicators_more_exact).  Checks of its own: the goldens
cover every spec group, dataset and run mode."""
from __future__ import annotations

import json
import sys
from pathlib import Path

MORE = Path(__file__).resolve().parent / 'goldens' / 'indicators_more_exact'
sys.path.insert(0, str(MORE))

import runner  # noqa: E402
import specs  # noqa: E402
from runner import harness  # noqa: E402

GOLDEN = json.loads((MORE / 'goldens.json').read_text())

def cases(dataset: str, modes=tuple(harness.MODES)) -> list:
    """(dataset, mode, group) of every spec group run on ``dataset``."""
    return [(dataset, mode, group) for mode in modes for group in specs.groups_of(dataset)]


def check_case(bt, dataset: str, mode: str, group: str) -> list:
    """Run one spec group on one dataset in one mode; the differences with
    upstream (empty when bit-identical)."""
    want = GOLDEN['datasets'][dataset]['modes'][mode][group]
    got = runner.run_group_safely(bt, dataset, harness.MODES[mode],
                                  specs.GROUPS[group], want)
    return runner.mismatches(want, got)


def test_every_group_runs_somewhere():
    covered = {group for dataset in specs.DATASETS for group in specs.groups_of(dataset)}
    assert covered == set(specs.GROUPS)


def test_goldens_cover_every_group_dataset_and_mode():
    assert GOLDEN['groups'] == {k: [list(s) for s in v] for k, v in specs.GROUPS.items()}
    assert set(GOLDEN['datasets']) == set(specs.DATASETS)
    for dataset in specs.DATASETS:
        modes = GOLDEN['datasets'][dataset]['modes']
        assert set(modes) == set(harness.MODES)
        for mode in modes:
            assert set(modes[mode]) == set(specs.groups_of(dataset))
            for group, entries in modes[mode].items():
                assert set(entries) == {key for key, _ in specs.GROUPS[group]}


def test_flat_data_exercises_the_error_paths():
    errors = {key for mode in GOLDEN['datasets']['synth']['modes'].values()
              for group in mode.values() for key, res in group.items() if 'error' in res}
    assert errors, 'the synthetic data should make some indicators divide by zero'
