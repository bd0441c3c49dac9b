"""Builds one backtrader indicator class per TA-Lib function.

Used by ``backtrader.talib`` when the ``talib`` package (the ``ta-lib``
distribution) is installed.  Everything is read from TA-Lib's documented
abstract API, ``talib.abstract.Function(name)``:

- ``info['parameters']`` become the class ``params`` (same order/defaults);
- ``info['output_names']`` become the ``lines``;
- ``info['input_names']`` say how many inputs the function takes;
- ``lookback`` (with the instance's parameters) gives the minimum period,
  ``lookback + 1``;
- ``function_flags``/``output_flags`` drive plotting: overlays for "same
  scale" functions, line styles per output, candle markers for patterns.

In batch mode (runonce) the function runs once over the whole input arrays.
Bar by bar it runs over the last ``lookback + 1`` values, or over the whole
history for functions TA-Lib flags as having an unstable period (and SAR),
so that both modes give what upstream backtrader gives.
"""
from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from .indicator import Indicator
from .linebuffer import npview

__all__ = ['build_indicator', 'FLAG_SAMESCALE', 'FLAG_UNSTABLE', 'FLAG_CANDLE']

FLAG_SAMESCALE = 'Output scale same as input'
FLAG_UNSTABLE = 'Function has an unstable period'
FLAG_CANDLE = 'Output is a candlestick'

OUT_LINE = 'Line'
OUT_DASH = 'Dashed Line'
OUT_DOTTED = 'Dotted Line'
OUT_HISTO = 'Histogram'
OUT_UPPER = 'Values represent an upper limit'
OUT_LOWER = 'Values represent a lower limit'

#: run over the whole history bar by bar although TA-Lib does not flag an
#: unstable period (upstream backtrader does so for the parabolic SAR)
FULL_HISTORY = frozenset({'SAR'})

#: extra line of candle patterns: a marker above the bar where one is found
CANDLE_LINE = '_candleplot'
#: the marker sits this far above the high (a fraction of the high)
CANDLE_OFFSET = 1.02


def _flat_inputs(input_names: dict) -> list[str]:
    """Input series in call order: {'prices': ['high', 'low']} -> both."""
    names: list[str] = []
    for value in input_names.values():
        names.extend(value if isinstance(value, (list, tuple)) else [value])
    return names


def _plotlines(output_flags: dict) -> dict:
    """Plot style per output.  A band (an "upper limit" output down to the
    next "lower limit" one) is drawn in one colour."""
    styles: dict[str, dict] = {}
    in_band = False
    for name, flags in output_flags.items():
        style: dict[str, Any] = {}
        if OUT_LINE in flags:
            style['ls'] = '-'
        elif OUT_DASH in flags:
            style['ls'] = '--'
        elif OUT_DOTTED in flags:
            style['ls'] = ':'
        elif OUT_HISTO in flags:
            style['_method'] = 'bar'
        if in_band or OUT_LOWER in flags:
            style['_samecolor'] = True
        if OUT_UPPER in flags:
            in_band = True
        elif OUT_LOWER in flags:
            in_band = False
        styles[name] = style
    return styles


