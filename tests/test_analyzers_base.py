"""The Analyzer protocol (call order, children, notifications, attributes,
period tracking, print/pprint) against upstream backtrader 1.9.78.123.

Expected values: recorded by running this file with upstream's interpreter
(``/tmp/upstream/bin/python tests/test_analyzers_base.py --record``), which
runs the same scenarios with upstream's package; see _analyzers_support.
"""
from __future__ import annotations

import contextlib
import datetime
import io
import json

import pytest

import _analyzers_support as sup

JAN = datetime.datetime(2006, 1, 12)


def _recorder_classes(bt, events):
    """An analyzer with a child, both logging every call they receive."""

    def log(obj, what, *extra):
        events.append(' '.join([type(obj).__name__, what, str(len(obj))]
                               + [str(x) for x in extra]))

    class Child(bt.Analyzer):
        def start(self):
            log(self, 'start')

        def prenext(self):
            log(self, 'prenext')
            super().prenext()

        def nextstart(self):
            log(self, 'nextstart')
            super().nextstart()

        def next(self):
            log(self, 'next')

        def notify_cashvalue(self, cash, value):
            log(self, 'cashvalue', cash, value)

        def notify_fund(self, cash, value, fundvalue, shares):
            log(self, 'fund', cash, value, fundvalue, shares)

        def notify_order(self, order):
            log(self, 'order', order.getstatusname())

        def notify_trade(self, trade):
            log(self, 'trade', trade.status)

        def stop(self):
            log(self, 'stop')

    class Parent(Child):
        params = (('x', 1),)

        def __init__(self, *args):
            events.append('init args=%r x=%r rets=%s' % (
                args, self.p.x, type(self.rets).__name__))
            self.child = Child()
            events.append('child parent ok=%r strategy ok=%r children=%d' % (
                self.child._parent is self,
                self.child.strategy is self.strategy, len(self._children)))

    return Parent


def call_order(bt, **modekw):
    """Every hook in order; the second data starts a bar later so the
    strategy is in prenext on the first bar."""
    events = []
    parent = _recorder_classes(bt, events)

    class Strat(bt.Strategy):
        def prenext(self):
            events.append('strategy prenext %d' % len(self))

        def next(self):
            events.append('strategy next %d' % len(self))
            if len(self) == 3:
                self.buy()
            if len(self) == 5:
                self.close()

    cerebro = sup.make_cerebro(bt, datas=(sup.DAY1, sup.DAY2), todate=JAN,
                               **modekw)
    cerebro.addstrategy(Strat)
    cerebro.addanalyzer(parent, 7, x=5)
    cerebro.addanalyzer(bt.analyzers.SQN)
    strategy = cerebro.run()[0]
    names = strategy.analyzers.getnames()
    return dict(events=events, names=names)


def attributes(bt, **modekw):
    """Data shortcuts, owner, parent and the default result container."""
    seen = {}

    class Probe(bt.Analyzer):
        def __init__(self):
            attrs = sorted(k for k in vars(self) if k.startswith('data'))
            seen['attrs'] = attrs
            seen['same'] = [self.data is self.datas[0],
                            self.data0 is self.datas[0],
                            self.data1 is self.datas[1],
                            self.data_close is self.datas[0].lines.close,
                            self.data1_4 is self.datas[1].lines[4],
                            self.strategy is not None,
                            self._parent is None]
            seen['rets'] = type(self.rets).__name__
            seen['csv'] = self.csv

    cerebro = sup.make_cerebro(bt, datas=(sup.DAY1, sup.DAY2), todate=JAN,
                               **modekw)
    cerebro.addstrategy(bt.Strategy)
    cerebro.addanalyzer(Probe)
    strategy = cerebro.run()[0]
    seen['analysis'] = strategy.analyzers[0].get_analysis()
    seen['len'] = len(strategy.analyzers[0])
    return seen


def period_tracking(bt, **modekw):
    """on_dt_over (old name _on_dt_over) and dtkey/dtkey1 with prenext
    bars and _doprenext on and off."""
    events = []

    def make(tag):
        class Periods(bt.TimeFrameAnalyzerBase):
            def _on_dt_over(self):
                events.append('%s over %d %r %r' % (tag, len(self), self.dtkey,
                                                    self.dtkey1))

            def prenext(self):
                events.append('%s prenext %d' % (tag, len(self)))

            def next(self):
                events.append('%s next %d %r' % (tag, len(self), self.dtcmp))

        return Periods

    cerebro = sup.make_cerebro(bt, datas=(sup.DAY1, sup.DAY2), todate=JAN,
                               **modekw)
    cerebro.addstrategy(bt.Strategy)
    TF = bt.TimeFrame
    cerebro.addanalyzer(make('days'))
    cerebro.addanalyzer(make('weeks'), timeframe=TF.Weeks)
    cerebro.addanalyzer(make('noprenext'), timeframe=TF.Weeks, _doprenext=False)
    cerebro.addanalyzer(make('whole'), timeframe=TF.NoTimeFrame)
    cerebro.run()
    return events


def _printed(strategy, method):
    out = {}
    for name, analyzer in strategy.analyzers.getitems():
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            getattr(analyzer, method)()
        out[name] = buf.getvalue()
    return out


