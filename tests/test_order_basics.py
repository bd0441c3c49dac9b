"""Orders: creation, reference prices, validity, trailing set-up, snapshots
and naming (expected values observed with upstream backtrader 1.9.78.123
creating the same orders on a daily data at 2020-01-0x 00:00)."""
import datetime

import pytest

from backtrader.order import (BuyOrder, Order, OrderBase, OrderData,
                              OrderExecutionBit, SellOrder, StopBuyOrder,
                              StopLimitBuyOrder, StopLimitSellOrder,
                              StopSellOrder)

from _broker_fakes import FakeData

BARS = [(100, 105, 95, 102), (103, 110, 101, 108), (107, 109, 90, 91)]


@pytest.fixture
def data():
    d = FakeData(BARS)
    d.idx = 1  # 2020-01-02, close 108
    return d


def buy(data, **kw):
    return BuyOrder(owner=None, data=data, **kw)


def sell(data, **kw):
    return SellOrder(owner=None, data=data, **kw)


def test_constants():
    assert Order.ExecTypes == ['Market', 'Close', 'Limit', 'Stop', 'StopLimit',
                               'StopTrail', 'StopTrailLimit', 'Historical']
    assert [getattr(Order, n) for n in Order.ExecTypes] == list(range(8))
    assert Order.Status == ['Created', 'Submitted', 'Accepted', 'Partial', 'Completed',
                            'Canceled', 'Expired', 'Margin', 'Rejected']
    assert [getattr(Order, n) for n in Order.Status] == list(range(9))
    assert Order.Cancelled == Order.Canceled == 5
    assert (Order.Buy, Order.Sell, Order.OrdTypes) == (0, 1, ['Buy', 'Sell'])
    assert (Order.T_Close, Order.T_Day, Order.T_Date, Order.T_None) == (0, 1, 2, 3)
    assert Order.V_None == range(1) and Order.DAY == datetime.timedelta()
    assert Order.ExecType('Limit') == 2
    assert (BuyOrder.ordtype, SellOrder.ordtype) == (0, 1)
    assert issubclass(StopLimitSellOrder, SellOrder) and issubclass(StopSellOrder, SellOrder)
    assert issubclass(StopBuyOrder, BuyOrder) and issubclass(StopLimitBuyOrder, BuyOrder)
    assert issubclass(Order, OrderBase)
    assert [k for k, _ in OrderBase.params._gettuple()] == [
        'owner', 'data', 'size', 'price', 'pricelimit', 'exectype', 'valid',
        'tradeid', 'oco', 'trailamount', 'trailpercent', 'parent', 'transmit',
        'simulated', 'histnotify']


def test_market_order_fields(data):
    o = buy(data, size=10)
    c = o.created
    assert (c.pclose, c.dt, c.size, c.remsize, c.price, c.pricelimit) == (108.0, data.datetime[0], 10, 0, 108.0, 108.0)
    assert (c.trailamount, c.trailpercent, c.plimit, c.value, c.comm, c.margin, c.pnl, c.psize, c.pprice) == \
        (None, None, None, 0.0, 0.0, None, 0.0, 0, 0)
    e = o.executed
    assert (e.pclose, e.dt, e.size, e.remsize, e.price, e.pricelimit, e.trailamount, e.plimit) == \
        (0.0, None, 0, 10, 0.0, 0.0, 0.0, 0.0)
    assert (o.status, o.exectype, o.valid, o.plimit, o.broker, o.comminfo, o.position) == \
        (Order.Created, Order.Market, None, None, None, None, 0)
    assert (o.triggered, o.active(), o.alive(), o.isbuy(), o.issell()) == (False, True, True, True, False)
    assert o.dteos == data.date2num(datetime.datetime(2020, 1, 2, 23, 59, 59, 999990))
    assert o.p.size == 10 and o.info == {}


def test_sell_size_is_negative(data):
    o = sell(data, size=3, exectype=Order.Stop, price=50.0, tradeid=2)
    assert (o.size, o.p.size, o.executed.remsize, o.created.size) == (-3, 3, -3, -3)
    assert (o.created.price, o.created.pricelimit, o.tradeid) == (50.0, 50.0, 2)


