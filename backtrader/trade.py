"""Trades: the life of a position from opening to closing.

The strategy feeds every fill of an order into the ``Trade`` it belongs to
(per data and ``tradeid``).  The trade tracks size, average price, profit
and loss and commission, and optionally keeps one ``TradeHistory`` entry per
update.
"""
from __future__ import annotations

import itertools
from typing import Any

from .utils.snapshot import shallow_copy
from .utils.autodict import AutoOrderedDict
from .utils.date import num2date

__all__ = ['Trade', 'TradeHistory']


class TradeHistory(AutoOrderedDict):
    """Snapshot of a trade after one update.

    ``status`` holds the trade's state after the update (status, dt, barlen,
    size, price, value, pnl, pnlcomm, tz) and ``event`` what caused it
    (order, size, price, commission).
    """

    def __init__(self, status: int, dt: float, barlen: int, size: Any,
                 price: float, value: float, pnl: float, pnlcomm: float,
                 tz: Any, event: Any = None) -> None:
        super().__init__()
        fields = (status, dt, barlen, size, price, value, pnl, pnlcomm, tz)
        self.status.update(zip(self._STATUS_KEYS, fields))
        if event is not None:
            self.event = event

    # key order of the ``status`` branch (it is an ordered dict and shows)
    _STATUS_KEYS = ('status', 'dt', 'barlen', 'size', 'price', 'value',
                    'pnl', 'pnlcomm', 'tz')

    def __reduce__(self):
        snapshot = self.status
        args = tuple(snapshot[key] for key in self._STATUS_KEYS)
        return (self.__class__, args + (self.event,))

    def doupdate(self, order: Any, size: Any, price: float,
                 commission: float) -> None:
        """Record the event and freeze the entry."""
        self.event.update(order=order, size=size, price=price,
                          commission=commission)
        self._close()

    def datetime(self, tz: Any = None, naive: bool = True):
        return num2date(self.status.dt, tz or self.status.tz, naive)


class Trade:
    """A position's round trip for one data and ``tradeid``.

    Attributes: ``ref``, ``data``, ``tradeid``, ``size``, ``price`` (average
    entry), ``value``, ``commission``, ``pnl``, ``pnlcomm`` (pnl minus
    commission), ``justopened``, ``isopen``, ``isclosed``, ``baropen``,
    ``dtopen``, ``barclose``, ``dtclose``, ``barlen``, ``historyon``,
    ``history`` and ``status`` (``Created``, ``Open``, ``Closed``).
    """

    refbasis = itertools.count(1)

    status_names = ['Created', 'Open', 'Closed']
    Created, Open, Closed = range(3)

    _STR_FIELDS = ('ref', 'data', 'tradeid', 'size', 'price', 'value',
                   'commission', 'pnl', 'pnlcomm', 'justopened', 'isopen',
                   'isclosed', 'baropen', 'dtopen', 'barclose', 'dtclose',
                   'barlen', 'historyon', 'history', 'status')

    def __copy__(self) -> 'Trade':
        return shallow_copy(self)

    def __init__(self, data: Any = None, tradeid: Any = 0,
                 historyon: bool = False, size: Any = 0, price: float = 0.0,
                 value: float = 0.0, commission: float = 0.0) -> None:
        attrs = vars(self)
        attrs['ref'] = next(self.refbasis)
        attrs.update(data=data, tradeid=tradeid, size=size, price=price,
                     value=value, commission=commission)
        attrs.update(self._FRESH)
        attrs.update(historyon=historyon, history=[], status=self.Created)
        # funding paid (-) or received (+) while open (perpetual futures);
        # pnlcomm leaves it out, pnlcomm + funding is the full result
        attrs['funding'] = 0.0

    # counters and flags of a trade that has not seen any update yet
    _FRESH = dict(pnl=0.0, pnlcomm=0.0, justopened=False, isopen=False,
                  isclosed=False, baropen=0, dtopen=0.0, barclose=0,
                  dtclose=0.0, barlen=0)

    def __str__(self) -> str:
        return '\n'.join('%s:%s' % (name, getattr(self, name))
                         for name in self._STR_FIELDS)

    def __len__(self) -> int:
        return abs(self.size)

    def __bool__(self) -> bool:
        return self.size != 0

    __nonzero__ = __bool__

    def getdataname(self) -> str:
        return self.data._name

    def open_datetime(self, tz: Any = None, naive: bool = True):
        return self.data.num2date(self.dtopen, tz=tz, naive=naive)

    def close_datetime(self, tz: Any = None, naive: bool = True):
        return self.data.num2date(self.dtclose, tz=tz, naive=naive)

    def update(self, order: Any, size: Any, price: float, value: float,
               commission: float, pnl: float, comminfo: Any) -> None:
        """Apply a fill of ``size`` at ``price`` belonging to this trade.

        ``value`` and ``pnl`` are accepted for interface compatibility; the
        trade recomputes both from its own average price with ``comminfo``.
        """
        if not size:
            return
        data = self.data
        self.commission += commission
        oldsize = self.size
        self.size = newsize = oldsize + size
        self.justopened = bool(not oldsize and size)
        if self.justopened:
            self.baropen = len(data)
            self.dtopen = 0.0 if order.p.simulated else data.datetime[0]
            self.long = newsize > 0

        self.isopen = bool(newsize)
        self.barlen = len(data) - self.baropen
        self.isclosed = bool(oldsize and not newsize)
        if self.isclosed:
            self.isopen = False
            self.barclose = len(data)
            self.dtclose = data.datetime[0]
            self.status = self.Closed
        elif self.isopen:
            self.status = self.Open

        if abs(newsize) > abs(oldsize):
            # grew (either side): new average price, nothing realised
            self.price = (oldsize * self.price + size * price) / newsize
            pnl = 0.0
        else:
            pnl = comminfo.profitandloss(-size, self.price, price)

        self.pnl += pnl
        self.pnlcomm = self.pnl - self.commission
        self.value = comminfo.getvaluesize(newsize, self.price)

        if self.historyon:
            self._record_history(order, size, price, commission)

    def _record_history(self, order: Any, size: Any, price: float,
                        commission: float) -> None:
        data = self.data
        dt0 = 0.0 if order.p.simulated else data.datetime[0]
        entry = TradeHistory(self.status, dt0, self.barlen, self.size,
                             self.price, self.value, self.pnl, self.pnlcomm,
                             data._tz)
        entry.doupdate(order, size, price, commission)
        self.history.append(entry)
