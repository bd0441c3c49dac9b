"""Analyzers and observer-driven analyzers give upstream's results in every
run mode (runonce, preload, exactbars -2/-1/0/1).

Expected values: recorded by running this file with upstream's interpreter
(``/tmp/upstream/bin/python tests/test_analyzers_modes.py --record``), which
runs the same scenarios with upstream backtrader 1.9.78.123; see
_analyzers_support.
"""
from __future__ import annotations

import datetime
import json

import pytest

import _analyzers_support as sup

MODES = sup.EXACTBARS_MODES

ACTIONS = {
    2: [('buy', dict(size=3))],
    3: [('sell', dict(size=2))],
    7: [('close', {})],
    9: [('buy', dict(size=2))],
    13: [('order_target_size', dict(target=-2))],
    20: [('close', {}), ('buy', {})],
    27: [('buy', dict(size=4))],
    33: [('close', {})],
    38: [('sell', dict(size=1))],
    45: [('close', {})],
}


def everything(bt, **modekw):
    """All analyzers that only look at the current bar, plus observers that
    drive analyzers of their own.  One data: with two, upstream itself fails
    under exactbars=1."""
    TF = bt.TimeFrame
    an = bt.analyzers
    cerebro = sup.make_cerebro(bt, datas=(sup.DAY1,),
                               todate=datetime.datetime(2006, 4, 1), **modekw)
    cerebro.broker.setcommission(commission=0.001)
    cerebro.addstrategy(sup.scripted_strategy(bt, ACTIONS, prenext_actions=True))
    for name, cls, kwargs in [
            ('ta', an.TradeAnalyzer, {}), ('sqn', an.SQN, {}),
            ('dd', an.DrawDown, {}), ('tdd', an.TimeDrawDown, dict(timeframe=TF.Weeks)),
            ('ret', an.Returns, {}), ('trw', an.TimeReturn, dict(timeframe=TF.Weeks)),
            ('trd', an.TimeReturn, dict(data=cerebro.datas[0], _doprenext=False)),
            ('sr', an.SharpeRatio, dict(timeframe=TF.Days)),
            ('sra', an.SharpeRatio_A, dict(timeframe=TF.Weeks)),
            ('tx', an.Transactions, {}), ('pv', an.PositionsValue, dict(cash=True))]:
        cerebro.addanalyzer(cls, _name=name, **kwargs)
    obs = bt.observers
    cerebro.addobserver(obs.DrawDown)
    cerebro.addobserver(obs.TimeReturn, timeframe=TF.Weeks)
    cerebro.addobserver(obs.Benchmark, timeframe=TF.Weeks)
    strategy = cerebro.run()[0]
    res = sup.analyses(strategy)
    # what the observers' own analyzers computed
    res['obs_dd'] = strategy.stats.drawdown._dd.get_analysis()
    res['obs_tr'] = strategy.stats.timereturn.treturn.get_analysis()
    res['obs_bench'] = strategy.stats.benchmark.tbench.get_analysis()
    return res


SCENARIOS = {f.__name__: f for f in (everything,)}

