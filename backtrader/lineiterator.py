"""Objects driven bar by bar by a clock: indicators, observers, strategies.

Construction (through :class:`MetaLineIterator`) collects the leading line
arguments as ``datas`` (defaulting to the owner's first data), sets the clock
and the initial minimum period, runs the user's ``__init__`` with the object
on the owner stack (so indicators and operations created there register with
it), then derives the final minimum period from the lines and children.

The engine drives an iterator either per bar (``_next``: children first, then
``prenext``/``nextstart``/``next`` depending on the minimum period) or in one
batch (``_once``: children first, then ``preonce``/``oncestart``/``once``).
"""
from __future__ import annotations

import collections
import itertools

from .linebuffer import LineActions, LineNum, NAN, LineBuffer, line_of
from .lineroot import LineRoot, LineSingle
from .lineroot import bar_phase as _bar_phase
from .lineseries import LineSeries, LineSeriesMaker, MetaLineSeries, datetime_line_of
from .metabase import owner_stack
from .utils.autodict import DotDict

__all__ = ['LineIterator', 'MetaLineIterator', 'DataAccessor', 'IndicatorBase',
           'ObserverBase', 'StrategyBase', 'LinesCoupler', 'SingleCoupler',
           'MultiCoupler']


def _as_refs(value):
    """One line reference or several, as a sequence."""
    if isinstance(value, str) or not isinstance(value, collections.abc.Iterable):
        return (value,)
    return value


class MetaLineIterator(MetaLineSeries):

    def donew(cls, *args, **kwargs):
        _obj, args, kwargs = super().donew(*args, **kwargs)
        _obj._lineiterators = collections.defaultdict(list)
        datas = []
        consumed = 0
        mindatas = _obj._mindatas
        for arg in args:
            # leading line objects are datas; a plain number may stand for a
            # data only while the class still needs one
            if isinstance(arg, LineRoot):
                datas.append(LineSeriesMaker(arg))
            elif not mindatas or not isinstance(arg, (int, float)):
                break
            else:
                datas.append(LineSeriesMaker(LineNum(arg)))
            mindatas = max(0, mindatas - 1)
            consumed += 1
        args = args[consumed:]
        if not datas and isinstance(_obj, (IndicatorBase, ObserverBase)):
            owner = _obj._owner
            if owner is not None:
                datas = owner.datas[0:_obj._mindatas]
        _obj.datas = datas
        _obj.ddatas = {d: None for d in datas}
        if datas:
            _obj.data = data = datas[0]
            for lidx, lname in enumerate(data.lines._getlines()):
                line = data.lines[lidx]
                setattr(_obj, 'data_%s' % lname, line)
                setattr(_obj, 'data_%d' % lidx, line)
            for didx, data in enumerate(datas):
                setattr(_obj, 'data%d' % didx, data)
                for lidx, lname in enumerate(data.lines._getlines()):
                    line = data.lines[lidx]
                    setattr(_obj, 'data%d_%s' % (didx, lname), line)
                    setattr(_obj, 'data%d_%d' % (didx, lidx), line)
        _obj.dnames = DotDict([(d._name, d) for d in datas if getattr(d, '_name', '')])
        return _obj, args, kwargs

    def dopreinit(cls, _obj, *args, **kwargs):
        _obj, args, kwargs = super().dopreinit(_obj, *args, **kwargs)
        _obj.datas = _obj.datas or []
        if _obj.datas:
            _obj._clock = _obj.datas[0]
        elif _obj._owner is not None:
            _obj._clock = _obj._owner._clock
        else:
            _obj._clock = None
        if _obj.datas:
            _obj._minperiod = max(d._minperiod for d in _obj.datas)
        for line in _obj.lines:
            line.addminperiod(_obj._minperiod)
        return _obj, args, kwargs

    def doinit(cls, _obj, *args, **kwargs):
        owner_stack.append(_obj)
        try:
            _obj.__init__(*args, **kwargs)
        finally:
            owner_stack.pop()
        return _obj, args, kwargs

    def dopostinit(cls, _obj, *args, **kwargs):
        _obj, args, kwargs = super().dopostinit(_obj, *args, **kwargs)
        if _obj.lines.lines:
            _obj._minperiod = max(line._minperiod for line in _obj.lines)
        _obj._periodrecalc()
        if _obj._owner is not None:
            _obj._owner.addindicator(_obj)
        return _obj, args, kwargs


