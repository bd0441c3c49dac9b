"""``RollOver``: futures contracts played as one continuous feed.

Pass the contracts' feeds in expiration order:
``cerebro.rolloverdata(d1, d2, d3, checkdate=..., checkcondition=...)`` or
``bt.feeds.RollOver(d1, d2, d3, ...)``.  One contract is active at a time:

- ``checkdate(dt, d)``: called with each new bar of the active contract
  ``d`` (``dt`` its datetime).  True means the roll may happen now (e.g.
  the week of expiration).  Without it the feed only moves to the next
  contract when the active one runs out of bars.
- ``checkcondition(d0, d1)``: called when ``checkdate`` said yes, with the
  active contract ``d0`` and the next one ``d1`` brought forward to the
  same datetime (or its first later bar).  True rolls over: ``d1``'s bar
  is delivered in place of ``d0``'s and ``d1`` becomes the active
  contract.  Without it the roll happens as soon as ``checkdate`` allows.

A contract that runs out is replaced by the next one, whose bars not later
than the last delivered are skipped.  Like upstream's, the feed reports
itself as live, so cerebro runs it bar by bar.

Differs from upstream in one case: a next contract whose bars all lie
before the roll date (it runs out while being brought forward) is dropped
and the following one is considered; upstream loops forever there.
"""
from __future__ import annotations

import datetime
from typing import Any

from ._joined import JoinedFeed, MetaJoinedFeed

__all__ = ['RollOver']  # its metaclass stays out of bt.feeds, as upstream


class MetaRollOver(MetaJoinedFeed):
    """Metaclass of :class:`RollOver` (the contracts are its positional args)."""


class RollOver(JoinedFeed, metaclass=MetaRollOver):
    """Continuous futures feed over contracts (see module docstring).

    Params: ``checkdate`` (None): ``callable(dt, d) -> bool``;
    ``checkcondition`` (None): ``callable(d0, d1) -> bool``.
    """

    params = (('checkdate', None), ('checkcondition', None))

    def __init__(self, *sources: Any) -> None:
        super().__init__(*sources)
        for name in ('checkdate', 'checkcondition'):
            func = getattr(self.p, name)
            if func is not None and not callable(func):
                raise TypeError('RollOver: %s must be a callable or None, got %s'
                                % (name, type(func).__name__))

    def _checkdate(self, dt: datetime.datetime, d: Any) -> bool:
        func = self.p.checkdate
        return bool(func(dt, d)) if func is not None else False

    def _checkcondition(self, d0: Any, d1: Any) -> bool:
        func = self.p.checkcondition
        return bool(func(d0, d1)) if func is not None else True

    def _load(self) -> Any:
        source = self._fresh_source()
        if not source:
            return source
        dt = self._dt(source)
        if self._checkdate(dt, source) and self._pending:  # asked on every bar
            source = self._maybe_roll(source, dt)
        return self._deliver(source)

    def _maybe_roll(self, current: Any, dt: datetime.datetime) -> Any:
        """The contract whose bar is delivered at ``dt``: the next one if
        the condition says so (it then becomes the active one), else
        ``current``."""
        while self._pending:
            nxt = self._pending[0]
            ready = self._bring_forward(nxt, dt)
            if ready is None:
                break  # a live contract without bars yet: not now
            if not ready:
                self._pending.pop(0)  # ran out before dt: useless contract
                continue
            if self._checkcondition(current, nxt):
                self._active = self._pending.pop(0)
                return nxt
            break
        return current

    def _bring_forward(self, source: Any, dt: datetime.datetime) -> Any:
        """Load bars of ``source`` until one is not before ``dt``: True when
        there, False if it ran out first, None if a live one has no bar."""
        if not len(source):
            got = source.next()
            if not got:
                return got
        while self._dt(source) < dt:
            got = source.next()
            if not got:
                return got
        return True
