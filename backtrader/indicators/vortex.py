"""Vortex indicator (Etienne Botes and Douglas Siepman)."""
from __future__ import annotations

from ..functions import Max
from ..indicator import Indicator
from .basicops import SumN

__all__ = ['Vortex']


class Vortex(Indicator):
    """Upward and downward vortex movement relative to the true range over
    ``period`` bars.

    Formula:
      - vm_plus = SumN(abs(high - low(-1)), period)
      - vm_minus = SumN(abs(low - high(-1)), period)
      - tr = SumN(max(abs(high - low), abs(high - close(-1)),
                      abs(low - close(-1))), period)
      - vi_plus = vm_plus / tr, vi_minus = vm_minus / tr

    Params:
      - period (14)
    """
    lines = ('vi_plus', 'vi_minus')
    params = (('period', 14),)
    plotlines = dict(vi_plus=dict(_name='+VI'), vi_minus=dict(_name='-VI'))

    def __init__(self):
        data, period = self.data, self.p.period
        vm_plus = SumN(abs(data.high - data.low(-1)), period=period)
        vm_minus = SumN(abs(data.low - data.high(-1)), period=period)
        h0l0 = abs(data.high - data.low)
        h0c1 = abs(data.high - data.close(-1))
        l0c1 = abs(data.low - data.close(-1))
        tr = SumN(Max(h0l0, h0c1, l0c1), period=period)
        self.lines.vi_plus = vm_plus / tr
        self.lines.vi_minus = vm_minus / tr
        super().__init__()
