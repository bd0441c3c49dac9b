"""BackBroker/BrokerBase public API: params, setters, aliases, commission
lookup, fund figures and the volume fillers (expected values observed with
upstream backtrader 1.9.78.123 making the same calls)."""
import pytest

from backtrader import broker as broker_module
from backtrader import brokers, fillers
from backtrader.broker import BrokerBase, MetaBroker
from backtrader.brokers.bbroker import BackBroker
from backtrader.comminfo import CommInfoBase
from backtrader.order import Order

from _broker_fakes import FakeData, FakeStrategy

BARS = [(100, 110, 90, 102, 33), (103, 110, 101, 108, 55)]


def test_params_order_and_defaults():
    p = BackBroker.params
    assert p._getkeys() == [
        'commission', 'cash', 'checksubmit', 'eosbar', 'filler', 'slip_perc',
        'slip_fixed', 'slip_open', 'slip_match', 'slip_limit', 'slip_out', 'coc',
        'coo', 'int2pnl', 'shortcash', 'fundstartval', 'fundmode']
    assert [v for k, v in p._gettuple()][1:] == [
        10000.0, True, False, None, 0.0, 0.0, False, True, True, False, False,
        False, True, True, 100.0, False]
    comm = BackBroker().p.commission
    assert isinstance(comm, CommInfoBase) and comm.p.percabs is True


def test_aliases():
    assert brokers.BrokerBack is brokers.BackBroker is BackBroker
    assert broker_module.filler is fillers and broker_module.fillers is fillers
    assert BackBroker.getcash is BackBroker.get_cash
    assert BackBroker.getvalue is BackBroker.get_value
    assert BackBroker.setcash is BackBroker.set_cash
    assert BackBroker.seteosbar is BackBroker.set_eosbar
    assert isinstance(BackBroker, MetaBroker)

    class MyBroker(BrokerBase):
        def getcash(self):
            return 1.5

        def getvalue(self, datas=None):
            return 2.5

    mine = MyBroker()
    assert (mine.get_cash(), mine.get_value()) == (1.5, 2.5)


def test_initial_figures():
    b = BackBroker()
    assert (b.getcash(), b.get_cash(), b.startingcash, b.getvalue()) == (10000.0,) * 4
    assert (b.get_fundshares(), b.get_fundvalue(), b.fundmode, b.fundshares,
            b.fundvalue, b.get_leverage()) == (100.0, 100.0, False, 100.0, 100.0, 1.0)
    assert BackBroker(cash=123.0).startingcash == 123.0


def test_set_cash_survives_start():
    b = BackBroker()
    b.set_cash(5000)
    assert (b.getcash(), b.startingcash, b.p.cash, b.getvalue()) == (5000,) * 4
    b.start()
    assert (b.getcash(), b.getvalue(), b.get_fundshares(), b.get_fundvalue()) == (5000, 5000, 50.0, 100.0)


def test_fundmode_setters():
    b = BackBroker()
    b.set_cash(5000)
    assert b.get_fundshares() == 100.0  # shares are recomputed by start()
    b.start()
    b.set_fundmode(True, 20.0)
    assert (b.fundmode, b.p.fundstartval, b.get_fundshares()) == (True, 20.0, 50.0)
    b.start()
    assert (b.get_fundshares(), b.get_fundvalue()) == (250.0, 20.0)
    b.fundmode = False
    assert b.p.fundmode is False


def test_add_cash_waits_for_next_valuation():
    b = BackBroker()
    b.add_cash(50)
    assert (b.getcash(), b.getvalue()) == (10000.0, 10000.0)
    b.start()  # a restart forgets pending additions
    assert b.getcash() == 10000.0


def test_slippage_and_flag_setters():
    b = BackBroker()
    b.set_slippage_fixed(1.5)
    p = b.p
    assert (p.slip_fixed, p.slip_perc, p.slip_open, p.slip_limit, p.slip_match, p.slip_out) == \
        (1.5, 0.0, True, True, True, False)
    b.set_slippage_perc(0.1, slip_open=False, slip_out=True)
    assert (p.slip_fixed, p.slip_perc, p.slip_open, p.slip_limit, p.slip_match, p.slip_out) == \
        (0.0, 0.1, False, True, True, True)
    b.set_coc(True)
    b.set_coo(True)
    b.set_shortcash(False)
    b.set_int2pnl(False)
    b.set_checksubmit(False)
    b.seteosbar(True)
    b.set_filler(3)
    assert (p.coc, p.coo, p.shortcash, p.int2pnl, p.checksubmit, p.eosbar, p.filler) == \
        (True, True, False, False, False, True, 3)


