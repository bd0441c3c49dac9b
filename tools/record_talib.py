#!/usr/bin/env python3
"""Record tests/goldens/talib_real.json: upstream backtrader's bt.talib with
the real ta-lib package (tests/_talib_scenario.py).

The reference interpreter must have upstream backtrader 1.9.78.123, numpy
and ta-lib (e.g. a virtualenv made for this: ``pip install ta-lib numpy
backtrader==1.9.78.123``).  It runs isolated (``-I``) from a scratch
directory; the recorder checks it did not import this tree.

Usage: tools/record_talib.py [--python /tmp/talibvenv/bin/python]
"""
from __future__ import annotations

import argparse
import json
import sys

from _upstream_child import ROOT, TESTS, run_upstream

GOLDEN = TESTS / 'goldens' / 'talib_real.json'

CHILD = (
    'import sys, json; sys.path.insert(0, %r); '
    'import backtrader, talib, _talib_scenario as s; '
    'print(json.dumps({"backtrader": backtrader.__file__, '
    '"version": backtrader.__version__, "talib": talib.__version__, '
    '"results": s.run_all()}))' % str(TESTS))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--python', default='/tmp/talibvenv/bin/python')
    args = parser.parse_args(argv)
    try:
        out = run_upstream(args.python, CHILD)
    except RuntimeError as exc:
        sys.stderr.write('%s\n' % exc)
        return 1
    golden = {'meta': {'upstream_version': out['version'], 'talib_version': out['talib']},
              'results': out['results']}
    GOLDEN.write_text(json.dumps(golden, separators=(',', ':')) + '\n')
    print('wrote %s' % GOLDEN.relative_to(ROOT))
    return 0


if __name__ == '__main__':
    sys.exit(main())
