"""Broker scenarios shared by the golden recorder and the broker tests.

Each scenario is a dict: ``name``, ``bars`` (OHLC[V] tuples of the main
data), ``actions`` ({bar number: callable(strategy)} run in ``next``),
optional ``open_actions`` (run in ``next_open``, cheat-on-open), ``setup``
(broker method calls made before the run), ``extra`` (more named datas with
the same timestamps), ``start``/``step`` (timestamps) and ``runonce``.

``tools/record_broker_goldens.py`` runs them under upstream backtrader
1.9.78.123 (through its Cerebro) and stores what a strategy observes;
``tests/test_broker_scenarios.py`` replays them against our broker driven
by a minimal stand-in engine and compares line by line.  The actions only
use what both sides offer: ``s.buy``/``s.sell``/``s.cancel``/``s.broker``/
``s.data``/``s.datas``.
"""
import datetime
import math

import backtrader as bt

O = bt.Order
BASE = [0]  # first order ref of the running scenario (refs are printed relative)

BARS = [(100, 105, 95, 102), (103, 110, 101, 108), (107, 109, 90, 91),
        (92, 95, 85, 94), (94, 99, 93, 98), (98, 100, 96, 97),
        (99, 104, 98, 103), (104, 106, 101, 102), (101, 103, 97, 98),
        (97, 99, 92, 93), (93, 96, 90, 95), (95, 101, 94, 100)]

SCENARIOS = []


def add(name, actions, bars=BARS, setup=(), **kw):
    SCENARIOS.append(dict(name=name, bars=bars, actions=actions,
                          setup=list(setup), **kw))


def ref(order):
    return order.ref - BASE[0]


# --- execution types -------------------------------------------------------
add('market', {1: lambda s: s.buy(size=10), 3: lambda s: s.sell(size=5), 5: lambda s: s.sell(size=10), 7: lambda s: s.buy(size=5)})
add('close', {1: lambda s: s.buy(size=10, exectype=O.Close), 3: lambda s: s.sell(size=10, exectype=O.Close)})
add('limit_buy', {1: lambda s: s.buy(size=10, exectype=O.Limit, price=104), 2: lambda s: s.buy(size=3, exectype=O.Limit, price=89), 4: lambda s: s.buy(size=3, exectype=O.Limit, price=120)})
add('limit_sell', {1: lambda s: s.sell(size=10, exectype=O.Limit, price=106), 2: lambda s: s.sell(size=3, exectype=O.Limit, price=100), 4: lambda s: s.sell(size=3, exectype=O.Limit, price=50)})
add('stop', {1: lambda s: s.buy(size=10, exectype=O.Stop, price=106), 2: lambda s: s.sell(size=10, exectype=O.Stop, price=100), 3: lambda s: s.sell(size=3, exectype=O.Stop, price=93), 4: lambda s: s.buy(size=3, exectype=O.Stop, price=93)})
def stoplimits(s):
    s.buy(size=1, exectype=O.StopLimit, price=105, plimit=106)
    s.buy(size=1, exectype=O.StopLimit, price=105, plimit=104)
    s.sell(size=1, exectype=O.StopLimit, price=100, plimit=99)
    s.sell(size=1, exectype=O.StopLimit, price=100, plimit=101)
def stoplimits2(s):
    s.buy(size=1, exectype=O.StopLimit, price=100, plimit=101)
    s.buy(size=1, exectype=O.StopLimit, price=100, plimit=92)
    s.buy(size=1, exectype=O.StopLimit, price=93, plimit=95)
    s.sell(size=1, exectype=O.StopLimit, price=100, plimit=105)
    s.sell(size=1, exectype=O.StopLimit, price=96, plimit=97)
    s.sell(size=1, exectype=O.StopLimit, price=96, plimit=93)
