"""bt.talib with the real ta-lib package: a scenario run unchanged under
upstream backtrader (tools/record_talib.py records it) and under this
package (tests/test_talib.py compares when ta-lib is installed).

Every TA-Lib function (but MAVP, which needs a periods series) is built
with its default params on the lines its inputs name; per function the sum
and count of non-NaN values over all bars and the minimum period are kept,
plus full per-bar values for a few functions, in both runonce modes.
"""
from __future__ import annotations

import math
import os
from typing import Any

import backtrader as bt

HERE = os.path.dirname(os.path.abspath(__file__))
DAY1 = os.path.join(HERE, 'data', 'upstream', '2006-day-001.txt')
DETAILED = ('MACD', 'BBANDS', 'EMA', 'SAR', 'CDLENGULFING', 'STOCH')


def _inputs(name: str) -> list[str]:
    import talib.abstract
    names: list[str] = []
    for value in talib.abstract.Function(name).info['input_names'].values():
        names.extend(value if isinstance(value, (list, tuple)) else [value])
    return names


def _functions() -> list[str]:
    import talib
    return [f for f in talib.get_functions() if 'periods' not in _inputs(f)]


class _Probe(bt.Strategy):
    def __init__(self):
        self.inds = [(f, getattr(bt.talib, f)(*[getattr(self.data.lines, n)
                                                  for n in _inputs(f)]))
                     for f in _functions()]
        self.acc = {f: [0.0, 0] for f, _ in self.inds}
        self.detail = {f: [] for f in DETAILED}

    def prenext(self):
        self.next()

    def next(self):
        for f, ind in self.inds:
            values = [line[0] for line in ind.lines]
            acc = self.acc[f]
            for v in values:
                if not math.isnan(v):
                    acc[0] += v
                    acc[1] += 1
            if f in self.detail:
                self.detail[f].append([None if math.isnan(v) else v for v in values])


def run_all() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for runonce in (True, False):
        cerebro = bt.Cerebro(runonce=runonce, stdstats=False)
        cerebro.adddata(bt.feeds.BacktraderCSVData(dataname=DAY1))
        cerebro.addstrategy(_Probe)
        strat = cerebro.run()[0]
        out['ro%d' % runonce] = {
            'summary': {f: [strat.acc[f][0], strat.acc[f][1], ind._minperiod,
                            list(ind.lines.getlinealiases())]
                        for f, ind in strat.inds},
            'detail': strat.detail,
        }
    return out
