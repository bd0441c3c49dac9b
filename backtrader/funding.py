"""Funding of perpetual futures: rates, mark prices and the payments.

A perpetual future has no expiry; instead, every funding interval (8 hours
on most Binance USD-M symbols: 00:00, 08:00 and 16:00 UTC) the positions
open at the funding time exchange a payment::

    amount = -size * mark * rate        (cash received by the account)

so with a positive rate longs pay and shorts receive, with a negative rate
the other way round.  The pieces, each usable on its own:

* :class:`FundingRates` - the funding times and rates of one symbol, from
  a CSV file, a pandas Series/DataFrame, ``(datetime, rate)`` pairs or
  :meth:`FundingRates.constant`; validated (order, duplicates, numbers,
  gaps) and queried with :meth:`FundingRates.due`.
* :class:`MarkPrices` - the mark price at a funding time, from a mark
  price feed, with a fallback callable.
* :class:`FundingPayment` - one payment, as booked.
* :class:`FundingSchedule` - what a broker calls every bar:
  :meth:`FundingSchedule.apply` books the payments due since the previous
  bar for every open position.

All datetimes are naive UTC, as everywhere in the engine; aware inputs are
converted to UTC.

Broker protocol used by :meth:`FundingSchedule.apply`:

* ``broker.getposition(data)`` returns an object with a ``size``;
* if the broker has ``add_funding(payment)``, every payment is handed to
  it and the broker is responsible for crediting ``payment.amount`` to its
  cash (and fund value, if it tracks one) and appending the payment to a
  ``funding_history`` list (read by :class:`~backtrader.analyzers.FundingAnalyzer`);
* otherwise ``broker.cash`` is adjusted in place and the payment appended
  to ``broker.funding_history`` (created as a list if missing).
"""
from __future__ import annotations

import bisect
import csv
import math
import numbers
import os
import statistics
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Callable, Iterable, Optional, Sequence, Union

from .utils.date import date2num, num2date

__all__ = ['FundingRates', 'MarkPrices', 'FundingPayment', 'FundingSchedule']

DEFAULT_INTERVAL = timedelta(hours=8)
GAP_FACTOR = 1.5  # a spacing beyond GAP_FACTOR x interval is a gap

# column names accepted in CSV files and DataFrames (first match wins)
_TIME_COLUMNS = ('datetime', 'fundingtime', 'funding_time', 'calc_time',
                 'time', 'timestamp', 'date')
_RATE_COLUMNS = ('funding_rate', 'fundingrate', 'last_funding_rate', 'rate')

_NOTHING: tuple = ()  # returned when nothing is due (no per-bar allocation)
_ONE_SECOND = timedelta(seconds=1)
_EPOCH = datetime(1970, 1, 1)

Source = Union[str, 'os.PathLike[str]', Any]


# --- input helpers ------------------------------------------------------------
def _snap(dt: datetime) -> datetime:
    """``dt`` rounded to the nearest whole second (halves round up)."""
    usec = dt.microsecond
    if not usec:
        return dt
    dt = dt.replace(microsecond=0)
    return dt + _ONE_SECOND if usec >= 500000 else dt


