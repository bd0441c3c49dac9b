"""Return-based analyzers: SharpeRatio (default and with timeframe,
compression, riskfreerate, annualize, stddev_sample, convertrate, daysfactor),
SharpeRatio_A, TimeReturn (default, timeframes, data=, fund=), VWR, Calmar,
PeriodStats, LogReturnsRolling.  AnnualReturn is in analyzers_annual.py."""
import backtrader as bt

from scenarios._util import btcsv, DAY1, jsonable, cerebro
from scenarios.analyzers_trades import CrossLS

TF = bt.TimeFrame

ANALYZERS = [
    ('sharpe', bt.analyzers.SharpeRatio, {}),
    ('sharpe_days', bt.analyzers.SharpeRatio, dict(timeframe=TF.Days)),
    ('sharpe_days_ann', bt.analyzers.SharpeRatio,
     dict(timeframe=TF.Days, annualize=True, riskfreerate=0.02)),
    ('sharpe_weeks', bt.analyzers.SharpeRatio,
     dict(timeframe=TF.Weeks, stddev_sample=True)),
    ('sharpe_months', bt.analyzers.SharpeRatio,
     dict(timeframe=TF.Months, compression=1, riskfreerate=0.0)),
    ('sharpe_noconvert', bt.analyzers.SharpeRatio,
     dict(timeframe=TF.Days, convertrate=False, riskfreerate=0.0001,
          factor=252)),
    ('sharpe_daysfactor', bt.analyzers.SharpeRatio,
     dict(timeframe=TF.Days, annualize=True, daysfactor=365)),
    ('sharpe_a', bt.analyzers.SharpeRatio_A, {}),
    ('sharpe_a_days', bt.analyzers.SharpeRatio_A, dict(timeframe=TF.Days)),
    ('tr', bt.analyzers.TimeReturn, {}),
    ('tr_days', bt.analyzers.TimeReturn, dict(timeframe=TF.Days)),
    ('tr_weeks', bt.analyzers.TimeReturn, dict(timeframe=TF.Weeks)),
    ('tr_months', bt.analyzers.TimeReturn, dict(timeframe=TF.Months)),
    ('tr_years', bt.analyzers.TimeReturn, dict(timeframe=TF.Years)),
    ('tr_notf', bt.analyzers.TimeReturn, dict(timeframe=TF.NoTimeFrame)),
    ('tr_days3', bt.analyzers.TimeReturn,
     dict(timeframe=TF.Days, compression=3)),
    ('tr_fund', bt.analyzers.TimeReturn,
     dict(timeframe=TF.Weeks, fund=True)),
    ('tr_firstopen', bt.analyzers.TimeReturn,
     dict(timeframe=TF.Months, firstopen=False)),
    ('vwr', bt.analyzers.VWR, {}),
    ('calmar', bt.analyzers.Calmar, {}),
    ('periodstats', bt.analyzers.PeriodStats, {}),
    ('periodstats_w', bt.analyzers.PeriodStats, dict(timeframe=TF.Weeks)),
    ('logrets', bt.analyzers.LogReturnsRolling, dict(timeframe=TF.Weeks)),
]


def run(runonce, preload, exactbars):
    cer = cerebro(runonce, preload, exactbars)
    data = btcsv(DAY1)
    cer.adddata(data)
    cer.addstrategy(CrossLS)
    cer.broker.setcash(100000.0)
    cer.broker.setcommission(commission=0.001)
    for name, cls, kw in ANALYZERS:
        cer.addanalyzer(cls, _name=name, **kw)
    cer.addanalyzer(bt.analyzers.TimeReturn, _name='tr_data', data=data,
                    timeframe=TF.Weeks)
    cer.addanalyzer(bt.analyzers.TimeReturn, _name='tr_data_days', data=data)
    strat = cer.run()[0]
    names = [n for n, _, _ in ANALYZERS] + ['tr_data', 'tr_data_days']
    out = {n: jsonable(getattr(strat.analyzers, n).get_analysis())
           for n in names}
    return out
