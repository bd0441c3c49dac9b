"""Storage of one line of values and the lazy operations built on lines.

A :class:`LineBuffer` keeps its values in an ``array.array('d')``: indexing
yields plain Python floats (cheap on the per-bar path) and the same memory
can be viewed as a numpy array for vectorised batch computation.

``idx`` points at the current bar; ``line[0]`` is the current value,
``line[-1]`` the previous one and ``line[1]`` the next one when the data was
preloaded.  In memory-saving mode (``qbuffer``) old values are dropped in
blocks, so the per-bar cost stays O(1) and the index arithmetic unchanged.
"""
from __future__ import annotations

import array
import math
import operator

import numpy as np

from .lineroot import LineMultiple, LineRoot, LineSingle, MetaLineRoot
from .lineroot import bar_phase as _bar_phase
from .utils.date import num2date, time2num

__all__ = ['LineBuffer', 'LineActions', 'LinesOperation', 'LineOwnOperation',
           'LineDelay', 'LineForward', 'LineNum', 'PseudoArray', 'LineCoupler',
           'MetaLineActions', 'arrayize', 'NAN']

NAN = float('nan')


def line_of(lines, ref):
    """The line of ``lines`` that ``ref`` names: an alias or an index."""
    return getattr(lines, ref) if isinstance(ref, str) else lines[ref]


def _nan_block(size: int) -> array.array:
    return array.array('d', [NAN]) * size


