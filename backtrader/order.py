"""Orders and the record of their executions.

An order is created by a strategy, owned by a broker while alive and sent
back to the strategy (as a snapshot) on every status change.  ``created``
holds what was asked for, ``executed`` accumulates what happened, one
``OrderExecutionBit`` per fill, so the strategy can turn each fill into trade
updates exactly once (``iterpending`` after each snapshot).
"""
from __future__ import annotations

import collections
import datetime
import itertools
import numbers
from typing import Any, Iterator

from .metabase import MetaParams
from .utils.autodict import AutoOrderedDict
from .utils.snapshot import shallow_copy

__all__ = ['OrderExecutionBit', 'OrderData', 'OrderBase', 'Order',
           'BuyOrder', 'SellOrder', 'StopBuyOrder', 'StopSellOrder',
           'StopLimitBuyOrder', 'StopLimitSellOrder']


class OrderExecutionBit:
    """One fill: how much, at which price, and how it split between closing
    the existing position and opening new exposure.

    ``psize``/``pprice`` are the position size/price after the fill; ``value``
    and ``comm`` are the sums of the closed and opened parts.
    """

    def __init__(self, dt: float | None = None, size: Any = 0,
                 price: float = 0.0, closed: Any = 0, closedvalue: float = 0.0,
                 closedcomm: float = 0.0, opened: Any = 0,
                 openedvalue: float = 0.0, openedcomm: float = 0.0,
                 pnl: float = 0.0, psize: Any = 0, pprice: float = 0.0) -> None:
        # one bulk update: a fill is a plain record of its arguments plus
        # the two totals derived from them
        vars(self).update(
            dt=dt, size=size, price=price, pnl=pnl, psize=psize,
            pprice=pprice, closed=closed, opened=opened,
            closedvalue=closedvalue, openedvalue=openedvalue,
            closedcomm=closedcomm, openedcomm=openedcomm,
            value=closedvalue + openedvalue, comm=closedcomm + openedcomm)


class OrderData:
    """Either side of an order: the request (``created``) or the running
    totals of its fills (``executed``).

    ``p1``/``p2`` delimit the fills not yet seen by the strategy: taking a
    snapshot (``clone``) moves the window so each fill is reported once.
    """

    def __init__(self, dt: float | None = None, size: Any = 0,
                 price: float = 0.0, pricelimit: float = 0.0, remsize: Any = 0,
                 pclose: float = 0.0, trailamount: float = 0.0,
                 trailpercent: float = 0.0) -> None:
        # a missing price takes the limit and a missing limit the price
        if pricelimit and not price:
            price = pricelimit
        vars(self).update(
            dt=dt, size=size, remsize=remsize, pclose=pclose,
            price=price, pricelimit=pricelimit or price, plimit=pricelimit,
            trailamount=trailamount, trailpercent=trailpercent,
            exbits=collections.deque(), p1=0, p2=0, margin=None,
            psize=0, pprice=0, value=0.0, comm=0.0, pnl=0.0)

    def __len__(self) -> int:
        return len(self.exbits)

    def __getitem__(self, key: Any) -> OrderExecutionBit:
        return self.exbits[key]

    def add(self, dt: float, size: Any, price: float, closed: Any = 0,
            closedvalue: float = 0.0, closedcomm: float = 0.0, opened: Any = 0,
            openedvalue: float = 0.0, openedcomm: float = 0.0, pnl: float = 0.0,
            psize: Any = 0, pprice: float = 0.0) -> None:
        self.addbit(OrderExecutionBit(dt, size, price, closed, closedvalue,
                                      closedcomm, opened, openedvalue,
                                      openedcomm, pnl, psize, pprice))

    def addbit(self, exbit: OrderExecutionBit) -> None:
        """Account one fill: remaining size, average price and totals."""
        self.remsize -= exbit.size
        self.exbits.append(exbit)
        self.dt = exbit.dt
        prevvalue = self.size * self.price
        self.size += exbit.size
        self.price = (prevvalue + exbit.size * exbit.price) / self.size
        self.value += exbit.value
        self.comm += exbit.comm
        self.pnl += exbit.pnl
        self.psize = exbit.psize
        self.pprice = exbit.pprice

    def getpending(self) -> list:
        return list(self.iterpending())

    def iterpending(self) -> Iterator[OrderExecutionBit]:
        """Fills added between the two last snapshots."""
        return itertools.islice(self.exbits, self.p1, self.p2)

    def markpending(self) -> None:
        self.p1, self.p2 = self.p2, len(self.exbits)

    def clone(self) -> 'OrderData':
        self.markpending()
        return shallow_copy(self)


