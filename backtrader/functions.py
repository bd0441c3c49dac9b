"""Line functions usable in ``__init__`` (lazily) such as ``bt.If`` or
``bt.Max``: each is a computed line over its arguments' current values."""
from __future__ import annotations

import functools
import math

from .linebuffer import LineActions, arrayize
from .lineroot import LineRoot

__all__ = ['List', 'Logic', 'DivByZero', 'DivZeroByZero', 'Cmp', 'CmpEx', 'If',
           'MultiLogic', 'MultiLogicReduce', 'Reduce', 'And', 'Or', 'Max', 'Min',
           'Sum', 'Any', 'All']


class List(list):
    """A list whose membership test uses equality of hashes (identity of
    line objects), not their overloaded ``==``."""

    def __contains__(self, other):
        return any(x.__hash__() == other.__hash__() for x in self)


class Logic(LineActions):
    def __init__(self, *args):
        super().__init__()
        self.args = [arrayize(arg) for arg in args]


def _val(obj, idx):
    return obj.array[idx]


class DivByZero(Logic):
    """``a / b``, or ``zero`` when ``b`` is 0."""

    def __init__(self, a, b, zero=0.0):
        super().__init__(a, b)
        self.a, self.b = self.args
        self.zero = zero

    def next(self):
        b = self.b[0]
        self[0] = self.a[0] / b if b else self.zero

    def once(self, start, end):
        dst, srca, srcb, zero = self.array, self.a.array, self.b.array, self.zero
        for i in range(start, end):
            b = srcb[i]
            dst[i] = srca[i] / b if b else zero


class DivZeroByZero(Logic):
    """``a / b``; ``single`` when only ``b`` is 0, ``dual`` when both are."""

    def __init__(self, a, b, single=float('inf'), dual=0.0):
        super().__init__(a, b)
        self.a, self.b = self.args
        self.single, self.dual = single, dual

    def _calc(self, a, b):
        if b == 0.0:
            return self.dual if a == 0.0 else self.single
        return a / b

    def next(self):
        self[0] = self._calc(self.a[0], self.b[0])

    def once(self, start, end):
        dst, srca, srcb = self.array, self.a.array, self.b.array
        for i in range(start, end):
            dst[i] = self._calc(srca[i], srcb[i])


def _cmp(a, b):
    return (a > b) - (a < b)


class Cmp(Logic):
    """-1, 0 or 1 as ``a`` is below, equal to or above ``b``."""

    def __init__(self, a, b):
        super().__init__(a, b)
        self.a, self.b = self.args

    def next(self):
        self[0] = _cmp(self.a[0], self.b[0])

    def once(self, start, end):
        dst, srca, srcb = self.array, self.a.array, self.b.array
        for i in range(start, end):
            dst[i] = _cmp(srca[i], srcb[i])


class CmpEx(Logic):
    """Like Cmp, but yields the value of ``r1``, ``r2`` or ``r3``."""

    def __init__(self, a, b, r1, r2, r3):
        super().__init__(a, b, r1, r2, r3)
        self.a, self.b, self.r1, self.r2, self.r3 = self.args

    def next(self):
        c = _cmp(self.a[0], self.b[0])
        self[0] = (self.r1, self.r2, self.r3)[c + 1][0]

    def once(self, start, end):
        dst = self.array
        a, b = self.a.array, self.b.array
        rs = (self.r1.array, self.r2.array, self.r3.array)
        for i in range(start, end):
            dst[i] = rs[_cmp(a[i], b[i]) + 1][i]


class If(Logic):
    """``a`` where ``cond`` is true, else ``b``."""

    def __init__(self, cond, a, b):
        super().__init__(a, b)
        self.a, self.b = self.args
        self.cond = arrayize(cond)

    def next(self):
        self[0] = self.a[0] if self.cond[0] else self.b[0]

    def once(self, start, end):
        dst, c, a, b = self.array, self.cond.array, self.a.array, self.b.array
        for i in range(start, end):
            dst[i] = a[i] if c[i] else b[i]


class MultiLogic(Logic):
    """Applies ``flogic`` to the list of the arguments' current values."""

    def flogic(self, values):
        raise NotImplementedError

    def next(self):
        self[0] = self.flogic([arg[0] for arg in self.args])

    def once(self, start, end):
        # inputs may be constants whose array answers any index: index them
        dst, flogic = self.array, self.flogic
        sources = [arg.array for arg in self.args]
        for i in range(start, end):
            dst[i] = flogic([src[i] for src in sources])


_NO_SEED = object()


class MultiLogicReduce(MultiLogic):
    """Folds the values pairwise with ``flogic`` (``functools.reduce``),
    starting from ``initializer`` when one is given."""

    def __init__(self, *args, initializer=_NO_SEED, **kwargs):
        super().__init__(*args)
        pair = self.flogic
        seed = () if initializer is _NO_SEED else (initializer,)
        self.flogic = lambda values: functools.reduce(pair, values, *seed)


class Reduce(MultiLogicReduce):
    def __init__(self, flogic, *args, **kwargs):
        self.flogic = flogic
        super().__init__(*args, **kwargs)


class And(MultiLogicReduce):
    @staticmethod
    def flogic(x, y):
        return x and y


class Or(MultiLogicReduce):
    @staticmethod
    def flogic(x, y):
        return x or y


class Max(MultiLogic):
    flogic = staticmethod(max)


class Min(MultiLogic):
    flogic = staticmethod(min)


class Sum(MultiLogic):
    flogic = staticmethod(math.fsum)


class Any(MultiLogic):
    flogic = staticmethod(any)


class All(MultiLogic):
    flogic = staticmethod(all)
