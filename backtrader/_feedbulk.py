"""Helpers that let feeds load a whole source in one go.

Preloading bar by bar costs a trip through ``load()`` per bar (move seven
lines, check stacks, convert, filter).  When a feed has no filters it can
instead hand over whole columns: the helpers here apply the date bounds the
way ``load()`` does and append the columns to the lines at once.

They also hold a fast replacement for ``datetime.strptime`` on the fixed
width numeric formats CSV files use; any string it is not sure about goes
to the real ``strptime``, so results and errors are the same.
"""
from __future__ import annotations

import array
import datetime
import re
import sys
from typing import Any, Callable, Optional

import numpy as np

__all__ = ['apply_bounds', 'fill_lines', 'make_strptime', 'float_column', 'row_loader',
           'read_columns', 'encode_datetimes', 'parse_fixed', 'pyround']

_NAN = float('nan')


def apply_bounds(dtcol: Any, fromdate: float, todate: float) -> Optional[np.ndarray]:
    """Selection of the bars ``load()`` would keep, or None for all.

    ``load()`` skips a bar before ``fromdate`` and stops at the first bar
    (not skipped) after ``todate``; NaN datetimes pass both tests.
    """
    dt = np.asarray(dtcol, dtype='d')
    if fromdate == float('-inf') and todate == float('inf'):
        return None
    before = dt < fromdate
    stops = np.flatnonzero(~before & (dt > todate))
    keep = ~before
    if stops.size:
        keep[stops[0]:] = False
    return keep


def _as_doubles(values: Any, keep: Optional[np.ndarray]) -> array.array:
    arr = np.asarray(values, dtype='d')
    if keep is not None:
        arr = arr[keep]
    out = array.array('d')
    out.frombytes(np.ascontiguousarray(arr).tobytes())
    return out


def fill_lines(data: Any, cols: dict, keep: Optional[np.ndarray]) -> int:
    """Append the selected rows of ``cols`` to the lines of ``data`` (lines
    without a column get NaN) and leave the feed on its last bar, as a
    ``while data.load(): pass`` loop would.  Returns the number of bars."""
    dtvals = _as_doubles(cols['datetime'], keep)
    size = len(dtvals)
    if not size:
        return 0
    names = data.getlinealiases()
    for index, line in enumerate(data.lines):
        name = names[index] if index < len(names) else None
        if name == 'datetime':
            values = dtvals
        elif name in cols:
            values = _as_doubles(cols[name], keep)
        else:
            values = None
        start = len(line.array)
        line.forward(size=size)
        if values is not None:
            line.array[start:start + size] = values
    return size


def row_loader(data: Any, cols: dict) -> Callable[[], bool]:
    """A replacement for ``data._load`` serving the rows of ``cols`` (as
    returned by ``data._bulkcolumns()``) one by one."""
    names = data.getlinealiases()
    rowcols = []
    for index, line in enumerate(data.lines):
        values = cols.get(names[index] if index < len(names) else None)
        if values is None:
            continue
        if not isinstance(values, (list, array.array)):
            # numpy: a compact copy whose items are plain floats
            packed = array.array('d')
            packed.frombytes(memoryview(np.ascontiguousarray(values, dtype='d')).cast('B'))
            values = packed
        rowcols.append((line, values))
    return _RowLoader(rowcols, len(cols['datetime']))


class _RowLoader:
    """Serves the next row into the lines on each call (an object, not a
    closure, so a feed holding it pickles: optimisation with several CPUs)."""

    def __init__(self, rowcols: list, count: int) -> None:
        self._rowcols = rowcols
        self._count = count
        self._position = 0

    def __call__(self) -> bool:
        i = self._position
        if i >= self._count:
            return False
        self._position = i + 1
        for line, values in self._rowcols:
            line[0] = values[i]
        return True


def float_column(tokens: Any, field: str, nullvalue: Any = None) -> array.array:
    """``float()`` of every token (the exact doubles per-line parsing gives).

    With ``nullvalue`` given, empty tokens take that value.  Raises
    ValueError on the first token that does not convert.
    """
    if nullvalue is None:
        return array.array('d', map(float, tokens))
    return array.array('d', [float(tok) if tok != '' else nullvalue for tok in tokens])


