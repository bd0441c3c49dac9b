"""Charts of a finished run with matplotlib: ``cerebro.plot()``.

One figure per strategy (or ``numfigs`` figures splitting the bars): the
subplot observers on top (Broker, Trades ...), then for every data its big
price axis with the volume, the observers and indicators drawn on it, and
the indicators that have their own axis below (or above) it.  The x axis
holds bar indices, labelled with the bars' dates, so gaps without bars
(weekends, nights) take no room.

The figures are returned, so headless scripts can ``fig.savefig(path)``.
Without a display, or with ``use='Agg'``, drawing needs no GUI and
``show()`` does nothing.
"""
from __future__ import annotations

import copy
import difflib
import math
import os
import sys
import warnings
from typing import Any

import numpy as np
import matplotlib
import matplotlib.ticker as mticker

from ..dataseries import TimeFrame
from ..feed import AbstractDataBase
from ..lineseries import datetime_line_of
from ..metabase import MetaParams
from ..utils.py3 import with_metaclass
from . import _layout, _lines, _series
from . import locator as loc  # noqa: F401  (upstream's module alias)
from .finance import (CandlestickPlotHandler, LineOnClosePlotHandler,
                      OHLCPlotHandler, VolumePlotHandler)
from .finance import (plot_candlestick, plot_lineonclose, plot_ohlc,  # noqa: F401
                      plot_volume)
from .formatters import MyDateFormatter, MyVolFormatter, getlocator
from .locator import AutoDateLocator
from .multicursor import MultiCursor
from .scheme import PlotScheme
from .utils import tag_box_style

__all__ = ['PInfo', 'Plot', 'Plot_OldSync']

# backends that only write files: nothing to show, no mouse to follow
_FILE_BACKENDS = frozenset(('agg', 'cairo', 'pdf', 'pgf', 'ps', 'svg', 'template'))

_STYLES = {'line': 'line', 'bar': 'bar', 'ohlc': 'bar', 'ohlcbar': 'bar',
           'candle': 'candle', 'candlestick': 'candle'}

# figure margins (fractions of the figure), as upstream's charts
_MARGINS = dict(left=0.05, right=0.95, bottom=0.09, top=0.98)


def _file_backend() -> bool:
    return str(matplotlib.get_backend()).lower() in _FILE_BACKENDS


def _gui_backend() -> bool:
    """A backend that opens desktop windows (notebook and web backends and
    ``module://`` ones such as Jupyter's inline do not need a display)."""
    name = str(matplotlib.get_backend()).lower()
    return name.startswith(('tk', 'qt', 'gtk', 'wx', 'macosx'))


def _no_display() -> bool:
    if not sys.platform.startswith('linux'):
        return False
    return not (os.environ.get('DISPLAY') or os.environ.get('WAYLAND_DISPLAY'))


def _last(values: np.ndarray) -> float:
    return float(values[-1]) if len(values) else float('nan')


class PInfo:
    """State of the figure being drawn: its axes, the next colour and
    z-order of each axis, the legend entries collected so far."""

    def __init__(self, sch: PlotScheme) -> None:
        self.sch = sch
        self.nrows = 0
        self.row = 0
        self.clock = np.empty(0)
        self.xstart = self.xend = 0
        self.sharex = None
        self.figs: list = []
        self.fig = None
        self.gridspec = None
        self.cursors: list = []
        self._reset()

    def _reset(self) -> None:
        self.daxis: dict = {}  # id(plotted object) -> axis it is drawn on
        self.axes: list = []  # own axes, top to bottom (no volume overlays)
        self.vaxis: list = []  # volume overlays
        self.zorder: dict = {}
        self.coloridx: dict = {}
        self.handles: dict = {}  # axis -> [(legend handle, label)]
        self.legendloc: dict = {}
        self.hasvalues: set = set()  # axes on which some value was drawn
        self.row = 0
        self.sharex = None

    def newfig(self, figid: int, numfig: int, mpyplot: Any) -> Any:
        """A new pyplot figure, number ``figid + numfig`` if that is free.

        A figure already open under that number (the chart of an earlier
        ``plot`` call, which the caller may still hold) is left alone and
        the next free number is used: upstream drew over it instead.
        """
        num = figid + numfig
        if mpyplot.fignum_exists(num):
            num = max(mpyplot.get_fignums()) + 1
        fig = mpyplot.figure(num)
        self.figs.append(fig)
        self.fig = fig
        self._reset()
        return fig

    def nextcolor(self, ax: Any) -> Any:
        self.coloridx[ax] = self.coloridx.get(ax, -1) + 1
        return self.sch.color(self.coloridx[ax])

    def color(self, ax: Any) -> Any:
        return self.sch.color(max(self.coloridx.get(ax, 0), 0))

    def zordernext(self, ax: Any) -> float:
        self.zorder[ax] = self.zorder.get(ax, 2.0) + 0.01
        return self.zorder[ax]

    def zordercur(self, ax: Any) -> float:
        return self.zorder.get(ax, 2.0)


