"""Data feeds: the objects that turn a source of bars into lines.

A feed delivers one bar per ``load()`` call.  ``load`` moves the lines one
slot forward, asks the concrete feed to fill the slot (``_load``), converts
the datetime from the input time zone, drops bars outside
``fromdate``/``todate`` and runs the bar through the filters.  Filters may
swallow bars (resamplers accumulate them) and push finished bars onto a
stack that ``load`` serves before reading new input.

The engine either preloads everything (``preload``) and then walks the
buffer with ``advance``, or pulls bar by bar with ``next``.  The method
contracts (return values, when the current slot is undone, which tick
attributes are set) are those of backtrader 1.9.78.123: cerebro, the broker
and filters written for it rely on them.
"""
from __future__ import annotations

import collections
import datetime
import inspect
import io
import os
from typing import Any, Optional

from .dataseries import OHLCDateTime, SimpleFilterWrapper, TimeFrame
from .errors import DataError
from .lineseries import MetaLineSeries
from .metabase import MetaParams, findowner
from .utils.date import Localizer, TIME_MAX, date2num, num2date, time2num, tzparse
from .utils.py3 import string_types

__all__ = ['MetaAbstractDataBase', 'AbstractDataBase', 'DataBase', 'FeedBase',
           'MetaCSVDataBase', 'CSVDataBase', 'CSVFeedBase', 'DataClone']

_INF = float('inf')
_NINF = float('-inf')


def _as_time(value: Any, default: datetime.time) -> datetime.time:
    """A session boundary given as None, a time or a datetime -> a time."""
    if value is None:
        return default
    if isinstance(value, datetime.datetime):
        return value.time()
    return value


