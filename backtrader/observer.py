"""Observers: line objects that record what a strategy does, bar by bar.

An observer is created by the strategy (``cerebro.addobserver``) with the
strategy's datas as arguments and is reached as ``strategy.stats.<name>``.
Unlike indicators, observers usually record state that only exists during
the run (cash, value, executed orders, closed trades), so they are always
computed bar by bar, after the strategy's ``next``.

Observers with ``_stclock = True`` tick with the strategy (one value per
strategy bar); the others tick with their first data.  An analyzer created
inside an observer's ``__init__`` (through the strategy's
``_addanalyzer_slave``) is registered with it and is updated just before the
observer on every bar.
"""
from __future__ import annotations

from typing import Any

from .lineiterator import LineIterator, ObserverBase, StrategyBase

__all__ = ['Observer', 'MetaObserver']


class MetaObserver(ObserverBase.__class__):

    def donew(cls, *args, **kwargs):
        _obj, args, kwargs = super().donew(*args, **kwargs)
        _obj._analyzers = []
        return _obj, args, kwargs

    def dopreinit(cls, _obj, *args, **kwargs):
        _obj, args, kwargs = super().dopreinit(_obj, *args, **kwargs)
        if _obj._stclock:
            _obj._clock = _obj._owner
        return _obj, args, kwargs


class Observer(ObserverBase, metaclass=MetaObserver):
    """Base class of observers.

    ``prenext`` calls ``next``: observers record values from the first bar,
    whatever the minimum period of the strategy.
    """

    _stclock = False
    _OwnerCls = StrategyBase
    _ltype = LineIterator.ObsType
    csv = True

    plotinfo = dict(plot=False, subplot=True)

    def prenext(self) -> None:
        self.next()

    def _register_analyzer(self, analyzer: Any) -> None:
        self._analyzers.append(analyzer)

    def _start(self) -> None:
        self.start()

    def start(self) -> None:
        """Called before the first bar."""
