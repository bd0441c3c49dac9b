"""exactbars=1 keeps memory flat: same results, no order/trade history.

A run over many bars must not grow with the number of orders and trades
when the user asked for minimum memory; the figures must not change.
"""
import os

import backtrader as bt

DATA = os.path.join(os.path.dirname(__file__), 'data', 'upstream', '2006-day-001.txt')


class Flip(bt.Strategy):
    def __init__(self):
        self.cross = bt.ind.CrossOver(bt.ind.SMA(period=3), bt.ind.SMA(period=8))

    def next(self):
        if self.cross > 0:
            self.order_target_size(target=1)
        elif self.cross < 0:
            self.order_target_size(target=-1)


def _run(exactbars):
    cerebro = bt.Cerebro(exactbars=exactbars, stdstats=False)
    cerebro.adddata(bt.feeds.BacktraderCSVData(dataname=DATA))
    cerebro.addstrategy(Flip)
    cerebro.addanalyzer(bt.analyzers.TradeAnalyzer, _name='ta')
    strat = cerebro.run()[0]
    return cerebro, strat


def test_minimum_memory_gives_the_same_figures():
    full, sfull = _run(0)
    lean, slean = _run(1)
    assert '%f' % full.broker.getvalue() == '%f' % lean.broker.getvalue()
    tfull = sfull.analyzers.ta.get_analysis()
    tlean = slean.analyzers.ta.get_analysis()
    assert tfull.total.total == tlean.total.total > 10
    assert '%f' % tfull.pnl.net.total == '%f' % tlean.pnl.net.total


def test_minimum_memory_drops_histories():
    full, sfull = _run(0)
    lean, slean = _run(1)
    assert len(full.broker.orders) > 10 and len(sfull._orders) > 10
    assert lean.broker.orders == [] and slean._orders == []
    ntrades = [len(lst) for bydata in slean._trades.values() for lst in bydata.values()]
    assert ntrades and max(ntrades) == 1