class OrderBase(metaclass=MetaParams):
    """Fields, statuses and life cycle shared by every order."""

    params = (
        ('owner', None), ('data', None), ('size', None), ('price', None),
        ('pricelimit', None), ('exectype', None), ('valid', None),
        ('tradeid', 0), ('oco', None), ('trailamount', None),
        ('trailpercent', None), ('parent', None), ('transmit', True),
        ('simulated', False), ('histnotify', False),
    )

    DAY = datetime.timedelta()  # "valid for the current session" marker

    # name tables first; the numeric constants are their positions
    ExecTypes = ('Market Close Limit Stop StopLimit StopTrail StopTrailLimit '
                 'Historical').split()
    (Market, Close, Limit, Stop, StopLimit, StopTrail, StopTrailLimit,
     Historical) = range(len(ExecTypes))

    OrdTypes = 'Buy Sell'.split()
    Buy, Sell = range(len(OrdTypes))

    Status = ('Created Submitted Accepted Partial Completed Canceled Expired '
              'Margin Rejected').split()
    (Created, Submitted, Accepted, Partial, Completed, Canceled, Expired,
     Margin, Rejected) = range(len(Status))
    Cancelled = Canceled  # both spellings are accepted

    T_Close, T_Day, T_Date, T_None = range(4)
    V_None = range(1)

    refbasis = itertools.count(1)  # process-wide increasing references

    _ALIVE = frozenset((Created, Submitted, Partial, Accepted))
    _EXECTYPES = frozenset(range(8))
    # params the order reads as its own attributes
    _PARAM_ATTRS = ('owner', 'data', 'size', 'price', 'pricelimit',
                    'exectype', 'valid', 'tradeid', 'oco', 'trailamount',
                    'trailpercent', 'parent', 'transmit', 'simulated',
                    'histnotify')

    @classmethod
    def ExecType(cls, exectype: str) -> int:
        """Execution type constant from its name, e.g. ``'Limit'``."""
        return getattr(cls, exectype)

    def __getattr__(self, name: str) -> Any:
        # fall back to the params for names not set on the instance
        if name.startswith('__') or name in ('params', 'p'):
            raise AttributeError(name)
        return getattr(self.params, name)

    def __init__(self) -> None:
        self.ref = next(self.refbasis)
        pdict = self.__dict__
        params = self.p
        for name in self._PARAM_ATTRS:
            pdict[name] = getattr(params, name)

        self.broker = None
        self.info = AutoOrderedDict()
        self.comminfo = None
        self.triggered = False
        self._rested = False  # survived a matching round (maker liquidity)
        self._activated = self.parent is None
        self.status = self.Created
        self.plimit = params.pricelimit

        self._check_request()
        if self.exectype is None:
            self.exectype = self.Market
        if not self.isbuy():
            self.size = -self.size

        self._make_created()
        self.executed = OrderData(remsize=self.size)
        self.position = 0
        self._convert_valid()
        self._set_session_end()

    def _check_request(self) -> None:
        size, exectype = self.size, self.exectype
        if isinstance(size, bool) or not isinstance(size, numbers.Number):
            raise TypeError('size must be a number, got %r' % (size,))
        if exectype is not None and exectype not in self._EXECTYPES:
            raise ValueError('exectype must be one of Order.%s (0-7), got %r'
                             % (', Order.'.join(self.ExecTypes), exectype))

    def _make_created(self) -> None:
        """Build ``created``, using the current close as reference price
        when no price was given."""
        simulated = self.simulated
        data = self.data
        pclose = self.price if simulated else data.close[0]
        if not self.price and not self.pricelimit:
            price = pclose
        else:
            price = self.price
        dcreated = 0.0 if simulated else data.datetime[0]
        self.created = OrderData(dt=dcreated, size=self.size, price=price,
                                 pricelimit=self.pricelimit, pclose=pclose,
                                 trailamount=self.trailamount,
                                 trailpercent=self.trailpercent)

        if self.exectype in (self.StopTrail, self.StopTrailLimit):
            created = self.created
            self._limit_gap = created.price - created.pricelimit
            start = created.price
            created.price = float('inf') if self.isbuy() else float('-inf')
            self.trailadjust(start)
        else:
            self._limit_gap = 0.0

    def _convert_valid(self) -> None:
        """Turn ``valid`` into a date number the broker compares with the
        data's datetime (numbers are kept as given)."""
        valid = self.valid
        data = self.data
        if isinstance(valid, datetime.date):
            self.valid = data.date2num(valid)
        elif isinstance(valid, datetime.timedelta):
            if valid == self.DAY:
                endofday = datetime.datetime.combine(
                    data.datetime.date(), datetime.time(23, 59, 59, 9999))
                self.valid = data.date2num(endofday)
            else:
                self.valid = data.date2num(data.datetime.datetime() + valid)

    def _set_session_end(self) -> None:
        """Date number of the end of the session the order was created in
        (used by ``Close`` orders)."""
        if self.simulated:
            self.dteos = 0.0
            return
        data = self.data
        dtime = data.datetime.datetime(0)
        send = data.p.sessionend
        dteos = dtime.replace(hour=send.hour, minute=send.minute,
                              second=send.second, microsecond=send.microsecond)
        if dteos < dtime:
            dteos += datetime.timedelta(days=1)
        self.dteos = data.date2num(dteos)

    def __str__(self) -> str:
        lines = (
            'Ref: {}'.format(self.ref),
            'OrdType: {}'.format(self.ordtype),
            'OrdType: {}'.format(self.ordtypename()),
            'Status: {}'.format(self.status),
            'Status: {}'.format(self.getstatusname()),
            'Size: {}'.format(self.size),
            'Price: {}'.format(self.price),
            'Price Limit: {}'.format(self.pricelimit),
            'TrailAmount: {}'.format(self.trailamount),
            'TrailPercent: {}'.format(self.trailpercent),
            'ExecType: {}'.format(self.exectype),
            'ExecType: {}'.format(self.getordername()),
            'CommInfo: {}'.format(self.comminfo),
            'End of Session: {}'.format(self.dteos),
            'Info: {}'.format(self.info),
            'Broker: {}'.format(self.broker),
            'Alive: {}'.format(self.alive()),
        )
        return '\n'.join(lines)

    def __eq__(self, other: Any) -> bool:
        return other is not None and self.ref == other.ref

    def __ne__(self, other: Any) -> bool:
        return self.ref != other.ref

    __hash__ = None  # orders compare by reference number, not identity

    def clone(self) -> 'OrderBase':
        """Snapshot for notifications: later changes to this order don't
        alter it, and its ``executed`` window covers the new fills."""
        obj = shallow_copy(self)
        obj.executed = self.executed.clone()
        return obj

    # --- naming ----------------------------------------------------------
    def getstatusname(self, status: int | None = None) -> str:
        return self.Status[self.status if status is None else status]

    def getordername(self, exectype: int | None = None) -> str:
        return self.ExecTypes[self.exectype if exectype is None else exectype]

    def ordtypename(self, ordtype: int | None = None) -> str:
        return self.OrdTypes[self.ordtype if ordtype is None else ordtype]

    # --- state -----------------------------------------------------------
    def isbuy(self) -> bool:
        return self.ordtype == self.Buy

    def issell(self) -> bool:
        return self.ordtype == self.Sell

    def active(self) -> bool:
        return self._activated

    def activate(self) -> None:
        self._activated = True

    def alive(self) -> bool:
        return self.status in self._ALIVE

    def brokerstatus(self) -> int:
        return self.status

    def setposition(self, position: Any) -> None:
        self.position = position

    def addcomminfo(self, comminfo: Any) -> None:
        self.comminfo = comminfo

    def addinfo(self, **kwargs: Any) -> None:
        """Attach user information (kept in ``info``)."""
        for key, val in kwargs.items():
            self.info[key] = val

    # --- status transitions ----------------------------------------------
    def submit(self, broker: Any = None) -> None:
        self.status = self.Submitted
        self.broker = broker
        self.plen = len(self.data)

    def accept(self, broker: Any = None) -> None:
        self.status = self.Accepted
        self.broker = broker

    def cancel(self) -> None:
        self.status = self.Canceled
        self.executed.dt = self.data.datetime[0]

    def margin(self) -> None:
        self.status = self.Margin
        self.executed.dt = self.data.datetime[0]

    def reject(self, broker: Any = None) -> None:
        self.status = self.Rejected
        self.broker = broker
        self.executed.dt = self.data.datetime[0]

    def partial(self) -> None:
        self.status = self.Partial

    def completed(self) -> None:
        self.status = self.Completed


