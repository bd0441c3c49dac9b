"""Unit tests of the golden comparison rules (tests/golden_compare.py)."""
from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # any import mode

from golden_compare import compare, floats_equal  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / 'tools'))
import record_goldens  # noqa: E402


@pytest.mark.parametrize('a,b', [
    (1.0, 1.0),
    (0.1 + 0.2, 0.3),
    (1.0000001, 1.0000004),          # same with '%f'
    (123456789.0, 123456789.0 + 1e-3),  # within relative 1e-9
    (float('nan'), float('nan')),
    (0.0, -0.0),
    (float('inf'), float('inf')),
])
def test_floats_equal(a, b):
    assert floats_equal(a, b)
    assert floats_equal(b, a)


@pytest.mark.parametrize('a,b', [
    (1.0, 1.000001),
    (3604.33, 3604.34),
    (float('nan'), 0.0),
    (float('inf'), -float('inf')),
    (float('inf'), 1e308),
    (1e-3, 2e-3),
])
def test_floats_differ(a, b):
    assert not floats_equal(a, b)
    assert not floats_equal(b, a)


def test_equal_structures_give_none():
    doc = {'bars': [{'len': 1, 'sma': float('nan'), 'ok': True, 'n': None},
                    {'len': 2, 'sma': 1.5, 'name': 'x'}]}
    assert compare(doc, {'bars': [dict(b) for b in doc['bars']]}) is None


def test_float_difference_names_path_and_values():
    exp = {'bars': [{'sma': 1.0}] * 18}
    act = {'bars': [{'sma': 1.0}] * 17 + [{'sma': 2.0}]}
    msg = compare(exp, act)
    assert msg is not None
    assert msg.startswith('bars[17].sma:')
    assert '1.0' in msg and '2.0' in msg


def test_nan_against_number_detected():
    assert compare([float('nan')], [0.0]) == '[0]: expected nan, got 0.0'


def test_int_exact_and_type_strict():
    assert compare({'size': 5}, {'size': 6}) == 'size: expected 5, got 6'
    msg = compare({'size': 5}, {'size': 5.0})
    assert msg is not None and 'type int vs float' in msg
    msg = compare({'flag': True}, {'flag': 1})
    assert msg is not None and 'type bool vs int' in msg
    assert compare({'x': None}, {'x': 0}) is not None


def test_string_exact():
    assert compare({'status': 'Completed'}, {'status': 'Completed'}) is None
    msg = compare({'status': 'Completed'}, {'status': 'Canceled'})
    assert msg == "status: expected 'Completed', got 'Canceled'"


def test_list_length_and_item_differences():
    msg = compare({'orders': [1, 2, 3]}, {'orders': [1, 2]})
    assert msg is not None and msg.startswith('orders: length differs')
    assert 'missing 3' in msg
    msg = compare([1, 2], [1, 2, 4])
    assert msg is not None and 'extra 4' in msg
    # an item difference wins over the length difference
    assert compare([1, 2, 3], [1, 9]).startswith('[1]:')


def test_dict_key_differences():
    msg = compare({'a': 1, 'b': 2}, {'a': 1, 'c': 2})
    assert msg is not None and "missing ['b']" in msg and "extra ['c']" in msg
    msg = compare({'a': 1, 'b': 2}, {'b': 2, 'a': 1})
    assert msg is not None and 'key order differs' in msg


def test_nested_path_with_odd_keys():
    exp = {'ta': {'2006-01-02T00:00:00': [0.5, {'x y': 1}]}}
    act = {'ta': {'2006-01-02T00:00:00': [0.5, {'x y': 2}]}}
    msg = compare(exp, act)
    assert msg == "ta['2006-01-02T00:00:00'][1]['x y']: expected 1, got 2"


def test_root_type_mismatch():
    msg = compare({'a': 1}, [1])
    assert msg is not None and msg.startswith('<root>:')


def test_recorder_dumps_roundtrips_and_wraps():
    import json
    doc = {'results': [{'bars': [{'i': i, 'v': i / 3} for i in range(20)]}],
           'nan': float('nan'), 'short': [1, 2]}
    text = record_goldens.dumps(doc)
    back = json.loads(text)
    assert compare(doc, back) is None
    assert math.isnan(back['nan'])
    assert '\n' in text and '"short":[1,2]' in text


def test_build_golden_deduplicates_modes():
    from scenarios import _harness
    child = {'meta': {}, 'results': {m: {'v': 1} for m in _harness.MODES}}
    last = list(_harness.MODES)[-1]
    child['results'][last] = {'v': 2}
    golden = record_goldens.build_golden('x', child)
    assert golden['results'] == [{'v': 1}, {'v': 2}]
    assert golden['modes'][last] == 1
    assert set(golden['modes'].values()) == {0, 1}
    assert len(golden['modes']) == 16


def test_shared_parts_are_referenced_and_expanded():
    from scenarios import _harness
    modes = list(_harness.MODES)
    child = {'meta': {}, 'results': {}}
    for m in modes:
        child['results'][m] = {'bars': [1.5, 2.5], 'arrays': [1.0]}
    child['results'][modes[3]] = {'bars': [1.5, 2.5]}
    child['results'][modes[5]] = {'bars': [9.0], 'arrays': [1.0]}
    golden = record_goldens.build_golden('x', child)
    assert golden['results'][1] == {'bars': {'__same_as__': 0}}
    assert golden['results'][2]['arrays'] == {'__same_as__': 0}
    for m in modes:
        assert _harness.expand_result(golden, m) == child['results'][m]


def test_modes_and_exception_records():
    from scenarios import _harness
    assert len(_harness.MODES) == 16
    assert _harness.mode_key(True, False, -1) == 'ro1_pl0_eb-1'
    assert _harness.MODES['ro0_pl1_eb1'] == (False, True, 1)
    rec = _harness.exception_record(ValueError('bad <x at 0x7f00ab12>'))
    assert rec == {'__exception__': {'type': 'ValueError',
                                     'message': 'bad <x at 0x...>'}}


def test_every_scenario_module_defines_run():
    # parsed, not imported: importing needs a working backtrader
    import ast
    from scenarios import _harness
    names = _harness.scenario_names()
    assert len(names) > 40
    for name in names:
        tree = ast.parse((_harness.SCENARIO_DIR / (name + '.py')).read_text())
        funcs = {n.name: n for n in tree.body
                 if isinstance(n, ast.FunctionDef)}
        assert 'run' in funcs, name
        args = [a.arg for a in funcs['run'].args.args]
        assert args[:3] == ['runonce', 'preload', 'exactbars'], name
