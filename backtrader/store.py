"""The base of stores: the one object per venue that owns the connection
and hands out the broker and the data feeds that share it.

As in upstream, a store class is a singleton: calling it again returns
the instance made first (whatever the parameters).  A subclass may key
its instances differently (``_singleton_key``), e.g. one per exchange and
account.  Notifications (connection changes, errors) are queued with
``put_notification`` and drained by cerebro into ``notify_store``.
"""
from __future__ import annotations

import collections
import threading
from typing import Any

from .metabase import MetaParams

__all__ = ['MetaSingleton', 'Store']


class MetaSingleton(MetaParams):
    """Returns the existing instance for the same key instead of a new one."""

    def __init__(cls, name, bases, dct):
        super().__init__(name, bases, dct)
        cls._singleton = None
        cls._instances = {}
        cls._instances_lock = threading.Lock()

    def __call__(cls, *args, **kwargs):
        key = cls._singleton_key(*args, **kwargs)
        with cls._instances_lock:
            instance = cls._instances.get(key)
            if instance is None:
                instance = super().__call__(*args, **kwargs)
                cls._instances[key] = instance
                if cls._singleton is None:
                    cls._singleton = instance
            return instance


class Store(metaclass=MetaSingleton):
    """Base class of stores.

    ``BrokerCls``/``DataCls``: what ``getbroker``/``getdata`` build, with
    ``store=self`` added to their keyword arguments.
    """

    params = ()
    BrokerCls = None
    DataCls = None
    _started = False

    @classmethod
    def _singleton_key(cls, *args: Any, **kwargs: Any) -> Any:
        return cls

    @classmethod
    def _forget(cls) -> None:
        """Drop the cached instances (tests; a store that was stopped)."""
        with cls._instances_lock:
            cls._instances.clear()
            cls._singleton = None

    def getdata(self, *args: Any, **kwargs: Any) -> Any:
        if self.DataCls is None:
            raise NotImplementedError('%s has no data feed class' % type(self).__name__)
        kwargs['store'] = self
        return self.DataCls(*args, **kwargs)

    def getbroker(self, *args: Any, **kwargs: Any) -> Any:
        if self.BrokerCls is None:
            raise NotImplementedError('%s has no broker class' % type(self).__name__)
        kwargs['store'] = self
        return self.BrokerCls(*args, **kwargs)

    def start(self, data: Any = None, broker: Any = None) -> None:
        """Called once by cerebro and again by each data and the broker
        using the store."""
        if not self._started:
            self._started = True
            self.notifs = collections.deque()
            self.datas = []
            self.broker = None
        if data is not None:
            self._cerebro = self._env = data._env
            self.datas.append(data)
            if self.broker is not None and hasattr(self.broker, 'data_started'):
                self.broker.data_started(data)
        elif broker is not None:
            self.broker = broker

    def stop(self) -> None:
        pass

    def put_notification(self, msg: Any, *args: Any, **kwargs: Any) -> None:
        if not hasattr(self, 'notifs'):
            self.notifs = collections.deque()
        self.notifs.append((msg, args, kwargs))

    def get_notifications(self) -> list:
        """Drain what was queued so far (a marker bounds the drain, so a
        thread appending meanwhile is safe)."""
        if not hasattr(self, 'notifs'):
            return []
        self.notifs.append(None)
        out = []
        while True:
            item = self.notifs.popleft()
            if item is None:
                return out
            out.append(item)
