"""Record what upstream backtrader's broker does in tests/_broker_scenarios.py.

Run with the interpreter that has upstream backtrader 1.9.78.123 (and
pandas) installed, e.g.::

    /tmp/upstream/bin/python tools/record_broker_goldens.py

Writes tests/goldens/broker_scenarios.json: {scenario name: [lines]}, or
the path given as first argument (e.g. to run the same scenarios through
this package's Cerebro and compare).
"""
import contextlib
import io
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.join(os.path.dirname(HERE), 'tests')
sys.path.insert(0, TESTS)

import _broker_scenarios as SC  # noqa: E402  (imports whichever backtrader runs)


def main():
    goldens = {}
    for sc in SC.SCENARIOS:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            try:
                SC.run_with_cerebro(sc)
            except Exception as exc:  # recorded, so a comparison shows it
                print('EXCEPTION %s: %s' % (type(exc).__name__, exc))
        goldens[sc['name']] = out.getvalue().splitlines()
    path = (sys.argv[1] if len(sys.argv) > 1
            else os.path.join(TESTS, 'goldens', 'broker_scenarios.json'))
    with open(path, 'w') as fh:
        json.dump(goldens, fh, indent=0)
    print('wrote %d scenarios to %s' % (len(goldens), path))


if __name__ == '__main__':
    main()
