"""SignalStrategy: a strategy that trades from signals, without code.

``cerebro.add_signal(SIGNAL_LONG, MySignal)`` (or ``signal_add`` inside a
strategy) registers a line whose sign is read every bar: a positive value
is a long indication, a negative one a short indication.  The type of the
signal decides what an indication does:

* ``SIGNAL_LONGSHORT``: long indications go long, short ones go short
  (reversing an open position).
* ``SIGNAL_LONG`` / ``_INV`` / ``_ANY``: long (inverted: short, any:
  either) indications go long; the opposite indication closes the long,
  unless exit signals exist.  ``SIGNAL_SHORT*`` mirror them.
* ``SIGNAL_LONGEXIT`` / ``_INV`` / ``_ANY``: short (inverted: long, any:
  either) indications close a long position.  ``SIGNAL_SHORTEXIT*``
  mirror them.

Several signals of one type must all agree.  By default a position is not
increased while open (``_accumulate``) and no order is sent while the
previous one is still alive (``_concurrent``).

Upstream backtrader defines these classes in ``backtrader.strategy``;
``backtrader.strategy`` re-exports them from here.
"""
from __future__ import annotations

from typing import Any, Callable

from .signal import (SIGNAL_LONGSHORT, SIGNAL_LONG, SIGNAL_LONG_INV,
                     SIGNAL_LONG_ANY, SIGNAL_SHORT, SIGNAL_SHORT_INV,
                     SIGNAL_SHORT_ANY, SIGNAL_LONGEXIT, SIGNAL_LONGEXIT_INV,
                     SIGNAL_LONGEXIT_ANY, SIGNAL_SHORTEXIT,
                     SIGNAL_SHORTEXIT_INV, SIGNAL_SHORTEXIT_ANY, SignalTypes)
from .metabase import owner_stack
from .strategy import MetaStrategy, Strategy
from .utils.py3 import integer_types, string_types

__all__ = ['MetaSigStrategy', 'SignalStrategy']


def _pos(value: float) -> bool:
    return value > 0.0


def _neg(value: float) -> bool:
    return value < 0.0


def _nonzero(value: float) -> bool:
    return value != 0.0


# (signal type, test of the value) that make up each decision; a decision
# holds when any of its types has signals and all of them pass the test.
_Rule = tuple[tuple[int, Callable[[float], bool]], ...]
_LS_LONG: _Rule = ((SIGNAL_LONGSHORT, _pos),)
_LS_SHORT: _Rule = ((SIGNAL_LONGSHORT, _neg),)
_LONG_ENTER: _Rule = ((SIGNAL_LONG, _pos), (SIGNAL_LONG_INV, _neg),
                      (SIGNAL_LONG_ANY, _nonzero))
_LONG_LEAVE: _Rule = ((SIGNAL_LONG, _neg), (SIGNAL_LONG_INV, _pos),
                      (SIGNAL_LONG_ANY, _nonzero))
_SHORT_ENTER: _Rule = ((SIGNAL_SHORT, _neg), (SIGNAL_SHORT_INV, _pos),
                       (SIGNAL_SHORT_ANY, _nonzero))
_SHORT_LEAVE: _Rule = ((SIGNAL_SHORT, _pos), (SIGNAL_SHORT_INV, _neg),
                       (SIGNAL_SHORT_ANY, _nonzero))
_LONG_EXIT: _Rule = ((SIGNAL_LONGEXIT, _neg), (SIGNAL_LONGEXIT_INV, _pos),
                     (SIGNAL_LONGEXIT_ANY, _nonzero))
_SHORT_EXIT: _Rule = ((SIGNAL_SHORTEXIT, _pos), (SIGNAL_SHORTEXIT_INV, _neg),
                      (SIGNAL_SHORTEXIT_ANY, _nonzero))


# how the ``_data`` param names the traded data: (accepted types, lookup)
_DATA_LOOKUPS = (
    (type(None), lambda strat, _: strat.data0),
    (integer_types, lambda strat, index: strat.datas[index]),
    (string_types, lambda strat, name: strat.getdatabyname(name)),
)


def _traded_data(strat: Any, target: Any) -> Any:
    """The data the signals trade; anything not matched above is taken to
    be a data feed itself."""
    for kinds, lookup in _DATA_LOOKUPS:
        if isinstance(target, kinds):
            return lookup(strat, target)
    return target


