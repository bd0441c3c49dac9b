"""The local exchange most network tests start: BTC/USDT spot replaying the
bundled daily bars, one API key, a wallet."""
from __future__ import annotations

import os

import backtrader as bt
from backtrader.simexchange import SimExchange

BTC_DAILY = os.path.join(os.path.dirname(bt.__file__), 'datafiles', 'BTCUSDT-1d.csv')


def spot_exchange(key: str, secret: str, start: int, balances: dict, **kwargs):
    """A SimExchange (use it as a context manager) whose replay starts at
    bar ``start`` (the bars before it are history)."""
    return SimExchange(spot={'BTC/USDT': BTC_DAILY}, keys={key: secret}, start=start,
                       balances=balances, **kwargs)
