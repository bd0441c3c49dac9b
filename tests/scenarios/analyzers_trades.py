"""Trade-level analyzers on an SMA crossover that goes long and short:
TradeAnalyzer (whole nested dict), SQN, Transactions, PositionsValue
(default and headers/cash), DrawDown, TimeDrawDown, Returns, GrossLeverage;
accessed via strategy.analyzers.<name> and getbyname."""
import backtrader as bt

from scenarios._util import btcsv, cerebro, jsonable


class CrossLS(bt.Strategy):
    """Always in the market: long on cross up, short on cross down."""

    def __init__(self):
        self.cross = bt.ind.CrossOver(bt.ind.SMA(period=5),
                                      bt.ind.SMA(period=15))

    def next(self):
        if self.cross > 0:
            self.order_target_size(target=10)
        elif self.cross < 0:
            self.order_target_size(target=-10)


ANALYZERS = [
    ('ta', bt.analyzers.TradeAnalyzer, {}),
    ('sqn', bt.analyzers.SQN, {}),
    ('tx', bt.analyzers.Transactions, {}),
    ('pv', bt.analyzers.PositionsValue, {}),
    ('pv_cash', bt.analyzers.PositionsValue, dict(headers=True, cash=True)),
    ('dd', bt.analyzers.DrawDown, {}),
    ('dd_fund', bt.analyzers.DrawDown, dict(fund=True)),
    ('tdd', bt.analyzers.TimeDrawDown, {}),
    ('tdd_weeks', bt.analyzers.TimeDrawDown,
     dict(timeframe=bt.TimeFrame.Weeks)),
    ('returns', bt.analyzers.Returns, {}),
    ('returns_tann', bt.analyzers.Returns, dict(tann=252)),
    ('returns_weeks', bt.analyzers.Returns,
     dict(timeframe=bt.TimeFrame.Weeks)),
    ('gross', bt.analyzers.GrossLeverage, {}),
]


def run_with(strategy, analyzers, runonce, preload, exactbars, cash=100000.0,
             data=None, commission=0.001):
    cer = cerebro(runonce, preload, exactbars)
    cer.adddata(data if data is not None else btcsv())
    cer.addstrategy(strategy)
    cer.broker.setcash(cash)
    cer.broker.setcommission(commission=commission)
    for name, cls, kw in analyzers:
        cer.addanalyzer(cls, _name=name, **kw)
    strat = cer.run()[0]
    out = {name: jsonable(getattr(strat.analyzers, name).get_analysis())
           for name, _, _ in analyzers}
    out['_getbyname_same'] = all(
        strat.analyzers.getbyname(n) is getattr(strat.analyzers, n)
        for n, _, _ in analyzers)
    out['_count'] = len(strat.analyzers)
    out['_final_value'] = cer.broker.getvalue()
    return out


def run(runonce, preload, exactbars):
    return run_with(CrossLS, ANALYZERS, runonce, preload, exactbars)
