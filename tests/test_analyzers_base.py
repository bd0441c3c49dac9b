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
'{"call_order":{"ro1_pl1":{"__dict__":"dict","items":[["\'events\'",["init args=(7,) x=5 rets'
'=OrderedDict","child parent ok=True strategy ok=True children=1","Child start 0","Parent s'
'tart 0","Child cashvalue 1 10000.0 10000.0","Parent cashvalue 1 10000.0 10000.0","Child fu'
'nd 1 10000.0 10000.0 100.0 100.0","Parent fund 1 10000.0 10000.0 100.0 100.0","strategy pr'
'enext 1","Child prenext 1","Child next 1","Parent prenext 1","Parent next 1","Child cashva'
'lue 2 10000.0 10000.0","Parent cashvalue 2 10000.0 10000.0","Child fund 2 10000.0 10000.0 '
'100.0 100.0","Parent fund 2 10000.0 10000.0 100.0 100.0","strategy next 2","Child nextstar'
't 2","Child next 2","Parent nextstart 2","Parent next 2","Child cashvalue 3 10000.0 10000.'
'0","Parent cashvalue 3 10000.0 10000.0","Child fund 3 10000.0 10000.0 100.0 100.0","Parent'
' fund 3 10000.0 10000.0 100.0 100.0","strategy next 3","Child nextstart 3","Child next 3",'
'"Parent nextstart 3","Parent next 3","Child order 4 Submitted","Parent order 4 Submitted",'
'"Child order 4 Accepted","Parent order 4 Accepted","Child order 4 Completed","Parent order'
' 4 Completed","Child trade 4 1","Parent trade 4 1","Child cashvalue 4 6347.8099999999995 9'
'998.05","Parent cashvalue 4 6347.8099999999995 9998.05","Child fund 4 6347.8099999999995 9'
'998.05 99.98049999999999 100.0","Parent fund 4 6347.8099999999995 9998.05 99.9804999999999'
'9 100.0","strategy next 4","Child next 4","Parent next 4","Child cashvalue 5 6347.80999999'
'99995 10014.8","Parent cashvalue 5 6347.8099999999995 10014.8","Child fund 5 6347.80999999'
'99995 10014.8 100.148 100.0","Parent fund 5 6347.8099999999995 10014.8 100.148 100.0","str'
'ategy next 5","Child next 5","Parent next 5","Child order 6 Submitted","Parent order 6 Sub'
'mitted","Child order 6 Accepted","Parent order 6 Accepted","Child order 6 Completed","Pare'
'nt order 6 Completed","Child trade 6 2","Parent trade 6 2","Child cashvalue 6 10014.91 100'
'14.91","Parent cashvalue 6 10014.91 10014.91","Child fund 6 10014.91 10014.91 100.1491 100'
'.0","Parent fund 6 10014.91 10014.91 100.1491 100.0","strategy next 6","Child next 6","Par'
'ent next 6","Child cashvalue 7 10014.91 10014.91","Parent cashvalue 7 10014.91 10014.91","'
'Child fund 7 10014.91 10014.91 100.1491 100.0","Parent fund 7 10014.91 10014.91 100.1491 1'
'00.0","strategy next 7","Child next 7","Parent next 7","Child cashvalue 8 10014.91 10014.9'
'1","Parent cashvalue 8 10014.91 10014.91","Child fund 8 10014.91 10014.91 100.1491 100.0",'
'"Parent fund 8 10014.91 10014.91 100.1491 100.0","strategy next 8","Child next 8","Parent '
'next 8","Child stop 8","Parent stop 8"]],["\'names\'",["parent","sqn"]]]},"ro0_pl1":{"__dict'
'__":"dict","items":[["\'events\'",["init args=(7,) x=5 rets=OrderedDict","child parent ok=Tr'
'ue strategy ok=True children=1","Child start 0","Parent start 0","Child cashvalue 1 10000.'
'0 10000.0","Parent cashvalue 1 10000.0 10000.0","Child fund 1 10000.0 10000.0 100.0 100.0"'
',"Parent fund 1 10000.0 10000.0 100.0 100.0","strategy prenext 1","Child prenext 1","Child'
' next 1","Parent prenext 1","Parent next 1","Child cashvalue 2 10000.0 10000.0","Parent ca'
'shvalue 2 10000.0 10000.0","Child fund 2 10000.0 10000.0 100.0 100.0","Parent fund 2 10000'
'.0 10000.0 100.0 100.0","strategy next 2","Child nextstart 2","Child next 2","Parent nexts'
'tart 2","Parent next 2","Child cashvalue 3 10000.0 10000.0","Parent cashvalue 3 10000.0 10'
'000.0","Child fund 3 10000.0 10000.0 100.0 100.0","Parent fund 3 10000.0 10000.0 100.0 100'
'.0","strategy next 3","Child nextstart 3","Child next 3","Parent nextstart 3","Parent next'
' 3","Child order 4 Submitted","Parent order 4 Submitted","Child order 4 Accepted","Parent '
'order 4 Accepted","Child order 4 Completed","Parent order 4 Completed","Child trade 4 1","'
'Parent trade 4 1","Child cashvalue 4 6347.8099999999995 9998.05","Parent cashvalue 4 6347.'
'8099999999995 9998.05","Child fund 4 6347.8099999999995 9998.05 99.98049999999999 100.0","'
'Parent fund 4 6347.8099999999995 9998.05 99.98049999999999 100.0","strategy next 4","Child'
' next 4","Parent next 4","Child cashvalue 5 6347.8099999999995 10014.8","Parent cashvalue '
'5 6347.8099999999995 10014.8","Child fund 5 6347.8099999999995 10014.8 100.148 100.0","Par'
'ent fund 5 6347.8099999999995 10014.8 100.148 100.0","strategy next 5","Child next 5","Par'
'ent next 5","Child order 6 Submitted","Parent order 6 Submitted","Child order 6 Accepted",'
'"Parent order 6 Accepted","Child order 6 Completed","Parent order 6 Completed","Child trad'
'e 6 2","Parent trade 6 2","Child cashvalue 6 10014.91 10014.91","Parent cashvalue 6 10014.'
'91 10014.91","Child fund 6 10014.91 10014.91 100.1491 100.0","Parent fund 6 10014.91 10014'
'.91 100.1491 100.0","strategy next 6","Child next 6","Parent next 6","Child cashvalue 7 10'
'014.91 10014.91","Parent cashvalue 7 10014.91 10014.91","Child fund 7 10014.91 10014.91 10'
'0.1491 100.0","Parent fund 7 10014.91 10014.91 100.1491 100.0","strategy next 7","Child ne'
'xt 7","Parent next 7","Child cashvalue 8 10014.91 10014.91","Parent cashvalue 8 10014.91 1'
'0014.91","Child fund 8 10014.91 10014.91 100.1491 100.0","Parent fund 8 10014.91 10014.91 '
'100.1491 100.0","strategy next 8","Child next 8","Parent next 8","Child stop 8","Parent st'
'op 8"]],["\'names\'",["parent","sqn"]]]},"ro0_pl0":{"__dict__":"dict","items":[["\'events\'",['
'"init args=(7,) x=5 rets=OrderedDict","child parent ok=True strategy ok=True children=1","'
'Child start 0","Parent start 0","Child cashvalue 1 10000.0 10000.0","Parent cashvalue 1 10'
'000.0 10000.0","Child fund 1 10000.0 10000.0 100.0 100.0","Parent fund 1 10000.0 10000.0 1'
'00.0 100.0","strategy prenext 1","Child prenext 1","Child next 1","Parent prenext 1","Pare'
'nt next 1","Child cashvalue 2 10000.0 10000.0","Parent cashvalue 2 10000.0 10000.0","Child'
' fund 2 10000.0 10000.0 100.0 100.0","Parent fund 2 10000.0 10000.0 100.0 100.0","strategy'
' next 2","Child nextstart 2","Child next 2","Parent nextstart 2","Parent next 2","Child ca'
'shvalue 3 10000.0 10000.0","Parent cashvalue 3 10000.0 10000.0","Child fund 3 10000.0 1000'
'0.0 100.0 100.0","Parent fund 3 10000.0 10000.0 100.0 100.0","strategy next 3","Child next'
'start 3","Child next 3","Parent nextstart 3","Parent next 3","Child order 4 Submitted","Pa'
'rent order 4 Submitted","Child order 4 Accepted","Parent order 4 Accepted","Child order 4 '
'Completed","Parent order 4 Completed","Child trade 4 1","Parent trade 4 1","Child cashvalu'
'e 4 6347.8099999999995 9998.05","Parent cashvalue 4 6347.8099999999995 9998.05","Child fun'
'd 4 6347.8099999999995 9998.05 99.98049999999999 100.0","Parent fund 4 6347.8099999999995 '
'9998.05 99.98049999999999 100.0","strategy next 4","Child next 4","Parent next 4","Child c'
'ashvalue 5 6347.8099999999995 10014.8","Parent cashvalue 5 6347.8099999999995 10014.8","Ch'
'ild fund 5 6347.8099999999995 10014.8 100.148 100.0","Parent fund 5 6347.8099999999995 100'
'14.8 100.148 100.0","strategy next 5","Child next 5","Parent next 5","Child order 6 Submit'
'ted","Parent order 6 Submitted","Child order 6 Accepted","Parent order 6 Accepted","Child '
'order 6 Completed","Parent order 6 Completed","Child trade 6 2","Parent trade 6 2","Child '
'cashvalue 6 10014.91 10014.91","Parent cashvalue 6 10014.91 10014.91","Child fund 6 10014.'
'91 10014.91 100.1491 100.0","Parent fund 6 10014.91 10014.91 100.1491 100.0","strategy nex'
't 6","Child next 6","Parent next 6","Child cashvalue 7 10014.91 10014.91","Parent cashvalu'
'e 7 10014.91 10014.91","Child fund 7 10014.91 10014.91 100.1491 100.0","Parent fund 7 1001'
'4.91 10014.91 100.1491 100.0","strategy next 7","Child next 7","Parent next 7","Child cash'
'value 8 10014.91 10014.91","Parent cashvalue 8 10014.91 10014.91","Child fund 8 10014.91 1'
'0014.91 100.1491 100.0","Parent fund 8 10014.91 10014.91 100.1491 100.0","strategy next 8"'
',"Child next 8","Parent next 8","Child stop 8","Parent stop 8"]],["\'names\'",["parent","sqn'
'"]]]}},"attributes":{"ro1_pl1":{"__dict__":"dict","items":[["\'attrs\'",["data","data0","dat'
'a0_0","data0_1","data0_2","data0_3","data0_4","data0_5","data0_6","data0_close","data0_dat'
'etime","data0_high","data0_low","data0_open","data0_openinterest","data0_volume","data1","'
'data1_0","data1_1","data1_2","data1_3","data1_4","data1_5","data1_6","data1_close","data1_'
'datetime","data1_high","data1_low","data1_open","data1_openinterest","data1_volume","data_'
'0","data_1","data_2","data_3","data_4","data_5","data_6","data_close","data_datetime","dat'
'a_high","data_low","data_open","data_openinterest","data_volume","datas"]],["\'same\'",[true'
',true,true,true,true,true,true]],["\'rets\'","OrderedDict"],["\'csv\'",true],["\'analysis\'",{"_'
'_dict__":"OrderedDict","items":[]}],["\'len\'",8]]},"ro0_pl1":{"__dict__":"dict","items":[["'
'\'attrs\'",["data","data0","data0_0","data0_1","data0_2","data0_3","data0_4","data0_5","data'
'0_6","data0_close","data0_datetime","data0_high","data0_low","data0_open","data0_openinter'
'est","data0_volume","data1","data1_0","data1_1","data1_2","data1_3","data1_4","data1_5","d'
'ata1_6","data1_close","data1_datetime","data1_high","data1_low","data1_open","data1_openin'
'terest","data1_volume","data_0","data_1","data_2","data_3","data_4","data_5","data_6","dat'
'a_close","data_datetime","data_high","data_low","data_open","data_openinterest","data_volu'
'me","datas"]],["\'same\'",[true,true,true,true,true,true,true]],["\'rets\'","OrderedDict"],["\''
'csv\'",true],["\'analysis\'",{"__dict__":"OrderedDict","items":[]}],["\'len\'",8]]},"ro0_pl0":{'
'"__dict__":"dict","items":[["\'attrs\'",["data","data0","data0_0","data0_1","data0_2","data0'
'_3","data0_4","data0_5","data0_6","data0_close","data0_datetime","data0_high","data0_low",'
'"data0_open","data0_openinterest","data0_volume","data1","data1_0","data1_1","data1_2","da'
'ta1_3","data1_4","data1_5","data1_6","data1_close","data1_datetime","data1_high","data1_lo'
'w","data1_open","data1_openinterest","data1_volume","data_0","data_1","data_2","data_3","d'
'ata_4","data_5","data_6","data_close","data_datetime","data_high","data_low","data_open","'
'data_openinterest","data_volume","datas"]],["\'same\'",[true,true,true,true,true,true,true]]'
',["\'rets\'","OrderedDict"],["\'csv\'",true],["\'analysis\'",{"__dict__":"OrderedDict","items":['
']}],["\'len\'",8]]}},"period_tracking":{"ro1_pl1":["days over 1 datetime.datetime(2006, 1, 2'
', 0, 0) datetime.datetime(1, 1, 1, 0, 0)","days prenext 1","weeks over 1 datetime.datetime'
'(2006, 1, 8, 0, 0) datetime.datetime(1, 1, 7, 0, 0)","weeks prenext 1","noprenext over 1 d'
'atetime.datetime(2006, 1, 8, 0, 0) datetime.datetime(1, 1, 7, 0, 0)","whole over 1 datetim'
'e.datetime(9999, 12, 31, 23, 59, 59, 999999) None","whole prenext 1","days over 2 datetime'
'.datetime(2006, 1, 3, 0, 0) datetime.datetime(2006, 1, 2, 0, 0)","days next 2 20060103","w'
'eeks next 2 200601","noprenext over 2 datetime.datetime(2006, 1, 8, 0, 0) datetime.datetim'
'e(1, 1, 7, 0, 0)","noprenext next 2 200601","whole next 2 9223372036854775807","days over '
'3 datetime.datetime(2006, 1, 4, 0, 0) datetime.datetime(2006, 1, 3, 0, 0)","days next 3 20'
'060104","weeks next 3 200601","noprenext over 3 datetime.datetime(2006, 1, 8, 0, 0) dateti'
'me.datetime(1, 1, 7, 0, 0)","noprenext next 3 200601","whole next 3 9223372036854775807","'
'days over 4 datetime.datetime(2006, 1, 5, 0, 0) datetime.datetime(2006, 1, 4, 0, 0)","days'
' next 4 20060105","weeks next 4 200601","noprenext next 4 200601","whole next 4 9223372036'
'854775807","days over 5 datetime.datetime(2006, 1, 6, 0, 0) datetime.datetime(2006, 1, 5, '
'0, 0)","days next 5 20060106","weeks next 5 200601","noprenext next 5 200601","whole next '
'5 9223372036854775807","days over 6 datetime.datetime(2006, 1, 9, 0, 0) datetime.datetime('
'2006, 1, 6, 0, 0)","days next 6 20060109","weeks over 6 datetime.datetime(2006, 1, 15, 0, '
'0) datetime.datetime(2006, 1, 8, 0, 0)","weeks next 6 200602","noprenext over 6 datetime.d'
'atetime(2006, 1, 15, 0, 0) datetime.datetime(2006, 1, 8, 0, 0)","noprenext next 6 200602",'
'"whole next 6 9223372036854775807","days over 7 datetime.datetime(2006, 1, 10, 0, 0) datet'
'ime.datetime(2006, 1, 9, 0, 0)","days next 7 20060110","weeks next 7 200602","noprenext ne'
'xt 7 200602","whole next 7 9223372036854775807","days over 8 datetime.datetime(2006, 1, 11'
', 0, 0) datetime.datetime(2006, 1, 10, 0, 0)","days next 8 20060111","weeks next 8 200602"'
',"noprenext next 8 200602","whole next 8 9223372036854775807"],"ro0_pl1":["days over 1 dat'
'etime.datetime(2006, 1, 2, 0, 0) datetime.datetime(1, 1, 1, 0, 0)","days prenext 1","weeks'
' over 1 datetime.datetime(2006, 1, 8, 0, 0) datetime.datetime(1, 1, 7, 0, 0)","weeks prene'
'xt 1","noprenext over 1 datetime.datetime(2006, 1, 8, 0, 0) datetime.datetime(1, 1, 7, 0, '
'0)","whole over 1 datetime.datetime(9999, 12, 31, 23, 59, 59, 999999) None","whole prenext'
' 1","days over 2 datetime.datetime(2006, 1, 3, 0, 0) datetime.datetime(2006, 1, 2, 0, 0)",'
'"days next 2 20060103","weeks next 2 200601","noprenext over 2 datetime.datetime(2006, 1, '
'8, 0, 0) datetime.datetime(1, 1, 7, 0, 0)","noprenext next 2 200601","whole next 2 9223372'
'036854775807","days over 3 datetime.datetime(2006, 1, 4, 0, 0) datetime.datetime(2006, 1, '
'3, 0, 0)","days next 3 20060104","weeks next 3 200601","noprenext over 3 datetime.datetime'
'(2006, 1, 8, 0, 0) datetime.datetime(1, 1, 7, 0, 0)","noprenext next 3 200601","whole next'
' 3 9223372036854775807","days over 4 datetime.datetime(2006, 1, 5, 0, 0) datetime.datetime'
'(2006, 1, 4, 0, 0)","days next 4 20060105","weeks next 4 200601","noprenext next 4 200601"'
',"whole next 4 9223372036854775807","days over 5 datetime.datetime(2006, 1, 6, 0, 0) datet'
'ime.datetime(2006, 1, 5, 0, 0)","days next 5 20060106","weeks next 5 200601","noprenext ne'
'xt 5 200601","whole next 5 9223372036854775807","days over 6 datetime.datetime(2006, 1, 9,'
' 0, 0) datetime.datetime(2006, 1, 6, 0, 0)","days next 6 20060109","weeks over 6 datetime.'
'datetime(2006, 1, 15, 0, 0) datetime.datetime(2006, 1, 8, 0, 0)","weeks next 6 200602","no'
'prenext over 6 datetime.datetime(2006, 1, 15, 0, 0) datetime.datetime(2006, 1, 8, 0, 0)","'
'noprenext next 6 200602","whole next 6 9223372036854775807","days over 7 datetime.datetime'
'(2006, 1, 10, 0, 0) datetime.datetime(2006, 1, 9, 0, 0)","days next 7 20060110","weeks nex'
't 7 200602","noprenext next 7 200602","whole next 7 9223372036854775807","days over 8 date'
'time.datetime(2006, 1, 11, 0, 0) datetime.datetime(2006, 1, 10, 0, 0)","days next 8 200601'
'11","weeks next 8 200602","noprenext next 8 200602","whole next 8 9223372036854775807"],"r'
'o0_pl0":["days over 1 datetime.datetime(2006, 1, 2, 0, 0) datetime.datetime(1, 1, 1, 0, 0)'
'","days prenext 1","weeks over 1 datetime.datetime(2006, 1, 8, 0, 0) datetime.datetime(1, '
'1, 7, 0, 0)","weeks prenext 1","noprenext over 1 datetime.datetime(2006, 1, 8, 0, 0) datet'
'ime.datetime(1, 1, 7, 0, 0)","whole over 1 datetime.datetime(9999, 12, 31, 23, 59, 59, 999'
'999) None","whole prenext 1","days over 2 datetime.datetime(2006, 1, 3, 0, 0) datetime.dat'
'etime(2006, 1, 2, 0, 0)","days next 2 20060103","weeks next 2 200601","noprenext over 2 da'
'tetime.datetime(2006, 1, 8, 0, 0) datetime.datetime(1, 1, 7, 0, 0)","noprenext next 2 2006'
'01","whole next 2 9223372036854775807","days over 3 datetime.datetime(2006, 1, 4, 0, 0) da'
'tetime.datetime(2006, 1, 3, 0, 0)","days next 3 20060104","weeks next 3 200601","noprenext'
' over 3 datetime.datetime(2006, 1, 8, 0, 0) datetime.datetime(1, 1, 7, 0, 0)","noprenext n'
'ext 3 200601","whole next 3 9223372036854775807","days over 4 datetime.datetime(2006, 1, 5'
', 0, 0) datetime.datetime(2006, 1, 4, 0, 0)","days next 4 20060105","weeks next 4 200601",'
'"noprenext next 4 200601","whole next 4 9223372036854775807","days over 5 datetime.datetim'
'e(2006, 1, 6, 0, 0) datetime.datetime(2006, 1, 5, 0, 0)","days next 5 20060106","weeks nex'
't 5 200601","noprenext next 5 200601","whole next 5 9223372036854775807","days over 6 date'
'time.datetime(2006, 1, 9, 0, 0) datetime.datetime(2006, 1, 6, 0, 0)","days next 6 20060109'
'","weeks over 6 datetime.datetime(2006, 1, 15, 0, 0) datetime.datetime(2006, 1, 8, 0, 0)",'
'"weeks next 6 200602","noprenext over 6 datetime.datetime(2006, 1, 15, 0, 0) datetime.date'
'time(2006, 1, 8, 0, 0)","noprenext next 6 200602","whole next 6 9223372036854775807","days'
' over 7 datetime.datetime(2006, 1, 10, 0, 0) datetime.datetime(2006, 1, 9, 0, 0)","days ne'
'xt 7 20060110","weeks next 7 200602","noprenext next 7 200602","whole next 7 9223372036854'
'775807","days over 8 datetime.datetime(2006, 1, 11, 0, 0) datetime.datetime(2006, 1, 10, 0'
', 0)","days next 8 20060111","weeks next 8 200602","noprenext next 8 200602","whole next 8'
' 9223372036854775807"]},"pprint_output":{"ro1_pl1":{"__dict__":"dict","items":[["\'tradeana'
'lyzer\'","AutoOrderedDict([(\'total\',\\n                  AutoOrderedDict([(\'total\', 3), (\'op'
"en', 1), ('closed', 2)])),\\n                 ('streak',\\n                  AutoOrderedDict"
"([('won',\\n                                    AutoOrderedDict([('current', 2),\\n         "
"                                            ('longest', 2)])),\\n                          "
"         ('lost',\\n                                    AutoOrderedDict([('current', 0),\\n "
"                                                    ('longest', 0)]))])),\\n               "
"  ('pnl',\\n                  AutoOrderedDict([('gross',\\n                                 "
"   AutoOrderedDict([('total',\\n                                                      96.23"
"999999999978),\\n                                                     ('average',\\n        "
'                                              48.11999999999989)])),\\n                    '
"               ('net',\\n                                    AutoOrderedDict([('total',\\n  "
'                                                    96.23999999999978),\\n                 '
"                                    ('average',\\n                                         "
"             48.11999999999989)]))])),\\n                 ('won',\\n                  AutoOr"
"deredDict([('total', 2),\\n                                   ('pnl',\\n                    "
"                AutoOrderedDict([('total',\\n                                              "
"        96.23999999999978),\\n                                                     ('averag"
"e',\\n                                                      48.11999999999989),\\n          "
"                                           ('max',\\n                                      "
"                55.039999999999964)]))])),\\n                 ('lost',\\n                  A"
"utoOrderedDict([('total', 0),\\n                                   ('pnl',\\n               "
"                     AutoOrderedDict([('total', 0.0),\\n                                   "
"                  ('average', 0.0),\\n                                                     "
"('max', 0.0)]))])),\\n                 ('long',\\n                  AutoOrderedDict([('total"
"', 1),\\n                                   ('pnl',\\n                                    Au"
"toOrderedDict([('total',\\n                                                      55.0399999"
"99999964),\\n                                                     ('average',\\n            "
'                                          55.039999999999964),\\n                          '
"                           ('won',\\n                                                      "
"AutoOrderedDict([('total',\\n                                                              "
'          55.039999999999964),\\n                                                          '
"             ('average',\\n                                                                "
'        55.039999999999964),\\n                                                            '
"           ('max',\\n                                                                      "
"  55.039999999999964)])),\\n                                                     ('lost',\\n"
"                                                      AutoOrderedDict([('total',\\n        "
'                                                                0.0),\\n                   '
"                                                    ('average',\\n                         "
'                                               0.0),\\n                                    '
"                                   ('max',\\n                                              "
"                          0.0)]))])),\\n                                   ('won', 1),\\n   "
"                                ('lost', 0)])),\\n                 ('short',\\n             "
"     AutoOrderedDict([('total', 1),\\n                                   ('pnl',\\n         "
"                           AutoOrderedDict([('total',\\n                                   "
'                   41.19999999999982),\\n                                                  '
"   ('average',\\n                                                      41.19999999999982),\\"
"n                                                     ('won',\\n                           "
"                           AutoOrderedDict([('total',\\n                                   "
'                                     41.19999999999982),\\n                                '
"                                       ('average',\\n                                      "
'                                  41.19999999999982),\\n                                   '
"                                    ('max',\\n                                             "
'                           41.19999999999982)])),\\n                                       '
"              ('lost',\\n                                                      AutoOrderedD"
"ict([('total',\\n                                                                        0."
"0),\\n                                                                       ('average',\\n "
'                                                                       0.0),\\n            '
"                                                           ('max',\\n                      "
'                                                  0.0)]))])),\\n                           '
"        ('won', 1),\\n                                   ('lost', 0)])),\\n                 "
"('len',\\n                  AutoOrderedDict([('total', 11),\\n                              "
"     ('average', 5.5),\\n                                   ('max', 7),\\n                  "
"                 ('min', 4),\\n                                   ('won',\\n                "
"                    AutoOrderedDict([('total', 11),\\n                                     "
"                ('average', 5.5),\\n                                                     ('"
"max', 7),\\n                                                     ('min', 4)])),\\n          "
"                         ('lost',\\n                                    AutoOrderedDict([('"
"total', 0),\\n                                                     ('average', 0.0),\\n     "
"                                                ('max', 0)])),\\n                          "
"         ('long',\\n                                    AutoOrderedDict([('total', 7),\\n   "
"                                                  ('average', 7.0),\\n                     "
"                                ('max', 7),\\n                                             "
"        ('min', 7),\\n                                                     ('won',\\n       "
"                                               AutoOrderedDict([('total',\\n               "
'                                                         7),\\n                            '
"                                           ('average',\\n                                  "
'                                      7.0),\\n                                             '
"                          ('max',\\n                                                       "
'                 7),\\n                                                                    '
"   ('min',\\n                                                                        7)])),"
"\\n                                                     ('lost',\\n                         "
"                             AutoOrderedDict([('total',\\n                                 "
'                                       0),\\n                                              '
"                         ('average',\\n                                                    "
'                    0.0),\\n                                                               '
"        ('max',\\n                                                                        0"
"),\\n                                                                       ('min',\\n      "
'                                                                  9223372036854775807)]))]'
")),\\n                                   ('short',\\n                                    Aut"
"oOrderedDict([('total', 4),\\n                                                     ('averag"
"e', 4.0),\\n                                                     ('max', 4),\\n             "
"                                        ('min', 4),\\n                                     "
"                ('won',\\n                                                      AutoOrdered"
"Dict([('total',\\n                                                                        4"
"),\\n                                                                       ('average',\\n  "
'                                                                      4.0),\\n             '
"                                                          ('max',\\n                       "
'                                                 4),\\n                                    '
"                                   ('min',\\n                                              "
"                          4)])),\\n                                                     ('l"
"ost',\\n                                                      AutoOrderedDict([('total',\\n "
'                                                                       0),\\n              '
"                                                         ('average',\\n                    "
'                                                    0.0),\\n                               '
"                                        ('max',\\n                                         "
'                               0),\\n                                                      '
"                 ('min',\\n                                                                "
'        9223372036854775807)]))]))]))])\\n"],["\'drawdown\'","AutoOrderedDict([(\'len\', 0),\\n '
"                ('drawdown', 0.0),\\n                 ('moneydown', 0.0),\\n                "
" ('max',\\n                  AutoOrderedDict([('len', 8),\\n                                "
"   ('drawdown', 1.198069776471232),\\n                                   ('moneydown', 120."
'95999999999913)]))])\\n"],["\'transactions\'","OrderedDict([(datetime.datetime(2006, 1, 4, 23'
", 59, 59, 999989),\\n              [[1, 3615.23, 0, '2006-day-001', -3615.23]]),\\n         "
"    (datetime.datetime(2006, 1, 9, 23, 59, 59, 999989),\\n              [[-1, 3650.54, 1, '"
"2006-day-002', 3650.54]]),\\n             (datetime.datetime(2006, 1, 13, 23, 59, 59, 99998"
"9),\\n              [[-1, 3670.27, 0, '2006-day-001', 3670.27]]),\\n             (datetime.d"
"atetime(2006, 1, 19, 23, 59, 59, 999989),\\n              [[1, 3609.34, 1, '2006-day-002', "
'-3609.34]]),\\n             (datetime.datetime(2006, 1, 20, 23, 59, 59, 999989),\\n         '
'     [[2, 3593.16, 0, \'2006-day-001\', -7186.32]])])\\n"],["\'sqn\'","AutoOrderedDict([(\'sqn\','
' 9.834097777657872), (\'trades\', 2)])\\n"],["\'timereturn\'","OrderedDict([(datetime.datetime('
'2006, 1, 2, 0, 0), 0.0),\\n             (datetime.datetime(2006, 1, 3, 0, 0), 0.0),\\n      '
'       (datetime.datetime(2006, 1, 4, 0, 0), 0.003722999999999921),\\n             (datetim'
'e.datetime(2006, 1, 5, 0, 0), -0.0002211765596682458),\\n             (datetime.datetime(20'
'06, 1, 6, 0, 0), 0.001669156283850226),\\n             (datetime.datetime(2006, 1, 9, 0, 0)'
', -0.0016365293242177614),\\n             (datetime.datetime(2006, 1, 10, 0, 0), -0.0026745'
'561422616415),\\n             (datetime.datetime(2006, 1, 11, 0, 0), 0.002681728575896214),'
'\\n             (datetime.datetime(2006, 1, 12, 0, 0), 0.0001584405464305494),\\n           '
'  (datetime.datetime(2006, 1, 13, 0, 0), 0.00392850382090093),\\n             (datetime.dat'
'etime(2006, 1, 16, 0, 0), 0.0),\\n             (datetime.datetime(2006, 1, 17, 0, 0), 0.001'
'9034708073277784),\\n             (datetime.datetime(2006, 1, 18, 0, 0), 0.0),\\n           '
'  (datetime.datetime(2006, 1, 19, 0, 0), 7.230937317670438e-05),\\n             (datetime.d'
'atetime(2006, 1, 20, 0, 0), -0.008391242680443334),\\n             (datetime.datetime(2006,'
' 1, 23, 0, 0), -0.0012965064245989977),\\n             (datetime.datetime(2006, 1, 24, 0, 0'
'), -0.002326339645588149),\\n             (datetime.datetime(2006, 1, 25, 0, 0), 0.00908646'
'1733404994),\\n             (datetime.datetime(2006, 1, 26, 0, 0), 0.012600934638860695),\\n'
'             (datetime.datetime(2006, 1, 27, 0, 0), 0.008645352191163136),\\n             ('
'datetime.datetime(2006, 1, 30, 0, 0), -0.0015485055753980959),\\n             (datetime.dat'
'etime(2006, 1, 31, 0, 0), 0.00270629403329381),\\n             (datetime.datetime(2006, 2, '
'1, 0, 0), 0.007158443718582319),\\n             (datetime.datetime(2006, 2, 2, 0, 0), -0.00'
'9878048545206464),\\n             (datetime.datetime(2006, 2, 3, 0, 0), 0.00027864326063276'
'046),\\n             (datetime.datetime(2006, 2, 6, 0, 0), 0.0007480364044383236),\\n       '
'      (datetime.datetime(2006, 2, 7, 0, 0), -0.00029587641709216683),\\n             (datet'
'ime.datetime(2006, 2, 8, 0, 0), -0.0018361449911989958),\\n             (datetime.datetime('
'2006, 2, 9, 0, 0), 0.010814754414951722),\\n             (datetime.datetime(2006, 2, 10, 0,'
' 0), -0.0060172489323144784),\\n             (datetime.datetime(2006, 2, 13, 0, 0), 0.00617'
'9874538644992),\\n             (datetime.datetime(2006, 2, 14, 0, 0), 0.001354579520764343)'
',\\n             (datetime.datetime(2006, 2, 15, 0, 0), -0.0009037584016772238),\\n         '
'    (datetime.datetime(2006, 2, 16, 0, 0), 0.005145860456145401),\\n             (datetime.'
'datetime(2006, 2, 17, 0, 0), 0.0021548787952636594)])\\n"],["\'sharperatio\'","OrderedDict([('
'\'sharperatio\', None)])\\n"],["\'positionsvalue\'","OrderedDict([(datetime.date(2006, 1, 2), ['
'0.0, 0.0]),\\n             (datetime.date(2006, 1, 3), [0.0, 0.0]),\\n             (datetime'
'.date(2006, 1, 4), [3652.46, 0.0]),\\n             (datetime.date(2006, 1, 5), [3650.24, 0.'
'0]),\\n             (datetime.date(2006, 1, 6), [3666.99, 0.0]),\\n             (datetime.da'
'te(2006, 1, 9), [3671.78, -3671.78]),\\n             (datetime.date(2006, 1, 10), [3644.94,'
' -3671.78]),\\n             (datetime.date(2006, 1, 11), [3668.61, -3668.61]),\\n           '
'  (datetime.date(2006, 1, 12), [3670.2, -3668.61]),\\n             (datetime.date(2006, 1, '
'13), [0.0, -3629.25]),\\n             (datetime.date(2006, 1, 16), [0.0, -3629.25]),\\n     '
'        (datetime.date(2006, 1, 17), [0.0, -3610.07]),\\n             (datetime.date(2006, '
'1, 18), [0.0, -3610.07]),\\n             (datetime.date(2006, 1, 19), [0.0, 0.0]),\\n       '
'      (datetime.date(2006, 1, 20), [7101.6, 0.0]),\\n             (datetime.date(2006, 1, 2'
'3), [7088.62, 0.0]),\\n             (datetime.date(2006, 1, 24), [7065.36, 0.0]),\\n        '
'     (datetime.date(2006, 1, 25), [7156.0, 0.0]),\\n             (datetime.date(2006, 1, 26'
'), [7282.84, 0.0]),\\n             (datetime.date(2006, 1, 27), [7370.96, 0.0]),\\n         '
'    (datetime.date(2006, 1, 30), [7355.04, 0.0]),\\n             (datetime.date(2006, 1, 31'
'), [7382.82, 0.0]),\\n             (datetime.date(2006, 2, 1), [7456.5, 0.0]),\\n           '
'  (datetime.date(2006, 2, 2), [7354.1, 0.0]),\\n             (datetime.date(2006, 2, 3), [7'
'356.96, 0.0]),\\n             (datetime.date(2006, 2, 6), [7364.64, 0.0]),\\n             (d'
'atetime.date(2006, 2, 7), [7361.6, 0.0]),\\n             (datetime.date(2006, 2, 8), [7342.'
'74, 0.0]),\\n             (datetime.date(2006, 2, 9), [7453.62, 0.0]),\\n             (datet'
'ime.date(2006, 2, 10), [7391.26, 0.0]),\\n             (datetime.date(2006, 2, 13), [7454.9'
'2, 0.0]),\\n             (datetime.date(2006, 2, 14), [7468.96, 0.0]),\\n             (datet'
'ime.date(2006, 2, 15), [7459.58, 0.0]),\\n             (datetime.date(2006, 2, 16), [7512.9'
'4, 0.0]),\\n             (datetime.date(2006, 2, 17), [7535.4, 0.0])])\\n"],["\'odd\'","Ordere'
"dDict([('a', [1, 2.5, 'x', None, [3, 4]]),\\n             ('b', None),\\n             ('c', "
"{'x': 1, 'y': {'w': {'v': [1]}, 'z': 2}}),\\n             ('d', (1, 2)),\\n             (3, "
"'str'),\\n             ('e', AutoOrderedDict()),\\n             ('f', nan),\\n             ('"
'g\', datetime.date(2020, 1, 1)),\\n             (\'h\', 1e-20),\\n             (\'k\', [])])\\n"]]'
'},"ro0_pl1":{"__dict__":"dict","items":[["\'tradeanalyzer\'","AutoOrderedDict([(\'total\',\\n  '
"                AutoOrderedDict([('total', 3), ('open', 1), ('closed', 2)])),\\n           "
"      ('streak',\\n                  AutoOrderedDict([('won',\\n                            "
"        AutoOrderedDict([('current', 2),\\n                                                "
"     ('longest', 2)])),\\n                                   ('lost',\\n                    "
"                AutoOrderedDict([('current', 0),\\n                                        "
"             ('longest', 0)]))])),\\n                 ('pnl',\\n                  AutoOrdere"
"dDict([('gross',\\n                                    AutoOrderedDict([('total',\\n        "
'                                              96.23999999999978),\\n                       '
"                              ('average',\\n                                               "
"       48.11999999999989)])),\\n                                   ('net',\\n               "
"                     AutoOrderedDict([('total',\\n                                         "
"             96.23999999999978),\\n                                                     ('a"
"verage',\\n                                                      48.11999999999989)]))])),\\"
"n                 ('won',\\n                  AutoOrderedDict([('total', 2),\\n             "
"                      ('pnl',\\n                                    AutoOrderedDict([('tota"
"l',\\n                                                      96.23999999999978),\\n          "
"                                           ('average',\\n                                  "
'                    48.11999999999989),\\n                                                 '
"    ('max',\\n                                                      55.039999999999964)]))]"
")),\\n                 ('lost',\\n                  AutoOrderedDict([('total', 0),\\n        "
"                           ('pnl',\\n                                    AutoOrderedDict([("
"'total', 0.0),\\n                                                     ('average', 0.0),\\n  "
"                                                   ('max', 0.0)]))])),\\n                 ("
"'long',\\n                  AutoOrderedDict([('total', 1),\\n                               "
"    ('pnl',\\n                                    AutoOrderedDict([('total',\\n             "
'                                         55.039999999999964),\\n                           '
"                          ('average',\\n                                                   "
"   55.039999999999964),\\n                                                     ('won',\\n   "
"                                                   AutoOrderedDict([('total',\\n           "
'                                                             55.039999999999964),\\n       '
"                                                                ('average',\\n             "
'                                                           55.039999999999964),\\n         '
"                                                              ('max',\\n                   "
'                                                     55.039999999999964)])),\\n            '
"                                         ('lost',\\n                                       "
"               AutoOrderedDict([('total',\\n                                               "
'                         0.0),\\n                                                          '
"             ('average',\\n                                                                "
"        0.0),\\n                                                                       ('ma"
"x',\\n                                                                        0.0)]))])),\\n"
"                                   ('won', 1),\\n                                   ('lost'"
", 0)])),\\n                 ('short',\\n                  AutoOrderedDict([('total', 1),\\n  "
"                                 ('pnl',\\n                                    AutoOrderedD"
"ict([('total',\\n                                                      41.19999999999982),\\"
"n                                                     ('average',\\n                       "
'                               41.19999999999982),\\n                                      '
"               ('won',\\n                                                      AutoOrderedD"
"ict([('total',\\n                                                                        41"
'.19999999999982),\\n                                                                       '
"('average',\\n                                                                        41.19"
"999999999982),\\n                                                                       ('m"
"ax',\\n                                                                        41.199999999"
"99982)])),\\n                                                     ('lost',\\n               "
"                                       AutoOrderedDict([('total',\\n                       "
'                                                 0.0),\\n                                  '
"                                     ('average',\\n                                        "
'                                0.0),\\n                                                   '
"                    ('max',\\n                                                             "
"           0.0)]))])),\\n                                   ('won', 1),\\n                  "
"                 ('lost', 0)])),\\n                 ('len',\\n                  AutoOrderedD"
"ict([('total', 11),\\n                                   ('average', 5.5),\\n               "
"                    ('max', 7),\\n                                   ('min', 4),\\n         "
"                          ('won',\\n                                    AutoOrderedDict([('"
"total', 11),\\n                                                     ('average', 5.5),\\n    "
"                                                 ('max', 7),\\n                            "
"                         ('min', 4)])),\\n                                   ('lost',\\n    "
"                                AutoOrderedDict([('total', 0),\\n                          "
"                           ('average', 0.0),\\n                                            "
"         ('max', 0)])),\\n                                   ('long',\\n                    "
"                AutoOrderedDict([('total', 7),\\n                                          "
"           ('average', 7.0),\\n                                                     ('max',"
" 7),\\n                                                     ('min', 7),\\n                  "
"                                   ('won',\\n                                              "
"        AutoOrderedDict([('total',\\n                                                      "
'                  7),\\n                                                                   '
"    ('average',\\n                                                                        7"
".0),\\n                                                                       ('max',\\n    "
'                                                                    7),\\n                 '
"                                                      ('min',\\n                           "
'                                             7)])),\\n                                     '
"                ('lost',\\n                                                      AutoOrdere"
"dDict([('total',\\n                                                                        "
"0),\\n                                                                       ('average',\\n "
'                                                                       0.0),\\n            '
"                                                           ('max',\\n                      "
'                                                  0),\\n                                   '
"                                    ('min',\\n                                             "
'                           9223372036854775807)]))])),\\n                                  '
" ('short',\\n                                    AutoOrderedDict([('total', 4),\\n          "
"                                           ('average', 4.0),\\n                            "
"                         ('max', 4),\\n                                                    "
" ('min', 4),\\n                                                     ('won',\\n              "
"                                        AutoOrderedDict([('total',\\n                      "
'                                                  4),\\n                                   '
"                                    ('average',\\n                                         "
'                               4.0),\\n                                                    '
"                   ('max',\\n                                                              "
"          4),\\n                                                                       ('mi"
"n',\\n                                                                        4)])),\\n     "
"                                                ('lost',\\n                                "
"                      AutoOrderedDict([('total',\\n                                        "
'                                0),\\n                                                     '
"                  ('average',\\n                                                           "
'             0.0),\\n                                                                      '
" ('max',\\n                                                                        0),\\n   "
"                                                                    ('min',\\n             "
'                                                           9223372036854775807)]))]))]))])'
'\\n"],["\'drawdown\'","AutoOrderedDict([(\'len\', 0),\\n                 (\'drawdown\', 0.0),\\n   '
"              ('moneydown', 0.0),\\n                 ('max',\\n                  AutoOrdered"
"Dict([('len', 8),\\n                                   ('drawdown', 1.198069776471232),\\n  "
'                                 (\'moneydown\', 120.95999999999913)]))])\\n"],["\'transaction'
's\'","OrderedDict([(datetime.datetime(2006, 1, 4, 23, 59, 59, 999989),\\n              [[1, '
"3615.23, 0, '2006-day-001', -3615.23]]),\\n             (datetime.datetime(2006, 1, 9, 23, "
"59, 59, 999989),\\n              [[-1, 3650.54, 1, '2006-day-002', 3650.54]]),\\n           "
"  (datetime.datetime(2006, 1, 13, 23, 59, 59, 999989),\\n              [[-1, 3670.27, 0, '2"
"006-day-001', 3670.27]]),\\n             (datetime.datetime(2006, 1, 19, 23, 59, 59, 999989"
"),\\n              [[1, 3609.34, 1, '2006-day-002', -3609.34]]),\\n             (datetime.da"
"tetime(2006, 1, 20, 23, 59, 59, 999989),\\n              [[2, 3593.16, 0, '2006-day-001', -"
'7186.32]])])\\n"],["\'sqn\'","AutoOrderedDict([(\'sqn\', 9.834097777657872), (\'trades\', 2)])\\n"'
'],["\'timereturn\'","OrderedDict([(datetime.datetime(2006, 1, 2, 0, 0), 0.0),\\n             '
'(datetime.datetime(2006, 1, 3, 0, 0), 0.0),\\n             (datetime.datetime(2006, 1, 4, 0'
', 0), 0.003722999999999921),\\n             (datetime.datetime(2006, 1, 5, 0, 0), -0.000221'
'1765596682458),\\n             (datetime.datetime(2006, 1, 6, 0, 0), 0.001669156283850226),'
'\\n             (datetime.datetime(2006, 1, 9, 0, 0), -0.0016365293242177614),\\n           '
'  (datetime.datetime(2006, 1, 10, 0, 0), -0.0026745561422616415),\\n             (datetime.'
'datetime(2006, 1, 11, 0, 0), 0.002681728575896214),\\n             (datetime.datetime(2006,'
' 1, 12, 0, 0), 0.0001584405464305494),\\n             (datetime.datetime(2006, 1, 13, 0, 0)'
', 0.00392850382090093),\\n             (datetime.datetime(2006, 1, 16, 0, 0), 0.0),\\n      '
'       (datetime.datetime(2006, 1, 17, 0, 0), 0.0019034708073277784),\\n             (datet'
'ime.datetime(2006, 1, 18, 0, 0), 0.0),\\n             (datetime.datetime(2006, 1, 19, 0, 0)'
', 7.230937317670438e-05),\\n             (datetime.datetime(2006, 1, 20, 0, 0), -0.00839124'
'2680443334),\\n             (datetime.datetime(2006, 1, 23, 0, 0), -0.0012965064245989977),'
'\\n             (datetime.datetime(2006, 1, 24, 0, 0), -0.002326339645588149),\\n           '
'  (datetime.datetime(2006, 1, 25, 0, 0), 0.009086461733404994),\\n             (datetime.da'
'tetime(2006, 1, 26, 0, 0), 0.012600934638860695),\\n             (datetime.datetime(2006, 1'
', 27, 0, 0), 0.008645352191163136),\\n             (datetime.datetime(2006, 1, 30, 0, 0), -'
'0.0015485055753980959),\\n             (datetime.datetime(2006, 1, 31, 0, 0), 0.00270629403'
'329381),\\n             (datetime.datetime(2006, 2, 1, 0, 0), 0.007158443718582319),\\n     '
'        (datetime.datetime(2006, 2, 2, 0, 0), -0.009878048545206464),\\n             (datet'
'ime.datetime(2006, 2, 3, 0, 0), 0.00027864326063276046),\\n             (datetime.datetime('
'2006, 2, 6, 0, 0), 0.0007480364044383236),\\n             (datetime.datetime(2006, 2, 7, 0,'
' 0), -0.00029587641709216683),\\n             (datetime.datetime(2006, 2, 8, 0, 0), -0.0018'
'361449911989958),\\n             (datetime.datetime(2006, 2, 9, 0, 0), 0.010814754414951722'
'),\\n             (datetime.datetime(2006, 2, 10, 0, 0), -0.0060172489323144784),\\n        '
'     (datetime.datetime(2006, 2, 13, 0, 0), 0.006179874538644992),\\n             (datetime'
'.datetime(2006, 2, 14, 0, 0), 0.001354579520764343),\\n             (datetime.datetime(2006'
', 2, 15, 0, 0), -0.0009037584016772238),\\n             (datetime.datetime(2006, 2, 16, 0, '
'0), 0.005145860456145401),\\n             (datetime.datetime(2006, 2, 17, 0, 0), 0.00215487'
'87952636594)])\\n"],["\'sharperatio\'","OrderedDict([(\'sharperatio\', None)])\\n"],["\'positions'
'value\'","OrderedDict([(datetime.date(2006, 1, 2), [0.0, 0.0]),\\n             (datetime.dat'
'e(2006, 1, 3), [0.0, 0.0]),\\n             (datetime.date(2006, 1, 4), [3652.46, 0.0]),\\n  '
'           (datetime.date(2006, 1, 5), [3650.24, 0.0]),\\n             (datetime.date(2006,'
' 1, 6), [3666.99, 0.0]),\\n             (datetime.date(2006, 1, 9), [3671.78, -3671.78]),\\n'
'             (datetime.date(2006, 1, 10), [3644.94, -3671.78]),\\n             (datetime.da'
'te(2006, 1, 11), [3668.61, -3668.61]),\\n             (datetime.date(2006, 1, 12), [3670.2,'
' -3668.61]),\\n             (datetime.date(2006, 1, 13), [0.0, -3629.25]),\\n             (d'
'atetime.date(2006, 1, 16), [0.0, -3629.25]),\\n             (datetime.date(2006, 1, 17), [0'
'.0, -3610.07]),\\n             (datetime.date(2006, 1, 18), [0.0, -3610.07]),\\n            '
' (datetime.date(2006, 1, 19), [0.0, 0.0]),\\n             (datetime.date(2006, 1, 20), [710'
'1.6, 0.0]),\\n             (datetime.date(2006, 1, 23), [7088.62, 0.0]),\\n             (dat'
'etime.date(2006, 1, 24), [7065.36, 0.0]),\\n             (datetime.date(2006, 1, 25), [7156'
'.0, 0.0]),\\n             (datetime.date(2006, 1, 26), [7282.84, 0.0]),\\n             (date'
'time.date(2006, 1, 27), [7370.96, 0.0]),\\n             (datetime.date(2006, 1, 30), [7355.'
'04, 0.0]),\\n             (datetime.date(2006, 1, 31), [7382.82, 0.0]),\\n             (date'
'time.date(2006, 2, 1), [7456.5, 0.0]),\\n             (datetime.date(2006, 2, 2), [7354.1, '
'0.0]),\\n             (datetime.date(2006, 2, 3), [7356.96, 0.0]),\\n             (datetime.'
'date(2006, 2, 6), [7364.64, 0.0]),\\n             (datetime.date(2006, 2, 7), [7361.6, 0.0]'
'),\\n             (datetime.date(2006, 2, 8), [7342.74, 0.0]),\\n             (datetime.date'
'(2006, 2, 9), [7453.62, 0.0]),\\n             (datetime.date(2006, 2, 10), [7391.26, 0.0]),'
'\\n             (datetime.date(2006, 2, 13), [7454.92, 0.0]),\\n             (datetime.date('
'2006, 2, 14), [7468.96, 0.0]),\\n             (datetime.date(2006, 2, 15), [7459.58, 0.0]),'
'\\n             (datetime.date(2006, 2, 16), [7512.94, 0.0]),\\n             (datetime.date('
'2006, 2, 17), [7535.4, 0.0])])\\n"],["\'odd\'","OrderedDict([(\'a\', [1, 2.5, \'x\', None, [3, 4]'
"]),\\n             ('b', None),\\n             ('c', {'x': 1, 'y': {'w': {'v': [1]}, 'z': 2}"
"}),\\n             ('d', (1, 2)),\\n             (3, 'str'),\\n             ('e', AutoOrdered"
"Dict()),\\n             ('f', nan),\\n             ('g', datetime.date(2020, 1, 1)),\\n      "
'       (\'h\', 1e-20),\\n             (\'k\', [])])\\n"]]},"ro0_pl0":{"__dict__":"dict","items":'
'[["\'tradeanalyzer\'","AutoOrderedDict([(\'total\',\\n                  AutoOrderedDict([(\'tota'
"l', 3), ('open', 1), ('closed', 2)])),\\n                 ('streak',\\n                  Aut"
"oOrderedDict([('won',\\n                                    AutoOrderedDict([('current', 2)"
",\\n                                                     ('longest', 2)])),\\n              "
"                     ('lost',\\n                                    AutoOrderedDict([('curr"
"ent', 0),\\n                                                     ('longest', 0)]))])),\\n   "
"              ('pnl',\\n                  AutoOrderedDict([('gross',\\n                     "
"               AutoOrderedDict([('total',\\n                                               "
"       96.23999999999978),\\n                                                     ('average"
"',\\n                                                      48.11999999999989)])),\\n        "
"                           ('net',\\n                                    AutoOrderedDict([("
"'total',\\n                                                      96.23999999999978),\\n     "
"                                                ('average',\\n                             "
"                         48.11999999999989)]))])),\\n                 ('won',\\n            "
"      AutoOrderedDict([('total', 2),\\n                                   ('pnl',\\n        "
"                            AutoOrderedDict([('total',\\n                                  "
'                    96.23999999999978),\\n                                                 '
"    ('average',\\n                                                      48.11999999999989),"
"\\n                                                     ('max',\\n                          "
"                            55.039999999999964)]))])),\\n                 ('lost',\\n       "
"           AutoOrderedDict([('total', 0),\\n                                   ('pnl',\\n   "
"                                 AutoOrderedDict([('total', 0.0),\\n                       "
"                              ('average', 0.0),\\n                                         "
"            ('max', 0.0)]))])),\\n                 ('long',\\n                  AutoOrderedD"
"ict([('total', 1),\\n                                   ('pnl',\\n                          "
"          AutoOrderedDict([('total',\\n                                                    "
"  55.039999999999964),\\n                                                     ('average',\\n"
'                                                      55.039999999999964),\\n              '
"                                       ('won',\\n                                          "
"            AutoOrderedDict([('total',\\n                                                  "
'                      55.039999999999964),\\n                                              '
"                         ('average',\\n                                                    "
'                    55.039999999999964),\\n                                                '
"                       ('max',\\n                                                          "
'              55.039999999999964)])),\\n                                                   '
"  ('lost',\\n                                                      AutoOrderedDict([('total"
"',\\n                                                                        0.0),\\n       "
"                                                                ('average',\\n             "
'                                                           0.0),\\n                        '
"                                               ('max',\\n                                  "
"                                      0.0)]))])),\\n                                   ('wo"
"n', 1),\\n                                   ('lost', 0)])),\\n                 ('short',\\n "
"                 AutoOrderedDict([('total', 1),\\n                                   ('pnl'"
",\\n                                    AutoOrderedDict([('total',\\n                       "
'                               41.19999999999982),\\n                                      '
"               ('average',\\n                                                      41.19999"
"999999982),\\n                                                     ('won',\\n               "
"                                       AutoOrderedDict([('total',\\n                       "
'                                                 41.19999999999982),\\n                    '
"                                                   ('average',\\n                          "
'                                              41.19999999999982),\\n                       '
"                                                ('max',\\n                                 "
'                                       41.19999999999982)])),\\n                           '
"                          ('lost',\\n                                                      "
"AutoOrderedDict([('total',\\n                                                              "
"          0.0),\\n                                                                       ('"
"average',\\n                                                                        0.0),\\n"
"                                                                       ('max',\\n          "
'                                                              0.0)]))])),\\n               '
"                    ('won', 1),\\n                                   ('lost', 0)])),\\n     "
"            ('len',\\n                  AutoOrderedDict([('total', 11),\\n                  "
"                 ('average', 5.5),\\n                                   ('max', 7),\\n      "
"                             ('min', 4),\\n                                   ('won',\\n    "
"                                AutoOrderedDict([('total', 11),\\n                         "
"                            ('average', 5.5),\\n                                           "
"          ('max', 7),\\n                                                     ('min', 4)])),"
"\\n                                   ('lost',\\n                                    AutoOrd"
"eredDict([('total', 0),\\n                                                     ('average', "
"0.0),\\n                                                     ('max', 0)])),\\n              "
"                     ('long',\\n                                    AutoOrderedDict([('tota"
"l', 7),\\n                                                     ('average', 7.0),\\n         "
"                                            ('max', 7),\\n                                 "
"                    ('min', 7),\\n                                                     ('wo"
"n',\\n                                                      AutoOrderedDict([('total',\\n   "
'                                                                     7),\\n                '
"                                                       ('average',\\n                      "
'                                                  7.0),\\n                                 '
"                                      ('max',\\n                                           "
'                             7),\\n                                                        '
"               ('min',\\n                                                                  "
"      7)])),\\n                                                     ('lost',\\n             "
"                                         AutoOrderedDict([('total',\\n                     "
'                                                   0),\\n                                  '
"                                     ('average',\\n                                        "
'                                0.0),\\n                                                   '
"                    ('max',\\n                                                             "
"           0),\\n                                                                       ('m"
"in',\\n                                                                        922337203685"
"4775807)]))])),\\n                                   ('short',\\n                           "
"         AutoOrderedDict([('total', 4),\\n                                                 "
"    ('average', 4.0),\\n                                                     ('max', 4),\\n "
"                                                    ('min', 4),\\n                         "
"                            ('won',\\n                                                     "
" AutoOrderedDict([('total',\\n                                                             "
"           4),\\n                                                                       ('a"
"verage',\\n                                                                        4.0),\\n "
"                                                                      ('max',\\n           "
'                                                             4),\\n                        '
"                                               ('min',\\n                                  "
'                                      4)])),\\n                                            '
"         ('lost',\\n                                                      AutoOrderedDict(["
"('total',\\n                                                                        0),\\n  "
"                                                                     ('average',\\n        "
'                                                                0.0),\\n                   '
"                                                    ('max',\\n                             "
'                                           0),\\n                                          '
"                             ('min',\\n                                                    "
'                    9223372036854775807)]))]))]))])\\n"],["\'drawdown\'","AutoOrderedDict([(\''
"len', 0),\\n                 ('drawdown', 0.0),\\n                 ('moneydown', 0.0),\\n    "
"             ('max',\\n                  AutoOrderedDict([('len', 8),\\n                    "
"               ('drawdown', 1.198069776471232),\\n                                   ('mone"
'ydown\', 120.95999999999913)]))])\\n"],["\'transactions\'","OrderedDict([(datetime.datetime(20'
"06, 1, 4, 23, 59, 59, 999989),\\n              [[1, 3615.23, 0, '2006-day-001', -3615.23]])"
',\\n             (datetime.datetime(2006, 1, 9, 23, 59, 59, 999989),\\n              [[-1, 3'
"650.54, 1, '2006-day-002', 3650.54]]),\\n             (datetime.datetime(2006, 1, 13, 23, 5"
"9, 59, 999989),\\n              [[-1, 3670.27, 0, '2006-day-001', 3670.27]]),\\n            "
" (datetime.datetime(2006, 1, 19, 23, 59, 59, 999989),\\n              [[1, 3609.34, 1, '200"
"6-day-002', -3609.34]]),\\n             (datetime.datetime(2006, 1, 20, 23, 59, 59, 999989)"
',\\n              [[2, 3593.16, 0, \'2006-day-001\', -7186.32]])])\\n"],["\'sqn\'","AutoOrderedD'
'ict([(\'sqn\', 9.834097777657872), (\'trades\', 2)])\\n"],["\'timereturn\'","OrderedDict([(dateti'
'me.datetime(2006, 1, 2, 0, 0), 0.0),\\n             (datetime.datetime(2006, 1, 3, 0, 0), 0'
'.0),\\n             (datetime.datetime(2006, 1, 4, 0, 0), 0.003722999999999921),\\n         '
'    (datetime.datetime(2006, 1, 5, 0, 0), -0.0002211765596682458),\\n             (datetime'
'.datetime(2006, 1, 6, 0, 0), 0.001669156283850226),\\n             (datetime.datetime(2006,'
' 1, 9, 0, 0), -0.0016365293242177614),\\n             (datetime.datetime(2006, 1, 10, 0, 0)'
', -0.0026745561422616415),\\n             (datetime.datetime(2006, 1, 11, 0, 0), 0.00268172'
'8575896214),\\n             (datetime.datetime(2006, 1, 12, 0, 0), 0.0001584405464305494),\\'
'n             (datetime.datetime(2006, 1, 13, 0, 0), 0.00392850382090093),\\n             ('
'datetime.datetime(2006, 1, 16, 0, 0), 0.0),\\n             (datetime.datetime(2006, 1, 17, '
'0, 0), 0.0019034708073277784),\\n             (datetime.datetime(2006, 1, 18, 0, 0), 0.0),\\'
'n             (datetime.datetime(2006, 1, 19, 0, 0), 7.230937317670438e-05),\\n            '
' (datetime.datetime(2006, 1, 20, 0, 0), -0.008391242680443334),\\n             (datetime.da'
'tetime(2006, 1, 23, 0, 0), -0.0012965064245989977),\\n             (datetime.datetime(2006,'
' 1, 24, 0, 0), -0.002326339645588149),\\n             (datetime.datetime(2006, 1, 25, 0, 0)'
', 0.009086461733404994),\\n             (datetime.datetime(2006, 1, 26, 0, 0), 0.0126009346'
'38860695),\\n             (datetime.datetime(2006, 1, 27, 0, 0), 0.008645352191163136),\\n  '
'           (datetime.datetime(2006, 1, 30, 0, 0), -0.0015485055753980959),\\n             ('
'datetime.datetime(2006, 1, 31, 0, 0), 0.00270629403329381),\\n             (datetime.dateti'
'me(2006, 2, 1, 0, 0), 0.007158443718582319),\\n             (datetime.datetime(2006, 2, 2, '
'0, 0), -0.009878048545206464),\\n             (datetime.datetime(2006, 2, 3, 0, 0), 0.00027'
'864326063276046),\\n             (datetime.datetime(2006, 2, 6, 0, 0), 0.000748036404438323'
'6),\\n             (datetime.datetime(2006, 2, 7, 0, 0), -0.00029587641709216683),\\n       '
'      (datetime.datetime(2006, 2, 8, 0, 0), -0.0018361449911989958),\\n             (dateti'
'me.datetime(2006, 2, 9, 0, 0), 0.010814754414951722),\\n             (datetime.datetime(200'
'6, 2, 10, 0, 0), -0.0060172489323144784),\\n             (datetime.datetime(2006, 2, 13, 0,'
' 0), 0.006179874538644992),\\n             (datetime.datetime(2006, 2, 14, 0, 0), 0.0013545'
'79520764343),\\n             (datetime.datetime(2006, 2, 15, 0, 0), -0.0009037584016772238)'
',\\n             (datetime.datetime(2006, 2, 16, 0, 0), 0.005145860456145401),\\n           '
'  (datetime.datetime(2006, 2, 17, 0, 0), 0.0021548787952636594)])\\n"],["\'sharperatio\'","Or'
'deredDict([(\'sharperatio\', None)])\\n"],["\'positionsvalue\'","OrderedDict([(datetime.date(20'
'06, 1, 2), [0.0, 0.0]),\\n             (datetime.date(2006, 1, 3), [0.0, 0.0]),\\n          '
'   (datetime.date(2006, 1, 4), [3652.46, 0.0]),\\n             (datetime.date(2006, 1, 5), '
'[3650.24, 0.0]),\\n             (datetime.date(2006, 1, 6), [3666.99, 0.0]),\\n             '
'(datetime.date(2006, 1, 9), [3671.78, -3671.78]),\\n             (datetime.date(2006, 1, 10'
'), [3644.94, -3671.78]),\\n             (datetime.date(2006, 1, 11), [3668.61, -3668.61]),\\'
'n             (datetime.date(2006, 1, 12), [3670.2, -3668.61]),\\n             (datetime.da'
'te(2006, 1, 13), [0.0, -3629.25]),\\n             (datetime.date(2006, 1, 16), [0.0, -3629.'
'25]),\\n             (datetime.date(2006, 1, 17), [0.0, -3610.07]),\\n             (datetime'
'.date(2006, 1, 18), [0.0, -3610.07]),\\n             (datetime.date(2006, 1, 19), [0.0, 0.0'
']),\\n             (datetime.date(2006, 1, 20), [7101.6, 0.0]),\\n             (datetime.dat'
'e(2006, 1, 23), [7088.62, 0.0]),\\n             (datetime.date(2006, 1, 24), [7065.36, 0.0]'
'),\\n             (datetime.date(2006, 1, 25), [7156.0, 0.0]),\\n             (datetime.date'
'(2006, 1, 26), [7282.84, 0.0]),\\n             (datetime.date(2006, 1, 27), [7370.96, 0.0])'
',\\n             (datetime.date(2006, 1, 30), [7355.04, 0.0]),\\n             (datetime.date'
'(2006, 1, 31), [7382.82, 0.0]),\\n             (datetime.date(2006, 2, 1), [7456.5, 0.0]),\\'
'n             (datetime.date(2006, 2, 2), [7354.1, 0.0]),\\n             (datetime.date(200'
'6, 2, 3), [7356.96, 0.0]),\\n             (datetime.date(2006, 2, 6), [7364.64, 0.0]),\\n   '
'          (datetime.date(2006, 2, 7), [7361.6, 0.0]),\\n             (datetime.date(2006, 2'
', 8), [7342.74, 0.0]),\\n             (datetime.date(2006, 2, 9), [7453.62, 0.0]),\\n       '
'      (datetime.date(2006, 2, 10), [7391.26, 0.0]),\\n             (datetime.date(2006, 2, '
'13), [7454.92, 0.0]),\\n             (datetime.date(2006, 2, 14), [7468.96, 0.0]),\\n       '
'      (datetime.date(2006, 2, 15), [7459.58, 0.0]),\\n             (datetime.date(2006, 2, '
'16), [7512.94, 0.0]),\\n             (datetime.date(2006, 2, 17), [7535.4, 0.0])])\\n"],["\'o'
'dd\'","OrderedDict([(\'a\', [1, 2.5, \'x\', None, [3, 4]]),\\n             (\'b\', None),\\n       '
"      ('c', {'x': 1, 'y': {'w': {'v': [1]}, 'z': 2}}),\\n             ('d', (1, 2)),\\n     "
"        (3, 'str'),\\n             ('e', AutoOrderedDict()),\\n             ('f', nan),\\n   "
"          ('g', datetime.date(2020, 1, 1)),\\n             ('h', 1e-20),\\n             ('k'"
', [])])\\n"]]}},"print_output":{"ro1_pl1":{"__dict__":"dict","items":[["\'tradeanalyzer\'","='
'==============================================================================\\nTradeAnaly'
'zer:\\n  -----------------------------------------------------------------------------\\n  -'
' total:\\n    - total: 3\\n    - open: 1\\n    - closed: 2\\n  -------------------------------'
'----------------------------------------------\\n  - streak:\\n    +++++++++++++++++++++++++'
'++++++++++++++++++++++++++++++++++++++++++++++++++\\n    - won:\\n      - current: 2\\n      '
'- longest: 2\\n    ++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++'
'+++\\n    - lost:\\n      - current: 0\\n      - longest: 0\\n  ------------------------------'
'-----------------------------------------------\\n  - pnl:\\n    +++++++++++++++++++++++++++'
'++++++++++++++++++++++++++++++++++++++++++++++++\\n    - gross:\\n      - total: 96.23999999'
'999978\\n      - average: 48.11999999999989\\n    ++++++++++++++++++++++++++++++++++++++++++'
'+++++++++++++++++++++++++++++++++\\n    - net:\\n      - total: 96.23999999999978\\n      - a'
'verage: 48.11999999999989\\n  -------------------------------------------------------------'
'----------------\\n  - won:\\n    - total: 2\\n    ++++++++++++++++++++++++++++++++++++++++++'
'+++++++++++++++++++++++++++++++++\\n    - pnl:\\n      - total: 96.23999999999978\\n      - a'
'verage: 48.11999999999989\\n      - max: 55.039999999999964\\n  ----------------------------'
'-------------------------------------------------\\n  - lost:\\n    - total: 0\\n    ++++++++'
'+++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++\\n    - pnl:\\n      - t'
'otal: 0.0\\n      - average: 0.0\\n      - max: 0.0\\n  -------------------------------------'
'----------------------------------------\\n  - long:\\n    - total: 1\\n    +++++++++++++++++'
'++++++++++++++++++++++++++++++++++++++++++++++++++++++++++\\n    - pnl:\\n      - total: 55.'
'039999999999964\\n      - average: 55.039999999999964\\n      ******************************'
'*******************************************\\n      - won:\\n        - total: 55.03999999999'
'9964\\n        - average: 55.039999999999964\\n        - max: 55.039999999999964\\n      ****'
'*********************************************************************\\n      - lost:\\n    '
'    - total: 0.0\\n        - average: 0.0\\n        - max: 0.0\\n    - won: 1\\n    - lost: 0\\'
'n  -----------------------------------------------------------------------------\\n  - shor'
't:\\n    - total: 1\\n    ++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++'
'+++++++++\\n    - pnl:\\n      - total: 41.19999999999982\\n      - average: 41.1999999999998'
'2\\n      *************************************************************************\\n      '
'- won:\\n        - total: 41.19999999999982\\n        - average: 41.19999999999982\\n        '
'- max: 41.19999999999982\\n      **********************************************************'
'***************\\n      - lost:\\n        - total: 0.0\\n        - average: 0.0\\n        - ma'
'x: 0.0\\n    - won: 1\\n    - lost: 0\\n  ---------------------------------------------------'
'--------------------------\\n  - len:\\n    - total: 11\\n    - average: 5.5\\n    - max: 7\\n '
'   - min: 4\\n    +++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++'
'++\\n    - won:\\n      - total: 11\\n      - average: 5.5\\n      - max: 7\\n      - min: 4\\n '
'   +++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++\\n    - lost'
':\\n      - total: 0\\n      - average: 0.0\\n      - max: 0\\n    +++++++++++++++++++++++++++'
'++++++++++++++++++++++++++++++++++++++++++++++++\\n    - long:\\n      - total: 7\\n      - a'
'verage: 7.0\\n      - max: 7\\n      - min: 7\\n      ***************************************'
'**********************************\\n      - won:\\n        - total: 7\\n        - average: 7'
'.0\\n        - max: 7\\n        - min: 7\\n      ********************************************'
'*****************************\\n      - lost:\\n        - total: 0\\n        - average: 0.0\\n'
'        - max: 0\\n        - min: 9223372036854775807\\n    ++++++++++++++++++++++++++++++++'
'+++++++++++++++++++++++++++++++++++++++++++\\n    - short:\\n      - total: 4\\n      - avera'
'ge: 4.0\\n      - max: 4\\n      - min: 4\\n      *******************************************'
'******************************\\n      - won:\\n        - total: 4\\n        - average: 4.0\\n'
'        - max: 4\\n        - min: 4\\n      ************************************************'
'*************************\\n      - lost:\\n        - total: 0\\n        - average: 0.0\\n    '
'    - max: 0\\n        - min: 9223372036854775807\\n"],["\'drawdown\'","======================'
'=========================================================\\nDrawDown:\\n  - len: 0\\n  - draw'
'down: 0.0\\n  - moneydown: 0.0\\n  ---------------------------------------------------------'
'--------------------\\n  - max:\\n    - len: 8\\n    - drawdown: 1.198069776471232\\n    - mon'
'eydown: 120.95999999999913\\n"],["\'transactions\'","========================================'
'=======================================\\nTransactions:\\n  - 2006-01-04 23:59:59.999989: [1'
", 3615.23, 0, '2006-day-001', -3615.23]\\n  - 2006-01-09 23:59:59.999989: [-1, 3650.54, 1, "
"'2006-day-002', 3650.54]\\n  - 2006-01-13 23:59:59.999989: [-1, 3670.27, 0, '2006-day-001',"
" 3670.27]\\n  - 2006-01-19 23:59:59.999989: [1, 3609.34, 1, '2006-day-002', -3609.34]\\n  - "
'2006-01-20 23:59:59.999989: [2, 3593.16, 0, \'2006-day-001\', -7186.32]\\n"],["\'sqn\'","======'
'=========================================================================\\nSQN:\\n  - sqn: '
'9.834097777657872\\n  - trades: 2\\n"],["\'timereturn\'","===================================='
'===========================================\\nTimeReturn:\\n  - 2006-01-02 00:00:00: 0.0\\n  '
'- 2006-01-03 00:00:00: 0.0\\n  - 2006-01-04 00:00:00: 0.003722999999999921\\n  - 2006-01-05 '
'00:00:00: -0.0002211765596682458\\n  - 2006-01-06 00:00:00: 0.001669156283850226\\n  - 2006-'
'01-09 00:00:00: -0.0016365293242177614\\n  - 2006-01-10 00:00:00: -0.0026745561422616415\\n '
' - 2006-01-11 00:00:00: 0.002681728575896214\\n  - 2006-01-12 00:00:00: 0.00015844054643054'
'94\\n  - 2006-01-13 00:00:00: 0.00392850382090093\\n  - 2006-01-16 00:00:00: 0.0\\n  - 2006-0'
'1-17 00:00:00: 0.0019034708073277784\\n  - 2006-01-18 00:00:00: 0.0\\n  - 2006-01-19 00:00:0'
'0: 7.230937317670438e-05\\n  - 2006-01-20 00:00:00: -0.008391242680443334\\n  - 2006-01-23 0'
'0:00:00: -0.0012965064245989977\\n  - 2006-01-24 00:00:00: -0.002326339645588149\\n  - 2006-'
'01-25 00:00:00: 0.009086461733404994\\n  - 2006-01-26 00:00:00: 0.012600934638860695\\n  - 2'
'006-01-27 00:00:00: 0.008645352191163136\\n  - 2006-01-30 00:00:00: -0.0015485055753980959\\'
'n  - 2006-01-31 00:00:00: 0.00270629403329381\\n  - 2006-02-01 00:00:00: 0.0071584437185823'
'19\\n  - 2006-02-02 00:00:00: -0.009878048545206464\\n  - 2006-02-03 00:00:00: 0.00027864326'
'063276046\\n  - 2006-02-06 00:00:00: 0.0007480364044383236\\n  - 2006-02-07 00:00:00: -0.000'
'29587641709216683\\n  - 2006-02-08 00:00:00: -0.0018361449911989958\\n  - 2006-02-09 00:00:0'
'0: 0.010814754414951722\\n  - 2006-02-10 00:00:00: -0.0060172489323144784\\n  - 2006-02-13 0'
'0:00:00: 0.006179874538644992\\n  - 2006-02-14 00:00:00: 0.001354579520764343\\n  - 2006-02-'
'15 00:00:00: -0.0009037584016772238\\n  - 2006-02-16 00:00:00: 0.005145860456145401\\n  - 20'
'06-02-17 00:00:00: 0.0021548787952636594\\n"],["\'sharperatio\'","==========================='
'====================================================\\nSharpeRatio:\\n  - sharperatio: None\\'
'n"],["\'positionsvalue\'","================================================================='
'==============\\nPositionsValue:\\n  - 2006-01-02: 0.0, 0.0\\n  - 2006-01-03: 0.0, 0.0\\n  - 2'
'006-01-04: 3652.46, 0.0\\n  - 2006-01-05: 3650.24, 0.0\\n  - 2006-01-06: 3666.99, 0.0\\n  - 2'
'006-01-09: 3671.78, -3671.78\\n  - 2006-01-10: 3644.94, -3671.78\\n  - 2006-01-11: 3668.61, '
'-3668.61\\n  - 2006-01-12: 3670.2, -3668.61\\n  - 2006-01-13: 0.0, -3629.25\\n  - 2006-01-16:'
' 0.0, -3629.25\\n  - 2006-01-17: 0.0, -3610.07\\n  - 2006-01-18: 0.0, -3610.07\\n  - 2006-01-'
'19: 0.0, 0.0\\n  - 2006-01-20: 7101.6, 0.0\\n  - 2006-01-23: 7088.62, 0.0\\n  - 2006-01-24: 7'
'065.36, 0.0\\n  - 2006-01-25: 7156.0, 0.0\\n  - 2006-01-26: 7282.84, 0.0\\n  - 2006-01-27: 73'
'70.96, 0.0\\n  - 2006-01-30: 7355.04, 0.0\\n  - 2006-01-31: 7382.82, 0.0\\n  - 2006-02-01: 74'
'56.5, 0.0\\n  - 2006-02-02: 7354.1, 0.0\\n  - 2006-02-03: 7356.96, 0.0\\n  - 2006-02-06: 7364'
'.64, 0.0\\n  - 2006-02-07: 7361.6, 0.0\\n  - 2006-02-08: 7342.74, 0.0\\n  - 2006-02-09: 7453.'
'62, 0.0\\n  - 2006-02-10: 7391.26, 0.0\\n  - 2006-02-13: 7454.92, 0.0\\n  - 2006-02-14: 7468.'
'96, 0.0\\n  - 2006-02-15: 7459.58, 0.0\\n  - 2006-02-16: 7512.94, 0.0\\n  - 2006-02-17: 7535.'
'4, 0.0\\n"],["\'odd\'","====================================================================='
'==========\\nOdd:\\n  - a: 1, 2.5, x, None, [3, 4]\\n  - b: None\\n  -------------------------'
'----------------------------------------------------\\n  - c:\\n    - x: 1\\n    ++++++++++++'
'+++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++\\n    - y:\\n      - z: 2\\n '
'     *************************************************************************\\n      - w:'
'\\n        - v: 1\\n  - d: 1, 2\\n  - 3: str\\n  ---------------------------------------------'
'--------------------------------\\n  - e:\\n  - f: nan\\n  - g: 2020-01-01\\n  - h: 1e-20\\n  -'
' k: \\n"]]},"ro0_pl1":{"__dict__":"dict","items":[["\'tradeanalyzer\'","====================='
'==========================================================\\nTradeAnalyzer:\\n  ------------'
'-----------------------------------------------------------------\\n  - total:\\n    - total'
': 3\\n    - open: 1\\n    - closed: 2\\n  ---------------------------------------------------'
'--------------------------\\n  - streak:\\n    +++++++++++++++++++++++++++++++++++++++++++++'
'++++++++++++++++++++++++++++++\\n    - won:\\n      - current: 2\\n      - longest: 2\\n    ++'
'+++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++\\n    - lost:\\n  '
'    - current: 0\\n      - longest: 0\\n  --------------------------------------------------'
'---------------------------\\n  - pnl:\\n    +++++++++++++++++++++++++++++++++++++++++++++++'
'++++++++++++++++++++++++++++\\n    - gross:\\n      - total: 96.23999999999978\\n      - aver'
'age: 48.11999999999989\\n    ++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++'
'+++++++++++++\\n    - net:\\n      - total: 96.23999999999978\\n      - average: 48.119999999'
'99989\\n  -----------------------------------------------------------------------------\\n  '
'- won:\\n    - total: 2\\n    ++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++'
'+++++++++++++\\n    - pnl:\\n      - total: 96.23999999999978\\n      - average: 48.119999999'
'99989\\n      - max: 55.039999999999964\\n  ------------------------------------------------'
'-----------------------------\\n  - lost:\\n    - total: 0\\n    ++++++++++++++++++++++++++++'
'+++++++++++++++++++++++++++++++++++++++++++++++\\n    - pnl:\\n      - total: 0.0\\n      - a'
'verage: 0.0\\n      - max: 0.0\\n  ---------------------------------------------------------'
'--------------------\\n  - long:\\n    - total: 1\\n    +++++++++++++++++++++++++++++++++++++'
'++++++++++++++++++++++++++++++++++++++\\n    - pnl:\\n      - total: 55.039999999999964\\n   '
'   - average: 55.039999999999964\\n      **************************************************'
'***********************\\n      - won:\\n        - total: 55.039999999999964\\n        - aver'
'age: 55.039999999999964\\n        - max: 55.039999999999964\\n      ************************'
'*************************************************\\n      - lost:\\n        - total: 0.0\\n  '
'      - average: 0.0\\n        - max: 0.0\\n    - won: 1\\n    - lost: 0\\n  -----------------'
'------------------------------------------------------------\\n  - short:\\n    - total: 1\\n'
'    +++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++\\n    - pnl'
':\\n      - total: 41.19999999999982\\n      - average: 41.19999999999982\\n      ***********'
'**************************************************************\\n      - won:\\n        - to'
'tal: 41.19999999999982\\n        - average: 41.19999999999982\\n        - max: 41.1999999999'
'9982\\n      *************************************************************************\\n   '
'   - lost:\\n        - total: 0.0\\n        - average: 0.0\\n        - max: 0.0\\n    - won: 1'
'\\n    - lost: 0\\n  -----------------------------------------------------------------------'
'------\\n  - len:\\n    - total: 11\\n    - average: 5.5\\n    - max: 7\\n    - min: 4\\n    +++'
'++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++\\n    - won:\\n    '
'  - total: 11\\n      - average: 5.5\\n      - max: 7\\n      - min: 4\\n    +++++++++++++++++'
'++++++++++++++++++++++++++++++++++++++++++++++++++++++++++\\n    - lost:\\n      - total: 0\\'
'n      - average: 0.0\\n      - max: 0\\n    +++++++++++++++++++++++++++++++++++++++++++++++'
'++++++++++++++++++++++++++++\\n    - long:\\n      - total: 7\\n      - average: 7.0\\n      -'
' max: 7\\n      - min: 7\\n      ***********************************************************'
'**************\\n      - won:\\n        - total: 7\\n        - average: 7.0\\n        - max: 7'
'\\n        - min: 7\\n      ****************************************************************'
'*********\\n      - lost:\\n        - total: 0\\n        - average: 0.0\\n        - max: 0\\n  '
'      - min: 9223372036854775807\\n    ++++++++++++++++++++++++++++++++++++++++++++++++++++'
'+++++++++++++++++++++++\\n    - short:\\n      - total: 4\\n      - average: 4.0\\n      - max'
': 4\\n      - min: 4\\n      ***************************************************************'
'**********\\n      - won:\\n        - total: 4\\n        - average: 4.0\\n        - max: 4\\n  '
'      - min: 4\\n      ********************************************************************'
'*****\\n      - lost:\\n        - total: 0\\n        - average: 0.0\\n        - max: 0\\n      '
'  - min: 9223372036854775807\\n"],["\'drawdown\'","=========================================='
'=====================================\\nDrawDown:\\n  - len: 0\\n  - drawdown: 0.0\\n  - money'
'down: 0.0\\n  -----------------------------------------------------------------------------'
'\\n  - max:\\n    - len: 8\\n    - drawdown: 1.198069776471232\\n    - moneydown: 120.95999999'
'999913\\n"],["\'transactions\'","============================================================'
"===================\\nTransactions:\\n  - 2006-01-04 23:59:59.999989: [1, 3615.23, 0, '2006-"
"day-001', -3615.23]\\n  - 2006-01-09 23:59:59.999989: [-1, 3650.54, 1, '2006-day-002', 3650"
".54]\\n  - 2006-01-13 23:59:59.999989: [-1, 3670.27, 0, '2006-day-001', 3670.27]\\n  - 2006-"
"01-19 23:59:59.999989: [1, 3609.34, 1, '2006-day-002', -3609.34]\\n  - 2006-01-20 23:59:59."
'999989: [2, 3593.16, 0, \'2006-day-001\', -7186.32]\\n"],["\'sqn\'","=========================='
'=====================================================\\nSQN:\\n  - sqn: 9.834097777657872\\n '
' - trades: 2\\n"],["\'timereturn\'","========================================================'
'=======================\\nTimeReturn:\\n  - 2006-01-02 00:00:00: 0.0\\n  - 2006-01-03 00:00:0'
'0: 0.0\\n  - 2006-01-04 00:00:00: 0.003722999999999921\\n  - 2006-01-05 00:00:00: -0.0002211'
'765596682458\\n  - 2006-01-06 00:00:00: 0.001669156283850226\\n  - 2006-01-09 00:00:00: -0.0'
'016365293242177614\\n  - 2006-01-10 00:00:00: -0.0026745561422616415\\n  - 2006-01-11 00:00:'
'00: 0.002681728575896214\\n  - 2006-01-12 00:00:00: 0.0001584405464305494\\n  - 2006-01-13 0'
'0:00:00: 0.00392850382090093\\n  - 2006-01-16 00:00:00: 0.0\\n  - 2006-01-17 00:00:00: 0.001'
'9034708073277784\\n  - 2006-01-18 00:00:00: 0.0\\n  - 2006-01-19 00:00:00: 7.230937317670438'
'e-05\\n  - 2006-01-20 00:00:00: -0.008391242680443334\\n  - 2006-01-23 00:00:00: -0.00129650'
'64245989977\\n  - 2006-01-24 00:00:00: -0.002326339645588149\\n  - 2006-01-25 00:00:00: 0.00'
'9086461733404994\\n  - 2006-01-26 00:00:00: 0.012600934638860695\\n  - 2006-01-27 00:00:00: '
'0.008645352191163136\\n  - 2006-01-30 00:00:00: -0.0015485055753980959\\n  - 2006-01-31 00:0'
'0:00: 0.00270629403329381\\n  - 2006-02-01 00:00:00: 0.007158443718582319\\n  - 2006-02-02 0'
'0:00:00: -0.009878048545206464\\n  - 2006-02-03 00:00:00: 0.00027864326063276046\\n  - 2006-'
'02-06 00:00:00: 0.0007480364044383236\\n  - 2006-02-07 00:00:00: -0.00029587641709216683\\n '
' - 2006-02-08 00:00:00: -0.0018361449911989958\\n  - 2006-02-09 00:00:00: 0.010814754414951'
'722\\n  - 2006-02-10 00:00:00: -0.0060172489323144784\\n  - 2006-02-13 00:00:00: 0.006179874'
'538644992\\n  - 2006-02-14 00:00:00: 0.001354579520764343\\n  - 2006-02-15 00:00:00: -0.0009'
'037584016772238\\n  - 2006-02-16 00:00:00: 0.005145860456145401\\n  - 2006-02-17 00:00:00: 0'
'.0021548787952636594\\n"],["\'sharperatio\'","==============================================='
'================================\\nSharpeRatio:\\n  - sharperatio: None\\n"],["\'positionsvalu'
'e\'","===============================================================================\\nPosi'
'tionsValue:\\n  - 2006-01-02: 0.0, 0.0\\n  - 2006-01-03: 0.0, 0.0\\n  - 2006-01-04: 3652.46, '
'0.0\\n  - 2006-01-05: 3650.24, 0.0\\n  - 2006-01-06: 3666.99, 0.0\\n  - 2006-01-09: 3671.78, '
'-3671.78\\n  - 2006-01-10: 3644.94, -3671.78\\n  - 2006-01-11: 3668.61, -3668.61\\n  - 2006-0'
'1-12: 3670.2, -3668.61\\n  - 2006-01-13: 0.0, -3629.25\\n  - 2006-01-16: 0.0, -3629.25\\n  - '
'2006-01-17: 0.0, -3610.07\\n  - 2006-01-18: 0.0, -3610.07\\n  - 2006-01-19: 0.0, 0.0\\n  - 20'
'06-01-20: 7101.6, 0.0\\n  - 2006-01-23: 7088.62, 0.0\\n  - 2006-01-24: 7065.36, 0.0\\n  - 200'
'6-01-25: 7156.0, 0.0\\n  - 2006-01-26: 7282.84, 0.0\\n  - 2006-01-27: 7370.96, 0.0\\n  - 2006'
'-01-30: 7355.04, 0.0\\n  - 2006-01-31: 7382.82, 0.0\\n  - 2006-02-01: 7456.5, 0.0\\n  - 2006-'
'02-02: 7354.1, 0.0\\n  - 2006-02-03: 7356.96, 0.0\\n  - 2006-02-06: 7364.64, 0.0\\n  - 2006-0'
'2-07: 7361.6, 0.0\\n  - 2006-02-08: 7342.74, 0.0\\n  - 2006-02-09: 7453.62, 0.0\\n  - 2006-02'
'-10: 7391.26, 0.0\\n  - 2006-02-13: 7454.92, 0.0\\n  - 2006-02-14: 7468.96, 0.0\\n  - 2006-02'
'-15: 7459.58, 0.0\\n  - 2006-02-16: 7512.94, 0.0\\n  - 2006-02-17: 7535.4, 0.0\\n"],["\'odd\'",'
'"===============================================================================\\nOdd:\\n  '
'- a: 1, 2.5, x, None, [3, 4]\\n  - b: None\\n  ---------------------------------------------'
'--------------------------------\\n  - c:\\n    - x: 1\\n    ++++++++++++++++++++++++++++++++'
'+++++++++++++++++++++++++++++++++++++++++++\\n    - y:\\n      - z: 2\\n      ***************'
'**********************************************************\\n      - w:\\n        - v: 1\\n  '
'- d: 1, 2\\n  - 3: str\\n  -----------------------------------------------------------------'
'------------\\n  - e:\\n  - f: nan\\n  - g: 2020-01-01\\n  - h: 1e-20\\n  - k: \\n"]]},"ro0_pl0"'
':{"__dict__":"dict","items":[["\'tradeanalyzer\'","========================================='
'======================================\\nTradeAnalyzer:\\n  --------------------------------'
'---------------------------------------------\\n  - total:\\n    - total: 3\\n    - open: 1\\n'
'    - closed: 2\\n  -----------------------------------------------------------------------'
'------\\n  - streak:\\n    +++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++'
'++++++++++\\n    - won:\\n      - current: 2\\n      - longest: 2\\n    ++++++++++++++++++++++'
'+++++++++++++++++++++++++++++++++++++++++++++++++++++\\n    - lost:\\n      - current: 0\\n  '
'    - longest: 0\\n  ----------------------------------------------------------------------'
'-------\\n  - pnl:\\n    +++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++'
'++++++++\\n    - gross:\\n      - total: 96.23999999999978\\n      - average: 48.119999999999'
'89\\n    +++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++\\n    -'
' net:\\n      - total: 96.23999999999978\\n      - average: 48.11999999999989\\n  -----------'
'------------------------------------------------------------------\\n  - won:\\n    - total:'
' 2\\n    +++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++\\n    -'
' pnl:\\n      - total: 96.23999999999978\\n      - average: 48.11999999999989\\n      - max: '
'55.039999999999964\\n  --------------------------------------------------------------------'
'---------\\n  - lost:\\n    - total: 0\\n    ++++++++++++++++++++++++++++++++++++++++++++++++'
'+++++++++++++++++++++++++++\\n    - pnl:\\n      - total: 0.0\\n      - average: 0.0\\n      -'
' max: 0.0\\n  -----------------------------------------------------------------------------'
'\\n  - long:\\n    - total: 1\\n    +++++++++++++++++++++++++++++++++++++++++++++++++++++++++'
'++++++++++++++++++\\n    - pnl:\\n      - total: 55.039999999999964\\n      - average: 55.039'
'999999999964\\n      **********************************************************************'
'***\\n      - won:\\n        - total: 55.039999999999964\\n        - average: 55.039999999999'
'964\\n        - max: 55.039999999999964\\n      ********************************************'
'*****************************\\n      - lost:\\n        - total: 0.0\\n        - average: 0.0'
'\\n        - max: 0.0\\n    - won: 1\\n    - lost: 0\\n  -------------------------------------'
'----------------------------------------\\n  - short:\\n    - total: 1\\n    ++++++++++++++++'
'+++++++++++++++++++++++++++++++++++++++++++++++++++++++++++\\n    - pnl:\\n      - total: 41'
'.19999999999982\\n      - average: 41.19999999999982\\n      *******************************'
'******************************************\\n      - won:\\n        - total: 41.199999999999'
'82\\n        - average: 41.19999999999982\\n        - max: 41.19999999999982\\n      ********'
'*****************************************************************\\n      - lost:\\n        '
'- total: 0.0\\n        - average: 0.0\\n        - max: 0.0\\n    - won: 1\\n    - lost: 0\\n  -'
'----------------------------------------------------------------------------\\n  - len:\\n  '
'  - total: 11\\n    - average: 5.5\\n    - max: 7\\n    - min: 4\\n    +++++++++++++++++++++++'
'++++++++++++++++++++++++++++++++++++++++++++++++++++\\n    - won:\\n      - total: 11\\n     '
' - average: 5.5\\n      - max: 7\\n      - min: 4\\n    +++++++++++++++++++++++++++++++++++++'
'++++++++++++++++++++++++++++++++++++++\\n    - lost:\\n      - total: 0\\n      - average: 0.'
'0\\n      - max: 0\\n    +++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++'
'++++++++\\n    - long:\\n      - total: 7\\n      - average: 7.0\\n      - max: 7\\n      - min'
': 7\\n      *************************************************************************\\n    '
'  - won:\\n        - total: 7\\n        - average: 7.0\\n        - max: 7\\n        - min: 7\\n'
'      *************************************************************************\\n      - l'
'ost:\\n        - total: 0\\n        - average: 0.0\\n        - max: 0\\n        - min: 9223372'
'036854775807\\n    ++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++'
'+++\\n    - short:\\n      - total: 4\\n      - average: 4.0\\n      - max: 4\\n      - min: 4\\'
'n      *************************************************************************\\n      - '
'won:\\n        - total: 4\\n        - average: 4.0\\n        - max: 4\\n        - min: 4\\n    '
'  *************************************************************************\\n      - lost:'
'\\n        - total: 0\\n        - average: 0.0\\n        - max: 0\\n        - min: 92233720368'
'54775807\\n"],["\'drawdown\'","=============================================================='
'=================\\nDrawDown:\\n  - len: 0\\n  - drawdown: 0.0\\n  - moneydown: 0.0\\n  -------'
'----------------------------------------------------------------------\\n  - max:\\n    - le'
'n: 8\\n    - drawdown: 1.198069776471232\\n    - moneydown: 120.95999999999913\\n"],["\'transa'
'ctions\'","===============================================================================\\'
"nTransactions:\\n  - 2006-01-04 23:59:59.999989: [1, 3615.23, 0, '2006-day-001', -3615.23]\\"
"n  - 2006-01-09 23:59:59.999989: [-1, 3650.54, 1, '2006-day-002', 3650.54]\\n  - 2006-01-13"
" 23:59:59.999989: [-1, 3670.27, 0, '2006-day-001', 3670.27]\\n  - 2006-01-19 23:59:59.99998"
"9: [1, 3609.34, 1, '2006-day-002', -3609.34]\\n  - 2006-01-20 23:59:59.999989: [2, 3593.16,"
' 0, \'2006-day-001\', -7186.32]\\n"],["\'sqn\'","=============================================='
'=================================\\nSQN:\\n  - sqn: 9.834097777657872\\n  - trades: 2\\n"],["\''
'timereturn\'","============================================================================'
'===\\nTimeReturn:\\n  - 2006-01-02 00:00:00: 0.0\\n  - 2006-01-03 00:00:00: 0.0\\n  - 2006-01-'
'04 00:00:00: 0.003722999999999921\\n  - 2006-01-05 00:00:00: -0.0002211765596682458\\n  - 20'
'06-01-06 00:00:00: 0.001669156283850226\\n  - 2006-01-09 00:00:00: -0.0016365293242177614\\n'
'  - 2006-01-10 00:00:00: -0.0026745561422616415\\n  - 2006-01-11 00:00:00: 0.00268172857589'
'6214\\n  - 2006-01-12 00:00:00: 0.0001584405464305494\\n  - 2006-01-13 00:00:00: 0.003928503'
'82090093\\n  - 2006-01-16 00:00:00: 0.0\\n  - 2006-01-17 00:00:00: 0.0019034708073277784\\n  '
'- 2006-01-18 00:00:00: 0.0\\n  - 2006-01-19 00:00:00: 7.230937317670438e-05\\n  - 2006-01-20'
' 00:00:00: -0.008391242680443334\\n  - 2006-01-23 00:00:00: -0.0012965064245989977\\n  - 200'
'6-01-24 00:00:00: -0.002326339645588149\\n  - 2006-01-25 00:00:00: 0.009086461733404994\\n  '
'- 2006-01-26 00:00:00: 0.012600934638860695\\n  - 2006-01-27 00:00:00: 0.008645352191163136'
'\\n  - 2006-01-30 00:00:00: -0.0015485055753980959\\n  - 2006-01-31 00:00:00: 0.002706294033'
'29381\\n  - 2006-02-01 00:00:00: 0.007158443718582319\\n  - 2006-02-02 00:00:00: -0.00987804'
'8545206464\\n  - 2006-02-03 00:00:00: 0.00027864326063276046\\n  - 2006-02-06 00:00:00: 0.00'
'07480364044383236\\n  - 2006-02-07 00:00:00: -0.00029587641709216683\\n  - 2006-02-08 00:00:'
'00: -0.0018361449911989958\\n  - 2006-02-09 00:00:00: 0.010814754414951722\\n  - 2006-02-10 '
'00:00:00: -0.0060172489323144784\\n  - 2006-02-13 00:00:00: 0.006179874538644992\\n  - 2006-'
'02-14 00:00:00: 0.001354579520764343\\n  - 2006-02-15 00:00:00: -0.0009037584016772238\\n  -'
' 2006-02-16 00:00:00: 0.005145860456145401\\n  - 2006-02-17 00:00:00: 0.0021548787952636594'
'\\n"],["\'sharperatio\'","==================================================================='
'============\\nSharpeRatio:\\n  - sharperatio: None\\n"],["\'positionsvalue\'","==============='
'================================================================\\nPositionsValue:\\n  - 200'
'6-01-02: 0.0, 0.0\\n  - 2006-01-03: 0.0, 0.0\\n  - 2006-01-04: 3652.46, 0.0\\n  - 2006-01-05:'
' 3650.24, 0.0\\n  - 2006-01-06: 3666.99, 0.0\\n  - 2006-01-09: 3671.78, -3671.78\\n  - 2006-0'
'1-10: 3644.94, -3671.78\\n  - 2006-01-11: 3668.61, -3668.61\\n  - 2006-01-12: 3670.2, -3668.'
'61\\n  - 2006-01-13: 0.0, -3629.25\\n  - 2006-01-16: 0.0, -3629.25\\n  - 2006-01-17: 0.0, -36'
'10.07\\n  - 2006-01-18: 0.0, -3610.07\\n  - 2006-01-19: 0.0, 0.0\\n  - 2006-01-20: 7101.6, 0.'
'0\\n  - 2006-01-23: 7088.62, 0.0\\n  - 2006-01-24: 7065.36, 0.0\\n  - 2006-01-25: 7156.0, 0.0'
'\\n  - 2006-01-26: 7282.84, 0.0\\n  - 2006-01-27: 7370.96, 0.0\\n  - 2006-01-30: 7355.04, 0.0'
'\\n  - 2006-01-31: 7382.82, 0.0\\n  - 2006-02-01: 7456.5, 0.0\\n  - 2006-02-02: 7354.1, 0.0\\n'
'  - 2006-02-03: 7356.96, 0.0\\n  - 2006-02-06: 7364.64, 0.0\\n  - 2006-02-07: 7361.6, 0.0\\n '
' - 2006-02-08: 7342.74, 0.0\\n  - 2006-02-09: 7453.62, 0.0\\n  - 2006-02-10: 7391.26, 0.0\\n '
' - 2006-02-13: 7454.92, 0.0\\n  - 2006-02-14: 7468.96, 0.0\\n  - 2006-02-15: 7459.58, 0.0\\n '
' - 2006-02-16: 7512.94, 0.0\\n  - 2006-02-17: 7535.4, 0.0\\n"],["\'odd\'","==================='
'============================================================\\nOdd:\\n  - a: 1, 2.5, x, None'
', [3, 4]\\n  - b: None\\n  -----------------------------------------------------------------'
'------------\\n  - c:\\n    - x: 1\\n    ++++++++++++++++++++++++++++++++++++++++++++++++++++'
'+++++++++++++++++++++++\\n    - y:\\n      - z: 2\\n      ***********************************'
'**************************************\\n      - w:\\n        - v: 1\\n  - d: 1, 2\\n  - 3: st'
'r\\n  -----------------------------------------------------------------------------\\n  - e:'
'\\n  - f: nan\\n  - g: 2020-01-01\\n  - h: 1e-20\\n  - k: \\n"]]}}}'
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