# --- strptime ------------------------------------------------------------------
# directive -> (regex, field name); only fixed width numeric directives
_DIRECTIVES = {
    'Y': (r'(\d{4})', 'year'),
    'y': (r'(\d{2})', 'year2'),
    'm': (r'(\d{2})', 'month'),
    'd': (r'(\d{2})', 'day'),
    'H': (r'(\d{2})', 'hour'),
    'M': (r'(\d{2})', 'minute'),
    'S': (r'(\d{2})', 'second'),
    'f': (r'(\d{1,6})', 'usec'),
}
_LITERALS = set('-/:T._ ,')


def _compile(fmt: str) -> Optional[tuple]:
    """Regex and field order for ``fmt``, or None if it has directives or
    characters the fast path does not handle."""
    pattern, fields = [], []
    i = 0
    while i < len(fmt):
        char = fmt[i]
        if char == '%':
            if i + 1 >= len(fmt) or fmt[i + 1] not in _DIRECTIVES:
                return None
            regex, field = _DIRECTIVES[fmt[i + 1]]
            if field in fields:
                return None
            pattern.append(regex)
            fields.append(field)
            i += 2
            continue
        if char not in _LITERALS:
            return None
        pattern.append(re.escape(char))
        i += 1
    if not ({'year', 'year2'} & set(fields)) or 'month' not in fields or 'day' not in fields:
        return None
    return re.compile(''.join(pattern) + r'\Z'), tuple(fields)


class _DateParser:
    """The parser ``make_strptime`` builds, picklable by its format (feeds
    travel to the worker processes of an optimisation)."""

    __slots__ = ('fmt', 'parse')

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self.parse = _build_parser(fmt)

    def __call__(self, text: str) -> datetime.datetime:
        return self.parse(text)

    def __reduce__(self):
        return (_DateParser, (self.fmt,))


def make_strptime(fmt: str) -> Callable[[str], datetime.datetime]:
    """A callable equal to ``lambda s: datetime.strptime(s, fmt)``, faster
    for zero padded numeric formats such as ``%Y-%m-%d %H:%M:%S``."""
    return _DateParser(fmt)


def _build_parser(fmt: str) -> Callable[[str], datetime.datetime]:
    strptime = datetime.datetime.strptime
    compiled = _compile(fmt)
    if compiled is None:
        return lambda text: strptime(text, fmt)
    regex, fields = compiled
    match = regex.match
    _datetime = datetime.datetime
    pos = {field: i for i, field in enumerate(fields)}
    iyear, twodigit = (pos['year'], False) if 'year' in pos else (pos['year2'], True)
    imonth, iday = pos['month'], pos['day']
    ihour, iminute = pos.get('hour'), pos.get('minute')
    isecond, iusec = pos.get('second'), pos.get('usec')

    def parse(text: str) -> datetime.datetime:
        found = match(text)
        if found is None:
            return strptime(text, fmt)
        g = found.groups()
        year = int(g[iyear])
        if twodigit:
            year += 2000 if year <= 68 else 1900
        try:
            return _datetime(
                year, int(g[imonth]), int(g[iday]),
                int(g[ihour]) if ihour is not None else 0,
                int(g[iminute]) if iminute is not None else 0,
                int(g[isecond]) if isecond is not None else 0,
                int(g[iusec].ljust(6, '0')) if iusec is not None else 0)
        except ValueError:
            return strptime(text, fmt)  # same error as strptime's

    return parse


# --- whole tables ---------------------------------------------------------------
# below this many lines pandas is only used if something imported it already
_PANDAS_IMPORT_ROWS = 100000


def _pandas_floats(lines: list, sep: str, ncols: int, strcols: set) -> Optional[list]:
    """Columns parsed by pandas' C reader (floats exactly as ``float()``
    reads them), or None when pandas is missing or reads the text in any
    way ``str.split``/``float`` would not."""
    pd = sys.modules.get('pandas')
    if pd is None:
        if len(lines) < _PANDAS_IMPORT_ROWS:
            return None  # importing pandas would cost more than it saves
        try:
            import pandas as pd
        except ImportError:
            return None
    text = '\n'.join(lines)
    lowered = text.lower()
    if len(sep) != 1 or '"' in text or 'true' in lowered or 'false' in lowered:
        return None  # quoting and booleans: pandas would read them differently
    import csv
    import io
    import warnings
    options: dict = {}
    if int(pd.__version__.split('.')[0]) < 3:
        options['float_precision'] = 'round_trip'  # correctly rounded, as float()
    dtypes = {i: (object if i in strcols else 'float64') for i in range(ncols)}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            frame = pd.read_csv(io.StringIO(text), sep=sep, header=None,
                                names=list(range(ncols)), dtype=dtypes, na_filter=False,
                                engine='c', quoting=csv.QUOTE_NONE, skip_blank_lines=False,
                                **options)
    except (ValueError, TypeError, OverflowError):  # ParserError is a ValueError
        return None
    if len(frame) != len(lines):
        return None
    return [frame[i].tolist() if i in strcols else frame[i].to_numpy(dtype='d')
            for i in range(ncols)]


