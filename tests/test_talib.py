"""backtrader.talib: TA-Lib functions as indicators.

The real ``talib`` package is not installed in the test environment, so
the wrapping is tested against tests/_fake_talib.py, a numpy stand-in
that implements TA-Lib's documented abstract API; backtrader/talib.py is
loaded afresh with it in sys.modules.  Without talib, the module must
import, expose upstream's names only and explain what is missing.
"""
from __future__ import annotations

import importlib.util
import math
import os
import sys

import numpy as np
import pytest

import backtrader as bt
import _fake_talib

HERE = os.path.dirname(os.path.abspath(__file__))
DAY1 = os.path.join(HERE, 'data', 'upstream', '2006-day-001.txt')
TALIB_PY = os.path.join(os.path.dirname(bt.__file__), 'talib.py')
HAVE_REAL_TALIB = importlib.util.find_spec('talib') is not None
UPSTREAM_NAMES = ['absolute_import', 'division', 'print_function', 'unicode_literals',
                  'with_metaclass']


def _load_copy(modname: str):
    """A fresh module object executed from backtrader/talib.py."""
    spec = importlib.util.spec_from_file_location(modname, TALIB_PY)
    module = importlib.util.module_from_spec(spec)
    sys.modules[modname] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def fake(monkeypatch):
    """backtrader.talib as loaded with the fake talib installed."""
    mod = _fake_talib.make_module()
    monkeypatch.setitem(sys.modules, 'talib', mod)
    monkeypatch.setitem(sys.modules, 'talib.abstract', mod.abstract)
    name = 'backtrader._talib_with_fake'
    monkeypatch.delitem(sys.modules, name, raising=False)
    yield _load_copy(name)
    sys.modules.pop(name, None)


@pytest.fixture
def missing(monkeypatch):
    """backtrader.talib as loaded where talib cannot be imported."""
    monkeypatch.setitem(sys.modules, 'talib', None)
    name = 'backtrader._talib_without'
    yield _load_copy(name)
    sys.modules.pop(name, None)


# --- without talib ---------------------------------------------------------------
def test_without_talib_imports_and_exposes_upstream_names(missing):
    public = [n for n in dir(missing) if not n.startswith('_')]
    assert public == UPSTREAM_NAMES
    assert missing.__all__ == []
    assert not hasattr(missing, 'SMA') and not hasattr(missing, 'CDLDOJI')


def test_without_talib_error_names_the_package(missing):
    with pytest.raises(AttributeError) as exc:
        missing.SMA
    assert "'ta-lib' package" in str(exc.value) and "'SMA'" in str(exc.value)
    with pytest.raises(AttributeError) as exc:
        missing.not_a_function
    assert 'ta-lib' not in str(exc.value)


@pytest.mark.skipif(HAVE_REAL_TALIB, reason='talib is installed here')
def test_bt_talib_reachable_without_talib():
    assert bt.talib is sys.modules['backtrader.talib']
    assert [n for n in dir(bt.talib) if not n.startswith('_')] == UPSTREAM_NAMES
    assert not hasattr(bt.talib, 'SMA')
    with pytest.raises(AttributeError, match='ta-lib'):
        bt.talib.BBANDS


# --- generated classes -----------------------------------------------------------------
def test_names_all_and_dir(fake):
    assert fake.__all__ == ['SMA', 'BBANDS', 'EMAU', 'EMAW', 'CDLFAKE', 'MA_Type']
    assert {'SMA', 'BBANDS', 'CDLFAKE'} <= set(dir(fake))
    assert fake.tafunctions == ['SMA', 'BBANDS', 'EMAU', 'EMAW', 'CDLFAKE']
    assert fake.MA_Type.EMA == 1
    assert not hasattr(fake, 'NOSUCHFUNC')
    assert fake.SMA is fake.SMA        # built once, then cached


def test_class_shape(fake):
    sma, bb, cdl = fake.SMA, fake.BBANDS, fake.CDLFAKE
    assert issubclass(sma, bt.Indicator)
    assert sma.__name__ == 'SMA' and sma.__module__ == fake.__name__
    assert sma is not bt.indicators.SMA
    assert bt.Indicator._indcol.get('SMA') is not sma     # bt's own SMA kept
    assert 'Simple Moving Average' in sma.__doc__
    assert sma.lines.getlinealiases() == ('real',)
    assert list(sma.params._getitems()) == [('timeperiod', 30)]
    assert bb.lines.getlinealiases() == ('upperband', 'middleband', 'lowerband')
    assert list(bb.params._getitems()) == [('timeperiod', 5), ('nbdev', 2.0)]
    assert cdl.lines.getlinealiases() == ('integer', '_candleplot')
    assert list(cdl.params._getitems()) == []
    assert (cdl._iscandle, fake.EMAU._unstable, sma._unstable) == (True, True, False)