add('stoplimit', {1: stoplimits, 3: stoplimits2, 7: stoplimits, 8: stoplimits2})
def trails(s):
    s.sell(size=1, exectype=O.StopTrail, trailamount=3)
    s.sell(size=1, exectype=O.StopTrail, trailpercent=0.05)
    s.buy(size=1, exectype=O.StopTrail, trailamount=3)
    s.buy(size=1, exectype=O.StopTrail, trailpercent=0.02, price=100)
    s.sell(size=1, exectype=O.StopTrailLimit, trailamount=2, price=107, plimit=106)
    s.buy(size=1, exectype=O.StopTrailLimit, trailpercent=0.01, price=100, plimit=101)
add('trail', {1: trails, 2: trails, 6: trails})
def valids(s):
    s.buy(size=1, exectype=O.Limit, price=50, valid=O.DAY)
    s.buy(size=1, exectype=O.Limit, price=50, valid=datetime.timedelta(days=2))
    s.buy(size=1, exectype=O.Limit, price=50, valid=datetime.date(2020, 1, 6))
    s.buy(size=1, exectype=O.Limit, price=50, valid=datetime.datetime(2020, 1, 6, 12))
    s.buy(size=1, exectype=O.Limit, price=50, valid=0)
    s.buy(size=1, exectype=O.Limit, price=50, valid=3.0)
    s.buy(size=1, valid=datetime.timedelta(days=-2))
add('valid', {2: valids})
def cancels(s):
    s.o = s.buy(size=1, exectype=O.Limit, price=50)
def cancels2(s):
    s.cancel(s.o); s.cancel(s.o)
    o = s.buy(size=1, exectype=O.Limit, price=50); s.cancel(o)
add('cancel', {1: cancels, 3: cancels2})
def oco(s):
    o1 = s.buy(size=1, exectype=O.Limit, price=100)
    o2 = s.buy(size=1, exectype=O.Stop, price=112, oco=o1)
    o3 = s.buy(size=1, exectype=O.Limit, price=80, oco=o2)
def oco2(s):
    o1 = s.sell(size=1, exectype=O.Limit, price=200, valid=datetime.timedelta(days=1))
    o2 = s.sell(size=1, exectype=O.Stop, price=20, oco=o1)
add('oco', {2: oco, 5: oco2})
def bracket(s):
    p = s.buy(size=10, exectype=O.Limit, price=100, transmit=False)
    s.sell(size=10, exectype=O.Stop, price=95, parent=p, transmit=False)
    s.sell(size=10, exectype=O.Limit, price=108, parent=p, transmit=True)
def bracket2(s):
    p = s.buy(size=10, exectype=O.Limit, price=50, transmit=False, valid=datetime.timedelta(days=2))
    s.sell(size=10, exectype=O.Stop, price=45, parent=p, transmit=False)
    s.sell(size=10, exectype=O.Limit, price=108, parent=p, transmit=True)
def bracket3(s):
    p = s.sell(size=10, transmit=False)
    s.o1 = s.buy(size=10, exectype=O.Stop, price=200, parent=p, transmit=False)
    s.o2 = s.buy(size=10, exectype=O.Limit, price=10, parent=p, transmit=True)
def bracket3c(s):
    s.cancel(s.o1)
add('bracket', {2: bracket, 5: bracket2, 8: bracket3, 10: bracket3c})
def bigbracket(s):
    p = s.buy(size=1000, transmit=False)
    s.sell(size=1000, exectype=O.Stop, price=50, parent=p, transmit=False)
    s.sell(size=1000, exectype=O.Limit, price=150, parent=p, transmit=True)
add('bracket_margin', {2: bigbracket})
add('margin_exec', {1: lambda s: s.buy(size=97), 2: lambda s: s.buy(size=1)}, setup=[('set_checksubmit', (False,), {})])
add('reverse', {1: lambda s: s.buy(size=10), 2: lambda s: s.sell(size=30), 4: lambda s: s.buy(size=40), 6: lambda s: s.sell(size=20)})
add('reverse_nocash', {1: lambda s: s.buy(size=60), 2: lambda s: s.sell(size=200)}, setup=[('set_checksubmit', (False,), {}), ('set_shortcash', (False,), {})])
add('shortcash_false', {1: lambda s: s.sell(size=10), 4: lambda s: s.buy(size=10), 5: lambda s: s.sell(size=5)}, setup=[('set_shortcash', (False,), {})])

