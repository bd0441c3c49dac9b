"""Bracket orders: an entry with a protective stop and a take-profit limit.

Shows: ``buy_bracket`` creating three linked orders (a Limit entry, a Stop
loss below it and a Limit take-profit above it), the children becoming
active only once the entry fills, one child cancelling the other when it
executes, and the order/trade life logged from ``notify_order`` and
``notify_trade``.

    python samples/bracket_orders.py [--stop 0.05] [--take 0.10] [--size 0.1]
"""
import argparse
import datetime
import os

import backtrader as bt

DATAFILE = os.path.join(os.path.dirname(bt.__file__), 'datafiles', 'BTCUSDT-1d.csv')


class BracketOnBreakout(bt.Strategy):
    """Enter with a bracket when the close crosses above its SMA, at a limit
    slightly under the close; one bracket at a time."""

    params = (
        ('period', 20),    # SMA period of the entry signal
        ('size', 0.1),     # BTC per entry
        ('discount', 0.005),  # entry limit this fraction below the close
        ('stop', 0.05),    # stop-loss this fraction below the entry
        ('take', 0.10),    # take-profit this fraction above the entry
        ('valid', 3),      # days the entry order waits for a fill
    )

    def __init__(self):
        self.signal = bt.ind.CrossOver(self.data.close, bt.ind.SMA(period=self.p.period))
        self.bracket = []  # open orders of the current bracket
        self.counts = {}

    def log(self, text):
        print('%s %s' % (self.data.datetime.date(0).isoformat(), text))

    def next(self):
        if self.bracket or self.position or self.signal <= 0:
            return
        entry = self.data.close[0] * (1.0 - self.p.discount)
        self.bracket = self.buy_bracket(
            size=self.p.size, price=entry,
            stopprice=entry * (1.0 - self.p.stop),
            limitprice=entry * (1.0 + self.p.take),
            # validity for the entry only: the children live until one fills
            oargs=dict(valid=self.data.datetime.date(0)
                       + datetime.timedelta(days=self.p.valid)))
        names = ('entry', 'stop', 'take-profit')
        for name, order in zip(names, self.bracket):
            order.addinfo(role=name)
        self.log('BRACKET entry %.2f stop %.2f take-profit %.2f'
                 % (entry, self.bracket[1].price, self.bracket[2].price))

    def notify_order(self, order):
        status = order.getstatusname()
        self.counts[status] = self.counts.get(status, 0) + 1
        role = order.info.get('role', '?')
        if order.status == order.Completed:
            self.log('ORDER %d %-11s %s %s: %.4f @ %.2f, commission %.2f'
                     % (order.ref, role, order.ordtypename(), status,
                        order.executed.size, order.executed.price,
                        order.executed.comm))
        else:
            self.log('ORDER %d %-11s %s %s' % (order.ref, role, order.ordtypename(), status))
        if not order.alive() and order in self.bracket:
            self.bracket.remove(order)

    def notify_trade(self, trade):
        if trade.isclosed:
            self.log('TRADE closed: gross %.2f, net %.2f, %d bars'
                     % (trade.pnl, trade.pnlcomm, trade.barlen))
        elif trade.justopened:
            self.log('TRADE opened: %.4f @ %.2f' % (trade.size, trade.price))


def run(stop=0.05, take=0.10, size=0.1, cash=10000.0, datapath=DATAFILE):
    cerebro = bt.Cerebro()
    cerebro.adddata(bt.feeds.GenericCSVData(
        dataname=datapath, dtformat='%Y-%m-%d', timeframe=bt.TimeFrame.Days,
        datetime=0, open=1, high=2, low=3, close=4, volume=5, openinterest=-1))
    cerebro.addstrategy(BracketOnBreakout, stop=stop, take=take, size=size)
    cerebro.broker.setcash(cash)
    cerebro.broker.setcommission(commission=0.001)
    cerebro.addanalyzer(bt.analyzers.TradeAnalyzer, _name='trades')
    strat = cerebro.run()[0]

    trades = strat.analyzers.trades.get_analysis()
    closed = trades.total.get('closed', 0) if 'total' in trades else 0
    print('Order notifications: %s' % ', '.join(
        '%s=%d' % kv for kv in sorted(strat.counts.items())))
    print('Closed trades: %d' % closed)
    if closed:
        print('Won/lost: %d/%d' % (trades.won.total, trades.lost.total))
    print('Final value: %.2f' % cerebro.broker.getvalue())


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--stop', type=float, default=0.05, help='stop-loss distance (fraction)')
    ap.add_argument('--take', type=float, default=0.10, help='take-profit distance (fraction)')
    ap.add_argument('--size', type=float, default=0.1, help='BTC per entry')
    ap.add_argument('--cash', type=float, default=10000.0, help='starting cash (USDT)')
    ap.add_argument('--data', default=DATAFILE, help='CSV file (datetime,o,h,l,c,v)')
    args = ap.parse_args(argv)
    run(args.stop, args.take, args.size, args.cash, args.data)


if __name__ == '__main__':
    main()