def _printing_run(bt, **modekw):
    cerebro = sup.make_cerebro(bt, datas=(sup.DAY1, sup.DAY2),
                               todate=datetime.datetime(2006, 2, 20), **modekw)
    actions = {2: [('buy', {})], 5: [('sell', dict(d=1))], 9: [('close', {})],
               12: [('close', dict(d=1))], 14: [('buy', dict(size=2))]}
    cerebro.addstrategy(sup.scripted_strategy(bt, actions))
    for cls in (bt.analyzers.TradeAnalyzer, bt.analyzers.DrawDown,
                bt.analyzers.Transactions, bt.analyzers.SQN,
                bt.analyzers.TimeReturn, bt.analyzers.SharpeRatio,
                bt.analyzers.PositionsValue):
        cerebro.addanalyzer(cls)

    class Odd(bt.Analyzer):
        """Values of every kind the writer formats differently."""

        def stop(self):
            self.rets['a'] = [1, 2.5, 'x', None, [3, 4]]
            self.rets['b'] = None
            self.rets['c'] = dict(x=1, y=dict(z=2, w=dict(v=[1])))
            self.rets['d'] = (1, 2)
            self.rets[3] = 'str'
            self.rets['e'] = bt.AutoOrderedDict()
            self.rets['f'] = float('nan')
            self.rets['g'] = datetime.date(2020, 1, 1)
            self.rets['h'] = 1e-20
            self.rets['k'] = []

    cerebro.addanalyzer(Odd)
    return cerebro.run()[0]


def pprint_output(bt, **modekw):
    return _printed(_printing_run(bt, **modekw), 'pprint')


def print_output(bt, **modekw):
    return _printed(_printing_run(bt, **modekw), 'print')


SCENARIOS = {f.__name__: f for f in (call_order, attributes, period_tracking,
                                     pprint_output, print_output)}

