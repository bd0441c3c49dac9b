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

from ._unported import export_if_installed  # noqa: E402

# without IbPy2 / oandapy no IBStore / OandaStore, as upstream
export_if_installed(globals(), {'ibstore': ('IBStore', 'ib'),
                                'oandastore': ('OandaStore', 'oandapy')})
