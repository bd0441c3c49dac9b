"""Sizers: decide how many units a strategy's ``buy``/``sell`` uses when the
call gives no size.

The strategy attaches itself and its broker with ``set`` and calls
``getsizing(data, isbuy)``; subclasses implement ``_getsizing`` and get the
commission scheme and available cash handed in.
"""
from __future__ import annotations

from typing import Any

from .metabase import MetaParams

__all__ = ['Sizer', 'SizerBase']


class Sizer(metaclass=MetaParams):
    """Base class of sizers.

    Attributes set by the strategy: ``strategy`` (the strategy using the
    sizer) and ``broker`` (the broker it trades with).
    """

    strategy = None
    broker = None

    def getsizing(self, data: Any, isbuy: bool) -> Any:
        """Size for an order on ``data`` (``isbuy`` tells the direction)."""
        broker = self.broker
        comminfo = broker.getcommissioninfo(data)
        return self._getsizing(comminfo, broker.getcash(), data, isbuy)

    def _getsizing(self, comminfo: Any, cash: float, data: Any,
                   isbuy: bool) -> Any:
        """Override: return the size (positive) for the order.

        ``comminfo`` is the data's commission scheme (``getsize`` tells how
        many units cash buys) and ``cash`` the broker's current cash.
        """
        raise NotImplementedError

    def set(self, strategy: Any, broker: Any) -> None:
        self.strategy = strategy
        self.broker = broker


SizerBase = Sizer  # historic name