# --- commissions, margin, interest, slippage, fillers, coc, fund -----------
def trade(s):
    pass
ACTS = {1: lambda s: s.buy(size=10), 3: lambda s: s.sell(size=5), 5: lambda s: s.sell(size=10), 7: lambda s: s.buy(size=5),
        9: lambda s: s.buy(size=7, exectype=O.Limit, price=98), 10: lambda s: s.sell(size=7, exectype=O.Stop, price=94)}
C = 'setcommission'
add('comm_perc', ACTS, setup=[(C, (), dict(commission=0.001))])
add('comm_perc_nonabs', ACTS, setup=[(C, (), dict(commission=0.1, percabs=False))])
add('comm_fixed_stock', ACTS, setup=[(C, (), dict(commission=2.0, commtype=bt.CommInfoBase.COMM_FIXED, stocklike=True))])
add('futures', ACTS, setup=[(C, (), dict(commission=2.0, margin=500.0, mult=10.0))])
add('futures_perc', ACTS, setup=[(C, (), dict(commission=0.001, margin=500.0, mult=10.0, commtype=bt.CommInfoBase.COMM_PERC))])
add('futures_automargin', ACTS, setup=[(C, (), dict(commission=1.0, margin=500.0, mult=2.0, automargin=-1))])
add('futures_automargin2', ACTS, setup=[(C, (), dict(commission=1.0, margin=500.0, mult=2.0, automargin=0.3))])
add('leverage', ACTS, setup=[(C, (), dict(commission=0.001, leverage=3.0))])
add('leverage_futures', ACTS, setup=[(C, (), dict(commission=1, margin=300, mult=2, leverage=2.0))])
add('interest', ACTS, setup=[(C, (), dict(commission=0.001, interest=0.05))])
add('interest_long', ACTS, setup=[(C, (), dict(commission=0.001, interest=0.05, interest_long=True))])
add('interest_no2pnl', ACTS, setup=[(C, (), dict(commission=0.001, interest=0.05, interest_long=True)), ('set_int2pnl', (False,), {})])
add('addcomminfo', ACTS, setup=[('addcommissioninfo', (bt.commissions.CommInfo_Futures_Perc(commission=0.1, mult=5, margin=100),), {})])
add('comminfo_stocks_fixed', ACTS, setup=[('addcommissioninfo', (bt.commissions.CommInfo_Stocks_Fixed(commission=3),), {})])
add('shortcash_false_comm', ACTS, setup=[(C, (), dict(commission=0.001)), ('set_shortcash', (False,), {})])
add('shortcash_false_fut', ACTS, setup=[(C, (), dict(commission=2.0, margin=500.0, mult=10.0)), ('set_shortcash', (False,), {})])
add('shortcash_false_lev', ACTS, setup=[(C, (), dict(commission=0.001, leverage=2.0)), ('set_shortcash', (False,), {})])
SL = {1: lambda s: (s.buy(size=1), s.sell(size=1), s.buy(size=1, exectype=O.Limit, price=104), s.sell(size=1, exectype=O.Limit, price=106)),
      2: lambda s: (s.buy(size=1, exectype=O.Stop, price=108.5), s.sell(size=1, exectype=O.Stop, price=100), s.buy(size=1, exectype=O.StopLimit, price=108.5, plimit=109.5), s.sell(size=1, exectype=O.StopLimit, price=92, plimit=91)),
      3: lambda s: (s.buy(size=1, exectype=O.Limit, price=93), s.sell(size=1, exectype=O.Limit, price=94.5), s.buy(size=1, exectype=O.Close), s.sell(size=1, exectype=O.StopTrail, trailamount=1)),
      5: lambda s: (s.buy(size=1, exectype=O.Limit, price=100), s.sell(size=1, exectype=O.Limit, price=97), s.buy(size=1, exectype=O.Stop, price=99), s.sell(size=1, exectype=O.Stop, price=97))}
