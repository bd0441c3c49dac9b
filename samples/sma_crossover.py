"""SMA crossover on BTC/USDT daily bars, sized in fractional BTC.

Shows: a strategy built from indicators in ``__init__`` (two SMAs and a
CrossOver), a ``PercentSizer`` that invests a share of the cash, a commission
scheme that allows fractional sizes (crypto trades 0.0123 BTC, not whole
units) with a 0.1% fee, and the TradeAnalyzer, DrawDown, SharpeRatio and
Returns analyzers read after the run.

    python samples/sma_crossover.py [--fast 10] [--slow 30] [--percents 95]
"""
import argparse
import os

import backtrader as bt

DATAFILE = os.path.join(os.path.dirname(bt.__file__), 'datafiles', 'BTCUSDT-1d.csv')


class FractionalCommInfo(bt.CommissionInfo):
    """Percentage commission whose sizer-facing size is not rounded down to
    whole units (the default stock-like scheme would buy 0 BTC)."""

    params = (('commission', 0.001),)  # 0.1% of the traded value

    def getsize(self, price, cash):
        return self.p.leverage * cash / price


class SmaCross(bt.Strategy):
    """Go long when the fast SMA crosses above the slow one, exit on the
    opposite cross."""

    params = (('fast', 10), ('slow', 30))

    def __init__(self):
        fast = bt.ind.SMA(period=self.p.fast)
        slow = bt.ind.SMA(period=self.p.slow)
        self.crossover = bt.ind.CrossOver(fast, slow)

    def next(self):
        if not self.position and self.crossover > 0:
            self.buy()  # the sizer decides how much
        elif self.position and self.crossover < 0:
            self.close()


def make_data(path):
    return bt.feeds.GenericCSVData(
        dataname=path, dtformat='%Y-%m-%d', timeframe=bt.TimeFrame.Days,
        datetime=0, open=1, high=2, low=3, close=4, volume=5, openinterest=-1)


def run(fast=10, slow=30, percents=95, cash=10000.0, datapath=DATAFILE):
    cerebro = bt.Cerebro()
    cerebro.adddata(make_data(datapath), name='BTCUSDT')
    cerebro.addstrategy(SmaCross, fast=fast, slow=slow)
    cerebro.broker.setcash(cash)
    cerebro.broker.addcommissioninfo(FractionalCommInfo())
    cerebro.addsizer(bt.sizers.PercentSizer, percents=percents)

    cerebro.addanalyzer(bt.analyzers.TradeAnalyzer, _name='trades')
    cerebro.addanalyzer(bt.analyzers.DrawDown, _name='drawdown')
    cerebro.addanalyzer(bt.analyzers.SharpeRatio, _name='sharpe',
                        timeframe=bt.TimeFrame.Days, factor=365, annualize=True)
    cerebro.addanalyzer(bt.analyzers.Returns, _name='returns', tann=365)

    strat = cerebro.run()[0]
    report(cash, cerebro.broker.getvalue(), strat.analyzers)


def report(cash, value, analyzers):
    trades = analyzers.trades.get_analysis()
    drawdown = analyzers.drawdown.get_analysis()
    sharpe = analyzers.sharpe.get_analysis()['sharperatio']
    returns = analyzers.returns.get_analysis()

    print('Starting value: %.2f' % cash)
    print('Final value: %.2f' % value)
    total = trades.total.total if 'total' in trades else 0
    closed = trades.total.get('closed', 0) if total else 0
    print('Trades: %d (closed %d)' % (total, closed))
    if closed:
        print('Won/lost: %d/%d' % (trades.won.total, trades.lost.total))
        print('Net PnL of closed trades: %.2f' % trades.pnl.net.total)
    print('Max drawdown: %.2f%% (%.2f)' % (drawdown.max.drawdown, drawdown.max.moneydown))
    print('Sharpe ratio (annualised): %s' % ('n/a' if sharpe is None else '%.3f' % sharpe))
    print('Total return: %.2f%%, annualised: %.2f%%'
          % (100.0 * returns['rtot'], 100.0 * returns['rnorm']))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--fast', type=int, default=10, help='fast SMA period')
    ap.add_argument('--slow', type=int, default=30, help='slow SMA period')
    ap.add_argument('--percents', type=float, default=95, help='%% of cash per entry')
    ap.add_argument('--cash', type=float, default=10000.0, help='starting cash (USDT)')
    ap.add_argument('--data', default=DATAFILE, help='CSV file (datetime,o,h,l,c,v)')
    args = ap.parse_args(argv)
    run(args.fast, args.slow, args.percents, args.cash, args.data)


if __name__ == '__main__':
    main()
