"""Bracket groups of finished orders are dropped, with upstream's handling
of a child sent after its parent completed kept (recorded from upstream
1.9.78.123: the child is submitted and accepted, and never executes)."""
import pandas as pd

import backtrader as bt


def _frame(n):
    idx = pd.date_range('2020-01-01', periods=n, freq='D')
    return pd.DataFrame({'open': [10.0 + i for i in range(n)],
                         'high': [11.0 + i for i in range(n)],
                         'low': [9.0 + i for i in range(n)],
                         'close': [10.0 + i for i in range(n)],
                         'volume': 100.0, 'openinterest': 0.0}, index=idx)


class _LateChild(bt.Strategy):
    def __init__(self):
        self.log = []

    def next(self):
        if len(self) == 1:
            self.p1 = self.buy(size=1)
        if len(self) == 4:
            self.sell(size=1, parent=self.p1, exectype=bt.Order.Limit, price=1.0)

    def notify_order(self, order):
        self.log.append((len(self), order.ref - self.p1.ref, order.getstatusname()))


def test_child_of_a_completed_parent_is_accepted_and_stays_inactive():
    cerebro = bt.Cerebro(stdstats=False)
    cerebro.adddata(bt.feeds.PandasData(dataname=_frame(8)))
    cerebro.addstrategy(_LateChild)
    strat = cerebro.run()[0]
    assert strat.log == [(2, 0, 'Submitted'), (2, 0, 'Accepted'), (2, 0, 'Completed'),
                         (5, 1, 'Submitted'), (5, 1, 'Accepted')]


class _Flip(bt.Strategy):
    def next(self):
        self.order_target_size(target=1 if len(self) % 2 else -1)


def test_finished_lone_orders_leave_no_group_behind():
    cerebro = bt.Cerebro(stdstats=False)
    cerebro.adddata(bt.feeds.PandasData(dataname=_frame(60)))
    cerebro.addstrategy(_Flip)
    cerebro.run()
    broker = cerebro.broker
    assert len(broker.orders) > 50                 # every bar traded
    assert len(broker._brackets) <= 1              # at most the last, pending
