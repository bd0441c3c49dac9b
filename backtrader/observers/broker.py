"""Observers of the broker: cash, portfolio value, fund value and shares."""
from __future__ import annotations

from ..observer import Observer

__all__ = ['Cash', 'Value', 'Broker', 'CashValue', 'FundValue', 'FundShareValue',
           'FundVal', 'FundShares']


def _fund_mode(observer) -> bool:
    """The observer's ``fund`` param, or the broker's fund mode if None."""
    fund = observer.p.fund
    if fund is None:
        return bool(observer._owner.broker.fundmode)
    return bool(fund)


class Cash(Observer):
    """The broker's cash."""

    _stclock = True

    lines = ('cash',)
    plotinfo = dict(plot=True, subplot=True)

    def next(self) -> None:
        self.lines[0][0] = self._owner.broker.getcash()


class Value(Observer):
    """The portfolio value (the fund value in fund mode).

    Params:
      - ``fund`` (default: None): record the fund value (True) or the
        portfolio value (False); None follows the broker's fund mode
    """

    _stclock = True

    params = (('fund', None),)

    lines = ('value',)
    plotinfo = dict(plot=True, subplot=True)

    def start(self) -> None:
        self._fundmode = _fund_mode(self)

    def next(self) -> None:
        broker = self._owner.broker
        if self._fundmode:
            self.lines[0][0] = broker.fundvalue
        else:
            self.lines[0][0] = broker.getvalue()


class Broker(Observer):
    """Cash and portfolio value; in fund mode only the fund value (in the
    ``value`` line, the cash line stays empty).

    Params:
      - ``fund`` (default: None): fund mode (True/False); None follows the
        broker's fund mode
    """

    _stclock = True

    alias = ('CashValue',)

    params = (('fund', None),)

    lines = ('cash', 'value')
    plotinfo = dict(plot=True, subplot=True)
    plotlines = dict(cash=dict(), value=dict())

    def start(self) -> None:
        self._fundmode = _fund_mode(self)
        if self._fundmode:
            self.plotlines.cash._plotskip = True
            self.plotlines.value._name = 'FundValue'

    def next(self) -> None:
        broker = self._owner.broker
        if self._fundmode:
            self.lines.value[0] = broker.fundvalue
        else:
            self.lines.value[0] = broker.getvalue()
            self.lines.cash[0] = broker.getcash()


class FundValue(Observer):
    """The fund value (value of one fund share)."""

    _stclock = True

    alias = ('FundShareValue', 'FundVal')

    lines = ('fundval',)
    plotinfo = dict(plot=True, subplot=True)

    def next(self) -> None:
        self.lines.fundval[0] = self._owner.broker.fundvalue


class FundShares(Observer):
    """The number of fund shares."""

    _stclock = True

    lines = ('fundshares',)
    plotinfo = dict(plot=True, subplot=True)

    def next(self) -> None:
        self.lines.fundshares[0] = self._owner.broker.fundshares
