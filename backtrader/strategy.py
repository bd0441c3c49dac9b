"""The Strategy: user logic driven by the engine, plus the order API.

The engine calls ``_next`` (per bar) or ``_oncepost`` (per bar after the
indicators were computed in batch).  Both deliver pending notifications
first, then call ``prenext``/``nextstart``/``next`` depending on whether
every data has reached the minimum period its indicators need, then let
observers and analyzers see the bar.
"""
from __future__ import annotations

import collections
import copy
import itertools
import operator

from .lineiterator import LineIterator, StrategyBase
from .lineroot import LineSingle, bar_phase as _bar_phase
from .linebuffer import LineBuffer
from .metabase import ItemCollection, findowner
from .order import Order
from .trade import Trade
from .utils.autodict import AutoDictList, AutoOrderedDict
from .utils.py3 import string_types
from .utils.snapshot import shallow_copy
from . import sizers as _sizers
from . import _context
from . import _writerinfo

__all__ = ['Strategy', 'MetaStrategy']


_CASHVALUE_HOOKS = ('notify_cashvalue', 'notify_fund', '_notify_cashvalue', '_notify_fund')
_STEP_HOOKS = ('next', 'prenext', 'nextstart', '_next', '_prenext', '_nextstart')


def _overrides(analyzer, hooks):
    """Whether an analyzer (or one of its children) redefines any of the
    base Analyzer's ``hooks`` - if not, calling them per bar is useless."""
    from .analyzer import Analyzer
    cls = type(analyzer)
    for name in hooks:
        if getattr(cls, name, None) is not getattr(Analyzer, name, None):
            return True
    return any(_overrides(child, hooks) for child in getattr(analyzer, '_children', ()))


def _wants_cashvalue(analyzer):
    return _overrides(analyzer, _CASHVALUE_HOOKS)


def _first_line(obj):
    """The buffer whose length is ``len(obj)``, or None if there is none."""
    if isinstance(obj, LineBuffer):
        return obj
    lines = getattr(obj, 'lines', None)
    if lines is None or isinstance(lines, list) or not lines.lines:
        return None
    first = lines.lines[0]
    return first if isinstance(first, LineBuffer) else None


class MetaStrategy(StrategyBase.__class__):
    _indcol: dict = {}

    def __new__(meta, name, bases, dct):
        # old name of the order notification hook
        if 'notify' in dct and 'notify_order' not in dct:
            dct['notify_order'] = dct.pop('notify')
        return super().__new__(meta, name, bases, dct)

    def __init__(cls, name, bases, dct):
        super().__init__(name, bases, dct)
        if not cls.aliased and name != 'Strategy' and not name.startswith('_'):
            cls._indcol[name] = cls

    def donew(cls, *args, **kwargs):
        _obj, args, kwargs = super().donew(*args, **kwargs)
        cerebro = _context.current_cerebro
        if cerebro is None:
            from .cerebro import Cerebro
            cerebro = findowner(_obj, Cerebro)
        _obj.env = _obj.cerebro = cerebro
        _obj._id = cerebro._next_stid() if cerebro is not None else 0
        return _obj, args, kwargs

    def dopreinit(cls, _obj, *args, **kwargs):
        _obj, args, kwargs = super().dopreinit(_obj, *args, **kwargs)
        _obj.broker = _obj.env.broker if _obj.env is not None else None
        _obj._sizer = _sizers.FixedSize()
        _obj._orders = []
        _obj._orderspending = []
        _obj._trades = collections.defaultdict(AutoDictList)
        _obj._tradespending = []
        _obj.stats = _obj.observers = ItemCollection()
        _obj.analyzers = ItemCollection()
        _obj._alnames = collections.defaultdict(itertools.count)
        _obj.writers = []
        _obj._slave_analyzers = []
        _obj._tradehistoryon = False
        _obj._dlens = [0] * len(_obj.datas)
        _obj._minperiods = [1] * len(_obj.datas)
        _obj._minperstatus = 1
        _obj._advplan = None
        _obj._nextsteps = None          # set when pure indicators run in batch
        _obj._nextcount = 0
        _obj._allanalyzers = None
        _obj._cvanalyzers = None
        _obj._cv_listeners = None
        _obj._stepanalyzers = None
        _obj._wants_cashvalue = True
        _obj._quicknotify = False
        _obj._keep_orders = True
        return _obj, args, kwargs

    def dopostinit(cls, _obj, *args, **kwargs):
        _obj, args, kwargs = super().dopostinit(_obj, *args, **kwargs)
        _obj._sizer.set(_obj, _obj.broker)
        return _obj, args, kwargs


