"""Price and volume drawings: candlesticks, OHLC bars, close line, volume.

Each ``*PlotHandler`` draws its series on an axis when created and can
draw a miniature of itself in a legend (matplotlib's legend-handler
protocol, ``legend_artist``), so a chart's legend shows a small candle or
bar next to the data's name.  The ``plot_*`` functions draw and return the
matplotlib artists, for users who want the drawings without the rest of a
chart.

Bars are "up" when the close is at or above the open.  Bars with a NaN in
any of the values they need are left out.
"""
from __future__ import annotations

from typing import Any, Sequence

import numpy as np
import matplotlib.collections as mcol
import matplotlib.colors as mcolors
import matplotlib.legend as mlegend
import matplotlib.lines as mlines

from .utils import shade_color

__all__ = ['CandlestickPlotHandler', 'OHLCPlotHandler', 'LineOnClosePlotHandler',
           'VolumePlotHandler', 'plot_candlestick', 'plot_ohlc',
           'plot_lineonclose', 'plot_volume']

# values of the miniatures drawn in legends, in 0..1 (open, high, low, close)
_LEGEND_BARS = ((0.25, 0.85, 0.10, 0.75), (0.75, 0.90, 0.20, 0.35),
                (0.35, 1.00, 0.25, 0.90))
_LEGEND_VOLUMES = (0.55, 0.30, 0.85)


def _arrays(*series: Sequence[float]) -> list:
    return [np.asarray(s, dtype=float) for s in series]


def _valid(*series: np.ndarray) -> np.ndarray:
    ok = np.ones(len(series[0]), dtype=bool)
    for s in series:
        ok &= np.isfinite(s)
    return ok


def _rgba(color: Any, alpha: float) -> tuple:
    return mcolors.to_rgba(color, alpha)


def _box_values(handlebox: Any) -> tuple:
    """(x positions, bar width, scaling, bottom) of a legend miniature."""
    width, height = handlebox.width, handlebox.height
    xs = np.array([0.2, 0.5, 0.8]) * width - handlebox.xdescent
    return xs, width / 5.0, height, -handlebox.ydescent


def _finish_legend(handlebox: Any, artists: Sequence[Any]) -> Any:
    for artist in artists:
        handlebox.add_artist(artist)
    return artists[0]


_NOFILL = (0.0, 0.0, 0.0, 0.0)


def _boxes(xs: np.ndarray, half: float, bottom: Any, top: Any) -> np.ndarray:
    """(n, 4, 2) corners of rectangles centred on ``xs``."""
    bottom = np.broadcast_to(np.asarray(bottom, dtype=float), xs.shape)
    top = np.broadcast_to(np.asarray(top, dtype=float), xs.shape)
    left, right = xs - half, xs + half
    return np.stack([np.stack([left, bottom], -1), np.stack([left, top], -1),
                     np.stack([right, top], -1), np.stack([right, bottom], -1)], 1)


def _segments(x0: np.ndarray, y0: np.ndarray, x1: np.ndarray, y1: np.ndarray) -> np.ndarray:
    """(n, 2, 2) line segments from (x0, y0) to (x1, y1)."""
    return np.stack([np.stack([x0, y0], -1), np.stack([x1, y1], -1)], 1)


class _Updown:
    """Colours of rising and falling bars, opacity applied."""

    def __init__(self, up: Any, down: Any, alpha: float) -> None:
        self.up, self.down = _rgba(up, alpha), _rgba(down, alpha)

    def pick(self, rising: np.ndarray, fillup: bool = True,
             filldown: bool = True) -> np.ndarray:
        """One RGBA row per bar (transparent where not filled)."""
        up = self.up if fillup else _NOFILL
        down = self.down if filldown else _NOFILL
        return np.where(np.asarray(rising, dtype=bool)[:, None],
                        np.array(up), np.array(down)).reshape(-1, 4)


