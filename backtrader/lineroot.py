"""Roots of the line hierarchy: minimum periods, the two operator stages.

Everything that holds values per bar (a single line, an indicator, a data
feed) derives from :class:`LineRoot`.  Operators on such objects behave in two
ways, selected by ``_opstage``:

* stage 1 (while strategies and indicators run ``__init__``): an operator
  builds a lazy operation object that is computed bar by bar (or vectorised)
  by the engine;
* stage 2 (once ``__init__`` is over, e.g. inside ``next()``): an operator
  returns a plain value computed from the current bar.
"""
from __future__ import annotations

import functools
import operator

from .metabase import MetaParams, findowner, owner_stack

__all__ = ['LineRoot', 'LineSingle', 'LineMultiple', 'MetaLineRoot']


class MetaLineRoot(MetaParams):
    """Finds the owner (the object under construction) of a new line object."""

    def donew(cls, *args, **kwargs):
        ownerskip = kwargs.pop('_ownerskip', None)
        _obj, args, kwargs = super().donew(*args, **kwargs)
        if not cls._autoowner:
            _obj._owner = None
            return _obj, args, kwargs
        ownercls = cls._OwnerCls
        if ownercls is None:
            from .lineiterator import LineIterator as ownercls
        _obj._owner = findowner(_obj, ownercls, skip=ownerskip)
        return _obj, args, kwargs


def _rtruediv(a, b):
    return operator.truediv(b, a)


class LineRoot(metaclass=MetaLineRoot):
    """Common interface: minimum period handling, hooks and operators."""

    _OwnerCls = None
    _autoowner = True
    _minperiod = 1
    _opstage = 1
    IndType, StratType, ObsType = range(3)

    # --- stages ------------------------------------------------------------
    # stage 1 (building): operators make lazy line objects; stage 2 (running):
    # they compute values at once
    def _set_stage(self, stage):
        self._opstage = stage

    _stage1 = functools.partialmethod(_set_stage, 1)
    _stage2 = functools.partialmethod(_set_stage, 2)

    # --- minimum period ------------------------------------------------------
    def setminperiod(self, minperiod):
        self._minperiod = minperiod

    def updateminperiod(self, minperiod):
        """Raise the minimum period to ``minperiod``; never lower it."""
        self._minperiod = max(self._minperiod, minperiod)

    def addminperiod(self, minperiod):
        raise NotImplementedError

    def incminperiod(self, minperiod):
        raise NotImplementedError

    # --- hooks -------------------------------------------------------------
    # by default warm-up does nothing and the first complete bar (or
    # range) is handled like every later one
    def _idle(self, *bounds):
        pass

    prenext = next = preonce = once = _idle

    def nextstart(self):
        self.next()

    def oncestart(self, start, end):
        self.once(start, end)

    def qbuffer(self, savemem=0):
        raise NotImplementedError

    def minbuffer(self, size):
        raise NotImplementedError

    # --- operators -----------------------------------------------------------
    def _makeoperation(self, other, operation, r=False, _ownerskip=None):
        raise NotImplementedError

    def _makeoperationown(self, operation, _ownerskip=None):
        raise NotImplementedError

    def _operation(self, other, operation, r=False):
        if self._opstage == 1:
            return self._makeoperation(other, operation, r=r, _ownerskip=self)
        if isinstance(other, LineRoot):
            other = other[0]
        if r:
            return operation(other, self[0])
        return operation(self[0], other)

    def _operationown(self, operation):
        if self._opstage == 1:
            return self._makeoperationown(operation, _ownerskip=self)
        return operation(self[0])

    def __bool__(self):
        if self._opstage == 1:
            return True
        return bool(self[0])

    __hash__ = object.__hash__


def _install_operators(cls):
    """Give ``cls`` the arithmetic, comparison and unary operators, each
    routed through ``_operation``/``_operationown`` (lazy in stage 1, a
    value in stage 2).  Reflected forms swap the operands."""
    binary = {'add': operator.add, 'sub': operator.sub, 'mul': operator.mul,
              'truediv': operator.truediv, 'floordiv': operator.floordiv,
              'mod': operator.mod, 'pow': operator.pow}
    compare = {'lt': operator.lt, 'gt': operator.gt, 'le': operator.le,
               'ge': operator.ge, 'eq': operator.eq, 'ne': operator.ne}
    unary = {'abs': operator.abs, 'neg': operator.neg, 'pos': operator.pos}

    def forward(fn):
        return lambda self, other: self._operation(other, fn)

    def reflected(fn):
        return lambda self, other: self._operation(other, fn, r=True)

    def single(fn):
        return lambda self: self._operationown(fn)

    for name, fn in binary.items():
        setattr(cls, '__%s__' % name, forward(fn))
        setattr(cls, '__r%s__' % name, reflected(fn))
    for name, fn in compare.items():
        setattr(cls, '__%s__' % name, forward(fn))
    for name, fn in unary.items():
        setattr(cls, '__%s__' % name, single(fn))


_install_operators(LineRoot)


def bar_phase(obj, surplus):
    """The per-bar hook that runs when ``surplus`` bars exceed the minimum
    period: warm-up (``prenext``) below it, ``nextstart`` on it, ``next``
    past it."""
    if surplus > 0:
        return obj.next
    return obj.nextstart if surplus == 0 else obj.prenext


class LineMultiple(LineRoot):
    """An object holding several lines; operators act on the first one."""

    def reset(self):
        self._stage1()
        self.lines.reset()

    def _stage1(self):
        super()._stage1()
        for line in self.lines:
            line._stage1()

    def _stage2(self):
        super()._stage2()
        for line in self.lines:
            line._stage2()

    def _each_line(self, method, *args):
        for line in self.lines:
            getattr(line, method)(*args)

    def addminperiod(self, minperiod):
        self._each_line('addminperiod', minperiod)

    def incminperiod(self, minperiod):
        self._each_line('incminperiod', minperiod)

    def minbuffer(self, size):
        self._each_line('minbuffer', size)

    def qbuffer(self, savemem=0):
        # a container's lines are always bounded, whatever was asked
        self._each_line('qbuffer', 1)

    # operators on a multi-line object act on its first line
    def _makeoperation(self, other, operation, r=False, _ownerskip=None):
        first = self.lines[0]
        return first._makeoperation(other, operation, r, _ownerskip)

    def _makeoperationown(self, operation, _ownerskip=None):
        return self.lines[0]._makeoperationown(operation, _ownerskip)


class LineSingle(LineRoot):
    """A single line of values."""

    def addminperiod(self, minperiod):
        # both sides already count the current bar once
        self._minperiod += minperiod - 1

    def incminperiod(self, minperiod):
        self._minperiod += minperiod


# keep names users may reach through the module
__owner_stack__ = owner_stack