# >>> expected (recorded from upstream, do not edit)
EXPECTED = json.loads(
'{"everything":{"modes":{"ro1_pl1_eb-2":0,"ro1_pl1_eb-1":0,"ro1_pl1_eb0":0,"ro1_pl1_eb1":0,'
'"ro1_pl0_eb-2":0,"ro1_pl0_eb-1":0,"ro1_pl0_eb0":0,"ro1_pl0_eb1":0,"ro0_pl1_eb-2":0,"ro0_pl'
'1_eb-1":0,"ro0_pl1_eb0":0,"ro0_pl1_eb1":0,"ro0_pl0_eb-2":0,"ro0_pl0_eb-1":0,"ro0_pl0_eb0":'
'0,"ro0_pl0_eb1":0},"results":[{"__dict__":"dict","items":[["\'ta\'",{"__dict__":"AutoOrdered'
'Dict","items":[["\'total\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",5],["\'open\'",0'
'],["\'closed\'",5]]}],["\'streak\'",{"__dict__":"AutoOrderedDict","items":[["\'won\'",{"__dict__'
'":"AutoOrderedDict","items":[["\'current\'",2],["\'longest\'",2]]}],["\'lost\'",{"__dict__":"Aut'
'oOrderedDict","items":[["\'current\'",0],["\'longest\'",3]]}]]}],["\'pnl\'",{"__dict__":"AutoOrd'
'eredDict","items":[["\'gross\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",-279.19999'
'99999998],["\'average\'",-55.83999999999996]]}],["\'net\'",{"__dict__":"AutoOrderedDict","item'
's":[["\'total\'",-337.7662399999998],["\'average\'",-67.55324799999997]]}]]}],["\'won\'",{"__dic'
't__":"AutoOrderedDict","items":[["\'total\'",2],["\'pnl\'",{"__dict__":"AutoOrderedDict","item'
's":[["\'total\'",113.44766000000007],["\'average\'",56.723830000000035],["\'max\'",74.4228600000'
'0001]]}]]}],["\'lost\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",3],["\'pnl\'",{"__di'
'ct__":"AutoOrderedDict","items":[["\'total\'",-451.21389999999985],["\'average\'",-150.4046333'
'333333],["\'max\'",-238.8931400000001]]}]]}],["\'long\'",{"__dict__":"AutoOrderedDict","items"'
':[["\'total\'",2],["\'pnl\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",-171.6201199999'
'998],["\'average\'",-85.8100599999999],["\'won\'",{"__dict__":"AutoOrderedDict","items":[["\'to'
'tal\'",39.024800000000056],["\'average\'",39.024800000000056],["\'max\'",39.024800000000056]]}]'
',["\'lost\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",-210.64491999999984],["\'avera'
'ge\'",-210.64491999999984],["\'max\'",-210.64491999999984]]}]]}],["\'won\'",1],["\'lost\'",1]]}],'
'["\'short\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",3],["\'pnl\'",{"__dict__":"Auto'
'OrderedDict","items":[["\'total\'",-166.14612000000002],["\'average\'",-55.38204000000001],["\''
'won\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",74.42286000000001],["\'average\'",74'
'.42286000000001],["\'max\'",74.42286000000001]]}],["\'lost\'",{"__dict__":"AutoOrderedDict","i'
'tems":[["\'total\'",-240.56898000000004],["\'average\'",-120.28449000000002],["\'max\'",-238.893'
'1400000001]]}]]}],["\'won\'",1],["\'lost\'",2]]}],["\'len\'",{"__dict__":"AutoOrderedDict","item'
's":[["\'total\'",35],["\'average\'",7.0],["\'max\'",13],["\'min\'",4],["\'won\'",{"__dict__":"AutoOr'
'deredDict","items":[["\'total\'",20],["\'average\'",10.0],["\'max\'",13],["\'min\'",7]]}],["\'lost\''
'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",15],["\'average\'",5.0],["\'max\'",7],["\'m'
'in\'",4]]}],["\'long\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",17],["\'average\'",8.'
'5],["\'max\'",13],["\'min\'",4],["\'won\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",13]'
',["\'average\'",13.0],["\'max\'",13],["\'min\'",13]]}],["\'lost\'",{"__dict__":"AutoOrderedDict","'
'items":[["\'total\'",4],["\'average\'",4.0],["\'max\'",4],["\'min\'",4]]}]]}],["\'short\'",{"__dict_'
'_":"AutoOrderedDict","items":[["\'total\'",18],["\'average\'",6.0],["\'max\'",7],["\'min\'",4],["\''
'won\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",7],["\'average\'",7.0],["\'max\'",7],['
'"\'min\'",7]]}],["\'lost\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",11],["\'average\'"'
',5.5],["\'max\'",7],["\'min\'",4]]}]]}]]}]]}],["\'sqn\'",{"__dict__":"AutoOrderedDict","items":['
'["\'sqn\'",-1.1538648256985329],["\'trades\'",5]]}],["\'dd\'",{"__dict__":"AutoOrderedDict","ite'
'ms":[["\'len\'",58],["\'drawdown\'",3.4471381703638877],["\'moneydown\'",344.96186000000307],["\''
'max\'",{"__dict__":"AutoOrderedDict","items":[["\'len\'",58],["\'drawdown\'",4.747622791049246]'
',["\'moneydown\'",475.1039000000019]]}]]}],["\'tdd\'",{"__dict__":"OrderedDict","items":[["\'ma'
'xdrawdown\'",4.617582800000019],["\'maxdrawdownperiod\'",12]]}],["\'ret\'",{"__dict__":"Ordered'
'Dict","items":[["\'rtot\'",-0.034360233405789],["\'ravg\'",-0.0005286189754736769],["\'rnorm\'",'
'-0.12472047090555845],["\'rnorm100\'",-12.472047090555845]]}],["\'trw\'",{"__dict__":"OrderedD'
'ict","items":[["datetime.datetime(2006, 1, 8, 0, 0)",-0.003690438000000018],["datetime.dat'
'etime(2006, 1, 15, 0, 0)",-0.005435258484450811],["datetime.datetime(2006, 1, 22, 0, 0)",-'
'0.008641562943921932],["datetime.datetime(2006, 1, 29, 0, 0)",-0.0274204791192042],["datet'
'ime.datetime(2006, 2, 5, 0, 0)",-0.0015441919305866358],["datetime.datetime(2006, 2, 12, 0'
', 0)",0.0017978443588255733],["datetime.datetime(2006, 2, 19, 0, 0)",0.003291965482408843]'
',["datetime.datetime(2006, 2, 26, 0, 0)",-0.0010700628232039877],["datetime.datetime(2006,'
' 3, 5, 0, 0)",0.009611016086706892],["datetime.datetime(2006, 3, 12, 0, 0)",-0.00076193213'
'56635567],["datetime.datetime(2006, 3, 19, 0, 0)",0.0],["datetime.datetime(2006, 3, 26, 0,'
' 0)",0.0],["datetime.datetime(2006, 4, 2, 0, 0)",0.0]]}],["\'trd\'",{"__dict__":"OrderedDict'
'","items":[["datetime.datetime(2006, 1, 2, 0, 0)",0.007153375638843995],["datetime.datetim'
'e(2006, 1, 3, 0, 0)",0.0027772151828495684],["datetime.datetime(2006, 1, 4, 0, 0)",0.01054'
'687716152869],["datetime.datetime(2006, 1, 5, 0, 0)",-0.0006078095311106146],["datetime.da'
'tetime(2006, 1, 6, 0, 0)",0.004588739370561923],["datetime.datetime(2006, 1, 9, 0, 0)",0.0'
'013062484490005133],["datetime.datetime(2006, 1, 10, 0, 0)",-0.0073098061430696415],["date'
'time.datetime(2006, 1, 11, 0, 0)",0.0064939340565277615],["datetime.datetime(2006, 1, 12, '
'0, 0)",0.000433406658107538],["datetime.datetime(2006, 1, 13, 0, 0)",-0.011157430112800348'
'],["datetime.datetime(2006, 1, 16, 0, 0)",0.004177171591926765],["datetime.datetime(2006, '
'1, 17, 0, 0)",-0.009422650031143509],["datetime.datetime(2006, 1, 18, 0, 0)",-0.0110524172'
'66147252],["datetime.datetime(2006, 1, 19, 0, 0)",0.006456275191377259],["datetime.datetim'
'e(2006, 1, 20, 0, 0)",-0.011805567151468521],["datetime.datetime(2006, 1, 23, 0, 0)",-0.00'
'18277571251549274],["datetime.datetime(2006, 1, 24, 0, 0)",-0.003281315686268993],["dateti'
'me.datetime(2006, 1, 25, 0, 0)",0.01282878720971059],["datetime.datetime(2006, 1, 26, 0, 0'
')",0.017724986025712708],["datetime.datetime(2006, 1, 27, 0, 0)",0.012099675401354482],["d'
'atetime.datetime(2006, 1, 30, 0, 0)",-0.002159827213822907],["datetime.datetime(2006, 1, 3'
'1, 0, 0)",0.00377700189257979],["datetime.datetime(2006, 2, 1, 0, 0)",0.009979926369598546'
'],["datetime.datetime(2006, 2, 2, 0, 0)",-0.013732984644270085],["datetime.datetime(2006, '
'2, 3, 0, 0)",0.0003888987095632679],["datetime.datetime(2006, 2, 6, 0, 0)",0.0010439094408'
'560834],["datetime.datetime(2006, 2, 7, 0, 0)",-0.0004127832453453273],["datetime.datetime'
'(2006, 2, 8, 0, 0)",-0.0025619430558575518],["datetime.datetime(2006, 2, 9, 0, 0)",0.01510'
'0630010050686],["datetime.datetime(2006, 2, 10, 0, 0)",-0.008366404512169856],["datetime.d'
'atetime(2006, 2, 13, 0, 0)",0.008612875206662984],["datetime.datetime(2006, 2, 14, 0, 0)",'
'0.0018833200087995383],["datetime.datetime(2006, 2, 15, 0, 0)",-0.00125586427025981],["dat'
'etime.datetime(2006, 2, 16, 0, 0)",0.007153217741481477],["datetime.datetime(2006, 2, 17, '
'0, 0)",0.0029895087675397836],["datetime.datetime(2006, 2, 20, 0, 0)",-0.00025479735647748'
'747],["datetime.datetime(2006, 2, 21, 0, 0)",0.0033901994828420268],["datetime.datetime(20'
'06, 2, 22, 0, 0)",0.010310860402538813],["datetime.datetime(2006, 2, 23, 0, 0)",-0.0013591'
'795688336905],["datetime.datetime(2006, 2, 24, 0, 0)",0.0033330798339492596],["datetime.da'
'tetime(2006, 2, 27, 0, 0)",0.0038055410350235075],["datetime.datetime(2006, 2, 28, 0, 0)",'
'-0.017198012789801376],["datetime.datetime(2006, 3, 1, 0, 0)",0.008350752812947837],["date'
'time.datetime(2006, 3, 2, 0, 0)",-0.011113942874859117],["datetime.datetime(2006, 3, 3, 0,'
' 0)",-0.007912363532984634],["datetime.datetime(2006, 3, 6, 0, 0)",0.005388395666787282],['
'"datetime.datetime(2006, 3, 7, 0, 0)",-0.0023627689414422726],["datetime.datetime(2006, 3,'
' 8, 0, 0)",-0.004603225461924487],["datetime.datetime(2006, 3, 9, 0, 0)",0.007948046652861'
'196],["datetime.datetime(2006, 3, 10, 0, 0)",0.010876652322366231],["datetime.datetime(200'
'6, 3, 13, 0, 0)",0.00697914417948331],["datetime.datetime(2006, 3, 14, 0, 0)",0.0022248540'
'511429216],["datetime.datetime(2006, 3, 15, 0, 0)",0.0022642611934846624],["datetime.datet'
'ime(2006, 3, 16, 0, 0)",-0.0006376621483747957],["datetime.datetime(2006, 3, 17, 0, 0)",-0'
'.0018959765190600386],["datetime.datetime(2006, 3, 20, 0, 0)",0.002504938120200695],["date'
'time.datetime(2006, 3, 21, 0, 0)",0.0015981134972917754],["datetime.datetime(2006, 3, 22, '
'0, 0)",0.005277833359752737],["datetime.datetime(2006, 3, 23, 0, 0)",-0.002158470510381316'
'],["datetime.datetime(2006, 3, 24, 0, 0)",0.0027874708882860144],["datetime.datetime(2006,'
' 3, 27, 0, 0)",-0.010943219776330393],["datetime.datetime(2006, 3, 28, 0, 0)",-0.004461242'
'304487745],["datetime.datetime(2006, 3, 29, 0, 0)",0.0038961550066247685],["datetime.datet'
'ime(2006, 3, 30, 0, 0)",0.012625774246661337],["datetime.datetime(2006, 3, 31, 0, 0)",-0.0'
'0538634856153275]]}],["\'sr\'",{"__dict__":"OrderedDict","items":[["\'sharperatio\'",-0.153133'
'6102060223]]}],["\'sra\'",{"__dict__":"OrderedDict","items":[["\'sharperatio\'",-2.43415137530'
'1669]]}],["\'tx\'",{"__dict__":"OrderedDict","items":[["datetime.datetime(2006, 1, 5, 23, 59'
', 59, 999989)",[[-2,3652.19,0,"2006-day-001",7304.38]]],["datetime.datetime(2006, 1, 11, 2'
'3, 59, 59, 999989)",[[2,3645.73,0,"2006-day-001",-7291.46]]],["datetime.datetime(2006, 1, '
'13, 23, 59, 59, 999989)",[[2,3670.27,0,"2006-day-001",-7340.54]]],["datetime.datetime(2006'
', 1, 19, 23, 59, 59, 999989)",[[-4,3572.19,0,"2006-day-001",14288.76]]],["datetime.datetim'
'e(2006, 1, 30, 23, 59, 59, 999989)",[[3,3684.3799999999997,0,"2006-day-001",-11053.14]]],['
'"datetime.datetime(2006, 2, 16, 23, 59, 59, 999989)",[[-1,3730.82,0,"2006-day-001",3730.82'
']]],["datetime.datetime(2006, 2, 23, 23, 59, 59, 999989)",[[-1,3819.56,0,"2006-day-001",38'
'19.56]]],["datetime.datetime(2006, 3, 6, 23, 59, 59, 999989)",[[1,3737.58,0,"2006-day-001"'
',-3737.58]]]]}],["\'pv\'",{"__dict__":"OrderedDict","items":[["datetime.date(2006, 1, 2)",[0'
'.0,10000.0]],["datetime.date(2006, 1, 3)",[0.0,10000.0]],["datetime.date(2006, 1, 4)",[0.0'
',10000.0]],["datetime.date(2006, 1, 5)",[-7300.48,17297.07562]],["datetime.date(2006, 1, 6'
')",[-7333.98,17297.07562]],["datetime.date(2006, 1, 9)",[-7343.56,17297.07562]],["datetime'
'.date(2006, 1, 10)",[-7289.88,17297.07562]],["datetime.date(2006, 1, 11)",[0.0,9998.32416]'
'],["datetime.date(2006, 1, 12)",[0.0,9998.32416]],["datetime.date(2006, 1, 13)",[7258.5,26'
'50.44362]],["datetime.date(2006, 1, 16)",[7288.82,2650.44362]],["datetime.date(2006, 1, 17'
')",[7220.14,2650.44362]],["datetime.date(2006, 1, 18)",[7140.34,2650.44362]],["datetime.da'
'te(2006, 1, 19)",[-7186.44,16924.914859999997]],["datetime.date(2006, 1, 20)",[-7101.6,169'
'24.914859999997]],["datetime.date(2006, 1, 23)",[-7088.62,16924.914859999997]],["datetime.'
'date(2006, 1, 24)",[-7065.36,16924.914859999997]],["datetime.date(2006, 1, 25)",[-7156.0,1'
'6924.914859999997]],["datetime.date(2006, 1, 26)",[-7282.84,16924.914859999997]],["datetim'
'e.date(2006, 1, 27)",[-7370.96,16924.914859999997]],["datetime.date(2006, 1, 30)",[3677.52'
',5860.721719999998]],["datetime.date(2006, 1, 31)",[3691.41,5860.721719999998]],["datetime'
'.date(2006, 2, 1)",[3728.25,5860.721719999998]],["datetime.date(2006, 2, 2)",[3677.05,5860'
'.721719999998]],["datetime.date(2006, 2, 3)",[3678.48,5860.721719999998]],["datetime.date('
'2006, 2, 6)",[3682.32,5860.721719999998]],["datetime.date(2006, 2, 7)",[3680.8,5860.721719'
'999998]],["datetime.date(2006, 2, 8)",[3671.37,5860.721719999998]],["datetime.date(2006, 2'
', 9)",[3726.81,5860.721719999998]],["datetime.date(2006, 2, 10)",[3695.63,5860.72171999999'
'8]],["datetime.date(2006, 2, 13)",[3727.46,5860.721719999998]],["datetime.date(2006, 2, 14'
')",[3734.48,5860.721719999998]],["datetime.date(2006, 2, 15)",[3729.79,5860.721719999998]]'
',["datetime.date(2006, 2, 16)",[0.0,9587.810899999997]],["datetime.date(2006, 2, 17)",[0.0'
',9587.810899999997]],["datetime.date(2006, 2, 20)",[0.0,9587.810899999997]],["datetime.dat'
'e(2006, 2, 21)",[0.0,9587.810899999997]],["datetime.date(2006, 2, 22)",[0.0,9587.810899999'
'997]],["datetime.date(2006, 2, 23)",[-3813.29,13403.551339999996]],["datetime.date(2006, 2'
', 24)",[-3826.0,13403.551339999996]],["datetime.date(2006, 2, 27)",[-3840.56,13403.5513399'
'99996]],["datetime.date(2006, 2, 28)",[-3774.51,13403.551339999996]],["datetime.date(2006,'
' 3, 1)",[-3806.03,13403.551339999996]],["datetime.date(2006, 3, 2)",[-3763.73,13403.551339'
'999996]],["datetime.date(2006, 3, 3)",[-3733.95,13403.551339999996]],["datetime.date(2006,'
' 3, 6)",[0.0,9662.233759999996]],["datetime.date(2006, 3, 7)",[0.0,9662.233759999996]],["d'
'atetime.date(2006, 3, 8)",[0.0,9662.233759999996]],["datetime.date(2006, 3, 9)",[0.0,9662.'
'233759999996]],["datetime.date(2006, 3, 10)",[0.0,9662.233759999996]],["datetime.date(2006'
', 3, 13)",[0.0,9662.233759999996]],["datetime.date(2006, 3, 14)",[0.0,9662.233759999996]],'
'["datetime.date(2006, 3, 15)",[0.0,9662.233759999996]],["datetime.date(2006, 3, 16)",[0.0,'
'9662.233759999996]],["datetime.date(2006, 3, 17)",[0.0,9662.233759999996]],["datetime.date'
'(2006, 3, 20)",[0.0,9662.233759999996]],["datetime.date(2006, 3, 21)",[0.0,9662.2337599999'
'96]],["datetime.date(2006, 3, 22)",[0.0,9662.233759999996]],["datetime.date(2006, 3, 23)",'
'[0.0,9662.233759999996]],["datetime.date(2006, 3, 24)",[0.0,9662.233759999996]],["datetime'
'.date(2006, 3, 27)",[0.0,9662.233759999996]],["datetime.date(2006, 3, 28)",[0.0,9662.23375'
'9999996]],["datetime.date(2006, 3, 29)",[0.0,9662.233759999996]],["datetime.date(2006, 3, '
'30)",[0.0,9662.233759999996]],["datetime.date(2006, 3, 31)",[0.0,9662.233759999996]]]}],["'
'\'obs_dd\'",{"__dict__":"AutoOrderedDict","items":[["\'len\'",58],["\'drawdown\'",3.447138170363'
'8877],["\'moneydown\'",344.96186000000307],["\'max\'",{"__dict__":"AutoOrderedDict","items":[['
'"\'len\'",58],["\'drawdown\'",4.747622791049246],["\'moneydown\'",475.1039000000019]]}]]}],["\'ob'
's_tr\'",{"__dict__":"OrderedDict","items":[["datetime.datetime(2006, 1, 8, 0, 0)",-0.003690'
'438000000018],["datetime.datetime(2006, 1, 15, 0, 0)",-0.005435258484450811],["datetime.da'
'tetime(2006, 1, 22, 0, 0)",-0.008641562943921932],["datetime.datetime(2006, 1, 29, 0, 0)",'
'-0.0274204791192042],["datetime.datetime(2006, 2, 5, 0, 0)",-0.0015441919305866358],["date'
'time.datetime(2006, 2, 12, 0, 0)",0.0017978443588255733],["datetime.datetime(2006, 2, 19, '
'0, 0)",0.003291965482408843],["datetime.datetime(2006, 2, 26, 0, 0)",-0.001070062823203987'
'7],["datetime.datetime(2006, 3, 5, 0, 0)",0.009611016086706892],["datetime.datetime(2006, '
'3, 12, 0, 0)",-0.0007619321356635567],["datetime.datetime(2006, 3, 19, 0, 0)",0.0],["datet'
'ime.datetime(2006, 3, 26, 0, 0)",0.0],["datetime.datetime(2006, 4, 2, 0, 0)",0.0]]}],["\'ob'
's_bench\'",{"__dict__":"OrderedDict","items":[["datetime.datetime(2006, 1, 8, 0, 0)",0.0173'
'84645690045053],["datetime.datetime(2006, 1, 15, 0, 0)",-0.010291819721351736],["datetime.'
'datetime(2006, 1, 22, 0, 0)",-0.02161603637115106],["datetime.datetime(2006, 1, 29, 0, 0)"'
',0.03792948068041002],["datetime.datetime(2006, 2, 5, 0, 0)",-0.001899345539793984],["date'
'time.datetime(2006, 2, 12, 0, 0)",0.004662251799656403],["datetime.datetime(2006, 2, 19, 0'
', 0)",0.01950141112611381],["datetime.datetime(2006, 2, 26, 0, 0)",0.015473631127743692],['
'"datetime.datetime(2006, 3, 5, 0, 0)",-0.024059069524307364],["datetime.datetime(2006, 3, '
'12, 0, 0)",0.01727661055986296],["datetime.datetime(2006, 3, 19, 0, 0)",0.0089430979923441'
'62],["datetime.datetime(2006, 3, 26, 0, 0)",0.010035408344053254],["datetime.datetime(2006'
', 4, 2, 0, 0)",-0.004430505645988458]]}]]}]}}'
)
# <<< expected


@pytest.mark.parametrize('mode', MODES)
@pytest.mark.parametrize('name', SCENARIOS)
def test_matches_upstream(name, mode):
    sup.check(EXPECTED, SCENARIOS, name, mode, MODES)


if __name__ == '__main__':
    sup.main(__file__, SCENARIOS, MODES)
