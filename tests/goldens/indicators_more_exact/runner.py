"""Runs the specs of ``specs.py`` under whichever backtrader is imported.

Shared by tools/record_indicator_more_exact.py (upstream) and the tests
(this package); only the public backtrader API is used.  The generic parts
(datasets, digests, class descriptions) come from ../indicators_exact/harness.py.
"""
from __future__ import annotations

import math
import sys
import types
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / 'indicators_exact'))

import harness  # noqa: E402
import specs  # noqa: E402

DATA = HERE.parent.parent / 'data' / 'upstream'
_FRAMES: dict = {}


def frame_of(dataset: str) -> Any:
    """The dataset as a pandas DataFrame (cached)."""
    import pandas as pd
    if dataset not in _FRAMES:
        cols = harness.load_columns(dataset)
        _FRAMES[dataset] = pd.DataFrame(
            {k: cols[k] for k in ('open', 'high', 'low', 'close', 'volume')},
            index=pd.DatetimeIndex(cols['datetime']))
    return _FRAMES[dataset]


def _build(bt: Any, expr: str, **names: Any) -> Any:
    return eval(expr, dict(bt=bt, **names))  # noqa: S307 - specs are ours


def run_specs(bt: Any, dataset: str, runonce: bool, group: list) -> dict:
    """Minimum period and full arrays of every spec of ``group``, built in
    one strategy over ``dataset``."""
    frame = frame_of(dataset)
    made = {}

    class Holder(bt.Strategy):
        def __init__(self):
            for key, expr in group:
                made[key] = _build(bt, expr, d=self.data)

    cerebro = bt.Cerebro(stdstats=False, runonce=runonce, preload=True)
    cerebro.adddata(bt.feeds.PandasData(dataname=frame, openinterest=None))
    cerebro.addstrategy(Holder)
    cerebro.run()
    return {key: harness.collect(ind, len(frame)) for key, ind in made.items()}


def digest(result: dict) -> dict:
    """What the goldens keep of a result: errors as they are, lines as
    digests (harness.summarise)."""
    if 'error' in result:
        return result
    return {'minperiod': result['minperiod'],
            'lines': {n: harness.summarise(v) for n, v in result['lines'].items()}}


def run_ols(bt: Any, runonce: bool) -> dict:
    """The two-data regressions over YHOO (data0) and ORCL (data1), 2014."""
    made = {}

    class Holder(bt.Strategy):
        def __init__(self):
            for key, expr in specs.OLS_SPECS:
                made[key] = _build(bt, expr, d0=self.data0, d1=self.data1)

    cerebro = bt.Cerebro(stdstats=False, runonce=runonce)
    for name in specs.OLS_FILES:
        cerebro.adddata(bt.feeds.YahooFinanceCSVData(dataname=str(DATA / name)))
    cerebro.addstrategy(Holder)
    cerebro.run()
    return {key: harness.collect(ind, len(ind)) for key, ind in made.items()}


def run_pivots(bt: Any, runonce: bool) -> dict:
    """Pivot points on the monthly resample of the daily 2006 data, as the
    strategy sees them on every daily bar (plus the full arrays of the
    couplers that plot them on the daily clock)."""
    made: dict = {}
    seen: dict = {key: {} for key, _ in specs.PIVOT_SPECS}

    class Holder(bt.Strategy):
        def __init__(self):
            for key, expr in specs.PIVOT_SPECS:
                made[key] = _build(bt, expr, d0=self.data0, d1=self.data1)

        def prenext(self):
            for key, ind in made.items():
                for name in ind.lines.getlinealiases():
                    line = getattr(ind.lines, name)
                    value = line[0] if len(line) else float('nan')
                    seen[key].setdefault(name, []).append(float(value))

        next = prenext

    cerebro = bt.Cerebro(stdstats=False, runonce=runonce)
    data = bt.feeds.BacktraderCSVData(dataname=str(DATA / '2006-day-001.txt'))
    cerebro.adddata(data)
    cerebro.resampledata(data, timeframe=bt.TimeFrame.Months)
    cerebro.addstrategy(Holder)
    cerebro.run()
    return {key: {'minperiod': made[key]._minperiod, 'lines': seen[key]} for key in made}


def run_bounded(bt: Any) -> dict:
    """specs.BOUNDED_SPECS with exactbars=1 on the daily 2006 data: the
    values the strategy reads on every bar."""
    made: dict = {}
    seen: dict = {key: {} for key, _ in specs.BOUNDED_SPECS}

    class Holder(bt.Strategy):
        def __init__(self):
            for key, expr in specs.BOUNDED_SPECS:
                made[key] = _build(bt, expr, d=self.data)

        def prenext(self):
            for key, ind in made.items():
                for name in ind.lines.getlinealiases():
                    seen[key].setdefault(name, []).append(float(getattr(ind.lines, name)[0]))

        next = prenext

    cerebro = bt.Cerebro(stdstats=False, exactbars=1)
    cerebro.adddata(bt.feeds.PandasData(dataname=frame_of('day1'), openinterest=None))
    cerebro.addstrategy(Holder)
    cerebro.run()
    return {key: {'minperiod': made[key]._minperiod, 'lines': seen[key]} for key in made}


