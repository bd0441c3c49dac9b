"""Renko filter with a fixed brick size (upstream fails with exactbars=1)."""
import backtrader as bt

from scenarios import filters


def run(runonce, preload, exactbars):
    cases = {'renko': (filters.daily, [(bt.filters.Renko, dict(size=20.0))])}
    return filters.run(runonce, preload, exactbars, cases=cases)