def test_limit_and_stoplimit_prices(data):
    o = buy(data, size=3, exectype=Order.StopLimit, price=150.0, pricelimit=151.0)
    assert (o.created.price, o.created.pricelimit, o.created.plimit) == (150.0, 151.0, 151.0)
    o = buy(data, size=3, exectype=Order.Limit, pricelimit=151.0)
    assert (o.created.price, o.created.pricelimit, o.price, o.pricelimit) == (151.0, 151.0, None, 151.0)


def test_trailing_initial_stops(data):
    o = sell(data, size=3, exectype=Order.StopTrail, trailamount=2.0)
    assert (o.created.price, o.created.pricelimit, o._limit_gap) == (106.0, 108.0, 0.0)
    o = sell(data, size=3, exectype=Order.StopTrailLimit, trailpercent=0.02, price=100, pricelimit=99)
    assert (o.created.price, o.created.pricelimit, o._limit_gap) == (98.0, 97.0, 1)
    o = buy(data, size=3, exectype=Order.StopTrailLimit, trailpercent=0.02, price=100, pricelimit=101)
    assert (o.created.price, o.created.pricelimit, o._limit_gap) == (102.0, 103.0, -1)
    o = buy(data, size=3, exectype=Order.StopTrail, trailamount=2, price=100)
    assert (o.created.price, o.created.pricelimit, o._limit_gap) == (102, 100, 0)


def test_trailadjust_only_tightens(data):
    o = sell(data, size=1, exectype=Order.StopTrail, trailamount=2.0)
    o.trailadjust(105.0)
    assert o.created.price == 106.0
    o.trailadjust(110.0)
    assert o.created.price == 108.0
    o = buy(data, size=1, exectype=Order.StopTrailLimit, trailamount=1.0, price=100, pricelimit=100.5)
    o.trailadjust(95.0)
    assert (o.created.price, o.created.pricelimit) == (96.0, 96.5)


def test_valid_conversions(data):
    d2n = data.date2num
    assert buy(data, size=1, valid=Order.DAY).valid == \
        d2n(datetime.datetime(2020, 1, 2, 23, 59, 59, 9999))
    assert buy(data, size=1, valid=datetime.timedelta(days=1)).valid == d2n(datetime.datetime(2020, 1, 3))
    assert buy(data, size=1, valid=datetime.date(2020, 1, 5)).valid == 737429.0
    assert buy(data, size=1, valid=datetime.datetime(2020, 1, 5, 12)).valid == 737429.5
    # numbers are kept as given (0 never expires, 2.0 is an old date number)
    assert buy(data, size=1, valid=0).valid == 0
    assert buy(data, size=1, valid=2.0).valid == 2.0


def test_expire(data):
    o = buy(data, size=1, exectype=Order.Limit, price=50, valid=datetime.timedelta(days=0.5))
    assert o.expire() is False
    data.idx = 2
    assert o.expire() is True and o.status == Order.Expired and o.executed.dt == data.datetime[0]
    m = buy(data, size=1, valid=1.0)
    assert m.expire() is False  # market orders never expire


def test_status_transitions(data):
    o = buy(data, size=1, exectype=Order.Limit, price=50)
    o.submit()
    assert (o.status, o.plen, o.getstatusname()) == (Order.Submitted, 2, 'Submitted')
    o.accept()
    assert o.status == Order.Accepted and o.brokerstatus() == Order.Accepted
    o.cancel()
    assert (o.status, o.executed.dt, o.alive()) == (Order.Canceled, data.datetime[0], False)
    o.reject()
    assert (o.status, o.broker) == (Order.Rejected, None)
    o.margin()
    assert o.status == Order.Margin
    o.partial()
    assert o.alive()
    o.completed()
    assert not o.alive()
    child = buy(data, size=1, parent=o)
    assert child.active() is False
    child.activate()
    assert child.active() is True


def test_names(data):
    o = sell(data, size=1, exectype=Order.Stop, price=1.0)
    assert (o.ordtypename(), o.ordtypename(0), o.getordername(), o.getordername(2)) == \
        ('Sell', 'Buy', 'Stop', 'Limit')
    assert (o.getstatusname(), o.getstatusname(4)) == ('Created', 'Completed')