def test_plotting_attributes(fake):
    assert fake.SMA.plotinfo.subplot is False          # same scale: on the data
    assert fake.EMAW.plotinfo.subplot is True
    assert dict(fake.SMA.plotlines.real._getitems()) == {'ls': '-'}
    assert dict(fake.EMAU.plotlines.real._getitems()) == {'ls': '--'}
    assert dict(fake.EMAW.plotlines.real._getitems()) == {'_method': 'bar'}
    bands = fake.BBANDS.plotlines
    assert dict(bands.upperband._getitems()) == {}
    assert dict(bands.middleband._getitems()) == {'ls': '-', '_samecolor': True}
    assert dict(bands.lowerband._getitems()) == {'_samecolor': True}
    cdl = fake.CDLFAKE
    assert cdl.plotinfo.subplot is False and cdl.plotinfo.plotlinelabels is True
    assert dict(cdl.plotlines.integer._getitems()) == {'_plotskip': True}
    marker = dict(cdl.plotlines._candleplot._getitems())
    assert marker['marker'] == 'd' and marker['_name'] == 'CDLFAKE' and marker['ls'] == ''


# --- running ---------------------------------------------------------------------------
def _run(build, runonce, **cerebro_kwargs):
    """Run ``build(strategy)`` -> {name: indicator}; return per-bar values
    (every bar, prenext included) and the indicators."""
    class Probe(bt.Strategy):
        def __init__(self):
            self.inds = build(self)
            self.rows = []

        def prenext(self):
            self.next()

        def next(self):
            self.rows.append({name: [line[0] for line in ind.lines]
                              for name, ind in self.inds.items()})

    cerebro = bt.Cerebro(runonce=runonce, stdstats=False, **cerebro_kwargs)
    cerebro.adddata(bt.feeds.BacktraderCSVData(dataname=DAY1))
    cerebro.addstrategy(Probe)
    strat = cerebro.run()[0]
    return strat, strat.rows


def _series(rows, name, i=0):
    return np.array([r[name][i] for r in rows])