class CandlestickPlotHandler:
    """Candlesticks: a body from open to close and wicks to high and low."""

    def __init__(self, ax: Any, x: Sequence[float], opens, highs, lows, closes,
                 colorup='k', colordown='r', edgeup=None, edgedown=None,
                 tickup=None, tickdown=None, width=1, tickwidth=1,
                 edgeadjust=0.05, edgeshading=-10, alpha=1.0,
                 label='_nolegend', fillup=True, filldown=True, **kwargs) -> None:
        self.fills = _Updown(colorup, colordown, alpha)
        edgeup = edgeup if edgeup is not None else shade_color(colorup, edgeshading)
        edgedown = edgedown if edgedown is not None else shade_color(colordown, edgeshading)
        self.edges = _Updown(edgeup, edgedown, alpha)
        self.ticks = _Updown(tickup if tickup is not None else edgeup,
                             tickdown if tickdown is not None else edgedown, alpha)
        self.fillup, self.filldown = fillup, filldown
        self.barcol, self.tickcol = self.barcollection(
            x, opens, highs, lows, closes, width, tickwidth, edgeadjust,
            label=label, fillup=fillup, filldown=filldown, **kwargs)
        ax.add_collection(self.tickcol)
        ax.add_collection(self.barcol)
        ax.autoscale_view()

    def legend_artist(self, legend, orig_handle, fontsize, handlebox):
        xs, width, scaling, bot = _box_values(handlebox)
        opens, highs, lows, closes = zip(*_LEGEND_BARS)
        barcol, tickcol = self.barcollection(
            xs, opens, highs, lows, closes, width, 1, scaling=scaling, bot=bot,
            fillup=self.fillup, filldown=self.filldown)
        return _finish_legend(handlebox, (barcol, tickcol))

    def barcollection(self, xs, opens, highs, lows, closes, width, tickwidth=1,
                      edgeadjust=0, label='_nolegend', scaling=1.0, bot=0,
                      fillup=True, filldown=True, **kwargs) -> tuple:
        xs, o, h, low, c = _arrays(xs, opens, highs, lows, closes)
        ok = _valid(o, h, low, c)
        xs, o, h, low, c = (a[ok] * 1.0 for a in (xs, o, h, low, c))
        o, h, low, c = (a * scaling + bot for a in (o, h, low, c))
        rising = c >= o
        half = width / 2.0 - edgeadjust
        bottom, top = np.minimum(o, c), np.maximum(o, c)
        barcol = mcol.PolyCollection(
            _boxes(xs, half, bottom, top),
            facecolors=self.fills.pick(rising, fillup, filldown),
            edgecolors=self.edges.pick(rising), linewidths=0.5,
            antialiaseds=True, label=label, **kwargs)
        # wicks stop at the body, so hollow candles stay hollow
        wicks = np.concatenate([_segments(xs, low, xs, bottom), _segments(xs, top, xs, h)])
        tickcolors = self.ticks.pick(rising)
        tickcol = mcol.LineCollection(
            wicks, colors=np.concatenate([tickcolors, tickcolors]),
            linewidths=tickwidth, antialiaseds=True, label='_nolegend')
        return barcol, tickcol


class OHLCPlotHandler:
    """OHLC bars: a vertical line from low to high, the open as a tick on
    the left and the close as a tick on the right."""

    def __init__(self, ax: Any, x, opens, highs, lows, closes, colorup='k',
                 colordown='r', width=1, tickwidth=0.5, alpha=1.0,
                 label='_nolegend', **kwargs) -> None:
        self.colors = _Updown(colorup, colordown, alpha)
        self.barcol, self.opencol, self.closecol = self.barcollection(
            x, opens, highs, lows, closes, width, tickwidth, label=label, **kwargs)
        for col in (self.barcol, self.opencol, self.closecol):
            ax.add_collection(col)
        ax.autoscale_view()

    def legend_artist(self, legend, orig_handle, fontsize, handlebox):
        xs, width, scaling, bot = _box_values(handlebox)
        opens, highs, lows, closes = zip(*_LEGEND_BARS)
        cols = self.barcollection(xs, opens, highs, lows, closes, 1.5, width,
                                  scaling=scaling, bot=bot)
        return _finish_legend(handlebox, cols)

    def barcollection(self, xs, opens, highs, lows, closes, width, tickwidth,
                      label='_nolegend', scaling=1.0, bot=0, **kwargs) -> tuple:
        xs, o, h, low, c = _arrays(xs, opens, highs, lows, closes)
        ok = _valid(o, h, low, c)
        xs, o, h, low, c = (a[ok] * 1.0 for a in (xs, o, h, low, c))
        o, h, low, c = (a * scaling + bot for a in (o, h, low, c))
        colors = self.colors.pick(c >= o)
        common = dict(colors=colors, linewidths=width, antialiaseds=True)
        bars = mcol.LineCollection(_segments(xs, low, xs, h), label=label,
                                   **common, **kwargs)
        opencol = mcol.LineCollection(_segments(xs - tickwidth, o, xs, o),
                                      label='_nolegend', **common)
        closecol = mcol.LineCollection(_segments(xs, c, xs + tickwidth, c),
                                       label='_nolegend', **common)
        return bars, opencol, closecol


class LineOnClosePlotHandler:
    """The close as a continuous line."""

    def __init__(self, ax: Any, x, closes, color='k', width=1, alpha=1.0,
                 label='_nolegend', **kwargs) -> None:
        self.color, self.width, self.alpha = color, width, alpha
        self.loc, = self.barcollection(x, closes, width, label=label, **kwargs)
        ax.add_line(self.loc)
        ax.autoscale_view()

    def legend_artist(self, legend, orig_handle, fontsize, handlebox):
        xs, _width, scaling, bot = _box_values(handlebox)
        closes = [bar[3] for bar in _LEGEND_BARS]
        line, = self.barcollection(xs, closes, self.width, scaling=scaling, bot=bot)
        return _finish_legend(handlebox, (line,))

    def barcollection(self, xs, closes, width, label='_nolegend', scaling=1.0,
                      bot=0, **kwargs) -> tuple:
        xs, c = _arrays(xs, closes)
        line = mlines.Line2D(xs, c * scaling + bot, color=self.color, lw=width,
                             alpha=self.alpha, label=label, **kwargs)
        return (line,)


