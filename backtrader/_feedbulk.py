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
from typing import Any, Callable, Optional

import numpy as np

__all__ = ['apply_bounds', 'fill_lines', 'make_strptime', 'float_column']

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


def make_strptime(fmt: str) -> Callable[[str], datetime.datetime]:
    """A function equal to ``lambda s: datetime.strptime(s, fmt)``, faster
    for zero padded numeric formats such as ``%Y-%m-%d %H:%M:%S``."""
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
