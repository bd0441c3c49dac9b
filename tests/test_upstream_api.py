"""Walk the whole public surface of upstream backtrader 1.9.78.123, as
listed in ``tests/data/upstream_api.txt`` (recorded from upstream), and
check that this package offers every piece of it: the importable modules,
the names of each namespace (``bt``, ``bt.indicators``, ``bt.feeds``...),
the params and defaults of Cerebro, BackBroker and CommInfoBase, the
methods of Cerebro and Strategy, and the order/timeframe constants.

Each check reports every missing item at once, so one failing run lists
the whole gap.  Modules whose upstream import needs an optional library
(IbPy's ``ib``, ``oandapy``) must fail the same way when it is absent and
import when it is present.
"""
from __future__ import annotations

import ast
import importlib
import importlib.util
import pathlib
import re

import pytest

import backtrader as bt

API_FILE = pathlib.Path(__file__).parent / 'data' / 'upstream_api.txt'

# modules that upstream cannot import without an optional library
OPTIONAL_LIBRARY = {
    'backtrader.stores.ibstore': 'ib',
    'backtrader.brokers.ibbroker': 'ib',
    'backtrader.feeds.ibdata': 'ib',
    'backtrader.stores.oandastore': 'oandapy',
    'backtrader.brokers.oandabroker': 'oandapy',
    'backtrader.feeds.oanda': 'oandapy',
}


def _read_sections(path: pathlib.Path) -> dict:
    """{header text (without '# '): body text} of the API file."""
    sections: dict = {}
    header = None
    for raw in path.read_text(encoding='utf-8').splitlines():
        line = raw.strip()
        if line.startswith('# '):
            header = line[2:]
            sections[header] = []
        elif line and header is not None:
            sections[header].append(line)
    return {key: '\n'.join(body) for key, body in sections.items()}


SECTIONS = _read_sections(API_FILE)


def _section(prefix: str) -> tuple:
    """(header, body) of the one section whose header starts with prefix."""
    found = [(h, b) for h, b in SECTIONS.items() if h.startswith(prefix)]
    assert len(found) == 1, 'expected one section %r, found %r' % (prefix, found)
    return found[0]


def _names(body: str) -> list:
    return [n.strip() for n in body.replace('\n', ',').split(',') if n.strip()]


def _params(body: str) -> list:
    """[(name, default text)] of a 'name=default, name=default' line."""
    pairs = re.split(r',\s*(?=\w+=)', body.strip())
    return [tuple(pair.split('=', 1)) for pair in pairs]


def _default_matches(text: str, value) -> bool:
    """Upstream's recorded default (a repr) against ours."""
    instance = re.fullmatch(r'<([\w.]+) object at 0x[0-9a-f]+>', text)
    if instance:  # an object: same class name
        return type(value).__name__ == instance.group(1).rsplit('.', 1)[-1]
    expected = ast.literal_eval(text)
    return type(value) is type(expected) and value == expected


def _check_params(cls, body: str) -> None:
    ours = list(cls.params._getitems())
    ourmap = dict(ours)
    problems = []
    for name, text in _params(body):
        if name not in ourmap:
            problems.append('%s missing' % name)
        elif not _default_matches(text, ourmap[name]):
            problems.append('%s=%r (upstream %s)' % (name, ourmap[name], text))
    # upstream's params keep their relative order (params._gettuple() is public)
    upstream_order = [name for name, _ in _params(body)]
    our_order = [name for name, _ in ours if name in upstream_order]
    if not problems and our_order != upstream_order:
        problems.append('order %r != upstream %r' % (our_order, upstream_order))
    assert not problems, '%s params: %s' % (cls.__name__, '; '.join(problems))


# --- the file itself -----------------------------------------------------------------
def test_api_file_has_every_section():
    expected = ['Importable modules', 'bt.* names', 'bt.indicators', 'bt.analyzers',
                'bt.observers', 'bt.feeds', 'bt.filters', 'bt.sizers', 'bt.brokers',
                'bt.stores', 'bt.signals', 'bt.commissions', 'bt.utils', 'bt.talib',
                'bt.strategies', 'bt.studies', 'Cerebro params', 'BackBroker params',
                'CommInfoBase params', 'Cerebro methods', 'Strategy methods',
                'Order: ExecTypes', 'TimeFrame names']
    for prefix in expected:
        _section(prefix)
    assert len(_section('Importable modules')[1].split()) > 150


