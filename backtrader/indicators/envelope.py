"""Envelopes: bands a percentage above and below a line.

``Envelope`` draws them around its data; ``EnvelopeMixIn`` adds them to a
moving average, and this module generates such a class for every moving
average of the package (``SMAEnvelope``, ``MovingAverageSimpleEnvelope``...).
"""
from __future__ import annotations

from ..indicator import Indicator
from .mabase import MovingAverage

__all__ = ['EnvelopeMixIn', 'Envelope']


class EnvelopeMixIn:
    """Adds lines ``top`` and ``bot``, ``perc`` percent above and below the
    first line of the class it is mixed into.

    Formula:
      - top = line * (1 + perc / 100)
      - bot = line * (1 - perc / 100)

    Params:
      - perc (2.5)
    """
    _mavariant = True
    lines = ('top', 'bot')
    params = (('perc', 2.5),)
    plotlines = dict(top=dict(_samecolor=True), bot=dict(_samecolor=True))

    def __init__(self, *args, **kwargs):
        # the class it is mixed into has bound its first line by now
        base = self.lines[0]
        perc = self.p.perc / 100.0
        self.lines.top = base * (1.0 + perc)
        self.lines.bot = base * (1.0 - perc)
        super().__init__(*args, **kwargs)


class _EnvelopeBase(Indicator):
    """Publishes its data as line ``src`` (not plotted)."""

    def __init__(self):
        self.lines.src = self.data  # the bands are built on this line
        super().__init__()

    # drawn over the data; ``src`` duplicates it, so it is skipped
    lines, plotinfo = ('src',), dict(subplot=False)
    plotlines = dict(src=dict(_plotskip=True))


class Envelope(_EnvelopeBase, EnvelopeMixIn):
    """Bands ``perc`` percent above and below the data.

    Formula:
      - src = data
      - top = src * (1 + perc / 100)
      - bot = src * (1 - perc / 100)

    Params:
      - perc (2.5)
    """
    # EnvelopeMixIn is a plain class: declare what it brings
    lines = EnvelopeMixIn.lines
    params = EnvelopeMixIn.params
    plotlines = EnvelopeMixIn.plotlines


_DOC = """%s with envelope bands ``perc`` percent above and below it.

    Formula:
      - %s (from %s)
      - top = %s * (1 + perc / 100)
      - bot = %s * (1 - perc / 100)

    Params:
      - period: as in %s
      - perc (2.5)
    """


def _make_variants() -> None:
    module = globals()
    for movav in list(MovingAverage._movavs):
        lines = movav.lines._getlines()
        if movav.aliased or not lines:
            continue
        name = movav.__name__ + 'Envelope'
        line = lines[0]
        dct = {
            '__module__': __name__,
            '__doc__': _DOC % (movav.__name__, line, movav.__name__, line, line,
                               movav.__name__),
            'alias': tuple(a + 'Envelope' for a in movav.alias),
            'lines': EnvelopeMixIn.lines,
            'params': EnvelopeMixIn.params,
            'plotlines': EnvelopeMixIn.plotlines,
        }
        newcls = type(movav)(name, (movav, EnvelopeMixIn), dct)
        module[name] = newcls
        __all__.append(name)
        __all__.extend(newcls.alias)


_make_variants()
