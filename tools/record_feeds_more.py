#!/usr/bin/env python3
"""Record tests/goldens/feeds_more.json from upstream backtrader.

The scenario (tests/_feeds_more_scenario.py) reads the fixtures under
tests/data/feeds_more/ with each feed added by the feeds_more work (MT4,
SierraChart, VisualChart CSV and binary files, Quandl CSV and download,
InfluxDB through a stand-in client, Blaze rows, Chainer, RollOver).  It is
run by the reference interpreter, isolated (``-I``) and from a scratch
directory so that it imports upstream's backtrader; the recorder checks
which backtrader the child imported.  Modes giving identical results are
stored once per case.

``--fixtures`` first rewrites the fixture files from the bundled market
data (backtrader/datafiles/), deterministically.

Usage: tools/record_feeds_more.py [--fixtures] [--python /tmp/upstream/bin/python]
"""
from __future__ import annotations

import argparse
import datetime
import json
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / 'tests'
GOLDEN = TESTS / 'goldens' / 'feeds_more.json'
FIXTURES = TESTS / 'data' / 'feeds_more'
BTC = ROOT / 'backtrader' / 'datafiles' / 'BTCUSDT-1d.csv'
XRP = ROOT / 'backtrader' / 'datafiles' / 'XRPUSDT-PERP-1h.csv'

CHILD = (
    'import sys, json; sys.path.insert(0, %r); '
    'import backtrader, _feeds_more_scenario as s; '
    'print(json.dumps({"backtrader": backtrader.__file__, '
    '"version": backtrader.__version__, "results": s.run_all()}))'
    % str(TESTS))


# --- fixtures ---------------------------------------------------------------------------
def _rows(path: Path) -> list:
    """[(date 'YYYY-MM-DD', time 'HH:MM:SS', o, h, l, c, v)] of a bundled file."""
    out = []
    for line in path.read_text().splitlines()[1:]:
        stamp, *values = line.split(',')
        day, _, tm = stamp.partition('T')
        out.append((day, tm.rstrip('Z') or '00:00:00', *map(float, values)))
    return out


def _write(name: str, lines: list) -> None:
    (FIXTURES / name).write_text('\n'.join(lines) + '\n')


def _text_fixtures(btc: list, xrp: list) -> None:
    _write('mt4.csv', ['%s,%s,%.5f,%.5f,%.5f,%.5f,%d' % (d.replace('-', '.'), t[:5], o, h, l, c, v)
                       for d, t, o, h, l, c, v in xrp[:40]])
    _write('sierrachart.csv', ['Date, Open, High, Low, Close, Volume, OpenInterest'] + [
        '%s,%.2f,%.2f,%.2f,%.2f,%.3f,%d' % (d.replace('-', '/'), o, h, l, c, v, 5000 + 7 * i)
        for i, (d, t, o, h, l, c, v) in enumerate(btc[:40])])
    header = 'Ticker,Per,Date,Time,Open,High,Low,Close,Vol,OI'
    _write('vchart_daily.csv', [header] + [
        '015BTC,D,%s,000000,%.2f,%.2f,%.2f,%.2f,%d,%d'
        % (d.replace('-', ''), o, h, l, c, v, 100 + i)
        for i, (d, t, o, h, l, c, v) in enumerate(btc[:30])])
    _write('vchart_intraday.csv', [header] + [
        '015XRP,I,%s,%s,%.5f,%.5f,%.5f,%.5f,%d,%d' % (d.replace('-', ''), t.replace(':', ''),
                                                     o, h, l, c, v, 10 + i)
        for i, (d, t, o, h, l, c, v) in enumerate(xrp[:40])])
    quandl = ['Date,Open,High,Low,Close,Volume,Ex-Dividend,Split Ratio,'
              'Adj. Open,Adj. High,Adj. Low,Adj. Close,Adj. Volume']
    for i, (d, t, o, h, l, c, v) in enumerate(btc[:30]):
        f = 0.5 + i / 1000.0
        quandl.append('%s,%.2f,%.2f,%.2f,%.2f,%.3f,0.0,1.0,%.6f,%.6f,%.6f,%.6f,%.4f'
                      % (d, o, h, l, c, v, o * f, h * f, l * f, c * f, v / f))
    _write('quandl.csv', quandl)
    _write('quandl_desc.csv', quandl[:1] + quandl[:0:-1])


