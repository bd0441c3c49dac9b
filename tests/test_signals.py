"""Signals and SignalStrategy against upstream's behaviour.

Expectations were observed by running the same cases under upstream
backtrader 1.9.78.123 as a black box: ``/tmp/upstream/bin/python
tests/test_signals.py --record`` writes tests/data/observed/signals.json.
A case gives every signal a fixed sequence of values (``+``, ``-``, ``0``
per bar) and records, per bar, the orders the strategy sent: ``B`` buy,
``S`` sell, ``C`` close (close() is not counted again as a sell).
"""
from __future__ import annotations

import datetime
import json
import random
import sys
from pathlib import Path

import pytest

import backtrader as bt

HERE = Path(__file__).resolve().parent
OBSERVED = HERE / 'data' / 'observed' / 'signals.json'
DAY1 = str(HERE / 'data' / 'upstream' / '2006-day-001.txt')
END = datetime.datetime(2006, 3, 31)


class Fixed(bt.Indicator):
    """A signal that reads its values from a list."""
    lines = ('signal',)
    params = (('vals', ()),)

    def next(self):
        self.lines.signal[0] = self.p.vals[len(self) - 1]


class Recorder(bt.SignalStrategy):
    params = (('log', None),)

    def __init__(self):
        self.acts = []

    def buy(self, *args, **kwargs):
        self.acts.append('B')
        return super().buy(*args, **kwargs)

    def sell(self, *args, **kwargs):
        self.acts.append('S')
        return super().sell(*args, **kwargs)

    def close(self, *args, **kwargs):
        order = super().close(*args, **kwargs)
        self.acts[-1] = 'C'  # close() sends its order through buy/sell
        return order

    def next(self):
        self.p.log.append('%d:%d:%s' % (len(self), self.position.size,
                                        ''.join(self.acts)))
        self.acts = []


def _values(pattern):
    vals = [{'+': 1.0, '-': -1.0, '0': 0.0}[ch] for ch in pattern]
    return vals + [0.0] * 100


def run_case(sigs, acc=False, conc=False, runonce=True, preload=True):
    log = []
    cer = bt.Cerebro(stdstats=False, runonce=runonce, preload=preload)
    cer.adddata(bt.feeds.BacktraderCSVData(dataname=DAY1, todate=END))
    for sigtype, pattern in sigs:
        cer.add_signal(sigtype, Fixed, vals=_values(pattern))
    cer.signal_strategy(Recorder, log=log)
    cer.signal_accumulate(acc)
    cer.signal_concurrent(conc)
    cer.broker.setcash(1e6)
    cer.run()
    return ' '.join(entry for entry in log if not entry.endswith(':'))


def _cases():
    """Every signal type alone and in random pairs/triples, with and
    without accumulation and concurrency (fixed seed)."""
    rnd = random.Random(20240601)
    base = '++00--0+-+00---+++0-0+'
    cases = {}
    for sigtype in range(1, 14):
        for acc in (False, True):
            cases['t%d-acc%d' % (sigtype, acc)] = ([(sigtype, base)], acc, False)
    for i in range(60):
        sigs = []
        for _ in range(rnd.choice([2, 2, 3])):
            pattern = ''
            while len(pattern) < 50:
                pattern += rnd.choice('+-0') * rnd.randint(1, 4)
            sigs.append((rnd.randint(1, 13), pattern[:50]))
        cases['r%02d' % i] = (sigs, rnd.random() < 0.4, rnd.random() < 0.3)
    return cases


CASES = _cases()


@pytest.fixture(scope='module')
def observed():
    with OBSERVED.open() as fh:
        return json.load(fh)


@pytest.mark.parametrize('name', sorted(CASES))
def test_signal_orders_match_upstream(name, observed):
    sigs, acc, conc = CASES[name]
    assert run_case(sigs, acc, conc) == observed[name]


@pytest.mark.parametrize('runonce,preload', [(False, True), (False, False)])
def test_signal_orders_same_in_next_mode(runonce, preload, observed):
    for name in ('t1-acc0', 't4-acc1', 'r03', 'r17'):
        sigs, acc, conc = CASES[name]
        assert run_case(sigs, acc, conc, runonce, preload) == observed[name]


