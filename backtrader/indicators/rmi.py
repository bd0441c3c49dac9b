"""Relative Momentum Index (Roger Altman, 1993)."""
from __future__ import annotations

from .rsi import RSI

__all__ = ['RelativeMomentumIndex', 'RMI']


class RelativeMomentumIndex(RSI):  # noqa: F821 - RSI is an alias class
    """An RSI counting up and down moves against the close ``lookback``
    bars ago instead of the previous one: smoother than the RSI.

    Params: as RSI, with period (20) and lookback (5)
    """
    alias = ('RMI',)
    params = (('period', 20), ('lookback', 5))
    plotlines = dict(rsi=dict(_name='rmi'))

    def _plotlabel(self):
        labels = [self.p.period, self.p.lookback]
        labels += [self.p.movav] * self.p.notdefault('movav')
        return labels