def _slices(btc: list) -> None:
    """Chainer slices and RollOver contracts (a premium per contract, and
    volume that moves to the next contract before expiry)."""
    header = 'datetime,open,high,low,close,volume,openinterest'
    spans = {'chain_1.csv': (0, 60, 1.0), 'chain_2.csv': (50, 120, 1.001)}
    for name, (start, stop, k) in spans.items():
        _write(name, [header] + ['%s,%.2f,%.2f,%.2f,%.2f,%.5f,0'
                                 % (d, o * k, h * k, l * k, c * k, v)
                                 for d, t, o, h, l, c, v in btc[start:stop]])
    contracts = {'fut_1.csv': (0, 45, 1.00), 'fut_2.csv': (20, 95, 1.01),
                 'fut_3.csv': (70, 150, 1.02)}
    for name, (start, stop, k) in contracts.items():
        rows = []
        for i, (d, t, o, h, l, c, v) in enumerate(btc[start:stop]):
            left = stop - start - i  # days to expiry
            share = 0.2 if i < 12 else (0.4 if left < 10 else 1.0)
            rows.append('%s,%.2f,%.2f,%.2f,%.2f,%d,%d'
                        % (d, o * k, h * k, l * k, c * k, v * share, 1000 + 10 * i))
        _write(name, [header] + rows)


def _binary(path: Path, layout: str, records: list) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b''.join(struct.pack(layout, *rec) for rec in records))


def _vcdate(day: str) -> int:
    year, month, mday = map(int, day.split('-'))
    return year * 500 + month * 32 + mday


def _binary_fixtures(btc: list, xrp: list) -> None:
    daily = [(_vcdate(d), o, h, l, c, int(v), 50 + i)
             for i, (d, t, o, h, l, c, v) in enumerate(btc[:30])]
    start = datetime.datetime.strptime(xrp[0][0], '%Y-%m-%d') + datetime.timedelta(hours=22)
    minute = []
    for i, (d, t, o, h, l, c, v) in enumerate(xrp[:40]):
        stamp = start + datetime.timedelta(minutes=7 * i)  # crosses midnight
        seconds = stamp.hour * 3600 + stamp.minute * 60
        minute.append((_vcdate(stamp.strftime('%Y-%m-%d')), seconds, o, h, l, c, int(v), i))
    root = FIXTURES / 'vchart'
    _binary(root / '0015' / '010015BTC.fd', '<IffffII', daily)
    _binary(root / '0015' / '010015XRP.min', '<IIffffII', minute)
    _binary(root / 'RealServer' / 'Data' / '01' / '5BTC' / '015BTC.fd', '<IffffII', daily[5:])
    _binary(root / 'RealServer' / 'Data' / '01' / '5XRP' / '015XRP.min', '<IIffffII', minute)


def make_fixtures() -> None:
    FIXTURES.mkdir(parents=True, exist_ok=True)
    btc, xrp = _rows(BTC), _rows(XRP)
    _text_fixtures(btc, xrp)
    _slices(btc)
    _binary_fixtures(btc, xrp)


# --- recording ----------------------------------------------------------------------------
def _compress(results: dict) -> dict:
    """{case: {'modes': {mode: index}, 'results': [distinct results]}}."""
    cases = {}
    for case, modes in results.items():
        unique: list = []
        index = {}
        for mode, result in modes.items():
            if result not in unique:
                unique.append(result)
            index[mode] = unique.index(result)
        cases[case] = {'modes': index, 'results': unique}
    return cases


def _dumps(golden: dict) -> str:
    """JSON with one line per case (the bars make nested indentation huge)."""
    head = {key: value for key, value in golden.items() if key != 'cases'}
    body = ',\n'.join('  %s: %s' % (json.dumps(name), json.dumps(case, separators=(',', ':')))
                       for name, case in golden['cases'].items())
    return json.dumps(head)[:-1] + ',\n "cases": {\n' + body + '\n }\n}\n'


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--python', default='/tmp/upstream/bin/python')
    parser.add_argument('--fixtures', action='store_true',
                        help='rewrite tests/data/feeds_more from the bundled data first')
    args = parser.parse_args(argv)
    if args.fixtures:
        make_fixtures()
    with tempfile.TemporaryDirectory(prefix='feeds-more-') as cwd:
        proc = subprocess.run([args.python, '-I', '-c', CHILD], cwd=cwd,
                              capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        # only the error itself: a traceback would quote upstream's source
        lines = proc.stderr.strip().splitlines()
        sys.stderr.write('upstream run failed: %s\n' % (lines[-1] if lines else proc.returncode))
        return 1
    out = json.loads(proc.stdout.splitlines()[-1])
    if str(ROOT) in out['backtrader']:
        sys.stderr.write('child imported this tree, not upstream: %s\n' % out['backtrader'])
        return 1
    golden = {'scenario': 'feeds_more',
              'meta': {'upstream_version': out['version'],
                       'data': 'tests/data/feeds_more (from backtrader/datafiles)'},
              'cases': _compress(out['results'])}
    GOLDEN.write_text(_dumps(golden))
    print('wrote %s (%d cases)' % (GOLDEN.relative_to(ROOT), len(golden['cases'])))
    return 0


if __name__ == '__main__':
    sys.exit(main())
