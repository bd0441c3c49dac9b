"""Writers: a CSV stream of every bar's values and a summary at the end.

``cerebro.addwriter(bt.WriterFile, csv=True, out='run.csv')`` writes one row
per bar with the values of the datas, strategies, indicators and observers,
then a summary of parameters and analyzer results as an indented tree.
``Analyzer.print()`` uses the same tree format.
"""
from __future__ import annotations

import collections.abc
import io
import itertools
import math
import sys

from .metabase import MetaParams
from .utils.py3 import integer_types, string_types

__all__ = ['WriterBase', 'WriterFile', 'WriterStringIO']


class WriterBase(metaclass=MetaParams):
    pass


class WriterFile(WriterBase):
    """Writes to ``out`` (a path or a file-like object, stdout by default)."""

    # the order of the keys is public (``params._gettuple()``)
    params = dict(
        out=None, close_out=False,
        csv=False, csvsep=',', csv_filternan=True, csv_counter=True,
        indent=2, separators=list('=-+*.~"^#'), seplen=79, rounding=None,
    )

    def __init__(self):
        self._len = itertools.count(1)
        self.headers = []
        self.values = []

    def _open_target(self):
        """Where rows go and whether this writer owns (and so closes) it:
        stdout by default, a file opened here for a path, else the user's
        stream, closed only if they asked."""
        target = self.p.out
        if target is None:
            return sys.stdout, False
        if isinstance(target, string_types):
            return open(target, 'w'), True
        return target, self.p.close_out

    def _start_output(self):
        if getattr(self, 'out', None):
            return
        self.out, self.close_out = self._open_target()

    def start(self):
        self._start_output()
        if not self.p.csv:
            return
        self.writelineseparator()
        self.writeiterable(self.headers, counter='Id')

    def stop(self):
        if getattr(self, 'close_out', False):
            self.out.close()

    def next(self):
        if not self.p.csv:
            return
        row, self.values = self.values, []
        self.writeiterable(row, func=str, counter=next(self._len))

    def addheaders(self, headers):
        """Column names for the CSV part (ignored without ``csv``)."""
        if not self.p.csv:
            return
        self.headers += list(headers)

    def addvalues(self, values):
        """One bar's cells; NaN cells blank when ``csv_filternan``."""
        if not self.p.csv:
            return
        blank_nan = self.p.csv_filternan
        self.values += [('' if blank_nan and isinstance(v, float) and math.isnan(v) else v)
                        for v in values]

    def writeiterable(self, iterable, func=None, counter=''):
        """One separated row; the row counter leads when ``csv_counter``."""
        fields = list(iterable)
        if self.p.csv_counter:
            fields.insert(0, counter)
        if func is not None:
            fields = [func(field) for field in fields]
        self.writeline(self.p.csvsep.join(fields))

    def writeline(self, line):
        self.writelines((line,))

    def writelines(self, lines):
        self.out.write(''.join(f'{line}\n' for line in lines))

    def writelineseparator(self, level=0):
        seps = self.p.separators
        indent = level * self.p.indent
        self.writeline(' ' * indent + seps[level % len(seps)] * (self.p.seplen - indent))

    def writedict(self, dct, level=0, recurse=False):
        """Write a (nested) dict as an indented tree."""
        if not recurse:
            self.writelineseparator(level)
        prefix = ' ' * (level * self.p.indent)
        for key, val in dct.items():
            kline = prefix + ('- ' if recurse else '') + str(key) + ':'
            self._write_entry(kline, val, level, recurse)

    def _write_entry(self, kline, val, level, recurse):
        from .lineseries import LineSeries
        if isinstance(val, type) and issubclass(val, LineSeries):
            self.writeline(kline + ' ' + val.__name__)
        elif isinstance(val, string_types):
            self.writeline(kline + ' ' + val)
        elif isinstance(val, integer_types):
            self.writeline(kline + ' ' + str(val))
        elif isinstance(val, float):
            if self.p.rounding is not None:
                val = round(val, self.p.rounding)
            self.writeline(kline + ' ' + str(val))
        elif isinstance(val, dict):
            if recurse:
                self.writelineseparator(level)
            self.writeline(kline)
            self.writedict(val, level=level + 1, recurse=True)
        elif isinstance(val, (list, tuple, collections.abc.Iterable)):
            self.writeline(kline + ' ' + ', '.join(map(str, val)))
        else:
            self.writeline(kline + ' ' + str(val))


class WriterStringIO(WriterFile):
    """A WriterFile collecting its output in ``self.out`` (a StringIO)."""

    params = (('out', io.StringIO),)

    def __init__(self):
        super().__init__()

    def _start_output(self):
        out = self.p.out
        self.out = out() if isinstance(out, type) else out
        self.close_out = False

    def stop(self):
        super().stop()
        self.out.seek(0)