class LineIterator(LineSeries, metaclass=MetaLineIterator):
    _ltype = LineSeries.IndType
    _mindatas = 1
    _nextforce = False

    plotinfo = dict(plot=True, subplot=True, plotname='', plotskip=False,
                    plotabove=False, plotlinelabels=False, plotlinevalues=True,
                    plotvaluetags=True, plotymargin=0.0, plotyhlines=[],
                    plotyticks=[], plothlines=[], plotforce=False, plotmaster=None)

    def _periodrecalc(self):
        indicators = self._lineiterators[LineIterator.IndType]
        periods = [ind._minperiod for ind in indicators]
        self.updateminperiod(max(periods or [self._minperiod]))

    def _stage2(self):
        super()._stage2()
        for data in self.datas:
            data._stage2()
        for lineiter in self._lineiterators[LineIterator.IndType]:
            lineiter._stage2()

    def _stage1(self):
        super()._stage1()
        for data in self.datas:
            data._stage1()
        for lineiter in self._lineiterators[LineIterator.IndType]:
            lineiter._stage1()

    def getindicators(self):
        return self._lineiterators[self.IndType]

    def getindicators_lines(self):
        # only children that declare named lines
        children = self._lineiterators[self.IndType]
        return list(filter(lambda child: hasattr(child.lines, 'getlinealiases'),
                           children))

    def getobservers(self):
        return self._lineiterators[self.ObsType]

    def addindicator(self, indicator):
        self._lineiterators[indicator._ltype].append(indicator)
        # a child that cannot run in batch makes its whole strategy per-bar
        if not getattr(indicator, '_nextforce', False):
            return
        node = self
        while node is not None and node._ltype != self.StratType:
            node = node._owner
        if node is not None:
            node._nextforce = True

    def bindlines(self, owner=None, own=None):
        """Copy the values of this object's lines ``own`` into its owner's
        lines ``owner`` as they are produced (aliases or indices; by default
        the first lines, pairwise)."""
        theirs = _as_refs(owner or 0)
        mine = _as_refs(own) if own else range(len(theirs))
        for their_ref, my_ref in zip(theirs, mine):
            line_of(self.lines, my_ref).addbinding(line_of(self._owner.lines, their_ref))
        return self

    bind2lines = bindlines
    bind2line = bindlines

    # --- per bar ----------------------------------------------------------------
    def _clk_update(self):
        clock_len = len(self._clock)
        if clock_len > len(self):
            self.forward()
        return clock_len

    def _next(self):
        if self._ltype == LineIterator.IndType and type(self)._clk_update is _BASE_CLK_UPDATE:
            self._next_indicator()
            return
        clock_len = self._clk_update()
        for indicator in self._lineiterators[LineIterator.IndType]:
            indicator._next()
        self._notify()
        if self._ltype == LineIterator.StratType:
            # the strategy's status counts down to zero: negate it
            _bar_phase(self, -self._getminperstatus())()
        elif clock_len:
            _bar_phase(self, clock_len - self._minperiod)()

    def _next_indicator(self):
        """The per-bar step of an indicator: same sequence as ``_next``
        without the strategy-only parts."""
        clock_len = len(self._clock)
        lines = self.lines.lines
        own_len = lines[0].lencount if lines else len(self)
        if clock_len > own_len:
            self.forward()
        for indicator in self._lineiterators[0]:
            indicator._next()
        if clock_len:
            _bar_phase(self, clock_len - self._minperiod)()

    # --- batch ------------------------------------------------------------------
    def _once(self):
        # size every buffer to the clock, let children compute theirs,
        # rewind everything to the first bar and run the three phases
        self.forward(size=self._clock.buflen())
        children = self._lineiterators[LineIterator.IndType]
        watchers = self._lineiterators[LineIterator.ObsType]
        for child in children:
            child._once()
        total = self.buflen()
        for watcher in watchers:
            watcher.forward(size=total)
        for obj in itertools.chain(self.datas, children, watchers, (self,)):
            obj.home()
        # a minimum period longer than the data leaves nothing to compute
        warm = min(self._minperiod - 1, total)
        for method, lo, hi in ((self.preonce, 0, warm),
                               (self.oncestart, warm, min(warm + 1, total)),
                               (self.once, min(warm + 1, total), total)):
            method(lo, hi)
        for line in self.lines:
            line.oncebinding()

    # the hooks subclasses fill in: by default the first complete bar (or
    # batch range) is handled like every later one, the rest do nothing
    def _nothing(self, *args, **kwargs):
        return None

    preonce = once = prenext = next = _nothing
    _addnotification = _notify = _plotinit = _nothing

    def oncestart(self, start, end):
        self.once(start, end)

    def nextstart(self):
        self.next()

    def qbuffer(self, savemem=0):
        """Bound buffers: own lines only when asked, children always; the
        inputs keep at least this object's lookback."""
        trim_own = bool(savemem)
        for own_line in (self.lines if trim_own else ()):
            own_line.qbuffer()
        for child in self._lineiterators[self.IndType]:
            child.qbuffer(savemem=1)
        lookback = self._minperiod
        for data in self.datas:
            data.minbuffer(lookback)