def _as_datetime(value: Any, tm: datetime.time) -> Any:
    """A bare date bound is completed with the session time given."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return datetime.datetime.combine(value, tm)
    return value


class MetaAbstractDataBase(MetaLineSeries):
    """Registers feed classes and normalises the parameters of new feeds."""

    _indcol: dict = dict()

    def __init__(cls, name, bases, dct):
        super().__init__(name, bases, dct)
        if not cls.aliased and name != 'DataBase' and not name.startswith('_'):
            cls._indcol[name] = cls

    def dopreinit(cls, _obj, *args, **kwargs):
        _obj, args, kwargs = super().dopreinit(_obj, *args, **kwargs)
        _obj._feed = findowner(_obj, FeedBase)
        _obj.notifs = collections.deque()
        _obj._dataname = _obj.p.dataname
        _obj._name = ''
        return _obj, args, kwargs

    def dopostinit(cls, _obj, *args, **kwargs):
        _obj, args, kwargs = super().dopostinit(_obj, *args, **kwargs)
        p = _obj.p
        _obj._name = _obj._name or p.name
        if not _obj._name and isinstance(p.dataname, string_types):
            _obj._name = p.dataname
        _obj._compression = p.compression
        _obj._timeframe = p.timeframe
        p.sessionstart = _as_time(p.sessionstart, datetime.time.min)
        p.sessionend = _as_time(p.sessionend, TIME_MAX)
        p.fromdate = _as_datetime(p.fromdate, p.sessionstart)
        p.todate = _as_datetime(p.todate, p.sessionend)
        _obj._barstack = collections.deque()
        _obj._barstash = collections.deque()
        _obj._filters = []
        _obj._ffilters = []
        for spec in p.filters:
            _obj._enlist_filter(spec(_obj) if inspect.isclass(spec) else spec)
        return _obj, args, kwargs


def _ahead(line0) -> bool:
    """Whether a bar after the current one is already in the buffer
    (preloaded, or held back by a rewind).  Counted on the storage itself so
    that bounded buffers (exactbars=1) re-deliver a held-back bar too."""
    return line0.idx + 1 < len(line0.array) - line0.extension


# printable names of the feed status codes, indexed by code
_STATUS_LABELS = ('CONNECTED', 'DISCONNECTED', 'CONNBROKEN', 'DELAYED', 'LIVE',
                  'NOTSUBSCRIBED', 'NOTSUPPORTED_TIMEFRAME', 'UNKNOWN')


class _TickValue:
    """``data.tick_<line>``: the current bar's value unless the data stored
    its own tick value (datas with filters do)."""

    def __init__(self, index: int):
        self.index = index

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        return obj.lines.lines[self.index][0]


class AbstractDataBase(OHLCDateTime, metaclass=MetaAbstractDataBase):
    """Base of every data feed (see the module docstring for the flow)."""

    # the order of the keys is public (``params._gettuple()``)
    params = dict(
        dataname=None, name='', compression=1, timeframe=TimeFrame.Days,
        fromdate=None, todate=None, sessionstart=None, sessionend=None,
        filters=[], tz=None, tzinput=None,
        qcheck=0.0,  # seconds a live feed may wait for new data
        calendar=None,
    )

    # plain defaults, overwritten per instance where needed
    _env = _store = _feed = _compensate = _laststatus = None
    _clone = _started = False
    _qcheck = 0.0
    _tmoffset = datetime.timedelta()
    resampling = replaying = 0  # a resampler/replayer filter raises these

    # status codes reported through notify_data (values 0..7, see the table)
    (CONNECTED, DISCONNECTED, CONNBROKEN, DELAYED,
     LIVE, NOTSUBSCRIBED, NOTSUPPORTED_TF, UNKNOWN) = range(len(_STATUS_LABELS))
    _NOTIFNAMES = list(_STATUS_LABELS)

    @classmethod
    def _getstatusname(cls, status: int) -> str:
        """Printable name of a status code (``data._getstatusname(LIVE)``)."""
        return cls._NOTIFNAMES[status]

    # --- start / stop ---------------------------------------------------------
    def _start_finish(self) -> None:
        """Resolve time zones, date bounds and the trading calendar, once the
        feed knows its environment (cerebro)."""
        self._tz = self._gettz()
        self.lines.datetime._settz(self._tz)
        self._tzinput = Localizer(self._gettzinput())
        p = self.p
        self.fromdate = _NINF if p.fromdate is None else self.date2num(p.fromdate)
        self.todate = _INF if p.todate is None else self.date2num(p.todate)
        self.sessionstart = time2num(p.sessionstart)
        self.sessionend = time2num(p.sessionend)
        cal = p.calendar
        if cal is None:
            cal = getattr(self._env, '_tradingcal', None)
        elif isinstance(cal, string_types):
            from .tradingcal import PandasMarketCalendar
            cal = PandasMarketCalendar(calendar=cal)
        self._calendar = cal
        self._started = True

    def _start(self) -> None:
        self.start()
        if not self._started:
            self._start_finish()

    def start(self) -> None:
        self._barstack = collections.deque()
        self._barstash = collections.deque()
        self._laststatus = self.CONNECTED
        self._rowsource = None  # picked at the first load()

    def stop(self) -> None:
        pass

    def _stop(self) -> None:
        self.stop()

    # --- time zones and sessions ----------------------------------------------
    def _timeoffset(self) -> datetime.timedelta:
        return self._tmoffset

    def _gettzinput(self) -> Any:
        return tzparse(self.p.tzinput)

    def _gettz(self) -> Any:
        return tzparse(self.p.tz)

    def date2num(self, dt: datetime.datetime) -> float:
        """Encode ``dt``, read as wall time in the feed's time zone."""
        tz = getattr(self, '_tz', None)
        if tz is not None:
            return date2num(tz.localize(dt))
        return date2num(dt)

    def num2date(self, dt: Optional[float] = None, tz: Any = None,
                 naive: bool = True) -> datetime.datetime:
        """Decode ``dt`` (default: the current bar) in the feed's time zone."""
        if dt is None:
            dt = self.lines.datetime[0]
        return num2date(dt, tz or getattr(self, '_tz', None), naive)

    def _getnexteos(self):
        """The end of the session the current bar belongs to, as a naive
        UTC datetime and as a float."""
        if self._clone:
            return self.data._getnexteos()
        if not len(self):
            return datetime.datetime.min, 0.0
        dtime = num2date(self.lines.datetime[0])
        if self._calendar is None:
            nexteos = datetime.datetime.combine(dtime, self.p.sessionend)
            nexteos = num2date(self.date2num(nexteos))
            while dtime > nexteos:
                nexteos += datetime.timedelta(days=1)
        else:
            _, nexteos = self._calendar.schedule(dtime, self._tz)
        return nexteos, date2num(nexteos)

    # --- live feed protocol -------------------------------------------------------
    def haslivedata(self) -> bool:
        return False

    def islive(self) -> bool:
        return False

    def do_qcheck(self, onoff: bool, qlapse: float) -> None:
        qwait = self.p.qcheck if onoff else 0.0
        self._qcheck = max(0.0, qwait - qlapse)

    def put_notification(self, status: int, *args: Any, **kwargs: Any) -> None:
        """Queue a status change (repeats of the last status are dropped)."""
        if self._laststatus != status:
            self.notifs.append((status, args, kwargs))
            self._laststatus = status

    def get_notifications(self) -> list:
        """Drain the notifications queued so far (safe against a producer
        thread appending meanwhile: a marker bounds the drain)."""
        self.notifs.append(None)
        out = []
        while True:
            notif = self.notifs.popleft()
            if notif is None:
                return out
            out.append(notif)

    def getfeed(self) -> Any:
        return self._feed

    # --- environment, copies, filters ---------------------------------------------
    def qbuffer(self, savemem: int = 0, replaying: bool = False) -> None:
        extrasize = self.resampling or replaying
        for line in self.lines:
            line.qbuffer(savemem=savemem, extrasize=extrasize)

    def clone(self, **kwargs: Any) -> 'DataClone':
        return DataClone(dataname=self, **kwargs)

    def copyas(self, _dataname: str, **kwargs: Any) -> 'DataClone':
        data = DataClone(dataname=self, **kwargs)
        data._dataname = _dataname
        data._name = _dataname
        return data

    def setenvironment(self, env: Any) -> None:
        self._env = env

    def getenvironment(self) -> Any:
        return self._env

    def addfilter_simple(self, f: Any, *args: Any, **kwargs: Any) -> None:
        wrapper = SimpleFilterWrapper(self, f, *args, **kwargs)
        self._filters.append((wrapper, wrapper.args, wrapper.kwargs))

    def addfilter(self, p: Any, *args: Any, **kwargs: Any) -> None:
        """Add a filter: a class is instantiated with ``(data, *args,
        **kwargs)``; any other callable is called as ``p(data, *args,
        **kwargs)`` for each bar."""
        if not inspect.isclass(p):
            if not callable(p):
                raise TypeError('addfilter: p must be a class or a callable, '
                                'got %s' % type(p).__name__)
            self._filters.append((p, args, kwargs))
            return
        self._enlist_filter(p(self, *args, **kwargs))

    def _enlist_filter(self, fobj: Any) -> None:
        """Register a ready filter object; one with a ``last`` method is
        also asked to flush when the data ends."""
        self._filters.append((fobj, [], {}))
        if hasattr(fobj, 'last'):
            self._ffilters.append((fobj, [], {}))

    def compensate(self, other: Any) -> None:
        """Orders on this data are accounted on ``other``."""
        self._compensate = other

    def resample(self, **kwargs: Any) -> None:
        from .resamplerfilter import Resampler
        self.addfilter(Resampler, **kwargs)

    def replay(self, **kwargs: Any) -> None:
        from .resamplerfilter import Replayer
        self.addfilter(Replayer, **kwargs)

    # --- ticks (the broker matches against tick_* when present) -------------
    def _tickspec(self):
        spec = self.__dict__.get('_tick_spec')
        if spec is None:
            names = self.getlinealiases()
            spec = [('tick_' + name, self.lines[i])
                    for i, name in enumerate(names) if name != 'datetime']
            self._tick_spec = spec
            self._tick_first = 'tick_' + names[0]
            self._tick_line0 = self.lines[0]
        return spec

    # Without filters a bar is never built from ticks, so ``tick_<line>``
    # always equals the current bar: the class-level ``_TickValue``
    # descriptors answer that without per-bar bookkeeping.  Datas with
    # filters (resample, replay, ...) store the values on the instance.
    def _tick_nullify(self) -> None:
        if not self._filters:
            return
        d = self.__dict__
        for name, _ in self._tickspec():
            d[name] = None
        d['tick_last'] = None

    def _tick_fill(self, force: bool = False) -> None:
        if not self._filters:
            return
        spec = self._tickspec()
        d = self.__dict__
        if force or d.get(self._tick_first) is None:
            for name, line in spec:
                d[name] = line[0]
            d['tick_last'] = self._tick_line0[0]

    # --- moving through the buffer ---------------------------------------------
    def advance_peek(self) -> float:
        """Datetime of the next preloaded bar, or +inf if there is none."""
        if _ahead(self.lines.lines[0]):
            return self.lines.datetime[1]
        return _INF

    def advance(self, size: int = 1, datamaster: Any = None, ticks: bool = True) -> None:
        if ticks:
            self._tick_nullify()
        self.lines.advance(size)
        line0 = self.lines.lines[0]
        if datamaster is not None:
            if line0.idx >= len(line0.array) - line0.extension:
                # nothing left to deliver: stand still on an empty slot
                self.rewind()
                self.lines.forward()
                return
            if self.lines.datetime[0] > datamaster.lines.datetime[0]:
                self.lines.rewind()
            elif ticks:
                self._tick_fill()
        elif ticks and _ahead(line0):
            self._tick_fill()

    def next(self, datamaster: Any = None, ticks: bool = True) -> Any:
        """Move to the next bar, loading one if none is buffered.

        Returns the result of ``load`` (False: no more data, None: nothing
        now but maybe later) when loading failed, True otherwise.  With a
        ``datamaster``, a bar later than the master's is loaded but not
        delivered: the feed rewinds (keeping it for a later call) and
        returns False.
        """
        if _ahead(self.lines.lines[0]):
            self.advance(ticks=ticks)
        else:
            if ticks:
                self._tick_nullify()
            fetched = self.load()
            if not fetched:
                return fetched  # False (finished) or None (nothing yet)
        if datamaster is not None and self._later_than(datamaster):
            self.rewind()  # too early: keep it for a later call
            return False
        if ticks:
            self._tick_fill()
        return True

    def _later_than(self, master: Any) -> bool:
        """Is the current bar stamped after ``master``'s current bar?"""
        return self.lines.datetime[0] > master.lines.datetime[0]

    def preload(self) -> None:
        """Load every bar, let the filters flush, go back to the start."""
        if not self._bulkpreload():
            while self.load():
                pass
        self._last()
        self.home()

    def _last(self, datamaster: Any = None) -> bool:
        """Give filters a last chance to deliver what they hold (e.g. the
        bar a resampler was building when the input ended)."""
        ret = 0
        for ff, fargs, fkwargs in self._ffilters:
            ret += ff.last(self, *fargs, **fkwargs)
        doticks = datamaster is not None and bool(self._barstack)
        while self._fromstack(forward=True):
            pass
        if doticks:
            self._tick_fill()
        return bool(ret)

    def _check(self, forcedata: Any = None) -> None:
        """Let time-driven filters deliver a pending bar (``forcedata`` is
        the data whose bar sets the current time)."""
        for ff, fargs, fkwargs in self._filters:
            check = getattr(ff, 'check', None)
            if check is not None:
                check(self, _forcedata=forcedata, *fargs, **fkwargs)

    # --- loading -------------------------------------------------------------------
    def load(self) -> Any:
        """Put the next deliverable bar in the current slot.

        Returns True with a bar, otherwise what ``_load`` returned (False:
        exhausted, None: nothing available now) or False past ``todate``.
        """
        dtline = self.lines.datetime
        source = self.__dict__.get('_rowsource')
        if source is None:
            source = self._pickrowsource()
        while True:
            self.forward()
            if self._barstack and self._fromstack():
                return True
            if not (self._barstash and self._fromstack(stash=True)):
                ret = source() if source else self._load()
                if not ret:
                    self.backwards(force=True)
                    return ret
            dt = dtline[0]
            if self._tzinput:
                local = self._tzinput.localize(num2date(dt))
                dtline[0] = dt = date2num(local)
            if dt < self.fromdate:
                self.backwards()
                continue
            if dt > self.todate:
                self.backwards(force=True)
                return False
            if self._filters and self._runfilters():
                continue  # a filter swallowed the bar
            return True

    def _runfilters(self) -> bool:
        """Pass the current bar through the filters; True if one of them
        removed it.  Bars a filter stacked are fed to the next filters."""
        return any(self._filterpass(entry) for entry in self._filters)

    def _filterpass(self, entry: tuple) -> bool:
        """Run one filter: on the current bar, or (when earlier filters
        stacked bars) on each stacked bar in turn; its last answer counts."""
        func, fargs, fkwargs = entry
        todo = len(self._barstack)
        if todo == 0:
            return bool(func(self, *fargs, **fkwargs))
        verdict = False
        while todo:
            todo -= 1
            self._fromstack(forward=True)
            verdict = func(self, *fargs, **fkwargs)
        return bool(verdict)

    def _load(self) -> Any:
        """Fill the current slot; False when exhausted (subclass hook)."""
        return False

    # --- bar stack used by filters --------------------------------------------------
    def _add2stack(self, bar: list, stash: bool = False) -> None:
        (self._barstash if stash else self._barstack).append(bar)

    def _save2stack(self, erase: bool = False, force: bool = False,
                    stash: bool = False) -> None:
        bar = [line[0] for line in self.itersize()]
        (self._barstash if stash else self._barstack).append(bar)
        if erase:
            self.backwards(force=force)

    def _updatebar(self, bar: list, forward: bool = False, ago: int = 0) -> None:
        if forward:
            self.forward()
        for line, val in zip(self.itersize(), bar):
            line[ago] = val

    def _fromstack(self, forward: bool = False, stash: bool = False) -> bool:
        coll = self._barstash if stash else self._barstack
        if not coll:
            return False
        if forward:
            self.forward()
        for line, val in zip(self.itersize(), coll.popleft()):
            line[0] = val
        return True

    # --- bulk loading ---------------------------------------------------------------------
    def _bulkcolumns(self) -> Optional[dict]:
        """All remaining bars as ``{line name: sequence of floats}`` (the
        'datetime' column is required, missing lines are NaN), or None when
        the feed cannot produce them in one go.  Subclass hook: only offer
        it when the result is exactly what repeated ``_load`` calls give."""
        return None

    def _pickrowsource(self) -> Any:
        """What ``load`` takes input bars from: a reader of columns read in
        one go when the feed offers them and the lines keep every bar (not
        in memory-saving mode), else False (meaning ``_load``)."""
        from ._feedbulk import row_loader
        source: Any = False
        if not len(self) and all(not line.extension and not getattr(line, 'mode', 0)
                                 for line in self.lines):
            cols = self._bulkcolumns()
            if cols is not None:
                source = row_loader(self, cols)
        self._rowsource = source
        return source

    def _bulkpreload(self) -> bool:
        """Fill the buffer from ``_bulkcolumns`` with the time zone
        conversion and date bounds of ``load``; False if not possible."""
        if self._filters or self._barstack or self._barstash or len(self):
            return False
        if any(line.extension or getattr(line, 'mode', 0) for line in self.lines):
            return False
        cols = self._bulkcolumns()
        if cols is None:
            return False
        from ._feedbulk import apply_bounds, fill_lines
        if self._tzinput:
            tz = self._tzinput
            cols['datetime'] = [date2num(tz.localize(num2date(x)))
                                for x in cols['datetime']]
        keep = apply_bounds(cols['datetime'], self.fromdate, self.todate)
        fill_lines(self, cols, keep)
        return True


