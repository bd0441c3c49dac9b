"""A cursor made of lines that follow the mouse across several axes.

On an interactive chart a vertical line marks the bar under the mouse on
every axis at once (they share the x axis), and optionally a horizontal
line marks the value.  Headless backends have no mouse: the plotter only
attaches a cursor when the backend is interactive.
"""
from __future__ import annotations

from typing import Any, Iterable

__all__ = ['Widget', 'MultiCursor', 'MultiCursor2']


class Widget:
    """Base of interactive helpers: can be switched off and told which
    events to ignore."""

    drawon = True
    eventson = True
    _active = True

    def set_active(self, active: bool) -> None:
        """Turn the widget on (True) or off (False)."""
        self._active = bool(active)

    def get_active(self) -> bool:
        return self._active

    active = property(get_active, set_active, doc='Whether the widget reacts.')

    def ignore(self, event: Any) -> bool:
        """True if ``event`` must not be handled (the widget is off)."""
        return not self.active


class MultiCursor(Widget):
    """Cursor lines on every axis of ``axes``.

    ``vertOn``/``horizOn`` switch the vertical/horizontal lines on;
    ``vertMulti``/``horizMulti`` draw them on all axes (True) or only on the
    one under the mouse; with ``vertShared``/``horizShared`` the "all axes"
    are only those sharing that axis with the one under the mouse.
    ``lineprops`` go to the matplotlib lines (color, lw, ls ...).
    """

    def __init__(self, canvas: Any, axes: Iterable[Any], useblit: bool = True,
                 horizOn: bool = False, vertOn: bool = True,
                 horizMulti: bool = False, vertMulti: bool = True,
                 horizShared: bool = True, vertShared: bool = False,
                 **lineprops: Any) -> None:
        self.canvas = canvas
        self.axes = list(axes)
        self.horizOn, self.vertOn = horizOn, vertOn
        self.horizMulti, self.vertMulti = horizMulti, vertMulti
        self.horizShared, self.vertShared = horizShared, vertShared
        self.useblit = useblit and getattr(canvas, 'supports_blit', False)
        self.background = None
        self.needclear = False
        self._cids: list = []
        if self.useblit:
            lineprops['animated'] = True
        self.vlines = [ax.axvline(ax.get_xbound()[0], visible=False, **lineprops)
                       for ax in self.axes] if vertOn else []
        self.hlines = [ax.axhline(ax.get_ybound()[0], visible=False, **lineprops)
                       for ax in self.axes] if horizOn else []
        self.connect()

    def connect(self) -> None:
        """Start following the mouse."""
        self._cids = [self.canvas.mpl_connect('motion_notify_event', self.onmove),
                      self.canvas.mpl_connect('draw_event', self.clear)]

    def disconnect(self) -> None:
        """Stop following the mouse."""
        for cid in self._cids:
            self.canvas.mpl_disconnect(cid)
        self._cids = []

    def clear(self, event: Any) -> None:
        """Hide the lines (and remember the clean background for blitting)."""
        if self.ignore(event):
            return
        if self.useblit:
            self.background = self.canvas.copy_from_bbox(self.canvas.figure.bbox)
        for line in self.vlines + self.hlines:
            line.set_visible(False)

    def _targets(self, ax: Any, multi: bool, shared: bool, vertical: bool) -> list:
        if not multi:
            return [ax]
        if not shared:
            return self.axes
        group = ax.get_shared_x_axes() if vertical else ax.get_shared_y_axes()
        return [other for other in self.axes if group.joined(ax, other)]

    def onmove(self, event: Any) -> None:
        """Move the lines to the mouse position."""
        if self.ignore(event) or event.inaxes not in self.axes:
            return
        if not self.canvas.widgetlock.available(self):
            return
        self.needclear = True
        ax = event.inaxes
        vshow = self._targets(ax, self.vertMulti, self.vertShared, True)
        for other, line in zip(self.axes, self.vlines):
            line.set_xdata((event.xdata, event.xdata))
            line.set_visible(other in vshow)
        hshow = self._targets(ax, self.horizMulti, self.horizShared, False)
        for other, line in zip(self.axes, self.hlines):
            line.set_ydata((event.ydata, event.ydata))
            line.set_visible(other in hshow)
        self._update(event)

    def _update(self, event: Any) -> None:
        if not self.useblit:
            self.canvas.draw_idle()
            return
        if self.background is not None:
            self.canvas.restore_region(self.background)
        for ax, line in list(zip(self.axes, self.vlines)) + list(zip(self.axes, self.hlines)):
            if line.get_visible():
                ax.draw_artist(line)
        self.canvas.blit(self.canvas.figure.bbox)


class MultiCursor2(MultiCursor):
    """A vertical line on all axes and, if ``horizOn``, a horizontal line on
    the axis under the mouse only."""

    def __init__(self, canvas: Any, axes: Iterable[Any], useblit: bool = True,
                 horizOn: bool = False, vertOn: bool = True, **lineprops: Any) -> None:
        super().__init__(canvas, axes, useblit=useblit, horizOn=horizOn,
                         vertOn=vertOn, horizMulti=False, vertMulti=True,
                         horizShared=False, vertShared=False, **lineprops)
