"""DrawDown, TimeDrawDown, Transactions and PositionsValue against upstream.

Expected values: recorded by running this file with upstream's interpreter
(``/tmp/upstream/bin/python tests/test_analyzers_positions.py --record``),
which runs the same scenarios with upstream backtrader 1.9.78.123; see
_analyzers_support.
"""
from __future__ import annotations

import datetime
import json

import pytest

import _analyzers_support as sup

MAR = datetime.datetime(2006, 3, 15)

ACTIONS = {
    2: [('buy', dict(size=3))],
    3: [('sell', dict(d=1, size=2)), ('buy', dict(size=2))],
    5: [('close', {})],
    6: [('buy', dict(size=1)), ('close', dict(d=1))],
    8: [('buy', dict(size=2)), ('sell', dict(size=2))],     # nets to zero
    9: [('buy', dict(size=2, d=1)), ('sell', dict(size=1))],
    12: [('order_target_size', dict(target=-4))],
    15: [('buy', dict(size=1, exectype='limit_low'))],
    20: [('close', {}), ('close', dict(d=1))],
    25: [('buy', dict(size=50))],                          # deep drawdown
    40: [('close', {})],
}


def _actions(bt):
    """ACTIONS with the placeholder exectype turned into a real order."""
    out = {}
    for bar, acts in ACTIONS.items():
        new = []
        for method, kwargs in acts:
            kwargs = dict(kwargs)
            if kwargs.get('exectype') == 'limit_low':
                kwargs.update(exectype=bt.Order.Limit, price=3500.0)
            new.append((method, kwargs))
        out[bar] = new
    return out


def _run(bt, analyzers, datas=(sup.DAY1, sup.DAY2), todate=MAR,
         fundmode=False, commission=None, actions=None, **modekw):
    cerebro = sup.make_cerebro(bt, datas=datas, todate=todate, **modekw)
    if fundmode:
        cerebro.broker.set_fundmode(True)
    if commission:
        cerebro.broker.setcommission(**commission)
    actions = _actions(bt) if actions is None else actions
    cerebro.addstrategy(sup.scripted_strategy(bt, actions,
                                              prenext_actions=True))
    for name, (cls, kwargs) in analyzers.items():
        cerebro.addanalyzer(cls, _name=name, **kwargs)
    return sup.analyses(cerebro.run()[0])


def _drawdowns(bt):
    TF = bt.TimeFrame
    return {
        'dd': (bt.analyzers.DrawDown, {}),
        'dd_fund': (bt.analyzers.DrawDown, dict(fund=True)),
        'dd_value': (bt.analyzers.DrawDown, dict(fund=False)),
        'tdd': (bt.analyzers.TimeDrawDown, {}),
        'tdd_weeks': (bt.analyzers.TimeDrawDown, dict(timeframe=TF.Weeks)),
        'tdd_months_fund': (bt.analyzers.TimeDrawDown,
                            dict(timeframe=TF.Months, fund=True)),
    }


def drawdown(bt, **modekw):
    return _run(bt, _drawdowns(bt), commission=dict(commission=0.002), **modekw)


def drawdown_fundmode(bt, **modekw):
    return _run(bt, _drawdowns(bt), fundmode=True, **modekw)


def drawdown_flat(bt, **modekw):
    """No trades: no drawdown at all."""
    cerebro = sup.make_cerebro(bt, todate=MAR, **modekw)
    cerebro.addstrategy(bt.Strategy)
    for name, (cls, kwargs) in _drawdowns(bt).items():
        cerebro.addanalyzer(cls, _name=name, **kwargs)
    return sup.analyses(cerebro.run()[0])


def transactions(bt, **modekw):
    analyzers = {
        'tx': (bt.analyzers.Transactions, {}),
        'tx_headers': (bt.analyzers.Transactions, dict(headers=True)),
    }
    return _run(bt, analyzers, **modekw)


def positions(bt, **modekw):
    analyzers = {
        'pv': (bt.analyzers.PositionsValue, {}),
        'pv_headers': (bt.analyzers.PositionsValue, dict(headers=True)),
        'pv_cash': (bt.analyzers.PositionsValue, dict(headers=True, cash=True)),
    }
    return _run(bt, analyzers, **modekw)


def positions_intraday(bt, **modekw):
    """Intraday data: keys are datetimes, not dates."""
    analyzers = {
        'pv': (bt.analyzers.PositionsValue, dict(cash=True)),
        'tx': (bt.analyzers.Transactions, {}),
    }
    actions = {3: [('buy', dict(size=2))], 9: [('sell', dict(size=3))],
               40: [('buy', dict(size=1)), ('buy', dict(size=4))],
               90: [('close', {})]}
    return _run(bt, analyzers, datas=(sup.MIN5,), actions=actions,
                todate=datetime.datetime(2006, 1, 3), **modekw)


