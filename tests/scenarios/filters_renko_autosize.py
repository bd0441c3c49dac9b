"""Renko filter with autosize (upstream raises IndexError without preload,
so only the preload modes are compared)."""
import backtrader as bt

from scenarios import filters


def run(runonce, preload, exactbars):
    cases = {'renko_autosize': (filters.daily,
                                [(bt.filters.Renko, dict(autosize=15.0))])}
    return filters.run(runonce, preload, exactbars, cases=cases)
