"""Indicators give upstream's values bit for bit, in runonce and next mode.

tests/goldens/indicators_exact/goldens.json holds, for every spec of its
harness and every dataset, digests of the full-precision arrays upstream
produced (tools/record_indicator_exact.py).  Here the same specs run through
a real Cerebro with this package and every output line must hash the same:
a single differing bit (or a NaN where upstream has a value) fails.  Specs
that make upstream raise must raise the same exception type here.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pandas as pd
import pytest

import backtrader as bt

EXACT = Path(__file__).resolve().parent / 'goldens' / 'indicators_exact'


def _load_harness():
    spec = importlib.util.spec_from_file_location('indicators_exact_harness',
                                                  EXACT / 'harness.py')
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # classes defined there need their module
    spec.loader.exec_module(module)
    return module


harness = _load_harness()
GOLDEN = json.loads((EXACT / 'goldens.json').read_text())
SPECS = [tuple(s) for s in GOLDEN['specs']]
CASES = [(ds, mode) for ds in GOLDEN['datasets'] for mode in harness.MODES]
_FRAMES: dict = {}


def frame_of(dataset: str) -> pd.DataFrame:
    if dataset not in _FRAMES:
        cols = harness.load_columns(dataset)
        _FRAMES[dataset] = pd.DataFrame(
            {k: cols[k] for k in ('open', 'high', 'low', 'close', 'volume')},
            index=pd.DatetimeIndex(cols['datetime']))
    return _FRAMES[dataset]


def run_specs(dataset: str, runonce: bool, specs: list) -> dict:
    """Run ``specs`` in one strategy; minimum period and arrays of each."""
    frame = frame_of(dataset)
    made = {}

    class Holder(bt.Strategy):
        def __init__(self):
            for key, expr in specs:
                made[key] = harness.build(bt, self.data, expr)

    cerebro = bt.Cerebro(stdstats=False, runonce=runonce, preload=True)
    cerebro.adddata(bt.feeds.PandasData(dataname=frame, openinterest=None))
    cerebro.addstrategy(Holder)
    cerebro.run()
    return {key: harness.collect(ind, len(frame)) for key, ind in made.items()}


def expected(dataset: str, mode: str) -> dict:
    modes = GOLDEN['datasets'][dataset]['modes']
    res = modes[mode]
    if set(res) == {'same_as'}:
        res = modes[res['same_as']]
    return res


def _mismatch(key: str, line: str, want: dict, values: list) -> str | None:
    got = harness.summarise(values)
    if got['sha256'] == want['sha256']:
        return None
    if got['len'] != want['len']:
        return '%s.%s: %d values, upstream %d' % (key, line, got['len'], want['len'])
    for idx, value in want['samples']:
        mine = values[idx]
        if repr(mine) != repr(value):
            return '%s.%s[%d] = %r, upstream %r' % (key, line, idx, mine, value)
    return '%s.%s: differs (nan count %d vs %d)' % (key, line, got['nan'], want['nan'])


@pytest.mark.parametrize('dataset,mode', CASES)
def test_values_bit_identical(dataset, mode):
    want = expected(dataset, mode)
    specs = [s for s in SPECS if 'error' not in want[s[0]]]
    got = run_specs(dataset, harness.MODES[mode], specs)
    problems = []
    for key, _ in specs:
        if got[key]['minperiod'] != want[key]['minperiod']:
            problems.append('%s: minperiod %d, upstream %d'
                            % (key, got[key]['minperiod'], want[key]['minperiod']))
        if list(got[key]['lines']) != list(want[key]['lines']):
            problems.append('%s: lines %s, upstream %s'
                            % (key, list(got[key]['lines']), list(want[key]['lines'])))
            continue
        for line, digest in want[key]['lines'].items():
            msg = _mismatch(key, line, digest, got[key]['lines'][line])
            if msg:
                problems.append(msg)
    assert not problems, '\n'.join(problems)


ERROR_CASES = [(ds, mode, key) for ds, mode in CASES
               for key, res in expected(ds, mode).items() if 'error' in res]


@pytest.mark.parametrize('dataset,mode,key', ERROR_CASES)
def test_raises_like_upstream(dataset, mode, key):
    spec = [s for s in SPECS if s[0] == key]
    errname = expected(dataset, mode)[key]['error']
    with pytest.raises(Exception) as info:
        run_specs(dataset, harness.MODES[mode], spec)
    assert type(info.value).__name__ == errname


def test_goldens_cover_the_expected_cases():
    assert set(GOLDEN['datasets']) == set(harness.DATASETS)
    assert [list(s) for s in harness.SPECS] == GOLDEN['specs']
    assert len(CASES) == 2 * len(harness.DATASETS)
    # the flat synthetic data must exercise the zero-division paths
    assert any(ds == 'synth' for ds, _, _ in ERROR_CASES)
