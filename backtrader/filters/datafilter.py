"""DataFilter: a feed with the bars of another feed a function accepts."""
from __future__ import annotations


from ..feed import AbstractDataBase

__all__ = ['DataFilter']


class DataFilter(AbstractDataBase):
    """Feed delivering the bars of ``dataname`` (another data feed) for
    which ``funcfilter(data)`` returns True.

    Params:
      - ``funcfilter`` (None): callable receiving the source feed
        positioned on a bar; True keeps the bar.
    """

    params = (('funcfilter', None),)

    def start(self) -> None:
        super().start()
        if not callable(self.p.funcfilter):
            raise TypeError('DataFilter: funcfilter must be callable')
        source = self.p.dataname
        source._start()
        source.preload()

    def preload(self) -> None:
        # the source was loaded in start: walk it from its first bar
        self.p.dataname.home()
        super().preload()

    def _load(self) -> bool:
        source = self.p.dataname
        while len(source) < source.buflen():
            source.advance(ticks=False)
            if self.p.funcfilter(source):
                for line, srcline in zip(self.lines, source.lines):
                    line[0] = srcline[0]
                return True
        return False
