"""Upstream's venues this build does not trade with: Interactive Brokers
(IbPy2's ``ib``), Oanda (``oandapy``) and VisualChart (``comtypes``).

Expected behaviour observed with upstream backtrader 1.9.78.123 when the
libraries are missing: the IB/Oanda modules fail to import with
``ModuleNotFoundError`` naming the library and the packages leave the
names out; the VisualChart modules import, ``VCStore()`` queues the
notification ``(-65506, 'Failed to import comtypes')``, a ``VCData`` run
reports DISCONNECTED and delivers no bars.  When a library is present
the classes exist (with upstream's params) and refuse to be built.
"""
from __future__ import annotations

import importlib
import importlib.machinery
import subprocess
import sys
import textwrap
import types

import pytest

import backtrader as bt
from backtrader.brokers.vcbroker import VCBroker, VCCommInfo
from backtrader.feeds.vcdata import VCData, fold_symbol
from backtrader.stores._unported import UnportedVenueError, require_library
from backtrader.stores.vcstore import VCStore

VENUE_MODULES = {
    'ib': ('backtrader.stores.ibstore', 'backtrader.brokers.ibbroker',
           'backtrader.feeds.ibdata'),
    'oandapy': ('backtrader.stores.oandastore', 'backtrader.brokers.oandabroker',
                'backtrader.feeds.oanda'),
}
PACKAGE = {'ib': 'IbPy2', 'oandapy': 'oandapy'}
CLASSES = {
    'backtrader.stores.ibstore': 'IBStore', 'backtrader.brokers.ibbroker': 'IBBroker',
    'backtrader.feeds.ibdata': 'IBData', 'backtrader.stores.oandastore': 'OandaStore',
    'backtrader.brokers.oandabroker': 'OandaBroker', 'backtrader.feeds.oanda': 'OandaData',
}
ALL_VENUE_MODULES = [m for mods in VENUE_MODULES.values() for m in mods]


def _fake_library(name: str) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__spec__ = importlib.machinery.ModuleSpec(name, None)
    return module


def _forget_module(modname: str) -> None:
    sys.modules.pop(modname, None)
    parent, _, leaf = modname.rpartition('.')
    if parent in sys.modules and hasattr(sys.modules[parent], leaf):
        delattr(sys.modules[parent], leaf)


@pytest.fixture
def fresh_venue_modules():
    """Venue modules imported inside a test are dropped afterwards, so the
    rest of the session sees the real (library-less) state again."""
    for modname in ALL_VENUE_MODULES:
        _forget_module(modname)
    yield
    for modname in ALL_VENUE_MODULES:
        _forget_module(modname)


@pytest.fixture(autouse=True)
def fresh_vcstore():
    VCStore._forget()
    yield
    VCStore._forget()


def _present(library: str) -> bool:
    return importlib.util.find_spec(library) is not None


# --- IB and Oanda without their library ------------------------------------------------
@pytest.mark.parametrize('library, modname', [(lib, m) for lib, mods in VENUE_MODULES.items()
                                              for m in mods])
def test_import_fails_naming_the_library(library, modname, fresh_venue_modules):
    if _present(library):
        pytest.skip('%s is installed here' % library)
    with pytest.raises(ModuleNotFoundError) as info:
        importlib.import_module(modname)
    assert info.value.name == library
    message = str(info.value)
    assert message.startswith('No module named %r' % library)
    assert PACKAGE[library] in message and CLASSES[modname] in message


def test_packages_leave_the_names_out():
    names = {'ib': (('stores', 'IBStore'), ('brokers', 'IBBroker'), ('feeds', 'IBData')),
             'oandapy': (('stores', 'OandaStore'), ('brokers', 'OandaBroker'),
                         ('feeds', 'OandaData'))}
    for library, pairs in names.items():
        for package, name in pairs:
            assert hasattr(getattr(bt, package), name) == _present(library), name


