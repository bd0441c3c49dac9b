"""The main job: a crypto backtest on bundled real data.

    python -m backtrader.demo [--fast 10] [--slow 30] [--cash 10000]

Runs an SMA-crossover strategy on Binance BTC/USDT daily bars (2022-04-06 to
2023-04-05, bundled with the package), trading fractional BTC with a 0.1%
commission, and prints the final value, the trades and key analyzer figures.
"""
from __future__ import annotations

import argparse
import math
import os

import backtrader as bt

DATAFILE = os.path.join(os.path.dirname(__file__), 'datafiles', 'BTCUSDT-1d.csv')


class SmaCrossCrypto(bt.Strategy):
    """Long when the fast SMA crosses above the slow one, flat when below."""

    params = dict(fast=10, slow=30, stake=0.95)

    def __init__(self):
        fast = bt.ind.SMA(period=self.p.fast)
        slow = bt.ind.SMA(period=self.p.slow)
        self.cross = bt.ind.CrossOver(fast, slow)

    def next(self):
        if self.cross > 0 and not self.position:
            self.order_target_percent(target=self.p.stake)
        elif self.cross < 0 and self.position:
            self.close()


class SpotCommInfo(bt.CommInfoBase):
    """Percentage commission with fractional sizes in the exchange's step
    (stock-like schemes size orders in whole units, useless for BTC)."""

    params = (('commission', 0.001), ('stocklike', True), ('percabs', True),
              ('commtype', bt.CommInfoBase.COMM_PERC), ('step', 0.00001))

    def getsize(self, price, cash):
        steps = math.floor(self.p.leverage * cash / price / self.p.step)
        return round(steps * self.p.step, 8)


def make_data(path: str = DATAFILE) -> bt.feeds.GenericCSVData:
    return bt.feeds.GenericCSVData(
        dataname=path, dtformat='%Y-%m-%d', datetime=0, open=1, high=2, low=3,
        close=4, volume=5, openinterest=-1, timeframe=bt.TimeFrame.Days,
        name='BTC/USDT')


def run(fast: int = 10, slow: int = 30, cash: float = 10000.0, verbose: bool = True):
    cerebro = bt.Cerebro()
    cerebro.adddata(make_data())
    cerebro.addstrategy(SmaCrossCrypto, fast=fast, slow=slow)
    cerebro.broker.setcash(cash)
    cerebro.broker.addcommissioninfo(SpotCommInfo())
    cerebro.addanalyzer(bt.analyzers.TradeAnalyzer, _name='trades')
    cerebro.addanalyzer(bt.analyzers.SharpeRatio, _name='sharpe',
                        timeframe=bt.TimeFrame.Days, annualize=True, factor=365)
    cerebro.addanalyzer(bt.analyzers.DrawDown, _name='drawdown')
    cerebro.addanalyzer(bt.analyzers.Returns, _name='returns', tann=365)
    cerebro.addanalyzer(bt.analyzers.SQN, _name='sqn')
    strat = cerebro.run()[0]
    summary = {
        'final_value': cerebro.broker.getvalue(),
        'trades': strat.analyzers.trades.get_analysis(),
        'sharpe': strat.analyzers.sharpe.get_analysis().get('sharperatio'),
        'maxdrawdown': strat.analyzers.drawdown.get_analysis().max.drawdown,
        'returns': strat.analyzers.returns.get_analysis(),
        'sqn': strat.analyzers.sqn.get_analysis().sqn,
    }
    if verbose:
        _print_summary(cash, summary)
    return summary


def _print_summary(cash: float, s: dict) -> None:
    ta = s['trades']
    total = ta.total.total if 'total' in ta else 0
    closed = ta.total.get('closed', 0) if total else 0
    won = ta.won.total if closed else 0
    lost = ta.lost.total if closed else 0
    print('BTC/USDT daily, 2022-04-06 .. 2023-04-05, SMA crossover, 0.1% commission')
    print('Starting value : %.2f USDT' % cash)
    print('Final value    : %.2f USDT' % s['final_value'])
    print('Trades         : %d (closed %d, won %d, lost %d)' % (total, closed, won, lost))
    if closed:
        print('Net PnL        : %.2f USDT' % ta.pnl.net.total)
    sharpe = s['sharpe']
    print('Sharpe (ann.)  : %s' % ('n/a' if sharpe is None else '%.3f' % sharpe))
    print('Max drawdown   : %.2f%%' % s['maxdrawdown'])
    print('Annual return  : %.2f%%' % (100.0 * s['returns']['rnorm']))
    print('SQN            : %.2f' % s['sqn'])


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--fast', type=int, default=10)
    ap.add_argument('--slow', type=int, default=30)
    ap.add_argument('--cash', type=float, default=10000.0)
    args = ap.parse_args(argv)
    run(args.fast, args.slow, args.cash)


if __name__ == '__main__':
    main()