def _naive_utc(value: Any, what: str) -> datetime:
    """A datetime/date/ISO string/epoch number as a naive UTC datetime."""
    if isinstance(value, str):
        return _parse_time(value, what)
    if hasattr(value, 'to_pydatetime'):  # pandas Timestamp (keeps usec)
        value = value.to_pydatetime(warn=False)
    if isinstance(value, datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            value = value.astimezone(timezone.utc).replace(tzinfo=None)
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime.combine(value, time.min)
    raise TypeError('%s: expected a datetime, got %r' % (what, value))


def _parse_time(text: str, what: str) -> datetime:
    """ISO 8601 (``2021-11-18T00:00:00.017000Z``, a ``+hh:mm`` offset or
    naive UTC) or an epoch number (milliseconds from 10**11 on, as Binance
    writes them, else seconds)."""
    text = text.strip()
    try:
        if text.isdigit():
            stamp = int(text)
            if stamp >= 10 ** 11:
                return _EPOCH + timedelta(milliseconds=stamp)
            return _EPOCH + timedelta(seconds=stamp)
        if text[-1:] in ('Z', 'z'):
            text = text[:-1] + '+00:00'
        value = datetime.fromisoformat(text)
    except (ValueError, IndexError):
        raise ValueError('%s: %r is not a date/time' % (what, text)) from None
    return _naive_utc(value, what)


def _rate_value(value: Any, what: str) -> float:
    """A finite float from a number or numeric text."""
    if isinstance(value, str):
        try:
            rate = float(value)
        except ValueError:
            raise ValueError('%s: rate %r is not a number' % (what, value)) from None
    elif isinstance(value, numbers.Real) and not isinstance(value, bool):
        rate = float(value)
    else:
        raise TypeError('%s: rate must be a number, got %r' % (what, value))
    if not math.isfinite(rate):
        raise ValueError('%s: rate is %r (NaN/infinite rates are not allowed)'
                         % (what, rate))
    return rate


def _pick_column(names: Sequence[str], wanted: Sequence[str], what: str,
                 role: str) -> str:
    lowered = {name.strip().lower(): name for name in names}
    for name in wanted:
        if name in lowered:
            return lowered[name]
    raise ValueError('%s: no %s column (looked for %s; found %s)'
                     % (what, role, ', '.join(wanted), ', '.join(map(str, names))))


def _present(columns: dict[str, Sequence[str]], names: Sequence[str],
             optional: Sequence[str]) -> dict[str, Sequence[str]]:
    """``columns`` without the optional roles none of ``names`` holds."""
    lowered = {str(name).strip().lower() for name in names}
    return {role: wanted for role, wanted in columns.items()
            if role not in optional or any(w in lowered for w in wanted)}


def _csv_rows(path: Any, columns: dict[str, Sequence[str]],
              optional: Sequence[str] = ()):
    """Yield (line number, {role: text}) for every non-blank line of a CSV
    file with a header; ``columns`` maps a role to accepted column names.
    The roles in ``optional`` are left out of the rows when the header has
    none of their names."""
    label = 'file %r' % os.fspath(path)
    try:
        handle = open(path, newline='')
    except OSError as exc:
        raise ValueError('%s cannot be read: %s' % (label, exc)) from exc
    with handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None:
            raise ValueError('%s is empty (a header line is expected)' % label)
        columns = _present(columns, header, optional)
        index = {role: header.index(_pick_column(header, names, label, role))
                 for role, names in columns.items()}
        for row in reader:
            if not row or not any(cell.strip() for cell in row):
                continue
            where = '%s line %d' % (label, reader.line_num)
            try:
                yield where, {role: row[i] for role, i in index.items()}
            except IndexError:
                raise ValueError('%s: %d columns, the header has %d'
                                 % (where, len(row), len(header))) from None


def _frame_rows(frame: Any, columns: dict[str, Sequence[str]], what: str,
                optional: Sequence[str] = ()):
    """Yield (where, {role: value}) from a DataFrame; the time comes from
    a time column or, failing that, from the index.  ``optional`` as for
    :func:`_csv_rows`."""
    names = [str(name) for name in frame.columns]
    columns = _present(columns, names, optional)
    timecol = None
    lowered = {name.lower() for name in names}
    if any(name in lowered for name in columns['time']):
        timecol = _pick_column(names, columns['time'], what, 'time')
    picked = {role: _pick_column(names, wanted, what, role)
              for role, wanted in columns.items() if role != 'time'}
    times = frame[timecol] if timecol is not None else frame.index
    cols = {role: frame[name].tolist() for role, name in picked.items()}
    for i, stamp in enumerate(times):
        row = {role: values[i] for role, values in cols.items()}
        row['time'] = stamp
        yield '%s row %d (%s)' % (what, i, stamp), row


# --- funding rates ------------------------------------------------------------
class FundingRates:
    """The funding times and rates of one perpetual symbol.

    ``source`` may be:

    * a CSV path with a header holding ``datetime`` and ``funding_rate``
      columns (Binance names ``fundingTime``/``calc_time`` and
      ``fundingRate``/``last_funding_rate`` are accepted too); times are
      ISO 8601 (``2021-11-18T00:00:00.017000Z``) or epoch milliseconds;
    * a pandas Series (datetime index -> rate) or DataFrame (a
      ``funding_rate`` column, times from a ``datetime`` column or the
      index);
    * an iterable of ``(datetime, rate)`` pairs.

    Params:
      - ``snap`` (True): round every funding time to the nearest second.
        Exchanges record the moment the funding was computed, a few
        milliseconds off the nominal hour (``00:00:00.017``); snapping
        puts the payment on the bar stamped at the hour and lines the
        times up with mark price candles.  ``snap=False`` keeps them exact.
      - ``interval`` (None): the nominal funding interval; None infers it
        as the median spacing of the times.
      - ``allow_gaps`` (False): a spacing over 1.5 x the interval raises
        ValueError naming the first gap unless this is True.
      - ``name`` (None): label used in error messages.

    Times must be strictly increasing after snapping; rates finite numbers.
    """

    def __init__(self, source: Source, *, snap: bool = True,
                 interval: Optional[timedelta] = None,
                 allow_gaps: bool = False, name: Optional[str] = None) -> None:
        if interval is not None and (not isinstance(interval, timedelta)
                                     or interval <= timedelta(0)):
            raise ValueError('FundingRates: interval must be a positive '
                             'timedelta, got %r' % (interval,))
        label = name or self._describe(source)
        rows = self._read(source, label)
        times, rates, wheres = [], [], []
        for where, row in rows:
            stamp = _naive_utc(row['time'], where)
            times.append(_snap(stamp) if snap else stamp)
            rates.append(_rate_value(row['rate'], where))
            wheres.append(where)
        if not times:
            raise ValueError('FundingRates(%s): no funding rates' % label)
        _check_increasing(times, wheres, label)
        self._times: list[datetime] = times
        self._rates: list[float] = rates
        self._interval = interval or _median_spacing(times)
        self._gaps = _find_gaps(times, self._interval)
        if self._gaps and not allow_gaps:
            start, end = self._gaps[0]
            raise ValueError(
                'FundingRates(%s): gap in the funding times from %s to %s '
                '(%s, more than %s x the %s interval; %d gap(s) in all); '
                'pass allow_gaps=True to accept gaps'
                % (label, start, end, end - start, GAP_FACTOR, self._interval,
                   len(self._gaps)))
        self.name = label
        self._cursor = 0

    @staticmethod
    def _describe(source: Any) -> str:
        if isinstance(source, (str, os.PathLike)):
            return repr(os.fspath(source))
        return type(source).__name__

    @staticmethod
    def _read(source: Any, label: str):
        columns = {'time': _TIME_COLUMNS, 'rate': _RATE_COLUMNS}
        if isinstance(source, (str, os.PathLike)):
            return _csv_rows(source, columns)
        if hasattr(source, 'columns') and hasattr(source, 'index'):
            return _frame_rows(source, columns, label)
        if hasattr(source, 'index') and hasattr(source, 'tolist'):  # Series
            return (('%s row %d (%s)' % (label, i, stamp),
                     {'time': stamp, 'rate': rate})
                    for i, (stamp, rate) in enumerate(zip(source.index,
                                                          source.tolist())))
        if isinstance(source, (bytes, numbers.Number)) or \
                not isinstance(source, Iterable):
            raise TypeError('FundingRates: source must be a CSV path, a pandas '
                            'Series/DataFrame or (datetime, rate) pairs, got %r'
                            % (source,))
        return _pair_rows(source, label)

    @classmethod
    def constant(cls, rate: float, interval: timedelta = DEFAULT_INTERVAL,
                 anchor: Union[time, datetime] = time(0, 0)) -> 'FundingRates':
        """The same ``rate`` at every ``anchor + k * interval`` (any integer
        k): by default 00:00, 08:00 and 16:00 UTC every day."""
        return _ConstantFundingRates(rate, interval, anchor)

    # --- queries ------------------------------------------------------------
    @property
    def interval(self) -> Optional[timedelta]:
        """The nominal interval (given or inferred; None with one rate)."""
        return self._interval

    @property
    def times(self) -> tuple:
        return tuple(self._times)

    @property
    def rates(self) -> tuple:
        return tuple(self._rates)

    @property
    def gaps(self) -> list:
        """``(from, to)`` of every spacing over 1.5 x the interval."""
        return list(self._gaps)

    def __len__(self) -> int:
        return len(self._times)

    def __iter__(self):
        return iter(zip(self._times, self._rates))

    def __repr__(self) -> str:
        return '<FundingRates %s: %d rates %s .. %s, interval %s>' % (
            self.name, len(self._times), self._times[0], self._times[-1],
            self._interval)

    def _first_after(self, after: datetime) -> int:
        """Index of the first time > ``after``; O(1) when the calls move
        forward through the times, a bisection otherwise."""
        times, pos = self._times, self._cursor
        if (pos == 0 or times[pos - 1] <= after) and \
                (pos == len(times) or times[pos] > after):
            return pos
        return bisect.bisect_right(times, after)

    def due(self, after: datetime, upto: datetime) -> list:
        """``[(funding_time, rate), ...]`` for the times t with
        ``after < t <= upto``, in time order."""
        pos = self._first_after(after)
        times = self._times
        end = pos
        last = len(times)
        while end < last and times[end] <= upto:
            end += 1
        self._cursor = end
        if end == pos:
            return []
        return list(zip(times[pos:end], self._rates[pos:end]))

    def next_time(self, after: datetime) -> Optional[datetime]:
        """The first funding time after ``after`` (None past the last)."""
        pos = self._first_after(after)
        return self._times[pos] if pos < len(self._times) else None

    def rate_at(self, when: datetime) -> Optional[float]:
        """The rate of the funding at exactly ``when`` (None if none)."""
        pos = bisect.bisect_left(self._times, when)
        if pos < len(self._times) and self._times[pos] == when:
            return self._rates[pos]
        return None


def _pair_rows(pairs: Iterable, label: str):
    for i, pair in enumerate(pairs):
        where = '%s entry %d' % (label, i)
        try:
            stamp, rate = pair
        except (TypeError, ValueError):
            raise TypeError('%s: expected a (datetime, rate) pair, got %r'
                            % (where, pair)) from None
        yield where, {'time': stamp, 'rate': rate}


def _check_increasing(times: list, wheres: list, label: str) -> None:
    for i in range(1, len(times)):
        prev, cur = times[i - 1], times[i]
        if cur > prev:
            continue
        kind = 'duplicate funding time' if cur == prev else \
            'funding times not in ascending order:'
        raise ValueError('FundingRates(%s): %s %s at %s (previous: %s at %s)'
                         % (label, kind, cur, wheres[i], prev, wheres[i - 1]))


def _median_spacing(times: list) -> Optional[timedelta]:
    if len(times) < 2:
        return None
    spacing = statistics.median(b - a for a, b in zip(times, times[1:]))
    if spacing >= _ONE_SECOND:  # nominal intervals are whole seconds
        spacing = timedelta(seconds=round(spacing.total_seconds()))
    return spacing


def _find_gaps(times: list, interval: Optional[timedelta]) -> list:
    if interval is None:
        return []
    limit = interval * GAP_FACTOR
    return [(a, b) for a, b in zip(times, times[1:]) if b - a > limit]


class _ConstantFundingRates(FundingRates):
    """``FundingRates.constant``: an endless regular schedule."""

    def __init__(self, rate: float, interval: timedelta,
                 anchor: Union[time, datetime]) -> None:
        if not isinstance(interval, timedelta) or interval <= timedelta(0):
            raise ValueError('FundingRates.constant: interval must be a '
                             'positive timedelta, got %r' % (interval,))
        if isinstance(anchor, time):
            if anchor.tzinfo is not None:
                raise ValueError('FundingRates.constant: anchor must be a '
                                 'naive UTC time, got %r' % (anchor,))
            anchor = datetime.combine(date(2000, 1, 1), anchor)
        elif isinstance(anchor, datetime):
            anchor = _naive_utc(anchor, 'FundingRates.constant: anchor')
        else:
            raise TypeError('FundingRates.constant: anchor must be a '
                            'datetime.time or datetime, got %r' % (anchor,))
        self._rate = _rate_value(rate, 'FundingRates.constant')
        self._interval = interval
        self._anchor = anchor
        self._gaps = []
        self.name = 'constant %r every %s' % (self._rate, interval)

    def _next_stamp(self, after: datetime) -> datetime:
        steps = (after - self._anchor) // self._interval + 1
        return self._anchor + steps * self._interval

    def due(self, after: datetime, upto: datetime) -> list:
        stamp, step, rate = self._next_stamp(after), self._interval, self._rate
        found = []
        while stamp <= upto:
            found.append((stamp, rate))
            stamp += step
        return found

    def next_time(self, after: datetime) -> Optional[datetime]:
        return self._next_stamp(after)

    def rate_at(self, when: datetime) -> Optional[float]:
        return self._rate if not (when - self._anchor) % self._interval else None

    @property
    def times(self) -> tuple:
        raise TypeError('a constant funding schedule has no finite list of times')

    @property
    def rates(self) -> tuple:
        raise TypeError('a constant funding schedule has no finite list of rates')

    def __len__(self) -> int:
        raise TypeError('a constant funding schedule is endless')

    def __iter__(self):
        raise TypeError('a constant funding schedule is endless; use due()')

    def __repr__(self) -> str:
        return '<FundingRates %s from %s>' % (self.name, self._anchor.time())


# --- mark prices --------------------------------------------------------------
class MarkPrices:
    """The mark price at a funding time.

    ``source``: a CSV path with ``datetime,open,high,low,close,volume``
    columns (datetime, open and close are required, high and low read
    when present; times ISO 8601 or epoch ms, the bar's start time) or a
    DataFrame with ``open``/``close`` (and ``high``/``low``) columns and a
    ``datetime`` column or datetime index; None to use ``fallback`` only.
    ``interval``: the length of one mark bar (by default the smallest gap
    between two bar starts); liquidation checks need it to know when a
    mark bar is complete (see :meth:`closed_between`).

    ``at(dt)`` answers with the open of the bar starting exactly at ``dt``
    (the mark at that instant); without one, the close of the last bar
    that started before ``dt`` (its end is the latest mark known at
    ``dt``).  ``fallback(dt) -> float`` is used when the feed has no bar
    at or before ``dt``, or (with ``maxage``) when that bar started more
    than ``maxage`` before ``dt``.  Without a fallback such lookups raise
    LookupError.  Bar times are snapped to the second like funding times
    (``snap``).
    """

    def __init__(self, source: Optional[Source] = None, *,
                 fallback: Optional[Callable[[datetime], float]] = None,
                 maxage: Optional[timedelta] = None, snap: bool = True,
                 name: Optional[str] = None,
                 interval: Optional[timedelta] = None) -> None:
        if fallback is not None and not callable(fallback):
            raise TypeError('MarkPrices: fallback must be callable, got %r'
                            % (fallback,))
        if source is None and fallback is None:
            raise TypeError('MarkPrices: give a mark price source, a '
                            'fallback, or both')
        if maxage is not None and (not isinstance(maxage, timedelta)
                                   or maxage < timedelta(0)):
            raise ValueError('MarkPrices: maxage must be a non-negative '
                             'timedelta, got %r' % (maxage,))
        self.name = name or ('fallback' if source is None
                             else FundingRates._describe(source))
        self._starts: list[datetime] = []
        self._opens: list[float] = []
        self._closes: list[float] = []
        self._highs: list[float] = []
        self._lows: list[float] = []
        if interval is not None and (not isinstance(interval, timedelta)
                                     or interval <= timedelta(0)):
            raise ValueError('MarkPrices: interval must be a positive '
                             'timedelta, got %r' % (interval,))
        if source is not None:
            self._load(source, snap)
        self._fallback = fallback
        self._maxage = maxage
        self.interval = interval or self._smallest_gap()

    def _load(self, source: Source, snap: bool) -> None:
        columns = {'time': _TIME_COLUMNS, 'open': ('open',), 'close': ('close',),
                   'high': ('high',), 'low': ('low',)}
        extremes = ('high', 'low')
        if isinstance(source, (str, os.PathLike)):
            rows = _csv_rows(source, columns, extremes)
        elif hasattr(source, 'columns') and hasattr(source, 'index'):
            rows = _frame_rows(source, columns, self.name, extremes)
        else:
            raise TypeError('MarkPrices: source must be a CSV path or a pandas '
                            'DataFrame, got %r' % (source,))
        wheres = []
        for where, row in rows:
            stamp = _naive_utc(row['time'], where)
            self._starts.append(_snap(stamp) if snap else stamp)
            opened = _price_value(row['open'], where, 'open')
            closed = _price_value(row['close'], where, 'close')
            self._opens.append(opened)
            self._closes.append(closed)
            self._highs.append(_price_value(row['high'], where, 'high')
                               if 'high' in row else max(opened, closed))
            self._lows.append(_price_value(row['low'], where, 'low')
                              if 'low' in row else min(opened, closed))
            if self._lows[-1] > min(opened, closed) or \
                    self._highs[-1] < max(opened, closed):
                raise ValueError('%s: low %r / high %r do not hold open %r '
                                 'and close %r' % (where, self._lows[-1],
                                                   self._highs[-1], opened, closed))
            wheres.append(where)
        if not self._starts:
            raise ValueError('MarkPrices(%s): no mark prices' % self.name)
        _check_increasing(self._starts, wheres, 'MarkPrices %s' % self.name)

    def __len__(self) -> int:
        return len(self._starts)

    def _smallest_gap(self) -> Optional[timedelta]:
        starts = self._starts
        gaps = [b - a for a, b in zip(starts, starts[1:])]
        return min(gaps) if gaps else None

    def closed_between(self, after: Optional[datetime],
                       upto: datetime) -> range:
        """Indexes of the mark bars complete by ``upto`` and not by
        ``after`` (None: since the first): those whose end (start +
        ``interval``) is in ``(after, upto]``.  Only complete bars are
        known at ``upto``, so a check built on them sees no future."""
        interval = self.interval
        if interval is None:  # one bar of unknown length: never complete
            return range(0)
        stop = bisect.bisect_right(self._starts, upto - interval)
        start = 0 if after is None else \
            bisect.bisect_right(self._starts, after - interval)
        return range(start, max(start, stop))

    def start(self, index: int) -> datetime:
        return self._starts[index]

    def extremes(self, index: int) -> tuple[float, float, float]:
        """(low, high, close) of the mark bar at ``index``."""
        return self._lows[index], self._highs[index], self._closes[index]

    def at(self, dt: datetime) -> float:
        """The mark price at ``dt`` (see the class docstring)."""
        pos = bisect.bisect_right(self._starts, dt) - 1
        if pos >= 0:
            start = self._starts[pos]
            if start == dt:
                return self._opens[pos]
            if self._maxage is None or dt - start <= self._maxage:
                return self._closes[pos]
        if self._fallback is not None:
            return float(self._fallback(dt))
        if pos < 0:
            raise LookupError('MarkPrices(%s): no mark price at or before %s '
                              '(the feed starts at %s)'
                              % (self.name, dt, self._starts[0]))
        raise LookupError('MarkPrices(%s): the last mark price before %s is '
                          'from %s, older than maxage %s'
                          % (self.name, dt, self._starts[pos], self._maxage))


def _price_value(value: Any, where: str, column: str) -> float:
    price = _rate_value(value, '%s (%s)' % (where, column))
    if price <= 0.0:
        raise ValueError('%s: %s price %r is not positive' % (where, column, price))
    return price


# --- payments and the schedule --------------------------------------------------
@dataclass(frozen=True, slots=True)
class FundingPayment:
    """One funding payment as booked.

    ``amount`` is the signed cash credited to the account:
    ``-size * mark * rate`` (negative: paid); ``notional`` is
    ``abs(size) * mark``; ``name`` is the data's name.
    """

    dt: datetime
    name: str
    rate: float
    mark: float
    size: float
    notional: float
    amount: float

    @classmethod
    def compute(cls, dt: datetime, name: str, rate: float, mark: float,
                size: float) -> 'FundingPayment':
        amount = -size * mark * rate + 0.0  # + 0.0: no negative zero
        return cls(dt, name, rate, mark, size, abs(size) * mark, amount)


class _Entry:
    """One data of a FundingSchedule."""

    __slots__ = ('data', 'name', 'rates', 'marks')

    def __init__(self, data: Any, name: str, rates: FundingRates,
                 marks: Optional[MarkPrices]) -> None:
        self.data, self.name, self.rates, self.marks = data, name, rates, marks

    def mark(self, when: datetime) -> float:
        if self.marks is not None:
            return self.marks.at(when)
        return float(self.data.close[0])  # no mark feed: the data's price


def _as_rates(rates: Any) -> FundingRates:
    if isinstance(rates, FundingRates):
        return rates
    if isinstance(rates, numbers.Real) and not isinstance(rates, bool):
        return FundingRates.constant(rates)
    return FundingRates(rates)


class FundingSchedule:
    """Funding of every perpetual data of a broker.

    ``add(data, rates, marks=None)`` registers a data: ``rates`` is a
    :class:`FundingRates` (or anything it accepts, or a number for a
    constant 8-hourly rate), ``marks`` a :class:`MarkPrices` (or a source
    for one) or None to use ``data.close[0]`` when the payment is booked.

    ``apply(broker, dt_prev, dt_now)`` is meant to be called once per bar,
    before the orders of the new bar are executed, so the positions seen
    are those held at the funding times.  See the module docstring for the
    broker protocol.
    """

    def __init__(self) -> None:
        self._entries: list[_Entry] = []
        # cache: no funding time in (_after, _next); also as float dates
        self._after: Optional[datetime] = None
        self._next: Optional[datetime] = None
        self._after_num = math.inf
        self._next_num = -math.inf

    def add(self, data: Any, rates: Any, marks: Any = None,
            name: Optional[str] = None) -> None:
        if any(entry.data is data for entry in self._entries):
            raise ValueError('FundingSchedule: data %r was already added'
                             % (name or getattr(data, '_name', data),))
        if marks is not None and not isinstance(marks, MarkPrices):
            marks = MarkPrices(marks)
        if name is None:
            name = getattr(data, '_name', '') or 'data%d' % len(self._entries)
        self._entries.append(_Entry(data, str(name), _as_rates(rates), marks))
        self._after, self._after_num, self._next_num = None, math.inf, -math.inf

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def datas(self) -> list:
        return [entry.data for entry in self._entries]

    def rates_for(self, data: Any) -> Optional[FundingRates]:
        for entry in self._entries:
            if entry.data is data:
                return entry.rates
        return None

    def apply(self, broker: Any, dt_prev: Any, dt_now: Any) -> Sequence[FundingPayment]:
        """Book the funding due at the times t with ``dt_prev < t <= dt_now``
        for every registered data with an open position; return the
        payments (an empty tuple when nothing is due).

        ``dt_prev``/``dt_now``: naive UTC datetimes or engine float dates
        (``data.datetime[0]``); ``dt_prev`` None (the first bar) books
        nothing."""
        if dt_prev is None or not self._entries:
            return _NOTHING
        if isinstance(dt_now, float):
            if dt_prev >= self._after_num and dt_now < self._next_num:
                return _NOTHING
            dt_prev, dt_now = num2date(dt_prev), num2date(dt_now)
        elif self._after is not None and dt_prev >= self._after and \
                (self._next is None or dt_now < self._next):
            return _NOTHING
        payments = self._collect(broker, dt_prev, dt_now)
        for payment in payments:
            _book(broker, payment)
        self._remember(dt_now)
        return payments if payments else _NOTHING

    def _collect(self, broker: Any, after: datetime, upto: datetime) -> list:
        payments = []
        for entry in self._entries:
            due = entry.rates.due(after, upto)
            if not due:
                continue
            size = broker.getposition(entry.data).size
            if not size:
                continue
            for stamp, rate in due:
                payments.append(FundingPayment.compute(
                    stamp, entry.name, rate, entry.mark(stamp), size))
        payments.sort(key=_payment_time)  # stable: datas keep their order
        return payments

    def _remember(self, after: datetime) -> None:
        """Cache the first funding time after ``after`` of all datas."""
        upcoming = [t for t in (entry.rates.next_time(after)
                                for entry in self._entries) if t is not None]
        self._after, self._after_num = after, date2num(after)
        self._next = min(upcoming) if upcoming else None
        self._next_num = date2num(self._next) if upcoming else math.inf


def _payment_time(payment: FundingPayment) -> datetime:
    return payment.dt


def _book(broker: Any, payment: FundingPayment) -> None:
    """Hand ``payment`` to the broker (see the module docstring)."""
    add = getattr(broker, 'add_funding', None)
    if add is not None:
        add(payment)
        return
    if not hasattr(broker, 'cash'):
        raise TypeError('FundingSchedule.apply: the broker needs an '
                        'add_funding(payment) method or a cash attribute')
    broker.cash += payment.amount
    history = getattr(broker, 'funding_history', None)
    if history is None:
        history = broker.funding_history = []
    history.append(payment)
