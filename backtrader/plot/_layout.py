"""Which axis every plotted object goes to, and in which order.

The rules (those of upstream backtrader's charts):

- observers with ``subplot=True`` get their own axes at the top;
- every data gets a big axis; a data whose ``plotmaster`` is another data
  is drawn on that data's axis;
- an indicator with ``subplot=True`` gets its own axis below its data (above
  it with ``plotabove=True``);
- everything else is drawn on the axis of what it was computed from: its
  ``plotmaster`` if set, else its first input (a data, or an indicator that
  is itself plotted), following inputs that are not plotted back to the data.

Objects on one axis are drawn in creation order, each followed by the
objects drawn on top of it, so a moving average of an indicator comes
right after that indicator (legend order included).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..lineseries import LineSeries, LineSeriesStub

__all__ = ['Panel', 'Layout', 'build_layout', 'is_shown']

_MAX_HOPS = 256


@dataclass
class Panel:
    """One axis of the figure: its kind ('observer', 'indicator', 'data',
    'volume'), the object it belongs to, its data and its height in rows."""

    kind: str
    obj: Any
    data: Any
    rows: int


@dataclass
class Layout:
    panels: list = field(default_factory=list)
    children: dict = field(default_factory=dict)  # id(anchor) -> [objects]

    @property
    def rows(self) -> int:
        return sum(panel.rows for panel in self.panels)

    def children_of(self, obj: Any) -> list:
        return self.children.get(id(obj), [])


def is_shown(obj: Any) -> bool:
    """Whether ``obj``'s plotinfo asks for it to be drawn."""
    info = getattr(obj, 'plotinfo', None)
    if info is None:
        return False
    return bool(getattr(info, 'plot', True)) and not getattr(info, 'plotskip', False)


def _plotinit_once(obj: Any) -> None:
    # the hook adjusts plotinfo from params (bands of oscillators); run it
    # once per object so plotting twice does not add the bands twice
    if not getattr(obj, '_plot_initialised', False):
        hook = getattr(obj, '_plotinit', None)
        if callable(hook):
            hook()
        obj._plot_initialised = True


def _source(obj: Any) -> Any:
    """What ``obj`` is drawn on unless told otherwise: plotmaster, first
    input, or clock."""
    master = getattr(getattr(obj, 'plotinfo', None), 'plotmaster', None)
    if master is not None:
        return master
    datas = getattr(obj, 'datas', None)
    if datas:
        return datas[0]
    return getattr(obj, '_clock', None)


class _Resolver:
    """Finds the anchor (a data or a plotted object) an object belongs to."""

    def __init__(self, strategy: Any, shown: list) -> None:
        self.strategy = strategy
        self.shown = {id(o) for o in shown}
        self.datas = {id(d): d for d in strategy.datas}
        self.hidden_datas = {id(d) for d in strategy.datas if not is_shown(d)}

    def master_data(self, data: Any) -> Any:
        """The data on whose axis ``data`` is drawn (itself if none)."""
        seen = 0
        while seen < _MAX_HOPS:
            seen += 1
            master = getattr(data.plotinfo, 'plotmaster', None)
            if master is None or master is data or id(master) not in self.datas:
                return data
            data = master
        return data

    def _step(self, obj: Any) -> Any:
        if isinstance(obj, LineSeriesStub):
            owner = getattr(obj, 'owner', None)
            if owner is not None and owner is not self.strategy:
                return owner
            return obj.lines[0]
        if isinstance(obj, LineSeries):
            return _source(obj)
        owner = getattr(obj, '_owner', None)  # a single line or operation
        if owner is not None and owner is not self.strategy and id(owner) != id(obj):
            if id(owner) in self.datas or id(owner) in self.shown:
                return owner
        return getattr(obj, '_clock', None)

    def anchor(self, obj: Any) -> Any:
        """The anchor ``obj`` is drawn on; None if that is a hidden data."""
        cur = self._step(obj)
        for _ in range(_MAX_HOPS):
            if cur is None or cur is self.strategy:
                break
            if id(cur) in self.datas:
                return None if id(cur) in self.hidden_datas else cur
            if id(cur) in self.shown and cur is not obj:
                return cur
            cur = self._step(cur)
        return self.first_data()

    def via_hidden_subplot(self, obj: Any) -> bool:
        """Whether ``obj`` is computed from a hidden indicator that would
        have had its own axis (an average of a hidden RSI): then ``obj``
        takes that axis instead of landing on the price axis."""
        cur = self._step(obj)
        for _ in range(_MAX_HOPS):
            if cur is None or cur is self.strategy or id(cur) in self.datas:
                return False
            if id(cur) in self.shown:
                return False
            info = getattr(cur, 'plotinfo', None)
            if info is not None and _own_axis(cur):
                return True
            cur = self._step(cur)
        return False

    def first_data(self) -> Any:
        for data in self.strategy.datas:
            if is_shown(data):
                return data
        return None

    def root_data(self, obj: Any) -> Any:
        """The (master) data below/above which ``obj``'s own axis goes."""
        cur = obj
        for _ in range(_MAX_HOPS):
            if cur is None:
                return None
            if id(cur) in self.datas:
                return None if id(cur) in self.hidden_datas else self.master_data(cur)
            cur = self.anchor(cur)
        return None