class LineBuffer(LineSingle):
    """One line of float values with a movable current position."""

    UnBounded, QBuffer = 0, 1
    _autoowner = False  # set explicitly by the holder of the line

    def __init__(self):
        self.lines = [self]
        self.mode = self.UnBounded
        self.bindings = []
        self.maxlen = 0
        self._tz = None
        self.reset()

    # --- storage management ---------------------------------------------------
    def reset(self):
        self.array = array.array('d')
        self.idx = -1
        self.lencount = 0
        self.extension = 0
        self._keep = 0
        self._qlen = 0

    def get_idx(self):
        return self.idx

    def set_idx(self, idx, force=False):
        self.idx = idx

    def qbuffer(self, savemem=0, extrasize=0):
        """Keep only the values still reachable by ``[ago]`` lookups."""
        self.mode = self.QBuffer
        self.maxlen = self._minperiod + extrasize
        self.extrasize = extrasize
        self.reset()
        self._keep = max(self.maxlen, 1)

    def minbuffer(self, size):
        if self.mode == self.QBuffer and size > self.maxlen:
            self.maxlen = size
            self._keep = size

    def getindicators(self):
        return []

    def _trim(self):
        # drop old values in blocks, keeping at least ``_keep`` of them
        arr = self.array
        drop = len(arr) - self.extension - self._keep
        if drop > 0:
            del arr[:drop]
            self.idx -= drop

    def __len__(self):
        return self.lencount

    def buflen(self):
        if self.mode == self.QBuffer:
            return self._qlen
        return len(self.array) - self.extension

    # --- access -------------------------------------------------------------------
    def __getitem__(self, ago):
        return self.array[self.idx + ago]

    def get(self, ago=0, size=1):
        end = self.idx + ago + 1
        return self.array[end - size:end]

    def getzeroval(self, idx=0):
        return self.array[idx]

    def getzero(self, idx=0, size=1):
        return self.array[idx:idx + size]

    def __setitem__(self, ago, value):
        self.array[self.idx + ago] = value
        for binding in self.bindings:
            binding[ago] = value

    def set(self, value, ago=0):
        self[ago] = value

    # --- moving the current position ----------------------------------------
    def home(self):
        self.idx = -1
        self.lencount = 0

    def forward(self, value=NAN, size=1):
        self.idx += size
        self.lencount += size
        arr = self.array
        if size == 1:
            arr.append(value)
        else:
            arr.extend(array.array('d', [value]) * size)
        if self._keep:
            # a bounded buffer holds at most ``maxlen`` values
            self._qlen = min(self._qlen + size, self.maxlen)
            if len(arr) > 2 * self._keep + 64:
                self._trim()

    def backwards(self, size=1, force=False):
        self.idx -= size
        self.lencount -= size
        del self.array[len(self.array) - size:]
        if self._keep:
            self._qlen = max(self._qlen - size, 0)

    def rewind(self, size=1):
        self.idx -= size
        self.lencount -= size

    def advance(self, size=1):
        self.idx += size
        self.lencount += size

    def extend(self, value=NAN, size=0):
        self.extension += size
        if size:
            self.array.extend(array.array('d', [value]) * size)

    # --- bindings -------------------------------------------------------------------
    def addbinding(self, binding):
        self.bindings.append(binding)
        binding.updateminperiod(self._minperiod)

    def oncebinding(self):
        """Copy the values computed in batch mode to the bound lines."""
        for binding in self.bindings:
            n = len(self.array)
            barr = binding.array
            if len(barr) < n:
                barr.extend(_nan_block(n - len(barr)))
            barr[0:n] = self.array
            binding.oncebinding()

    def bind2lines(self, binding=0):
        """Feed every value of this line into the owner's line ``binding``."""
        self.addbinding(line_of(self._owner.lines, binding))
        return self

    bind2line = bind2lines

    def plot(self, idx=0, size=None):
        return self.getzero(idx, size if size is not None else len(self))

    def plotrange(self, start, end):
        return self.array[start:end]

    # --- lazy operations ------------------------------------------------------
    def __call__(self, ago=None):
        if ago is None:
            return LineCoupler(self)
        return LineDelay(self, ago)

    def _makeoperation(self, other, operation, r=False, _ownerskip=None):
        return LinesOperation(self, other, operation, r=r, _ownerskip=_ownerskip)

    def _makeoperationown(self, operation, _ownerskip=None):
        return LineOwnOperation(self, operation, _ownerskip=_ownerskip)

    # --- datetime helpers (used on the datetime line) --------------------------
    def _settz(self, tz):
        self._tz = tz

    def datetime(self, ago=0, tz=None, naive=True):
        return num2date(self.array[self.idx + ago], tz=tz or self._tz, naive=naive)

    def date(self, ago=0, tz=None, naive=True):
        return self.datetime(ago, tz, naive).date()

    def time(self, ago=0, tz=None, naive=True):
        return self.datetime(ago, tz, naive).time()

    def dt(self, ago=0):
        return int(self.array[self.idx + ago])

    def tm_raw(self, ago=0):
        return math.modf(self.array[self.idx + ago])[0]

    def tm(self, ago=0):
        return time2num(num2date(self.array[self.idx + ago]).time())

    def tm_lt(self, other, ago=0):
        dtime = self.array[self.idx + ago]
        tm, dt = math.modf(dtime)
        return dtime < (dt + other)

    def tm_le(self, other, ago=0):
        dtime = self.array[self.idx + ago]
        tm, dt = math.modf(dtime)
        return dtime <= (dt + other)

    def tm_eq(self, other, ago=0):
        dtime = self.array[self.idx + ago]
        tm, dt = math.modf(dtime)
        return dtime == (dt + other)

    def tm_gt(self, other, ago=0):
        dtime = self.array[self.idx + ago]
        tm, dt = math.modf(dtime)
        return dtime > (dt + other)

    def tm_ge(self, other, ago=0):
        dtime = self.array[self.idx + ago]
        tm, dt = math.modf(dtime)
        return dtime >= (dt + other)

    def tm2dtime(self, tm, ago=0):
        return int(self.array[self.idx + ago]) + tm

    def tm2datetime(self, tm, ago=0):
        return num2date(int(self.array[self.idx + ago]) + tm)


def npview(line: LineBuffer) -> np.ndarray:
    """A numpy view over a line's storage (drop it before the line grows)."""
    if not len(line.array):
        return np.empty(0)
    return np.frombuffer(line.array, dtype='d')


# ---------------------------------------------------------------------------
# Lazy operations
# ---------------------------------------------------------------------------

class PseudoArray:
    """A constant seen as a line: every index, and its ``array``, answer
    the same value, so operations need no special case for numbers."""

    __slots__ = ('wrapped',)

    def __init__(self, wrapped):
        self.wrapped = wrapped

    def __getitem__(self, _index):
        return self.wrapped

    array = property(lambda self: self)


def arrayize(obj):
    if isinstance(obj, LineRoot):
        if not isinstance(obj, LineSingle):
            obj = obj.lines[0]
        return obj
    return PseudoArray(obj)


