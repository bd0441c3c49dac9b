"""``InfluxDB``: bars aggregated from an InfluxDB (1.x) measurement.

Needs the ``influxdb`` client library (``pip install influxdb``): creating
the feed without it raises ModuleNotFoundError naming the library, as
upstream does.  At start the feed runs one query, averaging the fields
named by the params over buckets of ``compression`` x ``timeframe``
(``TIMEFRAMES`` gives InfluxDB's unit letter; others default to days)::

    SELECT mean("open_p") AS "open", ... FROM "<dataname>"
    WHERE time >= '<startdate>' (or: time <= now())
    GROUP BY time(<compression><unit>) fill(none)

and serves the returned points as bars.  As upstream, the open interest
is queried but not stored (the line stays NaN).  A failing query raises
ConnectionError naming the server, the database and the cause (upstream
prints a message and then fails on an unbound variable).
"""
from __future__ import annotations

import datetime
from typing import Any, Iterator

from .. import feed
from ..dataseries import TimeFrame
from ..errors import DataError
from ..utils.date import date2num

__all__ = ['InfluxDB', 'TIMEFRAMES']

#: timeframe -> unit letter of InfluxDB's GROUP BY time()
TIMEFRAMES = {
    TimeFrame.Seconds: 's',
    TimeFrame.Minutes: 'm',
    TimeFrame.Days: 'd',
    TimeFrame.Weeks: 'w',
    TimeFrame.Months: 'm',
    TimeFrame.Years: 'y',
}

_TIMEFORMAT = '%Y-%m-%dT%H:%M:%SZ'
_BARFIELDS = ('open', 'high', 'low', 'close', 'volume')


def _client_module() -> Any:
    """The ``influxdb`` module, or ModuleNotFoundError saying what to do."""
    try:
        import influxdb
    except ModuleNotFoundError as exc:
        if exc.name != 'influxdb':
            raise
        raise ModuleNotFoundError(
            "The InfluxDB feed needs the 'influxdb' library, which is not "
            "installed (pip install influxdb)", name='influxdb') from exc
    return influxdb


def _query_errors(module: Any) -> tuple:
    """The exception classes a failed query or connection raises."""
    errors: list = [OSError]
    excmod = getattr(module, 'exceptions', None)
    for name in ('InfluxDBClientError', 'InfluxDBServerError'):
        cls = getattr(excmod, name, None)
        if isinstance(cls, type) and issubclass(cls, BaseException):
            errors.append(cls)
    return tuple(errors)


class InfluxDB(feed.DataBase):
    """Bars from an InfluxDB measurement (``dataname``).

    Params: ``host`` ('127.0.0.1'), ``port`` ('8086'), ``username``,
    ``password``, ``database`` (None), ``startdate`` (None: all up to now);
    the field names: ``high`` ('high_p'), ``low`` ('low_p'), ``open``
    ('open_p'), ``close`` ('close_p'), ``volume`` ('volume'), ``ointerest``
    ('oi').
    """

    # the server, then the field holding each bar value (upstream's order)
    params = dict(host='127.0.0.1', port='8086', username=None, password=None,
                  database=None, startdate=None,
                  high='high_p', low='low_p', open='open_p', close='close_p',
                  volume='volume', ointerest='oi')

    _points: Iterator = iter(())

    def __init__(self) -> None:
        _client_module()  # fail early, naming the missing library

    def _query(self) -> str:
        p = self.p
        unit = TIMEFRAMES.get(p.timeframe, 'd')
        if p.startdate:
            where = "time >= '%s'" % p.startdate
        else:
            where = 'time <= now()'
        return ('SELECT mean("%s") AS "open", mean("%s") AS "high", mean("%s") AS "low", '
                'mean("%s") AS "close", mean("%s") AS "volume", '
                'mean("%s") AS "openinterest" FROM "%s" WHERE %s '
                'GROUP BY time(%d%s) fill(none)'
                % (p.open, p.high, p.low, p.close, p.volume, p.ointerest,
                   p.dataname, where, p.compression, unit))

    def start(self) -> None:
        super().start()
        p = self.p
        module = _client_module()
        try:
            client = module.InfluxDBClient(p.host, p.port, p.username, p.password,
                                           p.database)
            points = list(client.query(self._query()).get_points())
        except _query_errors(module) as exc:
            raise ConnectionError('InfluxDB query of %r on %s:%s (database %r) failed: %s'
                                  % (p.dataname, p.host, p.port, p.database, exc)) from exc
        self._points = iter(points)
        self._row = 0

    def _load(self) -> bool:
        point = next(self._points, None)
        if point is None:
            return False
        self._row += 1
        lines = self.lines
        lines.datetime[0] = date2num(self._stamp(point))
        for name in _BARFIELDS:
            value = point.get(name)
            try:
                getattr(lines, name)[0] = float(value)
            except (TypeError, ValueError):
                raise DataError("InfluxDB %r point %d, field '%s': %r is not a number"
                                % (self.p.dataname, self._row, name, value)) from None
        return True

    def _stamp(self, point: dict) -> datetime.datetime:
        text = point.get('time')
        try:
            return datetime.datetime.strptime(text, _TIMEFORMAT)
        except (TypeError, ValueError):
            raise DataError("InfluxDB %r point %d, field 'time': %r is not a time like "
                            "2020-01-31T00:00:00Z" % (self.p.dataname, self._row, text)) from None
