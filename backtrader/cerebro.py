"""Cerebro: collects datas, strategies, analyzers and observers and runs them.

Two loops drive a run:

* batch (``runonce`` with preloaded data): every indicator is computed over
  the whole series first, then the clock walks the bars, moving each data
  whose next datetime is due and letting the broker and strategies act;
* per bar (``runonce=False``, no preload, replay, live): each data delivers
  its next bar, datas ahead of the earliest datetime are held back, and
  everything is computed bar by bar.

Optimisation (``optstrategy``) runs each parameter combination through the
same path, in worker processes when ``maxcpus`` allows.
"""
from __future__ import annotations

import collections
import datetime
import itertools
import multiprocessing

from . import _context
from . import linebuffer, indicator, observers
from .brokers import BackBroker
from .errors import StrategySkipError
from .metabase import MetaParams
from .strategy import Strategy
from .utils.date import num2date, tzparse
from .utils.py3 import integer_types, string_types

__all__ = ['Cerebro', 'OptReturn']

_INF = float('inf')


class OptReturn:
    """Lightweight result of an optimisation run: params and analyzers."""

    def __init__(self, params, **kwargs):
        self.p = self.params = params
        for key, val in kwargs.items():
            setattr(self, key, val)


class Cerebro(metaclass=MetaParams):
    """The engine.  See the module docstring for the two run loops."""

    params = (
        ('preload', True), ('runonce', True), ('maxcpus', None),
        ('stdstats', True), ('oldbuysell', False), ('oldtrades', False),
        ('lookahead', 0), ('exactbars', False), ('optdatas', True),
        ('optreturn', True), ('objcache', False), ('live', False),
        ('writer', False), ('tradehistory', False), ('oldsync', False),
        ('tz', None), ('cheat_on_open', False), ('broker_coo', True),
        ('quicknotify', False), ('batch_indicators', True),
    )

    def __init__(self):
        self._doreplay = False
        self._dooptimize = False
        self._dolive = False
        self.stores = []
        self.feeds = []
        self.datas = []
        self.datasbyname = collections.OrderedDict()
        self.strats = []
        self.optcbs = []
        self.observers = []
        self.analyzers = []
        self.indicators = []
        self.sizers = {}
        self.writers = []
        self.storecbs = []
        self.datacbs = []
        self.signals = []
        self._signal_strat = (None, [], {})
        self._signal_concurrent = False
        self._signal_accumulate = False
        self._dataid = itertools.count(1)
        self._broker = BackBroker()
        self._broker.cerebro = self
        self._tradingcal = None
        self._pretimers = []
        self._ohistory = []
        self._fhistory = None
        self._event_stop = False
        self.runstrats = []
        self.runningstrats = []

    # --- helpers for optimisation ---------------------------------------------------
    @staticmethod
    def iterize(iterable):
        """Make every element an iterable (strings count as single values)."""
        niterable = []
        for elem in iterable:
            if isinstance(elem, string_types):
                elem = (elem,)
            elif not isinstance(elem, collections.abc.Iterable):
                elem = (elem,)
            niterable.append(elem)
        return niterable

    # --- configuration ------------------------------------------------------------
    def set_fund_history(self, fund):
        self._fhistory = fund

    def add_order_history(self, orders, notify=True):
        self._ohistory.append((orders, notify))

    def notify_timer(self, timer, when, *args, **kwargs):
        pass

    def _add_timer(self, owner, when, offset=datetime.timedelta(),
                   repeat=datetime.timedelta(), weekdays=[], weekcarry=False,
                   monthdays=[], monthcarry=True, allow=None, tzdata=None,
                   strats=False, cheat=False, *args, **kwargs):
        from .timer import Timer
        timer = Timer(tid=len(self._pretimers), owner=owner, strats=strats,
                      when=when, offset=offset, repeat=repeat, weekdays=weekdays,
                      weekcarry=weekcarry, monthdays=monthdays,
                      monthcarry=monthcarry, allow=allow, tzdata=tzdata,
                      cheat=cheat, *args, **kwargs)
        self._pretimers.append(timer)
        return timer

    def add_timer(self, when, offset=datetime.timedelta(), repeat=datetime.timedelta(),
                  weekdays=[], weekcarry=False, monthdays=[], monthcarry=True,
                  allow=None, tzdata=None, strats=False, cheat=False,
                  *args, **kwargs):
        return self._add_timer(
            owner=self, when=when, offset=offset, repeat=repeat,
            weekdays=weekdays, weekcarry=weekcarry, monthdays=monthdays,
            monthcarry=monthcarry, allow=allow, tzdata=tzdata,
            strats=strats, cheat=cheat, *args, **kwargs)

    def addtz(self, tz):
        self.p.tz = tz

    def addfunding(self, data, rates, mark=None):
        """Charge perpetual-futures funding on ``data``'s position.

        ``rates``: a ``bt.FundingRates``, anything it reads (CSV path with
        ``datetime,funding_rate``, pandas Series/DataFrame, (datetime, rate)
        pairs) or a number (that constant rate every 8 hours from 00:00
        UTC).  ``mark``: the mark prices (``bt.MarkPrices`` or its source:
        CSV path or DataFrame of mark bars); without it the data's close
        is used.  At each funding time the account receives
        ``-size * mark * rate`` (longs pay a positive rate, shorts receive
        it): in cash, in ``broker.funding_history`` (read by the
        ``FundingAnalyzer``) and in each open trade's ``funding``.
        """
        self._broker.add_funding_source(data, rates, mark)

    def addmarkprices(self, data, marks, stamps='open'):
        """Liquidate ``data``'s futures positions by mark price, as
        exchanges do, instead of by the bar's high and low.

        ``marks``: a ``bt.MarkPrices`` or its source (CSV path or DataFrame
        of mark price bars with open/high/low/close).  A mark bar counts
        once complete by the end of the data's bar (no lookahead), with
        its high and low when it began after the position's last change,
        else with its close.  ``stamps``: ``'open'`` when the data's bar
        times are bar starts (exchange candles), ``'close'`` when they are
        bar ends.  Outside the mark bars' span the bar's high/low are used.
        """
        self._broker.add_mark_prices(data, marks, stamps)

    def addcalendar(self, cal):
        """The trading calendar every data without its own uses: a
        calendar instance or class, a pandas_market_calendars name or
        object (wrapped in ``PandasMarketCalendar``)."""
        from .tradingcal import PandasMarketCalendar, TradingCalendarBase
        wraps_pmc = isinstance(cal, string_types) or hasattr(cal, 'valid_days')
        if wraps_pmc:
            self._tradingcal = PandasMarketCalendar(calendar=cal)
            return
        is_class = isinstance(cal, type) and issubclass(cal, TradingCalendarBase)
        self._tradingcal = cal() if is_class else cal

    def add_signal(self, sigtype, sigcls, *sigargs, **sigkwargs):
        self.signals.append((sigtype, sigcls, sigargs, sigkwargs))

    def signal_strategy(self, stratcls, *args, **kwargs):
        self._signal_strat = (stratcls, args, kwargs)

    def signal_concurrent(self, onoff):
        self._signal_concurrent = onoff

    def signal_accumulate(self, onoff):
        self._signal_accumulate = onoff

    def addstore(self, store):
        if store not in self.stores:
            self.stores.append(store)

    def addwriter(self, wrtcls, *args, **kwargs):
        self.writers.append((wrtcls, args, kwargs))

    def addsizer(self, sizercls, *args, **kwargs):
        self.sizers[None] = (sizercls, args, kwargs)

    def addsizer_byidx(self, idx, sizercls, *args, **kwargs):
        self.sizers[idx] = (sizercls, args, kwargs)

    def addindicator(self, indcls, *args, **kwargs):
        self.indicators.append((indcls, args, kwargs))

    def addanalyzer(self, ancls, *args, **kwargs):
        self.analyzers.append((ancls, args, kwargs))

    def addobserver(self, obscls, *args, **kwargs):
        self.observers.append((False, obscls, args, kwargs))

    def addobservermulti(self, obscls, *args, **kwargs):
        self.observers.append((True, obscls, args, kwargs))

    def addstorecb(self, callback):
        self.storecbs.append(callback)

    def adddatacb(self, callback):
        self.datacbs.append(callback)

    def notify_store(self, msg, *args, **kwargs):
        pass

    def notify_data(self, data, status, *args, **kwargs):
        pass

    def _notify_store(self, msg, *args, **kwargs):
        self._fan_out(self.storecbs, 'notify_store', (msg,) + args, kwargs)

    def _notify_data(self, data, status, *args, **kwargs):
        self._fan_out(self.datacbs, 'notify_data', (data, status) + args, kwargs)

    def _fan_out(self, callbacks, hook, args, kwargs, strategies=False):
        """Deliver one notification to the callbacks, then to cerebro's own
        hook (and, when asked, to every running strategy's hook)."""
        for callback in callbacks:
            callback(*args, **kwargs)
        getattr(self, hook)(*args, **kwargs)
        if strategies:
            for strat in self.runningstrats:
                getattr(strat, hook)(*args, **kwargs)

    def _storenotify(self):
        for store in self.stores:
            for msg, args, kwargs in store.get_notifications():
                self._fan_out(self.storecbs, 'notify_store', (msg,) + tuple(args),
                              kwargs, strategies=True)

    def _datanotify(self):
        for data in self.datas:
            for status, args, kwargs in data.get_notifications():
                self._fan_out(self.datacbs, 'notify_data', (data, status) + tuple(args),
                              kwargs, strategies=True)

    # --- datas ------------------------------------------------------------------------
    def adddata(self, data, name=None):
        """Add a data feed; ``name`` sets ``data._name``."""
        data._name = data._name if name is None else name
        data._id = next(self._dataid)
        data.setenvironment(self)
        self.datas.append(data)
        self.datasbyname[data._name] = data
        source = data.getfeed()
        known = any(source is f for f in self.feeds)
        if source and not known:
            self.feeds.append(source)
        self._dolive = self._dolive or bool(data.islive())
        self._adopt_store(data)
        return data

    def _adopt_store(self, owner):
        """A live data or broker made by a store brings the store along, so
        its notifications reach ``notify_store`` without ``addstore``."""
        from .store import Store
        store = getattr(owner, 'store', None)
        if isinstance(store, Store):
            self.addstore(store)

    def _add_joined(self, feedcls, sources, name, kwargs):
        """Add one feed made of several (named after the first by default)."""
        label = sources[0]._dataname if name is None else name
        return self.adddata(feedcls(*sources, **kwargs), name=label)

    def chaindata(self, *args, **kwargs):
        from .feeds.chainer import Chainer
        return self._add_joined(Chainer, args, kwargs.pop('name', None), {})

    def rolloverdata(self, *args, **kwargs):
        from .feeds.rollover import RollOver
        return self._add_joined(RollOver, args, kwargs.pop('name', None), kwargs)

    def _add_rebarred(self, dataname, name, method, kwargs):
        """Add ``dataname`` (a clone if it is already in) rebuilt into larger
        bars by its ``resample``/``replay``.  The bars form while the source
        streams, so the run uses the per-bar loop without preloading."""
        if any(dataname is known for known in self.datas):
            dataname = dataname.clone()
        getattr(dataname, method)(**kwargs)
        self.adddata(dataname, name=name)
        self._doreplay = True
        return dataname

    def replaydata(self, dataname, name=None, **kwargs):
        """Add ``dataname`` replayed into a larger timeframe."""
        return self._add_rebarred(dataname, name, 'replay', kwargs)

    def resampledata(self, dataname, name=None, **kwargs):
        """Add ``dataname`` resampled into a larger timeframe."""
        return self._add_rebarred(dataname, name, 'resample', kwargs)

    # --- strategies ---------------------------------------------------------------
    def optcallback(self, cb):
        self.optcbs.append(cb)

    def optstrategy(self, strategy, *args, **kwargs):
        """Add a strategy to optimise over every combination of the values."""
        self._dooptimize = True
        args = self.iterize(args)
        optargs = itertools.product(*args)
        optkeys = list(kwargs)
        vals = self.iterize(kwargs.values())
        optvals = itertools.product(*vals)
        optkwargs = [dict(zip(optkeys, v)) for v in optvals]
        self.strats.append(list(itertools.product([strategy], optargs, optkwargs)))

    def addstrategy(self, strategy, *args, **kwargs):
        self.strats.append([(strategy, args, kwargs)])
        return len(self.strats) - 1

    def setbroker(self, broker):
        self._broker = broker
        broker.cerebro = self
        self._adopt_store(broker)
        return broker

    def getbroker(self):
        return self._broker

    broker = property(getbroker, setbroker)

    def plot(self, plotter=None, numfigs=1, iplot=True, start=None, end=None,
             width=16, height=9, dpi=300, tight=True, use=None, **kwargs):
        if self._exactbars > 0:
            return
        from . import plot as btplot
        if not plotter:
            plotter = btplot.Plot(**kwargs)
        figs = []
        for stratlist in self.runstrats:
            for si, strat in enumerate(stratlist):
                rfig = plotter.plot(strat, figid=si * 100, numfigs=numfigs,
                                    iplot=iplot, start=start, end=end, use=use)
                figs.append(rfig)
            plotter.show()
        return figs

    # --- running ------------------------------------------------------------------
    def __call__(self, iterstrat):
        predata = self.p.optdatas and self._dopreload and self._dorunonce
        return self.runstrategies(iterstrat, predata=predata)

    def __getstate__(self):
        rv = vars(self).copy()
        rv.pop('runstrats', None)
        rv.pop('runningstrats', None)
        return rv

    def runstop(self):
        self._event_stop = True

    def _next_stid(self):
        return next(self.stcount)

    def _init_stcount(self):
        self.stcount = itertools.count(0)

    def _configure_modes(self, kwargs):
        pkeys = self.params._getkeys()
        for key, val in kwargs.items():
            if key in pkeys:
                setattr(self.params, key, val)
        linebuffer.LineActions.cleancache()
        indicator.Indicator.cleancache()
        linebuffer.LineActions.usecache(self.p.objcache)
        indicator.Indicator.usecache(self.p.objcache)
        self._dorunonce = self.p.runonce
        self._dopreload = self.p.preload
        self._exactbars = int(self.p.exactbars)
        if self._exactbars:
            self._dorunonce = False
            self._dopreload = self._dopreload and self._exactbars < 1
        self._doreplay = self._doreplay or any(x.replaying for x in self.datas)
        if self._doreplay:
            self._dopreload = False
        if self._dolive or self.p.live:
            self._dorunonce = False
            self._dopreload = False

    def run(self, **kwargs):
        """Run the backtest; returns the strategies (or, when optimising, a
        list with one list of strategies/OptReturn per combination)."""
        self._event_stop = False
        if not self.datas:
            return []
        self._configure_modes(kwargs)
        self.runwriters = []
        if self.p.writer is True:
            from .writer import WriterFile
            self.runwriters.append(WriterFile())
        for wrcls, wrargs, wrkwargs in self.writers:
            self.runwriters.append(wrcls(*wrargs, **wrkwargs))
        self.writers_csv = any(w.p.csv for w in self.runwriters)
        self.runstrats = []
        if self.signals:
            signalst, sargs, skwargs = self._signal_strat
            if signalst is None:
                from .signalstrategy import SignalStrategy
                signalst = SignalStrategy
            skwargs = dict(skwargs)
            skwargs.setdefault('signals', self.signals)
            skwargs.setdefault('_accumulate', self._signal_accumulate)
            skwargs.setdefault('_concurrent', self._signal_concurrent)
            self.addstrategy(signalst, *sargs, **skwargs)
        if not self.strats:
            self.addstrategy(Strategy)
        combos = itertools.product(*self.strats)
        if self._dooptimize and self.p.maxcpus != 1:
            self._run_pool(combos)
            return self.runstrats
        for combo in combos:
            done = self.runstrategies(combo)
            self.runstrats.append(done)
            for callback in (self.optcbs if self._dooptimize else ()):
                callback(done)
        return self.runstrats if self._dooptimize else self.runstrats[0]

    def _run_pool(self, iterstrats):
        predata = self.p.optdatas and self._dopreload and self._dorunonce
        if predata:
            for data in self.datas:
                data.reset()
                if self._exactbars < 1:
                    data.extend(size=self.params.lookahead)
                data._start()
                if self._dopreload:
                    data.preload()
        ctx = multiprocessing.get_context('fork') if hasattr(
            multiprocessing, 'get_context') else multiprocessing
        pool = ctx.Pool(self.p.maxcpus or None)
        try:
            for result in pool.imap(self, iterstrats):
                self.runstrats.append(result)
                for cb in self.optcbs:
                    cb(result)
        finally:
            pool.close()
            pool.join()
        if predata:
            for data in self.datas:
                data.stop()

    def _prepare_datas(self):
        for data in self.datas:
            data.reset()
            if self._exactbars < 1:
                data.extend(size=self.params.lookahead)
            data._start()
            if self._dopreload:
                data.preload()

    def _make_strategies(self, iterstrat):
        runstrats = []
        _context.current_cerebro = self
        try:
            for stratcls, sargs, skwargs in iterstrat:
                sargs = self.datas + list(sargs)
                try:
                    strat = stratcls(*sargs, **skwargs)
                except StrategySkipError:
                    continue
                if self.p.oldsync:
                    strat._oldsync = True
                if self.p.tradehistory:
                    strat.set_tradehistory()
                runstrats.append(strat)
        finally:
            _context.current_cerebro = None
        return runstrats

    def _standard_observers(self):
        """The observers ``stdstats`` adds, shaped like ``addobserver``'s
        records: (multi, class, args, kwargs)."""
        buysell = {} if self.p.oldbuysell else {'barplot': True}
        trades = (observers.Trades if self.p.oldtrades or len(self.datas) == 1
                  else observers.DataTrades)
        return [(False, observers.Broker, (), {}),
                (True, observers.BuySell, (), buysell),
                (False, trades, (), {})]

    def _setup_strategy(self, idx, strat, tz):
        """Give a new strategy what cerebro collected for every strategy
        (observers, indicators, analyzers, its sizer), then start it."""
        attach = [(strat._addobserver, (multi, cls) + tuple(args), kwargs)
                  for multi, cls, args, kwargs in
                  (self._standard_observers() if self.p.stdstats else [])
                  + list(self.observers)]
        attach += [(strat._addindicator, (cls,) + tuple(args), kwargs)
                   for cls, args, kwargs in self.indicators]
        attach += [(strat._addanalyzer, (cls,) + tuple(args), kwargs)
                   for cls, args, kwargs in self.analyzers]
        chosen = self.sizers[idx] if idx in self.sizers else self.sizers.get(None)
        if chosen is not None and chosen[0] is not None:
            attach.append((strat._addsizer, (chosen[0],) + tuple(chosen[1]), chosen[2]))
        for method, args, kwargs in attach:
            method(*args, **kwargs)
        strat._settz(tz)
        strat._start()
        for writer in (w for w in self.runwriters if w.p.csv):
            writer.addheaders(strat.getwriterheaders())

    def runstrategies(self, iterstrat, predata=False):
        """Run one combination of strategies over the datas."""
        self._init_stcount()
        self.runningstrats = runstrats = []
        self._start_services()
        try:
            if not predata:
                self._prepare_datas()
            runstrats.extend(self._make_strategies(iterstrat))
            if runstrats:
                self._run_strategies(runstrats, predata)
        except BaseException:
            # an error or Ctrl-C mid-run: live stores still close their
            # connections and join their threads
            if self.stores:
                self._stop_services(predata)
            raise
        self._stop_services(predata)
        self.stop_writers(runstrats)
        if self._dooptimize and self.p.optreturn:
            return self._optreturns(runstrats)
        return runstrats

    def _start_services(self):
        """Stores, broker (with its histories) and feeds, before the datas."""
        broker = self._broker
        for store in self.stores:
            store.start()
        if self.p.cheat_on_open and self.p.broker_coo:
            broker.set_coo(True)
        if self._fhistory is not None:
            broker.set_fund_history(self._fhistory)
        for orders, onotify in self._ohistory:
            broker.add_order_history(orders, onotify)
        broker.start()
        # minimum memory (exactbars=1): finished orders are not kept as history
        broker._keep_order_history = self._exactbars < 1
        for feed in self.feeds:
            feed.start()
        if self.writers_csv:
            columns = [col for data in self.datas if data.csv
                       for col in data.getwriterheaders()]
            for writer in (w for w in self.runwriters if w.p.csv):
                writer.addheaders(columns)

    def _stop_services(self, predata):
        self._broker.stop()
        owned_datas = [] if predata else list(self.datas)
        for component in owned_datas + list(self.feeds) + list(self.stores):
            component.stop()

    def _strategy_tz(self):
        tz = self.p.tz
        if isinstance(tz, integer_types):
            return self.datas[tz]._tz  # the timezone of that data
        return tzparse(tz)

    def _run_strategies(self, runstrats, predata):
        tz = self._strategy_tz()
        for idx, strat in enumerate(runstrats):
            self._setup_strategy(idx, strat, tz)
        if not predata:
            for strat in runstrats:
                strat.qbuffer(self._exactbars, replaying=self._doreplay)
        for writer in self.runwriters:
            writer.start()
        for timer in self._pretimers:
            timer.start(self.datas[0])
        self._timerscheat = [t for t in self._pretimers if t.params.cheat]
        self._timers = [t for t in self._pretimers if not t.params.cheat]
        for strat in runstrats:
            strat._stage2()
        # an indicator declaring _nextforce (HeikinAshi) needs bar by bar
        batch = (self._dopreload and self._dorunonce
                 and not any(getattr(s, '_nextforce', False) for s in runstrats))
        (self._runonce if batch else self._runnext)(runstrats)
        for strat in runstrats:
            strat._stop()

    def _optreturns(self, runstrats):
        results = []
        for strat in runstrats:
            for analyzer in strat.analyzers:
                analyzer.strategy = None
                analyzer._parent = None
                for attrname in dir(analyzer):
                    if attrname.startswith('data'):
                        setattr(analyzer, attrname, None)
            results.append(OptReturn(strat.params, analyzers=strat.analyzers,
                                     strategycls=type(strat)))
        return results

    def stop_writers(self, runstrats):
        """Hand every writer the run's summary tree, then close it."""
        tree = collections.OrderedDict()
        tree['Datas'] = collections.OrderedDict(
            ('Data%d' % idx, data.getwriterinfo()) for idx, data in enumerate(self.datas))
        tree['Strategies'] = {type(strat).__name__: strat.getwriterinfo()
                              for strat in runstrats}
        for writer in self.runwriters:
            writer.writedict({'Cerebro': tree})
            writer.stop()

    def _next_writers(self, runstrats):
        """One CSV row per bar: the datas' values, then each strategy's."""
        if not self.runwriters or not self.writers_csv:
            return
        row = []
        for data in self.datas:
            if data.csv:
                row += data.getwritervalues()
        for strat in runstrats:
            row += strat.getwritervalues()
        for writer in (w for w in self.runwriters if w.p.csv):
            writer.addvalues(row)
            writer.next()

    def _brokernotify(self):
        broker = self._broker
        broker.next()
        quick = self.p.quicknotify
        while True:
            order = broker.get_notification()
            if order is None:
                break
            owner = order.owner
            if owner is None:
                owner = self.runningstrats[0]
            owner._addnotification(order, quicknotify=quick)

    def _check_timers(self, runstrats, dt0, cheat=False):
        timers = self._timers if not cheat else self._timerscheat
        for timer in timers:
            if not timer.check(dt0):
                continue
            timer.params.owner.notify_timer(timer, timer.lastwhen,
                                            *timer.args, **timer.kwargs)
            if timer.params.strats:
                for strat in runstrats:
                    strat.notify_timer(timer, timer.lastwhen, *timer.args,
                                       **timer.kwargs)

    # the master clock's datetime, converted only when somebody asks
    @property
    def _dtmaster(self):
        return self._dmaster.num2date(self._dt0master)

    @property
    def _udtmaster(self):
        return num2date(self._dt0master)

    # --- the per-bar loop -----------------------------------------------------------
    def _clock_candidates(self, feeds, stamps):
        """Datetimes that may set the clock: bars of datas that are not
        pure resamplings win over resampled ones, unless only those have
        a bar (a resampled bar may carry an early timestamp)."""
        delivered = [(i, t) for i, t in enumerate(stamps) if t is not None]
        primary = [t for i, t in delivered if not (feeds[i].resampling and not feeds[i].replaying)]
        return primary or [t for _, t in delivered]

    def _align_feeds(self, feeds, delivered):
        """After each feed tried to move: choose the earliest datetime as the
        clock, let feeds that delivered nothing catch up to it and hold back
        feeds whose bar lies beyond it.  Returns the clock's datetime."""
        stamps = [feed.datetime[0] if got else None for feed, got in zip(feeds, delivered)]
        clock = min(self._clock_candidates(feeds, stamps))
        master = feeds[stamps.index(clock)]
        self._dmaster, self._dt0master = master, clock
        for idx, feed in enumerate(feeds):
            if delivered[idx]:
                continue
            feed._check(forcedata=master)
            if feed.next(datamaster=master, ticks=False):
                stamps[idx] = feed.datetime[0]
        for feed, stamp in zip(feeds, stamps):
            if stamp is None:
                continue
            if stamp > clock:
                feed.rewind()  # not yet: delivered again on a later round
            elif not feed.replaying:
                feed._tick_fill(force=True)
        return clock

    def _pull_bars(self, feeds):
        """Ask every feed for its next bar.  True: some bar arrived; None:
        nothing now but a live feed may deliver later; False: all done."""
        live_quiet = not any(feed.haslivedata() for feed in feeds)
        started = None if live_quiet else datetime.datetime.utcnow()
        delivered = []
        for feed in feeds:
            waited = 0 if started is None else (
                datetime.datetime.utcnow() - started).total_seconds()
            feed.do_qcheck(live_quiet, waited)
            delivered.append(feed.next(ticks=False))
        if any(delivered):
            return True, delivered
        return (None if None in delivered else False), delivered

    def _flush_filters(self, feeds):
        """End of input: filters may still hold a last bar (resampling)."""
        first, rest = feeds[0], feeds[1:]
        flushed = bool(first._last())
        for feed in rest:
            flushed = bool(feed._last(datamaster=first)) or flushed
        return flushed

    def _runnext(self, runstrats):
        if self._dopreload and not self._exactbars and self.p.batch_indicators:
            for strat in runstrats:
                strat._batch_pure_indicators()
        feeds = sorted(self.datas, key=lambda x: (x._timeframe, x._compression))
        clock = None
        while True:
            self._storenotify()
            if self._event_stop:
                return
            self._datanotify()
            if self._event_stop:
                return
            state, delivered = self._pull_bars(feeds)
            flushed = False
            if state:
                clock = self._align_feeds(feeds, delivered)
            elif state is None:
                for feed in feeds:
                    feed._check()
            else:
                flushed = self._flush_filters(feeds)
                if not flushed:
                    return
            self._datanotify()
            if self._event_stop:
                return
            if state or flushed:
                self._bar_step(runstrats, clock, once=False)
                if self._event_stop:
                    return
            elif state is False:
                return
            else:   # a live feed is quiet: order notifications still flow
                self._brokernotify()
                if self._event_stop:
                    return

    def _bar_step(self, runstrats, dt0, once):
        if self._timerscheat:
            self._check_timers(runstrats, dt0, cheat=True)
        if self.p.cheat_on_open:
            for strat in runstrats:
                if once:
                    strat._oncepost_open()
                else:
                    strat._next_open()
                if self._event_stop:
                    return
        self._brokernotify()
        if self._event_stop:
            return
        if self._timers:
            self._check_timers(runstrats, dt0, cheat=False)
        for strat in runstrats:
            if once:
                strat._oncepost(dt0)
            else:
                strat._next()
            if self._event_stop:
                return
            self._next_writers(runstrats)

    # --- the batch loop -------------------------------------------------------------
    def _runonce(self, runstrats):
        for strat in runstrats:
            strat._once()
            dtline = strat.lines.datetime
            strat.lines.reset()
            dtline._settz(dtline._tz)
        datas = sorted(self.datas, key=lambda x: (x._timeframe, x._compression))
        step = self._bar_step
        if len(datas) == 1:
            data = datas[0]
            peek, advance = data.advance_peek, data.advance
            while True:
                dt0 = peek()
                if dt0 == _INF:
                    break
                advance()
                step(runstrats, dt0, True)
                if self._event_stop:
                    return
            return
        while True:
            dts = [d.advance_peek() for d in datas]
            dt0 = min(dts)
            if dt0 == _INF:
                break
            for i, dti in enumerate(dts):
                if dti <= dt0:
                    datas[i].advance()
            step(runstrats, dt0, True)
            if self._event_stop:
                return
