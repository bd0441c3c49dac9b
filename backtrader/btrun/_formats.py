"""The data formats and timeframe names ``btrun`` accepts.

Feed classes are imported only when a format is used: several feed modules
are optional (or platform specific, like Visual Chart), and ``btrun`` must
work with whichever of them this installation has.
"""
from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

from ..dataseries import TimeFrame

#: format name -> (module under backtrader.feeds, class name); upstream's order
_FORMAT_TABLE: dict[str, tuple[str, str]] = {
    'btcsv': ('btcsv', 'BacktraderCSVData'),
    'vchartcsv': ('vchartcsv', 'VChartCSVData'),
    'vcfile': ('vchartfile', 'VChartFile'),
    'sierracsv': ('sierrachart', 'SierraChartCSVData'),
    'mt4csv': ('mt4csv', 'MT4CSVData'),
    'yahoocsv': ('yahoo', 'YahooFinanceCSVData'),
    'yahoocsv_unreversed': ('yahoo', 'YahooFinanceCSVData'),
    'yahoo': ('yahoo', 'YahooFinanceData'),
    'vcdata': ('vcdata', 'VCData'),
}

#: formats whose ``dataname`` is not a local file (a ticker, a symbol)
REMOTE_FORMATS = frozenset({'yahoo', 'vcdata'})

#: ``--timeframe`` / ``--resample`` names -> bt.TimeFrame values
TIMEFRAMES: dict[str, int] = {
    'microseconds': TimeFrame.MicroSeconds,
    'seconds': TimeFrame.Seconds,
    'minutes': TimeFrame.Minutes,
    'days': TimeFrame.Days,
    'weeks': TimeFrame.Weeks,
    'months': TimeFrame.Months,
    'years': TimeFrame.Years,
}


class FormatUnavailable(LookupError):
    """A known format whose feed module is not installed/importable."""


class _LazyFormats(Mapping):
    """``DATAFORMATS``: reads like upstream's dict of format -> feed class,
    but imports a feed module on first access to its format."""

    def __getitem__(self, name: str) -> type:
        modname, clsname = _FORMAT_TABLE[name]
        fullname = 'backtrader.feeds.' + modname
        try:
            module = importlib.import_module(fullname)
        except ImportError as exc:
            raise FormatUnavailable(
                'data format %r needs %s, which cannot be imported here (%s)'
                % (name, fullname, exc)) from exc
        try:
            return getattr(module, clsname)
        except AttributeError as exc:
            raise FormatUnavailable('data format %r: %s has no class %s'
                                    % (name, fullname, clsname)) from exc

    def __iter__(self) -> Iterator[str]:
        return iter(_FORMAT_TABLE)

    def __len__(self) -> int:
        return len(_FORMAT_TABLE)

    def __repr__(self) -> str:
        return '{%s}' % ', '.join('%r: backtrader.feeds.%s.%s' % (k, m, c)
                                  for k, (m, c) in _FORMAT_TABLE.items())


DATAFORMATS = _LazyFormats()