for _index, _name in enumerate(('close', 'low', 'high', 'open', 'volume', 'openinterest')):
    setattr(AbstractDataBase, 'tick_' + _name, _TickValue(_index))
AbstractDataBase.tick_last = _TickValue(0)


class DataBase(AbstractDataBase):
    pass


class FeedBase(metaclass=MetaParams):
    """A factory of feeds sharing parameters (upstream's feed-of-feeds)."""

    params = () + DataBase.params._gettuple()

    DataCls = None

    def __init__(self):
        self.datas = []

    def start(self) -> None:
        for data in self.datas:
            data.start()

    def stop(self) -> None:
        for data in self.datas:
            data.stop()

    def getdata(self, dataname: Any, name: Optional[str] = None, **kwargs: Any) -> Any:
        shared = {key: getattr(self.p, key) for key in self.p._getkeys()}
        shared.update(kwargs, dataname=dataname)
        data = self._getdata(**shared)
        data._name = name
        self.datas.append(data)
        return data

    def _getdata(self, dataname: Any, **kwargs: Any) -> Any:
        if self.DataCls is None:
            raise TypeError('%s has no DataCls to build feeds with'
                            % type(self).__name__)
        for pname in self.p._getkeys():
            kwargs.setdefault(pname, getattr(self.p, pname))
        kwargs['dataname'] = dataname
        return self.DataCls(**kwargs)


