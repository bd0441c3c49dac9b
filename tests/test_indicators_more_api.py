"""The public surface of the indicators beyond the core ones matches
upstream's.

Every name upstream's ``bt.indicators`` and ``bt.studies`` carry exists here
(the list is a copy of shared/docs/UPSTREAM-API.txt in
tests/goldens/indicators_more_exact/upstream_api.txt), except leftover
variables of upstream's modules (``from __future__`` names and the loop
variables of its class generation).  No name is missing for want of an
optional library: as upstream, the regression classes always exist and
fail when created without statsmodels.  Every class is described like
upstream's (lines, params and defaults, plot settings, aliases, minimum
number of datas, subclass relations), and so are the plot labels and
settings of the indicators built by the value goldens.
"""
from __future__ import annotations

import importlib
import json

import pytest

import backtrader as bt
import backtrader.studies  # noqa: F401

from test_indicators_more_support import GOLDEN, MORE, harness, runner

API = GOLDEN['api']

#: upstream module variables that are not part of the API
LEFTOVERS = {'absolute_import', 'division', 'print_function', 'unicode_literals',
             'alias', 'linename', 'movav', 'movname', 'newaliases', 'newcls',
             'newclsdct', 'newclsdoc', 'newclsname', 'suffix'}


def _upstream_api() -> tuple[list, dict]:
    modules, names, section = [], {}, None
    for line in (MORE / 'upstream_api.txt').read_text().splitlines():
        if line.startswith('# bt.'):
            section = line[2:]
        elif line.startswith('#') or not line.strip():
            continue
        elif section is None:
            modules.append(line.strip())
        else:
            names[section] = [n.strip() for n in line.split(',')]
    return modules, names


MODULES, NAMES = _upstream_api()


def _nonempty_plotlines(info: dict) -> dict:
    # upstream lists every line, most with {}
    return {k: v for k, v in info.get('plotlines', {}).items() if v}


@pytest.mark.parametrize('section,attr', [('bt.indicators', 'indicators'),
                                          ('bt.studies', 'studies')])
def test_every_upstream_name_exists(section, attr):
    namespace = getattr(bt, attr)
    missing = [n for n in NAMES[section] if not hasattr(namespace, n)]
    assert set(missing) <= LEFTOVERS, sorted(set(missing) - LEFTOVERS)


def test_listed_names_are_many():
    # guards against an empty or truncated copy of the list
    assert len(NAMES['bt.indicators']) > 300
    assert 'Fractal' in NAMES['bt.studies']


@pytest.mark.parametrize('module', MODULES)
def test_upstream_module_importable(module):
    importlib.import_module(module)


CLASSES = [n for n in API['names'] if n not in LEFTOVERS]


@pytest.mark.parametrize('name', CLASSES)
def test_class_matches_upstream(name):
    mine = harness.describe(bt, CLASSES)[name]
    want = API['classes'][name]
    for field in want:
        got, exp = mine[field], want[field]
        if field == 'plotlines':
            got, exp = _nonempty_plotlines(mine), _nonempty_plotlines(want)
        if field == 'subclass_of':  # upstream's leftover loop variables
            exp = [n for n in exp if n not in LEFTOVERS]
        got = json.loads(json.dumps(got))  # tuples as the goldens store them
        assert got == exp, (name, field, got, exp)


def test_fractal_study_matches_upstream():
    mine = runner.describe_studies(bt)['Fractal']
    want = API['fractal']
    for field in want:
        got, exp = mine[field], want[field]
        if field == 'plotlines':
            got, exp = _nonempty_plotlines(mine), _nonempty_plotlines(want)
        assert got == exp, (field, got, exp)


def test_moving_average_registry_names():
    names = set(API['names'])
    want = {k: v for k, v in API['movav'].items() if v in names}
    mine = harness.movav_names(bt)
    assert want, 'the new moving averages should be registered'
    for key, clsname in want.items():
        assert mine.get(key) == clsname, (key, mine.get(key), clsname)


@pytest.fixture(scope='module')
def plot_info():
    return runner.plot_info(bt)


def _plot_settings(info: dict) -> dict:
    # upstream's Aroon indicators extend a class-wide list of plotted levels
    # (so they repeat with every instance): compare the levels, not the list
    info = dict(info, plotinfo=dict(info['plotinfo']))
    info['plotinfo']['plotyhlines'] = sorted(set(info['plotinfo']['plotyhlines']))
    return info


@pytest.mark.parametrize('key', sorted(API['plot']))
def test_plot_label_and_settings(plot_info, key):
    assert _plot_settings(plot_info[key]) == _plot_settings(API['plot'][key])
