#!/usr/bin/env python3
"""Record upstream's full-precision indicator values for the exactness tests.

Run it with the reference interpreter (a virtualenv holding upstream
backtrader 1.9.78.123), isolated so it cannot import this project's package:

    /tmp/upstream/bin/python -I tools/record_indicator_exact.py [--full DIR]

Every spec of tests/goldens/indicators_exact/harness.py runs on every dataset
in runonce and next mode; the digests go to
tests/goldens/indicators_exact/goldens.json.  Specs that make upstream raise
are rerun one by one and stored as the exception's type name.  ``--full``
also writes the raw arrays (one JSON file per dataset) for debugging.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXACT = ROOT / 'tests' / 'goldens' / 'indicators_exact'
sys.path.insert(0, str(EXACT))

import harness  # noqa: E402

SAME = 'same_as'


def _import_upstream():
    import backtrader as bt
    if str(ROOT) in bt.__file__:
        raise SystemExit('imported the project, not upstream: %s' % bt.__file__)
    return bt


def _run(bt, pd, dataset: str, runonce: bool, specs: list) -> dict:
    cols = harness.load_columns(dataset)
    frame = pd.DataFrame({k: cols[k] for k in ('open', 'high', 'low', 'close', 'volume')},
                         index=pd.DatetimeIndex(cols['datetime']))
    nbars = len(frame)
    made = {}

    class Holder(bt.Strategy):
        def __init__(self):
            for key, expr in specs:
                made[key] = harness.build(bt, self.data, expr)

    cerebro = bt.Cerebro(stdstats=False, runonce=runonce, preload=True)
    data = bt.feeds.PandasData(dataname=frame, openinterest=None)
    cerebro.adddata(data)
    cerebro.addstrategy(Holder)
    cerebro.run()
    for name in ('open', 'high', 'low', 'close'):
        got = list(getattr(data, name).array)[:nbars]
        if got != cols[name]:
            raise SystemExit('feed altered %s of %s' % (name, dataset))
    return {key: harness.collect(ind, nbars) for key, ind in made.items()}


def _run_all(bt, pd, dataset: str, runonce: bool) -> dict:
    try:
        return _run(bt, pd, dataset, runonce, harness.SPECS)
    except Exception:  # noqa: BLE001 - find which specs raise, one by one
        pass
    out = {}
    for spec in harness.SPECS:
        try:
            out.update(_run(bt, pd, dataset, runonce, [spec]))
        except Exception as exc:  # noqa: BLE001 - upstream failures are data
            out[spec[0]] = {'error': type(exc).__name__}
    return out


def _digest(results: dict) -> dict:
    out = {}
    for key, res in results.items():
        if 'error' in res:
            out[key] = res
            continue
        out[key] = {'minperiod': res['minperiod'],
                    'lines': {n: harness.summarise(v) for n, v in res['lines'].items()}}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--full', help='directory for the raw arrays')
    parser.add_argument('datasets', nargs='*', default=list(harness.DATASETS))
    args = parser.parse_args()
    bt = _import_upstream()
    import pandas as pd
    target = EXACT / 'goldens.json'
    golden = {'backtrader_version': bt.__version__, 'specs': harness.SPECS,
              'datasets': {}}
    if target.exists() and set(args.datasets) != set(harness.DATASETS):
        old = json.loads(target.read_text())
        if old.get('specs') == [list(s) for s in harness.SPECS]:
            golden['datasets'] = old['datasets']
        else:
            raise SystemExit('specs changed: record every dataset again')
    for dataset in args.datasets:
        modes = {}
        raw = {}
        for mode, runonce in harness.MODES.items():
            res = _run_all(bt, pd, dataset, runonce)
            raw[mode] = res
            modes[mode] = _digest(res)
        if modes['next'] == modes['once']:
            modes['next'] = {SAME: 'once'}
        golden['datasets'][dataset] = {
            'bars': len(harness.load_columns(dataset)['close']), 'modes': modes}
        if args.full:
            path = Path(args.full) / ('%s.json' % dataset)
            path.write_text(json.dumps(raw, allow_nan=True))
        print(dataset, 'done', file=sys.stderr)
    names = harness.api_names(bt)
    golden['api'] = {'names': names, 'classes': harness.describe(bt, names),
                     'movav': harness.movav_names(bt)}
    golden['datasets'] = {k: golden['datasets'][k] for k in harness.DATASETS
                          if k in golden['datasets']}
    text = json.dumps(golden, indent=0, allow_nan=True, sort_keys=False)
    target.write_text(text + '\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