class MetaLineActions(MetaLineRoot):
    """Sets up clock, datas and minimum period of an operation and registers
    it with its owner so the engine computes it before the owner runs."""

    _acache = {}
    _acacheuse = False

    @classmethod
    def cleancache(cls):
        cls._acache = {}

    @classmethod
    def usecache(cls, onoff):
        cls._acacheuse = onoff

    def dopreinit(cls, _obj, *args, **kwargs):
        _obj, args, kwargs = super().dopreinit(_obj, *args, **kwargs)
        _obj._clock = _obj._owner
        datas = []
        for arg in args:
            if isinstance(arg, LineRoot):
                datas.append(arg if isinstance(arg, LineSingle) else arg.lines[0])
        _obj._datas = datas
        mp = max([d._minperiod for d in datas] or [1])
        _obj.updateminperiod(mp)
        return _obj, args, kwargs

    def dopostinit(cls, _obj, *args, **kwargs):
        _obj, args, kwargs = super().dopostinit(_obj, *args, **kwargs)
        if _obj._owner is not None:
            _obj._owner.addindicator(_obj)
        return _obj, args, kwargs


class LineActions(LineBuffer, metaclass=MetaLineActions):
    """A line computed from other lines by the engine, bar by bar or in batch."""

    _ltype = LineBuffer.IndType
    _autoowner = True
    plotlines = object()

    def getindicators(self):
        return []

    def qbuffer(self, savemem=0):
        super().qbuffer(savemem=savemem)
        for data in self._datas:
            data.minbuffer(size=self._minperiod)

    @staticmethod
    def arrayize(obj):
        return arrayize(obj)

    def _next(self):
        bars = len(self._clock)
        if bars > len(self):
            self.forward()
        _bar_phase(self, bars - self._minperiod)()

    def _once(self):
        # one pass over the whole clock: grow, rewind, then warm-up, first
        # complete value, and the rest
        self.forward(size=self._clock.buflen())
        self.home()
        total = self.buflen()
        first = min(self._minperiod - 1, total)
        self.preonce(0, first)
        self.oncestart(first, min(first + 1, total))
        self.once(min(first + 1, total), total)
        self.oncebinding()


# numpy equivalents of the Python operators, producing identical doubles
_NP_BINARY = {
    operator.add: np.add, operator.sub: np.subtract, operator.mul: np.multiply,
    operator.truediv: np.true_divide, operator.floordiv: np.floor_divide,
    operator.mod: np.mod, operator.lt: np.less, operator.le: np.less_equal,
    operator.gt: np.greater, operator.ge: np.greater_equal,
    operator.eq: np.equal, operator.ne: np.not_equal,
}
_ZERO_CHECK = (operator.truediv, operator.floordiv, operator.mod)
_NP_UNARY = {operator.abs: np.abs, operator.neg: np.negative, operator.pos: np.positive}


def _clock_of(a, b):
    if isinstance(a, LineRoot):
        return a
    return b


class LinesOperation(LineActions):
    """``a <op> b`` where either side may be a line or a constant."""

    def __init__(self, a, b, operation, r=False):
        super().__init__()
        self.operation = operation
        self.r = r
        self.a = a if isinstance(a, LineSingle) or not isinstance(a, LineRoot) else a.lines[0]
        self.b = b if isinstance(b, LineSingle) or not isinstance(b, LineRoot) else b.lines[0]
        self.bline = isinstance(self.b, LineRoot)
        self._clock = _clock_of(self.a, self.b)
        if r:
            self.a, self.b = self.b, self.a
        self.aline = isinstance(self.a, LineRoot)
        self.bline = isinstance(self.b, LineRoot)

    def next(self):
        a = self.a[0] if self.aline else self.a
        b = self.b[0] if self.bline else self.b
        self[0] = self.operation(a, b)

    def once(self, start, end):
        if end <= start:
            return
        npop = _NP_BINARY.get(self.operation)
        if npop is None:
            self._once_loop(start, end)
            return
        a = npview(self.a)[start:end] if self.aline else self.a
        b = npview(self.b)[start:end] if self.bline else self.b
        if self.operation in _ZERO_CHECK and np.any(np.asarray(b) == 0.0):
            raise ZeroDivisionError('float division by zero')
        with np.errstate(all='ignore'):
            res = npop(a, b)
        dst = npview(self)
        dst[start:end] = res

    def _once_loop(self, start, end):
        dst, op = self.array, self.operation
        if self.aline and self.bline:
            srca, srcb = self.a.array, self.b.array
            for i in range(start, end):
                dst[i] = op(srca[i], srcb[i])
        elif self.aline:
            srca, b = self.a.array, self.b
            for i in range(start, end):
                dst[i] = op(srca[i], b)
        else:
            a, srcb = self.a, self.b.array
            for i in range(start, end):
                dst[i] = op(a, srcb[i])