SCENARIOS = {f.__name__: f for f in (drawdown, drawdown_fundmode,
                                     drawdown_flat, transactions, positions,
                                     positions_intraday)}

# >>> expected (recorded from upstream, do not edit)
EXPECTED = json.loads(
'{"drawdown":{"modes":{"ro1_pl1":0,"ro0_pl1":0,"ro0_pl0":0},"results":[{"__dict__":"dict","'
'items":[["\'dd\'",{"__dict__":"AutoOrderedDict","items":[["\'len\'",37],["\'drawdown\'",3.961373'
'192621268],["\'moneydown\'",396.2125599999981],["\'max\'",{"__dict__":"AutoOrderedDict","items'
'":[["\'len\'",37],["\'drawdown\'",3.961373192621268],["\'moneydown\'",396.2125599999981]]}]]}],['
'"\'dd_fund\'",{"__dict__":"AutoOrderedDict","items":[["\'len\'",37],["\'drawdown\'",3.9613731926'
'212656],["\'moneydown\'",3.962125599999979],["\'max\'",{"__dict__":"AutoOrderedDict","items":['
'["\'len\'",37],["\'drawdown\'",3.9613731926212656],["\'moneydown\'",3.962125599999979]]}]]}],["\''
'dd_value\'",{"__dict__":"AutoOrderedDict","items":[["\'len\'",37],["\'drawdown\'",3.96137319262'
'1268],["\'moneydown\'",396.2125599999981],["\'max\'",{"__dict__":"AutoOrderedDict","items":[["'
'\'len\'",37],["\'drawdown\'",3.961373192621268],["\'moneydown\'",396.2125599999981]]}]]}],["\'tdd'
'\'",{"__dict__":"OrderedDict","items":[["\'maxdrawdown\'",3.961373192621268],["\'maxdrawdownpe'
'riod\'",37]]}],["\'tdd_weeks\'",{"__dict__":"OrderedDict","items":[["\'maxdrawdown\'",3.9431319'
'99999987],["\'maxdrawdownperiod\'",10]]}],["\'tdd_months_fund\'",{"__dict__":"OrderedDict","it'
'ems":[["\'maxdrawdown\'",3.9431319999999914],["\'maxdrawdownperiod\'",2]]}]]}]},"drawdown_fund'
'mode":{"modes":{"ro1_pl1":0,"ro0_pl1":0,"ro0_pl0":0},"results":[{"__dict__":"dict","items"'
':[["\'dd\'",{"__dict__":"AutoOrderedDict","items":[["\'len\'",37],["\'drawdown\'",3.478680236154'
'934],["\'moneydown\'",3.519999999999982],["\'max\'",{"__dict__":"AutoOrderedDict","items":[["\''
'len\'",37],["\'drawdown\'",3.883076813607946],["\'moneydown\'",3.9291999999999803]]}]]}],["\'dd_'
'fund\'",{"__dict__":"AutoOrderedDict","items":[["\'len\'",37],["\'drawdown\'",3.478680236154934'
'],["\'moneydown\'",3.519999999999982],["\'max\'",{"__dict__":"AutoOrderedDict","items":[["\'len'
'\'",37],["\'drawdown\'",3.883076813607946],["\'moneydown\'",3.9291999999999803]]}]]}],["\'dd_val'
'ue\'",{"__dict__":"AutoOrderedDict","items":[["\'len\'",37],["\'drawdown\'",3.478680236154934],'
'["\'moneydown\'",351.9999999999982],["\'max\'",{"__dict__":"AutoOrderedDict","items":[["\'len\'"'
',37],["\'drawdown\'",3.8830768136079477],["\'moneydown\'",392.91999999999825]]}]]}],["\'tdd\'",{'
'"__dict__":"OrderedDict","items":[["\'maxdrawdown\'",3.883076813607946],["\'maxdrawdownperiod'
'\'",37]]}],["\'tdd_weeks\'",{"__dict__":"OrderedDict","items":[["\'maxdrawdown\'",2.78831721562'
'43057],["\'maxdrawdownperiod\'",7]]}],["\'tdd_months_fund\'",{"__dict__":"OrderedDict","items"'
':[["\'maxdrawdown\'",2.3322000000000003],["\'maxdrawdownperiod\'",2]]}]]}]},"drawdown_flat":{"'
'modes":{"ro1_pl1":0,"ro0_pl1":0,"ro0_pl0":0},"results":[{"__dict__":"dict","items":[["\'dd\''
'",{"__dict__":"AutoOrderedDict","items":[["\'len\'",0],["\'drawdown\'",0.0],["\'moneydown\'",0.0'
'],["\'max\'",{"__dict__":"AutoOrderedDict","items":[["\'len\'",0.0],["\'drawdown\'",0.0],["\'mone'
'ydown\'",0.0]]}]]}],["\'dd_fund\'",{"__dict__":"AutoOrderedDict","items":[["\'len\'",0],["\'draw'
'down\'",0.0],["\'moneydown\'",0.0],["\'max\'",{"__dict__":"AutoOrderedDict","items":[["\'len\'",0'
'.0],["\'drawdown\'",0.0],["\'moneydown\'",0.0]]}]]}],["\'dd_value\'",{"__dict__":"AutoOrderedDic'
't","items":[["\'len\'",0],["\'drawdown\'",0.0],["\'moneydown\'",0.0],["\'max\'",{"__dict__":"AutoO'
'rderedDict","items":[["\'len\'",0.0],["\'drawdown\'",0.0],["\'moneydown\'",0.0]]}]]}],["\'tdd\'",{'
'"__dict__":"OrderedDict","items":[["\'maxdrawdown\'",0.0],["\'maxdrawdownperiod\'",0]]}],["\'td'
'd_weeks\'",{"__dict__":"OrderedDict","items":[["\'maxdrawdown\'",0.0],["\'maxdrawdownperiod\'",'
'0]]}],["\'tdd_months_fund\'",{"__dict__":"OrderedDict","items":[["\'maxdrawdown\'",0.0],["\'max'
'drawdownperiod\'",0]]}]]}]},"transactions":{"modes":{"ro1_pl1":0,"ro0_pl1":0,"ro0_pl0":0},"'
'results":[{"__dict__":"dict","items":[["\'tx\'",{"__dict__":"OrderedDict","items":[["datetim'
'e.datetime(2006, 1, 5, 23, 59, 59, 999989)",[[2,3652.19,0,"2006-day-001",-7304.38],[-2,361'
'5.23,1,"2006-day-002",7230.46]]],["datetime.datetime(2006, 1, 9, 23, 59, 59, 999989)",[[-2'
',3667.1,0,"2006-day-001",7334.2]]],["datetime.datetime(2006, 1, 10, 23, 59, 59, 999989)",['
'[1,3671.23,0,"2006-day-001",-3671.23]]],["datetime.datetime(2006, 1, 11, 23, 59, 59, 99998'
'9)",[[2,3671.23,1,"2006-day-002",-7342.46]]],["datetime.datetime(2006, 1, 12, 23, 59, 59, '
'999989)",[[-2,3667.16,0,"2006-day-001",7334.32]]],["datetime.datetime(2006, 1, 13, 23, 59,'
' 59, 999989)",[[-1,3670.27,0,"2006-day-001",3670.27],[2,3667.16,1,"2006-day-002",-7334.32]'
']],["datetime.datetime(2006, 1, 18, 23, 59, 59, 999989)",[[-2,3609.34,0,"2006-day-001",721'
'8.68]]],["datetime.datetime(2006, 1, 30, 23, 59, 59, 999989)",[[4,3684.38,0,"2006-day-001"'
',-14737.52]]],["datetime.datetime(2006, 1, 31, 23, 59, 59, 999989)",[[-2,3684.38,1,"2006-d'
'ay-002",7368.76]]]]}],["\'tx_headers\'",{"__dict__":"OrderedDict","items":[["\'date\'",[["amou'
'nt","price","sid","symbol","value"]]],["datetime.datetime(2006, 1, 5, 23, 59, 59, 999989)"'
',[[2,3652.19,0,"2006-day-001",-7304.38],[-2,3615.23,1,"2006-day-002",7230.46]]],["datetime'
'.datetime(2006, 1, 9, 23, 59, 59, 999989)",[[-2,3667.1,0,"2006-day-001",7334.2]]],["dateti'
'me.datetime(2006, 1, 10, 23, 59, 59, 999989)",[[1,3671.23,0,"2006-day-001",-3671.23]]],["d'
'atetime.datetime(2006, 1, 11, 23, 59, 59, 999989)",[[2,3671.23,1,"2006-day-002",-7342.46]]'
'],["datetime.datetime(2006, 1, 12, 23, 59, 59, 999989)",[[-2,3667.16,0,"2006-day-001",7334'
'.32]]],["datetime.datetime(2006, 1, 13, 23, 59, 59, 999989)",[[-1,3670.27,0,"2006-day-001"'
',3670.27],[2,3667.16,1,"2006-day-002",-7334.32]]],["datetime.datetime(2006, 1, 18, 23, 59,'
' 59, 999989)",[[-2,3609.34,0,"2006-day-001",7218.68]]],["datetime.datetime(2006, 1, 30, 23'
', 59, 59, 999989)",[[4,3684.38,0,"2006-day-001",-14737.52]]],["datetime.datetime(2006, 1, '
'31, 23, 59, 59, 999989)",[[-2,3684.38,1,"2006-day-002",7368.76]]]]}]]}]},"positions":{"mod'
'es":{"ro1_pl1":0,"ro0_pl1":0,"ro0_pl0":0},"results":[{"__dict__":"dict","items":[["\'pv\'",{'
'"__dict__":"OrderedDict","items":[["datetime.date(2006, 1, 2)",[0.0,0.0]],["datetime.date('
'2006, 1, 3)",[0.0,0.0]],["datetime.date(2006, 1, 4)",[0.0,0.0]],["datetime.date(2006, 1, 5'
')",[7300.48,-7300.48]],["datetime.date(2006, 1, 6)",[7333.98,-7300.48]],["datetime.date(20'
'06, 1, 9)",[0.0,-7343.56]],["datetime.date(2006, 1, 10)",[3644.94,-7343.56]],["datetime.da'
'te(2006, 1, 11)",[3668.61,0.0]],["datetime.date(2006, 1, 12)",[-3670.2,0.0]],["datetime.da'
'te(2006, 1, 13)",[-7258.5,7258.5]],["datetime.date(2006, 1, 16)",[-7288.82,7258.5]],["date'
'time.date(2006, 1, 17)",[-7220.14,7220.14]],["datetime.date(2006, 1, 18)",[-14280.68,7220.'
'14]],["datetime.date(2006, 1, 19)",[-14372.88,7186.44]],["datetime.date(2006, 1, 20)",[-14'
'203.2,7186.44]],["datetime.date(2006, 1, 23)",[-14177.24,7088.62]],["datetime.date(2006, 1'
', 24)",[-14130.72,7088.62]],["datetime.date(2006, 1, 25)",[-14312.0,7156.0]],["datetime.da'
'te(2006, 1, 26)",[-14565.68,7156.0]],["datetime.date(2006, 1, 27)",[-14741.92,7370.96]],["'
'datetime.date(2006, 1, 30)",[0.0,7370.96]],["datetime.date(2006, 1, 31)",[0.0,0.0]],["date'
'time.date(2006, 2, 1)",[0.0,0.0]],["datetime.date(2006, 2, 2)",[0.0,0.0]],["datetime.date('
'2006, 2, 3)",[0.0,0.0]],["datetime.date(2006, 2, 6)",[0.0,0.0]],["datetime.date(2006, 2, 7'
')",[0.0,0.0]],["datetime.date(2006, 2, 8)",[0.0,0.0]],["datetime.date(2006, 2, 9)",[0.0,0.'
'0]],["datetime.date(2006, 2, 10)",[0.0,0.0]],["datetime.date(2006, 2, 13)",[0.0,0.0]],["da'
'tetime.date(2006, 2, 14)",[0.0,0.0]],["datetime.date(2006, 2, 15)",[0.0,0.0]],["datetime.d'
'ate(2006, 2, 16)",[0.0,0.0]],["datetime.date(2006, 2, 17)",[0.0,0.0]],["datetime.date(2006'
', 2, 20)",[0.0,0.0]],["datetime.date(2006, 2, 21)",[0.0,0.0]],["datetime.date(2006, 2, 22)'
'",[0.0,0.0]],["datetime.date(2006, 2, 23)",[0.0,0.0]],["datetime.date(2006, 2, 24)",[0.0,0'
'.0]],["datetime.date(2006, 2, 27)",[0.0,0.0]],["datetime.date(2006, 2, 28)",[0.0,0.0]],["d'
'atetime.date(2006, 3, 1)",[0.0,0.0]],["datetime.date(2006, 3, 2)",[0.0,0.0]],["datetime.da'
'te(2006, 3, 3)",[0.0,0.0]],["datetime.date(2006, 3, 6)",[0.0,0.0]],["datetime.date(2006, 3'
', 7)",[0.0,0.0]],["datetime.date(2006, 3, 8)",[0.0,0.0]],["datetime.date(2006, 3, 9)",[0.0'
',0.0]],["datetime.date(2006, 3, 10)",[0.0,0.0]],["datetime.date(2006, 3, 13)",[0.0,0.0]],['
'"datetime.date(2006, 3, 14)",[0.0,0.0]]]}],["\'pv_headers\'",{"__dict__":"OrderedDict","item'
's":[["\'Datetime\'",["2006-day-001","2006-day-002"]],["datetime.date(2006, 1, 2)",[0.0,0.0]]'
',["datetime.date(2006, 1, 3)",[0.0,0.0]],["datetime.date(2006, 1, 4)",[0.0,0.0]],["datetim'
'e.date(2006, 1, 5)",[7300.48,-7300.48]],["datetime.date(2006, 1, 6)",[7333.98,-7300.48]],['
'"datetime.date(2006, 1, 9)",[0.0,-7343.56]],["datetime.date(2006, 1, 10)",[3644.94,-7343.5'
'6]],["datetime.date(2006, 1, 11)",[3668.61,0.0]],["datetime.date(2006, 1, 12)",[-3670.2,0.'
'0]],["datetime.date(2006, 1, 13)",[-7258.5,7258.5]],["datetime.date(2006, 1, 16)",[-7288.8'
'2,7258.5]],["datetime.date(2006, 1, 17)",[-7220.14,7220.14]],["datetime.date(2006, 1, 18)"'
',[-14280.68,7220.14]],["datetime.date(2006, 1, 19)",[-14372.88,7186.44]],["datetime.date(2'
'006, 1, 20)",[-14203.2,7186.44]],["datetime.date(2006, 1, 23)",[-14177.24,7088.62]],["date'
'time.date(2006, 1, 24)",[-14130.72,7088.62]],["datetime.date(2006, 1, 25)",[-14312.0,7156.'
'0]],["datetime.date(2006, 1, 26)",[-14565.68,7156.0]],["datetime.date(2006, 1, 27)",[-1474'
'1.92,7370.96]],["datetime.date(2006, 1, 30)",[0.0,7370.96]],["datetime.date(2006, 1, 31)",'
'[0.0,0.0]],["datetime.date(2006, 2, 1)",[0.0,0.0]],["datetime.date(2006, 2, 2)",[0.0,0.0]]'
',["datetime.date(2006, 2, 3)",[0.0,0.0]],["datetime.date(2006, 2, 6)",[0.0,0.0]],["datetim'
'e.date(2006, 2, 7)",[0.0,0.0]],["datetime.date(2006, 2, 8)",[0.0,0.0]],["datetime.date(200'
'6, 2, 9)",[0.0,0.0]],["datetime.date(2006, 2, 10)",[0.0,0.0]],["datetime.date(2006, 2, 13)'
'",[0.0,0.0]],["datetime.date(2006, 2, 14)",[0.0,0.0]],["datetime.date(2006, 2, 15)",[0.0,0'
'.0]],["datetime.date(2006, 2, 16)",[0.0,0.0]],["datetime.date(2006, 2, 17)",[0.0,0.0]],["d'
'atetime.date(2006, 2, 20)",[0.0,0.0]],["datetime.date(2006, 2, 21)",[0.0,0.0]],["datetime.'
'date(2006, 2, 22)",[0.0,0.0]],["datetime.date(2006, 2, 23)",[0.0,0.0]],["datetime.date(200'
'6, 2, 24)",[0.0,0.0]],["datetime.date(2006, 2, 27)",[0.0,0.0]],["datetime.date(2006, 2, 28'
')",[0.0,0.0]],["datetime.date(2006, 3, 1)",[0.0,0.0]],["datetime.date(2006, 3, 2)",[0.0,0.'
'0]],["datetime.date(2006, 3, 3)",[0.0,0.0]],["datetime.date(2006, 3, 6)",[0.0,0.0]],["date'
'time.date(2006, 3, 7)",[0.0,0.0]],["datetime.date(2006, 3, 8)",[0.0,0.0]],["datetime.date('
'2006, 3, 9)",[0.0,0.0]],["datetime.date(2006, 3, 10)",[0.0,0.0]],["datetime.date(2006, 3, '
'13)",[0.0,0.0]],["datetime.date(2006, 3, 14)",[0.0,0.0]]]}],["\'pv_cash\'",{"__dict__":"Orde'
'redDict","items":[["\'Datetime\'",["2006-day-001","2006-day-002","cash"]],["datetime.date(20'
'06, 1, 2)",[0.0,0.0,10000.0]],["datetime.date(2006, 1, 3)",[0.0,0.0,10000.0]],["datetime.d'
'ate(2006, 1, 4)",[0.0,0.0,10000.0]],["datetime.date(2006, 1, 5)",[7300.48,-7300.48,9926.07'
'9999999998]],["datetime.date(2006, 1, 6)",[7333.98,-7300.48,9926.079999999998]],["datetime'
'.date(2006, 1, 9)",[0.0,-7343.56,17260.28]],["datetime.date(2006, 1, 10)",[3644.94,-7343.5'
'6,13589.05]],["datetime.date(2006, 1, 11)",[3668.61,0.0,6246.589999999999]],["datetime.dat'
'e(2006, 1, 12)",[-3670.2,0.0,13580.91]],["datetime.date(2006, 1, 13)",[-7258.5,7258.5,9916'
'.86]],["datetime.date(2006, 1, 16)",[-7288.82,7258.5,9916.86]],["datetime.date(2006, 1, 17'
')",[-7220.14,7220.14,9916.86]],["datetime.date(2006, 1, 18)",[-14280.68,7220.14,17135.54]]'
',["datetime.date(2006, 1, 19)",[-14372.88,7186.44,17135.54]],["datetime.date(2006, 1, 20)"'
',[-14203.2,7186.44,17135.54]],["datetime.date(2006, 1, 23)",[-14177.24,7088.62,17135.54]],'
'["datetime.date(2006, 1, 24)",[-14130.72,7088.62,17135.54]],["datetime.date(2006, 1, 25)",'
'[-14312.0,7156.0,17135.54]],["datetime.date(2006, 1, 26)",[-14565.68,7156.0,17135.54]],["d'
'atetime.date(2006, 1, 27)",[-14741.92,7370.96,17135.54]],["datetime.date(2006, 1, 30)",[0.'
'0,7370.96,2398.0200000000004]],["datetime.date(2006, 1, 31)",[0.0,0.0,9766.78]],["datetime'
'.date(2006, 2, 1)",[0.0,0.0,9766.78]],["datetime.date(2006, 2, 2)",[0.0,0.0,9766.78]],["da'
'tetime.date(2006, 2, 3)",[0.0,0.0,9766.78]],["datetime.date(2006, 2, 6)",[0.0,0.0,9766.78]'
'],["datetime.date(2006, 2, 7)",[0.0,0.0,9766.78]],["datetime.date(2006, 2, 8)",[0.0,0.0,97'
'66.78]],["datetime.date(2006, 2, 9)",[0.0,0.0,9766.78]],["datetime.date(2006, 2, 10)",[0.0'
',0.0,9766.78]],["datetime.date(2006, 2, 13)",[0.0,0.0,9766.78]],["datetime.date(2006, 2, 1'
'4)",[0.0,0.0,9766.78]],["datetime.date(2006, 2, 15)",[0.0,0.0,9766.78]],["datetime.date(20'
'06, 2, 16)",[0.0,0.0,9766.78]],["datetime.date(2006, 2, 17)",[0.0,0.0,9766.78]],["datetime'
'.date(2006, 2, 20)",[0.0,0.0,9766.78]],["datetime.date(2006, 2, 21)",[0.0,0.0,9766.78]],["'
'datetime.date(2006, 2, 22)",[0.0,0.0,9766.78]],["datetime.date(2006, 2, 23)",[0.0,0.0,9766'
'.78]],["datetime.date(2006, 2, 24)",[0.0,0.0,9766.78]],["datetime.date(2006, 2, 27)",[0.0,'
'0.0,9766.78]],["datetime.date(2006, 2, 28)",[0.0,0.0,9766.78]],["datetime.date(2006, 3, 1)'
'",[0.0,0.0,9766.78]],["datetime.date(2006, 3, 2)",[0.0,0.0,9766.78]],["datetime.date(2006,'
' 3, 3)",[0.0,0.0,9766.78]],["datetime.date(2006, 3, 6)",[0.0,0.0,9766.78]],["datetime.date'
'(2006, 3, 7)",[0.0,0.0,9766.78]],["datetime.date(2006, 3, 8)",[0.0,0.0,9766.78]],["datetim'
'e.date(2006, 3, 9)",[0.0,0.0,9766.78]],["datetime.date(2006, 3, 10)",[0.0,0.0,9766.78]],["'
'datetime.date(2006, 3, 13)",[0.0,0.0,9766.78]],["datetime.date(2006, 3, 14)",[0.0,0.0,9766'
'.78]]]}]]}]},"positions_intraday":{"modes":{"ro1_pl1":0,"ro0_pl1":0,"ro0_pl0":0},"results"'
':[{"__dict__":"dict","items":[["\'pv\'",{"__dict__":"OrderedDict","items":[["datetime.dateti'
'me(2006, 1, 2, 9, 5)",[0.0,10000.0]],["datetime.datetime(2006, 1, 2, 9, 10)",[0.0,10000.0]'
'],["datetime.datetime(2006, 1, 2, 9, 15)",[0.0,10000.0]],["datetime.datetime(2006, 1, 2, 9'
', 20)",[7181.24,2817.16]],["datetime.datetime(2006, 1, 2, 9, 25)",[7182.32,2817.16]],["dat'
'etime.datetime(2006, 1, 2, 9, 30)",[7181.3,2817.16]],["datetime.datetime(2006, 1, 2, 9, 35'
')",[7192.82,2817.16]],["datetime.datetime(2006, 1, 2, 9, 40)",[7204.86,2817.16]],["datetim'
'e.datetime(2006, 1, 2, 9, 45)",[7208.7,2817.16]],["datetime.datetime(2006, 1, 2, 9, 50)",['
'-3602.7,13629.220000000001]],["datetime.datetime(2006, 1, 2, 9, 55)",[-3601.79,13629.22000'
'0000001]],["datetime.datetime(2006, 1, 2, 10, 0)",[-3600.4,13629.220000000001]],["datetime'
'.datetime(2006, 1, 2, 10, 5)",[-3602.7,13629.220000000001]],["datetime.datetime(2006, 1, 2'
', 10, 10)",[-3601.05,13629.220000000001]],["datetime.datetime(2006, 1, 2, 10, 15)",[-3598.'
'85,13629.220000000001]],["datetime.datetime(2006, 1, 2, 10, 20)",[-3599.74,13629.220000000'
'001]],["datetime.datetime(2006, 1, 2, 10, 25)",[-3601.02,13629.220000000001]],["datetime.d'
'atetime(2006, 1, 2, 10, 30)",[-3601.11,13629.220000000001]],["datetime.datetime(2006, 1, 2'
', 10, 35)",[-3601.34,13629.220000000001]],["datetime.datetime(2006, 1, 2, 10, 40)",[-3602.'
'69,13629.220000000001]],["datetime.datetime(2006, 1, 2, 10, 45)",[-3602.15,13629.220000000'
'001]],["datetime.datetime(2006, 1, 2, 10, 50)",[-3601.89,13629.220000000001]],["datetime.d'
'atetime(2006, 1, 2, 10, 55)",[-3601.55,13629.220000000001]],["datetime.datetime(2006, 1, 2'
', 11, 0)",[-3601.22,13629.220000000001]],["datetime.datetime(2006, 1, 2, 11, 5)",[-3600.72'
',13629.220000000001]],["datetime.datetime(2006, 1, 2, 11, 10)",[-3599.85,13629.22000000000'
'1]],["datetime.datetime(2006, 1, 2, 11, 15)",[-3598.47,13629.220000000001]],["datetime.dat'
'etime(2006, 1, 2, 11, 20)",[-3590.63,13629.220000000001]],["datetime.datetime(2006, 1, 2, '
'11, 25)",[-3592.18,13629.220000000001]],["datetime.datetime(2006, 1, 2, 11, 30)",[-3593.72'
',13629.220000000001]],["datetime.datetime(2006, 1, 2, 11, 35)",[-3595.2,13629.220000000001'
']],["datetime.datetime(2006, 1, 2, 11, 40)",[-3595.26,13629.220000000001]],["datetime.date'
'time(2006, 1, 2, 11, 45)",[-3595.73,13629.220000000001]],["datetime.datetime(2006, 1, 2, 1'
'1, 50)",[-3597.04,13629.220000000001]],["datetime.datetime(2006, 1, 2, 11, 55)",[-3598.63,'
'13629.220000000001]],["datetime.datetime(2006, 1, 2, 12, 0)",[-3598.4,13629.220000000001]]'
',["datetime.datetime(2006, 1, 2, 12, 5)",[-3598.37,13629.220000000001]],["datetime.datetim'
'e(2006, 1, 2, 12, 10)",[-3597.96,13629.220000000001]],["datetime.datetime(2006, 1, 2, 12, '
'15)",[-3598.77,13629.220000000001]],["datetime.datetime(2006, 1, 2, 12, 20)",[-3600.24,136'
'29.220000000001]],["datetime.datetime(2006, 1, 2, 12, 25)",[0.0,10028.910000000002]],["dat'
'etime.datetime(2006, 1, 2, 12, 30)",[0.0,10028.910000000002]],["datetime.datetime(2006, 1,'
' 2, 12, 35)",[0.0,10028.910000000002]],["datetime.datetime(2006, 1, 2, 12, 40)",[0.0,10028'
'.910000000002]],["datetime.datetime(2006, 1, 2, 12, 45)",[0.0,10028.910000000002]],["datet'
'ime.datetime(2006, 1, 2, 12, 50)",[0.0,10028.910000000002]],["datetime.datetime(2006, 1, 2'
', 12, 55)",[0.0,10028.910000000002]],["datetime.datetime(2006, 1, 2, 13, 0)",[0.0,10028.91'
'0000000002]],["datetime.datetime(2006, 1, 2, 13, 5)",[0.0,10028.910000000002]],["datetime.'
'datetime(2006, 1, 2, 13, 10)",[0.0,10028.910000000002]],["datetime.datetime(2006, 1, 2, 13'
', 15)",[0.0,10028.910000000002]],["datetime.datetime(2006, 1, 2, 13, 20)",[0.0,10028.91000'
'0000002]],["datetime.datetime(2006, 1, 2, 13, 25)",[0.0,10028.910000000002]],["datetime.da'
'tetime(2006, 1, 2, 13, 30)",[0.0,10028.910000000002]],["datetime.datetime(2006, 1, 2, 13, '
'35)",[0.0,10028.910000000002]],["datetime.datetime(2006, 1, 2, 13, 40)",[0.0,10028.9100000'
'00002]],["datetime.datetime(2006, 1, 2, 13, 45)",[0.0,10028.910000000002]],["datetime.date'
'time(2006, 1, 2, 13, 50)",[0.0,10028.910000000002]],["datetime.datetime(2006, 1, 2, 13, 55'
')",[0.0,10028.910000000002]],["datetime.datetime(2006, 1, 2, 14, 0)",[0.0,10028.9100000000'
'02]],["datetime.datetime(2006, 1, 2, 14, 5)",[0.0,10028.910000000002]],["datetime.datetime'
'(2006, 1, 2, 14, 10)",[0.0,10028.910000000002]],["datetime.datetime(2006, 1, 2, 14, 15)",['
'0.0,10028.910000000002]],["datetime.datetime(2006, 1, 2, 14, 20)",[0.0,10028.910000000002]'
'],["datetime.datetime(2006, 1, 2, 14, 25)",[0.0,10028.910000000002]],["datetime.datetime(2'
'006, 1, 2, 14, 30)",[0.0,10028.910000000002]],["datetime.datetime(2006, 1, 2, 14, 35)",[0.'
'0,10028.910000000002]],["datetime.datetime(2006, 1, 2, 14, 40)",[0.0,10028.910000000002]],'
'["datetime.datetime(2006, 1, 2, 14, 45)",[0.0,10028.910000000002]],["datetime.datetime(200'
'6, 1, 2, 14, 50)",[0.0,10028.910000000002]],["datetime.datetime(2006, 1, 2, 14, 55)",[0.0,'
'10028.910000000002]],["datetime.datetime(2006, 1, 2, 15, 0)",[0.0,10028.910000000002]],["d'
'atetime.datetime(2006, 1, 2, 15, 5)",[0.0,10028.910000000002]],["datetime.datetime(2006, 1'
', 2, 15, 10)",[0.0,10028.910000000002]],["datetime.datetime(2006, 1, 2, 15, 15)",[0.0,1002'
'8.910000000002]],["datetime.datetime(2006, 1, 2, 15, 20)",[0.0,10028.910000000002]],["date'
'time.datetime(2006, 1, 2, 15, 25)",[0.0,10028.910000000002]],["datetime.datetime(2006, 1, '
'2, 15, 30)",[0.0,10028.910000000002]],["datetime.datetime(2006, 1, 2, 15, 35)",[0.0,10028.'
'910000000002]],["datetime.datetime(2006, 1, 2, 15, 40)",[0.0,10028.910000000002]],["dateti'
'me.datetime(2006, 1, 2, 15, 45)",[0.0,10028.910000000002]],["datetime.datetime(2006, 1, 2,'
' 15, 50)",[0.0,10028.910000000002]],["datetime.datetime(2006, 1, 2, 15, 55)",[0.0,10028.91'
'0000000002]],["datetime.datetime(2006, 1, 2, 16, 0)",[0.0,10028.910000000002]],["datetime.'
'datetime(2006, 1, 2, 16, 5)",[0.0,10028.910000000002]],["datetime.datetime(2006, 1, 2, 16,'
' 10)",[0.0,10028.910000000002]],["datetime.datetime(2006, 1, 2, 16, 15)",[0.0,10028.910000'
'000002]],["datetime.datetime(2006, 1, 2, 16, 20)",[0.0,10028.910000000002]],["datetime.dat'
'etime(2006, 1, 2, 16, 25)",[0.0,10028.910000000002]],["datetime.datetime(2006, 1, 2, 16, 3'
'0)",[0.0,10028.910000000002]],["datetime.datetime(2006, 1, 2, 16, 35)",[0.0,10028.91000000'
'0002]],["datetime.datetime(2006, 1, 2, 16, 40)",[0.0,10028.910000000002]],["datetime.datet'
'ime(2006, 1, 2, 16, 45)",[0.0,10028.910000000002]],["datetime.datetime(2006, 1, 2, 16, 50)'
'",[0.0,10028.910000000002]],["datetime.datetime(2006, 1, 2, 16, 55)",[0.0,10028.9100000000'
'02]],["datetime.datetime(2006, 1, 2, 17, 0)",[0.0,10028.910000000002]],["datetime.datetime'
'(2006, 1, 2, 17, 5)",[0.0,10028.910000000002]],["datetime.datetime(2006, 1, 2, 17, 10)",[0'
'.0,10028.910000000002]],["datetime.datetime(2006, 1, 2, 17, 15)",[0.0,10028.910000000002]]'
',["datetime.datetime(2006, 1, 2, 17, 20)",[0.0,10028.910000000002]],["datetime.datetime(20'
'06, 1, 2, 17, 25)",[0.0,10028.910000000002]],["datetime.datetime(2006, 1, 2, 17, 30)",[0.0'
',10028.910000000002]]]}],["\'tx\'",{"__dict__":"OrderedDict","items":[["datetime.datetime(20'
'06, 1, 2, 9, 20)",[[2,3591.42,0,"2006-min-005",-7182.84]]],["datetime.datetime(2006, 1, 2,'
' 9, 50)",[[-3,3604.02,0,"2006-min-005",10812.06]]],["datetime.datetime(2006, 1, 2, 12, 25)'
'",[[1,3600.31,0,"2006-min-005",-3600.31]]]]}]]}]}}'
)
# <<< expected


@pytest.mark.parametrize('mode', sup.MODES)
@pytest.mark.parametrize('name', SCENARIOS)
def test_matches_upstream(name, mode):
    sup.check(EXPECTED, SCENARIOS, name, mode)


if __name__ == '__main__':
    sup.main(__file__, SCENARIOS)
