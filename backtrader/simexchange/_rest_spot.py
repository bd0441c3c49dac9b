"""Binance spot REST endpoints (``/api/v3/...``) of the local exchange.

Each handler takes the exchange core, the request parameters and the
caller's API key (None on public endpoints) and returns the JSON payload
Binance returns, or raises ``ExchangeError``.  ``ROUTES`` maps
``(method, path)`` to ``(handler, weight, security)`` with security one of
``'NONE'``, ``'KEY'`` (API key only) and ``'SIGNED'``.
"""
from __future__ import annotations

import time
from typing import Any

from . import _errors as E
from ._market import INTERVALS_MS
from ._rules import fmt
from ._book import OPEN_STATUSES
from ._spot import ORDER_TYPES, SpotOrder

__all__ = ['ROUTES', 'order_result', 'kline_row']


def _int_param(params: dict, name: str, default: Any = None, lo: int = None,
               hi: int = None) -> Any:
    value = params.get(name)
    if value in (None, ''):
        return default
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise E.bad_param(name, value) from None
    if (lo is not None and number < lo) or (hi is not None and number > hi):
        raise E.ExchangeError(E.INVALID_PARAMETER, 'Illegal %s: %s.' % (name, value))
    return number


# --- market data ---------------------------------------------------------------------
def ping(core, params, key):
    return {}


def server_time(core, params, key):
    return {'serverTime': int(time.time() * 1000)}


def exchange_info(core, params, key, market='spot'):
    v = core.venues[market]
    wanted = v.requested_symbols(params)
    return {
        'timezone': 'UTC', 'serverTime': int(time.time() * 1000),
        'rateLimits': [
            {'rateLimitType': 'REQUEST_WEIGHT', 'interval': 'MINUTE',
             'intervalNum': 1, 'limit': core.limiter.limit},
            {'rateLimitType': 'ORDERS', 'interval': 'SECOND', 'intervalNum': 10,
             'limit': 100},
            {'rateLimitType': 'ORDERS', 'interval': 'DAY', 'intervalNum': 1,
             'limit': 200000},
        ],
        'exchangeFilters': [],
        'symbols': [_symbol_info(v.rules[s]) for s in wanted],
    }


def _symbol_info(rules):
    return {
        'symbol': rules.symbol, 'status': 'TRADING', 'baseAsset': rules.base,
        'baseAssetPrecision': 8, 'quoteAsset': rules.quote, 'quotePrecision': 8,
        'quoteAssetPrecision': 8, 'baseCommissionPrecision': 8,
        'quoteCommissionPrecision': 8, 'orderTypes': list(ORDER_TYPES),
        'icebergAllowed': False, 'ocoAllowed': True, 'otoAllowed': False,
        'quoteOrderQtyMarketAllowed': True, 'allowTrailingStop': False,
        'cancelReplaceAllowed': False, 'isSpotTradingAllowed': True,
        'isMarginTradingAllowed': False, 'filters': rules.filters(),
        'permissions': [], 'permissionSets': [['SPOT']],
        'defaultSelfTradePreventionMode': 'NONE',
        'allowedSelfTradePreventionModes': ['NONE'],
    }


def kline_row(bar, interval_ms: int) -> list:
    quote = bar.volume * (bar.open + bar.close) / 2.0
    return [bar.time, fmt(bar.open), fmt(bar.high), fmt(bar.low), fmt(bar.close),
            fmt(bar.volume), bar.time + interval_ms - 1, fmt(quote), 4,
            fmt(bar.volume / 2.0), fmt(quote / 2.0), '0']


def klines(core, params, key, market='spot'):
    v = core.venues[market]
    tape = v.tape(params.get('symbol'))
    interval = params.get('interval')
    if not interval:
        raise E.missing_param('interval')
    if interval not in INTERVALS_MS:
        raise E.ExchangeError(E.INVALID_PARAMETER, 'Invalid interval.')
    interval_ms = INTERVALS_MS[interval]
    if interval_ms < tape.interval_ms or interval_ms % tape.interval_ms:
        raise E.ExchangeError(E.INVALID_PARAMETER, 'Invalid interval: the local '
                              'exchange has %s bars of %d ms and can only serve '
                              'multiples of them.' % (tape.symbol, tape.interval_ms))
    limit = _int_param(params, 'limit', 500, 1, 1000)
    start = _int_param(params, 'startTime')
    end = _int_param(params, 'endTime')
    rows = tape.klines(interval_ms, start, end, limit)
    return [kline_row(bar, interval_ms) for bar, _ in rows]


