"""Price oscillators: absolute (APO) and percentage (PPO)."""
from __future__ import annotations

from ..indicator import Indicator
from ._base import bind_output
from .ema import ExponentialMovingAverage

__all__ = ['PriceOscillator', 'PriceOsc', 'AbsolutePriceOscillator', 'APO',
           'AbsPriceOsc', 'PercentagePriceOscillator', 'PPO', 'PercPriceOsc',
           'PercentagePriceOscillatorShort', 'PPOShort', 'PercPriceOscShort']


class _PriceOscBase(Indicator):
    """Builds the short (``period1``) and long (``period2``) averages and
    their difference (``self.diff``)."""
    params = (('period1', 12), ('period2', 26), ('_movav', ExponentialMovingAverage))
    plotinfo = dict(plothlines=[0.0])

    def __init__(self):
        self.ma1 = self.p._movav(self.data, period=self.p.period1)
        self.ma2 = self.p._movav(self.data, period=self.p.period2)
        self.diff = self.ma1 - self.ma2
        super().__init__()


class PriceOscillator(_PriceOscBase):
    """Difference of a short and a long moving average, in points.

    Formula: po = movav(data, period1) - movav(data, period2)

    Params:
      - period1 (12), period2 (26), _movav (ExponentialMovingAverage)
    """
    alias = ('PriceOsc', 'AbsolutePriceOscillator', 'APO', 'AbsPriceOsc')
    lines = ('po',)

    def __init__(self):
        super().__init__()
        self.lines.po = self.diff


class PercentagePriceOscillator(_PriceOscBase):
    """Difference of a short and a long moving average as a percentage of
    the long one (comparable across price levels), with a signal line and
    a histogram like MACD.

    Formula:
      - ppo = 100.0 * (ma1 - ma2) / ma2
      - signal = movav(ppo, period_signal)
      - histo = ppo - signal

    Params:
      - period1 (12), period2 (26), _movav (ExponentialMovingAverage)
      - period_signal (9)
    """
    _long = True
    alias = ('PPO', 'PercPriceOsc')
    lines = ('ppo', 'signal', 'histo')
    params = (('period_signal', 9),)
    plotlines = dict(histo=dict(_method='bar', alpha=0.50, width=1.0))

    def __init__(self):
        super().__init__()
        den = self.ma2 if self._long else self.ma1
        self.lines.ppo = 100.0 * self.diff / den
        bind_output(self.lines.signal,
                    self.p._movav(self.lines.ppo, period=self.p.period_signal))
        self.lines.histo = self.lines.ppo - self.lines.signal


class PercentagePriceOscillatorShort(PercentagePriceOscillator):
    """PPO expressed as a percentage of the short average (as MetaStock).

    Formula: ppo = 100.0 * (ma1 - ma2) / ma1
    """
    _long = False
    alias = ('PPOShort', 'PercPriceOscShort')
