"""Record what upstream backtrader's broker does in tests/_broker_scenarios.py.

Run with the interpreter that has upstream backtrader 1.9.78.123 (and
pandas) installed, e.g.::

    /tmp/upstream/bin/python tools/record_broker_goldens.py

Writes tests/goldens/broker_scenarios.json: {scenario name: [lines]}.
"""
import contextlib
import datetime
import io
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.join(os.path.dirname(HERE), 'tests')
sys.path.insert(0, TESTS)

import backtrader as bt  # noqa: E402  (upstream)
import pandas as pd  # noqa: E402

import _broker_scenarios as SC  # noqa: E402


def make_feed(bars, start, step, name=None):
    index = [start + i * step for i in range(len(bars))]
    rows = [tuple(b) + ((1000,) if len(b) == 4 else ()) for b in bars]
    frame = pd.DataFrame(rows, columns=['open', 'high', 'low', 'close', 'volume'],
                         index=index)
    frame['openinterest'] = 0
    return bt.feeds.PandasData(dataname=frame, name=name)


class Recorder(bt.Strategy):
    params = (('actions', {}), ('open_actions', {}))

    def notify_order(self, order):
        for line in SC.notify_lines(len(self), order):
            print(line)

    def next_open(self):
        act = self.p.open_actions.get(len(self))
        if act:
            act(self)

    def next(self):
        print(SC.fmt_next(len(self), self.data, self.broker, self.position))
        act = self.p.actions.get(len(self))
        if act:
            act(self)


def run(sc):
    start = sc.get('start', datetime.datetime(2020, 1, 1))
    step = sc.get('step', datetime.timedelta(days=1))
    cerebro = bt.Cerebro(stdstats=False, runonce=sc.get('runonce', True),
                         cheat_on_open=bool(sc.get('open_actions')))
    cerebro.adddata(make_feed(sc['bars'], start, step))
    for name, bars in sc.get('extra', []):
        cerebro.adddata(make_feed(bars, start, step, name), name=name)
    cerebro.addstrategy(Recorder, actions=sc['actions'],
                        open_actions=sc.get('open_actions', {}))
    for name, args, kwargs in sc.get('setup', []):
        getattr(cerebro.broker, name)(*args, **kwargs)
    SC.start_scenario()
    cerebro.run()
    broker = cerebro.broker
    print('FINAL cash=%f value=%f' % (broker.getcash(), broker.getvalue()))


def main():
    goldens = {}
    for sc in SC.SCENARIOS:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            run(sc)
        goldens[sc['name']] = out.getvalue().splitlines()
    path = os.path.join(TESTS, 'goldens', 'broker_scenarios.json')
    with open(path, 'w') as fh:
        json.dump(goldens, fh, indent=0)
    print('wrote %d scenarios to %s' % (len(goldens), path))


if __name__ == '__main__':
    main()