class VolumePlotHandler:
    """Volume bars coloured like the price bars (close vs open)."""

    def __init__(self, ax: Any, x, opens, closes, volumes, colorup='k',
                 colordown='r', edgeup=None, edgedown=None, edgeshading=-5,
                 edgeadjust=0.05, width=1, alpha=1.0, **kwargs) -> None:
        self.fills = _Updown(colorup, colordown, alpha)
        edgeup = edgeup if edgeup is not None else shade_color(colorup, edgeshading)
        edgedown = edgedown if edgedown is not None else shade_color(colordown, edgeshading)
        self.edges = _Updown(edgeup, edgedown, alpha)
        self.barcol = self.barcollection(x, opens, closes, volumes, width,
                                         edgeadjust, **kwargs)
        ax.add_collection(self.barcol)
        ax.autoscale_view()

    def legend_artist(self, legend, orig_handle, fontsize, handlebox):
        xs, width, scaling, bot = _box_values(handlebox)
        opens, closes = zip(*((bar[0], bar[3]) for bar in _LEGEND_BARS))
        barcol = self.barcollection(xs, opens, closes, _LEGEND_VOLUMES, width,
                                    vscaling=scaling, vbot=bot)
        return _finish_legend(handlebox, (barcol,))

    def barcollection(self, x, opens, closes, vols, width, edgeadjust=0,
                      vscaling=1.0, vbot=0, **kwargs) -> Any:
        xs, o, c, v = _arrays(x, opens, closes, vols)
        ok = _valid(o, c, v)
        xs, o, c, v = xs[ok], o[ok], c[ok], v[ok]
        rising = c >= o
        half = width / 2.0 - edgeadjust
        tops = v * vscaling + vbot
        kwargs.setdefault('linewidths', 0.5)
        return mcol.PolyCollection(_boxes(xs, half, vbot, tops),
                                   facecolors=self.fills.pick(rising),
                                   edgecolors=self.edges.pick(rising),
                                   antialiaseds=True, **kwargs)


class _DrawsItself:
    """Legend handler for the handlers above: they draw their own
    miniature, so the legend just asks them."""

    def legend_artist(self, legend, orig_handle, fontsize, handlebox):
        return orig_handle.legend_artist(legend, orig_handle, fontsize, handlebox)


mlegend.Legend.update_default_handler_map({
    cls: _DrawsItself() for cls in (CandlestickPlotHandler, OHLCPlotHandler,
                                    LineOnClosePlotHandler, VolumePlotHandler)})


def plot_candlestick(ax, x, opens, highs, lows, closes, colorup='k', colordown='r',
                     edgeup=None, edgedown=None, tickup=None, tickdown=None,
                     width=1, tickwidth=1.25, edgeadjust=0.05, edgeshading=-10,
                     alpha=1.0, label='_nolegend', fillup=True, filldown=True,
                     **kwargs) -> tuple:
    """Draw candlesticks on ``ax``; returns (bodies, wicks) collections."""
    handler = CandlestickPlotHandler(
        ax, x, opens, highs, lows, closes, colorup, colordown, edgeup, edgedown,
        tickup, tickdown, width, tickwidth, edgeadjust, edgeshading, alpha,
        label, fillup, filldown, **kwargs)
    return handler.barcol, handler.tickcol


def plot_ohlc(ax, x, opens, highs, lows, closes, colorup='k', colordown='r',
              width=1.5, tickwidth=0.5, alpha=1.0, label='_nolegend',
              **kwargs) -> tuple:
    """Draw OHLC bars on ``ax``; returns (bars, open ticks, close ticks)."""
    handler = OHLCPlotHandler(ax, x, opens, highs, lows, closes, colorup,
                              colordown, width, tickwidth, alpha, label, **kwargs)
    return handler.barcol, handler.opencol, handler.closecol


def plot_lineonclose(ax, x, closes, color='k', width=1.5, alpha=1.0,
                     label='_nolegend', **kwargs) -> tuple:
    """Draw the close line on ``ax``; returns (line,)."""
    handler = LineOnClosePlotHandler(ax, x, closes, color, width, alpha, label, **kwargs)
    return (handler.loc,)


def plot_volume(ax, x, opens, closes, volumes, colorup='k', colordown='r',
                edgeup=None, edgedown=None, edgeshading=-5, edgeadjust=0.05,
                width=1, alpha=1.0, **kwargs) -> tuple:
    """Draw volume bars on ``ax``; returns (bars,)."""
    handler = VolumePlotHandler(ax, x, opens, closes, volumes, colorup, colordown,
                                edgeup, edgedown, edgeshading, edgeadjust, width,
                                alpha, **kwargs)
    return (handler.barcol,)
