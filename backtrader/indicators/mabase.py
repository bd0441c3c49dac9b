"""Moving averages: their common base and the registry that names them.

Every class whose metaclass is :class:`MetaMovAvBase` (all moving averages,
including the alias classes) is published on :class:`MovingAverage`
(also reachable as ``MovAv``) under its own name and under its name without
the ``MovingAverage`` prefix or suffix, so users and ``movav`` params can say
``bt.ind.MovAv.SMA``, ``bt.ind.MovingAverage.Simple`` or
``bt.ind.MovAv.Exponential``.  A later registration of the same short name
wins, which makes the short name point at the main class (declared after its
aliases are created).
"""
from __future__ import annotations

from ..indicator import Indicator
from ._base import checked_period

__all__ = ['MovingAverage', 'MovAv', 'MetaMovAvBase', 'MovingAverageBase']

_AFFIX = 'MovingAverage'


class MovingAverage:
    """Namespace of the registered moving averages (see the module doc)."""

    _movavs: list = []

    @classmethod
    def register(cls, macls: type) -> None:
        """Publish ``macls`` under its name and short name."""
        cls._movavs.append(macls)
        name = macls.__name__
        setattr(cls, name, macls)
        short = ''
        if name.endswith(_AFFIX):
            short = name[:-len(_AFFIX)]
        elif name.startswith(_AFFIX):
            short = name[len(_AFFIX):]
        if short:
            setattr(cls, short, macls)


class MovAv(MovingAverage):
    """Shorter name of :class:`MovingAverage`."""


class MetaMovAvBase(Indicator.__class__):
    """Registers every moving average class it creates."""

    def __new__(meta, name, bases, dct):
        cls = super().__new__(meta, name, bases, dct)
        if not getattr(cls, '_mavariant', False):  # not Envelope/Osc variants
            MovingAverage.register(cls)
        return cls


class MovingAverageBase(Indicator, metaclass=MetaMovAvBase):
    """Base of the moving averages: a ``period`` param, drawn on the data.

    A moving average binds its line in ``__init__`` before calling
    ``super().__init__()``, so mixins (Envelope, Oscillator) that work on
    that line find it bound.

    Params:
      - period (30)
    """
    params = (('period', 30),)
    plotinfo = dict(subplot=False)

    def _checked_period(self, minimum: int = 1) -> int:
        return checked_period(self.p.period, minimum=minimum)
