"""Helpers for the analyzer and observer tests.

Each test module defines scenarios (functions taking the ``backtrader``
module and cerebro keyword arguments, returning a JSON-able result) and
keeps upstream's results for them in its own ``EXPECTED`` block.

The block is recorded by running the test module as a script with the
reference interpreter (a virtualenv with upstream backtrader 1.9.78.123),
e.g.::

    /tmp/upstream/bin/python tests/test_analyzers_trades.py --record

Run as a script, ``import backtrader`` resolves to upstream's package (the
project root is not on ``sys.path``); the recorder checks it.  The block
between the ``# >>> expected`` and ``# <<< expected`` markers is rewritten.
"""
from __future__ import annotations

import datetime
import json
import math
import sys
from pathlib import Path
from typing import Any, Callable

TESTS = Path(__file__).resolve().parent
DATA = TESTS / 'data' / 'upstream'
DAY1 = str(DATA / '2006-day-001.txt')
DAY2 = str(DATA / '2006-day-002.txt')
MIN5 = str(DATA / '2006-min-005.txt')
WEEK1 = str(DATA / '2006-week-001.txt')
DAY05 = str(DATA / '2005-2006-day-001.txt')
YHOO = str(DATA / 'yhoo-2014.txt')
ORCL = str(DATA / 'orcl-2014.txt')

BEGIN = '# >>> expected (recorded from upstream, do not edit)'
END = '# <<< expected'

#: run modes every scenario is checked in (runonce, preload)
MODES = {
    'ro1_pl1': dict(runonce=True, preload=True),
    'ro0_pl1': dict(runonce=False, preload=True),
    'ro0_pl0': dict(runonce=False, preload=False),
}


def encode(obj: Any) -> Any:
    """JSON-able form of an analysis keeping types, key order and exact
    floats: dicts become {"__dict__": type name, "items": [[key, value]]}
    with keys as their repr."""
    if isinstance(obj, dict):
        return {'__dict__': type(obj).__name__,
                'items': [[repr(k), encode(v)] for k, v in obj.items()]}
    if isinstance(obj, (list, tuple)):
        return [encode(v) for v in obj]
    if isinstance(obj, (datetime.date, datetime.datetime)):
        return {'__dt__': repr(obj)}
    if isinstance(obj, float) and math.isnan(obj):
        return 'NaN'
    if isinstance(obj, float) and math.isinf(obj):
        return 'Inf' if obj > 0 else '-Inf'
    return obj


def line_values(lineobj: Any) -> list:
    """The values of every line of an observer, up to its length."""
    size = len(lineobj)
    out = {}
    for i, name in enumerate(lineobj.lines.getlinealiases()):
        arr = lineobj.lines[i].array
        out[name] = [encode(float(x)) for x in list(arr)[:size]]
    return out


#: the run-mode matrix including exactbars (memory saving) settings
EXACTBARS_MODES = {
    'ro%d_pl%d_eb%d' % (ro, pl, eb): dict(runonce=bool(ro), preload=bool(pl),
                                           exactbars=eb)
    for ro in (1, 0) for pl in (1, 0) for eb in (-2, -1, 0, 1)
}


def run_scenario(func: Callable, bt: Any, mode: str, modes: dict = MODES) -> Any:
    return json.loads(json.dumps(encode(func(bt, **modes[mode]))))


def _render(results: dict) -> str:
    text = json.dumps(results, indent=None, separators=(',', ':'))
    chunks = [text[i:i + 90] for i in range(0, len(text), 90)]
    body = '\n'.join(repr(chunk) for chunk in chunks)
    return 'EXPECTED = json.loads(\n%s\n)\n' % body


def record(path: str, scenarios: dict, modes: dict = MODES) -> None:
    """Run every scenario under the interpreter's backtrader (upstream) in
    every mode and rewrite the EXPECTED block of the module at ``path``."""
    import backtrader as bt
    if 'upstream' not in bt.__file__:
        raise SystemExit('refusing to record with %s' % bt.__file__)
    results = {}
    for name, func in scenarios.items():
        # identical results of several modes are stored once
        unique: list = []
        index = {}
        for mode in modes:
            try:
                result = run_scenario(func, bt, mode, modes)
            except Exception as exc:  # noqa: BLE001 - recorded as data
                result = {'__raises__': type(exc).__name__}
            if result not in unique:
                unique.append(result)
            index[mode] = unique.index(result)
        results[name] = {'modes': index, 'results': unique}
    source = Path(path).read_text()
    head, rest = source.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    Path(path).write_text(head + BEGIN + '\n' + _render(results) + END + tail)


