"""Sharpe ratio of the period returns against a risk-free rate."""
from __future__ import annotations

import math

from ..analyzer import Analyzer
from ..dataseries import TimeFrame
from ..mathsupport import average, standarddev
from .annualreturn import AnnualReturn
from .timereturn import TimeReturn

__all__ = ['SharpeRatio', 'SharpeRatio_A']


class SharpeRatio(Analyzer):
    """Sharpe ratio: mean excess return over its standard deviation.

    The returns come from a TimeReturn child with the given timeframe.

    Params:
      - ``timeframe`` (default: TimeFrame.Years), ``compression`` (default: 1)
      - ``riskfreerate`` (default: 0.01): annual risk-free rate
      - ``factor`` (default: None): periods per year; None uses 252 (days),
        52 (weeks), 12 (months) or 1 (years) and nothing for other
        timeframes
      - ``convertrate`` (default: True): convert the annual rate to the
        period's rate with the factor; if False the returns are annualised
        instead
      - ``annualize`` (default: False): multiply the ratio by sqrt(factor)
        (only when the rate is converted)
      - ``stddev_sample`` (default: False): use Bessel's correction
      - ``daysfactor`` (default: None): old name of ``factor`` for days
      - ``legacyannual`` (default: False): use AnnualReturn's yearly returns
        (the rate is not converted)
      - ``fund`` (default: None): use the fund value (True) or the portfolio
        value (False); None follows the broker's fund mode

    ``get_analysis()``: OrderedDict with ``sharperatio`` (None when it cannot
    be computed, e.g. fewer than two returns or no variation).
    """

    params = (
        ('timeframe', TimeFrame.Years), ('compression', 1),
        ('riskfreerate', 0.01), ('factor', None), ('convertrate', True),
        ('annualize', False), ('stddev_sample', False),
        ('daysfactor', None), ('legacyannual', False), ('fund', None),
    )

    # periods per year for the timeframes that have a natural count
    RATEFACTORS = dict(zip(
        (TimeFrame.Days, TimeFrame.Weeks, TimeFrame.Months, TimeFrame.Years),
        (252, 52, 12, 1)))

    def __init__(self) -> None:
        if self.p.legacyannual:
            self.anret = AnnualReturn()
        else:
            self.timereturn = TimeReturn(timeframe=self.p.timeframe,
                                         compression=self.p.compression,
                                         fund=self.p.fund)

    def _factor(self):
        if self.p.timeframe == TimeFrame.Days and self.p.daysfactor is not None:
            return self.p.daysfactor
        if self.p.factor is not None:
            return self.p.factor
        return self.RATEFACTORS.get(self.p.timeframe, None)

    def _legacy_ratio(self) -> float:
        # zero deviation raises ZeroDivisionError, as it always did
        rate = self.p.riskfreerate
        retavg = average([r - rate for r in self.anret.rets])
        retdev = standarddev(self.anret.rets)
        return retavg / retdev

    def _ratio(self):
        returns = list(self.timereturn.get_analysis().values())
        rate = self.p.riskfreerate
        factor = self._factor()
        if factor is not None:
            if self.p.convertrate:
                rate = pow(1.0 + rate, 1.0 / factor) - 1.0
            else:
                returns = [pow(1.0 + x, factor) - 1.0 for x in returns]
        if not len(returns) - self.p.stddev_sample:
            return None
        try:
            excess = [r - rate for r in returns]
            excess_avg = average(excess)
            excess_dev = standarddev(excess, avgx=excess_avg,
                                     bessel=self.p.stddev_sample)
            ratio = excess_avg / excess_dev
        except (ValueError, TypeError, ZeroDivisionError):
            return None
        if factor is not None and self.p.convertrate and self.p.annualize:
            ratio = math.sqrt(factor) * ratio
        return ratio

    def stop(self) -> None:
        super().stop()
        if self.p.legacyannual:
            self.ratio = self._legacy_ratio()
        else:
            self.ratio = self._ratio()
        self.rets['sharperatio'] = self.ratio


class SharpeRatio_A(SharpeRatio):
    """SharpeRatio with ``annualize=True`` by default."""

    params = (
        ('annualize', True),
    )
