"""``VChartFile`` store: where VisualChart keeps its data files.

The store only knows the root directory of VisualChart's data (param
``path``); :class:`backtrader.feeds.VChartFile` feeds find their files
under it.  Like every store it is a singleton: the first instance's
``path`` is the one used.  Build feeds with ``store.getdata(dataname=...)``
or directly with ``bt.feeds.VChartFile`` after creating the store.
"""
from __future__ import annotations

from ..store import Store

__all__ = ['VChartFile']


class VChartFile(Store):
    """Root of VisualChart's data files.

    Params: ``path`` (None): the data directory; without it file paths
    are relative to the current directory.
    """

    params = (('path', None),)

    def get_datapath(self) -> str:
        """The data directory ('' when no path was given)."""
        return self.p.path or ''