class Plot(with_metaclass(MetaParams, object)):
    """Draws a strategy's datas, indicators and observers.

    Keyword arguments set attributes of the scheme (``Plot(style='candle',
    volume=False)``); ``scheme`` replaces the whole :class:`PlotScheme`.
    """

    params = (('scheme', PlotScheme()),)

    def __init__(self, **kwargs: Any) -> None:
        if self.p.isdefault('scheme'):
            # a copy: settings of one plotter must not leak into the next
            self.p.scheme = copy.copy(self.p.scheme)
        scheme = self.p.scheme
        for name, value in kwargs.items():
            if not hasattr(scheme, name):
                close = difflib.get_close_matches(name, list(vars(scheme)), n=1)
                hint = " (did you mean '%s'?)" % close[0] if close else ''
                warnings.warn('unknown plot scheme setting %r%s' % (name, hint),
                              UserWarning, stacklevel=2)
            setattr(scheme, name, value)
        self.mpyplot = None
        self.pinf = PInfo(scheme)
        self._layout = _layout.Layout()
        self._cache: dict = {}
        self._use = None

    # --- backend ------------------------------------------------------------
    def _select_backend(self, iplot: bool, use: Any) -> None:
        self._use = use
        if use:
            matplotlib.use(use)
        elif _gui_backend() and _no_display():
            matplotlib.use('Agg')
        import matplotlib.pyplot as mpyplot
        self.mpyplot = mpyplot

    def _newfig(self, figid: int, numfig: int) -> Any:
        try:
            return self.pinf.newfig(figid, numfig, self.mpyplot)
        except (ImportError, RuntimeError):
            if self._use:
                raise
            # the configured GUI backend cannot start here: draw headless
            self.mpyplot.switch_backend('Agg')
            return self.pinf.newfig(figid, numfig, self.mpyplot)

    # --- entry points -------------------------------------------------------
    def plot(self, strategy: Any, figid: int = 0, numfigs: int = 1,
             iplot: bool = True, start: Any = None, end: Any = None,
             **kwargs: Any) -> list:
        """Draw ``strategy`` and return its figures.

        ``start``/``end`` limit the bars (indices, end excluded, or
        dates/datetimes); ``numfigs`` splits them over several figures;
        ``use`` names a matplotlib backend.
        """
        _series.split_range(0, 1, numfigs)  # validates numfigs
        if not getattr(strategy, 'datas', None):  # nothing ran (or an OptReturn)
            return []
        clock = _series.line_values(strategy.lines.datetime)
        if not len(clock):
            return []
        first, last = _series.bar_range(clock, start, end)
        self._style(None)  # a bad scheme.style fails before any drawing
        self._select_backend(iplot, kwargs.get('use'))
        self._cache = {}
        self.pinf = PInfo(self.p.scheme)
        self.pinf.clock = clock
        self.sortdataindicators(strategy)
        for numfig, (begin, stop) in enumerate(_series.split_range(first, last, numfigs)):
            self._newfig(figid, numfig)
            self.pinf.xstart, self.pinf.xend = begin, stop
            self._draw_figure(strategy)
        return list(self.pinf.figs)

    def show(self) -> None:
        """Show the figures on screen; nothing to do on file backends."""
        if _file_backend():
            return
        if self.mpyplot is None:
            import matplotlib.pyplot as mpyplot
            self.mpyplot = mpyplot
        self.mpyplot.show()

    def savefig(self, fig: Any, filename: Any, width: float = 16, height: float = 9,
                dpi: int = 300, tight: bool = True) -> None:
        """Save ``fig`` at ``width`` x ``height`` inches and ``dpi``."""
        fig.set_size_inches(width, height)
        fig.savefig(filename, dpi=dpi, bbox_inches='tight' if tight else None)

    # --- layout ---------------------------------------------------------------
    def sortdataindicators(self, strategy: Any) -> _layout.Layout:
        """Decide the axes and what goes on each (see ``_layout``)."""
        self._layout = _layout.build_layout(strategy, self.p.scheme, self._has_volume)
        return self._layout

    def calcrows(self, strategy: Any) -> int:
        """Rows of the figure's grid (a data axis spans ``rowsmajor``)."""
        self.pinf.nrows = self._layout.rows
        return self.pinf.nrows

    def newaxis(self, obj: Any, rowspan: int) -> Any:
        """A new axis of ``rowspan`` rows below the previous one."""
        pinf, sch = self.pinf, self.p.scheme
        spec = pinf.gridspec[pinf.row:pinf.row + rowspan, 0]
        ax = pinf.fig.add_subplot(spec, sharex=pinf.sharex)
        if pinf.sharex is None:
            pinf.sharex = ax
        pinf.row += rowspan
        pinf.daxis[id(obj)] = ax
        pinf.axes.append(ax)
        ax.yaxis.tick_right()
        ax.grid(bool(sch.grid))
        return ax

    def _draw_figure(self, strategy: Any) -> None:
        sch = self.p.scheme
        nrows = self.calcrows(strategy)
        if not nrows:
            return
        self.pinf.gridspec = self.pinf.fig.add_gridspec(
            nrows, 1, hspace=sch.plotdist, **_MARGINS)
        for panel in self._layout.panels:
            if panel.kind == 'data':
                self.plotdata(panel.obj, self._layout.children_of(panel.obj))
            elif panel.kind == 'volume':
                self._plot_volume_of(panel.obj)
            else:
                self.plotind(panel.data, panel.obj,
                             subinds=self._layout.children_of(panel.obj))
        self._finish_axes()
        self._add_legends()
        self._add_cursor()

    def _finish_axes(self) -> None:
        axes = self.pinf.axes
        if not axes:
            return
        for ax in axes[:-1]:
            ax.tick_params(axis='x', labelbottom=False)
        last = axes[-1]
        last.tick_params(axis='x', labelbottom=True,
                         labelrotation=self.p.scheme.tickrotation)
        try:  # rotated labels end at their tick (matplotlib >= 3.10)
            last.tick_params(axis='x', labelrotation_mode='xtick')
        except (TypeError, ValueError):
            pass
        for axvol in self.pinf.vaxis:
            axvol.tick_params(axis='x', labelbottom=False)
        self.setlocators(last)

    def setlocators(self, ax: Any) -> None:
        """Date ticks for the (shared) x axis of ``ax``."""
        sch, dates = self.p.scheme, self.pinf.clock
        if sch.fmt_x_ticks is None:
            locator, formatter = getlocator(dates, numticks=7)
        else:
            locator = AutoDateLocator(dates, minticks=3, maxticks=10)
            formatter = MyDateFormatter(dates, fmt=sch.fmt_x_ticks)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(formatter)
        datafmt = sch.fmt_x_data or sch.fmt_x_ticks or '%Y-%m-%d %H:%M'
        for other in self.pinf.axes + self.pinf.vaxis:
            other.fmt_xdata = MyDateFormatter(dates, fmt=datafmt)

    # --- series -----------------------------------------------------------------
    def _values(self, line: Any) -> np.ndarray:
        key = ('values', id(line))
        if key not in self._cache:
            self._cache[key] = _series.line_values(line)
        return self._cache[key]

    def _positions(self, obj: Any, count: int) -> np.ndarray:
        """x positions of the ``count`` bars of ``obj``."""
        if isinstance(obj, AbstractDataBase):
            dtline = obj.lines.datetime
        else:
            dtline = datetime_line_of(obj)
        key = ('x', id(dtline), count)
        if key in self._cache:
            return self._cache[key]
        clock = self.pinf.clock
        if dtline is None:
            pos = _series.right_aligned(count, len(clock))
        else:
            dts = self._values(dtline)
            if len(dts) >= count:
                dts = dts[len(dts) - count:]
            else:
                dts = np.concatenate([np.full(count - len(dts), np.nan), dts])
            pos = _series.align_positions(dts, clock)
        self._cache[key] = pos
        return pos

    def _series(self, obj: Any, *lines: Any) -> tuple:
        """(x, [values of each line]) of ``obj``'s bars in this figure."""
        values = [self._values(line) for line in lines]
        x = self._positions(obj, len(values[0]))
        keep = (x >= self.pinf.xstart) & (x < self.pinf.xend)
        return x[keep], [v[keep] for v in values]

    def _has_volume(self, data: Any) -> bool:
        volumes = self._values(data.lines.volume)
        finite = volumes[np.isfinite(volumes)]
        return bool(len(finite)) and float(finite.max()) > 0.0

    # --- legends, tags, cursor --------------------------------------------------
    def _register(self, ax: Any, handle: Any, label: str, indicator: bool = False) -> None:
        if not label or label.startswith('_'):
            return
        if indicator and not self.p.scheme.legendind:
            return
        self.pinf.handles.setdefault(ax, []).append((handle, label))

    def _add_legends(self) -> None:
        sch = self.p.scheme
        for ax, entries in self.pinf.handles.items():
            handles, labels = zip(*entries)
            where = self.pinf.legendloc.get(ax) or sch.legendindloc
            legend = ax.legend(handles, labels, loc=where, numpoints=1, ncol=1,
                               frameon=True, shadow=False, fancybox=False,
                               framealpha=sch.legendtrans, prop=dict(size=sch.subtxtsize))
            legend.get_frame().set_linewidth(0)

    def drawtag(self, ax: Any, x: float, y: float, facecolor: Any, edgecolor: Any,
                alpha: float = 0.9, **kwargs: Any) -> Any:
        """A tag with the value ``y`` at the right end of a line."""
        kwargs.setdefault('fontsize', self.p.scheme.subtxtsize)
        kwargs.setdefault('zorder', 20)
        bbox = dict(boxstyle=tag_box_style, facecolor=facecolor,
                    edgecolor=edgecolor, alpha=alpha)
        return ax.text(x, y, '%.2f' % y, va='center', ha='left', bbox=bbox, **kwargs)

    def _add_cursor(self) -> None:
        if _file_backend() or not self.pinf.axes:
            return
        cursor = MultiCursor(self.pinf.fig.canvas, list(self.pinf.axes), useblit=True,
                             horizOn=True, vertOn=True, horizMulti=False,
                             vertMulti=True, horizShared=True, vertShared=False,
                             color='black', lw=1, ls=':')
        self.pinf.cursors.append(cursor)

    # --- indicators and observers ---------------------------------------------
    def plotind(self, iref: Any, ind: Any, subinds: Any = None, upinds: Any = None,
                downinds: Any = None, masterax: Any = None) -> Any:
        """Draw ``ind``: on ``masterax`` or on a new axis; ``upinds`` /
        ``downinds`` get their own axes above / below it, ``subinds`` are
        drawn on its axis.  Returns the axis of ``ind``."""
        sch = self.p.scheme
        for upind in upinds or ():
            self.plotind(iref, upind, subinds=self._layout.children_of(upind))
        own = masterax is None
        ax = self.newaxis(ind, sch.rowsminor) if own else masterax
        self.pinf.daxis[id(ind)] = ax
        labelled = own or bool(getattr(ind.plotinfo, 'plotlinelabels', False))
        self._plot_lines(ax, ind, labelled)
        if own:
            self._configure_own_axis(ax, ind)
        for sub in subinds or ():
            if isinstance(sub, AbstractDataBase):
                self._plot_slave_data(ax, sub)
            else:
                self.plotind(iref, sub, subinds=self._layout.children_of(sub), masterax=ax)
        if own and ax not in self.pinf.hasvalues:
            self._empty_axis_limits(ax, ind)
        for downind in downinds or ():
            self.plotind(iref, downind, subinds=self._layout.children_of(downind))
        return ax

    def _empty_axis_limits(self, ax: Any, ind: Any) -> None:
        # nothing but NaN (an observer of trades that never closed): show
        # the reference lines instead of a degenerate, unreadable range
        info = ind.plotinfo
        levels = list(getattr(info, 'plothlines', None) or []) + \
            list(getattr(info, 'plotyhlines', None) or []) + [0.0]
        ax.set_ylim(min(levels) - 1.0, max(levels) + 1.0)

    def _configure_own_axis(self, ax: Any, ind: Any) -> None:
        sch, info = self.p.scheme, ind.plotinfo
        yhlines = list(getattr(info, 'plotyhlines', None) or [])
        yticks = list(getattr(info, 'plotyticks', None) or []) or yhlines
        hlines = list(getattr(info, 'plothlines', None) or []) or yhlines
        if yticks:
            ax.set_yticks(yticks)
        else:
            ax.yaxis.set_major_locator(mticker.MaxNLocator(nbins=4, prune='both'))
        for value in hlines:
            ax.axhline(value, color=sch.hlinescolor, ls=sch.hlinesstyle,
                       lw=sch.hlineswidth, zorder=1)
        margin = getattr(info, 'plotymargin', 0.0)
        if margin:
            ax.margins(y=margin)
        self.pinf.legendloc[ax] = getattr(info, 'legendloc', None) or sch.legendindloc

    def _plot_lines(self, ax: Any, ind: Any, labelled: bool) -> None:
        sch, info = self.p.scheme, ind.plotinfo
        plotlabel = ind.plotlabel()
        showvalues = sch.linevalues and getattr(info, 'plotlinevalues', True)
        showtags = sch.valuetags and getattr(info, 'plotvaluetags', True)
        first = True
        for index in range(ind.lines.size()):
            alias = ind.lines._getlinealias(index)
            opts = _lines.line_options(ind, alias)
            if opts.get('_plotskip', False):
                continue
            x, (y,) = self._series(ind, ind.lines[index])
            if opts.get('_skipnan', False):
                keep = np.isfinite(y)
                x, y = x[keep], y[keep]
            name = opts.get('_name') or alias
            label = _lines.line_label(plotlabel, name, first, labelled)
            last = _last(y)
            if showvalues and opts.get('_plotvalue', True) and not label.startswith('_'):
                label += _lines.value_text(last)
            color = self._line_color(ax, opts)
            artist = self._draw_line(ax, x, y, label, color, opts)
            if np.isfinite(y).any():
                self.pinf.hasvalues.add(ax)
            self._register(ax, artist, label, indicator=True)
            if showtags and opts.get('_plotvaluetag', True) and math.isfinite(last):
                self.drawtag(ax, x[-1], last, facecolor='white', edgecolor=color)
            self._fill(ax, ind, x, y, opts)
            first = False

    def _line_color(self, ax: Any, opts: dict) -> Any:
        if opts.get('color') is not None:
            return opts['color']
        if opts.get('_samecolor', False):
            return self.pinf.color(ax)
        return self.pinf.nextcolor(ax)

    def _draw_line(self, ax: Any, x: np.ndarray, y: np.ndarray, label: str,
                   color: Any, opts: dict) -> Any:
        kwargs = _lines.mpl_kwargs(opts)
        kwargs['color'] = color
        kwargs.setdefault('zorder', self.pinf.zordernext(ax))
        method = opts.get('_method', 'plot') or 'plot'
        if method == 'plot':
            artist, = ax.plot(x, y, label=label, **kwargs)
            return artist
        draw = getattr(ax, method, None)
        if not callable(draw):
            raise ValueError("plotlines _method %r is not a matplotlib Axes method" % method)
        keep = np.isfinite(y)
        return draw(x[keep], y[keep], label=label, **kwargs)

    def _fill(self, ax: Any, ind: Any, x: np.ndarray, y: np.ndarray, opts: dict) -> None:
        for key, compare in (('_fill_gt', np.greater), ('_fill_lt', np.less)):
            spec = opts.get(key)
            if not spec:
                continue
            ref, fcolor = spec[0], spec[1]
            if isinstance(ref, str):
                other = getattr(ind.lines, ref)
                _xref, (yref,) = self._series(ind, other)
            else:
                yref = np.full(len(y), float(ref))
            with np.errstate(invalid='ignore'):
                where = compare(y, yref)
            ax.fill_between(x, y, yref, where=where, interpolate=True,
                            color=fcolor, alpha=self.p.scheme.fillalpha)

    # --- datas ------------------------------------------------------------------
    def _style(self, data: Any) -> str:
        info = getattr(data, 'plotinfo', None)
        style = getattr(info, 'style', None) or self.p.scheme.style
        try:
            return _STYLES[str(style).lower()]
        except KeyError:
            raise ValueError("style must be one of 'line', 'bar' or 'candle', "
                             "not %r" % (style,)) from None

    def _data_label(self, data: Any, style: str, o: Any, h: Any, low: Any, c: Any) -> str:
        compression = getattr(data, '_compression', 1)
        tfname = TimeFrame.getname(getattr(data, '_timeframe', TimeFrame.Days), compression)
        label = '%s (%d %s)' % (getattr(data, '_name', ''), compression, tfname)
        sch = self.p.scheme
        if sch.linevalues and getattr(data.plotinfo, 'plotlinevalues', True) and len(c):
            if not math.isfinite(c[-1]):
                return label
            if style == 'line':
                label += ' C:%.2f' % c[-1]
            else:
                label += ' O:%.2f H:%.2f L:%.2f C:%.2f' % (o[-1], h[-1], low[-1], c[-1])
        return label

    def _draw_price(self, ax: Any, style: str, x: Any, o: Any, h: Any, low: Any,
                    c: Any, label: str) -> Any:
        sch = self.p.scheme
        if style == 'line':
            handler = LineOnClosePlotHandler(ax, x, c, color=sch.loc, width=1.2, label=label)
            artists = [handler.loc]
        elif style == 'bar':
            handler = OHLCPlotHandler(ax, x, o, h, low, c, colorup=sch.barup,
                                      colordown=sch.bardown, width=1.5, tickwidth=0.4,
                                      alpha=sch.baralpha, label=label)
            artists = [handler.barcol, handler.opencol, handler.closecol]
        else:
            handler = CandlestickPlotHandler(
                ax, x, o, h, low, c, colorup=sch.barup, colordown=sch.bardown,
                width=0.7, tickwidth=1.0, alpha=sch.baralpha, label=label,
                fillup=sch.barupfill, filldown=sch.bardownfill)
            artists = [handler.barcol, handler.tickcol]
        zorder = self.pinf.zordernext(ax) if sch.zdown else 10.0
        for artist in artists:
            artist.set_zorder(zorder)
        self._register(ax, handler, label)
        if sch.valuetags and len(c) and math.isfinite(c[-1]):
            self.drawtag(ax, x[-1], c[-1], facecolor='white', edgecolor=sch.loc,
                         zorder=21)  # above the tags of lines ending nearby
        return handler

    def plotdata(self, data: Any, indicators: Any) -> Any:
        """Draw ``data`` on a new axis, with its volume and ``indicators``
        (objects drawn on the data's axis).  Returns the axis."""
        sch = self.p.scheme
        ax = self.newaxis(data, sch.rowsmajor)
        self.pinf.legendloc[ax] = getattr(data.plotinfo, 'legendloc', None) or sch.legenddataloc
        lines = data.lines
        x, (o, h, low, c, v) = self._series(
            data, lines.open, lines.high, lines.low, lines.close, lines.volume)
        style = self._style(data)
        label = self._data_label(data, style, o, h, low, c)
        self._draw_price(ax, style, x, o, h, low, c, label)
        if sch.ytight:
            ax.margins(y=0.0)
        if sch.volume and sch.voloverlay and self._has_volume(data):
            self.plotvolume(data, o, h, low, c, v, 'Volume')
        lo, hi = ax.get_ylim()
        extra = (hi - lo) * sch.yadjust
        ylim = (lo - extra, hi + extra)
        for ind in indicators:
            if isinstance(ind, AbstractDataBase):
                self._plot_slave_data(ax, ind)
            else:
                self.plotind(data, ind, subinds=self._layout.children_of(ind), masterax=ax)
        if getattr(data.plotinfo, 'plotylimited', True):
            ax.set_ylim(ylim)
        else:
            ax.set_ylim(ylim[0], max(ylim[1], ax.get_ylim()[1]))
        return ax

    def _plot_slave_data(self, ax: Any, data: Any) -> None:
        """A data whose plotmaster is another data: its close on that axis."""
        self.pinf.daxis[id(data)] = ax
        lines = data.lines
        x, (o, h, low, c) = self._series(data, lines.open, lines.high, lines.low, lines.close)
        label = self._data_label(data, 'line', o, h, low, c)
        color = self.pinf.nextcolor(ax)
        line, = ax.plot(x, c, color=color, label=label, zorder=self.pinf.zordernext(ax))
        self._register(ax, line, label)
        if self.p.scheme.valuetags and len(c) and math.isfinite(c[-1]):
            self.drawtag(ax, x[-1], c[-1], facecolor='white', edgecolor=color)

    def _plot_volume_of(self, data: Any) -> None:
        lines = data.lines
        _x, (o, h, low, c, v) = self._series(
            data, lines.open, lines.high, lines.low, lines.close, lines.volume)
        self.plotvolume(data, o, h, low, c, v, 'Volume (%s)' % getattr(data, '_name', ''))

    def plotvolume(self, data: Any, opens: Any, highs: Any, lows: Any, closes: Any,
                   volumes: Any, label: str) -> Any:
        """Volume bars of ``data``: over its price axis (``voloverlay``) or on
        an axis of their own.  Returns the volume axis."""
        sch = self.p.scheme
        x, _values = self._series(data, data.lines.volume)
        finite = np.asarray(volumes, dtype=float)
        finite = finite[np.isfinite(finite)]
        maxvol = float(finite.max()) if len(finite) else 0.0
        if sch.voloverlay:
            ax = self.pinf.daxis[id(data)]
            axvol = ax.twinx()
            ax.yaxis.tick_right()
            axvol.yaxis.tick_left()
            alpha, legendax = sch.voltrans, ax
        else:
            axvol = self.newaxis(('volume', data), sch.rowsminor)
            self.pinf.legendloc[axvol] = sch.legendindloc
            alpha, legendax = 1.0, axvol
        handler = VolumePlotHandler(axvol, x, opens, closes, volumes, colorup=sch.volup,
                                    colordown=sch.voldown, width=0.8, alpha=alpha)
        axvol.yaxis.set_major_formatter(MyVolFormatter(maxvol))
        if sch.voloverlay and maxvol > 0:
            top = maxvol / sch.volscaling
            axvol.set_ylim(-top * sch.volpushup, top)
            # about 4 labelled ticks on the part the bars fill
            nbins = max(4, int(math.ceil(4.0 / max(sch.volscaling, 0.01))))
            axvol.yaxis.set_major_locator(mticker.MaxNLocator(nbins=min(nbins, 40)))
            axvol.grid(False)
            ax.set_zorder(axvol.get_zorder() + 1)
            ax.patch.set_visible(False)
            self.pinf.vaxis.append(axvol)
        else:
            axvol.yaxis.set_major_locator(mticker.MaxNLocator(nbins=4, prune='both'))
        self._register(legendax, handler, label)
        return axvol


class Plot_OldSync(Plot):
    """A plotter that lines objects up by their number of bars, counting
    back from the last bar, instead of by datetime (upstream's older way;
    the same chart when every object runs on the strategy's clock)."""

    def _positions(self, obj: Any, count: int) -> np.ndarray:
        return _series.right_aligned(count, len(self.pinf.clock))