class Strategy(StrategyBase, metaclass=MetaStrategy):
    """Base class for user strategies."""

    _ltype = LineIterator.StratType
    csv = True
    _oldsync = False
    lines = ('datetime',)

    # --- buffers / setup -----------------------------------------------------------
    def qbuffer(self, savemem=0, replaying=False):
        if savemem < 0:
            # -1: indicators kept as strategy attributes keep every value,
            #     their internal sub-indicators keep only what they need;
            # -2: plain operations built in the strategy also keep the minimum
            for ind in self._lineiterators[self.IndType]:
                if isinstance(ind, LineSingle):
                    if savemem < -1:
                        ind.qbuffer(savemem=1)
                    continue
                for sub in ind._lineiterators[self.IndType]:
                    sub.qbuffer(savemem=1)
            # what is trimmed must still hold the window its readers need
            for ind in self._lineiterators[self.IndType]:
                for data in getattr(ind, 'datas', ()):
                    data.minbuffer(ind._minperiod)
        elif savemem > 0:
            # minimum memory: notified orders are not kept as history, and
            # datas, own lines and every child keep only a bounded window
            self._keep_orders = False
            for feed in self.datas:
                feed.qbuffer(replaying=replaying)
            children = itertools.chain.from_iterable(self._lineiterators.values())
            for bounded in itertools.chain(self.lines, children):
                bounded.qbuffer(savemem=1)

    @staticmethod
    def _clock_feed(lineiter, feeds):
        """The data feed (a key of ``feeds``, by id) whose bars drive
        ``lineiter``, found by following clocks; None when the chain ends
        elsewhere (a constant, an unrelated object)."""
        clk = getattr(lineiter, '_clock', None)
        if clk is None:
            clk = getattr(lineiter._owner, '_clock', None)
        seen = 0
        while clk is not None and id(clk) not in feeds and seen < 1000:
            seen += 1
            step = getattr(clk, '_clock', None)
            if step is None:
                # a bare line: its holder is a feed or has a clock of its own
                holder = getattr(clk, '_owner', None)
                step = holder if id(holder) in feeds else getattr(holder, '_clock', None)
            if step is clk:
                break
            clk = step
        return clk if clk is not None and id(clk) in feeds else None

    def _periodset(self):
        # per feed: the longest warm-up of the indicators it clocks;
        # overall: the longest warm-up of any indicator
        feeds = {id(data): data for data in self.datas}
        longest = {key: data._minperiod for key, data in feeds.items()}
        indicators = self._lineiterators[LineIterator.IndType]
        for ind in indicators:
            feed = self._clock_feed(ind, feeds)
            if feed is not None:
                key = id(feed)
                longest[key] = max(longest[key], ind._minperiod)
        self._minperiods = [longest[id(data)] for data in self.datas]
        if indicators:
            self._minperiod = max(ind._minperiod for ind in indicators)

    def _addsizer(self, sizer, *args, **kwargs):
        if sizer is None:
            self.setsizer(_sizers.FixedSize())
        else:
            self.setsizer(sizer(*args, **kwargs))

    def _addwriter(self, writer):
        self.writers.append(writer)

    def _addindicator(self, indcls, *indargs, **indkwargs):
        indcls(*indargs, **indkwargs)

    def _addanalyzer_slave(self, ancls, *anargs, **ankwargs):
        analyzer = ancls(*anargs, **ankwargs)
        self._slave_analyzers.append(analyzer)
        return analyzer

    def _getanalyzer_slave(self, idx):
        return self._slave_analyzers[idx]

    def _addanalyzer(self, ancls, *anargs, **ankwargs):
        # a second analyzer of the same name gets a numeric suffix
        base = ankwargs.pop('_name', '') or ancls.__name__.lower()
        seen = next(self._alnames[base])
        label = '%s%s' % (base, seen if seen else '')
        self.analyzers.append(ancls(*anargs, **ankwargs), label)

    def _addobserver(self, multi, obscls, *obsargs, **obskwargs):
        label = obscls.__name__.lower()
        if multi:
            # one observer per data, kept together under one name
            per_data = [obscls(data, *obsargs, **obskwargs) for data in self.datas]
            setattr(self.stats, label, per_data)
        else:
            self.stats.append(obscls(*self.datas, *obsargs, **obskwargs), label)

    # --- minimum period status -----------------------------------------------
    def _getminperstatus(self):
        # datas only grow, so once every data is past its minimum period the
        # status cannot go back
        if self._minperstatus < 0:
            return self._minperstatus
        status = max(map(operator.sub, self._minperiods, map(len, self.datas)))
        self._minperstatus = status
        return status

    # --- cheat on open --------------------------------------------------------
    def next_open(self):
        """Each bar at its open under cheat-on-open: orders placed here
        trade at this bar's open.  Nothing by default."""

    def prenext_open(self):
        """The open of a warm-up bar.  Nothing by default."""

    def nextstart_open(self):
        """The open of the first bar past the warm-up: by default the
        same as any later bar's."""
        return self.next_open()

    def _open_phase(self):
        """Call the open-time hook that matches the minimum-period status:
        the same status that decides between prenext, nextstart and next."""
        status = self._minperstatus
        hook = self.next_open if status < 0 else (
            self.nextstart_open if status == 0 else self.prenext_open)
        hook()

    # both engine modes reach the open phase the same way
    _oncepost_open = _next_open = _open_phase

    # --- engine entry points ------------------------------------------------
    def _clk_update(self):
        newdlens = [len(d) for d in self.datas]
        if any(nl > ol for ol, nl in zip(self._dlens, newdlens)):
            self.forward()
        self._dlens = newdlens
        dts = [d.datetime[0] for d in self.datas if len(d)]
        if dts:
            self.lines.datetime[0] = max(dts)
        return len(self)

    def _advance_plan(self, indicators=None):
        """(clock line, own line, indicator) for every strategy-level
        indicator, so the per-bar check reads two counters."""
        from .indicator import Indicator
        plan = []
        for ind in (self._lineiterators[LineIterator.IndType] if indicators is None
                    else indicators):
            own = _first_line(ind)
            clk = _first_line(ind._clock)
            # buffers moved directly when the standard advance applies
            if isinstance(ind, LineBuffer):
                bufs = [ind] if type(ind).advance is LineBuffer.advance else None
            else:
                bufs = (list(ind.lines.lines)
                        if type(ind).advance is Indicator.advance else None)
            plan.append((clk, own, ind, bufs))
        return plan

    @staticmethod
    def _advance_batched(plan):
        """Move indicators computed in batch to their clock's bar."""
        for clk, own, ind, bufs in plan:
            if clk is None or own is None:
                if len(ind._clock) > len(ind):
                    ind.advance()
            elif clk.lencount > own.lencount:
                if bufs is None:
                    ind.advance()
                else:
                    for buf in bufs:
                        buf.idx += 1
                        buf.lencount += 1

    def _batch_pure_indicators(self):
        """Next mode over preloaded feeds: compute the indicators that
        depend on the feeds alone, with library code, in one pass now (as
        runonce does) and only move them per bar; the rest, and everything
        else the strategy does, still runs bar by bar (see ``_hoist``)."""
        from ._hoist import pure_indicators
        batch = pure_indicators(self)
        if not batch:
            return
        self.forward(size=self._clock.buflen())     # operations clocked on us
        for ind in batch:
            ind._once()
        for obj in itertools.chain(self.datas, batch):
            obj.home()
        dtline = self.lines.datetime
        self.lines.reset()
        dtline._settz(dtline._tz)
        batched = {id(ind): entry for ind, entry in zip(batch, self._advance_plan(batch))}
        steps = []
        for ind in self._lineiterators[LineIterator.IndType]:
            entry = batched.get(id(ind))
            if entry is None:
                steps.append((False, ind._next))
            elif steps and steps[-1][0]:
                steps[-1][1].append(entry)
            else:
                steps.append((True, [entry]))
        self._nextsteps = steps
        self._nextcount = len(self._lineiterators[LineIterator.IndType])

    def _next_batched(self):
        """``LineIterator._next`` of a strategy whose pure indicators
        were computed in batch."""
        self._clk_update()
        indicators = self._lineiterators[LineIterator.IndType]
        if len(indicators) != self._nextcount:      # created during the run
            self._nextsteps += [(False, ind._next) for ind in indicators[self._nextcount:]]
            self._nextcount = len(indicators)
        for batched, step in self._nextsteps:
            if batched:
                self._advance_batched(step)
            else:
                step()
        self._notify()
        _bar_phase(self, -self._getminperstatus())()

    def _oncepost(self, dt):
        # the strategy moves first: operations built in __init__ use it as clock
        line = self.lines.datetime
        if line.idx + 1 < len(line.array):
            self.lines.advance()
        else:
            self.lines.forward()
        line[0] = dt
        plan = self._advplan
        if plan is None:
            plan = self._advplan = self._advance_plan()
        self._advance_batched(plan)
        if self._orderspending or self._tradespending or self._cv_listeners is not False:
            self._notify()
        minperstatus = self._minperstatus
        if minperstatus >= 0:
            minperstatus = self._getminperstatus()
        if minperstatus < 0:
            self.next()
        elif minperstatus == 0:
            self.nextstart()
        else:
            self.prenext()
        self._bar_done(minperstatus, True)

    def _bar_done(self, minperstatus, once):
        """After the strategy's own bar: analyzers, observers, and the
        bar's notification queues emptied (skipped when there is nothing)."""
        if self._stepanalyzers is None or self._stepanalyzers:
            self._next_analyzers(minperstatus, once=once)
        if self._lineiterators[LineIterator.ObsType]:
            self._next_observers(minperstatus, once=once)
        if self._orderspending or self._tradespending:
            self.clear()

    def _next(self):
        if self._nextsteps is None:
            super()._next()
        else:
            self._next_batched()
        self._bar_done(self._minperstatus, False)

    def _next_observers(self, minperstatus, once=False):
        for observer in self._lineiterators[LineIterator.ObsType]:
            for analyzer in observer._analyzers:
                if minperstatus < 0:
                    analyzer._next()
                elif minperstatus == 0:
                    analyzer._nextstart()
                else:
                    analyzer._prenext()
            if once:
                if len(self) > len(observer):
                    line = observer.lines[0] if observer.lines.lines else None
                    if line is not None and line.idx + 1 < len(line.array):
                        observer.lines.advance()
                    else:
                        observer.forward()
                if minperstatus < 0:
                    observer.next()
                elif minperstatus == 0:
                    observer.nextstart()
                elif len(observer):
                    observer.prenext()
            else:
                observer._next()

    def _next_analyzers(self, minperstatus, once=False):
        stepped = self._stepanalyzers
        if stepped is None:
            stepped = self._stepanalyzers = [
                a for a in self.analyzers if _overrides(a, _STEP_HOOKS)]
        for analyzer in stepped:
            if minperstatus < 0:
                analyzer._next()
            elif minperstatus == 0:
                analyzer._nextstart()
            else:
                analyzer._prenext()

    def _settz(self, tz):
        self.lines.datetime._settz(tz)

    def _start(self):
        self._periodset()
        self._advplan = None
        self._allanalyzers = list(itertools.chain(self.analyzers, self._slave_analyzers))
        self._cvanalyzers = None
        self._cv_listeners = None  # anyone told cash/value every bar
        self._stepanalyzers = None
        self._quicknotify = bool(self.cerebro is not None and self.cerebro.p.quicknotify)
        cls = type(self)
        self._wants_cashvalue = (cls.notify_cashvalue is not Strategy.notify_cashvalue
                                 or cls.notify_fund is not Strategy.notify_fund)
        for analyzer in itertools.chain(self.analyzers, self._slave_analyzers):
            analyzer._start()
        for obs in self.observers:
            group = obs if isinstance(obs, list) else [obs]
            for o in group:
                o._start()
        self.start()

    def start(self):
        pass

    def getwriterheaders(self):
        self._csvsources = _writerinfo.csv_sources(self)
        return _writerinfo.headers(self._csvsources)

    def getwritervalues(self):
        return _writerinfo.values(self._csvsources)

    def getwriterinfo(self):
        return _writerinfo.summary(self)

    def _stop(self):
        """The user's stop first, then every analyzer's (own and slave),
        then back to stage 1 so lines read plainly after the run."""
        self.stop()
        for finisher in (*self.analyzers, *self._slave_analyzers):
            finisher._stop()
        self._stage1()

    def stop(self):
        """Hook: the run is over."""

    def set_tradehistory(self, onoff=True):
        self._tradehistoryon = onoff

    def clear(self):
        """End of a bar: pending notifications move to the history (when
        kept) and the pending list starts empty."""
        done, self._orderspending = self._orderspending, []
        if self._keep_orders:
            self._orders += done
        self._tradespending = []

    # --- notifications ---------------------------------------------------------
    def _addnotification(self, order, quicknotify=False):
        """Queue an order notification and book its new fills into trades."""
        if not order.p.simulated:
            self._orderspending.append(order)
        booked = self._book_fills(order) if order.executed.size else []
        self._tradespending.extend(booked)
        if quicknotify:
            self._notify(qorders=[order], qtrades=booked)

    def _open_trade(self, history, data, tradeid):
        trade = Trade(data=data, tradeid=tradeid, historyon=self._tradehistoryon)
        history.append(trade)
        if not self._keep_orders and len(history) > 1:
            del history[:-1]  # minimum memory: closed trades are not kept
        return trade

    def _book_fills(self, order):
        """Apply the order's not yet booked execution bits to the trade of
        its data and trade id; return snapshots of the trades to notify
        (closed ones, and one just opened)."""
        data = order.data._compensate
        if data is None:
            data = order.data
        # hedge legs keep a trade each under the same trade id
        info = order.info
        key = order.tradeid
        if 'position_side' in info:
            key = (key, info['position_side'])
        history = self._trades[data][key]
        trade = history[-1] if history else self._open_trade(history, data, order.tradeid)
        snapshots = []
        for bit in order.executed.iterpending():
            if bit is None:
                break
            # a fill first reduces the position (closed part), then may open
            # the opposite one (opened part) in a fresh trade
            for size, value, comm, opening in (
                    (bit.closed, bit.closedvalue, bit.closedcomm, False),
                    (bit.opened, bit.openedvalue, bit.openedcomm, True)):
                if not size:
                    continue
                if opening and trade.isclosed:
                    trade = self._open_trade(history, data, order.tradeid)
                trade.update(order, size, bit.price, value, comm, bit.pnl,
                             comminfo=order.comminfo)
                if trade.isclosed:
                    snapshots.append(shallow_copy(trade))
            if trade.justopened:
                snapshots.append(shallow_copy(trade))
        return snapshots

    def _notify(self, qorders=None, qtrades=None):
        if self._quicknotify:
            procorders, proctrades = qorders or [], qtrades or []
        else:
            procorders, proctrades = self._orderspending, self._tradespending
        analyzers = self._allanalyzers
        if analyzers is None:
            analyzers = list(itertools.chain(self.analyzers, self._slave_analyzers))
        for order in procorders:
            if order.exectype != order.Historical or order.histnotify:
                self.notify_order(order)
            for analyzer in analyzers:
                analyzer._notify_order(order)
        for trade in proctrades:
            self.notify_trade(trade)
            for analyzer in analyzers:
                analyzer._notify_trade(trade)
        if qorders:
            return
        cvanalyzers = self._cvanalyzers
        if cvanalyzers is None:
            cvanalyzers = self._cvanalyzers = [a for a in analyzers if _wants_cashvalue(a)]
            self._cv_listeners = bool(cvanalyzers or self._wants_cashvalue)
        if not cvanalyzers and not self._wants_cashvalue:
            return
        broker = self.broker
        cash = broker.getcash()
        value = broker.getvalue()
        fundvalue = broker.fundvalue
        fundshares = broker.fundshares
        self.notify_cashvalue(cash, value)
        self.notify_fund(cash, value, fundvalue, fundshares)
        for analyzer in cvanalyzers:
            analyzer._notify_cashvalue(cash, value)
            analyzer._notify_fund(cash, value, fundvalue, fundshares)

    def add_timer(self, when, offset=None, repeat=None, weekdays=[],
                  weekcarry=False, monthdays=[], monthcarry=True,
                  allow=None, tzdata=None, cheat=False, *args, **kwargs):
        from datetime import timedelta
        return self.cerebro._add_timer(
            owner=self, when=when, offset=offset or timedelta(),
            repeat=repeat or timedelta(), weekdays=weekdays, weekcarry=weekcarry,
            monthdays=monthdays, monthcarry=monthcarry, allow=allow,
            tzdata=tzdata, strats=False, cheat=cheat, *args, **kwargs)

    # notifications a strategy may override; unheard by default
    def _unheard(self, *args, **kwargs):
        pass

    notify_timer = notify_cashvalue = notify_fund = _unheard
    notify_order = notify_trade = notify_store = notify_data = _unheard

    # --- data helpers -------------------------------------------------------------
    def getdatanames(self):
        return list(self.env.datasbyname.keys())

    def getdatabyname(self, name):
        return self.env.datasbyname[name]

    def _resolve_data(self, data):
        if isinstance(data, string_types):
            return self.getdatabyname(data)
        if data is None:
            return self.datas[0]
        return data

    # --- orders -------------------------------------------------------------------
    def cancel(self, order):
        self.broker.cancel(order)

    def buy(self, data=None, size=None, price=None, plimit=None, exectype=None,
            valid=None, tradeid=0, oco=None, trailamount=None, trailpercent=None,
            parent=None, transmit=True, **kwargs):
        """Create a buy order (sized by the sizer when ``size`` is None)."""
        data = self._resolve_data(data)
        size = size if size is not None else self.getsizing(data, isbuy=True)
        if size:
            return self.broker.buy(
                self, data, size=abs(size), price=price, plimit=plimit,
                exectype=exectype, valid=valid, tradeid=tradeid, oco=oco,
                trailamount=trailamount, trailpercent=trailpercent,
                parent=parent, transmit=transmit, **kwargs)
        return None

    def sell(self, data=None, size=None, price=None, plimit=None, exectype=None,
             valid=None, tradeid=0, oco=None, trailamount=None, trailpercent=None,
             parent=None, transmit=True, **kwargs):
        """Create a sell order (sized by the sizer when ``size`` is None)."""
        data = self._resolve_data(data)
        size = size if size is not None else self.getsizing(data, isbuy=False)
        if size:
            return self.broker.sell(
                self, data, size=abs(size), price=price, plimit=plimit,
                exectype=exectype, valid=valid, tradeid=tradeid, oco=oco,
                trailamount=trailamount, trailpercent=trailpercent,
                parent=parent, transmit=transmit, **kwargs)
        return None

    def close(self, data=None, size=None, **kwargs):
        """Close (or reduce by ``size``) the position on ``data``."""
        if isinstance(data, string_types):
            data = self.getdatabyname(data)
        elif data is None:
            data = self.data
        # a hedge-mode order closes the leg it names
        possize = self.getposition(data, self.broker,
                                   side=kwargs.get('position_side')).size
        size = abs(size if size is not None else possize)
        if possize > 0:
            return self.sell(data=data, size=size, **kwargs)
        if possize < 0:
            return self.buy(data=data, size=size, **kwargs)
        return None

    def buy_bracket(self, data=None, size=None, price=None, plimit=None,
                    exectype=Order.Limit, valid=None, tradeid=0,
                    trailamount=None, trailpercent=None, oargs={},
                    stopprice=None, stopexec=Order.Stop, stopargs={},
                    limitprice=None, limitexec=Order.Limit, limitargs={},
                    **kwargs):
        """A buy order with a protective stop and a take-profit limit."""
        return self._bracket(True, data, size, price, plimit, exectype, valid,
                             tradeid, trailamount, trailpercent, oargs, stopprice,
                             stopexec, stopargs, limitprice, limitexec, limitargs,
                             kwargs)

    def sell_bracket(self, data=None, size=None, price=None, plimit=None,
                     exectype=Order.Limit, valid=None, tradeid=0,
                     trailamount=None, trailpercent=None, oargs={},
                     stopprice=None, stopexec=Order.Stop, stopargs={},
                     limitprice=None, limitexec=Order.Limit, limitargs={},
                     **kwargs):
        """A sell order with a protective stop and a take-profit limit."""
        return self._bracket(False, data, size, price, plimit, exectype, valid,
                             tradeid, trailamount, trailpercent, oargs, stopprice,
                             stopexec, stopargs, limitprice, limitexec, limitargs,
                             kwargs)

    def _bracket(self, isbuy, data, size, price, plimit, exectype, valid, tradeid,
                 trailamount, trailpercent, oargs, stopprice, stopexec, stopargs,
                 limitprice, limitexec, limitargs, kwargs):
        opener, closer = (self.buy, self.sell) if isbuy else (self.sell, self.buy)
        kargs = dict(size=size, data=data, price=price, plimit=plimit,
                     exectype=exectype, valid=valid, tradeid=tradeid,
                     trailamount=trailamount, trailpercent=trailpercent)
        kargs.update(oargs)
        kargs.update(kwargs)
        kargs['transmit'] = limitexec is None and stopexec is None
        main = opener(**kargs)
        if main is None:
            return [None, None, None]
        ostop = olimit = None
        if stopexec is not None:
            kargs = dict(data=data, size=main.size, price=stopprice,
                         exectype=stopexec, valid=valid, tradeid=tradeid)
            kargs.update(stopargs)
            kargs.update(kwargs)
            kargs['parent'] = main
            kargs['transmit'] = limitexec is None
            ostop = closer(**kargs)
        if limitexec is not None:
            kargs = dict(data=data, size=main.size, price=limitprice,
                         exectype=limitexec, valid=valid, tradeid=tradeid)
            kargs.update(limitargs)
            kargs.update(kwargs)
            kargs['parent'] = main
            kargs['transmit'] = True
            olimit = closer(**kargs)
        return [main, ostop, olimit]

    def _target_data(self, data):
        """The data an order_target_* call names (a data, its name, or None
        for the first)."""
        if data is None:
            return self.data
        return self.getdatabyname(data) if isinstance(data, string_types) else data

    def _order_gap(self, data, gap, **kwargs):
        """Send ``abs(gap)`` units the way ``gap`` points (nothing for 0)."""
        if gap > 0:
            return self.buy(data=data, size=gap, **kwargs)
        if gap < 0:
            return self.sell(data=data, size=-gap, **kwargs)
        return None

    def order_target_size(self, data=None, target=0, **kwargs):
        """Buy/sell so the position becomes ``target`` units; a target of
        zero closes what is held."""
        data = self._target_data(data)
        held = self.getposition(data, self.broker).size
        if held and not target:
            return self.close(data=data, size=held, **kwargs)
        return self._order_gap(data, target - held, **kwargs)

    def order_target_value(self, data=None, target=0.0, price=None, **kwargs):
        """Buy/sell so the position's value becomes ``target``, sized at
        ``price`` (default: the current close)."""
        data = self._target_data(data)
        broker = self.broker
        held = self.getposition(data, broker).size
        if held and not target:
            return self.close(data=data, size=held, price=price, **kwargs)
        worth = broker.getvalue(datas=[data])
        if target == worth:
            return None
        at = data.close[0] if price is None else price
        units = broker.getcommissioninfo(data).getsize(at, abs(target - worth))
        return self._order_gap(data, units if target > worth else -units, price=at,
                               **kwargs)

    def order_target_percent(self, data=None, target=0.0, **kwargs):
        """Buy/sell so the position is ``target`` (0..1) of the portfolio."""
        return self.order_target_value(data=self._target_data(data),
                                       target=self.broker.getvalue() * target, **kwargs)

    # --- positions and sizers -----------------------------------------------------
    def getposition(self, data=None, broker=None, side=None):
        """The position on ``data`` (default: the first data); ``side``
        picks one leg of a hedge-mode perpetual ('long'/'short')."""
        data = data if data is not None else self.datas[0]
        broker = broker or self.broker
        if side is None:
            return broker.getposition(data)
        return broker.getposition(data, side=side)

    position = property(getposition)

    def getpositionbyname(self, name=None, broker=None):
        data = self.datas[0] if not name else self.getdatabyname(name)
        broker = broker or self.broker
        return broker.getposition(data)

    positionbyname = property(getpositionbyname)

    def getpositions(self, broker=None):
        broker = broker or self.broker
        return broker.positions

    positions = property(getpositions)

    def getpositionsbyname(self, broker=None):
        broker = broker or self.broker
        positions = broker.positions
        posbyname = collections.OrderedDict()
        for name, data in self.env.datasbyname.items():
            posbyname[name] = positions[data]
        return posbyname

    positionsbyname = property(getpositionsbyname)

    def setsizer(self, sizer):
        self._sizer = sizer
        sizer.set(self, self.broker)
        return sizer

    def getsizer(self):
        return self._sizer

    sizer = property(getsizer, setsizer)

    def getsizing(self, data=None, isbuy=True):
        data = data if data is not None else self.datas[0]
        return self._sizer.getsizing(data, isbuy=isbuy)


from .signalstrategy import MetaSigStrategy, SignalStrategy  # noqa: E402,F401