# >>> expected (recorded from upstream, do not edit)
EXPECTED = json.loads(
'{"call_order":{"modes":{"ro1_pl1":0,"ro0_pl1":0,"ro0_pl0":0},"results":[{"__dict__":"dict"'
',"items":[["\'events\'",["init args=(7,) x=5 rets=OrderedDict","child parent ok=True strateg'
'y ok=True children=1","Child start 0","Parent start 0","Child cashvalue 1 10000.0 10000.0"'
',"Parent cashvalue 1 10000.0 10000.0","Child fund 1 10000.0 10000.0 100.0 100.0","Parent f'
'und 1 10000.0 10000.0 100.0 100.0","strategy prenext 1","Child prenext 1","Child next 1","'
'Parent prenext 1","Parent next 1","Child cashvalue 2 10000.0 10000.0","Parent cashvalue 2 '
'10000.0 10000.0","Child fund 2 10000.0 10000.0 100.0 100.0","Parent fund 2 10000.0 10000.0'
' 100.0 100.0","strategy next 2","Child nextstart 2","Child next 2","Parent nextstart 2","P'
'arent next 2","Child cashvalue 3 10000.0 10000.0","Parent cashvalue 3 10000.0 10000.0","Ch'
'ild fund 3 10000.0 10000.0 100.0 100.0","Parent fund 3 10000.0 10000.0 100.0 100.0","strat'
'egy next 3","Child nextstart 3","Child next 3","Parent nextstart 3","Parent next 3","Child'
' order 4 Submitted","Parent order 4 Submitted","Child order 4 Accepted","Parent order 4 Ac'
'cepted","Child order 4 Completed","Parent order 4 Completed","Child trade 4 1","Parent tra'
'de 4 1","Child cashvalue 4 6347.8099999999995 9998.05","Parent cashvalue 4 6347.8099999999'
'995 9998.05","Child fund 4 6347.8099999999995 9998.05 99.98049999999999 100.0","Parent fun'
'd 4 6347.8099999999995 9998.05 99.98049999999999 100.0","strategy next 4","Child next 4","'
'Parent next 4","Child cashvalue 5 6347.8099999999995 10014.8","Parent cashvalue 5 6347.809'
'9999999995 10014.8","Child fund 5 6347.8099999999995 10014.8 100.148 100.0","Parent fund 5'
' 6347.8099999999995 10014.8 100.148 100.0","strategy next 5","Child next 5","Parent next 5'
'","Child order 6 Submitted","Parent order 6 Submitted","Child order 6 Accepted","Parent or'
'der 6 Accepted","Child order 6 Completed","Parent order 6 Completed","Child trade 6 2","Pa'
'rent trade 6 2","Child cashvalue 6 10014.91 10014.91","Parent cashvalue 6 10014.91 10014.9'
'1","Child fund 6 10014.91 10014.91 100.1491 100.0","Parent fund 6 10014.91 10014.91 100.14'
'91 100.0","strategy next 6","Child next 6","Parent next 6","Child cashvalue 7 10014.91 100'
'14.91","Parent cashvalue 7 10014.91 10014.91","Child fund 7 10014.91 10014.91 100.1491 100'
'.0","Parent fund 7 10014.91 10014.91 100.1491 100.0","strategy next 7","Child next 7","Par'
'ent next 7","Child cashvalue 8 10014.91 10014.91","Parent cashvalue 8 10014.91 10014.91","'
'Child fund 8 10014.91 10014.91 100.1491 100.0","Parent fund 8 10014.91 10014.91 100.1491 1'
'00.0","strategy next 8","Child next 8","Parent next 8","Child stop 8","Parent stop 8"]],["'
'\'names\'",["parent","sqn"]]]}]},"attributes":{"modes":{"ro1_pl1":0,"ro0_pl1":0,"ro0_pl0":0}'
',"results":[{"__dict__":"dict","items":[["\'attrs\'",["data","data0","data0_0","data0_1","da'
'ta0_2","data0_3","data0_4","data0_5","data0_6","data0_close","data0_datetime","data0_high"'
',"data0_low","data0_open","data0_openinterest","data0_volume","data1","data1_0","data1_1",'
'"data1_2","data1_3","data1_4","data1_5","data1_6","data1_close","data1_datetime","data1_hi'
'gh","data1_low","data1_open","data1_openinterest","data1_volume","data_0","data_1","data_2'
'","data_3","data_4","data_5","data_6","data_close","data_datetime","data_high","data_low",'
'"data_open","data_openinterest","data_volume","datas"]],["\'same\'",[true,true,true,true,tru'
'e,true,true]],["\'rets\'","OrderedDict"],["\'csv\'",true],["\'analysis\'",{"__dict__":"OrderedDi'
'ct","items":[]}],["\'len\'",8]]}]},"period_tracking":{"modes":{"ro1_pl1":0,"ro0_pl1":0,"ro0_'
'pl0":0},"results":[["days over 1 datetime.datetime(2006, 1, 2, 0, 0) datetime.datetime(1, '
'1, 1, 0, 0)","days prenext 1","weeks over 1 datetime.datetime(2006, 1, 8, 0, 0) datetime.d'
'atetime(1, 1, 7, 0, 0)","weeks prenext 1","noprenext over 1 datetime.datetime(2006, 1, 8, '
'0, 0) datetime.datetime(1, 1, 7, 0, 0)","whole over 1 datetime.datetime(9999, 12, 31, 23, '
'59, 59, 999999) None","whole prenext 1","days over 2 datetime.datetime(2006, 1, 3, 0, 0) d'
'atetime.datetime(2006, 1, 2, 0, 0)","days next 2 20060103","weeks next 2 200601","noprenex'
't over 2 datetime.datetime(2006, 1, 8, 0, 0) datetime.datetime(1, 1, 7, 0, 0)","noprenext '
'next 2 200601","whole next 2 9223372036854775807","days over 3 datetime.datetime(2006, 1, '
'4, 0, 0) datetime.datetime(2006, 1, 3, 0, 0)","days next 3 20060104","weeks next 3 200601"'
',"noprenext over 3 datetime.datetime(2006, 1, 8, 0, 0) datetime.datetime(1, 1, 7, 0, 0)","'
'noprenext next 3 200601","whole next 3 9223372036854775807","days over 4 datetime.datetime'
'(2006, 1, 5, 0, 0) datetime.datetime(2006, 1, 4, 0, 0)","days next 4 20060105","weeks next'
' 4 200601","noprenext next 4 200601","whole next 4 9223372036854775807","days over 5 datet'
'ime.datetime(2006, 1, 6, 0, 0) datetime.datetime(2006, 1, 5, 0, 0)","days next 5 20060106"'
',"weeks next 5 200601","noprenext next 5 200601","whole next 5 9223372036854775807","days '
'over 6 datetime.datetime(2006, 1, 9, 0, 0) datetime.datetime(2006, 1, 6, 0, 0)","days next'
' 6 20060109","weeks over 6 datetime.datetime(2006, 1, 15, 0, 0) datetime.datetime(2006, 1,'
' 8, 0, 0)","weeks next 6 200602","noprenext over 6 datetime.datetime(2006, 1, 15, 0, 0) da'
'tetime.datetime(2006, 1, 8, 0, 0)","noprenext next 6 200602","whole next 6 922337203685477'
'5807","days over 7 datetime.datetime(2006, 1, 10, 0, 0) datetime.datetime(2006, 1, 9, 0, 0'
')","days next 7 20060110","weeks next 7 200602","noprenext next 7 200602","whole next 7 92'
'23372036854775807","days over 8 datetime.datetime(2006, 1, 11, 0, 0) datetime.datetime(200'
'6, 1, 10, 0, 0)","days next 8 20060111","weeks next 8 200602","noprenext next 8 200602","w'
'hole next 8 9223372036854775807"]]},"pprint_output":{"modes":{"ro1_pl1":0,"ro0_pl1":0,"ro0'
'_pl0":0},"results":[{"__dict__":"dict","items":[["\'tradeanalyzer\'","AutoOrderedDict([(\'tot'
"al',\\n                  AutoOrderedDict([('total', 3), ('open', 1), ('closed', 2)])),\\n   "
"              ('streak',\\n                  AutoOrderedDict([('won',\\n                    "
"                AutoOrderedDict([('current', 2),\\n                                        "
"             ('longest', 2)])),\\n                                   ('lost',\\n            "
"                        AutoOrderedDict([('current', 0),\\n                                "
"                     ('longest', 0)]))])),\\n                 ('pnl',\\n                  Au"
"toOrderedDict([('gross',\\n                                    AutoOrderedDict([('total',\\n"
'                                                      96.23999999999978),\\n               '
"                                      ('average',\\n                                       "
"               48.11999999999989)])),\\n                                   ('net',\\n       "
"                             AutoOrderedDict([('total',\\n                                 "
'                     96.23999999999978),\\n                                                '
"     ('average',\\n                                                      48.11999999999989)"
"]))])),\\n                 ('won',\\n                  AutoOrderedDict([('total', 2),\\n     "
"                              ('pnl',\\n                                    AutoOrderedDict"
"([('total',\\n                                                      96.23999999999978),\\n  "
"                                                   ('average',\\n                          "
'                            48.11999999999989),\\n                                         '
"            ('max',\\n                                                      55.039999999999"
"964)]))])),\\n                 ('lost',\\n                  AutoOrderedDict([('total', 0),\\n"
"                                   ('pnl',\\n                                    AutoOrdere"
"dDict([('total', 0.0),\\n                                                     ('average', 0"
".0),\\n                                                     ('max', 0.0)]))])),\\n          "
"       ('long',\\n                  AutoOrderedDict([('total', 1),\\n                       "
"            ('pnl',\\n                                    AutoOrderedDict([('total',\\n     "
'                                                 55.039999999999964),\\n                   '
"                                  ('average',\\n                                           "
"           55.039999999999964),\\n                                                     ('wo"
"n',\\n                                                      AutoOrderedDict([('total',\\n   "
'                                                                     55.039999999999964),\\'
"n                                                                       ('average',\\n     "
'                                                                   55.039999999999964),\\n '
"                                                                      ('max',\\n           "
'                                                             55.039999999999964)])),\\n    '
"                                                 ('lost',\\n                               "
"                       AutoOrderedDict([('total',\\n                                       "
'                                 0.0),\\n                                                  '
"                     ('average',\\n                                                        "
'                0.0),\\n                                                                   '
"    ('max',\\n                                                                        0.0)]"
"))])),\\n                                   ('won', 1),\\n                                  "
" ('lost', 0)])),\\n                 ('short',\\n                  AutoOrderedDict([('total',"
" 1),\\n                                   ('pnl',\\n                                    Auto"
"OrderedDict([('total',\\n                                                      41.199999999"
"99982),\\n                                                     ('average',\\n               "
'                                       41.19999999999982),\\n                              '
"                       ('won',\\n                                                      Auto"
"OrderedDict([('total',\\n                                                                  "
'      41.19999999999982),\\n                                                               '
"        ('average',\\n                                                                     "
'   41.19999999999982),\\n                                                                  '
"     ('max',\\n                                                                        41.1"
"9999999999982)])),\\n                                                     ('lost',\\n       "
"                                               AutoOrderedDict([('total',\\n               "
'                                                         0.0),\\n                          '
"                                             ('average',\\n                                "
'                                        0.0),\\n                                           '
"                            ('max',\\n                                                     "
"                   0.0)]))])),\\n                                   ('won', 1),\\n          "
"                         ('lost', 0)])),\\n                 ('len',\\n                  Auto"
"OrderedDict([('total', 11),\\n                                   ('average', 5.5),\\n       "
"                            ('max', 7),\\n                                   ('min', 4),\\n "
"                                  ('won',\\n                                    AutoOrdered"
"Dict([('total', 11),\\n                                                     ('average', 5.5"
"),\\n                                                     ('max', 7),\\n                    "
"                                 ('min', 4)])),\\n                                   ('lost"
"',\\n                                    AutoOrderedDict([('total', 0),\\n                  "
"                                   ('average', 0.0),\\n                                    "
"                 ('max', 0)])),\\n                                   ('long',\\n            "
"                        AutoOrderedDict([('total', 7),\\n                                  "
"                   ('average', 7.0),\\n                                                    "
" ('max', 7),\\n                                                     ('min', 7),\\n          "
"                                           ('won',\\n                                      "
"                AutoOrderedDict([('total',\\n                                              "
'                          7),\\n                                                           '
"            ('average',\\n                                                                 "
"       7.0),\\n                                                                       ('max"
"',\\n                                                                        7),\\n         "
"                                                              ('min',\\n                   "
'                                                     7)])),\\n                             '
"                        ('lost',\\n                                                      Au"
"toOrderedDict([('total',\\n                                                                "
"        0),\\n                                                                       ('aver"
"age',\\n                                                                        0.0),\\n    "
"                                                                   ('max',\\n              "
'                                                          0),\\n                           '
"                                            ('min',\\n                                     "
'                                   9223372036854775807)]))])),\\n                          '
"         ('short',\\n                                    AutoOrderedDict([('total', 4),\\n  "
"                                                   ('average', 4.0),\\n                    "
"                                 ('max', 4),\\n                                            "
"         ('min', 4),\\n                                                     ('won',\\n      "
"                                                AutoOrderedDict([('total',\\n              "
'                                                          4),\\n                           '
"                                            ('average',\\n                                 "
'                                       4.0),\\n                                            '
"                           ('max',\\n                                                      "
'                  4),\\n                                                                   '
"    ('min',\\n                                                                        4)]))"
",\\n                                                     ('lost',\\n                        "
"                              AutoOrderedDict([('total',\\n                                "
'                                        0),\\n                                             '
"                          ('average',\\n                                                   "
'                     0.0),\\n                                                              '
"         ('max',\\n                                                                        "
"0),\\n                                                                       ('min',\\n     "
'                                                                   9223372036854775807)]))'
']))]))])\\n"],["\'drawdown\'","AutoOrderedDict([(\'len\', 0),\\n                 (\'drawdown\', 0.'
"0),\\n                 ('moneydown', 0.0),\\n                 ('max',\\n                  Aut"
"oOrderedDict([('len', 8),\\n                                   ('drawdown', 1.1980697764712"
'32),\\n                                   (\'moneydown\', 120.95999999999913)]))])\\n"],["\'tra'
'nsactions\'","OrderedDict([(datetime.datetime(2006, 1, 4, 23, 59, 59, 999989),\\n           '
"   [[1, 3615.23, 0, '2006-day-001', -3615.23]]),\\n             (datetime.datetime(2006, 1,"
" 9, 23, 59, 59, 999989),\\n              [[-1, 3650.54, 1, '2006-day-002', 3650.54]]),\\n   "
'          (datetime.datetime(2006, 1, 13, 23, 59, 59, 999989),\\n              [[-1, 3670.2'
"7, 0, '2006-day-001', 3670.27]]),\\n             (datetime.datetime(2006, 1, 19, 23, 59, 59"
", 999989),\\n              [[1, 3609.34, 1, '2006-day-002', -3609.34]]),\\n             (dat"
"etime.datetime(2006, 1, 20, 23, 59, 59, 999989),\\n              [[2, 3593.16, 0, '2006-day"
'-001\', -7186.32]])])\\n"],["\'sqn\'","AutoOrderedDict([(\'sqn\', 9.834097777657872), (\'trades\','
' 2)])\\n"],["\'timereturn\'","OrderedDict([(datetime.datetime(2006, 1, 2, 0, 0), 0.0),\\n     '
'        (datetime.datetime(2006, 1, 3, 0, 0), 0.0),\\n             (datetime.datetime(2006,'
' 1, 4, 0, 0), 0.003722999999999921),\\n             (datetime.datetime(2006, 1, 5, 0, 0), -'
'0.0002211765596682458),\\n             (datetime.datetime(2006, 1, 6, 0, 0), 0.001669156283'
'850226),\\n             (datetime.datetime(2006, 1, 9, 0, 0), -0.0016365293242177614),\\n   '
'          (datetime.datetime(2006, 1, 10, 0, 0), -0.0026745561422616415),\\n             (d'
'atetime.datetime(2006, 1, 11, 0, 0), 0.002681728575896214),\\n             (datetime.dateti'
'me(2006, 1, 12, 0, 0), 0.0001584405464305494),\\n             (datetime.datetime(2006, 1, 1'
'3, 0, 0), 0.00392850382090093),\\n             (datetime.datetime(2006, 1, 16, 0, 0), 0.0),'
'\\n             (datetime.datetime(2006, 1, 17, 0, 0), 0.0019034708073277784),\\n           '
'  (datetime.datetime(2006, 1, 18, 0, 0), 0.0),\\n             (datetime.datetime(2006, 1, 1'
'9, 0, 0), 7.230937317670438e-05),\\n             (datetime.datetime(2006, 1, 20, 0, 0), -0.'
'008391242680443334),\\n             (datetime.datetime(2006, 1, 23, 0, 0), -0.0012965064245'
'989977),\\n             (datetime.datetime(2006, 1, 24, 0, 0), -0.002326339645588149),\\n   '
'          (datetime.datetime(2006, 1, 25, 0, 0), 0.009086461733404994),\\n             (dat'
'etime.datetime(2006, 1, 26, 0, 0), 0.012600934638860695),\\n             (datetime.datetime'
'(2006, 1, 27, 0, 0), 0.008645352191163136),\\n             (datetime.datetime(2006, 1, 30, '
'0, 0), -0.0015485055753980959),\\n             (datetime.datetime(2006, 1, 31, 0, 0), 0.002'
'70629403329381),\\n             (datetime.datetime(2006, 2, 1, 0, 0), 0.007158443718582319)'
',\\n             (datetime.datetime(2006, 2, 2, 0, 0), -0.009878048545206464),\\n           '
'  (datetime.datetime(2006, 2, 3, 0, 0), 0.00027864326063276046),\\n             (datetime.d'
'atetime(2006, 2, 6, 0, 0), 0.0007480364044383236),\\n             (datetime.datetime(2006, '
'2, 7, 0, 0), -0.00029587641709216683),\\n             (datetime.datetime(2006, 2, 8, 0, 0),'
' -0.0018361449911989958),\\n             (datetime.datetime(2006, 2, 9, 0, 0), 0.0108147544'
'14951722),\\n             (datetime.datetime(2006, 2, 10, 0, 0), -0.0060172489323144784),\\n'
'             (datetime.datetime(2006, 2, 13, 0, 0), 0.006179874538644992),\\n             ('
'datetime.datetime(2006, 2, 14, 0, 0), 0.001354579520764343),\\n             (datetime.datet'
'ime(2006, 2, 15, 0, 0), -0.0009037584016772238),\\n             (datetime.datetime(2006, 2,'
' 16, 0, 0), 0.005145860456145401),\\n             (datetime.datetime(2006, 2, 17, 0, 0), 0.'
'0021548787952636594)])\\n"],["\'sharperatio\'","OrderedDict([(\'sharperatio\', None)])\\n"],["\'p'
'ositionsvalue\'","OrderedDict([(datetime.date(2006, 1, 2), [0.0, 0.0]),\\n             (date'
'time.date(2006, 1, 3), [0.0, 0.0]),\\n             (datetime.date(2006, 1, 4), [3652.46, 0.'
'0]),\\n             (datetime.date(2006, 1, 5), [3650.24, 0.0]),\\n             (datetime.da'
'te(2006, 1, 6), [3666.99, 0.0]),\\n             (datetime.date(2006, 1, 9), [3671.78, -3671'
'.78]),\\n             (datetime.date(2006, 1, 10), [3644.94, -3671.78]),\\n             (dat'
'etime.date(2006, 1, 11), [3668.61, -3668.61]),\\n             (datetime.date(2006, 1, 12), '
'[3670.2, -3668.61]),\\n             (datetime.date(2006, 1, 13), [0.0, -3629.25]),\\n       '
'      (datetime.date(2006, 1, 16), [0.0, -3629.25]),\\n             (datetime.date(2006, 1,'
' 17), [0.0, -3610.07]),\\n             (datetime.date(2006, 1, 18), [0.0, -3610.07]),\\n    '
'         (datetime.date(2006, 1, 19), [0.0, 0.0]),\\n             (datetime.date(2006, 1, 2'
'0), [7101.6, 0.0]),\\n             (datetime.date(2006, 1, 23), [7088.62, 0.0]),\\n         '
'    (datetime.date(2006, 1, 24), [7065.36, 0.0]),\\n             (datetime.date(2006, 1, 25'
'), [7156.0, 0.0]),\\n             (datetime.date(2006, 1, 26), [7282.84, 0.0]),\\n          '
'   (datetime.date(2006, 1, 27), [7370.96, 0.0]),\\n             (datetime.date(2006, 1, 30)'
', [7355.04, 0.0]),\\n             (datetime.date(2006, 1, 31), [7382.82, 0.0]),\\n          '
'   (datetime.date(2006, 2, 1), [7456.5, 0.0]),\\n             (datetime.date(2006, 2, 2), ['
'7354.1, 0.0]),\\n             (datetime.date(2006, 2, 3), [7356.96, 0.0]),\\n             (d'
'atetime.date(2006, 2, 6), [7364.64, 0.0]),\\n             (datetime.date(2006, 2, 7), [7361'
'.6, 0.0]),\\n             (datetime.date(2006, 2, 8), [7342.74, 0.0]),\\n             (datet'
'ime.date(2006, 2, 9), [7453.62, 0.0]),\\n             (datetime.date(2006, 2, 10), [7391.26'
', 0.0]),\\n             (datetime.date(2006, 2, 13), [7454.92, 0.0]),\\n             (dateti'
'me.date(2006, 2, 14), [7468.96, 0.0]),\\n             (datetime.date(2006, 2, 15), [7459.58'
', 0.0]),\\n             (datetime.date(2006, 2, 16), [7512.94, 0.0]),\\n             (dateti'
'me.date(2006, 2, 17), [7535.4, 0.0])])\\n"],["\'odd\'","OrderedDict([(\'a\', [1, 2.5, \'x\', None'
", [3, 4]]),\\n             ('b', None),\\n             ('c', {'x': 1, 'y': {'w': {'v': [1]},"
" 'z': 2}}),\\n             ('d', (1, 2)),\\n             (3, 'str'),\\n             ('e', Aut"
"oOrderedDict()),\\n             ('f', nan),\\n             ('g', datetime.date(2020, 1, 1)),"
'\\n             (\'h\', 1e-20),\\n             (\'k\', [])])\\n"]]}]},"print_output":{"modes":{"r'
'o1_pl1":0,"ro0_pl1":0,"ro0_pl0":0},"results":[{"__dict__":"dict","items":[["\'tradeanalyzer'
'\'","===============================================================================\\nTrade'
'Analyzer:\\n  -----------------------------------------------------------------------------'
'\\n  - total:\\n    - total: 3\\n    - open: 1\\n    - closed: 2\\n  --------------------------'
'---------------------------------------------------\\n  - streak:\\n    ++++++++++++++++++++'
'+++++++++++++++++++++++++++++++++++++++++++++++++++++++\\n    - won:\\n      - current: 2\\n '
'     - longest: 2\\n    +++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++'
'++++++++\\n    - lost:\\n      - current: 0\\n      - longest: 0\\n  -------------------------'
'----------------------------------------------------\\n  - pnl:\\n    ++++++++++++++++++++++'
'+++++++++++++++++++++++++++++++++++++++++++++++++++++\\n    - gross:\\n      - total: 96.239'
'99999999978\\n      - average: 48.11999999999989\\n    +++++++++++++++++++++++++++++++++++++'
'++++++++++++++++++++++++++++++++++++++\\n    - net:\\n      - total: 96.23999999999978\\n    '
'  - average: 48.11999999999989\\n  --------------------------------------------------------'
'---------------------\\n  - won:\\n    - total: 2\\n    +++++++++++++++++++++++++++++++++++++'
'++++++++++++++++++++++++++++++++++++++\\n    - pnl:\\n      - total: 96.23999999999978\\n    '
'  - average: 48.11999999999989\\n      - max: 55.039999999999964\\n  -----------------------'
'------------------------------------------------------\\n  - lost:\\n    - total: 0\\n    +++'
'++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++\\n    - pnl:\\n    '
'  - total: 0.0\\n      - average: 0.0\\n      - max: 0.0\\n  --------------------------------'
'---------------------------------------------\\n  - long:\\n    - total: 1\\n    ++++++++++++'
'+++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++\\n    - pnl:\\n      - total'
': 55.039999999999964\\n      - average: 55.039999999999964\\n      *************************'
'************************************************\\n      - won:\\n        - total: 55.039999'
'999999964\\n        - average: 55.039999999999964\\n        - max: 55.039999999999964\\n     '
' *************************************************************************\\n      - lost:\\'
'n        - total: 0.0\\n        - average: 0.0\\n        - max: 0.0\\n    - won: 1\\n    - los'
't: 0\\n  -----------------------------------------------------------------------------\\n  -'
' short:\\n    - total: 1\\n    +++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++'
'++++++++++++++\\n    - pnl:\\n      - total: 41.19999999999982\\n      - average: 41.19999999'
'999982\\n      *************************************************************************\\n '
'     - won:\\n        - total: 41.19999999999982\\n        - average: 41.19999999999982\\n   '
'     - max: 41.19999999999982\\n      *****************************************************'
'********************\\n      - lost:\\n        - total: 0.0\\n        - average: 0.0\\n       '
' - max: 0.0\\n    - won: 1\\n    - lost: 0\\n  ----------------------------------------------'
'-------------------------------\\n  - len:\\n    - total: 11\\n    - average: 5.5\\n    - max:'
' 7\\n    - min: 4\\n    ++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++'
'+++++++\\n    - won:\\n      - total: 11\\n      - average: 5.5\\n      - max: 7\\n      - min:'
' 4\\n    +++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++\\n    -'
' lost:\\n      - total: 0\\n      - average: 0.0\\n      - max: 0\\n    ++++++++++++++++++++++'
'+++++++++++++++++++++++++++++++++++++++++++++++++++++\\n    - long:\\n      - total: 7\\n    '
'  - average: 7.0\\n      - max: 7\\n      - min: 7\\n      **********************************'
'***************************************\\n      - won:\\n        - total: 7\\n        - avera'
'ge: 7.0\\n        - max: 7\\n        - min: 7\\n      ***************************************'
'**********************************\\n      - lost:\\n        - total: 0\\n        - average: '
'0.0\\n        - max: 0\\n        - min: 9223372036854775807\\n    +++++++++++++++++++++++++++'
'++++++++++++++++++++++++++++++++++++++++++++++++\\n    - short:\\n      - total: 4\\n      - '
'average: 4.0\\n      - max: 4\\n      - min: 4\\n      **************************************'
'***********************************\\n      - won:\\n        - total: 4\\n        - average: '
'4.0\\n        - max: 4\\n        - min: 4\\n      *******************************************'
'******************************\\n      - lost:\\n        - total: 0\\n        - average: 0.0\\'
'n        - max: 0\\n        - min: 9223372036854775807\\n"],["\'drawdown\'","================='
'==============================================================\\nDrawDown:\\n  - len: 0\\n  -'
' drawdown: 0.0\\n  - moneydown: 0.0\\n  ----------------------------------------------------'
'-------------------------\\n  - max:\\n    - len: 8\\n    - drawdown: 1.198069776471232\\n    '
'- moneydown: 120.95999999999913\\n"],["\'transactions\'","==================================='
'============================================\\nTransactions:\\n  - 2006-01-04 23:59:59.99998'
"9: [1, 3615.23, 0, '2006-day-001', -3615.23]\\n  - 2006-01-09 23:59:59.999989: [-1, 3650.54"
", 1, '2006-day-002', 3650.54]\\n  - 2006-01-13 23:59:59.999989: [-1, 3670.27, 0, '2006-day-"
"001', 3670.27]\\n  - 2006-01-19 23:59:59.999989: [1, 3609.34, 1, '2006-day-002', -3609.34]\\"
'n  - 2006-01-20 23:59:59.999989: [2, 3593.16, 0, \'2006-day-001\', -7186.32]\\n"],["\'sqn\'","='
'==============================================================================\\nSQN:\\n  - '
'sqn: 9.834097777657872\\n  - trades: 2\\n"],["\'timereturn\'","==============================='
'================================================\\nTimeReturn:\\n  - 2006-01-02 00:00:00: 0.'
'0\\n  - 2006-01-03 00:00:00: 0.0\\n  - 2006-01-04 00:00:00: 0.003722999999999921\\n  - 2006-0'
'1-05 00:00:00: -0.0002211765596682458\\n  - 2006-01-06 00:00:00: 0.001669156283850226\\n  - '
'2006-01-09 00:00:00: -0.0016365293242177614\\n  - 2006-01-10 00:00:00: -0.00267455614226164'
'15\\n  - 2006-01-11 00:00:00: 0.002681728575896214\\n  - 2006-01-12 00:00:00: 0.000158440546'
'4305494\\n  - 2006-01-13 00:00:00: 0.00392850382090093\\n  - 2006-01-16 00:00:00: 0.0\\n  - 2'
'006-01-17 00:00:00: 0.0019034708073277784\\n  - 2006-01-18 00:00:00: 0.0\\n  - 2006-01-19 00'
':00:00: 7.230937317670438e-05\\n  - 2006-01-20 00:00:00: -0.008391242680443334\\n  - 2006-01'
'-23 00:00:00: -0.0012965064245989977\\n  - 2006-01-24 00:00:00: -0.002326339645588149\\n  - '
'2006-01-25 00:00:00: 0.009086461733404994\\n  - 2006-01-26 00:00:00: 0.012600934638860695\\n'
'  - 2006-01-27 00:00:00: 0.008645352191163136\\n  - 2006-01-30 00:00:00: -0.001548505575398'
'0959\\n  - 2006-01-31 00:00:00: 0.00270629403329381\\n  - 2006-02-01 00:00:00: 0.00715844371'
'8582319\\n  - 2006-02-02 00:00:00: -0.009878048545206464\\n  - 2006-02-03 00:00:00: 0.000278'
'64326063276046\\n  - 2006-02-06 00:00:00: 0.0007480364044383236\\n  - 2006-02-07 00:00:00: -'
'0.00029587641709216683\\n  - 2006-02-08 00:00:00: -0.0018361449911989958\\n  - 2006-02-09 00'
':00:00: 0.010814754414951722\\n  - 2006-02-10 00:00:00: -0.0060172489323144784\\n  - 2006-02'
'-13 00:00:00: 0.006179874538644992\\n  - 2006-02-14 00:00:00: 0.001354579520764343\\n  - 200'
'6-02-15 00:00:00: -0.0009037584016772238\\n  - 2006-02-16 00:00:00: 0.005145860456145401\\n '
' - 2006-02-17 00:00:00: 0.0021548787952636594\\n"],["\'sharperatio\'","======================'
'=========================================================\\nSharpeRatio:\\n  - sharperatio: '
'None\\n"],["\'positionsvalue\'","============================================================'
'===================\\nPositionsValue:\\n  - 2006-01-02: 0.0, 0.0\\n  - 2006-01-03: 0.0, 0.0\\n'
'  - 2006-01-04: 3652.46, 0.0\\n  - 2006-01-05: 3650.24, 0.0\\n  - 2006-01-06: 3666.99, 0.0\\n'
'  - 2006-01-09: 3671.78, -3671.78\\n  - 2006-01-10: 3644.94, -3671.78\\n  - 2006-01-11: 3668'
'.61, -3668.61\\n  - 2006-01-12: 3670.2, -3668.61\\n  - 2006-01-13: 0.0, -3629.25\\n  - 2006-0'
'1-16: 0.0, -3629.25\\n  - 2006-01-17: 0.0, -3610.07\\n  - 2006-01-18: 0.0, -3610.07\\n  - 200'
'6-01-19: 0.0, 0.0\\n  - 2006-01-20: 7101.6, 0.0\\n  - 2006-01-23: 7088.62, 0.0\\n  - 2006-01-'
'24: 7065.36, 0.0\\n  - 2006-01-25: 7156.0, 0.0\\n  - 2006-01-26: 7282.84, 0.0\\n  - 2006-01-2'
'7: 7370.96, 0.0\\n  - 2006-01-30: 7355.04, 0.0\\n  - 2006-01-31: 7382.82, 0.0\\n  - 2006-02-0'
'1: 7456.5, 0.0\\n  - 2006-02-02: 7354.1, 0.0\\n  - 2006-02-03: 7356.96, 0.0\\n  - 2006-02-06:'
' 7364.64, 0.0\\n  - 2006-02-07: 7361.6, 0.0\\n  - 2006-02-08: 7342.74, 0.0\\n  - 2006-02-09: '
'7453.62, 0.0\\n  - 2006-02-10: 7391.26, 0.0\\n  - 2006-02-13: 7454.92, 0.0\\n  - 2006-02-14: '
'7468.96, 0.0\\n  - 2006-02-15: 7459.58, 0.0\\n  - 2006-02-16: 7512.94, 0.0\\n  - 2006-02-17: '
'7535.4, 0.0\\n"],["\'odd\'","================================================================'
'===============\\nOdd:\\n  - a: 1, 2.5, x, None, [3, 4]\\n  - b: None\\n  --------------------'
'---------------------------------------------------------\\n  - c:\\n    - x: 1\\n    +++++++'
'++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++\\n    - y:\\n      - z:'
' 2\\n      *************************************************************************\\n     '
' - w:\\n        - v: 1\\n  - d: 1, 2\\n  - 3: str\\n  ----------------------------------------'
'-------------------------------------\\n  - e:\\n  - f: nan\\n  - g: 2020-01-01\\n  - h: 1e-20'
'\\n  - k: \\n"]]}]}}'
)
# <<< expected