# --- IB and Oanda with their library ------------------------------------------------------
@pytest.mark.parametrize('library', sorted(VENUE_MODULES))
def test_present_library_gives_classes_that_refuse_to_build(library, monkeypatch,
                                                            fresh_venue_modules):
    monkeypatch.setitem(sys.modules, library, _fake_library(library))
    for modname in VENUE_MODULES[library]:
        cls = getattr(importlib.import_module(modname), CLASSES[modname])
        with pytest.raises(UnportedVenueError) as info:
            cls()
        assert isinstance(info.value, NotImplementedError)
        assert 'does not support' in str(info.value) and CLASSES[modname] in str(info.value)


def test_present_library_keeps_upstream_params(monkeypatch, fresh_venue_modules):
    monkeypatch.setitem(sys.modules, 'ib', _fake_library('ib'))
    monkeypatch.setitem(sys.modules, 'oandapy', _fake_library('oandapy'))
    ibstore = importlib.import_module('backtrader.stores.ibstore').IBStore
    assert ibstore.params._gettuple()[:3] == (('host', '127.0.0.1'), ('port', 7496),
                                              ('clientId', None))
    ibdata = importlib.import_module('backtrader.feeds.ibdata').IBData
    items = dict(ibdata.params._getitems())
    assert (items['qcheck'], items['sectype'], items['exchange']) == (0.5, 'STK', 'SMART')
    oanda = importlib.import_module('backtrader.stores.oandastore').OandaStore
    assert oanda.params._gettuple() == (('token', ''), ('account', ''), ('practice', False),
                                        ('account_tmout', 10.0))
    broker = importlib.import_module('backtrader.brokers.oandabroker').OandaBroker
    assert dict(broker.params._getitems())['use_positions'] is True


def test_packages_export_the_names_when_libraries_are_present():
    script = textwrap.dedent('''
        import importlib.machinery, sys, types
        for name in ('ib', 'oandapy'):
            module = types.ModuleType(name)
            module.__spec__ = importlib.machinery.ModuleSpec(name, None)
            sys.modules[name] = module
        import backtrader as bt
        print(bt.stores.IBStore.__name__, bt.brokers.IBBroker.__name__,
              bt.feeds.IBData.__name__, bt.stores.OandaStore.__name__,
              bt.brokers.OandaBroker.__name__, bt.feeds.OandaData.__name__)
    ''')
    out = subprocess.run([sys.executable, '-c', script], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ['IBStore', 'IBBroker', 'IBData', 'OandaStore',
                                  'OandaBroker', 'OandaData']


def test_other_import_errors_are_not_taken_for_a_missing_library(tmp_path, monkeypatch):
    pkg = tmp_path / 'h_brokenlib'
    pkg.mkdir()
    (pkg / '__init__.py').write_text('import h_missing_dependency_of_brokenlib\n')
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, 'h_brokenlib', raising=False)
    with pytest.raises(ModuleNotFoundError) as info:
        require_library('h_brokenlib', 'brokenlib', 'Thing')
    assert info.value.name == 'h_missing_dependency_of_brokenlib'
    assert 'Thing' not in str(info.value)


# --- VisualChart without comtypes -----------------------------------------------------------
def test_vc_names_exist_everywhere():
    assert bt.stores.VCStore is VCStore and bt.brokers.VCBroker is VCBroker
    assert bt.feeds.VCData is VCData and isinstance(VCData, bt.feeds.MetaVCData)
    assert VCStore.DataCls is VCData and VCStore.BrokerCls is VCBroker


def test_vcstore_is_an_unconnected_singleton_with_the_upstream_notice():
    store = VCStore()
    assert VCStore() is store and store.connected() is False
    notice = (-65506, 'Failed to import comtypes')
    assert store.get_notifications() == [(notice, notice, {})]
    assert store.get_notifications() == []
    assert VCStore.params._gettuple() == ()


def test_vc_find_vchart_and_broker_name_comtypes():
    with pytest.raises(ModuleNotFoundError) as info:
        VCStore().find_vchart()
    assert info.value.name == 'comtypes' and 'Windows' in str(info.value)
    for make in (VCBroker, VCStore.getbroker, VCStore().getbroker):
        with pytest.raises(ModuleNotFoundError) as info:
            make()
        assert info.value.name == 'comtypes' and 'VCBroker' in str(info.value)