def test_commission_lookup_by_data_name():
    b = BackBroker()
    named, unnamed = FakeData(BARS, name='abc'), FakeData(BARS)
    assert list(b.comminfo) == [None]
    b.setcommission(commission=0.5, name='abc')
    ci = b.getcommissioninfo(named)
    assert (ci.p.commission, ci.p.percabs) == (0.5, True)  # percabs defaults True here
    assert b.getcommissioninfo(unnamed) is b.comminfo[None]
    custom = CommInfoBase(commission=2.0, margin=10.0)
    b.addcommissioninfo(custom)
    assert b.getcommissioninfo(unnamed) is custom
    b.start()  # schemes survive a restart
    assert b.getcommissioninfo(unnamed) is custom


def test_brokerbase_abstract_calls():
    bb = BrokerBase()
    assert (bb.get_fundshares(), bb.get_fundmode(), bb.fundmode) == (1.0, False, False)
    for call in (bb.getcash, lambda: bb.getposition(None), lambda: bb.submit(None),
                 lambda: bb.cancel(None), lambda: bb.getvalue(), lambda: bb.fundvalue,
                 lambda: bb.buy(None, None, 1), lambda: bb.sell(None, None, 1),
                 lambda: bb.add_order_history([]), lambda: bb.set_fund_history([])):
        with pytest.raises(NotImplementedError):
            call()
    bb.next()
    bb.set_fundmode(True)
    assert bb.get_fundmode() is False


def _broker_with_order(**kw):
    b = BackBroker(**kw)
    b.start()
    data = FakeData(BARS)
    data.idx = 0
    strat = FakeStrategy(b, [data])
    order = strat.buy(size=5, exectype=Order.Limit, price=50.0)
    return b, data, order


def test_notifications_orders_open_and_status():
    b, data, order = _broker_with_order()
    first = b.get_notification()
    assert first is not order and first.ref == order.ref and first.status == Order.Submitted
    assert b.get_notification() is None
    assert b.get_orders_open() == []  # still waiting for the submission check
    data.idx = 1
    b.next()
    assert b.get_notification().status == Order.Accepted
    opened = b.get_orders_open()
    assert opened == [order] and opened[0] is order
    safe = b.get_orders_open(safe=True)
    assert safe == [order] and safe[0] is not order
    # upstream raises here (it looks up the index); the intent is the status
    assert b.orderstatus(order) == Order.Accepted
    assert b.cancel(order) is True and b.cancel(order) is False
    assert b.get_notification().status == Order.Canceled


def test_without_checksubmit_orders_are_accepted_at_once():
    b, data, order = _broker_with_order(checksubmit=False)
    assert b.get_notification().status == Order.Accepted
    assert b.get_orders_open() == [order]


class _Order:
    def __init__(self, data, remsize):
        self.data = data

        class _Exec:
            pass
        self.executed = _Exec()
        self.executed.remsize = remsize


def test_fillers():
    data = FakeData(BARS)
    data.idx = 0  # volume 33, high 110, low 90
    assert fillers.FixedSize.params._gettuple() == (('size', None),)
    assert fillers.FixedBarPerc.params._gettuple() == (('perc', 100.0),)
    assert fillers.BarPointPerc.params._gettuple() == (('minmov', None), ('perc', 100.0))
    assert fillers.FixedSize()(_Order(data, 50), 1.0, 0) == 33.0
    assert fillers.FixedSize(size=20)(_Order(data, -50), 1.0, 0) == 20
    assert fillers.FixedSize()(_Order(data, -10), 1.0, 0) == 10
    assert fillers.FixedBarPerc(perc=50)(_Order(data, 50), 1.0, 0) == 16.0
    assert fillers.BarPointPerc()(_Order(data, 50), 1.0, 0) == 33.0
    # 1 + 20 // 0.5 = 41 price points -> 33 / 41 * 50 // 100 = 0
    assert fillers.BarPointPerc(minmov=0.5, perc=50)(_Order(data, 50), 1.0, 0) == 0.0
    data.idx = 1  # volume 55, range 9 -> 10 points at minmov 1
    assert fillers.BarPointPerc(minmov=1.0)(_Order(data, 50), 1.0, 0) == 5.0


def test_cash_must_be_a_number():
    b = BackBroker()
    with pytest.raises(TypeError, match='cash'):
        b.set_cash('1000')
    with pytest.raises(TypeError, match='cash'):
        b.add_cash(None)
    assert b.getcash() == 10000.0