def ticker_price(core, params, key, market='spot'):
    v = core.venues[market]
    if params.get('symbol'):
        tape = v.tape(params['symbol'])
        return {'symbol': tape.symbol, 'price': fmt(v.last(tape.symbol))}
    return [{'symbol': s, 'price': fmt(v.last(s))} for s in v.requested_symbols(params)]


def ticker_24h(core, params, key, market='spot'):
    v = core.venues[market]
    if params.get('symbol'):
        return _day_stats(core, v.tape(params['symbol']).symbol, market)
    return [_day_stats(core, s, market) for s in v.requested_symbols(params)]


def _day_stats(core, symbol, market='spot'):
    v = core.venues[market]
    tape = v.tapes[symbol]
    now = core.clock.now
    bars = [b for b, _ in tape.klines(tape.interval_ms, now - 86_400_000, None, 100000)]
    last = v.last(symbol)
    first = bars[0] if bars else None
    opened = first.open if first else last
    high = max((b.high for b in bars), default=last)
    low = min((b.low for b in bars), default=last)
    volume = sum(b.volume for b in bars)
    quote = sum(b.volume * (b.open + b.close) / 2 for b in bars)
    bid, ask = v.book_top(symbol)
    return {
        'symbol': symbol, 'priceChange': fmt(last - opened),
        'priceChangePercent': '%.3f' % ((last - opened) / opened * 100 if opened else 0.0),
        'weightedAvgPrice': fmt(quote / volume if volume else last),
        'prevClosePrice': fmt(opened), 'lastPrice': fmt(last), 'lastQty': fmt(0.0),
        'bidPrice': fmt(bid), 'bidQty': fmt(1.0), 'askPrice': fmt(ask),
        'askQty': fmt(1.0), 'openPrice': fmt(opened), 'highPrice': fmt(high),
        'lowPrice': fmt(low), 'volume': fmt(volume), 'quoteVolume': fmt(quote),
        'openTime': first.time if first else now, 'closeTime': now,
        'firstId': 0, 'lastId': tape.trade_id, 'count': tape.trade_id,
    }


def book_ticker(core, params, key, market='spot'):
    v = core.venues[market]
    def one(symbol):
        bid, ask = v.book_top(symbol)
        return {'symbol': symbol, 'bidPrice': fmt(bid), 'bidQty': fmt(1.0),
                'askPrice': fmt(ask), 'askQty': fmt(1.0)}
    if params.get('symbol'):
        return one(v.tape(params['symbol']).symbol)
    return [one(s) for s in v.requested_symbols(params)]


def depth(core, params, key, market='spot'):
    v = core.venues[market]
    symbol = v.tape(params.get('symbol')).symbol
    limit = _int_param(params, 'limit', 100, 1, 5000)
    bids, asks = v.book(symbol, limit)
    return {'lastUpdateId': v.tapes[symbol].trade_id,
            'bids': [[fmt(p), fmt(q)] for p, q in bids],
            'asks': [[fmt(p), fmt(q)] for p, q in asks]}


def avg_price(core, params, key, market='spot'):
    v = core.venues[market]
    symbol = v.tape(params.get('symbol')).symbol
    return {'mins': 5, 'price': fmt(v.last(symbol)), 'closeTime': core.clock.now}


def recent_trades(core, params, key, market='spot'):
    v = core.venues[market]
    symbol = v.tape(params.get('symbol')).symbol
    limit = _int_param(params, 'limit', 500, 1, 1000)
    return [{'id': t.trade_id, 'price': fmt(t.price), 'qty': fmt(t.qty),
             'quoteQty': fmt(t.qty * t.price), 'time': t.time,
             'isBuyerMaker': t.index % 2 == 1, 'isBestMatch': True}
            for t in list(v.recent[symbol])[-limit:]]


# --- orders ---------------------------------------------------------------------------
def order_result(order: SpotOrder, resp_type: str = 'FULL') -> dict:
    out = {'symbol': order.symbol, 'orderId': order.order_id,
           'orderListId': order.list_id, 'clientOrderId': order.client_id,
           'transactTime': order.update_time}
    if resp_type == 'ACK':
        return out
    out.update(_order_fields(order))
    if resp_type == 'FULL':
        out['fills'] = [{'price': fmt(t.price), 'qty': fmt(t.qty),
                         'commission': fmt(t.commission),
                         'commissionAsset': t.commission_asset,
                         'tradeId': t.trade_id} for t in order.fills]
    return out


