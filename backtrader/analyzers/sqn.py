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
        if self.count > 1:
            pnl_av = average(self.pnl)
            pnl_stddev = standarddev(self.pnl)
            try:
                sqn = math.sqrt(len(self.pnl)) * pnl_av / pnl_stddev
            except ZeroDivisionError:
                sqn = None
        else:
            sqn = 0
        self.rets.sqn = sqn
        self.rets.trades = self.count