class MetaSigStrategy(MetaStrategy):
    """Keeps the signal logic running when a subclass defines ``next``.

    A ``next`` written in a subclass is stored as ``_next_custom`` and
    called after the signals were acted upon; the signals given through
    the ``signals`` parameter are instantiated after the user's
    ``__init__`` (so they come after the user's indicators).
    """

    def __new__(meta, name, bases, dct):
        derived = any(isinstance(base, MetaSigStrategy) for base in bases)
        if derived and 'next' in dct:
            dct['_next_custom'] = dct.pop('next')
        return super().__new__(meta, name, bases, dct)

    def dopreinit(cls, _obj, *args, **kwargs):
        _obj, args, kwargs = super().dopreinit(_obj, *args, **kwargs)
        _obj._signals = {sigtype: [] for sigtype in SignalTypes}
        _obj._sigpending = None
        _obj._sigdata = _traded_data(_obj, _obj.p._data)
        return _obj, args, kwargs

    def dopostinit(cls, _obj, *args, **kwargs):
        # the strategy owns the signals as if built in its __init__
        owner_stack.append(_obj)
        try:
            for sigtype, sigcls, sigargs, sigkwargs in _obj.p.signals:
                _obj.signal_add(sigtype, sigcls(*sigargs, **sigkwargs))
        finally:
            owner_stack.pop()
        return super().dopostinit(_obj, *args, **kwargs)


class SignalStrategy(Strategy, metaclass=MetaSigStrategy):
    """Strategy that buys, sells and closes from registered signals.

    Params:
      - ``signals`` (default ``[]``): ``(sigtype, sigcls, args, kwargs)``
        tuples instantiated when the strategy is created (cerebro fills it
        from ``add_signal``).
      - ``_accumulate`` (default ``False``): enter again in the direction
        of an open position.
      - ``_concurrent`` (default ``False``): send orders while an earlier
        signal order is still alive.
      - ``_data`` (default ``None``): the data traded: None for the first
        data, an index into ``datas``, a data name or a data feed.
    """

    params = (
        ('signals', []),
        ('_accumulate', False),
        ('_concurrent', False),
        ('_data', None),
    )

    def signal_add(self, sigtype: int, signal: Any) -> None:
        """Register ``signal`` (a line or indicator) under ``sigtype``."""
        if sigtype not in self._signals:
            raise ValueError('signal_add: sigtype must be one of the '
                             'SIGNAL_* constants, got %r' % (sigtype,))
        self._signals[sigtype].append(signal)

    def _start(self) -> None:
        self._sigpending = None
        super()._start()

    def _notify(self, qorders=None, qtrades=None):
        pending = self._sigpending
        if pending is not None:
            orders = qorders if qorders else self._orderspending
            for order in orders:
                # notifications carry copies of the order: match the ref
                if order.ref == pending.ref and not order.alive():
                    self._sigpending = None
        super()._notify(qorders=qorders, qtrades=qtrades)

    def next(self) -> None:
        self._next_signal()
        custom = getattr(self, '_next_custom', None)
        if custom is not None:
            custom()

    # --- the decision ------------------------------------------------------
    def _holds(self, rule: _Rule) -> bool:
        signals = self._signals
        for sigtype, test in rule:
            sigs = signals[sigtype]
            if sigs and all(test(sig[0]) for sig in sigs):
                return True
        return False

    def _next_signal(self) -> None:
        if self._sigpending is not None and not self.p._concurrent:
            return
        holds = self._holds
        signals = self._signals
        ls_long, ls_short = holds(_LS_LONG), holds(_LS_SHORT)
        l_enter, s_enter = holds(_LONG_ENTER), holds(_SHORT_ENTER)
        go_long, go_short = ls_long or l_enter, ls_short or s_enter
        data = self._sigdata
        size = self.getposition(data).size
        if size > 0:
            # a plain LONGEXIT signal takes over closing from the entry side
            free = not signals[SIGNAL_LONGEXIT]
            reverse = ls_short or (free and s_enter)
            if (reverse or holds(_LONG_EXIT)
                    or (free and holds(_LONG_LEAVE))):
                self._sigpending = self.close(data=data)
            if reverse:
                self._sigpending = self.sell(data=data)
            if go_long and self.p._accumulate:
                self._sigpending = self.buy(data=data)
        elif size < 0:
            free = not signals[SIGNAL_SHORTEXIT]
            reverse = ls_long or (free and l_enter)
            if (reverse or holds(_SHORT_EXIT)
                    or (free and holds(_SHORT_LEAVE))):
                self._sigpending = self.close(data=data)
            if reverse:
                self._sigpending = self.buy(data=data)
            if go_short and self.p._accumulate:
                self._sigpending = self.sell(data=data)
        elif go_long:
            self._sigpending = self.buy(data=data)
        elif go_short:
            self._sigpending = self.sell(data=data)