class MetaCSVDataBase(MetaAbstractDataBase):
    def dopostinit(cls, _obj, *args, **kwargs):
        # name the feed after its file before the base class picks a default
        if not _obj.p.name and not _obj._name:
            _obj._name = _source_stem(_obj.p.dataname)
        return super().dopostinit(_obj, *args, **kwargs)


def _source_stem(dataname: Any) -> str:
    """File name without directory and extension ('' for nameless streams)."""
    if isinstance(dataname, (str, bytes, os.PathLike)):
        path = os.fsdecode(dataname)
    else:
        path = getattr(dataname, 'name', None)
        if not isinstance(path, str):
            return ''
    return os.path.splitext(os.path.basename(path))[0]


class CSVDataBase(DataBase, metaclass=MetaCSVDataBase):
    """A feed reading a delimited text file (or any object with
    ``readline``), one bar per line, through the ``_loadline(tokens)`` hook.

    Blank lines are skipped.  A line that cannot be parsed raises
    :class:`backtrader.errors.DataError` naming the file, the line number
    and, for the bundled formats, the field.
    """

    params = (('headers', True), ('separator', ','),)

    f = None

    def start(self) -> None:
        super().start()
        self._lineno = 0
        self._pending = None  # remaining lines once read in one go
        if self.f is None:
            dataname = self.p.dataname
            if hasattr(dataname, 'readline'):
                self.f = dataname
            elif isinstance(dataname, (str, bytes, os.PathLike)):
                self.f = io.open(dataname, 'r')
            else:
                raise TypeError('dataname must be a file path or an object with '
                                'readline(), got %s' % type(dataname).__name__)
        if self.p.headers:
            self.f.readline()
            self._lineno += 1
        self.separator = self.p.separator

    def stop(self) -> None:
        if self.f is not None:
            self.f.close()
            self.f = None

    def preload(self) -> None:
        super().preload()
        if self.f is not None:
            self.f.close()
            self.f = None

    # --- reading lines ------------------------------------------------------------
    def _readline(self) -> Optional[str]:
        """Next non-blank line without its newline, or None at the end."""
        while True:
            text = self._nextraw()
            if text is None:
                return None
            self._lineno += 1
            if text.strip():
                return text

    def _nextraw(self) -> Optional[str]:
        """Next line (blank ones included) from the batch read by
        ``_readall`` if there is one, else from the file; None when done."""
        batch = self._pending
        if batch is None:
            raw = self.f.readline() if self.f is not None else ''
            return raw.rstrip('\n') if raw else None
        pos = self._ppos
        if pos >= len(batch):
            return None
        self._ppos = pos + 1
        return batch[pos]

    def _readall(self) -> list:
        """Read the remaining lines in one go; ``_readline`` then serves them
        (so a failed fast parse can fall back to line-by-line parsing)."""
        if self._pending is None:
            text = self.f.read() if self.f is not None else ''
            lines = text.split('\n')
            if lines and not lines[-1]:
                lines.pop()
            self._pending = lines
            self._ppos = 0
        return self._pending[self._ppos:]

    def _consumeall(self) -> None:
        """Mark every line read by ``_readall`` as used."""
        if self._pending is not None:
            self._lineno += len(self._pending) - self._ppos
            self._ppos = len(self._pending)

    def _getnextline(self) -> Optional[list]:
        line = self._readline()
        if line is None:
            return None
        return line.split(self.separator)

    def _load(self) -> Any:
        tokens = self._getnextline()
        if tokens is None:
            return False
        try:
            return self._loadline(tokens)
        except DataError:
            raise
        except (ValueError, IndexError) as exc:
            raise DataError('%s: %s' % (self._where(), exc)) from exc

    def _loadline(self, linetokens: list) -> bool:
        raise NotImplementedError

    # --- error reporting ---------------------------------------------------------------
    def _sourcename(self) -> str:
        source = self.p.dataname
        if isinstance(source, (str, bytes, os.PathLike)):
            return os.fsdecode(source)
        name = getattr(source, 'name', None) or self._name
        return str(name) if name else '<%s>' % type(source).__name__

    def _where(self, lineno: Optional[int] = None) -> str:
        """'<file> line <n>' for error messages."""
        return '%s line %d' % (self._sourcename(), lineno or self._lineno)

    def _badfield(self, field: str, token: Any, what: str = 'float',
                  lineno: Optional[int] = None) -> DataError:
        return DataError("%s, field '%s': could not convert %r to %s"
                         % (self._where(lineno), field, token, what))

    def _badcount(self, expected: str, got: int,
                  lineno: Optional[int] = None) -> DataError:
        return DataError('%s: expected %s fields, got %d'
                         % (self._where(lineno), expected, got))

    def _tofloat(self, token: str, field: str) -> float:
        try:
            return float(token)
        except ValueError:
            raise self._badfield(field, token) from None


