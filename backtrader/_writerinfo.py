"""What a strategy contributes to writers: CSV columns per bar and a
summary tree (parameters, indicators, observers, analyzers) at the end."""
from __future__ import annotations

from typing import Any

from .utils.autodict import AutoOrderedDict


def _label(obj: Any) -> str:
    return obj.plotinfo.plotname or type(obj).__name__


def csv_sources(strategy: Any) -> list:
    """The strategy itself, then its line indicators and observers that
    want CSV output."""
    extra = [obj for obj in list(strategy.getindicators_lines()) + list(strategy.getobservers())
             if obj.csv]
    return [strategy] + extra


def headers(sources: list) -> list:
    out: list = []
    for src in sources:
        out += [_label(src), 'len']
        out += list(src.getlinealiases())
    return out


def values(sources: list) -> list:
    out: list = []
    for src in sources:
        count = len(src)
        out += [_label(src), count]
        nlines = src.lines.size()
        if count:
            out += [src.lines[i][0] for i in range(nlines)]
        else:
            out += [''] * nlines
    return out


def summary(strategy: Any) -> AutoOrderedDict:
    tree = AutoOrderedDict()
    tree['Params'] = strategy.p._getkwargs()
    for section, members in (('Indicators', strategy.getindicators_lines()),
                             ('Observers', strategy.getobservers())):
        branch = tree[section]
        for member in members:
            node = branch[type(member).__name__]
            node.Lines = member.lines.getlinealiases() or None
            node.Params = member.p._getkwargs() or None
    results = tree.Analyzers
    broker = strategy.broker
    results.Value.Begin, results.Value.End = broker.startingcash, broker.getvalue()
    for name, analyzer in strategy.analyzers.getitems():
        entry = results[name]
        entry.Params = analyzer.p._getkwargs() or None
        entry.Analysis = analyzer.get_analysis()
    return tree
