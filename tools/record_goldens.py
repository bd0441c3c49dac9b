#!/usr/bin/env python3
"""Record golden outputs of the compatibility scenarios under upstream.

Each scenario in tests/scenarios runs in all 16 run modes inside a
subprocess of the reference interpreter (a virtualenv with upstream
backtrader 1.9.78.123).  The child is started isolated (``-I``) from a
directory outside the project so it imports upstream's backtrader, never
ours; the recorder checks the imported path.  Identical results of different
modes are stored once:

    {"scenario": ..., "meta": {...}, "modes": {mode: index}, "results": [...]}

Top-level parts of a result equal to the same part of an earlier unique
result are stored as references ({"__same_as__": index}).  A mode in which
upstream raises is stored as {"__exception__": {...}} and
reported as a warning.  The files hold no date, so re-recording on the same
stack rewrites them byte for byte.

Usage:
    tools/record_goldens.py [--python /tmp/upstream/bin/python] [--isolate]
                            [--jobs N] [--check] [scenario ...]
"""
from __future__ import annotations

import argparse
import concurrent.futures
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / 'tests'
GOLDENS = TESTS / 'goldens'
DEFAULT_PYTHON = '/tmp/upstream/bin/python'
SLOW_MODE_SECONDS = 0.3

sys.path.insert(0, str(TESTS))
from scenarios import _harness  # noqa: E402

CHILD_CODE = (
    'import sys; sys.path.insert(0, %r); '
    'from scenarios import _harness; '
    'sys.exit(_harness.child_main(sys.argv[1:]))' % str(TESTS)
)


def dumps(obj: Any, indent: int = 0, width: int = 100) -> str:
    """JSON text: small containers on one line, big ones one item a line."""
    compact = json.dumps(obj, separators=(',', ':'), allow_nan=True)
    if len(compact) <= width or not isinstance(obj, (dict, list)) or not obj:
        return compact
    pad = ' ' * (indent + 1)
    if isinstance(obj, dict):
        items = [pad + json.dumps(k) + ':' + dumps(v, indent + 1, width)
                 for k, v in obj.items()]
        return '{\n' + ',\n'.join(items) + '\n' + ' ' * indent + '}'
    items = [pad + dumps(v, indent + 1, width) for v in obj]
    return '[\n' + ',\n'.join(items) + '\n' + ' ' * indent + ']'


def run_child(python: str, name: str, modes: list[str]) -> dict:
    """Run scenario ``name`` in ``modes`` under ``python``; parse its JSON."""
    with tempfile.TemporaryDirectory(prefix='goldens-') as cwd:
        proc = subprocess.run(
            [python, '-I', '-c', CHILD_CODE, name] + modes,
            cwd=cwd, capture_output=True, text=True, timeout=900)
    if proc.returncode != 0:
        raise RuntimeError('child for %s failed (rc=%d):\n%s'
                           % (name, proc.returncode, proc.stderr))
    return json.loads(proc.stdout)


def collect(python: str, name: str, isolate: bool) -> dict:
    """Results of every mode for one scenario (one child, or one per mode)."""
    modes = list(_harness.MODES)
    if not isolate:
        return run_child(python, name, modes)
    merged: dict[str, Any] = {}
    for mode in modes:
        part = run_child(python, name, [mode])
        if not merged:
            merged = part
        else:
            for key in ('results', 'errors', 'seconds'):
                merged[key].update(part[key])
    return merged


def build_golden(name: str, child: dict) -> dict:
    """Deduplicate per-mode results into the golden file layout."""
    results: list[Any] = []
    index: dict[str, int] = {}
    modes: dict[str, int] = {}
    for mode in _harness.MODES:
        text = json.dumps(child['results'][mode], allow_nan=True)
        if text not in index:
            index[text] = len(results)
            results.append(share_parts(child['results'][mode], results))
        modes[mode] = index[text]
    return {'scenario': name, 'meta': child['meta'], 'modes': modes,
            'results': results}


