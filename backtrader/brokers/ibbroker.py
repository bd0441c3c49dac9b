"""Interactive Brokers broker (``IBBroker``), upstream's broker over
``IBStore``.

Without IbPy2 (the ``ib`` module) this module does not import, as
upstream; ``bt.brokers`` then has no ``IBBroker``.  With it, creating an
``IBBroker`` raises ``UnportedVenueError``: this build has no IB adapter.
"""
from __future__ import annotations

from ..broker import BrokerBase
from ..stores._unported import require_library, unported

require_library('ib', 'IbPy2', 'IBBroker')

__all__ = ['IBBroker']


class IBBroker(BrokerBase):
    """Interactive Brokers broker (not supported by this build yet).

    Params: ``commission`` (as every broker's).
    """

    def __init__(self) -> None:
        raise unported('IBBroker', 'Interactive Brokers', 'ib')