for nm, args, kw in [('perc', (0.01,), {}), ('perc_big', (0.08,), {}), ('perc_noopen', (0.01,), dict(slip_open=False)), ('perc_nomatch', (0.08,), dict(slip_match=False)),
                     ('perc_nomatch_nolimit', (0.08,), dict(slip_match=False, slip_limit=False)), ('perc_out', (0.08,), dict(slip_out=True))]:
    add('slip_' + nm, SL, setup=[('set_slippage_perc', args, kw)])
for nm, args, kw in [('fixed', (0.5,), {}), ('fixed_big', (7.0,), {}), ('fixed_nomatch', (7.0,), dict(slip_match=False)), ('fixed_out', (7.0,), dict(slip_out=True, slip_open=False))]:
    add('slip_' + nm, SL, setup=[('set_slippage_fixed', args, kw)])
VBARS = [(100,105,95,102,1000),(103,110,101,108,33),(107,109,90,91,55),(92,95,85,94,0),(94,99,93,98,70),(98,100,96,97,1000),(99,104,98,103,13),(104,106,101,102,400)]
FA = {1: lambda s: s.buy(size=50), 3: lambda s: s.sell(size=80, exectype=O.Limit, price=95), 6: lambda s: s.buy(size=40, exectype=O.Close)}
add('fill_fixed', FA, bars=VBARS, setup=[('set_filler', (bt.fillers.FixedSize(),), {})])
add('fill_fixed20', FA, bars=VBARS, setup=[('set_filler', (bt.fillers.FixedSize(size=20),), {})])
add('fill_barperc', FA, bars=VBARS, setup=[('set_filler', (bt.fillers.FixedBarPerc(perc=50),), {})])
add('fill_barpoint', FA, bars=VBARS, setup=[('set_filler', (bt.fillers.BarPointPerc(minmov=0.5, perc=50),), {})])
add('fill_barpoint_none', FA, bars=VBARS, setup=[('set_filler', (bt.fillers.BarPointPerc(),), {})])
add('coc', ACTS, setup=[('set_coc', (True,), {})])
add('coc_comm', ACTS, setup=[('set_coc', (True,), {}), (C, (), dict(commission=0.01)), ('set_slippage_perc', (0.01,), {})])
add('nocheck', ACTS, setup=[('set_checksubmit', (False,), {})])
add('fundmode', ACTS, setup=[('set_fundmode', (True,), {}), ('set_cash', (20000,), {})])
add('fundmode_start', ACTS, setup=[('set_fundmode', (True, 10.0), {})])
def addcash(s):
    s.broker.add_cash(1000)
    print('after add', s.broker.getcash(), s.broker.getvalue(), s.broker.get_fundshares())
def addcash2(s):
    s.broker.add_cash(-500)
    print('getvalue datas', s.broker.getvalue(datas=[s.data]), s.broker.getcash())
AC = dict(ACTS); AC.update({2: addcash, 4: addcash2, 6: addcash})
add('addcash', AC, setup=[('set_fundmode', (True,), {})])
def values(s):
    b = s.broker
    print('VALS', b.getvalue(), b.getvalue(mkt=True), b.getvalue(lever=True), b.getvalue(mkt=True, lever=True), b.get_value_lever(), b.getvalue(datas=[s.data]), b.getvalue(datas=[s.data], lever=True), b.get_leverage(), b.startingcash)
    print('OPEN', [ref(o) for o in b.get_orders_open()], [ref(o) for o in b.get_orders_open(safe=True)])
VA = dict(ACTS)
for i in range(1, 13):
    VA[i] = (lambda f: (lambda s: (values(s), f(s) if f else None)))(ACTS.get(i))
add('values_lev', VA, setup=[(C, (), dict(commission=0.001, leverage=3.0))])
add('values_fut', VA, setup=[(C, (), dict(commission=1, margin=300, mult=2, leverage=2.0))])
add('values_short', VA, setup=[('set_shortcash', (False,), {})])

# --- intraday: Close orders across the session end, DAY validity ----------
IBARS = []
for i in range(60):
    base = 100 + 5 * math.sin(i / 4.0)
    o = round(base, 2); c = round(base + math.cos(i) * 1.5, 2)
    IBARS.append((o, round(max(o, c) + 0.7, 2), round(min(o, c) - 0.6, 2), c, 100 + i))
