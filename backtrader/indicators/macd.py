"""Moving Average Convergence/Divergence."""
from __future__ import annotations

from ..indicator import Indicator
from ._base import bind_output
from .ema import ExponentialMovingAverage

__all__ = ['MACD', 'MACDHisto', 'MACDHistogram']


class MACD(Indicator):
    """Gerald Appel's MACD: a fast minus a slow moving average, and a moving
    average of that difference as signal.

    Formula:
      - macd = movav(data, period_me1) - movav(data, period_me2)
      - signal = movav(macd, period_signal)

    Params:
      - period_me1 (12), period_me2 (26), period_signal (9)
      - movav (ExponentialMovingAverage)
    """
    lines = ('macd', 'signal')
    params = (('period_me1', 12), ('period_me2', 26), ('period_signal', 9),
              ('movav', ExponentialMovingAverage))
    plotinfo = dict(plothlines=[0.0])
    plotlines = dict(signal=dict(ls='--'))

    def _plotlabel(self):
        labels = [self.p.period_me1, self.p.period_me2, self.p.period_signal]
        labels += [self.p.movav] * self.p.notdefault('movav')
        return labels

    def __init__(self):
        super().__init__()
        movav = self.p.movav
        me1 = movav(self.data, period=self.p.period_me1)
        me2 = movav(self.data, period=self.p.period_me2)
        self.lines.macd = me1 - me2
        bind_output(self.lines.signal,
                    movav(self.lines.macd, period=self.p.period_signal))


class MACDHisto(MACD):
    """MACD plus the histogram of macd minus signal.

    Formula: histo = macd - signal
    """
    alias = ('MACDHistogram',)
    lines = ('histo',)
    plotlines = dict(histo=dict(_method='bar', alpha=0.50, width=1.0))

    def __init__(self):
        super().__init__()
        self.lines.histo = self.lines.macd - self.lines.signal