def test_equality_by_ref_and_unhashable(data):
    a, b = buy(data, size=1), buy(data, size=1)
    assert b.ref == a.ref + 1
    assert a == a and a != b and not (a == None)  # noqa: E711
    with pytest.raises(TypeError):
        hash(a)


def test_addinfo_and_params_fallback(data):
    o = buy(data, size=1, exectype=Order.Limit, price=5.0)
    o.addinfo(foo=1, bar='x')
    assert o.info.foo == 1 and list(o.info.items()) == [('foo', 1), ('bar', 'x')]
    assert o.transmit is True and o.histnotify is False and o.simulated is False


def test_str_layout(data):
    o = buy(data, size=10)
    o.submit()
    o.addinfo(foo=1)
    assert str(o).splitlines() == [
        'Ref: %d' % o.ref, 'OrdType: 0', 'OrdType: Buy', 'Status: 1',
        'Status: Submitted', 'Size: 10', 'Price: None', 'Price Limit: None',
        'TrailAmount: None', 'TrailPercent: None', 'ExecType: 0',
        'ExecType: Market', 'CommInfo: None', 'End of Session: %s' % o.dteos,
        "Info: AutoOrderedDict([('foo', 1)])", 'Broker: None', 'Alive: True']


def test_execute_and_pending_window(data):
    o = buy(data, size=50)
    o.execute(1.0, 33.0, 103.0, 0, 0.0, 0.0, 33.0, 3399.0, 0.0, None, 0.0, 33.0, 103.0)
    assert (o.status, o.executed.remsize, o.executed.size, o.executed.price) == (Order.Partial, 17.0, 33.0, 103.0)
    snap1 = o.clone()
    assert [b.size for b in snap1.executed.iterpending()] == [33.0]
    o.execute(2.0, 17.0, 107.0, 0, 0.0, 0.0, 17.0, 1819.0, 0.0, 5.0, 0.0, 50.0, 104.36)
    assert (o.status, o.executed.price, o.executed.value, o.executed.margin) == (Order.Completed, 104.36, 5218.0, 5.0)
    snap2 = o.clone()
    assert [b.size for b in snap2.executed.getpending()] == [17.0]
    assert [b.size for b in snap1.executed.iterpending()] == [33.0]  # snapshot unchanged
    assert snap1.status == Order.Partial and snap2.executed.exbits is o.executed.exbits
    assert len(o.executed) == 2 and o.executed[1].price == 107.0
    o.execute(3.0, 0, 1.0, 0, 0.0, 0.0, 0, 0.0, 0.0, None, 0.0, 0, 0.0)  # no size: ignored
    assert len(o.executed) == 2


def test_execution_bit_and_orderdata_defaults():
    bit = OrderExecutionBit()
    assert vars(bit) == {'dt': None, 'size': 0, 'price': 0.0, 'closed': 0, 'opened': 0,
                         'closedvalue': 0.0, 'openedvalue': 0.0, 'closedcomm': 0.0,
                         'openedcomm': 0.0, 'value': 0.0, 'comm': 0.0, 'pnl': 0.0,
                         'psize': 0, 'pprice': 0.0}
    bit = OrderExecutionBit(closedvalue=1.0, openedvalue=2.0, closedcomm=0.5, openedcomm=0.25)
    assert (bit.value, bit.comm) == (3.0, 0.75)
    od = OrderData(price=0.0, pricelimit=7.0)
    assert (od.price, od.pricelimit, od.plimit) == (7.0, 7.0, 7.0)


def test_bad_requests_are_refused(data):
    with pytest.raises(TypeError, match='size'):
        buy(data, size=None)
    with pytest.raises(TypeError, match='size'):
        sell(data, size='10')
    with pytest.raises(ValueError, match='exectype'):
        buy(data, size=1, exectype='Limit')
    with pytest.raises(ValueError, match='exectype'):
        buy(data, size=1, exectype=8)
    assert buy(data, size=1.5, exectype=Order.Historical).size == 1.5
