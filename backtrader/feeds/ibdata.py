"""Interactive Brokers data feed (``IBData``), upstream's live/historical
feed over ``IBStore``.

Without IbPy2 (the ``ib`` module) this module does not import, as
upstream; ``bt.feeds`` then has no ``IBData``.  With it, the class exists
with upstream's params, but creating an ``IBData`` raises
``UnportedVenueError``: this build has no IB adapter.
"""
from __future__ import annotations

from ..feed import DataBase
from ..stores._unported import require_library, unported

require_library('ib', 'IbPy2', 'IBData')

__all__ = ['IBData']


class IBData(DataBase):
    """Interactive Brokers data feed (not supported by this build yet).

    Params (besides the usual feed params; ``qcheck`` 0.5): ``sectype``
    ('STK'), ``exchange`` ('SMART'), ``currency`` (''), ``rtbar`` (False),
    ``historical`` (False), ``what`` (None), ``useRTH`` (False),
    ``backfill_start`` (True), ``backfill`` (True), ``backfill_from``
    (None), ``latethrough`` (False), ``tradename`` (None).
    """

    params = (
        ('qcheck', 0.5),
        ('sectype', 'STK'),
        ('exchange', 'SMART'),
        ('currency', ''),
        ('rtbar', False),
        ('historical', False),
        ('what', None),
        ('useRTH', False),
        ('backfill_start', True),
        ('backfill', True),
        ('backfill_from', None),
        ('latethrough', False),
        ('tradename', None),
    )

    def __init__(self) -> None:
        raise unported('IBData', 'Interactive Brokers', 'ib')
