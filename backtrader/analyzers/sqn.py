"""Van Tharp's System Quality Number."""
from __future__ import annotations

import math
from typing import Any

from ..analyzer import Analyzer
from ..mathsupport import average, standarddev
from ..utils.autodict import AutoOrderedDict

__all__ = ['SQN']


class SQN(Analyzer):
    """System Quality Number: sqrt(number of trades) * average net profit of
    the closed trades / their standard deviation.

    ``get_analysis()`` (AutoOrderedDict): ``sqn`` (0 with fewer than two
    closed trades, None when all profits are equal) and ``trades`` (closed
    trades counted).
    """

    alias = ('SystemQualityNumber',)

    def create_analysis(self) -> None:
        self.rets = AutoOrderedDict()
        self.rets.sqn = 0.0
        self.rets.trades = 0

    def start(self) -> None:
        super().start()
        self.pnl = []
        self.count = 0

    def notify_trade(self, trade: Any) -> None:
        if trade.status == trade.Closed:
            self.pnl.append(trade.pnlcomm)
            self.count += 1

    def stop(self) -> None:
        # a single trade has no spread: the number is defined as 0 then
        closed = self.count
        self.rets.sqn = _quality(self.pnl) if closed > 1 else 0
        self.rets.trades = closed


def _quality(profits: list) -> float | None:
    """sqrt(n) * mean / stddev of ``profits``; None if they are all equal."""
    spread = standarddev(profits)
    if spread == 0.0:
        return None
    return math.sqrt(len(profits)) * average(profits) / spread
