"""Statistics of the returns per period: mean, deviation, best, worst."""
from __future__ import annotations

from ..analyzer import Analyzer
from ..dataseries import TimeFrame
from ..mathsupport import average, standarddev
from .timereturn import TimeReturn

__all__ = ['PeriodStats']


class PeriodStats(Analyzer):
    """Basic statistics of the returns of each period (from a TimeReturn
    child).

    Params:
      - ``timeframe`` (default: TimeFrame.Years), ``compression`` (default: 1)
      - ``zeroispos`` (default: False): count periods without change as
        positive (``nochange`` is then 0)
      - ``fund`` (default: None): use the fund value (True) or the portfolio
        value (False); None follows the broker's fund mode

    ``get_analysis()``: OrderedDict with ``average``, ``stddev``,
    ``positive``, ``negative``, ``nochange``, ``best`` and ``worst``.
    """

    params = (
        ('timeframe', TimeFrame.Years),
        ('compression', 1),
        ('zeroispos', False),
        ('fund', None),
    )

    def __init__(self) -> None:
        self._tr = TimeReturn(timeframe=self.p.timeframe,
                              compression=self.p.compression, fund=self.p.fund)

    def stop(self) -> None:
        trets = list(self._tr.get_analysis().values())
        rets = self.rets
        rets['average'] = avg = average(trets)
        rets['stddev'] = standarddev(trets, avg)
        if self.p.zeroispos:
            rets['positive'] = sum(x >= 0.0 for x in trets)
        else:
            rets['positive'] = sum(x > 0.0 for x in trets)
        rets['negative'] = sum(x < 0.0 for x in trets)
        rets['nochange'] = 0 if self.p.zeroispos else sum(x == 0.0 for x in trets)
        rets['best'] = max(trets)
        rets['worst'] = min(trets)