class CSVFeedBase(FeedBase):
    """Feed factory for CSV feeds whose file names are relative to
    ``basepath``."""

    params = (('basepath', ''),) + CSVDataBase.params._gettuple()

    def _getdata(self, dataname: Any, **kwargs: Any) -> Any:
        if self.DataCls is None:
            raise TypeError('%s has no DataCls to build feeds with'
                            % type(self).__name__)
        for pname in self.p._getkeys():
            if pname not in ('basepath', 'dataname'):
                kwargs.setdefault(pname, getattr(self.p, pname))
        kwargs.pop('basepath', None)
        kwargs['dataname'] = os.path.join(self.p.basepath, dataname)
        return self.DataCls(**kwargs)


class DataClone(AbstractDataBase):
    """A second view on a feed's bars (e.g. to resample the same data into
    two timeframes): it copies each bar its source delivers."""

    _clone = True

    def __init__(self):
        self.data = self.p.dataname
        self._dataname = self.data._dataname
        srcp, p = self.data.p, self.p
        p.fromdate = srcp.fromdate
        p.todate = srcp.todate
        p.sessionstart = srcp.sessionstart
        p.sessionend = srcp.sessionend
        p.timeframe = srcp.timeframe
        p.compression = srcp.compression

    def _start(self) -> None:
        self.start()
        src = self.data
        self._tz = src._tz
        self.lines.datetime._settz(self._tz)
        self._calendar = src._calendar
        self._tzinput = None  # the source already converted the input
        self.fromdate = src.fromdate
        self.todate = src.todate

    def start(self) -> None:
        super().start()
        self._dlen = 0
        self._preloading = False

    def preload(self) -> None:
        self._preloading = True
        super().preload()
        self.data.home()
        self._preloading = False

    def _load(self) -> bool:
        src = self.data
        if self._preloading:
            src.advance()
            if len(src) > src.buflen():
                return False
        else:
            if len(src) <= self._dlen:
                return False
            self._dlen += 1
        for line, sline in zip(self.lines, src.lines):
            line[0] = sline[0]
        return True

    def advance(self, size: int = 1, datamaster: Any = None, ticks: bool = True) -> None:
        self._dlen += size
        super().advance(size, datamaster, ticks=ticks)