def main(path: str, scenarios: dict, modes: dict = MODES) -> None:
    if '--record' in sys.argv[1:]:
        record(path, scenarios, modes)
    else:
        raise SystemExit('usage: %s --record  (with the upstream interpreter)' % path)


def check(expected: dict, scenarios: dict, name: str, mode: str,
          modes: dict = MODES) -> None:
    """Run scenario ``name`` in ``mode`` with this package and compare it with
    upstream's result."""
    import backtrader as bt
    recorded = expected[name]
    want = recorded['results'][recorded['modes'][mode]]
    if isinstance(want, dict) and '__raises__' in want:
        try:
            scenarios[name](bt, **modes[mode])
        except Exception as exc:  # noqa: BLE001 - compared below
            assert type(exc).__name__ == want['__raises__']
            return
        raise AssertionError('upstream raised %s' % want['__raises__'])
    got = run_scenario(scenarios[name], bt, mode, modes)
    assert got == want, first_difference(want, got)


def first_difference(want: Any, got: Any, where: str = '') -> str:
    """Where two encoded results first differ (for assertion messages)."""
    if type(want) is not type(got):
        return '%s: %r != %r' % (where or '<root>', want, got)
    if isinstance(want, dict):
        for key in list(want) + [k for k in got if k not in want]:
            if key not in want or key not in got:
                return '%s: key %r only on one side' % (where, key)
            if want[key] != got[key]:
                return first_difference(want[key], got[key], '%s/%s' % (where, key))
    if isinstance(want, list):
        if len(want) != len(got):
            return '%s: length %d != %d' % (where, len(want), len(got))
        for i, (w, g) in enumerate(zip(want, got)):
            if w != g:
                return first_difference(w, g, '%s[%d]' % (where, i))
    return '%s: %r != %r' % (where or '<root>', want, got)


def scripted_strategy(bt: Any, actions: dict, prenext_actions: bool = False) -> type:
    """A strategy placing orders on given bars.

    ``actions`` maps a strategy length to a list of ``(method, kwargs)``;
    ``kwargs`` may hold ``d`` (index of the data, default 0).  Methods are
    the strategy's order methods (buy, sell, close, order_target_size...).
    """

    class Scripted(bt.Strategy):
        def _act(self):
            for method, kwargs in actions.get(len(self), ()):
                kwargs = dict(kwargs)
                data = self.datas[kwargs.pop('d', 0)]
                getattr(self, method)(data=data, **kwargs)

        def prenext(self):
            if prenext_actions:
                self._act()

        def next(self):
            self._act()

    return Scripted


def sma_cross_strategy(bt: Any, period: int = 15, short: bool = False) -> type:
    """Long (and optionally short) when the close crosses its SMA."""

    class SmaCross(bt.Strategy):
        def __init__(self):
            self.sma = bt.indicators.SMA(self.data, period=period)

        def next(self):
            above = self.data.close[0] > self.sma[0]
            if above and self.position.size <= 0:
                self.order_target_size(target=1)
            elif not above and self.position.size >= 0:
                self.order_target_size(target=-1 if short else 0)

    return SmaCross


def make_cerebro(bt: Any, datas=(DAY1,), todate=None, fromdate=None,
                 stdstats: bool = False, **kwargs: Any) -> Any:
    """A Cerebro with BacktraderCSVData feeds for ``datas``."""
    cerebro = bt.Cerebro(stdstats=stdstats, **kwargs)
    for path in datas:
        feedkw = {}
        if todate is not None:
            feedkw['todate'] = todate
        if fromdate is not None:
            feedkw['fromdate'] = fromdate
        if path == MIN5:
            feedkw.update(timeframe=bt.TimeFrame.Minutes, compression=5)
        if path == WEEK1:
            feedkw.update(timeframe=bt.TimeFrame.Weeks)
        cerebro.adddata(bt.feeds.BacktraderCSVData(dataname=path, **feedkw))
    return cerebro


def analyses(strategy: Any) -> dict:
    """Every analyzer's ``get_analysis()`` by analyzer name."""
    return {name: an.get_analysis() for name, an in strategy.analyzers.getitems()}
