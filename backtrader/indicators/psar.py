"""Parabolic SAR (stop and reverse) by Welles Wilder."""
from __future__ import annotations

from .basicops import PeriodN

__all__ = ['ParabolicSAR', 'PSAR']


class _SarStatus:
    """Where the SAR stands after a bar: its value, the trend (True: up),
    the extreme point of the trend and the acceleration factor."""
    __slots__ = ('sar', 'tr', 'ep', 'af')

    def copy_from(self, other: '_SarStatus') -> None:
        self.sar, self.tr, self.ep, self.af = other.sar, other.tr, other.ep, other.af


def _sar_start(st: _SarStatus, high0: float, low0: float, close0: float,
               high1: float, low1: float, close1: float, af: float) -> None:
    """Set ``st`` after the second bar: the trend follows the close, the SAR
    starts at the first bar's low (uptrend) or high (downtrend) and the
    extreme point at the second bar's high (or low)."""
    st.tr = close1 >= close0
    if st.tr:
        st.sar, st.ep = low0, high1
    else:
        st.sar, st.ep = high0, low1
    st.af = af


def _sar_step(st: _SarStatus, high: float, low: float, high1: float, low1: float,
              high2: float, low2: float, af0: float, afmax: float) -> None:
    """Move ``st`` one bar forward (in place); ``high1``/``low1`` and
    ``high2``/``low2`` are those of the previous two bars, which the SAR may
    not cross into."""
    sar = st.sar + st.af * (st.ep - st.sar)
    if st.tr:
        sar = min(sar, low1, low2)
        if low <= sar:  # reversal: the SAR jumps to the extreme point
            st.tr, sar, st.ep, st.af = False, st.ep, low, af0
        elif high > st.ep:
            st.ep, st.af = high, min(st.af + af0, afmax)
    else:
        sar = max(sar, high1, high2)
        if high >= sar:
            st.tr, sar, st.ep, st.af = True, st.ep, high, af0
        elif low < st.ep:
            st.ep, st.af = low, min(st.af + af0, afmax)
    st.sar = sar


class ParabolicSAR(PeriodN):
    """Welles Wilder's Parabolic SAR: a trailing stop that accelerates
    (by ``af`` up to ``afmax``) each time the trend makes a new extreme and
    reverses when the price reaches it.

    The SAR starts on the second bar: the trend follows the close, the SAR
    starts at the first bar's low (uptrend) or high (downtrend).  Each bar
    the SAR moves ``af`` of the way to the extreme point, never into the
    range of the previous two bars.  ``period`` only delays the first value
    shown (the SAR still starts on the second bar).  A bar computed again
    (replay) starts over from the previous bar's status, except the second
    bar, which keeps its first computation (as upstream).

    Params:
      - period (2), af (0.02), afmax (0.2)
    """
    alias = ('PSAR',)
    lines = ('psar',)
    params = (('period', 2), ('af', 0.02), ('afmax', 0.20))
    plotinfo = dict(subplot=False)
    plotlines = dict(psar=dict(marker='.', markersize=4.0, color='black',
                               fillstyle='full', ls=''))

    def __init__(self):
        super().__init__()
        self._status = _SarStatus()  # after the previous bar
        self._current = _SarStatus()  # after the current bar
        self._curlen = 0
        self._started = False  # batch mode: the status has been started

    def _advance(self) -> float:
        """The SAR of the current bar (NaN on the first one)."""
        data, bars = self.data, len(self)
        if bars < 2:
            return float('nan')
        if bars != self._curlen:  # a new bar: the current becomes previous
            self._status, self._current = self._current, self._status
            self._curlen = bars
            if bars == 2:
                _sar_start(self._current, data.high[-1], data.low[-1], data.close[-1],
                           data.high[0], data.low[0], data.close[0], self.p.af)
                return self._current.sar
        elif bars == 2:
            return self._current.sar
        st = self._current
        st.copy_from(self._status)
        _sar_step(st, data.high[0], data.low[0], data.high[-1], data.low[-1],
                  data.high[-2], data.low[-2], self.p.af, self.p.afmax)
        return st.sar

    def prenext(self):
        self._advance()  # the status runs before the first value shown

    def next(self):
        self.lines.psar[0] = self._advance()

    def qbuffer(self, savemem=0):
        super().qbuffer(savemem=savemem)
        for line in (self.data.high, self.data.low):
            line.minbuffer(3)  # the previous two bars bound the SAR

    def preonce(self, start, end):
        pass  # the status is run by oncestart/once, from the second bar

    def oncestart(self, start, end):
        self._started = False
        self._steps(1, end, start)

    def once(self, start, end):
        self._steps(start, end, start)

    def _steps(self, begin: int, end: int, shown: int) -> None:
        """Run the status over bars [begin, end), starting it on the second
        bar, and write the SAR of the bars from ``shown`` on."""
        h, l, dst = self.data.high.array, self.data.low.array, self.lines.psar.array
        af0, afmax = self.p.af, self.p.afmax
        st = self._current
        for i in range(begin, end):
            if i < 1:
                continue
            if not self._started:
                c = self.data.close.array
                _sar_start(st, h[i - 1], l[i - 1], c[i - 1], h[i], l[i], c[i], af0)
                self._started = True
            else:
                _sar_step(st, h[i], l[i], h[i - 1], l[i - 1], h[i - 2], l[i - 2], af0, afmax)
            if i >= shown:
                dst[i] = st.sar
