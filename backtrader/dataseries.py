"""Time frames and the line layout shared by every price series.

A price series keeps its values in seven lines whose *order* is part of the
public contract: ``close, low, high, open, volume, openinterest, datetime``
(indices 0..6).  Resamplers, filters and writers move whole bars around as
plain value lists in that order, so it must never change.
"""
from __future__ import annotations

import collections
import datetime
import inspect
import itertools
from typing import Any, Optional

from .lineseries import LineSeries
from .utils.date import date2num

__all__ = ['TimeFrame', 'DataSeries', 'OHLC', 'OHLCDateTime',
           'SimpleFilterWrapper']

_NAN = float('nan')
_POS_INF = float('inf')
_NEG_INF = float('-inf')


class TimeFrame:
    """Units in which bars are measured, ordered from finest to coarsest."""

    (Ticks, MicroSeconds, Seconds, Minutes,
     Days, Weeks, Months, Years, NoTimeFrame) = range(1, 10)

    Names = ['', 'Ticks', 'MicroSeconds', 'Seconds', 'Minutes',
             'Days', 'Weeks', 'Months', 'Years', 'NoTimeFrame']
    names = Names  # older spelling, still used by some user code

    @classmethod
    def getname(cls, tframe: int, compression: Optional[int] = None) -> str:
        """Name of ``tframe``: singular for a compression of 1 (``Day``),
        plural otherwise (``Days``); ``NoTimeFrame`` never changes.

        Upstream fails with a TypeError when ``compression`` is omitted;
        here an omitted compression reads as 1.
        """
        name = cls.Names[tframe]
        if compression is None:
            compression = 1
        if compression > 1 or name == cls.Names[-1]:
            return name
        return name[:-1]

    @classmethod
    def TFrame(cls, name: str) -> int:
        """The constant whose name is ``name`` (``'Days'`` -> 5)."""
        return getattr(cls, name)

    @classmethod
    def TName(cls, tframe: int) -> str:
        """The plural name of the constant ``tframe``."""
        return cls.Names[tframe]


class DataSeries(LineSeries):
    """Base of every price series: constants naming the line positions and
    the hooks writers use to dump a series as CSV."""

    # positions of the standard lines (the storage order of OHLCDateTime)
    Close, Low, High, Open, Volume, OpenInterest, DateTime = range(7)
    # writers emit them differently: time first, then O/H/L/C, then the rest
    LineOrder = [DateTime, Open, High, Low, Close, Volume, OpenInterest]

    # defaults until a feed sets its own
    _name, _compression, _timeframe = '', 1, TimeFrame.Days

    plotinfo = dict(plot=True, plotind=True, plotylimited=True)

    def getwriterheaders(self) -> list:
        """Column names: series name, 'len', the standard lines in
        ``LineOrder`` and then any extra lines a subclass added."""
        standard = [self._getlinealias(index) for index in self.LineOrder]
        extras = list(self.getlinealiases()[len(self.LineOrder):])
        return [self._name, 'len'] + standard + extras

    def getwritervalues(self) -> list:
        """Row matching ``getwriterheaders``; an empty series yields blanks."""
        row: list = [self._name, len(self)]
        width = self.lines.size()
        if not row[1]:
            return row + [''] * width
        order = self.LineOrder
        lines = self.lines
        # the datetime column is written as a datetime, the rest as floats
        indices = itertools.chain(order[1:], range(len(order), width))
        row.append(self.datetime.datetime(0))
        row.extend(lines[index][0] for index in indices)
        return row

    def getwriterinfo(self):
        """Summary shown by the writer: name, timeframe, compression."""
        return collections.OrderedDict((
            ('Name', self._name),
            ('Timeframe', TimeFrame.TName(self._timeframe)),
            ('Compression', self._compression),
        ))


# price lines in storage order (datetime is appended by OHLCDateTime)
_PRICE_LINES = ('close', 'low', 'high', 'open', 'volume', 'openinterest')

#: the price fields in the column order files and frames usually use
FILE_COLUMN_ORDER = ('open', 'high', 'low', 'close', 'volume', 'openinterest')


class OHLC(DataSeries):
    lines = _PRICE_LINES