class LineOwnOperation(LineActions):
    """``op(a)`` for unary operations such as ``abs`` or negation."""

    def __init__(self, a, operation):
        super().__init__()
        self.operation = operation
        self.a = a if isinstance(a, LineSingle) else a.lines[0]
        self._clock = self.a

    def next(self):
        self[0] = self.operation(self.a[0])

    def once(self, start, end):
        if end <= start:
            return
        npop = _NP_UNARY.get(self.operation)
        if npop is None:
            dst, src, op = self.array, self.a.array, self.operation
            for i in range(start, end):
                dst[i] = op(src[i])
            return
        npview(self)[start:end] = npop(npview(self.a)[start:end])


class LineDelay(LineActions):
    """``line(-n)``: the value ``n`` bars ago, as a line."""

    def __init__(self, a, ago):
        super().__init__()
        self.a = a if isinstance(a, LineSingle) else a.lines[0]
        self.ago = ago
        self._clock = self.a
        self.addminperiod(abs(ago) + 1)

    def next(self):
        self[0] = self.a[self.ago]

    def once(self, start, end):
        if end <= start:
            return
        src = self.a.array
        ago = self.ago
        dst = self.array
        s0, s1 = start + ago, end + ago
        if s0 >= 0 and s1 <= len(src):
            dst[start:end] = src[s0:s1]
        else:
            for i in range(start, end):
                dst[i] = src[i + ago]


class LineForward(LineActions):
    """``line(+n)`` written backwards: the current value placed ``n`` bars ago."""

    #: batch values at a bar hold what later bars wrote: never batched in
    #: next mode (see ``backtrader._hoist``)
    _writes_back = True

    def __init__(self, a, ago):
        super().__init__()
        self.a = a if isinstance(a, LineSingle) else a.lines[0]
        self.ago = ago
        self._clock = self.a
        if ago > self.a._minperiod:
            self.addminperiod(ago - self.a._minperiod + 1)

    def next(self):
        self[-self.ago] = self.a[0]

    def once(self, start, end):
        src, dst, ago = self.a.array, self.array, self.ago
        for i in range(start, end):
            dst[i - ago] = src[i]


class LineNum(LineActions):
    """A constant as a line."""

    def __init__(self, num):
        super().__init__()
        self.num = num

    def next(self):
        self[0] = self.num

    def once(self, start, end):
        if end > start:
            npview(self)[start:end] = self.num


class LineCoupler(LineActions):
    """Repeats the last value of a line of a slower clock on the owner's clock
    (used to combine timeframes: ``sma_weekly()`` inside a daily strategy)."""

    def __init__(self, cdata, clock=None):
        super().__init__()
        if clock is None:
            clock = getattr(self._owner, '_clock', None) or self._owner
        self._clock = clock
        self.cdata = cdata
        self.dlen = 0
        self.val = NAN

    def next(self):
        if len(self.cdata) > self.dlen:
            self.val = self.cdata[0]
            self.dlen += 1
        self[0] = self.val

    def once(self, start, end):
        from .lineseries import datetime_line_of
        own_dt = datetime_line_of(self._clock)
        src_dt = datetime_line_of(self.cdata)
        if own_dt is None or src_dt is None:
            dst, src = self.array, self.cdata.array
            for i in range(start, end):
                dst[i] = src[i] if i < len(src) else NAN
            return
        odt, sdt, src, dst = own_dt.array, src_dt.array, self.cdata.array, self.array
        nsrc = min(len(src), len(sdt))
        j = -1
        for i in range(start, end):
            t = odt[i]
            while j + 1 < nsrc and sdt[j + 1] <= t:
                j += 1
            dst[i] = src[j] if j >= 0 else NAN
