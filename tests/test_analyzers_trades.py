"""TradeAnalyzer and SQN against upstream backtrader 1.9.78.123.

Expected values: recorded by running this file with upstream's interpreter
(``/tmp/upstream/bin/python tests/test_analyzers_trades.py --record``), which
runs the same scenarios with upstream's package; see _analyzers_support.
"""
from __future__ import annotations

import datetime
import json

import pytest

import _analyzers_support as sup


def _run_trades(bt, strat, cerebro_kw, datas=(sup.DAY1,), todate=None,
                commission=None, **modekw):
    cerebro = sup.make_cerebro(bt, datas=datas, todate=todate, **modekw,
                               **cerebro_kw)
    if commission is not None:
        cerebro.broker.setcommission(**commission)
    cerebro.addstrategy(strat)
    cerebro.addanalyzer(bt.analyzers.TradeAnalyzer, _name='ta')
    cerebro.addanalyzer(bt.analyzers.SQN, _name='sqn')
    strategy = cerebro.run()[0]
    return sup.analyses(strategy)


def sma_long(bt, **modekw):
    """Long-only SMA crossover over 2006: many winners and losers."""
    return _run_trades(bt, sup.sma_cross_strategy(bt), {}, **modekw)


def sma_long_short(bt, **modekw):
    """Always in the market, long or short, with a percent commission."""
    return _run_trades(bt, sup.sma_cross_strategy(bt, period=10, short=True),
                       {}, commission=dict(commission=0.001), **modekw)


def no_trades(bt, **modekw):
    return _run_trades(bt, bt.Strategy, {}, todate=datetime.datetime(2006, 3, 1),
                       **modekw)


def only_open(bt, **modekw):
    """Trades opened (on two datas) and never closed."""
    actions = {3: [('buy', {})], 5: [('sell', dict(d=1, size=2))],
               8: [('buy', dict(size=3))]}
    return _run_trades(bt, sup.scripted_strategy(bt, actions), {},
                       datas=(sup.DAY1, sup.DAY2),
                       todate=datetime.datetime(2006, 2, 1), **modekw)


def edge_trades(bt, **modekw):
    """Partial closes, increases, a reversal, same-bar open/close (bar length
    0), a short, a zero-profit trade and a second data with a tradeid."""
    actions = {
        2: [('buy', dict(size=4))],
        4: [('sell', dict(size=1))],           # partial close
        6: [('buy', dict(size=2))],            # increase
        9: [('sell', dict(size=8))],           # reversal to short 3
        12: [('buy', dict(size=1)), ('sell', dict(size=1, d=1))],
        14: [('close', {})],
        16: [('buy', dict(size=1)), ('sell', dict(size=1))],  # same bar
        18: [('buy', dict(size=2, d=1, tradeid=7))],
        20: [('close', dict(d=1)), ('sell', dict(size=1, d=1, tradeid=7))],
        23: [('sell', dict(size=5))],
        30: [('buy', dict(size=5))],
        31: [('buy', dict(size=1, d=1)), ('sell', dict(size=1, d=1))],
        33: [('buy', dict(size=2, d=1)), ('sell', dict(size=2, d=1))],
        40: [('buy', dict(size=1))],
    }
    return _run_trades(bt, sup.scripted_strategy(bt, actions), {},
                       datas=(sup.DAY1, sup.DAY2),
                       todate=datetime.datetime(2006, 3, 15),
                       commission=dict(commission=2.0, margin=1000.0, mult=10.0),
                       **modekw)


def equal_pnl(bt, **modekw):
    """Two closed trades with the same (zero) profit: SQN has no deviation."""
    actions = {2: [('buy', {}), ('sell', {})], 5: [('buy', {}), ('sell', {})]}
    return _run_trades(bt, sup.scripted_strategy(bt, actions), {},
                       todate=datetime.datetime(2006, 2, 1), **modekw)


