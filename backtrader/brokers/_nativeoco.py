"""Exit pairs the exchange links itself: one cancels the other natively.

On spot both exits of a bracket sell the same coins, so sent as two plain
orders the second is refused for funds.  Where the exchange has OCO
lists, the pair goes out as one list: the exchange reserves the coins
once, and when one leg fills (or is canceled) it cancels the other in the
same instant — no window in which both can fill.

``NATIVE_OCO`` is the table (data, per ccxt exchange id): the implicit
ccxt method that takes the raw request, and the function that builds the
request from the two legs.  Exchanges missing from it get the broker's
emulation.
"""
from __future__ import annotations

from typing import Any, Callable, NamedTuple, Optional

__all__ = ['NATIVE_OCO', 'ExitLeg', 'binance_order_list', 'native_oco']


class ExitLeg(NamedTuple):
    """One leg, already rounded to the market's precision: a take-profit
    limit (``trigger`` None) or a stop (``trigger`` set; ``price`` set
    for a stop-limit)."""
    client_id: str
    price: Optional[float]
    trigger: Optional[float] = None


def binance_order_list(market_id: str, side: str, amount: float, stop: ExitLeg,
                       limit: ExitLeg, list_client_id: str) -> dict:
    """Binance spot ``POST /api/v3/orderList/oco``: the leg priced above
    the market and the leg below.  Selling, the take-profit is above and
    the stop below; buying, the other way round.  The take-profit rests
    as LIMIT_MAKER (Binance refuses a list whose limit would fill at
    once), the stop is STOP_LOSS, or STOP_LOSS_LIMIT with its limit."""
    legs = {'limit': {'Type': 'LIMIT_MAKER', 'Price': limit.price,
                      'ClientOrderId': limit.client_id}}
    stop_leg = {'StopPrice': stop.trigger, 'ClientOrderId': stop.client_id}
    if stop.price is None:
        stop_leg['Type'] = 'STOP_LOSS'
    else:
        stop_leg.update(Type='STOP_LOSS_LIMIT', Price=stop.price, TimeInForce='GTC')
    legs['stop'] = stop_leg
    above, below = ('limit', 'stop') if side == 'sell' else ('stop', 'limit')
    request = {'symbol': market_id, 'side': side.upper(), 'quantity': _text(amount),
               'listClientOrderId': list_client_id}
    for slot, name in (('above', above), ('below', below)):
        for field, value in legs[name].items():
            request[slot + field] = _text(value) if isinstance(value, float) else value
    return request


def _text(number: float) -> str:
    return format(number, 'f').rstrip('0').rstrip('.') or '0'


#: ccxt id -> (implicit ccxt method, request builder)
NATIVE_OCO: dict[str, tuple[str, Callable[..., dict]]] = {
    'binance': ('privatePostOrderListOco', binance_order_list),
}


def native_oco(exchange: Any) -> Optional[tuple[str, Callable[..., dict]]]:
    """The table entry for a ccxt exchange object, when it has the method."""
    entry = NATIVE_OCO.get(getattr(exchange, 'id', None))
    if entry is None or not hasattr(exchange, entry[0]):
        return None
    return entry
