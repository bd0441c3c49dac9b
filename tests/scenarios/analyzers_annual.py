"""Yearly analyzers over two years of data: AnnualReturn (analysis and
.rets), default (yearly) SharpeRatio/SharpeRatio_A, TimeReturn by years,
PeriodStats, Calmar."""
import backtrader as bt

from scenarios._util import btcsv, cerebro, datapath, jsonable
from scenarios.analyzers_trades import CrossLS

ANALYZERS = [
    ('annual', bt.analyzers.AnnualReturn, {}),
    ('sharpe', bt.analyzers.SharpeRatio, {}),
    ('sharpe_a', bt.analyzers.SharpeRatio_A, {}),
    ('sharpe_rf0', bt.analyzers.SharpeRatio, dict(riskfreerate=0.0)),
    ('tr_years', bt.analyzers.TimeReturn,
     dict(timeframe=bt.TimeFrame.Years)),
    ('periodstats', bt.analyzers.PeriodStats, {}),
    ('calmar', bt.analyzers.Calmar, dict(timeframe=bt.TimeFrame.Months)),
]


def run(runonce, preload, exactbars):
    cer = cerebro(runonce, preload, exactbars)
    cer.adddata(btcsv(datapath('upstream', '2005-2006-day-001.txt')))
    cer.addstrategy(CrossLS)
    cer.broker.setcash(100000.0)
    cer.broker.setcommission(commission=0.001)
    for name, cls, kw in ANALYZERS:
        cer.addanalyzer(cls, _name=name, **kw)
    strat = cer.run()[0]
    out = {n: jsonable(getattr(strat.analyzers, n).get_analysis())
           for n, _, _ in ANALYZERS}
    out['_annual_rets'] = jsonable(strat.analyzers.annual.rets)
    return out
