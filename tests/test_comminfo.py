"""Commission schemes (expected numbers observed with upstream backtrader
1.9.78.123's ``CommInfoBase``/``bt.commissions`` for the same calls)."""
import datetime

import pytest

from backtrader import commissions
from backtrader.comminfo import CommInfoBase, CommissionInfo
from backtrader.position import Position


def test_params_and_defaults():
    assert CommInfoBase.params._gettuple() == (
        ('commission', 0.0), ('mult', 1.0), ('margin', None), ('commtype', None),
        ('stocklike', False), ('percabs', False), ('interest', 0.0),
        ('interest_long', False), ('leverage', 1.0), ('automargin', False))
    c = CommInfoBase()
    assert (c.p.commission, c.stocklike, c.margin, c._commtype) == (0.0, True, None, 0)
    assert CommissionInfo().p.percabs is True
    assert (CommInfoBase.COMM_PERC, CommInfoBase.COMM_FIXED) == (0, 1)


def test_percentage_given_in_percent():
    c = CommInfoBase(commission=0.1)
    assert c.p.commission == 0.001 and c.getcommission(10, 100.0) == 1.0


def test_perc_commission_ignores_mult():
    c = CommInfoBase(commission=0.5, commtype=CommInfoBase.COMM_PERC, mult=3)
    assert c.p.commission == 0.005
    assert c.getcommission(2, 10.0) == 0.1 and c.confirmexec(2, 10.0) == 0.1


def test_futures_fixed_with_margin():
    c = CommInfoBase(commission=2.0, margin=1000, mult=10)
    assert (c.p.commission, c.stocklike) == (2.0, False)
    assert c.getcommission(-3, 100.0) == 6.0
    assert c.getoperationcost(3, 100) == 3000
    assert c.getvaluesize(-3, 100) == 3000
    assert c.getsize(100, 5500) == 5
    assert c.profitandloss(2, 100, 105) == 100
    assert c.cashadjust(2, 100, 105) == 100
    assert c.getvalue(Position(-2, 7.0), 9.0) == 2000


def test_commtype_overrides_margin_rule():
    c = CommInfoBase(stocklike=True)
    assert (c.stocklike, c._commtype, c.margin) == (True, 0, None)
    c = CommInfoBase(stocklike=False, commtype=0)
    assert (c.stocklike, c._commtype, c.margin) == (False, 0, 1.0)
    c = CommInfoBase(margin=100, stocklike=True, commtype=0)
    assert (c.stocklike, c.margin, c.getvaluesize(2, 10.0), c.getsize(10.0, 1000)) == (True, 100, 20.0, 100)
    c = CommInfoBase(commission=0.5, commtype=CommInfoBase.COMM_FIXED, stocklike=True)
    assert (c.getcommission(-2, 10.0), c.getsize(10.0, 105.0)) == (1.0, 10)
    assert CommInfoBase(margin=0).stocklike is True


def test_stock_values():
    c = CommInfoBase()
    assert c.getvalue(Position(-10, 100.0), 90.0) == -1100.0
    assert c.getvalue(Position(10, 100.0), 90.0) == 900.0
    assert c.getsize(33.0, 1000.0) == 30
    assert c.cashadjust(5, 1.0, 2.0) == 0.0


def test_leverage_and_automargin():
    c = CommInfoBase(leverage=2.0)
    assert (c.getsize(33.0, 1000.0), c.get_leverage()) == (60, 2.0)
    assert CommInfoBase(automargin=-1, margin=10, mult=5).get_margin(100.0) == 500.0
    assert CommInfoBase(automargin=0.5, margin=10, mult=5).get_margin(100.0) == 50.0
    c = CommInfoBase(margin=100, automargin=True)
    assert (c.get_margin(20.0), c.getsize(20.0, 1000)) == (20.0, 50)


def test_credit_interest():
    c = CommInfoBase(interest=3.0)
    assert c._daily_rate == 0.00821917808219178
    short = Position(-10, 100.0)
    short.update(0, 0, datetime.datetime(2020, 1, 1))
    assert c.get_credit_interest(None, short, datetime.datetime(2020, 1, 4)) == 24.657534246575338
    long_ = Position(10, 100.0)
    long_.update(0, 0, datetime.datetime(2020, 1, 1))
    assert c.get_credit_interest(None, long_, datetime.datetime(2020, 1, 4)) == 0.0
    c = CommInfoBase(interest=3.0, interest_long=True)
    assert c.get_credit_interest(None, long_, datetime.datetime(2020, 1, 4)) == 24.657534246575338
    assert c.get_credit_interest(None, long_, datetime.datetime(2020, 1, 1, 23)) == 0.0
    assert c._get_credit_interest(None, -10, 100.0, 3, None, None) == 24.657534246575338


@pytest.mark.parametrize('name, stocklike, commtype, margin, commission', [
    ('CommInfo', True, 0, None, 0.01),
    ('CommInfo_Futures', True, 0, None, 0.01),
    ('CommInfo_Futures_Perc', False, 0, 1.0, 0.01),
    ('CommInfo_Futures_Fixed', False, 1, 1.0, 1.0),
    ('CommInfo_Stocks', True, 0, None, 0.01),
    ('CommInfo_Stocks_Perc', True, 0, None, 0.01),
    ('CommInfo_Stocks_Fixed', True, 1, None, 1.0),
])
def test_named_schemes(name, stocklike, commtype, margin, commission):
    c = getattr(commissions, name)(commission=1.0)
    assert (c.stocklike, c._commtype, c.margin, c.p.commission, c.p.percabs) == \
        (stocklike, commtype, margin, commission, False)
    assert isinstance(c, CommInfoBase)