def run_replay(bt: Any) -> dict:
    """specs.REPLAY_SPECS on a weekly replay of the daily 2006 data: the
    values the strategy reads on every update."""
    made: dict = {}
    seen: dict = {key: {} for key, _ in specs.REPLAY_SPECS}

    class Holder(bt.Strategy):
        def __init__(self):
            for key, expr in specs.REPLAY_SPECS:
                made[key] = _build(bt, expr, d=self.data)

        def prenext(self):
            for key, ind in made.items():
                for name in ind.lines.getlinealiases():
                    seen[key].setdefault(name, []).append(float(getattr(ind.lines, name)[0]))

        next = prenext

    cerebro = bt.Cerebro(stdstats=False)
    data = bt.feeds.BacktraderCSVData(dataname=str(DATA / '2006-day-001.txt'))
    cerebro.replaydata(data, timeframe=bt.TimeFrame.Weeks)
    cerebro.addstrategy(Holder)
    cerebro.run()
    return {key: {'minperiod': made[key]._minperiod, 'lines': seen[key]} for key in made}


def api_names(bt: Any) -> list:
    """Public classes of bt.indicators from the modules of specs.API_MODULES
    (with the Envelope/Oscillator variants of their moving averages)."""
    prefix = 'backtrader.indicators.'
    out = []
    for name in sorted(dir(bt.indicators)):
        obj = getattr(bt.indicators, name)
        if name.startswith('_') or not isinstance(obj, type):
            continue
        module = obj.__module__
        if not module.startswith(prefix):
            continue
        module = module[len(prefix):]
        if module in ('envelope', 'oscillator'):
            bases = [b.__module__[len(prefix):] for b in obj.__mro__[1:]
                     if b.__module__.startswith(prefix)]
            bases = [b for b in bases if b not in ('envelope', 'oscillator', 'mabase')]
            if bases and bases[0] in specs.API_MODULES:
                out.append(name)
        elif module in specs.API_MODULES:
            out.append(name)
    return out


def describe_studies(bt: Any) -> dict:
    """harness.describe for bt.studies.Fractal."""
    space = types.SimpleNamespace(indicators=bt.studies, Indicator=bt.Indicator)
    return harness.describe(space, ['Fractal'])


def plot_info(bt: Any) -> dict:
    """Plot label and instance plot settings (after ``_plotinit``) of every
    spec of the groups, built on the first dataset."""
    made = {}
    groups = [spec for group in specs.GROUPS.values() for spec in group]

    class Holder(bt.Strategy):
        def __init__(self):
            for key, expr in groups:
                made[key] = _build(bt, expr, d=self.data)

    cerebro = bt.Cerebro(stdstats=False)
    cerebro.adddata(bt.feeds.PandasData(dataname=frame_of('day1').iloc[:60],
                                        openinterest=None))
    cerebro.addstrategy(Holder)
    cerebro.run()
    out = {}
    for key, ind in made.items():
        ind._plotinit()
        out[key] = {'label': harness._plain(list(ind._plotlabel())),
                    'plotinfo': {k: harness._plain(v)
                                 for k, v in ind.plotinfo._getkwargs().items()}}
    return out


#: specs whose maths runs through LAPACK (np.polyfit): OpenBLAS picks its
#: kernels by CPU, so upstream's own last bits change from machine to
#: machine; these are held to 1e-12 relative on the recorded samples
LAPACK_KEYS = frozenset({'Hurst', 'Hurst_p'})


def _close_enough(values: list, mine: dict, digest_: dict) -> bool:
    if (mine['len'], mine['nan']) != (digest_['len'], digest_['nan']):
        return False
    return all(idx < len(values) and (math.isclose(values[idx], value, rel_tol=1e-12)
                                      or math.isnan(values[idx]) and math.isnan(value))
               for idx, value in digest_['samples'])


def mismatches(want: dict, got: dict) -> list:
    """Differences between recorded digests (``want``) and fresh results
    (``got``, as run_specs returns them): minimum periods, line names and
    bit-level line values; errors must be the same exception type."""
    problems = []
    for key, exp in want.items():
        res = got.get(key)
        if res is None:
            problems.append('%s: not run' % key)
            continue
        if 'error' in exp or 'error' in res:
            if exp.get('error') != res.get('error'):
                problems.append('%s: error %s, upstream %s'
                                % (key, res.get('error'), exp.get('error')))
            continue
        if res['minperiod'] != exp['minperiod']:
            problems.append('%s: minperiod %d, upstream %d'
                            % (key, res['minperiod'], exp['minperiod']))
        if list(res['lines']) != list(exp['lines']):
            problems.append('%s: lines %s, upstream %s'
                            % (key, list(res['lines']), list(exp['lines'])))
            continue
        for name, digest_ in exp['lines'].items():
            values = res['lines'][name]
            mine = harness.summarise(values)
            if mine['sha256'] == digest_['sha256']:
                continue
            if key in LAPACK_KEYS and _close_enough(values, mine, digest_):
                continue
            detail = 'differs'
            for idx, value in digest_['samples']:
                if idx < len(values) and repr(values[idx]) != repr(value):
                    detail = '[%d] = %r, upstream %r' % (idx, values[idx], value)
                    break
            problems.append('%s.%s: %s (%d values, upstream %d; nan %d vs %d)'
                            % (key, name, detail, mine['len'], digest_['len'],
                               mine['nan'], digest_['nan']))
    return problems


def run_group_safely(bt: Any, dataset: str, runonce: bool, group: list,
                     want: dict) -> dict:
    """run_specs over the specs upstream computed, plus each spec upstream
    failed on alone, recording its exception type like the recorder."""
    ok = [spec for spec in group if 'error' not in want.get(spec[0], {})]
    results = run_specs(bt, dataset, runonce, ok)
    for spec in group:
        if spec in ok:
            continue
        try:
            results.update(run_specs(bt, dataset, runonce, [spec]))
        except Exception as exc:  # noqa: BLE001 - compared with upstream's
            results[spec[0]] = {'error': type(exc).__name__}
    return results
