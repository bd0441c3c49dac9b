"""What :class:`Chainer` and :class:`RollOver` share: one feed playing the
bars of several source feeds, one source at a time.

The sources are passed positionally and started/stopped with the joined
feed; they are not added to cerebro themselves.  The joined feed takes its
timeframe, compression and time zone from the first source.  It reports
itself as live, as upstream's do: cerebro then neither preloads nor runs
in batch (``runonce``) mode, and bars are pulled one by one from the
sources while the run goes.

A source bar is only delivered when its datetime (read in that source's
time zone) is later than the last one delivered, so overlapping sources
do not repeat days.
"""
from __future__ import annotations

import datetime
from typing import Any, Optional

from .. import feed

__all__ = ['MetaJoinedFeed', 'JoinedFeed']


class MetaJoinedFeed(feed.MetaAbstractDataBase):
    """Takes timeframe and compression from the first source before the
    base class turns the params into ``_timeframe``/``_compression``."""

    def dopreinit(cls, _obj, *args, **kwargs):
        _obj, args, kwargs = super().dopreinit(_obj, *args, **kwargs)
        _obj._sources = list(args)
        if args:
            first = args[0]
            _obj.p.timeframe = first._timeframe
            _obj.p.compression = first._compression
        return _obj, args, kwargs


class JoinedFeed(feed.DataBase, metaclass=MetaJoinedFeed):
    """Base of the feeds made of several sources (see module docstring)."""

    _sources: list = []
    _pending: list = []
    _active: Any = None
    _lastdt: Optional[datetime.datetime] = None

    def __init__(self, *sources: Any) -> None:
        for index, source in enumerate(sources):
            if not isinstance(source, feed.AbstractDataBase):
                raise TypeError('%s: source %d must be a data feed, got %s'
                                % (type(self).__name__, index, type(source).__name__))

    def islive(self) -> bool:
        return True

    def _gettz(self) -> Any:
        if self._sources:
            return self._sources[0]._gettz()
        return super()._gettz()

    def start(self) -> None:
        super().start()
        for source in self._sources:
            source.setenvironment(self._env)
            source._start()
        self._pending = list(self._sources)
        self._active = self._pending.pop(0) if self._pending else None
        self._lastdt = None

    def stop(self) -> None:
        super().stop()
        for source in self._sources:
            source.stop()

    def get_notifications(self) -> list:
        """The notifications of the source being played."""
        if self._active is None:
            return []
        return self._active.get_notifications()

    # --- helpers for the subclasses' _load ----------------------------------------
    def _fresh_source(self) -> Any:
        """Move the sources on until one holds a bar later than the last
        delivered and return it; None while a live source has nothing
        yet, False when every source is done (the ``_load`` answers)."""
        source = self._active
        while source is not None:
            got = source.next()
            if got is None:
                return None
            if not got:
                source = self._switch()
            elif self._isnew(source):
                return source
        return False

    def _switch(self) -> Any:
        """Make the next pending source the active one (None: no more)."""
        self._active = self._pending.pop(0) if self._pending else None
        return self._active

    @staticmethod
    def _dt(source: Any) -> datetime.datetime:
        """The current bar's datetime of a source, in the source's zone."""
        return source.lines.datetime.datetime(0)

    def _isnew(self, source: Any) -> bool:
        """Whether the source's current bar is later than the last delivered."""
        return self._lastdt is None or self._dt(source) > self._lastdt

    def _deliver(self, source: Any) -> bool:
        """Copy the source's current bar into this feed's current slot."""
        self._lastdt = self._dt(source)
        for line, srcline in zip(self.lines, source.lines):
            line[0] = srcline[0]
        return True
