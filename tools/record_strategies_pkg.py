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
import sys

from _upstream_child import ROOT, TESTS, run_upstream

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
    try:
        out = run_upstream(args.python, CHILD)
    except RuntimeError as exc:
        sys.stderr.write('%s\n' % exc)
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