ST = datetime.datetime(2020, 1, 1, 21, 0)
STEP = datetime.timedelta(minutes=5)
def acts(s):
    s.buy(size=3, exectype=O.Close)
    s.sell(size=1, exectype=O.Limit, price=200, valid=O.DAY)
    s.buy(size=1, exectype=O.Limit, price=10, valid=datetime.timedelta(minutes=30))
    s.sell(size=1, exectype=O.StopTrail, trailpercent=0.01)
    s.buy(size=1, exectype=O.StopTrailLimit, trailamount=0.5, price=102, plimit=102.2)
def acts2(s):
    s.sell(size=3, exectype=O.Close)
add('intraday', {3: acts, 10: acts, 30: acts2, 36: acts}, IBARS, start=ST, step=STEP)
add('intraday_filler', {3: acts, 10: acts, 30: acts2, 36: acts}, IBARS, start=ST, step=STEP, setup=[('set_filler', (bt.fillers.FixedSize(size=1),), {})])
add('intraday_coc', {3: acts, 10: lambda s: s.buy(size=2), 30: acts2, 36: lambda s: s.sell(size=2)}, IBARS, start=ST, step=STEP, setup=[('set_coc', (True,), {})])

# --- order and fund histories ---------------------------------------------
OH = [(datetime.datetime(2020,1,2), 10, 104.5), ('2020-01-03', -5, 100.0, 0), (datetime.datetime(2020,1,3), 3, 99.0, None), ('2020-01-05T12:00:00', -20, 96.5), (datetime.datetime(2020,1,30), 1, 1.0)]
add('ohist', {2: lambda s: s.buy(size=1)}, setup=[('add_order_history', (OH,), {})])
add('ohist_nonotify', {2: lambda s: s.buy(size=1)}, setup=[('add_order_history', (OH,), dict(notify=False))])
FH = [(datetime.datetime(2020,1,2), 101.0, 10100.0), ('2020-01-03', 102.0, 10250.0), (datetime.datetime(2020,1,5), 99.0, 9900.0), (datetime.datetime(2020,1,5,12), 98.0, 9800.0), (datetime.date(2020,1,9), 97.0, 9700.0)]
add('fhist', {2: lambda s: s.buy(size=1)}, setup=[('set_fund_history', (FH,), {})], runonce=False)
FH2 = [(datetime.datetime(2020,1,2), 101.0, 10100.0), (datetime.datetime(2020,1,2,12), 103.0, 10300.0), (datetime.datetime(2020,1,2,13), 104.0, 10400.0), ('2020-01-03', 102.0, 10250.0), (datetime.date(2020,1,9), 97.0, 9700.0)]
add('fhist2', {2: lambda s: s.buy(size=3), 4: lambda s: s.sell(size=5), 6: lambda s: print(s.broker.getvalue(datas=[s.data]))}, setup=[('set_fund_history', (FH2,), {}), ('setcommission', (), dict(leverage=2.0))], runonce=False)
add('fhist3', {2: lambda s: s.buy(size=3), 4: lambda s: s.sell(size=5)}, setup=[('set_fund_history', (FH,), {}), ('setcommission', (), dict(margin=100, mult=5))], runonce=False)
add('fhist_fundmode', {2: lambda s: s.buy(size=1)}, setup=[('set_fund_history', (FH,), {}), ('set_fundmode', (True,), {})], runonce=False)

# --- cheat-on-open ---------------------------------------------------------
OA = {2: lambda s: s.buy(size=10), 4: lambda s: s.sell(size=5), 6: lambda s: s.sell(size=10, exectype=O.Limit, price=99), 8: lambda s: s.buy(size=95)}
add('coo', {3: lambda s: s.buy(size=2)}, open_actions=OA)
add('coo_comm', {3: lambda s: s.buy(size=2)}, open_actions=OA, setup=[('setcommission', (), dict(commission=0.01))])
add('coo_nocheck', {3: lambda s: s.buy(size=2)}, open_actions=OA, setup=[('set_checksubmit', (False,), {})])