def test_vc_params_as_upstream():
    assert VCData.params._gettuple() == (
        ('dataname', None), ('name', ''), ('compression', 1), ('timeframe', 5),
        ('fromdate', None), ('todate', None), ('sessionstart', None), ('sessionend', None),
        ('filters', []), ('tz', None), ('tzinput', None), ('qcheck', 0.5), ('calendar', None),
        ('historical', False), ('millisecond', True), ('tradename', None),
        ('usetimezones', True))
    assert VCBroker.params._gettuple() == (('commission', None), ('account', None))


@pytest.mark.parametrize('kwargs, expected', [
    (dict(dataname='015ES'), ('010015ES', '015ES', '015', '010015ES')),
    (dict(dataname='015ES', name='foo'), ('010015ES', 'foo', '015', '010015ES')),
    (dict(dataname='015ES', tradename='096ES'), ('010015ES', '015ES', '015', '096ES')),
    (dict(dataname='015ES', tradename='096 ES'), ('010015ES', '015ES', '015', '09ES')),
    (dict(dataname='015 ES'), ('01001ES', '01ES', '01E', '01001ES')),
    (dict(dataname='01 ES'), ('01001 ES', '01 ES', '01 ', '01001 ES')),
    (dict(dataname='   X'), ('010   X', '   X', '   ', '01  X')),
])
def test_vcdata_symbols_as_upstream(kwargs, expected):
    data = VCData(**kwargs)
    assert (data._dataname, data._name, data._mktcode, data._tradename) == expected
    assert data.store is VCStore() and data.islive() is True
    assert VCStore.getdata(**kwargs)._name == expected[1]


def test_vcdata_rejects_bad_symbols():
    with pytest.raises(TypeError, match='dataname'):
        VCData(dataname=None)
    with pytest.raises(ValueError, match='dataname'):
        VCData(dataname='abc')
    assert fold_symbol('015 ES') == '01ES' and fold_symbol('015ES') == '015ES'


@pytest.mark.parametrize('kwargs', [dict(), dict(preload=False), dict(runonce=False)])
def test_vcdata_run_reports_disconnected_and_no_bars(kwargs):
    seen = []

    class Watch(bt.Strategy):
        def notify_store(self, msg, *args, **kw):
            seen.append(('store', msg, args))

        def notify_data(self, data, status, *args, **kw):
            seen.append(('data', data._getstatusname(status)))

        def next(self):
            seen.append('next')

    def run():
        cerebro = bt.Cerebro(**kwargs)
        cerebro.adddata(VCData(dataname='015ES'))
        cerebro.addstrategy(Watch)
        cerebro.run()
        return cerebro

    cerebro = run()
    notice = (-65506, 'Failed to import comtypes')
    assert seen == [('store', notice, notice), ('data', 'DISCONNECTED')]
    assert cerebro.stores == [VCStore()] and isinstance(cerebro.broker, bt.BackBroker)
    del seen[:]
    run()  # the same store: its notice was already delivered
    assert seen == [('data', 'DISCONNECTED')]


def test_vccomminfo_values_size_times_price():
    for kwargs in (dict(), dict(mult=10), dict(margin=2000.0, mult=10), dict(stocklike=True)):
        comm = VCCommInfo(**kwargs)
        assert comm.getvaluesize(3, 10.5) == 31.5 and comm.getoperationcost(3, 10.5) == 31.5
        assert comm.getvaluesize(-2, 7.0) == 14.0 and comm.getoperationcost(-2, 7.0) == 14.0


# --- VisualChart with comtypes ----------------------------------------------------------------
def test_vc_with_comtypes_refuses_to_build(monkeypatch):
    monkeypatch.setitem(sys.modules, 'comtypes', _fake_library('comtypes'))
    for make in (VCStore, lambda: VCData(dataname='015ES'), VCBroker):
        with pytest.raises(UnportedVenueError) as info:
            make()
        assert 'VisualChart' in str(info.value) and 'does not support' in str(info.value)
