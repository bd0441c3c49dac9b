"""The backtesting broker: fills orders against the bars of the data feeds.

Life of an order: ``buy``/``sell`` create it and ``submit`` it (bracket
children wait until their group is transmitted).  With ``checksubmit`` the
order waits one cycle and is accepted at the next ``next()`` only if the cash
after a simulated execution of all newly submitted orders stays positive
(else status Margin).  Accepted orders sit in ``pending``; every ``next()``
expires, activates and tries to fill them against the current bar with the
rules of their execution type, optional slippage and an optional volume
filler.  Every status change is queued as a snapshot for the strategy
(``get_notification``).
"""
from __future__ import annotations

import collections
import datetime
import numbers
from typing import Any

from ..broker import BrokerBase, OrderEntry
from ..comminfo import CommInfoBase
from ..commissions.crypto import PerpetualCommInfo
from ..order import Order
from ..position import Position
from ..utils.py3 import integer_types, string_types
from ._crypto import CryptoMixin
from ._matching import MatchingMixin

__all__ = ['BackBroker', 'BrokerBack']


class BackBroker(CryptoMixin, MatchingMixin, OrderEntry, BrokerBase):
    """Broker simulator.

    Params:
      - ``cash`` (default ``10000``): starting cash
      - ``commission`` (default ``CommInfoBase(percabs=True)``): default
        commission scheme
      - ``checksubmit`` (default ``True``): check margin/cash before
        accepting an order
      - ``eosbar`` (default ``False``): with intraday bars, a bar at the
        session end time is the end of the session
      - ``filler`` (default ``None``): volume filler callable
        ``(order, price, ago) -> size`` (see ``bt.fillers``)
      - ``slip_perc`` (default ``0.0``): slippage as a fraction of the price
      - ``slip_fixed`` (default ``0.0``): slippage in price units (used only
        when ``slip_perc`` is 0)
      - ``slip_open`` (default ``False``): also slip fills at the open price
      - ``slip_match`` (default ``True``): cap a slipped price at the bar's
        high/low instead of not filling
      - ``slip_limit`` (default ``True``): limit orders fill at the capped
        price even when ``slip_match`` is False
      - ``slip_out`` (default ``False``): allow slipped prices outside the
        bar's high/low range
      - ``coc`` (default ``False``): cheat-on-close, market orders fill at the
        close of the bar in which they were issued
      - ``coo`` (default ``False``): cheat-on-open, market orders fill at the
        open of the current bar (with cerebro's ``cheat_on_open``)
      - ``int2pnl`` (default ``True``): add paid credit interest to the
        commission of the closing operation
      - ``shortcash`` (default ``True``): short stock positions add cash and
        count as negative value (False: they lock cash like a long)
      - ``fundstartval`` (default ``100.0``): starting value of one fund share
      - ``fundmode`` (default ``False``): report fund-like performance
    """

    params = (
        ('cash', 10000.0), ('checksubmit', True), ('eosbar', False),
        ('filler', None),
        # slippage
        ('slip_perc', 0.0), ('slip_fixed', 0.0), ('slip_open', False),
        ('slip_match', True), ('slip_limit', True), ('slip_out', False),
        # cheating and accounting
        ('coc', False), ('coo', False), ('int2pnl', True), ('shortcash', True),
        ('fundstartval', 100.0), ('fundmode', False),
    )

    def __init__(self) -> None:
        super().__init__()
        self._order_histories: list = []
        self._fund_history = None
        self._crypto_config()
        # set by cerebro to reach datas/strategies for the history features
        self.cerebro = None

    def init(self) -> None:
        super().init()
        self.startingcash = self.cash = self.p.cash
        # the valuation figures before any position exists
        self.__dict__.update(_total_value=self.cash, _pos_value=0.0,
                             _total_value_lever=0.0, _pos_value_lever=0.0,
                             _lever_ratio=1.0, _unrealised_pnl=0.0)
        # portfolio valuation is computed when first asked for after a bar
        # (see _value_on_demand); None until the run's setup is known
        self._value_lazy = None
        self._value_stale = False
        self._plain_schemes: dict = {}
        self._quiet: Any = None  # see _positions_quiet
        self._crypto_init()
        self.orders: list = []
        # cerebro turns this off in minimum-memory runs (exactbars=1)
        self._keep_order_history = True
        self.pending: collections.deque = collections.deque()
        self._activate_next: collections.deque = collections.deque()
        self.positions: collections.defaultdict = collections.defaultdict(Position)
        self.d_credit: collections.defaultdict = collections.defaultdict(float)
        self.notifs: collections.deque = collections.deque()
        self.submitted: collections.deque = collections.deque()
        # bracket groups: parent ref -> [parent, children...] still waiting
        self._brackets: collections.defaultdict = \
            collections.defaultdict(collections.deque)
        # oco groups: order ref -> group leader ref, leader ref -> members
        self._oco_leader: dict = {}
        self._oco_members: collections.defaultdict = collections.defaultdict(list)
        self._share_value = self.p.fundstartval
        self._share_count = self.p.cash / self._share_value
        self._cash_pending: collections.deque = collections.deque()
        self._bar_prices: dict = {}

    # --- configuration -----------------------------------------------------
    def set_cash(self, cash: float) -> None:
        """Set the starting (and current) cash."""
        _check_number('cash', cash)
        self._settle_value()
        self.startingcash = self.cash = self.p.cash = cash
        self._total_value = cash

    setcash = set_cash

    def get_cash(self) -> float:
        return self.cash

    getcash = get_cash

    def add_cash(self, cash: float) -> None:
        """Add (or remove, if negative) cash; applied when the broker next
        values the portfolio (end of its ``next``)."""
        _check_number('cash', cash)
        # the share value the addition is booked at is this bar's
        self._settle_value()
        self._cash_pending.append(cash)

    def set_int2pnl(self, int2pnl: bool) -> None:
        self.p.int2pnl = int2pnl

    def set_coc(self, coc: bool) -> None:
        self.p.coc = coc

    def set_coo(self, coo: bool) -> None:
        self.p.coo = coo

    def set_shortcash(self, shortcash: bool) -> None:
        self.p.shortcash = shortcash

    def set_checksubmit(self, checksubmit: bool) -> None:
        self.p.checksubmit = checksubmit

    def set_eosbar(self, eosbar: bool) -> None:
        self.p.eosbar = eosbar

    seteosbar = set_eosbar

    def set_filler(self, filler: Any) -> None:
        self.p.filler = filler

    def set_slippage_perc(self, perc: float, slip_open: bool = True,
                          slip_limit: bool = True, slip_match: bool = True,
                          slip_out: bool = False) -> None:
        """Slippage as a fraction of the price (0.01 = 1%)."""
        self._set_slippage(perc, 0.0, slip_open, slip_limit, slip_match,
                           slip_out)

    def set_slippage_fixed(self, fixed: float, slip_open: bool = True,
                           slip_limit: bool = True, slip_match: bool = True,
                           slip_out: bool = False) -> None:
        """Slippage as a fixed price amount."""
        self._set_slippage(0.0, fixed, slip_open, slip_limit, slip_match,
                           slip_out)

    def _set_slippage(self, perc: float, fixed: float, slip_open: bool,
                      slip_limit: bool, slip_match: bool,
                      slip_out: bool) -> None:
        p = self.p
        p.slip_perc = perc
        p.slip_fixed = fixed
        p.slip_open = slip_open
        p.slip_limit = slip_limit
        p.slip_match = slip_match
        p.slip_out = slip_out

    # --- fund mode -----------------------------------------------------------
    def get_fundshares(self) -> float:
        self._settle_value()
        return self._share_count

    fundshares = property(get_fundshares)

    def get_fundvalue(self) -> float:
        self._settle_value()
        return self._share_value

    fundvalue = property(get_fundvalue)

    def set_fundmode(self, fundmode: bool, fundstartval: Any = None) -> None:
        """Switch fund mode on/off, optionally with the share start value."""
        self.p.fundmode = fundmode
        if fundstartval is not None:
            self.set_fundstartval(fundstartval)

    def get_fundmode(self) -> bool:
        return self.p.fundmode

    fundmode = property(get_fundmode, set_fundmode)

    def set_fundstartval(self, fundstartval: float) -> None:
        self.p.fundstartval = fundstartval

    # --- account ---------------------------------------------------------------
    def get_leverage(self) -> float:
        self._settle_value()
        return self._lever_ratio


    def get_orders_open(self, safe: bool = False) -> list:
        """Orders still pending (snapshots if ``safe``)."""
        if safe:
            return [order.clone() for order in self.pending]
        return list(self.pending)

    def orderstatus(self, order: Any) -> int:
        """Status of the broker's own copy of ``order``."""
        try:
            known = self.orders[self.orders.index(order)]
        except ValueError:
            known = order
        return known.status

    def get_value_lever(self, datas: Any = None, mkt: bool = False) -> float:
        return self.get_value(datas=datas, mkt=mkt)

    def get_value(self, datas: Any = None, mkt: bool = False,
                  lever: bool = False) -> float:
        """Portfolio value (cash + positions) as of the last ``next``.

        With ``datas`` the value of those positions is computed now (one
        data: its position's value alone).  ``mkt`` returns the positions'
        value only, ``lever`` the leveraged figures.
        """
        self._settle_value()
        if datas is None:
            if mkt:
                return self._pos_value_lever if lever else self._pos_value
            return self._total_value_lever if lever else self._total_value
        return self._revalue(datas=datas, lever=lever)

    getvalue = get_value

    def _apply_cash_additions(self) -> None:
        additions = self._cash_pending
        while additions:
            amount = additions.popleft()
            self._share_count += amount / self._share_value
            self.cash += amount

    def _settle_value(self) -> None:
        """Compute the valuation the last bar left pending."""
        if self._value_stale:
            self._value_stale = False
            self._compute_value()

    def _value_on_demand(self) -> bool:
        """Whether the end-of-bar valuation may wait until someone asks.

        Everything it reads (cash, positions, the bar's closes) stays as
        the bar left it until the next broker cycle, except where code runs
        between the feeds moving and the broker's cycle (cheat-on-open,
        cheat timers) or where the fund history rewrites cash each bar.
        A scheme or filler asking for the value from inside the broker's
        own cycle would see the new bar's closes.
        """
        cerebro = self.cerebro
        cparams = getattr(cerebro, 'p', None)
        if self._fund_history is not None or cparams is None:
            return False  # unknown driver: value every bar
        return not (cparams.cheat_on_open or getattr(cerebro, '_timerscheat', None))

    def _revalue(self, datas: Any = None, lever: bool = False) -> float:
        self._apply_cash_additions()
        return self._compute_value(datas, lever)

    def _compute_value(self, datas: Any = None, lever: bool = False) -> float:
        shortcash = self.p.shortcash
        positions = self.positions
        pos_value = pos_value_unlever = unrealized = 0.0
        if datas and self._futures_model:
            legs = self._with_legs(datas)
            if len(datas) == 1 and len(legs) > 1:  # one hedged data: its legs
                return sum(self._compute_value([leg], lever) for leg in legs)
            datas = legs
        for data in datas or positions:
            comminfo = self.getcommissioninfo(data)
            position = positions[data]
            close = data.close[0]
            valuer = getattr(comminfo, 'position_value', None)
            if valuer is not None:  # the scheme values its positions itself
                dvalue = valuer(position, close)
                mark = self._mark_now(data) if self._markwatch else None
                if mark is not None and position.size:
                    # cash holds the move to the close; value it at the mark
                    dvalue += comminfo.profitandloss(position.size, close, mark)
                    close = mark
            elif shortcash:
                dvalue = comminfo.getvaluesize(position.size, close)
            else:
                dvalue = comminfo.getvalue(position, close)
            dunrealized = comminfo.profitandloss(position.size, position.price,
                                                 close)
            if datas and len(datas) == 1:
                if lever and dvalue > 0:
                    dvalue -= dunrealized
                    return (dvalue / comminfo.get_leverage()) + dunrealized
                return dvalue  # signed: a short stock position is negative

            if not shortcash:
                dvalue = abs(dvalue)
            pos_value += dvalue
            unrealized += dunrealized
            if dvalue > 0:  # long: only the unlevered part is own money
                dvalue -= dunrealized
                pos_value_unlever += dvalue / comminfo.get_leverage()
                pos_value_unlever += dunrealized
            else:
                pos_value_unlever += dvalue

        # fees paid from a BNB-like balance cost the strategy their value
        held = -self._fee_wallets_spent() \
            if self._fee_wallets and self._fund_history is None else 0.0
        if self._fund_history is None:
            self._total_value = self.cash + held + pos_value_unlever
            self._share_value = self._total_value / self._share_count
        else:
            pos_value, pos_value_unlever = self._apply_fund_history(
                pos_value, pos_value_unlever)

        self._pos_value = pos_value_unlever
        self._total_value_lever = self.cash + held + pos_value
        self._pos_value_lever = pos_value
        self._lever_ratio = pos_value / (pos_value_unlever or 1.0)
        self._unrealised_pnl = unrealized
        return self._total_value_lever if lever else self._total_value

    def _apply_fund_history(self, pos_value: float,
                            pos_value_unlever: float) -> tuple:
        """Take value and share value from the fund history; cash becomes
        what the positions leave of the recorded net value.  Returns the
        position values rescaled to the recorded net value."""
        share_value, net_value = self._fund_history_now()
        leverage = pos_value / (pos_value_unlever or 1.0)
        self.cash = net_value - pos_value_unlever
        self._total_value = net_value
        self._share_value, self._share_count = (share_value,
                                                net_value / share_value)
        return net_value * leverage, net_value

    # --- order entry -------------------------------------------------------------
    def _enter(self, order: Order, oco: Any, info: dict,
               checksubmit: bool) -> Order:
        order.addinfo(**info)
        self._join_oco(order, oco)
        return self.submit(order, check=checksubmit)

    def _join_oco(self, order: Order, oco: Any) -> None:
        """Put ``order`` in its own OCO group or in ``oco``'s group."""
        oref = order.ref
        leader = oref if oco is None else self._oco_leader[oco.ref]
        self._oco_leader[oref] = leader
        self._oco_members[leader].append(oref)

    def _group_ref(self, order: Order) -> Any:
        """Bracket group of ``order`` (its parent's ref or its own), None if
        the parent is gone (the order is then rejected)."""
        oref = order.ref
        parent = order.parent
        pref = oref if parent is None else getattr(parent, 'ref', oref)
        if pref != oref and pref not in self._brackets and \
                not getattr(parent, '_group_done', False):
            order.reject()
            self.notify(order)
            return None
        return pref

    def submit(self, order: Order, check: bool = True) -> Order:
        """Queue ``order`` in its bracket group; transmitting an order sends
        the whole group waiting so far."""
        pref = self._group_ref(order)
        if pref is None:
            return order
        group = self._brackets[pref]
        group.append(order)
        if order.transmit:
            last = order
            for member in list(group):
                last = self.transmit(member, check=check)
            return last
        return order

    def addcommissioninfo(self, comminfo: CommInfoBase, name: Any = None) -> None:
        if isinstance(comminfo, PerpetualCommInfo):
            self._futures_model = True
        self._quiet = None
        super().addcommissioninfo(comminfo, name)

    def transmit(self, order: Order, check: bool = True) -> Order:
        if self._rules and not self._rules_allow(order):
            return order
        if (self._futures_model or 'position_side' in order.info) and \
                not self._hedge_allow(order):
            return order
        if check and self.p.checksubmit:
            order.submit()
            self.submitted.append(order)
            if self._keep_order_history:
                self.orders.append(order)
            self.notify(order)
        else:
            self.submit_accept(order)
        return order

    def submit_accept(self, order: Order) -> None:
        order.pannotated = None
        order.submit()
        order.accept()
        self.pending.append(order)
        self.notify(order)

    def check_submitted(self) -> None:
        """Accept submitted orders whose simulated execution (in order, with
        the cash left by the previous ones) keeps cash non-negative."""
        cash = self.cash
        positions: dict = {}
        submitted = self.submitted
        while submitted:
            order = submitted.popleft()
            if self._group_ref(order) is None:
                continue
            key = self._position_key(order, order.data)
            position = positions.get(key)
            if position is None:
                position = positions[key] = self.positions[key].clone()
            cash = self._estimate_cash(order, cash, position)
            if cash < 0.0:
                order.margin()
                self._retire(order)
            else:
                self.submit_accept(order)

    def cancel(self, order: Order, bracket: bool = False) -> bool:
        """Cancel a pending order; False if it was not pending."""
        pending = self.pending
        if order not in pending:
            return False
        pending.remove(order)
        order.cancel()
        # a bracket-driven cancel is already being settled by the caller
        self._retire(order, settle_bracket=not bracket)
        return True

    def _retire(self, order: Order, settle_bracket: bool = True) -> None:
        """Report an order that ended unfilled; its OCO siblings and (unless
        told otherwise) its bracket go with it."""
        self.notify(order)
        self._cancel_oco_group(order)
        if settle_bracket:
            self._settle_bracket(order, cancel=True)

    # --- linked orders -------------------------------------------------------------
    def _cancel_oco_group(self, order: Order) -> None:
        """An order of an OCO group executed/ended: cancel the others."""
        leader = self._oco_leader.get(self._oco_leader[order.ref])
        members = self._oco_members.pop(leader, None)
        if not members:
            return
        pending = self.pending
        for idx in range(len(pending) - 1, -1, -1):
            other = pending[idx]
            if other is not None and other.ref in members:
                del pending[idx]
                other.cancel()
                self.notify(other)

    def _settle_bracket(self, order: Order, cancel: bool = False) -> None:
        """Parent completed: activate its children.  Parent ended otherwise
        or a child completed/ended: cancel the rest of the group."""
        oref = order.ref
        parent = order.parent
        pref = oref if parent is None else getattr(parent, 'ref', oref)
        group = self._brackets[pref]
        if cancel or pref != oref:
            while group:
                self.cancel(group.popleft(), bracket=True)
            del self._brackets[pref]
        else:
            group.popleft()
            if group:
                self._activate_next.extend(group)
            else:
                # a lone order: drop its group (a long run would keep one
                # per order); a child sent later still finds the parent
                del self._brackets[pref]
                order._group_done = True

    # --- the bar cycle ---------------------------------------------------------------
    def next(self) -> None:
        toactivate = self._activate_next
        while toactivate:
            toactivate.popleft().activate()

        if self.p.checksubmit and self.submitted:
            self.check_submitted()

        quiet = self._quiet
        if quiet is None:
            quiet = self._positions_quiet()
        if not quiet:
            self._charge_interest()
        else:
            self.cash -= 0.0  # as interest would: an int cash becomes float
        if self._order_histories:
            self._replay_order_history()
        if self._funding is not None:
            self._apply_funding()
        if self.pending:
            self._process_pending()
        if self._futures_model:
            self._futures_step()
        if not quiet:
            self._mark_futures()
        self._end_of_bar_value()

    def _positions_quiet(self) -> bool:
        """True when every scheme is stock-like and charges no interest:
        then no position needs work of its own each bar (no credit
        interest, no price move settled in cash).  Cached until a scheme
        is registered."""
        quiet = self._quiet = all(comminfo._stocklike and _charges_nothing(comminfo)
                                  for comminfo in self.comminfo.values())
        return quiet

    def _end_of_bar_value(self) -> None:
        if self._cash_pending:
            self._apply_cash_additions()
        lazy = self._value_lazy
        if lazy is None:
            lazy = self._value_lazy = self._value_on_demand()
        if lazy:
            self._value_stale = True
        else:
            self._compute_value()

    def _charge_interest(self) -> None:
        credit = 0.0
        for data, pos in self.positions.items():
            if pos:
                comminfo = self.getcommissioninfo(data)
                plain = self._plain_schemes.get(comminfo)
                if plain is None:
                    plain = self._plain_schemes[comminfo] = _charges_nothing(comminfo)
                if plain:
                    continue
                dt0 = data.datetime.datetime()
                dcredit = comminfo.get_credit_interest(data, pos, dt0)
                self.d_credit[data] += dcredit
                credit += dcredit
                pos.datetime = dt0
        self.cash -= credit

    def _process_pending(self) -> None:
        """Give every pending order (once) its chance on the current bar."""
        pending = self.pending
        if not pending:
            return
        self._bar_prices.clear()  # bar prices per data, read once per round
        pending.append(None)  # end-of-round marker
        while True:
            order = pending.popleft()
            if order is None:
                break
            if order.expire():
                self._retire(order)
            elif not order.active():
                pending.append(order)
            else:
                self._match(order)
                if order.alive():
                    order._rested = True  # later fills add liquidity
                    pending.append(order)
                elif order.status == Order.Completed:
                    self._settle_bracket(order)

    def _mark_futures(self) -> None:
        """Settle the day's price move of futures-like positions in cash."""
        for data, pos in self.positions.items():
            if pos:
                comminfo = self.getcommissioninfo(data)
                if comminfo._stocklike:
                    continue  # stocks settle on sale, nothing moves per bar
                close = data.close[0]
                self.cash += comminfo.cashadjust(pos.size, pos.adjbase, close)
                pos.adjbase = close

    # --- histories ------------------------------------------------------------------
    def add_order_history(self, orders: Any, notify: bool = True) -> None:
        """Replay past executions: ``orders`` is an iterable of
        ``[datetime, size, price, data]`` (data optional: index, name or
        None for the first data), sorted by datetime."""
        oiter = iter(orders)
        self._order_histories.append([next(oiter, None), oiter, notify])

    def _replay_order_history(self) -> None:
        for uhist in self._order_histories:
            entry, rest, notify = uhist
            while entry is not None:
                entry = list(entry)
                data = self._history_data(entry[3] if len(entry) > 3 else None)
                if not len(data):
                    break
                dt = entry[0]
                if isinstance(dt, string_types):
                    dt = entry[0] = _parse_history_dt(dt)
                elif not isinstance(dt, datetime.datetime):
                    dt = entry[0] = datetime.datetime(dt.year, dt.month, dt.day)
                if dt > data.datetime.datetime():
                    break
                size, price = entry[1], entry[2]
                owner = self.cerebro.runningstrats[0]
                if size > 0:
                    self.buy(owner=owner, data=data, size=size, price=price,
                             exectype=Order.Historical, histnotify=notify,
                             _checksubmit=False)
                elif size < 0:
                    self.sell(owner=owner, data=data, size=abs(size),
                              price=price, exectype=Order.Historical,
                              histnotify=notify, _checksubmit=False)
                uhist[0] = entry = next(rest, None)

    def _history_data(self, key: Any) -> Any:
        cerebro = self.cerebro
        if key is None:
            return cerebro.datas[0]
        if isinstance(key, integer_types):
            return cerebro.datas[key]
        return cerebro.datasbyname[key]

    def set_fund_history(self, fund: Any) -> None:
        """Use a recorded fund history instead of computing the value:
        ``fund`` is an iterable of ``[datetime, share_value, net_value]``
        (datetime may be a string ``YYYY-MM-DD[THH:MM:SS[.ffffff]]``)."""
        fiter = iter(fund)
        self._fund_history = [next(fiter, None), fiter]
        self._fundcurrent = (float('nan'), float('nan'))

    def _fund_history_now(self) -> tuple:
        """(share value, net value) in force now.  Each call takes at most
        one new entry; before the first entry both are NaN."""
        hist = self._fund_history
        entry = hist[0]
        if entry is not None:
            entry = list(entry)
            dt = entry[0]
            if isinstance(dt, string_types):
                dt = _parse_history_dt(dt)
            elif not isinstance(dt, datetime.datetime):
                dt = datetime.datetime.combine(dt, datetime.time())
            if dt <= self._master_datetime():
                self._fundcurrent = (entry[1], entry[2])
                hist[0] = next(hist[1], None)
        return self._fundcurrent

    def _master_datetime(self) -> datetime.datetime:
        cerebro = self.cerebro
        dtmaster = getattr(cerebro, '_dtmaster', None)
        if dtmaster is None:
            dtmaster = cerebro.datas[0].datetime.datetime()
        return dtmaster


def _check_number(name: str, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, numbers.Number):
        raise TypeError('%s must be a number, got %r' % (name, value))


def _charges_nothing(comminfo: Any) -> bool:
    """True for a standard scheme without interest: skips the per-bar
    datetime conversion the interest calculation needs."""
    cls = type(comminfo)
    return (getattr(comminfo, '_daily_rate', None) == 0.0
            and cls.get_credit_interest is CommInfoBase.get_credit_interest
            and cls._get_credit_interest is CommInfoBase._get_credit_interest)


def _parse_history_dt(text: str) -> datetime.datetime:
    """Parse ``YYYY-MM-DD[THH:MM:SS[.ffffff]]``."""
    fmt = '%Y-%m-%d'
    if 'T' in text:
        fmt += 'T%H:%M:%S'
        if '.' in text:
            fmt += '.%f'
    return datetime.datetime.strptime(text, fmt)


BrokerBack = BackBroker