# --- several datas: per-name commission schemes, values per data ------------
BARS2 = [(50, 52, 49, 51), (51, 53, 50, 52), (52, 52, 47, 48), (48, 50, 46, 49),
         (49, 55, 49, 54), (54, 56, 53, 55), (55, 55, 50, 51), (51, 52, 48, 50),
         (50, 51, 47, 48), (48, 49, 45, 46), (46, 50, 46, 49), (49, 53, 48, 52)]


def multi1(s):
    d0, d1 = s.datas
    s.buy(data=d0, size=10)
    s.sell(data=d1, size=4, exectype=O.Limit, price=52.5)


def multi3(s):
    d0, d1 = s.datas
    b = s.broker
    print('MV', b.getvalue(datas=[d0]), b.getvalue(datas=[d1]),
          b.getvalue(datas=[d0, d1]), b.getvalue(), b.getcash())
    s.buy(data=d1, size=8, exectype=O.Stop, price=53)
    s.sell(data=d0, size=10, exectype=O.Close)


def multi6(s):
    d0, d1 = s.datas
    print('POS', s.broker.getposition(d0).size, s.broker.getposition(d1).size,
          s.broker.getcommissioninfo(d1).p.commission)
    s.sell(data=d1, size=4)


MULTI = {1: multi1, 3: multi3, 6: multi6}
add('multi', MULTI, extra=[('other', BARS2)])
add('multi_comm', MULTI, extra=[('other', BARS2)],
    setup=[('setcommission', (), dict(commission=0.002)),
           ('setcommission', (), dict(commission=1.5, margin=20.0, mult=4.0,
                                      name='other'))])
add('multi_comm_shortcash', MULTI, extra=[('other', BARS2)],
    setup=[('addcommissioninfo',
            (bt.commissions.CommInfo_Stocks_Perc(commission=0.5),), dict(name='other')),
           ('set_shortcash', (False,), {})])


# --- more bracket / oco interplay --------------------------------------------
def bracket_oco(s):
    p = s.buy(size=5, exectype=O.Limit, price=104, transmit=False)
    s.sell(size=5, exectype=O.Stop, price=92, parent=p, transmit=False)
    s.sell(size=5, exectype=O.Limit, price=109, parent=p, transmit=True)
    s.buy(size=2, exectype=O.Limit, price=103, oco=p)


def bracket_cancel_parent(s):
    p = s.sell(size=5, exectype=O.Limit, price=130, transmit=False)
    s.buy(size=5, exectype=O.Stop, price=140, parent=p, transmit=False)
    s.buy(size=5, exectype=O.Limit, price=90, parent=p, transmit=True)
    s.p_ = p


def status(s):
    b = s.broker
    print('STATUS', [ref(o) for o in b.get_orders_open()])
    s.cancel(s.p_)


add('bracket_oco', {1: bracket_oco})
add('bracket_cancel_parent', {2: bracket_cancel_parent, 4: status, 5: status})
add('bracket_nocheck', {2: bracket, 5: bracket2}, setup=[('set_checksubmit', (False,), {})])
add('partial_bracket', {1: lambda s: bracket(s)}, bars=VBARS,
    setup=[('set_filler', (bt.fillers.FixedSize(size=4),), {})])


# --- what a strategy observes (identical formatting on both sides) ------------
def fmt_order(n, o):
    ex = o.executed
    return ('%d ORDER ref=%d %s %s st=%s size=%s exsize=%s exprice=%s val=%s '
            'comm=%s rem=%s pnl=%s dt=%s margin=%s cprice=%s climit=%s' % (
                n, ref(o), o.ordtypename(), o.getordername(), o.getstatusname(),
                o.size, ex.size, ex.price, ex.value, ex.comm, ex.remsize, ex.pnl,
                ex.dt, ex.margin, o.created.price, o.created.pricelimit))


def fmt_bit(b):
    return '   BIT %s %s %s | %s %s %s | %s %s %s | %s %s %s' % (
        b.dt, b.size, b.price, b.closed, b.closedvalue, b.closedcomm,
        b.opened, b.openedvalue, b.openedcomm, b.pnl, b.psize, b.pprice)


