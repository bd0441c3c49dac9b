"""Order matching of the backtesting broker.

Decides whether and at which price a pending order fills on the current bar
(per execution type, with gaps at the open, slippage and the volume filler),
and books the fill: position, cash, commission and the order's execution
record.  ``_estimate_cash`` runs the same bookkeeping on a copy of the
position to check margin at submission.

Mixed into ``BackBroker``; relies on its ``p``, ``cash``, ``positions``,
``d_credit``, ``getcommissioninfo``, ``notify``, ``_cancel_oco_group`` and
``_settle_bracket``.
"""
from __future__ import annotations

from typing import Any

from ..order import Order

__all__ = ['MatchingMixin']

_MARKET, _CLOSE, _LIMIT, _STOP, _STOPLIMIT, _STOPTRAIL, _STOPTRAILLIMIT, \
    _HISTORICAL = range(8)
_STOPS = (_STOP, _STOPTRAIL)
_STOPLIMITS = (_STOPLIMIT, _STOPTRAILLIMIT)


def _barprices(data: Any) -> tuple:
    """(open, high, low, close) of the current bar, preferring the replay
    tick values when the data carries them."""
    prices = []
    for tickname, line in (('tick_open', data.open), ('tick_high', data.high),
                           ('tick_low', data.low), ('tick_close', data.close)):
        value = getattr(data, tickname, None)
        prices.append(line[0] if value is None else value)
    return tuple(prices)


