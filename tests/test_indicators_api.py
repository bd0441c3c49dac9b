"""The indicators' public surface matches upstream's.

For every class of the covered upstream modules (recorded from upstream in
tests/goldens/indicators_exact/goldens.json): same name in ``bt.indicators``,
lines, params and defaults, plot settings, aliases, minimum number of datas,
module, and the same subclass relations with the other covered classes (so
``isinstance`` checks in user code behave the same).
"""
from __future__ import annotations

import pytest

import backtrader as bt

from test_indicators_exact import GOLDEN, harness

API = GOLDEN['api']
NAMES = API['names']


@pytest.mark.parametrize('name', NAMES)
def test_class_matches_upstream(name):
    assert hasattr(bt.indicators, name), name
    mine = harness.describe(bt, NAMES)[name]
    want = API['classes'][name]
    for field in want:
        got, exp = mine[field], want[field]
        if field == 'plotlines':  # upstream lists every line, most with {}
            got = {k: v for k, v in got.items() if v}
            exp = {k: v for k, v in exp.items() if v}
        assert got == exp, (name, field, got, exp)


def test_same_classes_reachable_as_bt_ind():
    assert bt.ind is bt.indicators
    for name in NAMES:
        assert getattr(bt.ind, name) is getattr(bt.indicators, name)


def test_moving_average_registry_names():
    covered = {API['classes'][n]['aliased'] or n for n in NAMES}
    want = {k: v for k, v in API['movav'].items() if v in covered or v in NAMES}
    mine = harness.movav_names(bt)
    for key, clsname in want.items():
        assert mine.get(key) == clsname, (key, mine.get(key), clsname)
    assert bt.ind.MovAv.Simple is bt.ind.MovingAverageSimple
    assert bt.ind.MovingAverage.EMA is bt.ind.EMA
    assert bt.ind.MovAv.Smoothed is bt.ind.SmoothedMovingAverage
    assert issubclass(bt.ind.MovAv, bt.ind.MovingAverage)


@pytest.mark.parametrize('name', harness.REEXPORTS)
def test_core_names_reexported(name):
    obj = getattr(bt.indicators, name)
    assert obj is getattr(bt, name)


def test_no_class_repeats_a_line():
    for name in dir(bt.indicators):
        obj = getattr(bt.indicators, name)
        if isinstance(obj, type) and issubclass(obj, bt.Indicator):
            lines = obj.lines._getlines()
            assert len(set(lines)) == len(lines), (name, lines)