def fmt_next(n, d, br, pos):
    return ('%d NEXT o=%s h=%s l=%s c=%s cash=%r value=%r pos=%s@%s fv=%r fs=%r '
            'lev=%r' % (n, d.open[0], d.high[0], d.low[0], d.close[0],
                        br.getcash(), br.getvalue(), pos.size, pos.price,
                        br.get_fundvalue(), br.get_fundshares(),
                        br.get_leverage()))


def notify_lines(n, order):
    """Lines printed for an order notification (historical orders without
    ``histnotify`` are not shown to strategies)."""
    if order.exectype == O.Historical and not order.histnotify:
        return []
    out = [fmt_order(n, order)]
    out.extend(fmt_bit(b) for b in order.executed.iterpending())
    return out


def start_scenario():
    """Mark the first order ref of a scenario."""
    BASE[0] = next(O.refbasis) + 1


# --- engine-only: strategy helpers built on the broker (need a Strategy) -------
def brackets_helpers(s):
    s.buy_bracket(size=5, price=104, stopprice=95, limitprice=109)
    s.sell_bracket(size=3, exectype=O.Market, stopprice=115, limitprice=90)


def targets(s):
    s.order_target_size(size=7)


def targets2(s):
    s.order_target_value(target=300.0)


def targets3(s):
    s.order_target_percent(target=0.5)


def closing(s):
    s.close()


add('engine_brackets', {1: brackets_helpers, 6: brackets_helpers}, engine_only=True)
add('engine_targets', {1: targets, 3: targets2, 5: targets3, 8: closing, 10: targets3},
    engine_only=True)
add('engine_targets_fut', {1: targets, 3: targets2, 5: targets3, 8: closing},
    engine_only=True,
    setup=[('setcommission', (), dict(commission=2.0, margin=500.0, mult=10.0))])


# --- running a scenario through a real Cerebro (upstream's or ours) ----------
def make_feed(bars, start, step, name=None):
    import pandas as pd
    index = [start + i * step for i in range(len(bars))]
    rows = [tuple(b) + ((1000,) if len(b) == 4 else ()) for b in bars]
    frame = pd.DataFrame(rows, columns=['open', 'high', 'low', 'close', 'volume'],
                         index=index)
    frame['openinterest'] = 0
    return bt.feeds.PandasData(dataname=frame, name=name)


class Recorder(bt.Strategy):
    params = (('actions', {}), ('open_actions', {}))

    def notify_order(self, order):
        for line in notify_lines(len(self), order):
            print(line)

    def next_open(self):
        act = self.p.open_actions.get(len(self))
        if act:
            act(self)

    def next(self):
        print(fmt_next(len(self), self.data, self.broker, self.position))
        act = self.p.actions.get(len(self))
        if act:
            act(self)


def run_with_cerebro(sc, **cerebro_kwargs):
    """Run ``sc`` through ``bt.Cerebro``, printing what the strategy sees."""
    start = sc.get('start', datetime.datetime(2020, 1, 1))
    step = sc.get('step', datetime.timedelta(days=1))
    kwargs = dict(stdstats=False, cheat_on_open=bool(sc.get('open_actions')))
    kwargs.update(cerebro_kwargs)
    if 'runonce' in sc:
        kwargs['runonce'] = sc['runonce']
    cerebro = bt.Cerebro(**kwargs)
    cerebro.adddata(make_feed(sc['bars'], start, step))
    for name, bars in sc.get('extra', []):
        cerebro.adddata(make_feed(bars, start, step, name), name=name)
    cerebro.addstrategy(Recorder, actions=sc['actions'],
                        open_actions=sc.get('open_actions', {}))
    for name, args, kw in sc.get('setup', []):
        getattr(cerebro.broker, name)(*args, **kw)
    start_scenario()
    cerebro.run()
    broker = cerebro.broker
    print('FINAL cash=%f value=%f' % (broker.getcash(), broker.getvalue()))
