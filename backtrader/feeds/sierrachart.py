"""SierraChart daily CSV exports.

Columns: ``date,open,high,low,close,volume,openinterest`` with the date as
``YYYY/MM/DD``; the bars are stamped with the end of the session.  The
layout is a set of :class:`GenericCSVData` parameters.
"""
from __future__ import annotations

from .csvgeneric import GenericCSVData

__all__ = ['SierraChartCSVData']


class SierraChartCSVData(GenericCSVData):
    """A :class:`GenericCSVData` preset for SierraChart CSV exports."""

    params = (('dtformat', '%Y/%m/%d'),)
