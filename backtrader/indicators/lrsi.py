"""John Ehlers' Laguerre RSI and Laguerre filter ("Cybernetic Analysis for
Stock and Futures", 2004)."""
from __future__ import annotations

from .basicops import PeriodN

__all__ = ['LaguerreRSI', 'LRSI', 'LaguerreFilter', 'LAGF']


class _LaguerreBase(PeriodN):
    """Runs the four-stage Laguerre filter from the first bar it computes
    (``period`` only delays that bar), keeping the stages in ``self._lx``.
    As upstream, every call moves the filter on, also when a bar is
    computed again (replay): the filter then runs on each update."""
    params = (('gamma', 0.5),)

    def __init__(self):
        super().__init__()
        self._lx = (0.0, 0.0, 0.0, 0.0)

    def next(self):
        self._lx = lx = _laguerre(self._lx, self._src[0], self.p.gamma)
        self.lines[0][0] = self._output(lx)

    def once(self, start, end):
        src, dst, gamma, output = self._src.array, self.lines[0].array, self.p.gamma, self._output
        lx = self._lx
        for i in range(start, end):
            lx = _laguerre(lx, src[i], gamma)
            dst[i] = output(lx)
        self._lx = lx


def _laguerre(prev: tuple, price: float, gamma: float) -> tuple:
    l0_1, l1_1, l2_1, l3_1 = prev
    l0 = (1.0 - gamma) * price + gamma * l0_1
    l1 = -gamma * l0 + l0_1 + gamma * l1_1
    l2 = -gamma * l1 + l1_1 + gamma * l2_1
    l3 = -gamma * l2 + l2_1 + gamma * l3_1
    return l0, l1, l2, l3


def _lrsi(lx: tuple) -> float:
    """Share of the upward steps in the total movement between adjacent
    stages (1.0 when the stages are all equal)."""
    top, second = lx[0], lx[1]
    # the first step is taken as is (keeps the sign of a -0.0 difference)
    rise, fall = (top - second, 0.0) if top >= second else (0.0, second - top)
    for newer, older in zip(lx[1:], lx[2:]):
        if newer >= older:
            rise += newer - older
        else:
            fall += older - newer
    total = rise + fall
    return rise / total if total else 1.0


def _lfilter(lx: tuple) -> float:
    l0, l1, l2, l3 = lx
    return (l0 + (2.0 * l1) + (2.0 * l2) + l3) / 6.0


class LaguerreRSI(_LaguerreBase):
    """An RSI over the four stages of a Laguerre filter: reacts faster than
    the RSI with little noise.  ``gamma`` (0.2 .. 0.8) sets the damping.

    Formula:
      - l0 = (1 - gamma) * data + gamma * l0(-1)
      - l1 = -gamma * l0 + l0(-1) + gamma * l1(-1), and so on for l2, l3
      - cu / cd: sums of the rises / falls from each stage to the next
      - lrsi = cu / (cu + cd) (1.0 when both are 0)

    Params:
      - period (6): bars before the first value
      - gamma (0.5)
    """
    alias = ('LRSI',)
    lines = ('lrsi',)
    params = (('period', 6),)
    plotinfo = dict(plotymargin=0.15, plotyticks=[0.0, 0.2, 0.5, 0.8, 1.0])
    _output = staticmethod(_lrsi)


class LaguerreFilter(_LaguerreBase):
    """The Laguerre filter: a smooth, low-lag average of the data.

    Formula: lfilter = (l0 + 2.0 * l1 + 2.0 * l2 + l3) / 6.0 (stages as in
    LaguerreRSI)

    Params:
      - period (1): bars before the first value
      - gamma (0.5)
    """
    alias = ('LAGF',)
    lines = ('lfilter',)
    plotinfo = dict(subplot=False)
    _output = staticmethod(_lfilter)
