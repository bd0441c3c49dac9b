"""Objects that hold several named lines: declarations, aliases, plot info.

A class declares ``lines = ('a', 'b')``; subclasses add to the lines of their
bases.  Each declared name becomes a descriptor on the class (``obj.a``) and
on its lines holder (``obj.lines.a``); assigning a line object to such a name
inside ``__init__`` binds it, so the computed values flow into the declared
line.  ``alias = ('X',)`` publishes the class under other names in its module.
"""
from __future__ import annotations

import itertools

import sys

from .lineroot import LineMultiple, LineRoot, LineSingle, MetaLineRoot
from .linebuffer import LineActions, LineBuffer, LineDelay, LineNum, NAN
from .metabase import AutoInfoClass

__all__ = ['Lines', 'LineAlias', 'LineSeries', 'LineSeriesStub', 'LineSeriesMaker',
           'MetaLineSeries', 'datetime_line_of']


class LineAlias:
    """Descriptor mapping a line name to its index in the holder's lines."""

    def __init__(self, line: int):
        self.line = line

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        return obj.lines[self.line]

    def __set__(self, obj, value):
        if isinstance(value, LineMultiple):
            value = value.lines[0]
        if not isinstance(value, LineActions):
            value = value(0)  # a delay of zero makes it computed on our clock
        value.addbinding(obj.lines[self.line])


class _LineGetter:
    """Read-only access to a line by name on a series.

    A non-data descriptor: reading ``obj.close`` is fast, while assigning
    ``obj.close = x`` stores a plain attribute, as in upstream (lines are
    bound through ``obj.lines.close = x`` or ``obj.l.close = x``).
    """

    def __init__(self, line: int):
        self.line = line

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        return obj.lines.lines[self.line]


class Lines:
    """Holder of the line buffers of one object; line names are descriptors."""

    _lines: tuple = ()
    _extralines = 0

    @classmethod
    def _getlinesbase(cls):
        return ()

    @classmethod
    def _getlines(cls):
        return cls._lines

    @classmethod
    def _getlinesextra(cls):
        return cls._extralines

    @classmethod
    def _getlinesextrabase(cls):
        return 0

    @classmethod
    def _derive(cls, name, lines, extralines, otherbases, linesoverride=False,
                lalias=None):
        olines: tuple = ()
        oextra = 0
        for other in otherbases:
            if isinstance(other, tuple):
                olines += other
            else:
                olines += other._getlines()
                oextra += other._getlinesextra()
        lines = tuple(lines) if not isinstance(lines, str) else (lines,)
        if linesoverride:
            baselines, bextra = (), 0
        else:
            baselines = cls._getlines() + olines
            bextra = cls._getlinesextra() + oextra
        newlines = tuple(l for l in lines if l not in baselines)
        alllines = baselines + newlines
        newcls = type('%s_%s' % (cls.__name__, name), (cls,), {
            '_lines': alllines, '_extralines': bextra + extralines})
        for index, lname in enumerate(alllines):
            setattr(newcls, lname, LineAlias(index))
        for target, alias in (lalias or {}).items():
            index = target if isinstance(target, int) else alllines.index(target)
            setattr(newcls, alias, LineAlias(index))
        module = sys.modules[cls.__module__]
        newcls.__module__ = cls.__module__
        if not hasattr(module, newcls.__name__):
            setattr(module, newcls.__name__, newcls)
        return newcls

    @classmethod
    def _getlinealias(cls, i):
        lines = cls._getlines()
        if i >= len(lines):
            return ''
        return lines[i]

    @classmethod
    def getlinealiases(cls):
        return cls._getlines()

    def __init__(self, initlines=None):
        self.lines = []
        for _ in self._getlines():
            self.lines.append(LineBuffer())
        for i in range(self._getlinesextra()):
            if initlines and i < len(initlines):
                self.lines.append(initlines[i])
            else:
                self.lines.append(LineBuffer())

    # declared lines come first, extra (unnamed) ones after them
    def size(self):
        return self.fullsize() - self.extrasize()

    def fullsize(self):
        return len(self.lines)

    def extrasize(self):
        return self._getlinesextra()

    def itersize(self):
        return itertools.islice(self.lines, self.size())

    def __len__(self):
        first = self.lines[0]
        return len(first)

    def __getitem__(self, line):
        return self.lines[line]

    def get(self, ago=0, size=1, line=0):
        return self.lines[line].get(ago, size=size)

    def __setitem__(self, line, value):
        setattr(self, self._getlinealias(line), value)

    def __iter__(self):
        return iter(self.lines)

    def forward(self, value=NAN, size=1):
        for line in self.lines:
            if size == 1 and not line._keep:
                # the common case inlined: one new unbounded slot
                line.idx += 1
                line.lencount += 1
                line.array.append(value)
            else:
                line.forward(value, size=size)

    def backwards(self, size=1, force=False):
        for line in self.lines:
            line.backwards(size, force=force)

    def rewind(self, size=1):
        for line in self.lines:
            line.rewind(size)

    def extend(self, value=NAN, size=0):
        for line in self.lines:
            line.extend(value, size)

    def reset(self):
        for line in self.lines:
            line.reset()

    def home(self):
        for line in self.lines:
            line.home()

    def advance(self, size=1):
        for line in self.lines:
            line.idx += size
            line.lencount += size

    def buflen(self, line=0):
        return self.lines[line].buflen()


