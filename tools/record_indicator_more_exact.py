#!/usr/bin/env python3
"""Record upstream's indicator values for the indicators beyond the core ones.

Run it with the reference interpreter (upstream backtrader 1.9.78.123),
isolated so it cannot import this project's package; statsmodels must be
importable for the regression goldens (put it on PYTHONPATH):

    PYTHONPATH=/path/to/statsmodels /tmp/upstream/bin/python \\
        tools/record_indicator_more_exact.py

Every group of tests/goldens/indicators_more_exact/specs.py runs in one
strategy on every dataset, in runonce and next mode; digests of the
full-precision lines go to tests/goldens/indicators_more_exact/goldens.json
(a group that makes upstream raise is rerun spec by spec and the failing
specs are stored as the exception's type name).  Also recorded: the public
surface of the classes (lines, params, plot settings, aliases), the plot
labels of the specs, the two-data regressions, pivot points seen bar by
bar on a monthly resample, values seen bar by bar with exactbars=1 and
on a weekly replay.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MORE = ROOT / 'tests' / 'goldens' / 'indicators_more_exact'
EXACT = ROOT / 'tests' / 'goldens' / 'indicators_exact'
sys.path.insert(0, str(EXACT))
sys.path.insert(0, str(MORE))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402
import runner  # noqa: E402
import specs  # noqa: E402


def _import_upstream():
    import backtrader as bt
    import backtrader.studies  # noqa: F401 - bt.studies is not imported by default
    if str(ROOT) in bt.__file__:
        raise SystemExit('imported the project, not upstream: %s' % bt.__file__)
    return bt


def _group_digests(bt, dataset: str, runonce: bool, group: list) -> dict:
    try:
        results = runner.run_specs(bt, dataset, runonce, group)
    except Exception:  # noqa: BLE001 - find which specs raise, one by one
        results = {}
        for spec in group:
            try:
                results.update(runner.run_specs(bt, dataset, runonce, [spec]))
            except Exception as exc:  # noqa: BLE001 - upstream failures are data
                results[spec[0]] = {'error': type(exc).__name__}
    return {key: runner.digest(res) for key, res in results.items()}


def _datasets(bt) -> dict:
    out = {}
    for dataset in specs.DATASETS:
        modes = {}
        for mode, runonce in harness.MODES.items():
            modes[mode] = {name: _group_digests(bt, dataset, runonce, group)
                           for name, group in specs.groups_of(dataset).items()}
        out[dataset] = {'bars': len(harness.load_columns(dataset)['close']), 'modes': modes}
        print(dataset, 'done', file=sys.stderr)
    return out


def _extra(bt) -> dict:
    out = {'ols': {}, 'pivot': {}}
    out['bounded'] = {key: runner.digest(res) for key, res in runner.run_bounded(bt).items()}
    out['replay'] = {key: runner.digest(res) for key, res in runner.run_replay(bt).items()}
    for mode, runonce in harness.MODES.items():
        ols = runner.run_ols(bt, runonce)
        out['ols'][mode] = {key: runner.digest(res) for key, res in ols.items()}
        pivots = runner.run_pivots(bt, runonce)
        out['pivot'][mode] = {key: runner.digest(res) for key, res in pivots.items()}
    return out


def main() -> int:
    bt = _import_upstream()
    golden = {'backtrader_version': bt.__version__,
              'groups': specs.GROUPS, 'datasets': _datasets(bt)}
    golden.update(_extra(bt))
    names = runner.api_names(bt)
    golden['api'] = {'names': names, 'classes': harness.describe(bt, names),
                     'movav': harness.movav_names(bt),
                     'plot': runner.plot_info(bt),
                     'fractal': runner.describe_studies(bt)['Fractal']}
    text = json.dumps(golden, indent=0, allow_nan=True)
    (MORE / 'goldens.json').write_text(text + '\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
