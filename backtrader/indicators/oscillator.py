"""Oscillators: a line minus another (usually the data minus an average).

``Oscillator`` takes two datas (or one indicator, oscillating around that
indicator's own data); ``OscillatorMixIn`` turns a moving average into
``data - average``, and this module generates such a class for every moving
average of the package (``SMAOsc``, ``MovingAverageSimpleOscillator``...).
"""
from __future__ import annotations

from ..indicator import Indicator
from ..linebuffer import npview
from ..lineroot import LineRoot
from ._base import computed_by_children, inner_movav, lines_minperiod
from .mabase import MovingAverage

__all__ = ['OscillatorMixIn', 'Oscillator']


class OscillatorMixIn(Indicator):
    """Replaces the first line of the moving average it is mixed into by the
    data minus that average (plotted as ``osc``)."""
    _mavariant = True
    plotinfo = dict(subplot=True)
    plotlines = dict(_0=dict(_name='osc'))

    def __init__(self):
        inner = inner_movav(self)
        if inner is None:
            raise TypeError('%s: OscillatorMixIn needs a moving average class'
                            % type(self).__name__)
        self.lines[0] = self.data - inner
        computed_by_children(self)
        super().__init__()


class Oscillator(Indicator):
    """Oscillation of a data around another one.

    With two datas: osc = data0 - data1.  With one indicator: osc = the
    indicator's own data - the indicator.
    """
    lines = ('osc',)
    plotlines = dict(_0=dict(_name='osc'))

    def __init__(self):
        if len(self.datas) > 1:
            self._a, self._b = self.data0.lines[0], self.data1.lines[0]
        else:
            own = getattr(self.data, 'data', None)
            if not isinstance(own, LineRoot):
                raise TypeError('Oscillator needs two datas or an indicator with '
                                'a data, got %r' % (self.data,))
            self._a, self._b = own.lines[0], self.data.lines[0]
        lines_minperiod(self, max(self._a._minperiod, self._b._minperiod))
        super().__init__()

    def next(self):
        self.line[0] = self._a[0] - self._b[0]

    def once(self, start, end):
        if end > start:
            npview(self.line)[start:end] = (npview(self._a)[start:end]
                                            - npview(self._b)[start:end])


_DOC = """%s of the data minus %s.

    Formula:
      - %s = data - %s (from %s), plotted as osc

    Params:
      - period: as in %s
    """


def _make_variants() -> None:
    module = globals()
    for movav in list(MovingAverage._movavs):
        lines = movav.lines._getlines()
        if movav.aliased or not lines:
            continue
        name = movav.__name__ + 'Oscillator'
        aliases = [movav.__name__ + 'Osc']
        for alias in movav.alias:
            aliases.extend((alias + 'Oscillator', alias + 'Osc'))
        dct = {
            '__module__': __name__,
            '__doc__': _DOC % ('Oscillation', movav.__name__, lines[0], lines[0],
                               movav.__name__, movav.__name__),
            'alias': tuple(aliases),
        }
        newcls = type(movav)(name, (movav, OscillatorMixIn), dct)
        module[name] = newcls
        __all__.append(name)
        __all__.extend(newcls.alias)


_make_variants()
