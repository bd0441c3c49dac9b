"""Stores: one object per live venue owning its connection, handing out
the broker and the data feeds (``store.getbroker()``, ``store.getdata()``).

``CCXTStore`` trades on any exchange ccxt supports (see its module);
``LiveStore`` is what every live venue's store shares (retries, rate
limits, connection states, secrets kept out of logs and reprs).

Upstream's stores: ``VChartFile`` (VisualChart's data files) and
``VCStore`` (VisualChart, Windows only) are always here; ``IBStore`` and
``OandaStore`` only when their library (IbPy2's ``ib``, ``oandapy``) is
installed, as upstream (this build does not trade through them: see
``_unported``).
"""
from __future__ import absolute_import, division, print_function, unicode_literals

from ..store import MetaSingleton, Store  # noqa: F401
from .base import LiveStore, StoreError  # noqa: F401
from .ccxtstore import CCXTStore  # noqa: F401
from .vcstore import VCStore  # noqa: F401
from .vchartfile import VChartFile  # noqa: F401

__all__ = ['Store', 'MetaSingleton', 'LiveStore', 'StoreError', 'CCXTStore', 'VCStore',
           'VChartFile']

try:
    from .ibstore import IBStore  # noqa: F401
    __all__.append('IBStore')
except ModuleNotFoundError as exc:  # no IbPy2: no IBStore, as upstream
    if exc.name != 'ib':
        raise

try:
    from .oandastore import OandaStore  # noqa: F401
    __all__.append('OandaStore')
except ModuleNotFoundError as exc:  # no oandapy: no OandaStore, as upstream
    if exc.name != 'oandapy':
        raise