def _order_fields(order: SpotOrder) -> dict:
    fields = {'price': fmt(order.price), 'origQty': fmt(order.qty),
              'executedQty': fmt(order.executed),
              'origQuoteOrderQty': fmt(order.quote_qty),
              'cummulativeQuoteQty': fmt(order.cum_quote), 'status': order.status,
              'timeInForce': order.tif or 'GTC', 'type': order.type,
              'side': order.side, 'workingTime': order.time,
              'selfTradePreventionMode': 'NONE'}
    if order.stop_price:
        fields['stopPrice'] = fmt(order.stop_price)
    return fields


def order_status(order: SpotOrder) -> dict:
    out = {'symbol': order.symbol, 'orderId': order.order_id,
           'orderListId': order.list_id, 'clientOrderId': order.client_id}
    out.update(_order_fields(order))
    out.update({'stopPrice': fmt(order.stop_price), 'icebergQty': fmt(0.0),
                'time': order.time, 'updateTime': order.update_time,
                'isWorking': order.working and order.is_open})
    return out


def _resp_type(params, order_type):
    wanted = str(params.get('newOrderRespType') or '').upper()
    if wanted and wanted not in ('ACK', 'RESULT', 'FULL'):
        raise E.bad_param('newOrderRespType', wanted)
    return wanted or ('FULL' if order_type in ('MARKET', 'LIMIT') else 'ACK')


def new_order(core, params, key):
    order = core.spot.new_order(core.account(key), params)
    return order_result(order, _resp_type(params, order.type))


def test_order(core, params, key):
    core.spot._validated(core.account(key), params, -1)
    return {}


def get_order(core, params, key):
    return order_status(core.spot.find(core.account(key), params))


def cancel_order(core, params, key):
    order = core.spot.cancel(core.account(key), params)
    out = order_status(order)
    out['origClientOrderId'] = order.client_id
    out['transactTime'] = order.update_time
    return out


def cancel_open_orders(core, params, key):
    account = core.account(key)
    symbol = core.tape(params.get('symbol')).symbol
    done = []
    for order in [o for o in account.orders.values()
                  if o.symbol == symbol and o.is_open]:
        if order.is_open:  # an OCO sibling may have gone with the previous one
            core.spot.cancel(account, {'symbol': symbol, 'orderId': order.order_id})
            done.append(order_status(order))
    return done


def open_orders(core, params, key):
    account = core.account(key)
    symbol = core.tape(params['symbol']).symbol if params.get('symbol') else None
    return [order_status(o) for o in account.orders.values()
            if o.status in OPEN_STATUSES and (symbol is None or o.symbol == symbol)]


def _window(params, items, time_of, id_of, id_name):
    start = _int_param(params, 'startTime')
    end = _int_param(params, 'endTime')
    from_id = _int_param(params, id_name)
    limit = _int_param(params, 'limit', 500, 1, 1000)
    picked = [x for x in items
              if (start is None or time_of(x) >= start)
              and (end is None or time_of(x) <= end)
              and (from_id is None or id_of(x) >= from_id)]
    return picked[:limit] if (start is not None or from_id is not None) else picked[-limit:]


def all_orders(core, params, key):
    account = core.account(key)
    symbol = core.tape(params.get('symbol')).symbol
    mine = [o for o in account.orders.values() if o.symbol == symbol]
    mine.sort(key=lambda o: o.order_id)
    return [order_status(o) for o in _window(params, mine, lambda o: o.time,
                                             lambda o: o.order_id, 'orderId')]


def my_trades(core, params, key):
    account = core.account(key)
    symbol = core.tape(params.get('symbol')).symbol
    mine = [t for t in account.trades if t.symbol == symbol]
    oid = _int_param(params, 'orderId')
    if oid is not None:
        mine = [t for t in mine if t.order_id == oid]
    picked = _window(params, mine, lambda t: t.time, lambda t: t.trade_id, 'fromId')
    return [{'symbol': t.symbol, 'id': t.trade_id, 'orderId': t.order_id,
             'orderListId': t.list_id, 'price': fmt(t.price), 'qty': fmt(t.qty),
             'quoteQty': fmt(t.qty * t.price), 'commission': fmt(t.commission),
             'commissionAsset': t.commission_asset, 'time': t.time,
             'isBuyer': t.side == 'BUY', 'isMaker': t.maker, 'isBestMatch': True}
            for t in picked]


