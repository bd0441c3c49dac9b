"""The bt.strategies scenario, shared by the golden recorder and the test.

It runs unchanged under upstream backtrader (tools/record_strategies_pkg.py
records its output) and under this package (tests/test_strategies_pkg.py
compares), so it uses only the public API.  Order and trade references are
renumbered from the first one a run sees: upstream's counters are
process-wide, and the goldens must not depend on what ran before.
"""
from __future__ import annotations

import os
from typing import Any

import backtrader as bt

HERE = os.path.dirname(os.path.abspath(__file__))
BTC = os.path.join(HERE, '..', 'backtrader', 'datafiles', 'BTCUSDT-1d.csv')

#: (runonce, preload) pairs the scenario is checked in
MODES = {'ro1_pl1': (True, True), 'ro1_pl0': (True, False),
         'ro0_pl1': (False, True), 'ro0_pl0': (False, False)}


def _cases() -> dict[str, dict[str, Any]]:
    """Named variants: strategy class, its kwargs, an optional sizer."""
    return {
        'default': {'cls': bt.strategies.SMA_CrossOver, 'kwargs': {}},
        'ma_5_20': {'cls': bt.strategies.MA_CrossOver,
                    'kwargs': {'fast': 5, 'slow': 20}},
        'ema': {'cls': bt.strategies.SMA_CrossOver,
                'kwargs': {'fast': 8, 'slow': 21, '_movav': bt.indicators.EMA}},
        'percent_sizer': {'cls': bt.strategies.SMA_CrossOver,
                          'kwargs': {'fast': 7, 'slow': 25},
                          'sizer': (bt.sizers.PercentSizer, {'percents': 40})},
    }


class _Renumber:
    """Maps process-wide refs to 1, 2, ... in the order they are met."""

    def __init__(self) -> None:
        self.seen: dict[int, int] = {}

    def __call__(self, ref: int) -> int:
        return self.seen.setdefault(ref, len(self.seen) + 1)


class _Log(bt.Analyzer):
    """Records what the strategy's user would see in notify_order/trade."""

    def start(self) -> None:
        self.events: list = []
        self.orefs = _Renumber()
        self.trefs = _Renumber()

    def notify_order(self, order: Any) -> None:
        ex = order.executed
        self.events.append([
            'order', self.orefs(order.ref), order.getstatusname(),
            order.isbuy(), order.size, order.exectype,
            ex.size, ex.price, ex.comm,
            self.strategy.datetime.datetime(0).isoformat()])

    def notify_trade(self, trade: Any) -> None:
        self.events.append([
            'trade', self.trefs(trade.ref), trade.isclosed, trade.size,
            trade.price, trade.pnl, trade.pnlcomm])

    def get_analysis(self) -> list:
        return self.events


def run_case(name: str, runonce: bool, preload: bool) -> dict[str, Any]:
    """Run one variant in one mode and return what was observed."""
    case = _cases()[name]
    cerebro = bt.Cerebro(runonce=runonce, preload=preload, stdstats=False)
    cerebro.adddata(bt.feeds.GenericCSVData(
        dataname=BTC, dtformat='%Y-%m-%d', openinterest=-1, name='BTCUSDT'))
    cerebro.addstrategy(case['cls'], **case['kwargs'])
    if 'sizer' in case:
        sizer, skw = case['sizer']
        cerebro.addsizer(sizer, **skw)
    cerebro.broker.setcash(100000.0)
    cerebro.broker.setcommission(commission=0.001)
    cerebro.addanalyzer(_Log, _name='log')
    strat = cerebro.run()[0]
    return {
        'events': strat.analyzers.log.get_analysis(),
        'value': cerebro.broker.getvalue(),
        'cash': cerebro.broker.getcash(),
        'position': strat.position.size,
        'buysig_len': len(strat.buysig),
        'buysig_last': [strat.buysig[-i] for i in range(5)],
    }


def run_all() -> dict[str, dict[str, Any]]:
    """Every variant in every mode: {case: {mode: result}}."""
    return {name: {mode: run_case(name, *flags) for mode, flags in MODES.items()}
            for name in _cases()}