def _own_axis(obj: Any) -> bool:
    info = obj.plotinfo
    return bool(getattr(info, 'subplot', False)) and getattr(info, 'plotmaster', None) is None


def build_layout(strategy: Any, scheme: Any, has_volume: Any) -> Layout:
    """The axes of ``strategy``'s chart; ``has_volume(data)`` tells whether a
    data has volume to draw."""
    observers = [o for o in strategy.getobservers() if hasattr(o, 'plotinfo')]
    indicators = [i for i in strategy.getindicators()
                  if isinstance(i, LineSeries) and hasattr(i, 'plotinfo')]
    for obj in observers + indicators:
        _plotinit_once(obj)
    shown = [o for o in observers + indicators if is_shown(o)]
    resolver = _Resolver(strategy, shown)
    layout = Layout()
    above: dict = {}
    below: dict = {}
    top = []
    observer_ids = {id(o) for o in observers}
    promoted = {id(i) for i in indicators
                if is_shown(i) and not _own_axis(i) and resolver.via_hidden_subplot(i)}
    for obj in observers + indicators:  # observers first: upstream's legend order
        if not is_shown(obj):
            continue
        if _own_axis(obj) or id(obj) in promoted:
            if id(obj) in observer_ids:  # never ``in``: lines overload ==
                top.append(obj)
            continue
        anchor = resolver.anchor(obj)
        if anchor is not None:
            layout.children.setdefault(id(anchor), []).append(obj)
    for ind in indicators:
        if is_shown(ind) and (_own_axis(ind) or id(ind) in promoted):
            data = resolver.root_data(ind)
            if data is not None:
                side = above if getattr(ind.plotinfo, 'plotabove', False) else below
                side.setdefault(id(data), []).append(ind)
    for data in strategy.datas:
        if is_shown(data) and resolver.master_data(data) is not data:
            layout.children.setdefault(id(resolver.master_data(data)), []).insert(0, data)
    _add_panels(layout, strategy, scheme, resolver, top, above, below, has_volume)
    return layout


def _add_panels(layout: Layout, strategy: Any, scheme: Any, resolver: _Resolver,
                top: list, above: dict, below: dict, has_volume: Any) -> None:
    minor, major = scheme.rowsminor, scheme.rowsmajor
    for obs in top:
        layout.panels.append(Panel('observer', obs, None, minor))
    for data in strategy.datas:
        if not is_shown(data) or resolver.master_data(data) is not data:
            continue
        for ind in above.get(id(data), []):
            layout.panels.append(Panel('indicator', ind, data, minor))
        layout.panels.append(Panel('data', data, data, major))
        if scheme.volume and not scheme.voloverlay and has_volume(data):
            layout.panels.append(Panel('volume', data, data, minor))
        for ind in below.get(id(data), []):
            layout.panels.append(Panel('indicator', ind, data, minor))