class OHLCDateTime(OHLC):
    lines = ('datetime',)


class SimpleFilterWrapper:
    """Adapts a predicate into a data filter.

    ``ffilter(data, *args, **kwargs)`` returning True means "drop the current
    bar": the wrapper removes it from the data and reports it as consumed.
    A class is instantiated once with ``(data, *args, **kwargs)`` and the
    instance is then called with the data only.
    """

    def __init__(self, data: Any, ffilter: Any, *args: Any, **kwargs: Any) -> None:
        if inspect.isclass(ffilter):
            ffilter = ffilter(data, *args, **kwargs)
            args, kwargs = (), {}
        if not callable(ffilter):
            raise TypeError('ffilter must be callable or a class, got %s'
                            % type(ffilter).__name__)
        self.ffilter = ffilter
        self.args = args
        self.kwargs = kwargs

    def __call__(self, data: Any, *args: Any, **kwargs: Any) -> bool:
        # the data passes the stored args back; upstream's wrapper refused
        # them (TypeError) and so could only wrap argument-less predicates
        if not args and not kwargs:
            args, kwargs = self.args, self.kwargs
        if self.ffilter(data, *args, **kwargs):
            data.backwards()
            return True
        return False


class _Bar:
    """A bar being built by a resampler or replayer.

    ``open`` stays NaN until the first update, which is how ``isopen`` tells
    an empty bar from a started one.  ``lvalues()`` lists the values in the
    line order of :class:`OHLCDateTime`, ready for ``data._add2stack``.
    """

    __slots__ = ('close', 'low', 'high', 'open', 'volume', 'openinterest',
                 'datetime')

    _fields = ('close', 'low', 'high', 'open', 'volume', 'openinterest',
               'datetime')
    replaying = False
    # far enough in the future to lose every comparison with real data
    MAXDATE = date2num(datetime.datetime.max) - 2

    def __init__(self, maxdate: bool = False) -> None:
        self.bstart(maxdate=maxdate)

    def bstart(self, maxdate: bool = False) -> None:
        """Reset to the empty, not yet updated state."""
        self.open = self.close = _NAN
        self.high, self.low = _NEG_INF, _POS_INF  # any real price beats these
        self.volume = self.openinterest = 0.0
        self.datetime = _Bar.MAXDATE if maxdate else None

    def isopen(self) -> bool:
        """True once a first update has set ``open`` (NaN != NaN)."""
        o = self.open
        return o == o

    def bupdate(self, data: Any, reopen: bool = False) -> bool:
        """Merge the current bar of ``data``; True if it opened the bar."""
        if reopen:
            self.bstart()
        # by position: the OHLCDateTime order every feed shares
        close, low, high, open_, volume, oi, dtime = data.lines.lines[:7]
        self.datetime = dtime[0]
        # same outcome as max()/min(), NaN included: only a strictly
        # greater (smaller) value replaces the stored one
        value = high[0]
        if value > self.high:
            self.high = value
        value = low[0]
        if value < self.low:
            self.low = value
        self.close = close[0]
        self.volume += volume[0]
        self.openinterest = oi[0]
        o = self.open
        if reopen or o != o:
            self.open = open_[0]
            return True
        return False

    # --- dict-like view (upstream's bar is an ordered dict) -----------------
    def lvalues(self) -> list:
        return [self.close, self.low, self.high, self.open, self.volume,
                self.openinterest, self.datetime]

    def keys(self) -> list:
        return list(self._fields)

    def values(self) -> list:
        return self.lvalues()

    def items(self) -> list:
        return list(zip(self._fields, self.lvalues()))

    def __iter__(self):
        return iter(self._fields)

    def __len__(self) -> int:
        return len(self._fields)

    def __getitem__(self, key: str) -> Any:
        if key not in self._fields:
            raise KeyError(key)
        return getattr(self, key)

    def __setitem__(self, key: str, value: Any) -> None:
        if key not in self._fields:
            raise KeyError(key)
        setattr(self, key, value)

    def __repr__(self) -> str:
        return '_Bar(%s)' % ', '.join('%s=%r' % kv for kv in self.items())
