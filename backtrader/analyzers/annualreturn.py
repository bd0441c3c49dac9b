"""Simple return of the portfolio per calendar year."""
from __future__ import annotations

from collections import OrderedDict
from typing import Any

from ..analyzer import Analyzer

__all__ = ['AnnualReturn']


class AnnualReturn(Analyzer):
    """Return of each calendar year, computed at the end of the run from the
    strategy's ``broker`` observer (the standard observers must be on).

    A year's return is its last value over the previous year's last value
    (the first value of the run for the first year), minus one.

    ``get_analysis()``: OrderedDict year (int) -> return.  ``self.rets`` is
    the list of the returns in year order.
    """

    def create_analysis(self) -> None:
        super().create_analysis()
        self.ret = OrderedDict()

    def stop(self) -> None:
        values = self.strategy.stats.broker.value
        dtline = self.data.datetime
        self.rets: Any = []
        self.ret = OrderedDict()
        cur_year = -1
        value_start = value_end = 0.0
        for ago in range(1 - len(self.data), 1):
            year = dtline.date(ago).year
            value_cur = values[ago]
            if year > cur_year:
                if cur_year >= 0:
                    self._close_year(cur_year, value_start, value_end)
                    value_start = value_end
                else:
                    value_start = value_cur
                cur_year = year
            value_end = value_cur
        if cur_year not in self.ret:
            self._close_year(cur_year, value_start, value_end)

    def _close_year(self, year: int, value_start: float, value_end: float) -> None:
        annualret = (value_end / value_start) - 1.0
        self.rets.append(annualret)
        self.ret[year] = annualret

    def get_analysis(self) -> Any:
        return self.ret
