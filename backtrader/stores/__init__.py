"""Stores: one object per live venue owning its connection, handing out
the broker and the data feeds (``store.getbroker()``, ``store.getdata()``).

``CCXTStore`` trades on any exchange ccxt supports (see its module);
``LiveStore`` is what every live venue's store shares (retries, rate
limits, connection states, secrets kept out of logs and reprs).
"""
from ..store import MetaSingleton, Store  # noqa: F401
from .base import LiveStore, StoreError  # noqa: F401
from .ccxtstore import CCXTStore  # noqa: F401

__all__ = ['Store', 'MetaSingleton', 'LiveStore', 'StoreError', 'CCXTStore']