def share_parts(result: Any, earlier: list[Any]) -> Any:
    """Replace top-level values already stored in an earlier unique result.

    Modes often differ in one part only (e.g. full arrays are skipped with
    exactbars=1); such parts become {"__same_as__": index} references that
    _harness.expand_result resolves.
    """
    if not isinstance(result, dict):
        return result
    out = {}
    for key, value in result.items():
        text = json.dumps(value, allow_nan=True)
        for i, other in enumerate(earlier):
            if (isinstance(other, dict) and key in other
                    and json.dumps(other[key], allow_nan=True) == text):
                out[key] = {_harness.SAME_AS_KEY: i}
                break
        else:
            out[key] = value
    return out


def check_import(child: dict, python: str) -> None:
    """Refuse results that came from this project's package."""
    path = Path(child['backtrader_file']).resolve()
    if ROOT in path.parents:
        raise RuntimeError('%s imported backtrader from the project (%s), '
                           'not upstream' % (python, path))


def record(python: str, name: str, isolate: bool, check: bool) -> dict:
    """Record (or with check=True, verify) one scenario; return a summary."""
    t0 = time.perf_counter()
    child = collect(python, name, isolate)
    check_import(child, python)
    text = dumps(build_golden(name, child)) + '\n'
    target = GOLDENS / (name + '.json')
    summary = {
        'name': name, 'file': child['backtrader_file'],
        'errors': child['errors'], 'seconds': time.perf_counter() - t0,
        'slowest': max(child['seconds'].values()),
        'cpu': sum(child['seconds'].values()),
        'unique': len(set(json.dumps(r) for r in child['results'].values())),
        'size': len(text), 'changed': None,
    }
    if check:
        old = target.read_text() if target.exists() else None
        summary['changed'] = old != text
    else:
        target.write_text(text)
    return summary


def report(s: dict, traceback: bool = False) -> None:
    """Print one scenario's summary and any upstream failures."""
    flag = ''
    if s['changed'] is not None:
        flag = ' DIFFERS' if s['changed'] else ' same'
    print('%-28s %5.1fs wall, slowest mode %.3fs CPU, %2d unique, %7d bytes%s'
          % (s['name'], s['seconds'], s['slowest'], s['unique'], s['size'],
             flag))
    if s['slowest'] > SLOW_MODE_SECONDS:
        print('  WARNING: slowest mode above %.1fs' % SLOW_MODE_SECONDS)
    for mode, tb in sorted(s['errors'].items()):
        last = tb.strip().splitlines()[-1]
        print('  WARNING: upstream raised in %s: %s' % (mode, last))
    if traceback and s['errors']:
        lines = sorted(s['errors'].items())[0][1].splitlines()
        if len(lines) > 30:
            lines = lines[:10] + ['  ...'] + lines[-19:]
        print('\n'.join(lines))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--python', default=DEFAULT_PYTHON,
                    help='reference interpreter (default %(default)s)')
    ap.add_argument('--isolate', action='store_true',
                    help='one process per mode instead of per scenario')
    ap.add_argument('--jobs', type=int, default=2,
                    help='scenarios recorded in parallel')
    ap.add_argument('--check', action='store_true',
                    help='compare with the stored goldens, write nothing')
    ap.add_argument('--traceback', action='store_true',
                    help="print upstream's first traceback per scenario")
    ap.add_argument('scenarios', nargs='*',
                    help='scenario names (default: all)')
    args = ap.parse_args(argv)
    names = args.scenarios or _harness.scenario_names()
    unknown = sorted(set(names) - set(_harness.scenario_names()))
    if unknown:
        ap.error('unknown scenarios: %s' % ', '.join(unknown))
    GOLDENS.mkdir(exist_ok=True)
    t0 = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        futures = [pool.submit(record, args.python, n, args.isolate,
                               args.check) for n in names]
        summaries = [f.result() for f in futures]
    print('backtrader imported from', summaries[0]['file'])
    for s in summaries:
        report(s, args.traceback)
    print('%d scenarios in %.1fs (%.1fs CPU in scenario runs)'
          % (len(summaries), time.perf_counter() - t0,
             sum(s['cpu'] for s in summaries)))
    if args.check and any(s['changed'] for s in summaries):
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
