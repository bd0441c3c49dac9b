"""Collects what the pyfolio library needs: returns, positions,
transactions and gross leverage."""
from __future__ import annotations

from typing import Any

from ..analyzer import Analyzer
from ..dataseries import TimeFrame
from .leverage import GrossLeverage
from .positions import PositionsValue
from .timereturn import TimeReturn
from .transactions import Transactions

__all__ = ['PyFolio']


def _utc_frame(records: list, columns: list) -> Any:
    """A DataFrame indexed (in UTC) by the first column of ``records``."""
    import pandas
    frame = pandas.DataFrame.from_records(records, index=columns[0],
                                          columns=columns)
    frame.index = pandas.to_datetime(frame.index)
    frame.index = frame.index.tz_localize('UTC')
    return frame


class PyFolio(Analyzer):
    """Runs TimeReturn, PositionsValue, Transactions and GrossLeverage
    children and hands their results to pyfolio.

    Params:
      - ``timeframe`` (default: TimeFrame.Days), ``compression`` (default: 1):
        the period of the returns

    ``get_analysis()``: OrderedDict with ``returns``, ``positions``,
    ``transactions`` and ``gross_lev`` (the children's results).
    ``get_pf_items()`` turns them into pandas objects (requires pandas).
    """

    params = (
        ('timeframe', TimeFrame.Days),
        ('compression', 1),
    )

    def __init__(self) -> None:
        self._returns = TimeReturn(timeframe=self.p.timeframe,
                                   compression=self.p.compression)
        self._positions = PositionsValue(headers=True, cash=True)
        self._transactions = Transactions(headers=True)
        self._gross_lev = GrossLeverage()

    def stop(self) -> None:
        super().stop()
        self.rets['returns'] = self._returns.get_analysis()
        self.rets['positions'] = self._positions.get_analysis()
        self.rets['transactions'] = self._transactions.get_analysis()
        self.rets['gross_lev'] = self._gross_lev.get_analysis()

    def get_pf_items(self) -> tuple:
        """(returns Series, positions DataFrame, transactions DataFrame,
        gross leverage Series), indexed by UTC timestamps.

        As in backtrader 1.9, the positions frame only holds the last data
        and the cash.
        """
        returns = _utc_frame(list(self.rets['returns'].items()),
                             ['index', 'return'])['return']
        rows = [[key] + values[-2:]
                for key, values in self.rets['positions'].items()]
        header = rows.pop(0)  # the first entry holds the column names
        positions = _utc_frame(rows, header)
        txs = [[key] + tx for key, entries in self.rets['transactions'].items()
               for tx in entries]
        header = txs.pop(0)
        transactions = _utc_frame(txs, header)
        gross_lev = _utc_frame(list(self.rets['gross_lev'].items()),
                               ['index', 'gross_lev'])['gross_lev']
        return returns, positions, transactions, gross_lev