def _derive_info(cls, attr, prefix, name, newinfo, bases, recurse=False):
    base = getattr(cls, attr, AutoInfoClass)
    if not (isinstance(base, type) and issubclass(base, AutoInfoClass)):
        base = AutoInfoClass
    others = [getattr(b, attr) for b in bases[1:]
              if isinstance(getattr(b, attr, None), type)
              and issubclass(getattr(b, attr), AutoInfoClass)]
    return base._derive(prefix + name, newinfo, others, recurse=recurse)


class MetaLineSeries(MetaLineRoot):
    """Builds the per-class Lines holder, plot info and class aliases."""

    def __new__(meta, name, bases, dct):
        alias = dct.pop('alias', ())
        aliased = dct.pop('aliased', '')
        # upstream's form: ((line, alias), ...) or {line: alias}
        linealias = dict(dct.pop('linealias', {}))
        newlines = dct.pop('lines', ())
        extralines = dct.pop('extralines', 0)
        newplotinfo = dct.pop('plotinfo', {})
        newplotlines = dct.pop('plotlines', {})
        if isinstance(alias, str):
            alias = (alias,)
        cls = super().__new__(meta, name, bases, dct)

        baselines = getattr(cls, 'lines', Lines)
        if not (isinstance(baselines, type) and issubclass(baselines, Lines)):
            baselines = Lines
        others = [b.lines for b in bases[1:]
                  if isinstance(getattr(b, 'lines', None), type) and issubclass(b.lines, Lines)]
        cls.lines = baselines._derive(name, newlines, extralines, others, lalias=linealias)
        cls.plotinfo = _derive_info(cls, 'plotinfo', 'pi_', name, newplotinfo, bases)
        cls.plotlines = _derive_info(cls, 'plotlines', 'pl_', name, newplotlines, bases,
                                     recurse=True)
        # the declared aliases as an info class too, as upstream exposes them
        cls.linealias = _derive_info(cls, 'linealias', 'la_', name, linealias, bases)
        for index, lname in enumerate(cls.lines._getlines()):
            if not hasattr(cls, lname) or isinstance(getattr(cls, lname), _LineGetter):
                setattr(cls, lname, _LineGetter(index))
        for target, lalias in linealias.items():
            index = target if isinstance(target, int) else cls.lines._getlines().index(target)
            setattr(cls, lalias, _LineGetter(index))
        cls.alias = tuple(alias)
        cls.aliased = aliased
        module = sys.modules[cls.__module__]
        for aname in alias:
            extra = {}
            if isinstance(aname, tuple):  # (name, plotname), as upstream allows
                aname, plotname = aname
                extra['plotinfo'] = dict(plotname=plotname)
            newcls = type(aname, (cls,), {'__doc__': cls.__doc__,
                                          '__module__': cls.__module__,
                                          'aliased': cls.__name__, **extra})
            setattr(module, aname, newcls)
        return cls

    def donew(cls, *args, **kwargs):
        plotinfo = cls.plotinfo()
        for pname in cls.plotinfo._pairs:
            if pname in kwargs:
                setattr(plotinfo, pname, kwargs.pop(pname))
        _obj, args, kwargs = super().donew(*args, **kwargs)
        _obj.plotinfo = plotinfo
        _obj.lines = lines = cls.lines()
        _obj.plotlines = cls.plotlines()
        _obj.l = lines
        buffers = lines.lines
        _obj.line = buffers[0] if buffers else None
        for index, line in enumerate(buffers):
            line._owner = _obj
            setattr(_obj, 'line_%d' % index, line)
            setattr(_obj, 'line%d' % index, line)
        return _obj, args, kwargs


