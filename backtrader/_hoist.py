"""Which of a strategy's indicators may be computed in one batch pass in
next mode.

In next mode (``runonce=False``) over preloaded feeds, an indicator that
depends on nothing but those feeds, and whose per-bar and batch code is
the library's own, has the same values whether it is computed bar by bar
or in one pass before the first bar — that pass is what runonce mode
does, and the golden tests hold both modes to upstream.  Hoisting such
indicators out of the per-bar loop leaves the strategy's ``next()``, the
broker, observers and analyzers running bar by bar exactly as before.

An indicator is *pure* when its class computes with library code only (a
user subclass may change params, lines, plotting and ``__init__``, where
a declarative indicator builds its lines from other indicators and line
operations), it does not ask for bar-by-bar running (``_nextforce``)
nor write values into past bars (``_writes_back``: ``line(+n)``, the
fractal study — batch values at a bar would hold what later bars wrote),
nor compute differently bar by bar than in one pass (``_batch_differs``:
the TA-Lib wrappers, which see a window per bar),
every child it built is pure, and each of its inputs is a preloaded
feed, a line of one, or a line of a pure indicator or operation.
Anything else — a user ``next()``, an input from the strategy's or an
observer's lines — keeps the indicator (and those built on it) per bar.
"""
from __future__ import annotations

from typing import Any

__all__ = ['pure_indicators']

#: methods whose code decides an indicator's values bar by bar or in batch
_COMPUTING = ('next', 'once', 'prenext', 'nextstart', 'preonce', 'oncestart',
              '_next', '_once', '_next_indicator', '_clk_update', 'advance',
              'forward', 'home', 'rewind', 'backwards', 'oncebinding')

_library_cache: dict = {}


def _library_class(cls: type) -> bool:
    known = _library_cache.get(cls)
    if known is None:
        known = True
        for name in _COMPUTING:
            for klass in cls.__mro__:
                if name in vars(klass):
                    if not klass.__module__.startswith('backtrader.'):
                        known = False
                    break
            if not known:
                break
        _library_cache[cls] = known
    return known


_IMPURE = object()     # a dependency computed outside the pure graph


class _Graph:
    """Nodes (indicators and operations under the strategy), what each
    depends on, and the largest set of them that is pure: every node is
    presumed pure if its own code is the library's, then any node that
    depends on an impure one is struck out until nothing changes (so an
    indicator feeding its own lines to its children, as MACD does, stays
    pure)."""

    def __init__(self, strategy: Any) -> None:
        from .feed import AbstractDataBase
        from .linebuffer import LineBuffer
        self._feed_type, self._buffer_type = AbstractDataBase, LineBuffer
        self._owner: dict = {}          # id(line) -> the feed or node producing it
        for data in strategy.datas:
            self._own(data)
        nodes, stack = {}, list(strategy._lineiterators[0])
        while stack:
            node = stack.pop()
            if id(node) in nodes:
                continue
            nodes[id(node)] = node
            self._own(node)
            if not isinstance(node, LineBuffer):
                stack.extend(node._lineiterators[0])
        self.nodes = nodes
        self.pure = self._solve()

    def _own(self, obj: Any) -> None:
        if isinstance(obj, self._buffer_type):
            self._owner[id(obj)] = obj
            return
        for line in obj.lines:
            self._owner.setdefault(id(line), obj)

    def _producers(self, obj: Any) -> list:
        """The nodes an input comes from ([] for a feed, [_IMPURE] for
        anything outside the graph)."""
        if isinstance(obj, self._feed_type):
            return []
        if isinstance(obj, self._buffer_type):
            producer = self._owner.get(id(obj))
            if producer is None:
                return [_IMPURE]
            return [] if isinstance(producer, self._feed_type) else [producer]
        if hasattr(obj, '_lineiterators'):                 # an indicator
            return [obj] if id(obj) in self.nodes else [_IMPURE]
        lines = getattr(obj, 'lines', None)
        if lines is None:
            return [_IMPURE]
        return [p for line in lines for p in self._producers(line)]   # a wrapped line

    def _depends(self, node: Any) -> list:
        if isinstance(node, self._buffer_type):
            # an operation: its clock is its owner, which only paces it
            inputs = getattr(node, '_datas', ())
            deps = []
        else:
            inputs = node.datas
            deps = list(node._lineiterators[0])
        for data in inputs:
            deps.extend(self._producers(data))
        return deps

    def _solve(self) -> dict:
        pure = {key: (_library_class(type(node)) and not getattr(node, '_nextforce', False)
                      and not getattr(node, '_writes_back', False)
                      and not getattr(node, '_batch_differs', False))
                for key, node in self.nodes.items()}
        deps = {key: self._depends(node) for key, node in self.nodes.items()}
        changed = True
        while changed:
            changed = False
            for key, needs in deps.items():
                if pure[key] and any(d is _IMPURE or not pure.get(id(d), False)
                                     for d in needs):
                    pure[key] = False
                    changed = True
        return pure


def pure_indicators(strategy: Any) -> list:
    """The strategy-level indicators (and operations) that may be computed
    in batch, in the strategy's order."""
    graph = _Graph(strategy)
    return [node for node in strategy._lineiterators[0] if graph.pure[id(node)]]
