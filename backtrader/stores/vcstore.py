"""VisualChart store (``VCStore``): upstream drives the VisualChart 6
terminal (Windows only) through its COM libraries with ``comtypes``.

The module imports everywhere, as upstream (the COM bridge is only needed
when a store is made), so ``bt.stores.VCStore`` always exists.

- Without a loadable ``comtypes`` (any machine but a Windows one with
  it installed) a ``VCStore`` is created unconnected, and its first
  notification is ``(-65506, 'Failed to import comtypes')``, reaching
  ``notify_store`` as ``(msg, *msg)``, as upstream.  Its ``VCData`` feeds
  report ``DISCONNECTED`` and deliver no bars; a ``VCBroker`` cannot be
  made (``ModuleNotFoundError`` naming comtypes).
- With ``comtypes`` loadable, creating the store raises
  ``UnportedVenueError``: this build has no VisualChart COM adapter.
"""
from __future__ import annotations

import collections
import datetime
from typing import Any

from ..store import Store
from ._unported import library_importable, missing_library, unported

__all__ = ['VCStore']

# upstream's store notification when the COM bridge cannot be loaded
_COMTYPES_FAILED = (-65506, 'Failed to import comtypes')


def comtypes_missing(feature: str) -> ModuleNotFoundError:
    """The error for a VisualChart part that needs the COM bridge."""
    return missing_library('comtypes', 'comtypes', feature,
                           'VisualChart itself runs on Windows only')


class VCStore(Store):
    """The one VisualChart store of the process (a singleton, as every store).

    No params.  ``connected()`` tells whether the terminal is reachable
    (always False in this build); ``getdata``/``getbroker`` build a
    ``VCData``/``VCBroker``.
    """

    params = ()

    BrokerCls = None  # VCBroker, set when backtrader.brokers.vcbroker loads
    DataCls = None    # VCData, set when backtrader.feeds.vcdata loads

    # the latest dates and the largest count VisualChart's calls accept
    MAXDATE1 = datetime.datetime(9999, 12, 30, 23, 59, 58, 999999)
    MAXDATE2 = datetime.datetime(9999, 12, 31, 23, 59, 58, 999999)
    MAXUINT = 2 ** 31 - 1

    def __init__(self) -> None:
        if library_importable('comtypes'):
            raise unported('VCStore', 'VisualChart', 'comtypes')
        self._connected = False
        self.notifs = collections.deque()
        self.datas = []
        self.broker = None
        self.put_notification(_COMTYPES_FAILED, *_COMTYPES_FAILED)

    def connected(self) -> bool:
        return self._connected

    def start(self, data: Any = None, broker: Any = None) -> None:
        """Cerebro, each feed and the broker start the store; the queued
        notifications are kept for cerebro to deliver."""
        if data is not None:
            self._cerebro = self._env = data._env
            self.datas.append(data)
        elif broker is not None:
            self.broker = broker

    def stop(self) -> None:
        pass

    def find_vchart(self) -> Any:
        """Upstream: the VisualChart install folder from the Windows registry."""
        raise comtypes_missing('VCStore.find_vchart')

    @classmethod
    def getdata(cls, *args: Any, **kwargs: Any) -> Any:
        """A ``VCData`` built with these arguments."""
        if cls.DataCls is None:
            from ..feeds import vcdata  # noqa: F401  (registers DataCls)
        return cls.DataCls(*args, **kwargs)

    @classmethod
    def getbroker(cls, *args: Any, **kwargs: Any) -> Any:
        """A ``VCBroker`` built with these arguments."""
        if cls.BrokerCls is None:
            from ..brokers import vcbroker  # noqa: F401  (registers BrokerCls)
        return cls.BrokerCls(*args, **kwargs)
