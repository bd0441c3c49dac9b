"""Fees paid from a BNB balance (``broker.set_fee_balance``), worked by hand.

Spot BTC/USDT, taker 0.1%, BNB discount 25%: a market buy of 0.5 BTC at
30000 costs 15000 USDT and a fee of 15000 * 0.00075 = 11.25 USDT, which at
BNB = 250 USDT is 0.045 BNB.
"""
import datetime

import pandas as pd
import pytest

import backtrader as bt
from backtrader.brokers._feewallet import FeeWallet
from backtrader.commissions import CryptoSpotCommInfo

START = datetime.datetime(2024, 1, 1)


def _frame(closes, start=START):
    rows = [dict(open=c, high=c, low=c, close=c, volume=1e9, openinterest=0.0)
            for c in closes]
    return pd.DataFrame(rows, index=pd.DatetimeIndex(
        [start + datetime.timedelta(days=i) for i in range(len(closes))]))


class _Buys(bt.Strategy):
    """Market buys of 0.5 on the given bars; records orders and values."""

    params = dict(bars=(0,))

    def __init__(self):
        self.done, self.values = [], []

    def next(self):
        if len(self) - 1 in self.p.bars:
            self.buy(data=self.datas[0], size=0.5)
        self.values.append(self.broker.getvalue())

    def notify_order(self, order):
        if order.status == order.Completed:
            self.done.append(order)


def _run(balance, price=250.0, bars=(0,), closes=(30000.0,) * 4, bnb=None):
    cerebro = bt.Cerebro(stdstats=False)
    cerebro.adddata(bt.feeds.PandasData(dataname=_frame(closes), name='BTC'))
    if bnb is not None:
        price = bt.feeds.PandasData(dataname=_frame(bnb), name='BNB')
        cerebro.adddata(price)
    cerebro.broker.setcash(100000.0)
    cerebro.broker.addcommissioninfo(CryptoSpotCommInfo(taker=0.001, maker=0.001,
                                                        fee_asset='BNB'))
    if balance is not None:
        cerebro.broker.set_fee_balance('BNB', balance, price)
    cerebro.addstrategy(_Buys, bars=bars)
    return cerebro.run()[0]


def test_the_fee_comes_out_of_the_bnb_balance():
    strat = _run(1.0)
    (buy,) = strat.done
    broker = strat.broker
    assert buy.executed.comm == pytest.approx(11.25)
    assert buy.info['fee_asset'] == 'BNB'
    assert buy.info['fee'] == pytest.approx(0.045)
    assert broker.fee_balance('BNB') == pytest.approx(0.955)
    assert broker.fees_paid == {'BNB': pytest.approx(0.045)}
    assert broker.getcash() == pytest.approx(100000.0 - 15000.0)  # no USDT fee
    # the strategy's value carries the fee: 85000 + 0.5 * 30000 - 11.25
    assert broker.getvalue() == pytest.approx(100000.0 - 11.25)


def test_without_a_balance_the_discounted_fee_is_paid_in_quote():
    strat = _run(None)
    (buy,) = strat.done
    assert buy.executed.comm == pytest.approx(11.25)
    assert strat.broker.getcash() == pytest.approx(100000.0 - 15000.0 - 11.25)


def test_a_balance_too_small_pays_the_full_rate_in_quote():
    # 0.04 BNB < 0.045 needed: 15000 * 0.001 = 15 USDT from cash, BNB untouched
    strat = _run(0.04)
    (buy,) = strat.done
    assert buy.executed.comm == pytest.approx(15.0)
    assert buy.info['fee_asset'] == 'quote'
    assert buy.info['fee_rate'] == pytest.approx(0.001)
    assert strat.broker.fee_balance('BNB') == pytest.approx(0.04)
    assert strat.broker.getcash() == pytest.approx(100000.0 - 15000.0 - 15.0)
    assert strat.broker.getvalue() == pytest.approx(100000.0 - 15.0)


def test_the_balance_runs_out_after_some_fills():
    # 0.1 BNB pays two fees of 0.045, the third buy pays 15 USDT
    strat = _run(0.1, bars=(0, 1, 2), closes=(30000.0,) * 5)
    assets = [o.info['fee_asset'] for o in strat.done]
    assert assets == ['BNB', 'BNB', 'quote']
    assert strat.broker.fee_balance('BNB') == pytest.approx(0.01)
    assert strat.broker.getvalue() == pytest.approx(100000.0 - 2 * 11.25 - 15.0)


def test_the_bnb_price_comes_from_a_data_feed():
    # the buy fills on bar 1, where BNB closes at 300: 11.25 / 300 BNB
    strat = _run(1.0, bnb=(250.0, 300.0, 350.0, 350.0))
    (buy,) = strat.done
    assert buy.info['fee'] == pytest.approx(11.25 / 300.0)
    assert strat.broker.fee_balance('BNB') == pytest.approx(1.0 - 11.25 / 300.0)
    # later BNB moves do not change what the fee cost the strategy
    assert strat.values[-1] == pytest.approx(100000.0 - 11.25)


def test_each_run_starts_from_the_set_balance():
    cerebro = bt.Cerebro(stdstats=False)
    cerebro.adddata(bt.feeds.PandasData(dataname=_frame((30000.0,) * 3)))
    cerebro.broker.setcash(100000.0)
    cerebro.broker.addcommissioninfo(CryptoSpotCommInfo(fee_asset='BNB'))
    cerebro.broker.set_fee_balance('BNB', 1.0, 250.0)
    cerebro.addstrategy(_Buys)
    first = cerebro.run()[0].broker.fee_balance('BNB')
    second = cerebro.run()[0].broker.fee_balance('BNB')
    assert first == second == pytest.approx(0.955)


@pytest.mark.parametrize('args, exc, message', [
    (('quote', 1.0, 250.0), ValueError, 'must name a third asset'),
    (('BNB', -1.0, 250.0), ValueError, 'amount must be a number >= 0'),
    (('BNB', 1.0, 0.0), ValueError, 'price must be positive'),
    (('BNB', 1.0, 'x'), TypeError, 'price must be a number or a data feed'),
])
def test_bad_arguments(args, exc, message):
    with pytest.raises(exc, match=message):
        FeeWallet(*args)


def test_reading_an_unset_balance_names_the_asset():
    with pytest.raises(KeyError, match="no balance of 'ETH'"):
        bt.brokers.BackBroker().fee_balance('ETH')