def test_signal_constants():
    # values observed in upstream: SIGNAL_NONE..SIGNAL_SHORTEXIT_ANY = 0..13
    names = ['SIGNAL_NONE', 'SIGNAL_LONGSHORT', 'SIGNAL_LONG',
             'SIGNAL_LONG_INV', 'SIGNAL_LONG_ANY', 'SIGNAL_SHORT',
             'SIGNAL_SHORT_INV', 'SIGNAL_SHORT_ANY', 'SIGNAL_LONGEXIT',
             'SIGNAL_LONGEXIT_INV', 'SIGNAL_LONGEXIT_ANY', 'SIGNAL_SHORTEXIT',
             'SIGNAL_SHORTEXIT_INV', 'SIGNAL_SHORTEXIT_ANY']
    assert [getattr(bt, name) for name in names] == list(range(14))
    assert [getattr(bt.signal, name) for name in names] == list(range(14))
    assert bt.SignalTypes == list(range(14))
    assert bt.Signal.SignalTypes == bt.SignalTypes


def test_signal_indicator_copies_its_data():
    seen = []

    class S(bt.Strategy):
        def __init__(self):
            self.sma = bt.ind.SMA(period=3)
            self.sig = bt.Signal(self.sma)

        def next(self):
            seen.append((self.sig[0], self.sma[0]))
    cer = bt.Cerebro(stdstats=False)
    cer.adddata(bt.feeds.BacktraderCSVData(
        dataname=DAY1, todate=datetime.datetime(2006, 1, 12)))
    cer.addstrategy(S)
    strat = cer.run()[0]
    assert seen and all(a == b for a, b in seen)
    assert strat.sig.lines.getlinealiases() == ('signal',)
    assert strat.sig.plotinfo.plotmaster is strat.data


class Cross(bt.Indicator):
    lines = ('signal',)

    def __init__(self):
        self.lines.signal = bt.ind.SMA(period=3) - bt.ind.SMA(period=6)


def test_subclass_next_runs_after_signals_and_indicators_order():
    """Observed in upstream: a ``next`` written in a SignalStrategy
    subclass still gets the signal orders (sent first, lower ref), and
    signals given to cerebro are created after the user's indicators."""
    refs = []

    class Mine(bt.SignalStrategy):
        def __init__(self):
            self.mine = bt.ind.SMA(period=2)

        def next(self):
            if len(self) == 6:
                refs.append(('user', self.buy(size=5).ref))

        def notify_order(self, order):
            if order.status == order.Submitted and order.size == 1:
                refs.append(('signal', order.ref))
    cer = bt.Cerebro(stdstats=False)
    cer.adddata(bt.feeds.BacktraderCSVData(
        dataname=DAY1, todate=datetime.datetime(2006, 1, 31)))
    cer.add_signal(bt.SIGNAL_LONGSHORT, Cross)
    cer.signal_strategy(Mine)
    strat = cer.run()[0]
    assert [type(i).__name__ for i in strat.getindicators()] == ['SMA', 'Cross']
    first_signal = next(ref for kind, ref in refs if kind == 'signal')
    assert ('user', first_signal + 1) in refs


def test_signal_strategy_params_and_data_choice():
    assert [k for k, _ in bt.SignalStrategy.params._getpairs().items()] == \
        ['signals', '_accumulate', '_concurrent', '_data']
    assert issubclass(bt.MetaSigStrategy, bt.MetaStrategy)
    sizes = {}

    class Two(bt.SignalStrategy):
        def stop(self):
            sizes['d0'] = self.getposition(self.datas[0]).size
            sizes['d1'] = self.getposition(self.datas[1]).size
    cer = bt.Cerebro(stdstats=False)
    for name in ('a', 'b'):
        cer.adddata(bt.feeds.BacktraderCSVData(dataname=DAY1, todate=END),
                    name=name)
    cer.add_signal(bt.SIGNAL_LONG, Fixed, vals=[1.0] * 100)
    cer.signal_strategy(Two, _data='b')
    cer.run()
    assert sizes == {'d0': 0, 'd1': 1}


def test_signal_add_rejects_unknown_type():
    class Bad(bt.SignalStrategy):
        def __init__(self):
            self.signal_add(99, bt.ind.SMA(period=3))
    cer = bt.Cerebro(stdstats=False)
    cer.adddata(bt.feeds.BacktraderCSVData(dataname=DAY1, todate=END))
    cer.addstrategy(Bad)
    with pytest.raises(ValueError, match='sigtype'):
        cer.run()


if __name__ == '__main__' and '--record' in sys.argv:
    OBSERVED.parent.mkdir(parents=True, exist_ok=True)
    out = {name: run_case(*case) for name, case in CASES.items()}
    with OBSERVED.open('w') as fh:
        json.dump(out, fh, indent=0)