class MatchingMixin:
    """Fill-price rules and fill bookkeeping (see module doc)."""

    # --- slippage --------------------------------------------------------------
    def _slipped_buy(self, pmax: float, price: float, doslip: bool = True,
                 lim: bool = False) -> Any:
        """Worsen a buy price by the slippage, capped at ``pmax`` (None: no
        fill possible)."""
        if not doslip:
            return price
        p = self.p
        if p.slip_perc:
            pslip = price * (1 + p.slip_perc)
        elif p.slip_fixed:
            pslip = price + p.slip_fixed
        else:
            return price
        if pslip <= pmax:
            return pslip
        if p.slip_match or (lim and p.slip_limit):
            return pslip if p.slip_out else pmax
        return None

    def _slipped_sell(self, pmin: float, price: float, doslip: bool = True,
                   lim: bool = False) -> Any:
        """Worsen a sell price by the slippage, floored at ``pmin``."""
        if not doslip:
            return price
        p = self.p
        if p.slip_perc:
            pslip = price * (1 - p.slip_perc)
        elif p.slip_fixed:
            pslip = price - p.slip_fixed
        else:
            return price
        if pslip >= pmin:
            return pslip
        if p.slip_match or (lim and p.slip_limit):
            return pslip if p.slip_out else pmin
        return None

    # --- matching per execution type ---------------------------------------------
    def _match(self, order: Order) -> None:
        data = order.data
        cache = self._bar_prices
        prices = cache.get(data)
        if prices is None:
            prices = cache[data] = _barprices(data)
        popen, phigh, plow, pclose = prices
        created = order.created
        pcreated = created.price
        plimit = created.pricelimit
        exectype = order.exectype

        if exectype == _MARKET:
            self._match_market(order, popen, phigh, plow)
        elif exectype == _CLOSE:
            self._match_close(order, pclose)
        elif exectype == _LIMIT:
            self._match_limit(order, popen, phigh, plow, pcreated)
        elif order.triggered and exectype in _STOPLIMITS:
            self._match_limit(order, popen, phigh, plow, plimit)
        elif exectype in _STOPS:
            self._match_stop(order, popen, phigh, plow, pcreated, pclose)
        elif exectype in _STOPLIMITS:
            self._match_stoplimit(order, popen, phigh, plow, pclose,
                                     pcreated, plimit)
        elif exectype == _HISTORICAL:
            self._fill(order, ago=0, price=pcreated)

    def _match_market(self, order: Order, popen: float, phigh: float,
                         plow: float) -> None:
        p = self.p
        if p.coc and order.info.get('coc', True):
            # cheat-on-close: the close of the bar the order was issued in
            dtcoc = order.created.dt
            price = order.created.pclose
        else:
            if not p.coo and order.data.datetime[0] <= order.created.dt:
                return  # not before the bar following its creation
            dtcoc = None
            price = popen
        if order.isbuy():
            fill = self._slipped_buy(phigh, price, doslip=p.slip_open)
        else:
            fill = self._slipped_sell(plow, price, doslip=p.slip_open)
        self._fill(order, ago=0, price=fill, dtcoc=dtcoc)

    def _match_close(self, order: Order, pclose: float) -> None:
        """Fill at the close of the session's last bar.  Without a bar stamped
        at the session end, the last close seen is remembered and used when
        the first bar of the next session arrives."""
        dt0 = order.data.datetime[0]
        if dt0 > order.created.dt and dt0 >= order.dteos:
            if order.pannotated and dt0 > order.dteos:
                self._fill(order, ago=-1, price=order.pannotated)
            else:
                self._fill(order, ago=0, price=pclose)
            return
        order.pannotated = pclose

    def _match_limit(self, order: Order, popen: float, phigh: float,
                        plow: float, plimit: float) -> None:
        # liquidity: an order marketable on arrival takes it (taker); one
        # that rested on the book, or is reached inside the bar, adds it
        slip_open = self.p.slip_open
        if order.isbuy():
            if plimit >= popen:  # opened at/below the limit: buy at the open
                fill = self._slipped_buy(min(phigh, plimit), popen,
                                     doslip=slip_open, lim=True)
                self._fill(order, ago=0, price=fill, maker=order._rested)
            elif plimit >= plow:  # reached the limit during the bar
                self._fill(order, ago=0, price=plimit, maker=True)
        else:
            if plimit <= popen:
                # the floor is the limit itself (not the bar's low): a
                # slipped open may fill below the low, as upstream does
                fill = self._slipped_sell(plimit, popen, doslip=slip_open,
                                       lim=True)
                self._fill(order, ago=0, price=fill, maker=order._rested)
            elif plimit <= phigh:
                self._fill(order, ago=0, price=plimit, maker=True)

    def _match_stop(self, order: Order, popen: float, phigh: float,
                       plow: float, pcreated: float, pclose: float) -> None:
        slip_open = self.p.slip_open
        if order.isbuy():
            if popen >= pcreated:  # gapped through the stop
                self._fill(order, ago=0, price=self._slipped_buy(
                    phigh, popen, doslip=slip_open))
            elif phigh >= pcreated:
                self._fill(order, ago=0,
                              price=self._slipped_buy(phigh, pcreated))
        else:
            if popen <= pcreated:
                self._fill(order, ago=0, price=self._slipped_sell(
                    plow, popen, doslip=slip_open))
            elif plow <= pcreated:
                self._fill(order, ago=0,
                              price=self._slipped_sell(plow, pcreated))

        if order.exectype == _STOPTRAIL and order.alive():
            order.trailadjust(pclose)

    def _match_stoplimit(self, order: Order, popen: float, phigh: float,
                            plow: float, pclose: float, pcreated: float,
                            plimit: float) -> None:
        if order.isbuy():
            if popen >= pcreated:  # triggered at the open: plain limit now
                order.triggered = True
                self._match_limit(order, popen, phigh, plow, plimit)
            elif phigh >= pcreated:
                order.triggered = True
                self._stoplimit_inbar_buy(order, popen, phigh, pclose,
                                             pcreated, plimit)
        else:
            if popen <= pcreated:
                order.triggered = True
                self._match_limit(order, popen, phigh, plow, plimit)
            elif plow <= pcreated:
                order.triggered = True
                self._stoplimit_inbar_sell(order, popen, plow, pclose,
                                              pcreated, plimit)

        if order.exectype == _STOPTRAILLIMIT and order.alive():
            order.trailadjust(pclose)

    def _stoplimit_inbar_buy(self, order: Order, popen: float,
                                phigh: float, pclose: float, pcreated: float,
                                plimit: float) -> None:
        """Stop reached during the bar: the bar's direction (open vs close)
        tells whether the price came back to the limit after the trigger."""
        if plimit >= pcreated:
            self._fill(order, ago=0,
                          price=self._slipped_buy(phigh, pcreated, lim=True))
        elif popen > pclose and plimit >= pclose:
            self._fill(order, ago=0, price=plimit)

    def _stoplimit_inbar_sell(self, order: Order, popen: float,
                                 plow: float, pclose: float, pcreated: float,
                                 plimit: float) -> None:
        if plimit <= pcreated:
            self._fill(order, ago=0,
                          price=self._slipped_sell(plow, pcreated, lim=True))
        elif popen <= pclose and plimit <= pclose:
            self._fill(order, ago=0, price=plimit)

    # --- bookkeeping ----------------------------------------------------------------
    def _closing_cash(self, comminfo: Any, closed: Any, pprice: float,
                      price: float, pnl: float, cash: float) -> tuple:
        """Cash after closing ``closed`` units bought at ``pprice`` now worth
        ``price``; returns (cash, closed value, commission)."""
        if self.p.shortcash:
            closedvalue = comminfo.getvaluesize(-closed, pprice)
        else:
            closedvalue = comminfo.getoperationcost(closed, pprice)
        closecash = closedvalue
        if closedvalue > 0:  # a long position gives back its unlevered cash
            closecash /= comminfo.get_leverage()
        cash += closecash + pnl * comminfo.stocklike
        closedcomm = self._fill_commission(comminfo, closed, price)
        cash -= closedcomm
        return cash, closedvalue, closedcomm

    def _opening_cash(self, comminfo: Any, cinfocomp: Any, opened: Any,
                      price: float, cash: float) -> tuple:
        """Cash after opening ``opened`` units at ``price``; returns (cash,
        opened value, commission)."""
        if self.p.shortcash:
            openedvalue = comminfo.getvaluesize(opened, price)
        else:
            openedvalue = comminfo.getoperationcost(opened, price)
        opencash = openedvalue
        if openedvalue > 0:  # a long position needs only the unlevered cash
            opencash /= comminfo.get_leverage()
        cash -= opencash
        openedcomm = self._fill_commission(cinfocomp, opened, price)
        cash -= openedcomm
        return cash, openedvalue, openedcomm

    def _comminfos(self, order: Order) -> tuple:
        """(scheme of the order's data, data carrying the position, scheme
        charging the commission): a compensating data takes the position."""
        comminfo = self.getcommissioninfo(order.data)
        data = order.data._compensate
        if data is None:
            return comminfo, order.data, comminfo
        return comminfo, data, self.getcommissioninfo(data)

    def _estimate_cash(self, order: Order, cash: float, position: Any) -> float:
        """Cash left after executing the whole order at its reference price,
        updating the scratch ``position``."""
        comminfo, _, cinfocomp = self._comminfos(order)
        if self.p.coo and order.exectype == _MARKET:
            price = order.data.open[0]
        else:
            price = order.created.price
        _, _, opened, closed = position.update(order.executed.remsize, price)
        if closed:
            cash = self._closing_cash(comminfo, closed, price, price, 0, cash)[0]
        if opened:
            cash = self._opening_cash(comminfo, cinfocomp, opened, price, cash)[0]
        return cash

    def _fill_size(self, order: Order, price: float, ago: int) -> Any:
        filler = self.p.filler
        if filler is None:
            return order.executed.remsize
        size = filler(order, price, ago)
        return size if order.isbuy() else -size

    def _fill(self, order: Order, ago: int = 0, price: Any = None,
                 dtcoc: Any = None, maker: bool = False,
                 forced: Any = None) -> None:
        """Fill (part of) ``order`` at ``price``; ``None`` price: no fill.
        ``maker``: the fill added liquidity; ``forced``: a broker-made
        close (liquidation, settlement) filled whole."""
        if price is None:
            return
        gross = order.executed.remsize if forced else self._fill_size(order, price, ago)
        if 'position_side' in order.info and not forced:
            gross = self._leg_room(order, gross)
            if not gross:
                return
        comminfo, data, cinfocomp = self._comminfos(order)
        size = self._price_fill(order, cinfocomp, gross, price, maker, forced)
        try:
            self._book_fill(order, ago, price, dtcoc, gross, size, comminfo,
                            data, cinfocomp)
        finally:
            self._fee_now = None

    def _book_fill(self, order: Order, ago: int, price: float, dtcoc: Any,
                   gross: Any, size: Any, comminfo: Any, data: Any,
                   cinfocomp: Any) -> None:
        position = self.positions[self._position_key(order, data)]
        pprice_orig = position.price
        psize, pprice, opened, closed = position.pseudoupdate(size, price)
        pnl = comminfo.profitandloss(-closed, pprice_orig, price)
        cash = self.cash

        if closed:
            cash, closedvalue, closedcomm = self._closing_cash(
                comminfo, closed, pprice_orig, price, pnl, cash)
            cash += comminfo.cashadjust(-closed, position.adjbase, price)
            self.cash = cash
        else:
            closedvalue = closedcomm = 0.0

        wanted = opened
        if opened:
            cash, openedvalue, openedcomm = self._opening_cash(
                comminfo, cinfocomp, opened, price, cash)
            if cash < 0.0:  # not enough cash: the opening part is dropped
                opened = 0
                openedvalue = openedcomm = 0.0
            else:
                if abs(psize) > abs(opened):
                    # units held before: settle them up to the fill price so
                    # all share the same base for the end-of-bar settlement
                    cash += comminfo.cashadjust(psize - opened,
                                                position.adjbase, price)
                position.adjbase = price
                self.cash = cash
        else:
            openedvalue = openedcomm = 0.0

        execsize = closed + opened
        if execsize:
            comminfo.confirmexec(execsize, price)
            position.update(execsize, price, data.datetime.datetime())
            if closed and self.p.int2pnl:
                closedcomm += self.d_credit.pop(data, 0.0)
            if gross != size and execsize == size:
                # the fee withheld from the base bought completes the order
                order.executed.remsize -= gross - size
            order.execute(dtcoc or data.datetime[ago], execsize, price,
                          closed, closedvalue, closedcomm,
                          opened, openedvalue, openedcomm,
                          comminfo.margin, pnl, psize, pprice)
            order.addcomminfo(comminfo)
            self.notify(order)
            self._cancel_oco_group(order)

        if wanted and not opened:
            order.margin()
            self.notify(order)
            self._cancel_oco_group(order)
            self._settle_bracket(order, cancel=True)
