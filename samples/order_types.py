"""Every execution type of the backtest broker, one after the other.

Shows: Market, Limit, Stop, StopLimit and StopTrail orders, the ``valid``
argument (a timedelta or a date after which an unfilled order expires),
cancelling an order with ``cancel``, and each order's life
(Submitted -> Accepted -> Completed / Expired / Canceled) printed from
``notify_order``. Each step starts ``gap`` bars after the previous one
ended flat.

    python samples/order_types.py [--size 0.1] [--hold 5] [--gap 20]
"""
import argparse
import collections
import datetime
import os

import backtrader as bt

DATAFILE = os.path.join(os.path.dirname(bt.__file__), 'datafiles', 'BTCUSDT-1d.csv')


class OrderTour(bt.Strategy):
    """Runs the steps in ``STEPS``; an entry that fills is held for ``hold``
    bars and closed at market (the StopTrail step exits by itself)."""

    params = (('size', 0.1), ('hold', 5), ('gap', 20))

    STEPS = ('market', 'limit_fills', 'limit_expires', 'stop', 'stoplimit',
             'stoptrail', 'cancelled')

    def __init__(self):
        self.pending = []      # orders not yet completed/expired/cancelled
        self.step = 0
        self.entry_bar = None  # bar of the last entry fill
        self.to_cancel = None  # (order, bar at which to cancel it)
        self.flat_bar = 0      # bar at which the last step ended flat
        self.lives = collections.OrderedDict()  # ref -> list of statuses

    def log(self, text):
        print('%s %s' % (self.data.datetime.date(0).isoformat(), text))

    def next(self):
        if self.to_cancel and len(self) >= self.to_cancel[1]:
            self.log('CANCEL order %d' % self.to_cancel[0].ref)
            self.cancel(self.to_cancel[0])
            self.to_cancel = None
        if self.pending:
            return
        if self.position:
            if self.entry_bar is not None and len(self) - self.entry_bar >= self.p.hold:
                self.log('CLOSE position of %.4f' % self.position.size)
                self.pending.append(self.close())
            return
        if self.step < len(self.STEPS) and len(self) - self.flat_bar >= self.p.gap:
            name = self.STEPS[self.step]
            self.step += 1
            self.entry_bar = None
            getattr(self, '_step_' + name)(self.data.close[0])

    # one method per step: each issues the step's first order
    def _step_market(self, close):
        self.log('STEP Market buy')
        self._buy()

    def _step_limit_fills(self, close):
        self.log('STEP Limit buy 2%% under the close (%.2f), valid 5 days' % (close * 0.98))
        self._buy(exectype=bt.Order.Limit, price=close * 0.98,
                  valid=datetime.timedelta(days=5))

    def _step_limit_expires(self, close):
        expiry = self.data.datetime.date(0) + datetime.timedelta(days=3)
        self.log('STEP Limit buy 20%% under the close (%.2f), valid until %s'
                 % (close * 0.80, expiry))
        self._buy(exectype=bt.Order.Limit, price=close * 0.80, valid=expiry)

    def _step_stop(self, close):
        self.log('STEP Stop buy 3%% over the close (%.2f), valid 10 days' % (close * 1.03))
        self._buy(exectype=bt.Order.Stop, price=close * 1.03,
                  valid=datetime.timedelta(days=10))

    def _step_stoplimit(self, close):
        self.log('STEP StopLimit buy: stop %.2f (+2%%), limit %.2f (+3%%), valid 10 days'
                 % (close * 1.02, close * 1.03))
        self._buy(exectype=bt.Order.StopLimit, price=close * 1.02,
                  plimit=close * 1.03, valid=datetime.timedelta(days=10))

    def _step_stoptrail(self, close):
        self.log('STEP Market buy, then a StopTrail sell trailing 5% under the price')
        self._buy()

    def _step_cancelled(self, close):
        self.log('STEP Limit buy 10%% under the close (%.2f), cancelled after 2 bars'
                 % (close * 0.90))
        order = self._buy(exectype=bt.Order.Limit, price=close * 0.90)
        self.to_cancel = (order, len(self) + 2)

    def _buy(self, **kwargs):
        order = self.buy(size=self.p.size, **kwargs)
        self.pending.append(order)
        return order

    def notify_order(self, order):
        self.lives.setdefault(order.ref, [order.getordername()]).append(order.getstatusname())
        text = 'ORDER %d %s %s %s' % (order.ref, order.ordtypename(),
                                      order.getordername(), order.getstatusname())
        if order.status == order.Completed:
            text += ': %.4f @ %.2f' % (order.executed.size, order.executed.price)
        self.log(text)
        if order.alive():
            return
        self.pending.remove(order)
        if not self.pending:
            self.flat_bar = len(self)
        if order.status == order.Completed and order.isbuy():
            self.entry_bar = len(self)
            if self.STEPS[self.step - 1] == 'stoptrail':
                self.entry_bar = None  # the trailing stop takes care of the exit
                self.pending.append(self.sell(size=order.executed.size,
                                              exectype=bt.Order.StopTrail,
                                              trailpercent=0.05))


def run(size=0.1, hold=5, gap=20, datapath=DATAFILE):
    cerebro = bt.Cerebro()
    cerebro.adddata(bt.feeds.GenericCSVData(
        dataname=datapath, dtformat='%Y-%m-%d', timeframe=bt.TimeFrame.Days,
        datetime=0, open=1, high=2, low=3, close=4, volume=5, openinterest=-1))
    cerebro.addstrategy(OrderTour, size=size, hold=hold, gap=gap)
    cerebro.broker.setcash(10000.0)
    cerebro.broker.setcommission(commission=0.001)
    strat = cerebro.run()[0]

    print('Order lives:')
    for ref, life in strat.lives.items():
        print('  %3d %-9s %s' % (ref, life[0], ' -> '.join(life[1:])))
    print('Steps run: %d of %d' % (strat.step, len(strat.STEPS)))
    print('Final value: %.2f' % cerebro.broker.getvalue())


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--size', type=float, default=0.1, help='BTC per order')
    ap.add_argument('--hold', type=int, default=5, help='bars to hold a filled entry')
    ap.add_argument('--gap', type=int, default=20, help='bars between two steps')
    ap.add_argument('--data', default=DATAFILE, help='CSV file (datetime,o,h,l,c,v)')
    args = ap.parse_args(argv)
    run(args.size, args.hold, args.gap, args.data)


if __name__ == '__main__':
    main()