def account_info(core, params, key):
    account = core.account(key)
    maker, taker = core.spot.maker_fee, core.spot.taker_fee
    return {
        'makerCommission': int(round(maker * 10000)),
        'takerCommission': int(round(taker * 10000)),
        'buyerCommission': 0, 'sellerCommission': 0,
        'commissionRates': {'maker': fmt(maker), 'taker': fmt(taker),
                            'buyer': fmt(0.0), 'seller': fmt(0.0)},
        'canTrade': True, 'canWithdraw': True, 'canDeposit': True,
        'brokered': False, 'requireSelfTradePrevention': False,
        'preventSor': False, 'updateTime': account.update_time,
        'accountType': 'SPOT',
        'balances': [{'asset': a, 'free': fmt(f), 'locked': fmt(lk)}
                     for a, (f, lk) in account.balances.items()],
        'permissions': ['SPOT'], 'uid': abs(hash(key)) % 10 ** 9,
    }


def trade_fee(core, params, key):
    symbols = core.requested_symbols(params)
    return [{'symbol': s, 'makerCommission': fmt(core.spot.maker_fee),
             'takerCommission': fmt(core.spot.taker_fee)} for s in symbols]


# --- order lists (OCO) ----------------------------------------------------------------
def _list_payload(core, account, entry):
    orders = [account.orders[oid] for oid in entry['orders']]
    done = entry['status'] == 'ALL_DONE'
    return {'orderListId': entry['id'], 'contingencyType': 'OCO',
            'listStatusType': 'ALL_DONE' if done else 'EXEC_STARTED',
            'listOrderStatus': 'ALL_DONE' if done else 'EXECUTING',
            'listClientOrderId': entry['client_id'],
            'transactionTime': entry['time'], 'symbol': entry['symbol'],
            'orders': [{'symbol': o.symbol, 'orderId': o.order_id,
                        'clientOrderId': o.client_id} for o in orders],
            'orderReports': [order_result(o, 'RESULT') for o in orders]}


def new_oco(core, params, key):
    account = core.account(key)
    return _list_payload(core, account, core.spot.new_oco(account, params))


def new_order_list_oco(core, params, key):
    """The current OCO endpoint: an ``above`` and a ``below`` leg, each with
    its own type, price, stop price and client id."""
    account = core.account(key)
    symbol = core.tape(params.get('symbol')).symbol
    side = str(params.get('side') or '').upper()
    legs = []
    for name in ('above', 'below'):
        otype = params.get(name + 'Type')
        if not otype:
            raise E.missing_param(name + 'Type')
        leg = {'symbol': symbol, 'side': side, 'type': otype,
               'quantity': params.get('quantity'),
               'newClientOrderId': params.get(name + 'ClientOrderId')}
        for suffix, field in (('Price', 'price'), ('StopPrice', 'stopPrice'),
                              ('TimeInForce', 'timeInForce')):
            if params.get(name + suffix) not in (None, ''):
                leg[field] = params[name + suffix]
        legs.append(leg)
    # the stop-loss leg first: it holds the shared lock of a sell
    legs.sort(key=lambda leg: not str(leg['type']).upper().startswith('STOP_LOSS'))
    entry = core.spot.new_order_list(account, symbol, side, legs,
                                     params.get('listClientOrderId'))
    return _list_payload(core, account, entry)


def _find_list(core, account, params):
    lid = _int_param(params, 'orderListId')
    cid = params.get('listClientOrderId') or params.get('origClientOrderId')
    for entry in account.lists.values():
        if (lid is not None and entry['id'] == lid) or \
                (lid is None and cid and entry['client_id'] == cid):
            return entry
    if lid is None and not cid:
        raise E.missing_param('orderListId')
    raise E.ExchangeError(E.NO_SUCH_ORDER, 'Order list does not exist.')


def get_order_list(core, params, key):
    account = core.account(key)
    payload = _list_payload(core, account, _find_list(core, account, params))
    payload.pop('orderReports')
    return payload


def cancel_order_list(core, params, key):
    account = core.account(key)
    entry = _find_list(core, account, params)
    for oid in entry['orders']:
        order = account.orders[oid]
        if order.is_open:
            core.spot.cancel(account, {'symbol': order.symbol, 'orderId': oid})
    return _list_payload(core, account, entry)


