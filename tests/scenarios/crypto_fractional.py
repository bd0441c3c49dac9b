"""Crypto-style backtest on BTCUSDT daily bars: fractional sizes (0.001 BTC
steps), 0.1% commission, long/short with order_target_percent, positions,
trades and analyzers."""
import backtrader as bt

from scenarios._util import BTC, cerebro, fl, jsonable, LogStrategy


class BTCStrat(LogStrategy):
    params = (('sink', None),)

    def __init__(self):
        super().__init__()
        self.fast = bt.ind.EMA(period=8)
        self.slow = bt.ind.EMA(period=21)
        self.cross = bt.ind.CrossOver(self.fast, self.slow)
        self.rsi = bt.ind.RSI(period=14)

    def next(self):
        self.rec(fast=fl(self.fast[0]), slow=fl(self.slow[0]),
                 rsi=fl(self.rsi[0]))
        n = len(self)
        if self.cross > 0:
            self.buy(size=0.015)
        elif self.cross < 0:
            if self.position.size > 0:
                self.sell(size=round(self.position.size / 2, 3))
            else:
                self.sell(size=0.005)
        elif n % 50 == 0:
            self.order_target_percent(target=0.25)
        elif n % 50 == 25:
            self.order_target_size(target=0.0)
        elif self.rsi < 25 and not self.position:
            self.buy(size=0.001, exectype=bt.Order.Limit,
                     price=self.data.close[0] * 0.99)

    def stop(self):
        self.p.sink.update(self.out)


def run(runonce, preload, exactbars):
    sink = {}
    cer = cerebro(runonce, preload, exactbars)
    cer.adddata(bt.feeds.GenericCSVData(dataname=BTC, dtformat='%Y-%m-%d',
                                        openinterest=-1, name='BTCUSDT'))
    cer.addstrategy(BTCStrat, sink=sink)
    cer.broker.setcash(1000.0)
    cer.broker.setcommission(commission=0.001)
    cer.addanalyzer(bt.analyzers.TradeAnalyzer, _name='ta')
    cer.addanalyzer(bt.analyzers.DrawDown, _name='dd')
    cer.addanalyzer(bt.analyzers.Returns, _name='ret')
    cer.addanalyzer(bt.analyzers.SharpeRatio, _name='sharpe',
                    timeframe=bt.TimeFrame.Days, annualize=True)
    cer.addanalyzer(bt.analyzers.SQN, _name='sqn')
    strat = cer.run()[0]
    sink['analyzers'] = {n: jsonable(getattr(strat.analyzers, n)
                                     .get_analysis())
                         for n in ('ta', 'dd', 'ret', 'sharpe', 'sqn')}
    sink['final'] = [cer.broker.getcash(), cer.broker.getvalue()]
    return sink