_BASE_CLK_UPDATE = LineIterator._clk_update


class DataAccessor(LineIterator):
    PriceClose = 0
    PriceLow = 1
    PriceHigh = 2
    PriceOpen = 3
    PriceVolume = 4
    PriceOpenInteres = 5
    PriceDateTime = 6


class IndicatorBase(DataAccessor):
    """Root of the indicators' hierarchy (public name kept for imports)."""


class ObserverBase(DataAccessor):
    """Root of the observers' hierarchy."""


class StrategyBase(DataAccessor):
    """Root of the strategies' hierarchy."""


class SingleCoupler(LineActions):
    """Couples one line of a slower clock onto the owner's clock."""

    def __init__(self, cdata, clock=None):
        super().__init__()
        self._clock = clock if clock is not None else self._owner
        self.cdata = cdata
        self.dlen = 0
        self.val = NAN

    def next(self):
        if len(self.cdata) > self.dlen:
            self.val = self.cdata[0]
            self.dlen += 1
        self[0] = self.val


class MultiCoupler(LineIterator):
    _ltype = LineIterator.IndType

    """Holds the last bar of every line of a slower data and writes it on
    each tick of the faster clock."""

    def __init__(self):
        super().__init__()
        self.dlen = 0                      # source bars taken so far
        self.dsize = self.fullsize()
        self.dvals = [NAN] * self.dsize    # the latest source values

    def next(self):
        source = self.data
        if len(source) > self.dlen:
            self.dlen += 1
            self.dvals = [line[0] for line in source.lines[:self.dsize]]
        for line, value in zip(self.lines, self.dvals):
            line[0] = value


def LinesCoupler(cdata, clock=None, **kwargs):
    """Repeat every line of ``cdata`` (a slower series) on a faster clock."""
    if isinstance(cdata, LineSingle):
        from .linebuffer import LineCoupler
        return LineCoupler(cdata, clock)
    cdatacls = cdata.__class__
    try:
        ncls = _coupler_classes[cdatacls]
    except KeyError:
        ncls = type('LinesCoupler_%s' % cdatacls.__name__, (_LinesCouplerBase,), {
            'lines': cdatacls.lines._getlines(),
            'linealias': {}})
        _coupler_classes[cdatacls] = ncls
    return ncls(cdata, _cclock=clock, **kwargs)


_coupler_classes: dict = {}


class _LinesCouplerBase(LineIterator):
    """Each line repeats the last value of the coupled series' line."""

    _ltype = LineIterator.IndType

    def __init__(self, _cclock=None):
        owner = self._owner
        clock = _cclock
        if clock is None and owner is not None:
            clock = owner._clock if owner._clock is not None else owner
        if clock is not None:
            self._clock = clock
        self.dlen = 0
        self.dsize = self.lines.fullsize()
        self.dvals = [NAN] * self.dsize
        self._minperiod = max(1, getattr(clock, '_minperiod', 1))
        for line in self.lines:
            line._minperiod = self._minperiod

    def next(self):
        if len(self.data) > self.dlen:
            self.dlen += 1
            dl = self.data.lines
            for i in range(self.dsize):
                self.dvals[i] = dl[i][0]
        lines = self.lines
        for i in range(self.dsize):
            lines[i][0] = self.dvals[i]

    def _once(self):
        self.forward(size=self._clock.buflen())
        self.home()
        own_dt = datetime_line_of(self._clock)
        src_dt = datetime_line_of(self.data)
        odt, sdt = own_dt.array, src_dt.array
        srcs = [self.data.lines[i].array for i in range(self.dsize)]
        dsts = [self.lines[i].array for i in range(self.dsize)]
        nsrc = len(sdt)
        j = -1
        for i in range(len(dsts[0])):
            t = odt[i] if i < len(odt) else NAN
            while j + 1 < nsrc and sdt[j + 1] <= t:
                j += 1
            if j >= 0:
                for src, dst in zip(srcs, dsts):
                    dst[i] = src[j]
