"""A minimal stand-in engine to drive the broker in tests.

``FakeData`` offers what the broker and orders read from a data feed
(``datetime``/OHLCV lines indexed with ``[ago]``, ``len``, ``_name``,
``p.sessionend``, ``date2num``...).  ``run_scenario`` advances the datas bar
by bar in the engine's order: strategy ``next_open`` actions (cheat-on-open),
``broker.next()``, notifications, strategy ``next`` actions.
"""
import contextlib
import datetime
import io

from backtrader.brokers.bbroker import BackBroker
from backtrader.utils.date import date2num, num2date

import _broker_scenarios as SC

SESSION_END = datetime.time(23, 59, 59, 999990)


class FakeLine:
    def __init__(self, values, owner):
        self.values = values
        self.owner = owner

    def __getitem__(self, ago):
        return self.values[self.owner.idx + ago]


class FakeDateTimeLine(FakeLine):
    def datetime(self, ago=0):
        return num2date(self[ago])

    def date(self, ago=0):
        return self.datetime(ago).date()


class FakeParams:
    sessionend = SESSION_END


class FakeData:
    """List-backed data feed; ``idx`` is the current bar (``[0]``)."""

    _compensate = None
    _tz = None

    def __init__(self, bars, start=datetime.datetime(2020, 1, 1),
                 step=datetime.timedelta(days=1), name=''):
        self._name = name
        self.p = FakeParams()
        self.idx = -1
        rows = [tuple(b) + ((1000,) if len(b) == 4 else ()) for b in bars]
        self.n = len(rows)
        self.datetime = FakeDateTimeLine(
            [date2num(start + i * step) for i in range(self.n)], self)
        for col, name_ in enumerate(('open', 'high', 'low', 'close', 'volume')):
            setattr(self, name_, FakeLine([float(r[col]) for r in rows], self))
        self.openinterest = FakeLine([0.0] * self.n, self)

    def __len__(self):
        return self.idx + 1

    def date2num(self, dt):
        return date2num(dt)

    def num2date(self, x=None, tz=None, naive=True):
        return num2date(self.datetime[0] if x is None else x, tz, naive)


class FakeStrategy:
    """The order API of a strategy, default size 1 (as the default sizer)."""

    def __init__(self, broker, datas):
        self.broker = broker
        self.datas = datas
        self.data = datas[0]

    def __len__(self):
        return len(self.data)

    @property
    def position(self):
        return self.broker.getposition(self.data)

    def getposition(self, data=None):
        return self.broker.getposition(data or self.data)

    def _order(self, method, data=None, size=None, **kwargs):
        size = 1 if size is None else size
        if not size:
            return None
        return method(self, data or self.data, size, **kwargs)

    def buy(self, **kwargs):
        return self._order(self.broker.buy, **kwargs)

    def sell(self, **kwargs):
        return self._order(self.broker.sell, **kwargs)

    def cancel(self, order):
        self.broker.cancel(order)


class FakeCerebro:
    def __init__(self, datas, strategy):
        self.datas = datas
        self.datasbyname = {d._name: d for d in datas}
        self.runningstrats = [strategy]


def run_scenario(sc, broker=None):
    """Run scenario ``sc``; returns the lines a strategy would print."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        _run(sc, broker or BackBroker())
    return out.getvalue().splitlines()


def _run(sc, broker):
    start = sc.get('start', datetime.datetime(2020, 1, 1))
    step = sc.get('step', datetime.timedelta(days=1))
    datas = [FakeData(sc['bars'], start, step)]
    datas += [FakeData(bars, start, step, name) for name, bars in sc.get('extra', [])]
    for name, args, kwargs in sc.get('setup', []):
        getattr(broker, name)(*args, **kwargs)
    strat = FakeStrategy(broker, datas)
    broker.cerebro = FakeCerebro(datas, strat)
    broker.start()
    if sc.get('open_actions'):
        broker.set_coo(True)
    SC.start_scenario()
    for i in range(datas[0].n):
        for d in datas:
            d.idx = i
        act = sc.get('open_actions', {}).get(len(strat) - 1)
        if act:
            act(strat)
        broker.next()
        while True:
            order = broker.get_notification()
            if order is None:
                break
            for line in SC.notify_lines(len(strat), order):
                print(line)
        print(SC.fmt_next(len(strat), datas[0], broker, strat.position))
        act = sc['actions'].get(len(strat))
        if act:
            act(strat)
    broker.stop()
    print('FINAL cash=%f value=%f' % (broker.getcash(), broker.getvalue()))