def _same(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and bool(np.all((a == b) | (np.isnan(a) & np.isnan(b))))


def _closes(strat):
    return np.array(strat.data.close.array)


@pytest.mark.parametrize('runonce', [True, False])
def test_values_and_minperiod(fake, runonce):
    def build(s):
        d = s.data
        return {'sma': fake.SMA(d, timeperiod=7), 'smac': fake.SMA(d.close, timeperiod=7),
                'bb': fake.BBANDS(d, timeperiod=4, nbdev=1.5)}
    strat, rows = _run(build, runonce)
    close = _closes(strat)
    assert strat.inds['sma']._minperiod == 7 and strat.inds['bb']._minperiod == 4
    ref = _fake_talib.SMA(close, timeperiod=7)
    assert np.allclose(_series(rows, 'sma')[6:], ref[6:], rtol=0, atol=1e-9)
    assert _same(_series(rows, 'sma'), _series(rows, 'smac'))
    assert np.isnan(_series(rows, 'sma')[:6]).all()
    up, mid, low = _fake_talib.BBANDS(close, timeperiod=4, nbdev=1.5)
    for i, expect in enumerate((up, mid, low)):
        assert np.allclose(_series(rows, 'bb', i)[3:], expect[3:], rtol=0, atol=1e-9)
    assert len(rows) == len(close) == 255


def test_params_change_the_minperiod_through_lookback(fake):
    strat, _ = _run(lambda s: {'a': fake.SMA(s.data, timeperiod=12),
                               'nested': fake.SMA(bt.indicators.SMA(s.data, period=20),
                                                  timeperiod=3)}, True)
    assert strat.inds['a']._minperiod == 12
    # the larger of the input's minimum period and lookback + 1 (upstream's rule)
    assert strat.inds['nested']._minperiod == 20


def test_candle_pattern_values_and_marker(fake):
    def build(s):
        d = s.data
        return {'cdl': fake.CDLFAKE(d.open, d.high, d.low, d.close), 'cdl1': fake.CDLFAKE(d)}
    for runonce in (True, False):
        strat, rows = _run(build, runonce)
        d = strat.data
        expect = _fake_talib.CDLFAKE(np.array(d.open.array), None, None,
                                     np.array(d.close.array)).astype(float)
        got, marks = _series(rows, 'cdl', 0), _series(rows, 'cdl', 1)
        assert strat.inds['cdl']._minperiod == 2
        assert _same(got[1:], expect[1:]) and (expect != 0).sum() > 10
        high = np.array(d.high.array)
        assert np.allclose(marks[1:], expect[1:] / 100.0 * high[1:] * 1.02)
        # one data feed gives a multi-input function its lines by name
        assert _same(_series(rows, 'cdl1', 0), got)
        first = got[0]
        # the first bar: the function's own value in batch, not computed per bar
        assert (first == 0.0) if runonce else math.isnan(first)


def test_unstable_functions_see_the_whole_history_bar_by_bar(fake):
    build = lambda s: {'u': fake.EMAU(s.data, timeperiod=5),  # noqa: E731
                       'w': fake.EMAW(s.data, timeperiod=5)}
    strat_once, once = _run(build, True)
    strat_next, nxt = _run(build, False)
    close = _closes(strat_once)
    full = _fake_talib.EMAU(close, timeperiod=5)
    assert np.allclose(_series(once, 'u')[4:], full[4:], atol=1e-9)
    assert np.allclose(_series(nxt, 'u')[4:], full[4:], atol=1e-9)
    assert np.allclose(_series(once, 'w')[4:], full[4:], atol=1e-9)
    # not flagged unstable: bar by bar over the last lookback + 1 values
    windowed = [_fake_talib.EMAW(close[i - 4:i + 1], timeperiod=5)[-1]
                for i in range(4, len(close))]
    assert np.allclose(_series(nxt, 'w')[4:], windowed, atol=1e-9)
    assert not np.allclose(_series(nxt, 'w')[4:], full[4:], atol=1e-6)


def test_used_by_a_strategy_gives_same_orders_in_both_modes(fake):
    class Cross(bt.Strategy):
        def __init__(self):
            self.fast = fake.SMA(self.data, timeperiod=5)
            self.slow = fake.SMA(self.data, timeperiod=15)
            self.cross = bt.indicators.CrossOver(self.fast, self.slow)
            self.done = []

        def notify_order(self, order):
            if order.status == order.Completed:
                self.done.append((len(self), order.executed.price))

        def next(self):
            if self.cross > 0:
                self.buy()
            elif self.cross < 0 and self.position:
                self.close()

    results = []
    for runonce in (True, False):
        cerebro = bt.Cerebro(runonce=runonce)
        cerebro.adddata(bt.feeds.BacktraderCSVData(dataname=DAY1))
        cerebro.addstrategy(Cross)
        results.append(cerebro.run()[0].done)
    assert results[0] == results[1] and len(results[0]) > 4


def test_wrong_number_of_inputs_is_a_clear_error(fake):
    def build(s):
        return {'bad': fake.SMA(s.data.close, s.data.open, timeperiod=3)}
    with pytest.raises(TypeError, match=r'SMA needs 1 input \(close\), got 2'):
        _run(build, True)

    def build_lines(s):
        return {'bad': fake.CDLFAKE(s.data.open, s.data.close)}
    with pytest.raises(TypeError, match=r'CDLFAKE needs 4 inputs \(open, high, low, close\)'):
        _run(build_lines, True)


# --- with the real ta-lib package (skipped where it is not installed) -------------
@pytest.mark.skipif(not HAVE_REAL_TALIB, reason='the ta-lib package (talib module) is '
                    'not installed; the fake-talib tests above cover the wrapping')
def test_real_talib_matches_upstream_golden():
    import json
    import talib
    import _talib_scenario
    with open(os.path.join(HERE, 'goldens', 'talib_real.json'), encoding='utf-8') as fh:
        golden = json.load(fh)
    if talib.__version__ != golden['meta']['talib_version']:
        pytest.skip('golden recorded with ta-lib %s, %s installed'
                    % (golden['meta']['talib_version'], talib.__version__))
    ours = json.loads(json.dumps(_talib_scenario.run_all()))
    for mode, expected in golden['results'].items():
        for name, (total, count, minperiod, lines) in expected['summary'].items():
            got = ours[mode]['summary'][name]
            assert got[1:] == [count, minperiod, lines], (mode, name)
            assert got[0] == pytest.approx(total, rel=1e-9, abs=1e-6), (mode, name)
        for name, rows in expected['detail'].items():
            assert len(ours[mode]['detail'][name]) == len(rows)
            for i, (a, b) in enumerate(zip(ours[mode]['detail'][name], rows)):
                assert [v is None for v in a] == [v is None for v in b], (mode, name, i)
                for x, y in zip(a, b):
                    if y is not None:
                        assert x == pytest.approx(y, rel=1e-9, abs=1e-9), (mode, name, i)
