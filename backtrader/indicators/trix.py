"""TRIX: rate of change of a triple exponential smoothing (Jack Hutson)."""
from __future__ import annotations

from ..indicator import Indicator
from ._base import bind_output
from .ema import EMA

__all__ = ['Trix', 'TRIX', 'TrixSignal']


class Trix(Indicator):
    """Percent change over ``_rocperiod`` bars of the data smoothed three
    times by ``_movav``.

    Formula:
      - ema3 = movav(movav(movav(data, period), period), period)
      - trix = 100.0 * (ema3 / ema3(-_rocperiod) - 1.0)

    Params:
      - period (15), _rocperiod (1), _movav (EMA)
    """
    alias = ('TRIX',)
    lines = ('trix',)
    params = (('period', 15), ('_rocperiod', 1), ('_movav', EMA))
    plotinfo = dict(plothlines=[0.0])

    def _plotlabel(self):
        labels = [self.p.period]
        labels += [self.p._rocperiod] * self.p.notdefault('_rocperiod')
        labels += [self.p._movav] * self.p.notdefault('_movav')
        return labels

    def __init__(self):
        movav, period = self.p._movav, self.p.period
        ema3 = movav(movav(movav(self.data, period=period), period=period), period=period)
        self.lines.trix = 100.0 * (ema3 / ema3(-self.p._rocperiod) - 1.0)
        super().__init__()


class TrixSignal(Trix):
    """Trix plus a signal line: its moving average over ``sigperiod`` bars.

    Formula: signal = movav(trix, sigperiod)

    Params: as Trix, plus sigperiod (9)
    """
    lines = ('signal',)
    params = (('sigperiod', 9),)

    def __init__(self):
        super().__init__()
        bind_output(self.lines.signal, self.p._movav(self.lines.trix, period=self.p.sigperiod))
