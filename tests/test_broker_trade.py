"""Trade bookkeeping (expected numbers observed by feeding the same updates to
upstream backtrader 1.9.78.123's ``Trade`` with a list-backed data)."""
import pickle

import pytest

from backtrader.comminfo import CommInfoBase
from backtrader.trade import Trade, TradeHistory

from _broker_fakes import FakeData

BARS = [(100, 101, 99, 100)] * 12


class _Params:
    simulated = False


class _Order:
    p = _Params()


@pytest.fixture
def data():
    d = FakeData(BARS, name='X')
    d.idx = 0
    return d


def test_new_trade_fields(data):
    t = Trade(data=data, tradeid=3, historyon=True)
    assert (t.size, t.price, t.value, t.commission, t.pnl, t.pnlcomm) == (0, 0.0, 0.0, 0.0, 0.0, 0.0)
    assert (t.justopened, t.isopen, t.isclosed, t.status) == (False, False, False, Trade.Created)
    assert (t.baropen, t.dtopen, t.barclose, t.dtclose, t.barlen) == (0, 0.0, 0, 0.0, 0)
    assert Trade.status_names == ['Created', 'Open', 'Closed']
    lines = str(t).splitlines()
    assert [ln.split(':')[0] for ln in lines] == [
        'ref', 'data', 'tradeid', 'size', 'price', 'value', 'commission', 'pnl',
        'pnlcomm', 'justopened', 'isopen', 'isclosed', 'baropen', 'dtopen',
        'barclose', 'dtclose', 'barlen', 'historyon', 'history', 'status']
    assert lines[2] == 'tradeid:3' and lines[-1] == 'status:0'


def test_refs_increase():
    t1, t2 = Trade(), Trade()
    assert t2.ref == t1.ref + 1


def test_long_trade_lifecycle(data):
    ci = CommInfoBase(commission=0.001, percabs=True)
    t = Trade(data=data, tradeid=3, historyon=True)
    # (size, price, commission) at bars 1, 3, 5, 7 -- value/pnl passed in are ignored
    steps = [(10, 100.0, 1.0), (5, 106.0, 0.53), (-8, 110.0, 0.88), (-7, 90.0, 0.63)]
    seen = []
    for k, (size, price, comm) in enumerate(steps):
        data.idx = k * 2
        t.update(_Order(), size, price, 999.0, comm, 12345.0, ci)
        seen.append((t.size, t.price, t.value, t.commission, t.pnl, t.pnlcomm,
                     t.justopened, t.isopen, t.isclosed, t.barlen, t.status))
    assert seen[0] == (10, 100.0, 1000.0, 1.0, 0.0, -1.0, True, True, False, 0, 1)
    assert seen[1] == (15, 102.0, 1530.0, 1.53, 0.0, -1.53, False, True, False, 2, 1)
    assert seen[2] == (7, 102.0, 714.0, 2.41, 64.0, 61.59, False, True, False, 4, 1)
    assert seen[3] == (0, 102.0, 0.0, 3.04, -20.0, -23.04, False, False, True, 6, 2)
    assert (t.baropen, t.dtopen, t.barclose, t.dtclose) == (1, data.datetime.values[0], 7, data.datetime.values[6])
    assert t.long is True and len(t) == 0 and not t
    assert str(t.open_datetime()) == '2020-01-01 00:00:00'
    assert str(t.close_datetime()) == '2020-01-07 00:00:00'
    assert t.getdataname() == 'X'


def test_history_entries(data):
    ci = CommInfoBase(commission=0.001, percabs=True)
    t = Trade(data=data, historyon=True)
    order = _Order()
    t.update(order, 10, 100.0, 0.0, 1.0, 0.0, ci)
    data.idx = 2
    t.update(order, -10, 104.0, 0.0, 1.04, 0.0, ci)
    assert len(t.history) == 2
    h = t.history[1]
    assert isinstance(h, TradeHistory)
    assert list(h.status.keys()) == ['status', 'dt', 'barlen', 'size', 'price',
                                     'value', 'pnl', 'pnlcomm', 'tz']
    assert (h.status.status, h.status.dt, h.status.barlen, h.status.size) == (2, data.datetime.values[2], 2, 0)
    assert (h.event.order, h.event.size, h.event.price, h.event.commission) == (order, -10, 104.0, 1.04)
    assert str(h.datetime()) == '2020-01-03 00:00:00'
    again = pickle.loads(pickle.dumps(t.history[0]))
    assert again.status.size == 10 and again.event.size == 10


def test_empty_update_is_ignored(data):
    t = Trade(data=data)
    assert t.update(_Order(), 0, 1.0, 0, 0, 0, CommInfoBase()) is None
    assert (t.status, t.isopen, t.history) == (Trade.Created, False, [])


def test_short_futures_trade(data):
    cf = CommInfoBase(commission=2.0, margin=1000, mult=10)
    t = Trade(data=data)
    t.update(_Order(), -3, 50.0, 0, 6.0, 0, cf)
    assert (t.size, t.price, t.value, t.pnl, t.pnlcomm) == (-3, 50.0, 3000, 0.0, -6.0)
    data.idx = 1
    t.update(_Order(), -2, 48.0, 0, 4.0, 0, cf)
    assert (t.size, t.price, t.value, t.pnl, t.pnlcomm) == (-5, 49.2, 5000, 0.0, -10.0)
    data.idx = 3
    t.update(_Order(), 5, 45.5, 0, 10.0, 0, cf)
    assert (t.size, t.price, t.value, t.barlen, t.status) == (0, 49.2, 0, 3, Trade.Closed)
    assert (t.pnl, t.pnlcomm) == (185.00000000000014, 165.00000000000014)
