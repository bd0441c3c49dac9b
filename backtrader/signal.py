"""Signals: a line whose sign tells a SignalStrategy what to do.

A positive value is a long indication, a negative value a short one and
zero no indication at all.  What an indication *means* (enter, leave or
exit a position) depends on the type under which the signal is registered
with ``cerebro.add_signal`` or ``SignalStrategy.signal_add``; the types are
the ``SIGNAL_*`` constants below, with the same values as backtrader
1.9.78.123 because users may store or compare them as integers.
"""
from __future__ import annotations

from .indicator import Indicator

__all__ = [
    'SignalTypes', 'Signal',
    'SIGNAL_NONE', 'SIGNAL_LONGSHORT', 'SIGNAL_LONG', 'SIGNAL_LONG_INV',
    'SIGNAL_LONG_ANY', 'SIGNAL_SHORT', 'SIGNAL_SHORT_INV', 'SIGNAL_SHORT_ANY',
    'SIGNAL_LONGEXIT', 'SIGNAL_LONGEXIT_INV', 'SIGNAL_LONGEXIT_ANY',
    'SIGNAL_SHORTEXIT', 'SIGNAL_SHORTEXIT_INV', 'SIGNAL_SHORTEXIT_ANY',
]

# Every signal type, numbered 0..13 in this order.
SignalTypes = list(range(14))

(SIGNAL_NONE,
 SIGNAL_LONGSHORT,
 SIGNAL_LONG, SIGNAL_LONG_INV, SIGNAL_LONG_ANY,
 SIGNAL_SHORT, SIGNAL_SHORT_INV, SIGNAL_SHORT_ANY,
 SIGNAL_LONGEXIT, SIGNAL_LONGEXIT_INV, SIGNAL_LONGEXIT_ANY,
 SIGNAL_SHORTEXIT, SIGNAL_SHORTEXIT_INV, SIGNAL_SHORTEXIT_ANY) = SignalTypes


class Signal(Indicator):
    """Expose the first line of its data as the line ``signal``.

    Wrapping a line or an indicator in ``Signal`` gives it the line name a
    signal is expected to have and plots it over the data it is computed
    from.
    """

    SignalTypes = SignalTypes

    lines = ('signal',)

    def __init__(self) -> None:
        self.lines.signal = self.data0.lines[0]
        self.plotinfo.plotmaster = getattr(self.data0, '_clock', self.data0)
