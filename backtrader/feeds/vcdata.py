"""VisualChart data feed (``VCData``): upstream streams bars and ticks
from the VisualChart terminal (Windows only) through ``VCStore``.

The module imports everywhere, as upstream.  This build has no
VisualChart COM adapter, so a ``VCData`` never connects: in a run it
reports ``DISCONNECTED`` to ``notify_data`` and delivers no bars (the
store's first notification tells that comtypes could not be imported).
With ``comtypes`` loadable, creating the feed raises
``UnportedVenueError`` (from its store).

Symbols are VisualChart codes (market code + ticker, e.g. ``'015ES'``);
a blank at the 4th position is folded as upstream does (``'015 ES'``
becomes ``'01ES'``).
"""
from __future__ import annotations

import datetime
from typing import Any

from ..feed import DataBase, MetaAbstractDataBase
from ..stores.vcstore import VCStore
from ..utils.py3 import string_types

__all__ = ['VCData', 'MetaVCData']

_SOURCE_PREFIX = '010'  # prepended to a symbol to name its data source


def fold_symbol(symbol: str) -> str:
    """Drop the 3rd and 4th characters when the 4th is a blank."""
    if symbol[3].isspace():
        return symbol[:2] + symbol[4:]
    return symbol


class MetaVCData(MetaAbstractDataBase):
    """Makes the first class built with it the feed ``VCStore`` hands out."""

    def __init__(cls, name, bases, dct):
        super().__init__(name, bases, dct)
        if VCStore.DataCls is None:
            VCStore.DataCls = cls


class VCData(DataBase, metaclass=MetaVCData):
    """VisualChart feed (see the module docstring).

    Params (besides the usual feed params; ``qcheck`` 0.5 s):
      - ``historical`` (False): upstream's switch to stop after the backfill
      - ``millisecond`` (True): keep the milliseconds of the timestamps
      - ``tradename`` (None): the symbol orders go to (default: ``dataname``)
      - ``usetimezones`` (True): localise times with the market's time zone
    """

    params = (
        ('qcheck', 0.5),
        ('historical', False),
        ('millisecond', True),
        ('tradename', None),
        ('usetimezones', True),
    )

    MILLISECOND = datetime.timedelta(microseconds=1000)
    NULLDATE = datetime.datetime(1899, 12, 30)  # day 0 of COM dates
    PING_TIMEOUT = 25.0  # seconds between keep-alive checks of a live feed

    def __init__(self) -> None:
        symbol = self.p.dataname
        if not isinstance(symbol, string_types):
            raise TypeError('VCData: dataname must be a VisualChart symbol (str), '
                            'got %s' % type(symbol).__name__)
        if len(symbol) < 4:
            raise ValueError('VCData: dataname %r is too short for a VisualChart '
                             'symbol (market code + ticker, e.g. "015ES")' % symbol)
        self.store = VCStore()
        symbol = fold_symbol(symbol)
        self._name = self.p.name or symbol
        self._dataname = _SOURCE_PREFIX + symbol
        self._mktcode = symbol[:3]
        self._tradename = fold_symbol(self.p.tradename or self._dataname)

    def islive(self) -> bool:
        return True

    def haslivedata(self) -> bool:
        return False  # nothing can arrive without the terminal

    def start(self) -> None:
        super().start()
        self.store.start(data=self)
        if not self.store.connected():
            self.put_notification(self.DISCONNECTED)

    def _load(self) -> Any:
        return False