def _lines_delegate(verb):
    """A method that hands a buffer movement to ``self.lines``."""
    def move(self, *args, **kwargs):
        return getattr(self.lines, verb)(*args, **kwargs)
    move.__name__ = verb
    move.__doc__ = 'Apply %s to every line of the series.' % verb
    return move


class LineSeries(LineMultiple, metaclass=MetaLineSeries):
    """An object with named lines; ``obj[0]`` reads its first line."""

    plotinfo = dict(plot=True, plotmaster=None, legendloc=None)
    csv = True

    @property
    def array(self):
        return self.lines[0].array

    def __getattr__(self, name):
        if name in ('lines', '__setstate__', '__getstate__') or name.startswith('__'):
            raise AttributeError(name)
        return getattr(self.lines, name)

    def __len__(self):
        return self.lines.lines[0].lencount

    def buflen(self):
        return self.lines.lines[0].buflen()

    def __getitem__(self, key):
        line = self.lines.lines[0]
        return line.array[line.idx + key]

    def __setitem__(self, key, value):
        setattr(self.lines, self.lines._getlinealias(key), value)

    def __init__(self, *args, **kwargs):
        super().__init__()

    def plotlabel(self):
        label = self.plotinfo.plotname or self.__class__.__name__
        sublabels = self._plotlabel()
        if sublabels:
            for i, sublabel in enumerate(sublabels):
                if isinstance(sublabel, LineRoot) and hasattr(sublabel, 'plotinfo'):
                    try:
                        s = sublabel.plotinfo.plotname
                    except AttributeError:
                        s = ''
                    sublabels[i] = s or sublabel.__class__.__name__
            label += ' (%s)' % ', '.join(map(str, sublabels))
        return label

    def _plotlabel(self):
        return self.params._getvalues()

    def _getline(self, line, minusall=False):
        if isinstance(line, str):
            lineobj = getattr(self.lines, line)
        else:
            if line == -1:
                if minusall:
                    return None
                line = 0
            lineobj = self.lines[line]
        return lineobj

    def __call__(self, ago=None, line=-1):
        from .lineiterator import LinesCoupler
        if ago is None or isinstance(ago, LineRoot):
            if line == -1:
                return LinesCoupler(self, ago)
            lineobj = self._getline(line)
            from .linebuffer import LineCoupler
            return LineCoupler(lineobj, ago)
        return LineDelay(self._getline(line), ago)


# buffer movement is the lines container's job; a series only forwards it
for _verb in ('forward', 'backwards', 'rewind', 'extend', 'reset', 'home',
              'advance'):
    setattr(LineSeries, _verb, _lines_delegate(_verb))
del _verb


class LineSeriesStub(LineSeries):
    """Wraps a single line so it can be used where a series is expected."""

    extralines = 1

    def __init__(self, line, slave=False):
        self.lines = self.__class__.lines(initlines=[line])
        self.l = self.lines
        self.line = line
        self.owner = self._owner = line._owner
        self._minperiod = line._minperiod
        self.slave = slave

    def qbuffer(self, savemem=0, replaying=False):
        if not self.slave:
            for line in self.lines:
                line.qbuffer(savemem=1)

    def minbuffer(self, size):
        if not self.slave:
            self.lines[0].minbuffer(size)


def _unless_slave(name):
    """A buffer-moving method of the wrapped lines, skipped for a slave stub
    (whose line is moved by its real owner)."""
    def method(self, *args, **kwargs):
        if not self.slave:
            getattr(self.lines, name)(*args, **kwargs)
    method.__name__ = name
    return method


for _name in ('forward', 'backwards', 'rewind', 'extend', 'reset', 'home', 'advance'):
    setattr(LineSeriesStub, _name, _unless_slave(_name))


def LineSeriesMaker(arg, slave=False):
    if isinstance(arg, LineSeries):
        return arg
    return LineSeriesStub(arg, slave=slave)


def datetime_line_of(obj):
    """The datetime line that drives ``obj``'s clock, or None."""
    seen = 0
    while obj is not None and seen < 64:
        seen += 1
        lines = getattr(obj, 'lines', None)
        if lines is not None and not isinstance(lines, list):
            dtline = getattr(lines, 'datetime', None)
            if isinstance(dtline, LineBuffer):
                return dtline
        nxt = getattr(obj, '_clock', None)
        if nxt is None or nxt is obj:
            nxt = getattr(obj, '_owner', None)
        obj = nxt
    return None

