"""MetaTrader 4 history exports (``Tools -> History Center -> Export``).

Columns: ``date,time,open,high,low,close,volume`` with the date as
``YYYY.MM.DD`` and the time as ``HH:MM``; there is no open interest.  As
for every CSV feed the first line is skipped as a header unless
``headers=False`` (MT4 writes none, so pass ``headers=False`` to keep the
first bar).  The layout is a set of :class:`GenericCSVData` parameters.
"""
from __future__ import annotations

from .csvgeneric import GenericCSVData

__all__ = ['MT4CSVData']


class MT4CSVData(GenericCSVData):
    """A :class:`GenericCSVData` preset for MetaTrader 4 CSV exports."""

    params = (
        ('dtformat', '%Y.%m.%d'), ('tmformat', '%H:%M'),
        ('datetime', 0), ('time', 1),
        ('open', 2), ('high', 3), ('low', 4), ('close', 5), ('volume', 6),
        ('openinterest', -1),
    )
