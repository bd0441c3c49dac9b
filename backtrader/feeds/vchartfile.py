"""``VChartFile``: VisualChart's binary data files, found through the
``VChartFile`` store.

``dataname`` is the VisualChart symbol (e.g. ``'015ES'``); the file read is
``<store path>/0<first 3 chars>/010<symbol>.<ext>`` with ``.min`` for
minute bars (``timeframe=Minutes``) and ``.fd`` for days, weeks, months
and years.  Daily records are stamped with the session end.  The record
layout is described in ``_vchartbin``.  Tick files (``.tck``) are not
supported, as upstream (which fails on them).

Differs from upstream: a missing file raises FileNotFoundError naming the
path (upstream silently delivers no bars).
"""
from __future__ import annotations

import os

from .. import feed
from ..dataseries import TimeFrame
from ..stores.vchartfile import VChartFile as _VChartFileStore
from ._vchartbin import DAILY, MINUTES, BarFileFeed

__all__ = ['VChartFile']  # its metaclass stays out of bt.feeds, as upstream


class MetaVChartFile(feed.MetaAbstractDataBase):
    """Makes the first class built with it the feed the store hands out."""

    def __init__(cls, name, bases, dct):
        super().__init__(name, bases, dct)
        if _VChartFileStore.DataCls is None:
            _VChartFileStore.DataCls = cls


def _kind(timeframe: int) -> tuple:
    """(extension, record layout) for a timeframe."""
    if timeframe >= TimeFrame.Days:
        return '.fd', DAILY
    if timeframe == TimeFrame.Minutes:
        return '.min', MINUTES
    raise ValueError('VChartFile: timeframe %s is not supported (VisualChart tick '
                     'files are not read); use Minutes or Days and larger'
                     % TimeFrame.getname(timeframe))


class VChartFile(BarFileFeed, feed.DataBase, metaclass=MetaVChartFile):
    """Reads a symbol's VisualChart file (see the module docstring)."""

    def _filepath(self, ext: str) -> str:
        symbol = self.p.dataname
        if not isinstance(symbol, str) or not symbol:
            raise TypeError('VChartFile: dataname must be a VisualChart symbol '
                            '(a non-empty str), got %r' % (symbol,))
        root = _VChartFileStore().get_datapath()
        return os.path.join(root, '0' + symbol[0:3], '010' + symbol + ext)

    def start(self) -> None:
        super().start()
        ext, layout = _kind(self._timeframe)
        path = self._filepath(ext)
        self._open(path, layout, daytime=self.p.sessionend)
