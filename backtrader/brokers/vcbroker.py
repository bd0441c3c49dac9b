"""VisualChart broker (``VCBroker``): upstream routes orders to the
VisualChart terminal (Windows only) through ``comtypes``.

The module imports everywhere, as upstream, so ``bt.brokers.VCBroker``
exists; making one needs the COM bridge: without ``comtypes`` it raises
``ModuleNotFoundError`` naming it, with ``comtypes`` it raises
``UnportedVenueError`` (this build has no VisualChart adapter).
``VCCommInfo`` works anywhere.
"""
from __future__ import annotations

from ..broker import BrokerBase, MetaBroker
from ..comminfo import CommInfoBase
from ..stores._unported import library_importable, unported
from ..stores.vcstore import VCStore, comtypes_missing

__all__ = ['VCBroker', 'VCCommInfo', 'MetaVCBroker']


class VCCommInfo(CommInfoBase):
    """VisualChart's accounting: an operation costs, and a position is
    worth, its size times the price, whatever the margin or multiplier."""

    def getvaluesize(self, size: float, price: float) -> float:
        return abs(size) * price

    def getoperationcost(self, size: float, price: float) -> float:
        return abs(size) * price


class MetaVCBroker(MetaBroker):
    """Makes the first class built with it the broker ``VCStore`` hands out."""

    def __init__(cls, name, bases, dct):
        super().__init__(name, bases, dct)
        if VCStore.BrokerCls is None:
            VCStore.BrokerCls = cls


class VCBroker(BrokerBase, metaclass=MetaVCBroker):
    """Broker of the VisualChart terminal (needs Windows and comtypes).

    Params: ``commission`` (None: VisualChart's own), ``account`` (None:
    the first account of the terminal).
    """

    params = (
        ('commission', None),
        ('account', None),
    )

    def __init__(self) -> None:
        if not library_importable('comtypes'):
            raise comtypes_missing('VCBroker')
        raise unported('VCBroker', 'VisualChart', 'comtypes')
