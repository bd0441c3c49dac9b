"""Oanda data feed (``OandaData``), upstream's live/historical feed over
``OandaStore``.

Without ``oandapy`` this module does not import, as upstream;
``bt.feeds`` then has no ``OandaData``.  With it, the class exists with
upstream's params, but creating an ``OandaData`` raises
``UnportedVenueError``: this build has no Oanda adapter.
"""
from __future__ import annotations

from ..feed import DataBase
from ..stores._unported import require_library, unported

require_library('oandapy', 'oandapy', 'OandaData')

__all__ = ['OandaData']


class OandaData(DataBase):
    """Oanda data feed (not supported by this build yet).

    Params (besides the usual feed params; ``qcheck`` 0.5): ``historical``
    (False), ``backfill_start`` (True), ``backfill`` (True),
    ``backfill_from`` (None), ``bidask`` (True), ``useask`` (False),
    ``includeFirst`` (True), ``reconnect`` (True), ``reconnections`` (-1),
    ``reconntimeout`` (5.0).
    """

    params = (
        ('qcheck', 0.5),
        ('historical', False),
        ('backfill_start', True),
        ('backfill', True),
        ('backfill_from', None),
        ('bidask', True),
        ('useask', False),
        ('includeFirst', True),
        ('reconnect', True),
        ('reconnections', -1),
        ('reconntimeout', 5.0),
    )

    def __init__(self) -> None:
        raise unported('OandaData', 'Oanda', 'oandapy')