def read_columns(lines: list, sep: str, strcols: set, nullvalue: Any = None) -> Optional[list]:
    """Split ``lines`` (no blank ones) into columns: lists of str for the
    indices in ``strcols``, float arrays for the others (empty fields take
    ``nullvalue`` when given).  None if the lines do not all have the same
    number of fields or a number does not convert (the caller then parses
    line by line, which reports the error precisely)."""
    if not lines:
        return None
    nseps = lines[0].count(sep)
    if any(line.count(sep) != nseps for line in lines):
        return None
    ncols = nseps + 1
    cols = _pandas_floats(lines, sep, ncols, strcols)  # fails on empty fields
    if cols is not None:
        return cols
    tokens = sep.join(lines).split(sep)
    out: list = []
    try:
        for i in range(ncols):
            column = tokens[i::ncols]
            if i in strcols:
                out.append(column)
            else:
                out.append(np.frombuffer(float_column(column, str(i), nullvalue), dtype='d'))
    except ValueError:
        return None
    return out


def encode_datetimes(ordinals: Any, usecs: Any) -> np.ndarray:
    """``date2num`` of the datetimes given as day ordinals and microseconds
    into the day, for whole arrays.

    date2num rounds the exact sum ``ordinal + h/24 + m/1440 + s/86400 +
    us/86400e6`` once.  The sum is formed here with error-free additions;
    the tiny rest decides whether the rounded result moves by one unit.
    The few values too close to a rounding tie for that argument to be
    certain go through ``date2num`` itself.
    """
    ordinals = np.asarray(ordinals, dtype=np.int64)
    usecs = np.asarray(usecs, dtype=np.int64)
    if len(ordinals) <= _CHUNK:
        return _encode_chunk(ordinals, usecs)
    out = np.empty(len(ordinals))
    for start in range(0, len(ordinals), _CHUNK):  # bounded temporaries
        stop = start + _CHUNK
        out[start:stop] = _encode_chunk(ordinals[start:stop], usecs[start:stop])
    return out


_CHUNK = 1 << 16


def _encode_chunk(ordinals: np.ndarray, usecs: np.ndarray) -> np.ndarray:
    from .utils.date import date2num
    hours, rest = np.divmod(usecs, 3600000000)
    minutes, rest = np.divmod(rest, 60000000)
    seconds, micros = np.divmod(rest, 1000000)
    terms = [hours / 24.0, minutes / 1440.0, seconds / 86400.0, micros / 86400000000.0]
    frac, err = terms[0], np.zeros(len(ordinals))
    for term in terms[1:]:
        total = frac + term
        virt = total - frac
        err += (frac - (total - virt)) + (term - virt)  # two-sum error
        frac = total
    base = ordinals.astype('d')
    result = base + frac
    virt = result - base
    rest = (base - (result - virt)) + (frac - virt) + err
    up = np.nextafter(result, np.inf)
    down = np.nextafter(result, -np.inf)
    halfup, halfdown = (up - result) / 2, (result - down) / 2
    result = np.where(rest > halfup, up, np.where(rest < -halfdown, down, result))
    near = (np.abs(np.abs(rest) - halfup) < halfup * 1e-6) | \
        (np.abs(np.abs(rest) - halfdown) < halfdown * 1e-6)
    for i in np.flatnonzero(near):
        day = datetime.date.fromordinal(int(ordinals[i]))
        stamp = datetime.datetime(day.year, day.month, day.day) + \
            datetime.timedelta(microseconds=int(usecs[i]))
        result[i] = date2num(stamp)
    return result


def time_usecs(tm: datetime.time) -> int:
    """Microseconds into the day of a (naive) time."""
    return ((tm.hour * 60 + tm.minute) * 60 + tm.second) * 1000000 + tm.microsecond


_WIDTHS = {'Y': 4, 'y': 2, 'm': 2, 'd': 2, 'H': 2, 'M': 2, 'S': 2}