@pytest.mark.parametrize('mode', sup.MODES)
@pytest.mark.parametrize('name', SCENARIOS)
def test_matches_upstream(name, mode):
    if name == 'print_output':
        pytest.importorskip('backtrader.writer')  # print() goes through WriterFile
    sup.check(EXPECTED, SCENARIOS, name, mode)


def test_mathsupport():
    from backtrader.mathsupport import average, standarddev, variance
    values = [1.0, 2.0, 3.5]
    assert average(values) == 6.5 / 3
    assert average(values, bessel=True) == 3.25
    assert variance(values, avgx=2.0) == [1.0, 0.0, 2.25]
    assert standarddev(values) == 1.0274023338281628  # upstream's value
    assert standarddev(values, bessel=True) == 1.2583057392117916
    with pytest.raises(ZeroDivisionError):
        average([])


def test_analyzer_outside_a_strategy_has_no_data():
    import backtrader as bt
    analyzer = bt.Analyzer()
    assert analyzer.strategy is None
    assert analyzer.datas == []
    assert analyzer.get_analysis() == {}


if __name__ == '__main__':
    sup.main(__file__, SCENARIOS)


# --- behaviour differences (upstream fails in these cases) -----------------

def _intraday_keys(timeframe, compression):
    import backtrader as bt
    cerebro = sup.make_cerebro(bt, datas=(sup.MIN5,),
                               todate=datetime.datetime(2006, 1, 2, 10, 0))
    cerebro.addstrategy(bt.Strategy)
    cerebro.addanalyzer(bt.analyzers.TimeReturn, timeframe=timeframe,
                        compression=compression)
    return list(cerebro.run()[0].analyzers[0].get_analysis())


def test_microseconds_periods_work():
    """Upstream raises TypeError (a float reaches datetime.replace)."""
    import backtrader as bt
    keys = _intraday_keys(bt.TimeFrame.MicroSeconds, 1)
    assert keys[:2] == [datetime.datetime(2006, 1, 2, 9, 5),
                        datetime.datetime(2006, 1, 2, 9, 10)]
    keys = _intraday_keys(bt.TimeFrame.MicroSeconds, 1000)
    assert keys[0] == datetime.datetime(2006, 1, 2, 9, 5, 0, 999)


def test_ticks_periods_are_the_bars():
    """Upstream raises UnboundLocalError for TimeFrame.Ticks."""
    import backtrader as bt
    keys = _intraday_keys(bt.TimeFrame.Ticks, 1)
    assert len(keys) == 12
    assert keys[0] == datetime.datetime(2006, 1, 2, 9, 5)
