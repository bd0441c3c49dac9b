"""Sizers spending a percentage of the available cash."""
from __future__ import annotations

from typing import Any

from ..sizer import Sizer

__all__ = ['PercentSizer', 'AllInSizer', 'PercentSizerInt', 'AllInSizerInt']


class PercentSizer(Sizer):
    """Spend ``percents`` of the cash at the current close; with a position
    open, return its size (so the order closes it).

    Params:
      - ``percents`` (default ``20``): percentage of cash to use
      - ``retint`` (default ``False``): truncate the size to an int
    """

    params = (('percents', 20), ('retint', False))

    def _getsizing(self, comminfo: Any, cash: float, data: Any,
                   isbuy: bool) -> Any:
        position = self.broker.getposition(data)
        if position:
            size = position.size
        else:
            size = cash / data.close[0] * (self.p.percents / 100)
        if self.p.retint:
            size = int(size)
        return size


class AllInSizer(PercentSizer):
    """``PercentSizer`` using all the cash."""

    params = (('percents', 100),)


class PercentSizerInt(PercentSizer):
    """``PercentSizer`` returning whole units."""

    params = (('retint', True),)


class AllInSizerInt(PercentSizerInt):
    """``PercentSizerInt`` using all the cash."""

    params = (('percents', 100),)
