#!/usr/bin/env python3
"""Record tests/goldens/plot_layout.json from upstream backtrader.

The chart scenarios (tests/_plot_scenario.py) are run by the reference
interpreter, isolated (``-I``), one process per scenario, from a scratch
directory so that it imports upstream's backtrader and not this tree's; the
recorder checks which backtrader the child imported.  Stored: the layout of every scenario's
figures and upstream's PlotScheme defaults.

Usage: tools/record_plot_layout.py [--python /tmp/upstream/bin/python]
"""
from __future__ import annotations

import argparse
import json
import sys

from _upstream_child import TESTS, run_upstream

GOLDEN = TESTS / 'goldens' / 'plot_layout.json'

# one process per scenario: upstream's plotter writes cerebro.plot()'s
# keyword arguments into its shared default PlotScheme, so in one process a
# scenario's settings (volume=False, style='candle') leak into the next
CHILD = (
    'import sys, json; sys.path.insert(0, %r); '
    'import matplotlib, backtrader, _plot_scenario as s; '
    'name = sys.argv[1]; '
    'print(json.dumps({"backtrader": backtrader.__file__, '
    '"version": backtrader.__version__, "matplotlib": matplotlib.__version__, '
    '"names": sorted(s.SCENARIOS), "scheme": s.scheme_defaults(), '
    '"layout": s.describe(s.run(name)) if name else None}))'
    % str(TESTS))


def run_child(python: str, name: str) -> dict:
    return run_upstream(python, CHILD, [name],
                        env={'PATH': '/usr/bin:/bin', 'MPLBACKEND': 'Agg'})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--python', default='/tmp/upstream/bin/python')
    args = parser.parse_args(argv)
    try:
        first = run_child(args.python, '')
        layouts = {name: run_child(args.python, name)['layout'] for name in first['names']}
    except RuntimeError as exc:
        sys.stderr.write('%s\n' % exc)
        return 1
    golden = {'scenario': 'plot_layout',
              'meta': {'upstream_version': first['version'],
                       'matplotlib': first['matplotlib'],
                       'data': 'backtrader/datafiles/BTCUSDT-1d.csv'},
              'scheme': first['scheme'],
              'scenarios': layouts}
    GOLDEN.write_text(json.dumps(golden, indent=1, sort_keys=True) + '\n', encoding='utf-8')
    print('wrote %s' % GOLDEN)
    return 0


if __name__ == '__main__':
    sys.exit(main())
