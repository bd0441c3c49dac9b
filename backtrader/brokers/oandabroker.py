"""Oanda broker (``OandaBroker``), upstream's broker over ``OandaStore``.

Without ``oandapy`` this module does not import, as upstream;
``bt.brokers`` then has no ``OandaBroker``.  With it, creating an
``OandaBroker`` raises ``UnportedVenueError``: this build has no Oanda
adapter.
"""
from __future__ import annotations

from ..broker import BrokerBase
from ..stores._unported import require_library, unported

require_library('oandapy', 'oandapy', 'OandaBroker')

__all__ = ['OandaBroker']


class OandaBroker(BrokerBase):
    """Oanda broker (not supported by this build yet).

    Params: ``commission`` (upstream: an Oanda commission scheme),
    ``use_positions`` (True).
    """

    params = (
        ('use_positions', True),
    )

    def __init__(self) -> None:
        raise unported('OandaBroker', 'Oanda', 'oandapy')