class Order(OrderBase):
    """An order of the backtesting broker: adds execution, expiry and the
    trailing-stop adjustment."""

    def execute(self, dt: float, size: Any, price: float, closed: Any,
                closedvalue: float, closedcomm: float, opened: Any,
                openedvalue: float, openedcomm: float, margin: Any,
                pnl: float, psize: Any, pprice: float) -> None:
        """Record a fill and move to Partial/Completed."""
        if not size:
            return
        executed = self.executed
        executed.add(dt, size, price, closed, closedvalue, closedcomm,
                     opened, openedvalue, openedcomm, pnl, psize, pprice)
        executed.margin = margin
        self.status = self.Partial if executed.remsize else self.Completed

    def expire(self) -> bool:
        """Expire the order if the current bar is past ``valid``."""
        if self.exectype == self.Market:
            return False  # market orders always execute
        valid = self.valid
        if valid:
            now = self.data.datetime[0]
            if now > valid:
                self.status = self.Expired
                self.executed.dt = now
                return True
        return False

    def trailadjust(self, price: float) -> None:
        """Move the stop of a trailing order towards ``price`` (never away
        from it), dragging the limit along for StopTrailLimit."""
        if self.trailamount:
            distance = self.trailamount
        elif self.trailpercent:
            distance = price * self.trailpercent
        else:
            distance = 0.0

        created = self.created
        if self.isbuy():
            stop = price + distance
            moved = stop < created.price
        else:
            stop = price - distance
            moved = stop > created.price
        if moved:
            created.price = stop
            if self.exectype == self.StopTrailLimit:
                created.pricelimit = stop - self._limit_gap


def _order_variant(name: str, base: type, doc: str, **attrs: Any) -> type:
    """Derive a named order class from ``base`` through its own metaclass
    (so params handling stays intact) and publish it in this module."""
    namespace = dict(attrs, __doc__=doc, __module__=__name__,
                     __qualname__=name)
    return type(base)(name, (base,), namespace)


BuyOrder = _order_variant('BuyOrder', Order, 'An order that buys.',
                          ordtype=Order.Buy)
SellOrder = _order_variant('SellOrder', Order, 'An order that sells.',
                           ordtype=Order.Sell)
# kept as distinct classes because user code may test against them
StopBuyOrder, StopLimitBuyOrder = (
    _order_variant(name, BuyOrder, 'Stop flavour of a buy order.')
    for name in ('StopBuyOrder', 'StopLimitBuyOrder'))
StopSellOrder, StopLimitSellOrder = (
    _order_variant(name, SellOrder, 'Stop flavour of a sell order.')
    for name in ('StopSellOrder', 'StopLimitSellOrder'))
