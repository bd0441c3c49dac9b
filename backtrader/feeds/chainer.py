"""``Chainer``: several feeds played one after the other as one feed.

Typical use: the same instrument split over several files (one per year),
or a history file followed by a live feed.  Pass the feeds in playing
order: ``cerebro.chaindata(d1, d2)`` or ``bt.feeds.Chainer(d1, d2)``.  When a
source runs out the next one takes over; bars not later than the last one
delivered are skipped, so overlapping sources do not repeat bars.

The chained feed is named after the first source by ``chaindata`` and
takes its timeframe, compression and time zone from it.  Like upstream's,
it reports itself as live, so cerebro runs it bar by bar (no preloading,
no ``runonce``).
"""
from __future__ import annotations

from typing import Any

from ._joined import JoinedFeed, MetaJoinedFeed

__all__ = ['Chainer']  # its metaclass stays out of bt.feeds, as upstream


class MetaChainer(MetaJoinedFeed):
    """Metaclass of :class:`Chainer` (the sources are its positional args)."""


class Chainer(JoinedFeed, metaclass=MetaChainer):
    """Plays the feeds given as positional arguments one after the other."""

    def _load(self) -> Any:
        source = self._fresh_source()
        return self._deliver(source) if source else source
