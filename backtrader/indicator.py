"""Indicator base class.

An indicator that only implements ``next`` still works in batch (runonce)
mode: the class is given ``once``/``preonce``/``oncestart`` versions that walk
the bars and call the per-bar methods.  Indicators that can be vectorised
override ``once`` themselves.
"""
from __future__ import annotations

from .lineiterator import IndicatorBase, LineIterator, MetaLineIterator
from .lineseries import LineSeries

__all__ = ['Indicator', 'MetaIndicator', 'LinePlotterIndicator', 'MtLinePlotterIndicator']


class MetaIndicator(MetaLineIterator):
    _refname = '_indcol'
    _indcol: dict = {}
    _icache: dict = {}
    _icacheuse = False

    @classmethod
    def cleancache(cls):
        cls._icache = {}

    @classmethod
    def usecache(cls, onoff):
        cls._icacheuse = onoff

    def __init__(cls, name, bases, dct):
        super().__init__(name, bases, dct)
        if not cls.aliased and name != 'Indicator' and not name.startswith('_'):
            getattr(cls, cls._refname)[name] = cls
        base = globals().get('Indicator')
        if base is None:
            return
        # an indicator written only with next() walks the bars in batch mode
        if cls.next is not base.next and cls.once is base.once:
            cls.once = cls.once_via_next
            cls.preonce = cls.preonce_via_prenext
            cls.oncestart = cls.oncestart_via_nextstart


class Indicator(IndicatorBase, metaclass=MetaIndicator):
    _ltype = LineIterator.IndType
    csv = False

    def advance(self, size=1):
        # only move when the clock is ahead (slower clocks in multi-timeframe)
        if len(self) < len(self._clock):
            self.lines.advance(size=size)

    def _step_all(self):
        for data in self.datas:
            data.advance()
        for indicator in self._lineiterators[LineIterator.IndType]:
            indicator.advance()
        self.lines.advance()

    def preonce_via_prenext(self, start, end):
        for _ in range(start, end):
            self._step_all()
            self.prenext()

    def oncestart_via_nextstart(self, start, end):
        for _ in range(start, end):
            self._step_all()
            self.nextstart()

    def once_via_next(self, start, end):
        for _ in range(start, end):
            self._step_all()
            self.next()


class MtLinePlotterIndicator(Indicator.__class__):
    def donew(cls, *args, **kwargs):
        lname = kwargs.pop('name')
        name = cls.__name__
        lines = getattr(cls, 'lines', cls.lines)
        cls.lines = lines._derive(name, (lname,), 0, [])
        plotlines = cls.plotlines
        _obj, args, kwargs = super().donew(*args, **kwargs)
        _obj.owner = _obj.data.owner if hasattr(_obj.data, 'owner') else _obj._owner
        _obj.plotlines = plotlines
        return _obj, args, kwargs


class LinePlotterIndicator(Indicator, metaclass=MtLinePlotterIndicator):
    def __init__(self):
        self.lines[0] = self.data
