"""Sizers returning a fixed stake (optionally in tranches)."""
from __future__ import annotations

from typing import Any

from ..sizer import Sizer

__all__ = ['FixedSize', 'SizerFix', 'FixedReverser', 'FixedSizeTarget']


def _tranche(stake: Any, tranches: Any) -> int:
    """Size of one tranche of ``stake``."""
    return abs(int(stake / tranches))


class FixedSize(Sizer):
    """Always the same size, or one tranche of it.

    Params:
      - ``stake`` (default ``1``): the size
      - ``tranches`` (default ``1``): when above 1, each order uses
        ``stake / tranches`` (truncated) units
    """

    params = (('stake', 1), ('tranches', 1))

    def _getsizing(self, comminfo: Any, cash: float, data: Any,
                   isbuy: bool) -> Any:
        if self.p.tranches > 1:
            return _tranche(self.p.stake, self.p.tranches)
        return self.p.stake

    def setsizing(self, stake: Any) -> None:
        """Change the stake (with tranches: shrink it to one tranche)."""
        if self.p.tranches > 1:
            self.p.stake = _tranche(self.p.stake, self.p.tranches)
        else:
            self.p.stake = stake


SizerFix = FixedSize  # historic name


class FixedReverser(Sizer):
    """``stake`` to open a position, twice ``stake`` when one is open (so a
    single order reverses it).

    Params:
      - ``stake`` (default ``1``)
    """

    params = (('stake', 1),)

    def _getsizing(self, comminfo: Any, cash: float, data: Any,
                   isbuy: bool) -> Any:
        position = self.strategy.getposition(data)
        return self.p.stake * (1 + (position.size != 0))


class FixedSizeTarget(Sizer):
    """Build up to ``stake`` in tranches: each order adds one tranche but the
    resulting position never exceeds ``stake``.

    Params:
      - ``stake`` (default ``1``): target size
      - ``tranches`` (default ``1``): number of steps to reach the target
    """

    params = (('stake', 1), ('tranches', 1))

    def _getsizing(self, comminfo: Any, cash: float, data: Any,
                   isbuy: bool) -> Any:
        if self.p.tranches > 1:
            step = _tranche(self.p.stake, self.p.tranches)
            return min((self.strategy.position.size + step), self.p.stake)
        return self.p.stake

    def setsizing(self, stake: Any) -> None:
        if self.p.tranches > 1:
            step = _tranche(self.p.stake, self.p.tranches)
            self.p.stake = min((self.strategy.position.size + step),
                               self.p.stake)
        else:
            self.p.stake = stake