def open_order_lists(core, params, key):
    account = core.account(key)
    out = []
    for entry in account.lists.values():
        if entry['status'] != 'ALL_DONE':
            payload = _list_payload(core, account, entry)
            payload.pop('orderReports')
            out.append(payload)
    return out


# --- user data stream -------------------------------------------------------------------
def new_listen_key(core, params, key, market='spot'):
    return {'listenKey': core.new_listen_key(key, market)}


def keepalive_listen_key(core, params, key):
    entry = core.listen_key(params.get('listenKey'), key)
    entry[1] = time.time()
    return {}


def close_listen_key(core, params, key):
    core.listen_key(params.get('listenKey'), key)
    core.close_listen_key(params['listenKey'])
    return {}


def capital_config(core, params, key):
    account = core.account(key)
    return [{'coin': a, 'name': a, 'free': fmt(f), 'locked': fmt(lk),
             'depositAllEnable': True, 'withdrawAllEnable': True, 'trading': True,
             'isLegalMoney': False, 'networkList': []}
            for a, (f, lk) in account.balances.items()]


def no_margin_pairs(core, params, key):
    """The local exchange has no margin trading: no margin pairs."""
    return []


ROUTES = {
    ('GET', '/api/v3/ping'): (ping, 1, 'NONE'),
    ('GET', '/api/v3/time'): (server_time, 1, 'NONE'),
    ('GET', '/api/v3/exchangeInfo'): (exchange_info, 20, 'NONE'),
    ('GET', '/api/v3/klines'): (klines, 2, 'NONE'),
    ('GET', '/api/v3/uiKlines'): (klines, 2, 'NONE'),
    ('GET', '/api/v3/ticker/price'): (ticker_price, 2, 'NONE'),
    ('GET', '/api/v3/ticker/24hr'): (ticker_24h, 2, 'NONE'),
    ('GET', '/api/v3/ticker/bookTicker'): (book_ticker, 2, 'NONE'),
    ('GET', '/api/v3/depth'): (depth, 5, 'NONE'),
    ('GET', '/api/v3/avgPrice'): (avg_price, 2, 'NONE'),
    ('GET', '/api/v3/trades'): (recent_trades, 25, 'NONE'),
    ('POST', '/api/v3/order'): (new_order, 1, 'SIGNED'),
    ('POST', '/api/v3/order/test'): (test_order, 1, 'SIGNED'),
    ('GET', '/api/v3/order'): (get_order, 4, 'SIGNED'),
    ('DELETE', '/api/v3/order'): (cancel_order, 1, 'SIGNED'),
    ('DELETE', '/api/v3/openOrders'): (cancel_open_orders, 1, 'SIGNED'),
    ('GET', '/api/v3/openOrders'): (open_orders, 6, 'SIGNED'),
    ('GET', '/api/v3/allOrders'): (all_orders, 20, 'SIGNED'),
    ('GET', '/api/v3/myTrades'): (my_trades, 20, 'SIGNED'),
    ('GET', '/api/v3/account'): (account_info, 20, 'SIGNED'),
    ('POST', '/api/v3/order/oco'): (new_oco, 1, 'SIGNED'),
    ('POST', '/api/v3/orderList/oco'): (new_order_list_oco, 1, 'SIGNED'),
    ('GET', '/api/v3/orderList'): (get_order_list, 4, 'SIGNED'),
    ('DELETE', '/api/v3/orderList'): (cancel_order_list, 1, 'SIGNED'),
    ('GET', '/api/v3/openOrderList'): (open_order_lists, 6, 'SIGNED'),
    ('POST', '/api/v3/userDataStream'): (new_listen_key, 2, 'KEY'),
    ('PUT', '/api/v3/userDataStream'): (keepalive_listen_key, 2, 'KEY'),
    ('DELETE', '/api/v3/userDataStream'): (close_listen_key, 2, 'KEY'),
    ('GET', '/sapi/v1/asset/tradeFee'): (trade_fee, 1, 'SIGNED'),
    ('GET', '/sapi/v1/capital/config/getall'): (capital_config, 10, 'SIGNED'),
    ('GET', '/sapi/v1/margin/allPairs'): (no_margin_pairs, 1, 'KEY'),
    ('GET', '/sapi/v1/margin/isolated/allPairs'): (no_margin_pairs, 10, 'SIGNED'),
}
