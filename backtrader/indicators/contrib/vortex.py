"""The contributed Vortex indicator, the one ``bt.indicators.Vortex``
names (as upstream, a class of its own next to ``indicators.vortex``)."""
from __future__ import annotations

from .. import vortex as _vortex

__all__ = ['Vortex']


class Vortex(_vortex.Vortex):
    __doc__ = _vortex.Vortex.__doc__
