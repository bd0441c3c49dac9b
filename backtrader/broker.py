"""Broker interface shared by the backtesting and the live brokers.

A broker keeps the commission schemes (one per data name plus a default),
and offers the calls strategies and the engine make: ``buy``/``sell``/
``cancel``, ``getcash``/``getvalue``/``getposition``, and the ``start``/
``next``/``stop`` life cycle.  Concrete brokers implement the abstract ones.
"""
from __future__ import annotations

import collections
from typing import Any

from . import fillers
from .comminfo import CommInfoBase
from .metabase import MetaParams
from .order import BuyOrder, SellOrder

__all__ = ['MetaBroker', 'BrokerBase', 'OrderEntry']

filler = fillers  # historic module alias


def _order_entry(order_cls: type) -> Any:
    """``buy`` or ``sell``: build an ``order_cls`` from upstream's keywords
    and pass it to the broker's ``_enter``."""
    def entry(self, owner: Any, data: Any, size: Any, price: Any = None,
              plimit: Any = None, exectype: Any = None, valid: Any = None,
              tradeid: Any = 0, oco: Any = None, trailamount: Any = None,
              trailpercent: Any = None, parent: Any = None,
              transmit: bool = True, histnotify: bool = False,
              _checksubmit: bool = True, **kwargs: Any) -> Any:
        order = order_cls(owner=owner, data=data, size=size, price=price,
                          pricelimit=plimit, exectype=exectype, valid=valid,
                          tradeid=tradeid, trailamount=trailamount,
                          trailpercent=trailpercent, parent=parent,
                          transmit=transmit, histnotify=histnotify)
        return self._enter(order, oco, kwargs, _checksubmit)

    entry.__name__ = entry.__qualname__ = 'buy' if order_cls is BuyOrder else 'sell'
    return entry


class OrderEntry:
    """``buy``/``sell`` for a broker that takes its orders in ``_enter``
    (put it before BrokerBase among the bases)."""

    buy = _order_entry(BuyOrder)
    sell = _order_entry(SellOrder)

    def _enter(self, order: Any, oco: Any, info: dict, checksubmit: bool) -> Any:
        """Submit a new order; ``info`` holds the caller's extra keywords."""
        raise NotImplementedError


class MetaBroker(MetaParams):
    """Gives every broker class the underscore spelling of the cash/value
    getters (``get_cash``/``get_value``) when it defines only the short
    one."""

    _ALIASES = (('get_cash', 'getcash'), ('get_value', 'getvalue'))

    def __init__(cls, name, bases, dct):
        super().__init__(name, bases, dct)
        for alias, target in cls._ALIASES:
            if target in dct and alias not in dct:
                setattr(cls, alias, dct[target])


class BrokerBase(metaclass=MetaBroker):
    """Base of all brokers.

    Params:
      - ``commission`` (default ``CommInfoBase(percabs=True)``): default
        commission scheme, used for datas without a scheme of their own
    """

    params = (('commission', CommInfoBase(percabs=True)),)

    def __init__(self) -> None:
        self.comminfo: dict = {}
        self.notifs: collections.deque = collections.deque()
        self.init()

    def init(self) -> None:
        """Reset the state (also run by ``start``); keeps the schemes."""
        if None not in self.comminfo:
            self.comminfo = {None: self.p.commission}

    def start(self) -> None:
        self.init()

    def stop(self) -> None:
        pass

    def add_order_history(self, orders: Any, notify: bool = False) -> None:
        raise NotImplementedError

    def set_fund_history(self, fund: Any) -> None:
        raise NotImplementedError

    # --- commission schemes ------------------------------------------------
    def getcommissioninfo(self, data: Any) -> CommInfoBase:
        """Scheme for ``data``: the one registered under its name, else the
        default one."""
        comminfo = self.comminfo
        name = data._name
        if name in comminfo:
            return comminfo[name]
        return comminfo[None]

    def setcommission(self, commission: float = 0.0, margin: Any = None,
                      mult: float = 1.0, commtype: Any = None,
                      percabs: bool = True, stocklike: bool = False,
                      interest: float = 0.0, interest_long: bool = False,
                      leverage: float = 1.0, automargin: Any = False,
                      name: Any = None) -> None:
        """Build a ``CommInfoBase`` from the arguments and register it for
        the data called ``name`` (``None``: the default scheme).

        Note that ``percabs`` defaults to True here (commission given as a
        fraction), unlike in ``CommInfoBase``.
        """
        comm = CommInfoBase(commission=commission, margin=margin, mult=mult,
                            commtype=commtype, stocklike=stocklike,
                            percabs=percabs, interest=interest,
                            interest_long=interest_long, leverage=leverage,
                            automargin=automargin)
        self.addcommissioninfo(comm, name)

    def addcommissioninfo(self, comminfo: CommInfoBase, name: Any = None) -> None:
        """Register a ready-made scheme for the data called ``name``."""
        self.comminfo[name] = comminfo

    # --- account -------------------------------------------------------------
    def getcash(self) -> float:
        raise NotImplementedError

    def getvalue(self, datas: Any = None) -> float:
        raise NotImplementedError

    def get_fundshares(self) -> float:
        """Shares of the fund (1.0 when not in fund mode)."""
        return 1.0

    fundshares = property(get_fundshares)

    def get_fundvalue(self) -> float:
        return self.getvalue()

    fundvalue = property(get_fundvalue)

    def set_fundmode(self, fundmode: bool, fundstartval: Any = None) -> None:
        """Brokers without fund accounting ignore it."""

    def get_fundmode(self) -> bool:
        return False

    fundmode = property(get_fundmode, set_fundmode)

    def getposition(self, data: Any) -> Any:
        raise NotImplementedError

    # --- orders ----------------------------------------------------------------
    def submit(self, order: Any) -> Any:
        raise NotImplementedError

    def cancel(self, order: Any) -> Any:
        raise NotImplementedError

    def buy(self, owner: Any, data: Any, size: Any, price: Any = None,
            plimit: Any = None, exectype: Any = None, valid: Any = None,
            tradeid: Any = 0, oco: Any = None, trailamount: Any = None,
            trailpercent: Any = None, **kwargs: Any) -> Any:
        raise NotImplementedError

    sell = buy

    # --- order notifications ------------------------------------------------------
    def notify(self, order: Any) -> None:
        """Queue a snapshot of ``order`` for the strategy."""
        self.notifs.append(order.clone())

    def get_notification(self) -> Any:
        return self.notifs.popleft() if self.notifs else None

    def next(self) -> None:
        pass
