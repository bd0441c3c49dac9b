"""Know Sure Thing (Martin Pring)."""
from __future__ import annotations

from ..indicator import Indicator
from ._base import bind_output
from .momentum import ROC100
from .sma import SMA

__all__ = ['KnowSureThing', 'KST']


class KnowSureThing(Indicator):
    """A weighted sum of four smoothed rates of change, and its signal.

    Formula:
      - rcmaN = _rmovav(ROC100(data, rpN), rmaN) for N in 1..4
      - kst = sum(rfactors[N] * rcmaN)
      - signal = _smovav(kst, rsignal)

    Params:
      - rp1 (10), rp2 (15), rp3 (20), rp4 (30): periods of the ROCs
      - rma1 .. rma4 (10): periods of their moving averages
      - rsignal (9): period of the signal's moving average
      - rfactors ([1.0, 2.0, 3.0, 4.0]): weights of the smoothed ROCs
      - _rmovav (SMA), _smovav (SMA)
    """
    alias = ('KST',)
    lines = ('kst', 'signal')
    params = (('rp1', 10), ('rp2', 15), ('rp3', 20), ('rp4', 30),
              ('rma1', 10), ('rma2', 10), ('rma3', 10), ('rma4', 10),
              ('rsignal', 9), ('rfactors', [1.0, 2.0, 3.0, 4.0]),
              ('_rmovav', SMA), ('_smovav', SMA))
    plotinfo = dict(plothlines=[0.0])

    def __init__(self):
        p = self.p
        rocs = [(p.rp1, p.rma1), (p.rp2, p.rma2), (p.rp3, p.rma3), (p.rp4, p.rma4)]
        rcmas = [p._rmovav(ROC100(self.data, period=rp), period=rma) for rp, rma in rocs]
        self.lines.kst = sum(f * rcma for f, rcma in zip(p.rfactors, rcmas))
        bind_output(self.lines.signal, p._smovav(self.lines.kst, period=p.rsignal))
        super().__init__()