def one_trade(bt, **modekw):
    actions = {2: [('buy', {})], 6: [('close', {})]}
    return _run_trades(bt, sup.scripted_strategy(bt, actions), {},
                       todate=datetime.datetime(2006, 2, 1), **modekw)


SCENARIOS = {f.__name__: f for f in (sma_long, sma_long_short, no_trades,
                                     only_open, edge_trades, equal_pnl,
                                     one_trade)}

# >>> expected (recorded from upstream, do not edit)
EXPECTED = json.loads(
'{"sma_long":{"modes":{"ro1_pl1":0,"ro0_pl1":0,"ro0_pl0":0},"results":[{"__dict__":"dict","'
'items":[["\'ta\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",{"__dict__":"AutoOrdered'
'Dict","items":[["\'total\'",12],["\'open\'",1],["\'closed\'",11]]}],["\'streak\'",{"__dict__":"Aut'
'oOrderedDict","items":[["\'won\'",{"__dict__":"AutoOrderedDict","items":[["\'current\'",0],["\''
'longest\'",2]]}],["\'lost\'",{"__dict__":"AutoOrderedDict","items":[["\'current\'",1],["\'longes'
't\'",4]]}]]}],["\'pnl\'",{"__dict__":"AutoOrderedDict","items":[["\'gross\'",{"__dict__":"AutoO'
'rderedDict","items":[["\'total\'",216.71000000000004],["\'average\'",19.700909090909093]]}],["'
'\'net\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",216.71000000000004],["\'average\'",'
'19.700909090909093]]}]]}],["\'won\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",5],["'
'\'pnl\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",401.3699999999999],["\'average\'",8'
'0.27399999999997],["\'max\'",139.5300000000002]]}]]}],["\'lost\'",{"__dict__":"AutoOrderedDict'
'","items":[["\'total\'",6],["\'pnl\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",-184.6'
'5999999999985],["\'average\'",-30.776666666666642],["\'max\'",-57.84999999999991]]}]]}],["\'lon'
'g\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",11],["\'pnl\'",{"__dict__":"AutoOrdere'
'dDict","items":[["\'total\'",216.71000000000004],["\'average\'",19.700909090909093],["\'won\'",{'
'"__dict__":"AutoOrderedDict","items":[["\'total\'",401.3699999999999],["\'average\'",80.273999'
'99999997],["\'max\'",139.5300000000002]]}],["\'lost\'",{"__dict__":"AutoOrderedDict","items":['
'["\'total\'",-184.65999999999985],["\'average\'",-30.776666666666642],["\'max\'",-57.84999999999'
'991]]}]]}],["\'won\'",5],["\'lost\'",6]]}],["\'short\'",{"__dict__":"AutoOrderedDict","items":[['
'"\'total\'",0],["\'pnl\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",0.0],["\'average\'",'
'0.0],["\'won\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",0.0],["\'average\'",0.0],["\''
'max\'",0.0]]}],["\'lost\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",0.0],["\'average\''
'",0.0],["\'max\'",0.0]]}]]}],["\'won\'",0],["\'lost\'",0]]}],["\'len\'",{"__dict__":"AutoOrderedDi'
'ct","items":[["\'total\'",156],["\'average\'",14.181818181818182],["\'max\'",32],["\'min\'",2],["\''
'won\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",116],["\'average\'",23.2],["\'max\'",3'
'2],["\'min\'",12]]}],["\'lost\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",40],["\'aver'
'age\'",6.666666666666667],["\'max\'",14],["\'min\'",2]]}],["\'long\'",{"__dict__":"AutoOrderedDic'
't","items":[["\'total\'",156],["\'average\'",14.181818181818182],["\'max\'",32],["\'min\'",2],["\'w'
'on\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",116],["\'average\'",23.2],["\'max\'",32'
'],["\'min\'",12]]}],["\'lost\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",40],["\'avera'
'ge\'",6.666666666666667],["\'max\'",14],["\'min\'",2]]}]]}],["\'short\'",{"__dict__":"AutoOrdered'
'Dict","items":[["\'total\'",0],["\'average\'",0.0],["\'max\'",0],["\'min\'",9223372036854775807],['
'"\'won\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",0],["\'average\'",0.0],["\'max\'",0]'
',["\'min\'",9223372036854775807]]}],["\'lost\'",{"__dict__":"AutoOrderedDict","items":[["\'tota'
'l\'",0],["\'average\'",0.0],["\'max\'",0],["\'min\'",9223372036854775807]]}]]}]]}]]}],["\'sqn\'",{"'
'__dict__":"AutoOrderedDict","items":[["\'sqn\'",0.9314623855474404],["\'trades\'",11]]}]]}]},"'
'sma_long_short":{"modes":{"ro1_pl1":0,"ro0_pl1":0,"ro0_pl0":0},"results":[{"__dict__":"dic'
't","items":[["\'ta\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",{"__dict__":"AutoOrd'
'eredDict","items":[["\'total\'",48],["\'open\'",1],["\'closed\'",47]]}],["\'streak\'",{"__dict__":'
'"AutoOrderedDict","items":[["\'won\'",{"__dict__":"AutoOrderedDict","items":[["\'current\'",0]'
',["\'longest\'",2]]}],["\'lost\'",{"__dict__":"AutoOrderedDict","items":[["\'current\'",1],["\'lo'
'ngest\'",5]]}]]}],["\'pnl\'",{"__dict__":"AutoOrderedDict","items":[["\'gross\'",{"__dict__":"A'
'utoOrderedDict","items":[["\'total\'",-192.14999999999918],["\'average\'",-4.088297872340408]]'
'}],["\'net\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",-549.1756499999992],["\'avera'
'ge\'",-11.684588297872324]]}]]}],["\'won\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'"'
',16],["\'pnl\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",841.1718299999998],["\'aver'
'age\'",52.573239374999986],["\'max\'",141.44263000000004]]}]]}],["\'lost\'",{"__dict__":"AutoOr'
'deredDict","items":[["\'total\'",31],["\'pnl\'",{"__dict__":"AutoOrderedDict","items":[["\'tota'
'l\'",-1390.3474799999988],["\'average\'",-44.84991870967738],["\'max\'",-121.95827999999983]]}]'
']}],["\'long\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",23],["\'pnl\'",{"__dict__":"'
'AutoOrderedDict","items":[["\'total\'",-16.34973999999984],["\'average\'",-0.7108582608695583]'
',["\'won\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",483.19708999999995],["\'average'
'\'",40.26642416666666],["\'max\'",141.44263000000004]]}],["\'lost\'",{"__dict__":"AutoOrderedDi'
'ct","items":[["\'total\'",-499.5468299999998],["\'average\'",-45.41334818181816],["\'max\'",-121'
'.95827999999983]]}]]}],["\'won\'",12],["\'lost\'",11]]}],["\'short\'",{"__dict__":"AutoOrderedDi'
'ct","items":[["\'total\'",24],["\'pnl\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",-53'
'2.8259099999992],["\'average\'",-22.2010795833333],["\'won\'",{"__dict__":"AutoOrderedDict","i'
'tems":[["\'total\'",357.97473999999966],["\'average\'",89.49368499999991],["\'max\'",125.8137000'
'0000014]]}],["\'lost\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",-890.8006499999989'
'],["\'average\'",-44.540032499999946],["\'max\'",-87.50898999999994]]}]]}],["\'won\'",4],["\'lost'
'\'",20]]}],["\'len\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",243],["\'average\'",5.1'
'70212765957447],["\'max\'",24],["\'min\'",1],["\'won\'",{"__dict__":"AutoOrderedDict","items":[['
'"\'total\'",173],["\'average\'",10.8125],["\'max\'",24],["\'min\'",7]]}],["\'lost\'",{"__dict__":"Au'
'toOrderedDict","items":[["\'total\'",70],["\'average\'",2.2580645161290325],["\'max\'",9],["\'min'
'\'",1]]}],["\'long\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",158],["\'average\'",6.8'
'69565217391305],["\'max\'",24],["\'min\'",1],["\'won\'",{"__dict__":"AutoOrderedDict","items":[['
'"\'total\'",136],["\'average\'",11.333333333333334],["\'max\'",24],["\'min\'",7]]}],["\'lost\'",{"__'
'dict__":"AutoOrderedDict","items":[["\'total\'",22],["\'average\'",2.0],["\'max\'",4],["\'min\'",1'
']]}]]}],["\'short\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",85],["\'average\'",3.54'
'16666666666665],["\'max\'",11],["\'min\'",1],["\'won\'",{"__dict__":"AutoOrderedDict","items":[['
'"\'total\'",37],["\'average\'",9.25],["\'max\'",11],["\'min\'",7]]}],["\'lost\'",{"__dict__":"AutoOr'
'deredDict","items":[["\'total\'",48],["\'average\'",2.4],["\'max\'",9],["\'min\'",1]]}]]}]]}]]}],['
'"\'sqn\'",{"__dict__":"AutoOrderedDict","items":[["\'sqn\'",-1.4405444545303152],["\'trades\'",4'
'7]]}]]}]},"no_trades":{"modes":{"ro1_pl1":0,"ro0_pl1":0,"ro0_pl0":0},"results":[{"__dict__'
'":"dict","items":[["\'ta\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",{"__dict__":"A'
'utoOrderedDict","items":[["\'total\'",0]]}]]}],["\'sqn\'",{"__dict__":"AutoOrderedDict","items'
'":[["\'sqn\'",0],["\'trades\'",0]]}]]}]},"only_open":{"modes":{"ro1_pl1":0,"ro0_pl1":0,"ro0_pl'
'0":0},"results":[{"__dict__":"dict","items":[["\'ta\'",{"__dict__":"AutoOrderedDict","items"'
':[["\'total\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",2],["\'open\'",2]]}]]}],["\'sq'
'n\'",{"__dict__":"AutoOrderedDict","items":[["\'sqn\'",0],["\'trades\'",0]]}]]}]},"edge_trades"'
':{"modes":{"ro1_pl1":0,"ro0_pl1":0,"ro0_pl0":0},"results":[{"__dict__":"dict","items":[["\''
'ta\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",{"__dict__":"AutoOrderedDict","item'
's":[["\'total\'",6],["\'open\'",1],["\'closed\'",5]]}],["\'streak\'",{"__dict__":"AutoOrderedDict"'
',"items":[["\'won\'",{"__dict__":"AutoOrderedDict","items":[["\'current\'",0],["\'longest\'",2]]'
'}],["\'lost\'",{"__dict__":"AutoOrderedDict","items":[["\'current\'",1],["\'longest\'",1]]}]]}],'
'["\'pnl\'",{"__dict__":"AutoOrderedDict","items":[["\'gross\'",{"__dict__":"AutoOrderedDict","'
'items":[["\'total\'",4035.8999999999787],["\'average\'",807.1799999999957]]}],["\'net\'",{"__dic'
't__":"AutoOrderedDict","items":[["\'total\'",3963.8999999999787],["\'average\'",792.7799999999'
'958]]}]]}],["\'won\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",3],["\'pnl\'",{"__dict'
'__":"AutoOrderedDict","items":[["\'total\'",5722.099999999968],["\'average\'",1907.36666666665'
'59],["\'max\'",2139.500000000001]]}]]}],["\'lost\'",{"__dict__":"AutoOrderedDict","items":[["\''
'total\'",2],["\'pnl\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",-1758.199999999989],'
'["\'average\'",-879.0999999999945],["\'max\'",-1754.199999999989]]}]]}],["\'long\'",{"__dict__":'
'"AutoOrderedDict","items":[["\'total\'",2],["\'pnl\'",{"__dict__":"AutoOrderedDict","items":[['
'"\'total\'",1957.099999999993],["\'average\'",978.5499999999965],["\'won\'",{"__dict__":"AutoOrd'
'eredDict","items":[["\'total\'",1961.099999999993],["\'average\'",1961.099999999993],["\'max\'",'
'1961.099999999993]]}],["\'lost\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",-4.0],["'
'\'average\'",-4.0],["\'max\'",-4.0]]}]]}],["\'won\'",1],["\'lost\'",1]]}],["\'short\'",{"__dict__":"'
'AutoOrderedDict","items":[["\'total\'",3],["\'pnl\'",{"__dict__":"AutoOrderedDict","items":[["'
'\'total\'",2006.7999999999856],["\'average\'",668.9333333333285],["\'won\'",{"__dict__":"AutoOrd'
'eredDict","items":[["\'total\'",3760.9999999999745],["\'average\'",1880.4999999999873],["\'max\''
'",2139.500000000001]]}],["\'lost\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",-1754.'
'199999999989],["\'average\'",-1754.199999999989],["\'max\'",-1754.199999999989]]}]]}],["\'won\'"'
',2],["\'lost\'",1]]}],["\'len\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",29],["\'aver'
'age\'",5.8],["\'max\'",10],["\'min\'",7],["\'won\'",{"__dict__":"AutoOrderedDict","items":[["\'tot'
'al\'",19],["\'average\'",6.333333333333333],["\'max\'",7],["\'min\'",5]]}],["\'lost\'",{"__dict__":'
'"AutoOrderedDict","items":[["\'total\'",10],["\'average\'",5.0],["\'max\'",10],["\'min\'",10]]}],['
'"\'long\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",7],["\'average\'",3.5],["\'max\'",7'
'],["\'min\'",7],["\'won\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",7],["\'average\'",7'
'.0],["\'max\'",7],["\'min\'",7]]}],["\'lost\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'"'
',0],["\'average\'",0.0],["\'max\'",0],["\'min\'",9223372036854775807]]}]]}],["\'short\'",{"__dict_'
'_":"AutoOrderedDict","items":[["\'total\'",22],["\'average\'",7.333333333333333],["\'max\'",10],'
'["\'min\'",5],["\'won\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",12],["\'average\'",6.'
'0],["\'max\'",7],["\'min\'",5]]}],["\'lost\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",'
'10],["\'average\'",10.0],["\'max\'",10],["\'min\'",10]]}]]}]]}]]}],["\'sqn\'",{"__dict__":"AutoOrd'
'eredDict","items":[["\'sqn\'",1.1958476114605823],["\'trades\'",5]]}]]}]},"equal_pnl":{"modes"'
':{"ro1_pl1":0,"ro0_pl1":0,"ro0_pl0":0},"results":[{"__dict__":"dict","items":[["\'ta\'",{"__'
'dict__":"AutoOrderedDict","items":[["\'total\'",{"__dict__":"AutoOrderedDict","items":[["\'to'
'tal\'",2],["\'open\'",0],["\'closed\'",2]]}],["\'streak\'",{"__dict__":"AutoOrderedDict","items":'
'[["\'won\'",{"__dict__":"AutoOrderedDict","items":[["\'current\'",2],["\'longest\'",2]]}],["\'los'
't\'",{"__dict__":"AutoOrderedDict","items":[["\'current\'",0],["\'longest\'",0]]}]]}],["\'pnl\'",'
'{"__dict__":"AutoOrderedDict","items":[["\'gross\'",{"__dict__":"AutoOrderedDict","items":[['
'"\'total\'",0.0],["\'average\'",0.0]]}],["\'net\'",{"__dict__":"AutoOrderedDict","items":[["\'tot'
'al\'",0.0],["\'average\'",0.0]]}]]}],["\'won\'",{"__dict__":"AutoOrderedDict","items":[["\'total'
'\'",2],["\'pnl\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",0.0],["\'average\'",0.0],["'
'\'max\'",0.0]]}]]}],["\'lost\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",0],["\'pnl\'",'
'{"__dict__":"AutoOrderedDict","items":[["\'total\'",0.0],["\'average\'",0.0],["\'max\'",0.0]]}]]'
'}],["\'long\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",2],["\'pnl\'",{"__dict__":"Au'
'toOrderedDict","items":[["\'total\'",0.0],["\'average\'",0.0],["\'won\'",{"__dict__":"AutoOrdere'
'dDict","items":[["\'total\'",0.0],["\'average\'",0.0],["\'max\'",0.0]]}],["\'lost\'",{"__dict__":"'
'AutoOrderedDict","items":[["\'total\'",0.0],["\'average\'",0.0],["\'max\'",0.0]]}]]}],["\'won\'",2'
'],["\'lost\'",0]]}],["\'short\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",0],["\'pnl\'"'
',{"__dict__":"AutoOrderedDict","items":[["\'total\'",0.0],["\'average\'",0.0],["\'won\'",{"__dic'
't__":"AutoOrderedDict","items":[["\'total\'",0.0],["\'average\'",0.0],["\'max\'",0.0]]}],["\'lost'
'\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",0.0],["\'average\'",0.0],["\'max\'",0.0]]'
'}]]}],["\'won\'",0],["\'lost\'",0]]}],["\'len\'",{"__dict__":"AutoOrderedDict","items":[["\'total'
'\'",0],["\'average\'",0.0],["\'max\'",0],["\'min\'",0],["\'won\'",{"__dict__":"AutoOrderedDict","it'
'ems":[["\'total\'",0],["\'average\'",0.0],["\'max\'",0]]}],["\'lost\'",{"__dict__":"AutoOrderedDic'
't","items":[["\'total\'",0],["\'average\'",0.0],["\'max\'",0]]}],["\'long\'",{"__dict__":"AutoOrde'
'redDict","items":[["\'total\'",0],["\'average\'",0.0],["\'max\'",0],["\'min\'",9223372036854775807'
'],["\'won\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",0],["\'average\'",0.0],["\'max\'"'
',0],["\'min\'",9223372036854775807]]}],["\'lost\'",{"__dict__":"AutoOrderedDict","items":[["\'t'
'otal\'",0],["\'average\'",0.0],["\'max\'",0],["\'min\'",9223372036854775807]]}]]}],["\'short\'",{"_'
'_dict__":"AutoOrderedDict","items":[["\'total\'",0],["\'average\'",0.0],["\'max\'",0],["\'min\'",9'
'223372036854775807],["\'won\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",0],["\'avera'
'ge\'",0.0],["\'max\'",0],["\'min\'",9223372036854775807]]}],["\'lost\'",{"__dict__":"AutoOrderedD'
'ict","items":[["\'total\'",0],["\'average\'",0.0],["\'max\'",0],["\'min\'",9223372036854775807]]}]'
']}]]}]]}],["\'sqn\'",{"__dict__":"AutoOrderedDict","items":[["\'sqn\'",null],["\'trades\'",2]]}]'
']}]},"one_trade":{"modes":{"ro1_pl1":0,"ro0_pl1":0,"ro0_pl0":0},"results":[{"__dict__":"di'
'ct","items":[["\'ta\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",{"__dict__":"AutoOr'
'deredDict","items":[["\'total\'",1],["\'open\'",0],["\'closed\'",1]]}],["\'streak\'",{"__dict__":"'
'AutoOrderedDict","items":[["\'won\'",{"__dict__":"AutoOrderedDict","items":[["\'current\'",1],'
'["\'longest\'",1]]}],["\'lost\'",{"__dict__":"AutoOrderedDict","items":[["\'current\'",0],["\'lon'
'gest\'",0]]}]]}],["\'pnl\'",{"__dict__":"AutoOrderedDict","items":[["\'gross\'",{"__dict__":"Au'
'toOrderedDict","items":[["\'total\'",56.0],["\'average\'",56.0]]}],["\'net\'",{"__dict__":"AutoO'
'rderedDict","items":[["\'total\'",56.0],["\'average\'",56.0]]}]]}],["\'won\'",{"__dict__":"AutoO'
'rderedDict","items":[["\'total\'",1],["\'pnl\'",{"__dict__":"AutoOrderedDict","items":[["\'tota'
'l\'",56.0],["\'average\'",56.0],["\'max\'",56.0]]}]]}],["\'lost\'",{"__dict__":"AutoOrderedDict",'
'"items":[["\'total\'",0],["\'pnl\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",0.0],["\''
'average\'",0.0],["\'max\'",0.0]]}]]}],["\'long\'",{"__dict__":"AutoOrderedDict","items":[["\'tot'
'al\'",1],["\'pnl\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",56.0],["\'average\'",56.0'
'],["\'won\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",56.0],["\'average\'",56.0],["\'m'
'ax\'",56.0]]}],["\'lost\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",0.0],["\'average\''
'",0.0],["\'max\'",0.0]]}]]}],["\'won\'",1],["\'lost\'",0]]}],["\'short\'",{"__dict__":"AutoOrdered'
'Dict","items":[["\'total\'",0],["\'pnl\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",0.'
'0],["\'average\'",0.0],["\'won\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",0.0],["\'av'
'erage\'",0.0],["\'max\'",0.0]]}],["\'lost\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",'
'0.0],["\'average\'",0.0],["\'max\'",0.0]]}]]}],["\'won\'",0],["\'lost\'",0]]}],["\'len\'",{"__dict__'
'":"AutoOrderedDict","items":[["\'total\'",4],["\'average\'",4.0],["\'max\'",4],["\'min\'",4],["\'wo'
'n\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",4],["\'average\'",4.0],["\'max\'",4],["\''
'min\'",4]]}],["\'lost\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",0],["\'average\'",0.'
'0],["\'max\'",0]]}],["\'long\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",4],["\'averag'
'e\'",4.0],["\'max\'",4],["\'min\'",4],["\'won\'",{"__dict__":"AutoOrderedDict","items":[["\'total\''
'",4],["\'average\'",4.0],["\'max\'",4],["\'min\'",4]]}],["\'lost\'",{"__dict__":"AutoOrderedDict",'
'"items":[["\'total\'",0],["\'average\'",0.0],["\'max\'",0],["\'min\'",9223372036854775807]]}]]}],['
'"\'short\'",{"__dict__":"AutoOrderedDict","items":[["\'total\'",0],["\'average\'",0.0],["\'max\'",'
'0],["\'min\'",9223372036854775807],["\'won\'",{"__dict__":"AutoOrderedDict","items":[["\'total\''
'",0],["\'average\'",0.0],["\'max\'",0],["\'min\'",9223372036854775807]]}],["\'lost\'",{"__dict__":'
'"AutoOrderedDict","items":[["\'total\'",0],["\'average\'",0.0],["\'max\'",0],["\'min\'",9223372036'
'854775807]]}]]}]]}]]}],["\'sqn\'",{"__dict__":"AutoOrderedDict","items":[["\'sqn\'",0],["\'trad'
'es\'",1]]}]]}]}}'
)
# <<< expected


@pytest.mark.parametrize('mode', sup.MODES)
@pytest.mark.parametrize('name', SCENARIOS)
def test_matches_upstream(name, mode):
    sup.check(EXPECTED, SCENARIOS, name, mode)


def test_analysis_is_closed_after_the_run():
    import backtrader as bt
    cerebro = sup.make_cerebro(bt, todate=datetime.datetime(2006, 2, 1))
    cerebro.addstrategy(bt.Strategy)
    cerebro.addanalyzer(bt.analyzers.TradeAnalyzer)
    analysis = cerebro.run()[0].analyzers[0].get_analysis()
    assert analysis.total.total == 0
    with pytest.raises(KeyError):
        analysis.won  # noqa: B018 - no trade closed: the branch does not exist


if __name__ == '__main__':
    sup.main(__file__, SCENARIOS)
