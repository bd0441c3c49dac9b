#!/usr/bin/env python3
"""Record tests/goldens/strategies_pkg.json from upstream backtrader.

The scenario (tests/_strategies_pkg_scenario.py) is run by the reference
interpreter, isolated (``-I``) and from a scratch directory so that it
imports upstream's backtrader and not this tree's; the recorder checks which
backtrader the child imported.  Modes that give identical results are stored
once per case, so the golden says both what happened and that upstream is
mode-independent here.

Usage: tools/record_strategies_pkg.py [--python /tmp/upstream/bin/python]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / 'tests'
GOLDEN = TESTS / 'goldens' / 'strategies_pkg.json'

CHILD = (
    'import sys, json; sys.path.insert(0, %r); '
    'import backtrader, _strategies_pkg_scenario as s; '
    'print(json.dumps({"backtrader": backtrader.__file__, '
    '"version": backtrader.__version__, "results": s.run_all()}))'
    % str(TESTS))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--python', default='/tmp/upstream/bin/python')
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix='strategies-pkg-') as cwd:
        proc = subprocess.run([args.python, '-I', '-c', CHILD], cwd=cwd,
                              capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        return 1
    out = json.loads(proc.stdout)
    if str(ROOT) in out['backtrader']:
        sys.stderr.write('child imported this tree, not upstream: %s\n'
                         % out['backtrader'])
        return 1
    golden = {'scenario': 'strategies_pkg',
              'meta': {'upstream_version': out['version'],
                       'data': 'backtrader/datafiles/BTCUSDT-1d.csv'},
              'cases': {}}
    for case, modes in out['results'].items():
        unique = []
        index = {}
        for mode, result in modes.items():
            if result not in unique:
                unique.append(result)
            index[mode] = unique.index(result)
        golden['cases'][case] = {'modes': index, 'results': unique}
    GOLDEN.write_text(json.dumps(golden, indent=1, sort_keys=False) + '\n')
    print('wrote %s (%d cases)' % (GOLDEN.relative_to(ROOT), len(golden['cases'])))
    return 0


if __name__ == '__main__':
    sys.exit(main())
