"""Heikin Ashi delta (Dan Valcu)."""
from __future__ import annotations

from ..indicator import Indicator
from ._base import bind_output
from .heikinashi import HeikinAshi
from .sma import SMA

__all__ = ['haDelta', 'haD']


class haDelta(Indicator):
    """The body of the Heikin Ashi candles and its moving average (the
    signal, per Dan Valcu's "Heikin-Ashi: How to Trade Without Candlestick
    Patterns").

    Formula:
      - haDelta = ha_close - ha_open
      - smoothed = movav(haDelta, period)

    With ``autoheikin`` the candles are made from the data with HeikinAshi;
    without, the data must already be Heikin Ashi bars (its close and open
    are used).

    Params:
      - period (3), movav (SMA), autoheikin (True)
    """
    alias = ('haD',)
    lines = ('haDelta', 'smoothed')
    params = (('period', 3), ('movav', SMA), ('autoheikin', True))
    plotinfo = dict(subplot=True)
    plotlines = dict(haDelta=dict(color='red'),
                     smoothed=dict(color='grey', _fill_gt=(0, 'green'),
                                   _fill_lt=(0, 'red')))

    def __init__(self):
        candles = HeikinAshi(self.data) if self.p.autoheikin else self.data
        self.lines.haDelta = delta = candles.close - candles.open
        bind_output(self.lines.smoothed, self.p.movav(delta, period=self.p.period))
        super().__init__()