class _TaLibBase(Indicator):
    """Runs a TA-Lib function over the indicator's inputs (see module doc)."""

    _tabstract: Any = None
    _tafunction: Any = None
    _talib: Any = None
    _taname = ''
    _iscandle = False
    _unstable = False
    _fullhistory = False
    _inputnames: tuple = ()
    # bar by bar the function sees a window, in batch the whole history, and
    # the two differ for recursive functions (as upstream's do): next mode
    # must not take its values from a batch pass (backtrader/_hoist.py)
    _batch_differs = True

    def __init__(self):
        kwargs = self.p._getkwargs()
        abstract = self._talib.abstract.Function(self._taname)
        abstract.set_parameters(**kwargs)
        self._takwargs = kwargs
        self._lookback = int(abstract.lookback)
        self._inputs = self._resolve_inputs()
        for line in self.lines:
            line.updateminperiod(self._lookback + 1)
        self._highidx = (self._inputnames.index('high')
                         if 'high' in self._inputnames else None)
        super().__init__()

    def _resolve_inputs(self) -> list:
        """The line buffers handed to TA-Lib, one per function input.  A
        single data feed given to a multi-input function (e.g. ATR) supplies
        its lines by name (high, low, close...)."""
        needed = len(self._inputnames)
        datas = self.datas
        if len(datas) == 1 and needed > 1:
            source = datas[0]
            lines = [getattr(source.lines, name, None) for name in self._inputnames]
            if all(line is not None for line in lines):
                return [line.lines[0] for line in lines]
        if len(datas) != needed:
            raise TypeError(
                '%s needs %d input%s (%s), got %d'
                % (type(self).__name__, needed, 's' * (needed != 1),
                   ', '.join(self._inputnames), len(datas)))
        return [data.lines[0] for data in datas]

    def _call(self, arrays: Sequence[np.ndarray]) -> list[np.ndarray]:
        out = self._tafunction(*arrays, **self._takwargs)
        return list(out) if isinstance(out, (tuple, list)) else [out]

    # --- batch mode: the whole arrays at once ---------------------------------
    def oncestart(self, start, end):
        self._batch(end)

    def once(self, start, end):
        self._batch(end)

    def _batch(self, end: int) -> None:
        if getattr(self, '_batched', -1) >= end:
            return
        self._batched = end
        arrays = [np.array(npview(line)[:end], dtype=float) for line in self._inputs]
        if not end or any(len(a) < end for a in arrays):
            return
        outputs = self._call(arrays)
        for line, values in zip(self.lines, outputs):
            npview(line)[:end] = np.asarray(values, dtype=float)[:end]
        if self._iscandle:
            marks = (np.asarray(outputs[0], dtype=float)[:end] / 100.0
                     * arrays[self._highidx] * CANDLE_OFFSET)
            npview(getattr(self.lines, CANDLE_LINE))[:end] = marks

    # --- bar by bar: a window ending at the current bar -------------------------
    def next(self):
        first = self._inputs[0]
        size = len(first) if self._fullhistory else self._lookback + 1
        size = min(size, first.idx + 1)
        arrays = [np.array(line.get(size=size), dtype=float) for line in self._inputs]
        outputs = self._call(arrays)
        lines = self.lines
        for i, values in enumerate(outputs):
            lines[i][0] = float(values[-1])
        if self._iscandle:
            high = self._inputs[self._highidx][0]
            getattr(lines, CANDLE_LINE)[0] = \
                float(outputs[0][-1]) / 100.0 * high * CANDLE_OFFSET


def build_indicator(talib: Any, name: str, module: str) -> type:
    """The indicator class for TA-Lib function ``name``."""
    abstract = talib.abstract.Function(name)
    info = abstract.info
    fflags = list(info.get('function_flags') or ())
    outputs = list(info['output_names'])
    output_flags = dict(info.get('output_flags') or {})
    iscandle = FLAG_CANDLE in fflags
    plotinfo: dict[str, Any] = {'subplot': FLAG_SAMESCALE not in fflags}
    plotlines = _plotlines({n: output_flags.get(n, ()) for n in outputs})
    lines = tuple(outputs)
    if iscandle:
        lines += (CANDLE_LINE,)
        plotinfo.update(subplot=False, plotlinelabels=True)
        plotlines = {outputs[0]: {'_plotskip': True},
                     CANDLE_LINE: {'_name': name, 'ls': '', 'marker': 'd',
                                   'markersize': 7.0, 'fillstyle': 'full'}}
    namespace = {
        '__module__': module,
        # TA-Lib's own description of the function (signature, inputs, outputs)
        '__doc__': str(abstract),
        '_tabstract': abstract,
        '_tafunction': staticmethod(getattr(talib, name)),
        '_talib': talib,
        '_taname': name,
        '_iscandle': iscandle,
        '_unstable': FLAG_UNSTABLE in fflags,
        '_fullhistory': FLAG_UNSTABLE in fflags or name in FULL_HISTORY,
        '_inputnames': tuple(_flat_inputs(info['input_names'])),
        'lines': lines,
        'params': tuple(info['parameters'].items()),
        'plotinfo': plotinfo,
        'plotlines': plotlines,
    }
    registry = Indicator._indcol
    previous = registry.get(name)
    cls = type(Indicator)(name, (_TaLibBase,), namespace)
    # keep bt's own indicator of the same name (SMA, EMA...) in the registry
    if previous is not None:
        registry[name] = previous
    return cls