def _layout(fmt: str, width: int) -> Optional[list]:
    """[(directive or None for a literal, start, width, literal char)] of
    a fixed width format for texts of ``width`` characters."""
    if _compile(fmt) is None:
        return None
    out, pos, i = [], 0, 0
    while i < len(fmt):
        if fmt[i] == '%':
            code = fmt[i + 1]
            size = _WIDTHS.get(code)
            if size is None:  # %f: the rest of the text, 1 to 6 digits
                if i + 2 != len(fmt) or not 1 <= width - pos <= 6:
                    return None
                size = width - pos
            out.append((code, pos, size, ''))
            pos += size
            i += 2
        else:
            out.append((None, pos, 1, fmt[i]))
            pos += 1
            i += 1
    return out if pos == width else None


def parse_fixed(texts: list, fmt: str) -> Optional[tuple]:
    """(day ordinals, microseconds into the day) of ``texts`` parsed with the
    zero padded numeric format ``fmt``, all at once; None unless every text
    has the exact layout and a valid date and time (``strptime`` then
    handles or reports them one by one)."""
    if not texts:
        return None
    width = len(texts[0])
    layout = _layout(fmt, width)
    if layout is None or any(len(text) != width for text in texts):
        return None
    chars = np.array(texts, dtype='U%d' % width).view(np.uint32).reshape(len(texts), width)
    fields = {}
    for code, start, size, literal in layout:
        block = chars[:, start:start + size]
        if code is None:
            if not (block == ord(literal)).all():
                return None
            continue
        digits = block.astype(np.int64) - 48
        if ((digits < 0) | (digits > 9)).any():
            return None
        value = digits @ (10 ** np.arange(size - 1, -1, -1, dtype=np.int64))
        if code == 'f':
            value = value * 10 ** (6 - size)
        fields[code] = value
    return _to_ordinals(fields, len(texts))


def _to_ordinals(fields: dict, count: int) -> Optional[tuple]:
    zeros = np.zeros(count, dtype=np.int64)
    if 'Y' in fields:
        years = fields['Y']
    else:
        years = fields['y'] + np.where(fields['y'] <= 68, 2000, 1900)
    months, days = fields['m'], fields['d']
    hours, minutes = fields.get('H', zeros), fields.get('M', zeros)
    seconds, micros = fields.get('S', zeros), fields.get('f', zeros)
    if ((years < 1) | (months < 1) | (months > 12) | (days < 1) | (hours > 23)
            | (minutes > 59) | (seconds > 59)).any():
        return None
    month_start = (years - 1970).astype('M8[Y]').astype('M8[M]') + (months - 1)
    stamp = month_start.astype('M8[D]') + (days - 1)
    if (stamp.astype('M8[M]') != month_start).any():
        return None  # day past the end of its month
    ordinals = stamp.astype(np.int64) + 719163  # date(1970, 1, 1).toordinal()
    usecs = ((hours * 60 + minutes) * 60 + seconds) * 1000000 + micros
    return ordinals, usecs


def pyround(values: Any, ndigits: int) -> list:
    """``[round(x, ndigits) for x in values]``, vectorised.

    Python rounds the exact binary value to ``ndigits`` decimals and reads
    the decimal back; ``rint(x * 10**n) / 10**n`` gives the same double
    unless ``x * 10**n`` lies within a few units of a half (where the
    product's rounding could flip the decision): those few use ``round``.
    """
    arr = np.asarray(values, dtype='d')
    if not isinstance(ndigits, int) or not 0 <= ndigits <= 15 or not len(arr):
        return [round(x, ndigits) for x in arr.tolist()]
    scale = 10.0 ** ndigits
    with np.errstate(all='ignore'):
        scaled = arr * scale
        whole = np.rint(scaled)
        out = whole / scale
        frac = np.abs(scaled - np.trunc(scaled))
        unsure = (np.abs(frac - 0.5) <= 4 * np.spacing(np.abs(scaled))) | \
            ~np.isfinite(scaled) | (np.abs(scaled) >= 2.0 ** 52)
    result = out.tolist()
    for i in np.flatnonzero(unsure).tolist():
        result[i] = round(float(arr[i]), ndigits)
    return result


def parse_days(texts: list) -> Optional[list]:
    """Day ordinals of 'YYYY-MM-DD' texts, or None if any is different."""
    parsed = parse_fixed(texts, '%Y-%m-%d')
    return None if parsed is None else parsed[0].tolist()
