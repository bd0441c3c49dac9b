"""Parameter optimisation of an SMA crossover with ``optstrategy``.

Shows: ``cerebro.optstrategy`` running one backtest per combination of a
small parameter grid, a user-written analyzer that records the final
portfolio value (with the default ``optreturn=True`` only params and
analyzers come back from each run), reading the results and picking the
best combination. ``--maxcpus`` spreads the runs over processes
(``maxcpus=1``, the default here, runs them one after the other).

    python samples/optimization.py [--maxcpus 1]
"""
import argparse
import os

import backtrader as bt

DATAFILE = os.path.join(os.path.dirname(bt.__file__), 'datafiles', 'BTCUSDT-1d.csv')


class FractionalCommInfo(bt.CommissionInfo):
    """0.1% commission, sizes in fractions of a BTC."""

    params = (('commission', 0.001),)

    def getsize(self, price, cash):
        return self.p.leverage * cash / price


class FinalValue(bt.Analyzer):
    """Portfolio value and cash at the end of the run."""

    def stop(self):
        self.rets['value'] = self.strategy.broker.getvalue()
        self.rets['cash'] = self.strategy.broker.getcash()


class SmaCross(bt.Strategy):
    params = (('fast', 10), ('slow', 30))

    def __init__(self):
        self.crossover = bt.ind.CrossOver(bt.ind.SMA(period=self.p.fast),
                                          bt.ind.SMA(period=self.p.slow))

    def next(self):
        if not self.position and self.crossover > 0:
            self.buy()
        elif self.position and self.crossover < 0:
            self.close()


def run(fast=(5, 10, 15, 20), slow=(30, 50, 70), maxcpus=1, datapath=DATAFILE):
    cerebro = bt.Cerebro(maxcpus=maxcpus)
    cerebro.adddata(bt.feeds.GenericCSVData(
        dataname=datapath, dtformat='%Y-%m-%d', timeframe=bt.TimeFrame.Days,
        datetime=0, open=1, high=2, low=3, close=4, volume=5, openinterest=-1))
    cerebro.optstrategy(SmaCross, fast=fast, slow=slow)
    cerebro.broker.setcash(10000.0)
    cerebro.broker.addcommissioninfo(FractionalCommInfo())
    cerebro.addsizer(bt.sizers.PercentSizer, percents=95)
    cerebro.addanalyzer(FinalValue, _name='final')
    cerebro.addanalyzer(bt.analyzers.TradeAnalyzer, _name='trades')
    cerebro.addanalyzer(bt.analyzers.DrawDown, _name='drawdown')

    rows = []
    for strategies in cerebro.run():  # one list per combination
        strat = strategies[0]
        trades = strat.analyzers.trades.get_analysis()
        rows.append((strat.analyzers.final.get_analysis()['value'],
                     strat.p.fast, strat.p.slow,
                     trades.total.total if 'total' in trades else 0,
                     strat.analyzers.drawdown.get_analysis().max.drawdown))

    print('Runs: %d' % len(rows))
    print('%5s %5s %7s %12s %9s' % ('fast', 'slow', 'trades', 'final value', 'max dd %'))
    for value, pfast, pslow, ntrades, maxdd in rows:
        print('%5d %5d %7d %12.2f %9.2f' % (pfast, pslow, ntrades, value, maxdd))
    value, pfast, pslow, ntrades, maxdd = max(rows)
    print('Best params: fast=%d slow=%d -> final value %.2f (%d trades, max drawdown %.2f%%)'
          % (pfast, pslow, value, ntrades, maxdd))


def _ints(text):
    return tuple(int(x) for x in text.split(','))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--fast', type=_ints, default=(5, 10, 15, 20),
                    help='comma-separated fast SMA periods')
    ap.add_argument('--slow', type=_ints, default=(30, 50, 70),
                    help='comma-separated slow SMA periods')
    ap.add_argument('--maxcpus', type=int, default=1,
                    help='processes to use (0 or none: all cores)')
    ap.add_argument('--data', default=DATAFILE, help='CSV file (datetime,o,h,l,c,v)')
    args = ap.parse_args(argv)
    run(args.fast, args.slow, args.maxcpus or None, args.data)


if __name__ == '__main__':
    main()
