"""Oanda store (``OandaStore``): upstream talks to Oanda's v1 REST and
streaming API through the ``oandapy`` module.

Without ``oandapy`` this module does not import (``ModuleNotFoundError``
for ``oandapy``), as upstream; ``bt.stores`` then has no ``OandaStore``.
With it, the class exists with upstream's params, but this build has no
Oanda adapter yet: creating an ``OandaStore`` raises
``UnportedVenueError``.
"""
from __future__ import annotations

from ..store import Store
from ._unported import require_library, unported

require_library('oandapy', 'oandapy', 'OandaStore')

__all__ = ['OandaStore']


class OandaStore(Store):
    """Oanda store (not supported by this build yet).

    Params (as upstream): ``token`` (''), ``account`` (''), ``practice``
    (False), ``account_tmout`` (10.0).
    """

    params = (
        ('token', ''),
        ('account', ''),
        ('practice', False),
        ('account_tmout', 10.0),
    )

    def __init__(self) -> None:
        raise unported('OandaStore', 'Oanda', 'oandapy')
