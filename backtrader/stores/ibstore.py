"""Interactive Brokers store (``IBStore``): upstream talks to TWS/IB
Gateway through IbPy2's ``ib`` module.

Without IbPy2 this module does not import (``ModuleNotFoundError`` for
``ib``), as upstream; ``bt.stores`` then has no ``IBStore``.  With it,
the class exists with upstream's params, but this build has no IB
adapter yet: creating an ``IBStore`` raises ``UnportedVenueError``.
"""
from __future__ import annotations

from ..store import Store
from ._unported import require_library, unported

require_library('ib', 'IbPy2', 'IBStore')

__all__ = ['IBStore']


class IBStore(Store):
    """Interactive Brokers store (not supported by this build yet).

    Params (as upstream): ``host`` ('127.0.0.1'), ``port`` (7496),
    ``clientId`` (None: random), ``notifyall`` (False), ``_debug`` (False),
    ``reconnect`` (3), ``timeout`` (3.0), ``timeoffset`` (True),
    ``timerefresh`` (60.0), ``indcash`` (True).
    """

    params = (
        ('host', '127.0.0.1'),
        ('port', 7496),
        ('clientId', None),
        ('notifyall', False),
        ('_debug', False),
        ('reconnect', 3),
        ('timeout', 3.0),
        ('timeoffset', True),
        ('timerefresh', 60.0),
        ('indcash', True),
    )

    def __init__(self) -> None:
        raise unported('IBStore', 'Interactive Brokers', 'ib')