# --- modules ---------------------------------------------------------------------------
MODULES = _section('Importable modules')[1].split()


def _library_present(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


@pytest.mark.parametrize('modname', [m for m in MODULES if m not in OPTIONAL_LIBRARY])
def test_module_imports(modname):
    module = importlib.import_module(modname)
    assert module.__name__ == modname


@pytest.mark.parametrize('modname', sorted(OPTIONAL_LIBRARY))
def test_optional_library_module(modname):
    library = OPTIONAL_LIBRARY[modname]
    if _library_present(library):
        assert importlib.import_module(modname).__name__ == modname
        return
    with pytest.raises(ImportError) as info:
        importlib.import_module(modname)
    assert isinstance(info.value, ModuleNotFoundError)
    assert info.value.name == library
    assert repr(library) in str(info.value) or library in str(info.value)


def test_optional_modules_are_listed_upstream():
    assert set(OPTIONAL_LIBRARY) <= set(MODULES)


# --- namespaces ---------------------------------------------------------------------------
NAMESPACES = sorted(h for h in SECTIONS if h.startswith('bt.') and h != 'bt.* names')


def test_bt_names():
    missing = [n for n in _names(_section('bt.* names')[1]) if not hasattr(bt, n)]
    assert not missing, 'bt lacks: %s' % ', '.join(missing)


@pytest.mark.parametrize('header', NAMESPACES)
def test_namespace_names(header):
    attr = header[len('bt.'):]
    assert hasattr(bt, attr), 'bt.%s does not exist' % attr
    namespace = getattr(bt, attr)
    missing = [n for n in _names(SECTIONS[header]) if not hasattr(namespace, n)]
    assert not missing, '%s lacks: %s' % (header, ', '.join(missing))


# --- params ------------------------------------------------------------------------------------
def test_cerebro_params():
    _check_params(bt.Cerebro, _section('Cerebro params')[1])


def test_backbroker_params():
    _check_params(bt.BackBroker, _section('BackBroker params')[1])


def test_comminfobase_params():
    _check_params(bt.CommInfoBase, _section('CommInfoBase params')[1])


# --- methods -------------------------------------------------------------------------------------
@pytest.mark.parametrize('header, cls', [('Cerebro methods', bt.Cerebro),
                                         ('Strategy methods', bt.Strategy)])
def test_methods(header, cls):
    names = _names(_section(header)[1])
    missing = [n for n in names if not callable(getattr(cls, n, None))]
    assert not missing, '%s lacks: %s' % (cls.__name__, ', '.join(missing))


# --- constants ------------------------------------------------------------------------------------
def test_order_exectypes_and_status():
    header, _ = _section('Order: ExecTypes')
    found = re.fullmatch(r'Order: ExecTypes (\[.*?\])\s+Status (\[.*?\])', header)
    assert found, header
    assert list(bt.Order.ExecTypes) == ast.literal_eval(found.group(1))
    assert list(bt.Order.Status) == ast.literal_eval(found.group(2))
    for code, name in enumerate(bt.Order.ExecTypes):
        assert getattr(bt.Order, name) == code


def test_timeframe_names():
    header, _ = _section('TimeFrame names')
    names = ast.literal_eval(header[len('TimeFrame names '):])
    assert list(bt.TimeFrame.Names) == names
    for code, name in enumerate(names):
        if name:
            assert getattr(bt.TimeFrame, name) == code


def test_linealias_is_an_info_class_of_the_declared_aliases():
    # upstream: every lines class has ``linealias`` (an info class, empty by
    # default) and a declared alias names the line on the instance
    import backtrader as bt

    class _Aliased(bt.Indicator):
        lines = ('a',)
        linealias = dict(a='b')

    assert dict(_Aliased.linealias._getitems()) == {'a': 'b'}
    assert dict(bt.Strategy.linealias._getitems()) == {}
    assert dict(bt.feeds.GenericCSVData.linealias._getitems()) == {}
