"""Reading the per-line plot options (``plotlines``) of an indicator.

``plotlines = dict(signal=dict(ls='--'), histo=dict(_method='bar'))``:
keys starting with ``_`` steer the plotter (``_name``, ``_plotskip``,
``_method``, ``_samecolor``, ``_fill_gt``/``_fill_lt``, ``_skipnan``,
``_plotvalue``, ``_plotvaluetag``); the others go to matplotlib as they are
(``ls``, ``color``, ``marker``, ``markersize``, ``fillstyle``, ``alpha`` ...).
"""
from __future__ import annotations

import math
from typing import Any

__all__ = ['line_options', 'mpl_kwargs', 'line_label', 'value_text']


def line_options(obj: Any, alias: str) -> dict:
    """The plot options declared (and set on the instance) for ``alias``."""
    if not alias:
        return {}
    info = getattr(obj.plotlines, alias, None)
    if info is None:
        return {}
    if isinstance(info, dict):
        return dict(info)
    opts = dict(info._getkwargs()) if hasattr(info, '_getkwargs') else {}
    opts.update(vars(info))  # values set on the instance after creation
    return opts


def mpl_kwargs(opts: dict) -> dict:
    """The options meant for matplotlib."""
    return {key: value for key, value in opts.items() if not key.startswith('_')}


def value_text(value: float) -> str:
    """' 12.34', or '' for a NaN (no value on the last bar)."""
    if value is None or not math.isfinite(value):
        return ''
    return ' %.2f' % value


def line_label(plotlabel: str, name: str, first: bool, labelled: bool) -> str:
    """Legend label of a line.

    On its own axis (or with ``plotlinelabels``) every line is named, the
    first one after the object's label; on another object's axis only the
    first line gets a legend entry, with the object's label.
    """
    if labelled:
        return (plotlabel + '\n' + name) if first else name
    return plotlabel if first else '_nolegend'
