"""Oscillators: a line minus another (usually the data minus an average).

``Oscillator`` takes two datas (or one indicator, oscillating around that
indicator's own data); ``OscillatorMixIn`` turns a moving average into
``data - average``, and this module generates such a class for every moving
average of the package (``SMAOsc``, ``MovingAverageSimpleOscillator``...).
"""
from __future__ import annotations

from ..indicator import Indicator
from ..lineroot import LineRoot
from .mabase import MovingAverage

__all__ = ['OscillatorMixIn', 'Oscillator']


class OscillatorMixIn(Indicator):
    """Replaces the first line of the moving average it is mixed into by the
    data minus that average (plotted as ``osc``)."""
    _mavariant = True
    plotinfo = dict(subplot=True)
    plotlines = dict(_0=dict(_name='osc'))

    def __init__(self):
        # the moving average has bound its line: the data's oscillation
        # around it replaces it (computed after it, on every bar)
        self.lines[0] = self.data - self.lines[0]
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
            data0, data1 = self.data0, self.data1
        else:
            data0, data1 = getattr(self.data, 'data', None), self.data
            if not isinstance(data0, LineRoot):
                raise TypeError('Oscillator needs two datas or an indicator with '
                                'a data, got %r' % (self.data,))
        self.lines.osc = data0 - data1
        super().__init__()


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
