"""Ichimoku Kinko Hyo (Goichi Hosoda)."""
from __future__ import annotations

from ..indicator import Indicator
from ..linebuffer import LineForward
from ._base import bounded_ago
from .basicops import Highest, Lowest

__all__ = ['Ichimoku']


class _Backwards(LineForward):
    """Writes the current value ``ago`` bars back; like upstream's, each
    bounded buffer (exactbars) written wraps around on its own (with room
    for ``ago`` values, the value lands on the current bar)."""

    def next(self):
        value, ago = self.a[0], -self.ago
        self.array[self.idx + bounded_ago(self, ago)] = value
        for binding in self.bindings:
            binding[bounded_ago(binding, ago)] = value


class Ichimoku(Indicator):
    """The Ichimoku cloud.

    Formula:
      - tenkan_sen = (Highest(high, tenkan) + Lowest(low, tenkan)) / 2.0
      - kijun_sen = (Highest(high, kijun) + Lowest(low, kijun)) / 2.0
      - senkou_span_a = ((tenkan_sen + kijun_sen) / 2.0) shifted
        ``senkou_lead`` bars into the future
      - senkou_span_b = ((Highest(high, senkou) + Lowest(low, senkou)) / 2.0)
        shifted ``senkou_lead`` bars into the future
      - chikou_span = close shifted ``chikou`` bars into the past: it is
        written ``chikou`` bars back, so the latest values are NaN (as with
        upstream's ``close(+chikou)``)

    The cloud (kumo) is the area between both senkou spans.

    Params:
      - tenkan (9), kijun (26), senkou (52), senkou_lead (26), chikou (26)
    """
    lines = ('tenkan_sen', 'kijun_sen', 'senkou_span_a', 'senkou_span_b',
             'chikou_span')
    params = (('tenkan', 9), ('kijun', 26), ('senkou', 52), ('senkou_lead', 26),
              ('chikou', 26))
    plotinfo = dict(subplot=False)
    plotlines = dict(senkou_span_a=dict(_fill_gt=('senkou_span_b', 'g'),
                                        _fill_lt=('senkou_span_b', 'r')))

    def __init__(self):
        data, p = self.data, self.p
        tenkan = (Highest(data.high, period=p.tenkan) + Lowest(data.low, period=p.tenkan)) / 2.0
        kijun = (Highest(data.high, period=p.kijun) + Lowest(data.low, period=p.kijun)) / 2.0
        self.lines.tenkan_sen = tenkan
        self.lines.kijun_sen = kijun
        span_a = (tenkan + kijun) / 2.0
        self.lines.senkou_span_a = span_a(-p.senkou_lead)
        span_b = (Highest(data.high, period=p.senkou) + Lowest(data.low, period=p.senkou)) / 2.0
        self.lines.senkou_span_b = span_b(-p.senkou_lead)
        self.lines.chikou_span = _Backwards(data.close, p.chikou)
        super().__init__()
