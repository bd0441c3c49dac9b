"""Binance USDⓈ-M futures REST endpoints (``/fapi/...``) of the local exchange.

Same conventions as ``_rest_spot``: handlers take ``(core, params, key)``
and return Binance's JSON payload or raise ``ExchangeError``.  The market
data handlers of the spot module serve the futures venue too (bound with
``market='futures'``); what differs on futures (exchangeInfo, premium
index, funding, orders, positions, account) lives here.
"""
from __future__ import annotations

import time
from functools import partial

from . import _errors as E
from . import _rest_spot as spot
from ._futures import ORDER_TYPES
from ._futures_account import FuturesOrder, FuturesPosition
from ._market import INTERVALS_MS
from ._rules import fmt

__all__ = ['ROUTES']

_int_param = spot._int_param


def _venue(core):
    return core.venues['futures']


# --- market data ---------------------------------------------------------------------
def exchange_info(core, params, key):
    venue = _venue(core)
    now = int(time.time() * 1000)
    return {
        'timezone': 'UTC', 'serverTime': now, 'futuresType': 'U_MARGINED',
        'rateLimits': [
            {'rateLimitType': 'REQUEST_WEIGHT', 'interval': 'MINUTE',
             'intervalNum': 1, 'limit': core.limiter.limit},
            {'rateLimitType': 'ORDERS', 'interval': 'MINUTE', 'intervalNum': 1,
             'limit': 1200},
            {'rateLimitType': 'ORDERS', 'interval': 'SECOND', 'intervalNum': 10,
             'limit': 300}],
        'exchangeFilters': [],
        'assets': [{'asset': a, 'marginAvailable': True, 'autoAssetExchange': '0'}
                   for a in sorted({r.quote for r in venue.rules.values()})],
        'symbols': [_symbol_info(core, venue.rules[s]) for s in venue.tapes],
    }


def _symbol_info(core, rules):
    tape = _venue(core).tapes[rules.symbol]
    return {
        'symbol': rules.symbol, 'pair': rules.symbol, 'contractType': 'PERPETUAL',
        'deliveryDate': 4133404800000, 'onboardDate': tape.bars[0].time,
        'status': 'TRADING', 'maintMarginPercent': '2.5000',
        'requiredMarginPercent': '5.0000', 'baseAsset': rules.base,
        'quoteAsset': rules.quote, 'marginAsset': rules.quote,
        'pricePrecision': rules.price_decimals, 'quantityPrecision': rules.qty_decimals,
        'baseAssetPrecision': 8, 'quotePrecision': 8, 'underlyingType': 'COIN',
        'underlyingSubType': [], 'settlePlan': 0, 'triggerProtect': '0.0500',
        'liquidationFee': '%.6f' % core.futures.liquidation_fee,
        'marketTakeBound': '0.05', 'maxMoveOrderLimit': 10000,
        'filters': rules.futures_filters(), 'orderTypes': list(ORDER_TYPES),
        'timeInForce': ['GTC', 'IOC', 'FOK', 'GTX'], 'permissionSets': ['GRID', 'COPY'],
    }


def mark_price_klines(core, params, key):
    venue = _venue(core)
    tape = venue.tape(params.get('symbol'))
    interval = params.get('interval')
    if interval not in INTERVALS_MS:
        raise E.missing_param('interval') if not interval else \
            E.ExchangeError(E.INVALID_PARAMETER, 'Invalid interval.')
    series = core.futures.marks[tape.symbol]
    if not series.bars or INTERVALS_MS[interval] != series.interval_ms:
        rows = spot.klines(core, params, key, market='futures')
        return [row[:5] + ['0', row[6], '0', 0, '0', '0', '0'] for row in rows]
    limit = _int_param(params, 'limit', 500, 1, 1500)
    bars = series.klines(_int_param(params, 'startTime'), _int_param(params, 'endTime'),
                         core.clock.now)
    bars = bars[:limit] if params.get('startTime') else bars[-limit:]
    return [[b.time, fmt(b.open), fmt(b.high), fmt(b.low), fmt(b.close), '0',
             b.time + series.interval_ms - 1, '0', 0, '0', '0', '0'] for b in bars]


def premium_index(core, params, key):
    def one(symbol):
        engine = core.futures
        when, rate = engine.funding[symbol].next_after(core.clock.now)
        mark = engine.mark[symbol]
        return {'symbol': symbol, 'markPrice': fmt(mark), 'indexPrice': fmt(mark),
                'estimatedSettlePrice': fmt(mark), 'lastFundingRate': fmt(rate),
                'interestRate': '0.00010000', 'nextFundingTime': when,
                'time': core.clock.now}
    venue = _venue(core)
    if params.get('symbol'):
        return one(venue.tape(params['symbol']).symbol)
    return [one(s) for s in venue.tapes]


def _mark_at(core, symbol, when):
    series = core.futures.marks[symbol]
    pick = [b for b in series.bars if b.time < when]
    if pick:
        return pick[-1].close
    bars = [b for b in _venue(core).tapes[symbol].bars if b.time < when]
    return bars[-1].close if bars else core.futures.mark[symbol]


def funding_rate(core, params, key):
    venue = _venue(core)
    limit = _int_param(params, 'limit', 100, 1, 1000)
    start, end = _int_param(params, 'startTime'), _int_param(params, 'endTime')
    symbols = [venue.tape(params['symbol']).symbol] if params.get('symbol') \
        else list(venue.tapes)
    out = []
    for symbol in symbols:
        for when, rate in core.futures.funding[symbol].history(core.clock.now, start,
                                                              end, limit):
            out.append({'symbol': symbol, 'fundingTime': when, 'fundingRate': fmt(rate),
                        'markPrice': fmt(_mark_at(core, symbol, when))})
    out.sort(key=lambda row: row['fundingTime'])
    return out[:limit] if start is not None else out[-limit:]


def funding_info(core, params, key):
    return [{'symbol': s, 'adjustedFundingRateCap': '0.03000000',
             'adjustedFundingRateFloor': '-0.03000000', 'fundingIntervalHours': 8,
             'disclaimer': False} for s in _venue(core).tapes]


def leverage_bracket(core, params, key):
    venue = _venue(core)
    symbols = [venue.tape(params['symbol']).symbol] if params.get('symbol') \
        else list(venue.tapes)
    out = []
    for symbol in symbols:
        rows = list(core.futures.brackets(symbol))
        out.append({'symbol': symbol, 'notionalCoef': 1.0, 'brackets': [
            {'bracket': i + 1, 'initialLeverage': int(row.max_leverage),
             'notionalCap': int(rows[i + 1].notional_floor) if i + 1 < len(rows)
             else 9_223_372_036_854_775_807,
             'notionalFloor': int(row.notional_floor), 'maintMarginRatio': row.mmr,
             'cum': row.cum} for i, row in enumerate(rows)]})
    return out


def open_interest(core, params, key):
    symbol = _venue(core).tape(params.get('symbol')).symbol
    held = sum(abs(p.amount) for a in core.futures_accounts.values()
               for p in a.held(symbol))
    return {'symbol': symbol, 'openInterest': fmt(held), 'time': core.clock.now}


# --- orders -----------------------------------------------------------------------------
def order_fields(order: FuturesOrder) -> dict:
    return {
        'orderId': order.order_id, 'symbol': order.symbol, 'status': order.status,
        'clientOrderId': order.client_id, 'price': fmt(order.price),
        'avgPrice': fmt(order.avg_price), 'origQty': fmt(order.qty),
        'executedQty': fmt(order.executed), 'cumQty': fmt(order.executed),
        'cumQuote': fmt(order.cum_quote), 'timeInForce': order.tif,
        'type': order.type, 'reduceOnly': order.reduce_only,
        'closePosition': order.close_position, 'side': order.side,
        'positionSide': order.position_side, 'stopPrice': fmt(order.stop_price),
        'workingType': order.working_type, 'priceProtect': order.price_protect,
        'origType': order.type, 'priceMatch': 'NONE',
        'selfTradePreventionMode': 'NONE', 'goodTillDate': 0,
        'updateTime': order.update_time,
    }


def order_status(order: FuturesOrder) -> dict:
    out = order_fields(order)
    out['time'] = order.time
    return out


def new_order(core, params, key):
    resp = str(params.get('newOrderRespType') or 'ACK').upper()
    if resp not in ('ACK', 'RESULT'):
        raise E.bad_param('newOrderRespType', params.get('newOrderRespType'))
    order, accepted = core.futures.new_order(core.futures_account(key), params)
    return order_fields(order if resp == 'RESULT' else accepted)


def get_order(core, params, key):
    return order_status(core.futures.find(core.futures_account(key), params))


def get_open_order(core, params, key):
    order = core.futures.find(core.futures_account(key), params)
    if not order.is_open:
        raise E.ExchangeError(E.NO_SUCH_ORDER, 'Order does not exist.')
    return order_status(order)


def cancel_order(core, params, key):
    return order_fields(core.futures.cancel(core.futures_account(key), params))


def cancel_all(core, params, key):
    account = core.futures_account(key)
    symbol = _venue(core).tape(params.get('symbol')).symbol
    for order in account.open_orders(symbol):
        core.futures.cancel(account, {'symbol': symbol, 'orderId': order.order_id})
    return {'code': 200, 'msg': 'The operation of cancel all open order is done.'}


def open_orders(core, params, key):
    account = core.futures_account(key)
    symbol = _venue(core).tape(params['symbol']).symbol if params.get('symbol') else None
    return [order_status(o) for o in account.open_orders(symbol)]


def all_orders(core, params, key):
    account = core.futures_account(key)
    symbol = _venue(core).tape(params.get('symbol')).symbol
    mine = sorted((o for o in account.orders.values() if o.symbol == symbol),
                  key=lambda o: o.order_id)
    return [order_status(o) for o in spot._window(
        params, mine, lambda o: o.time, lambda o: o.order_id, 'orderId')]


def user_trades(core, params, key):
    account = core.futures_account(key)
    symbol = _venue(core).tape(params.get('symbol')).symbol
    mine = [t for t in account.trades if t.symbol == symbol]
    oid = _int_param(params, 'orderId')
    if oid is not None:
        mine = [t for t in mine if t.order_id == oid]
    picked = spot._window(params, mine, lambda t: t.time, lambda t: t.trade_id, 'fromId')
    return [{'symbol': t.symbol, 'id': t.trade_id, 'orderId': t.order_id,
             'side': t.side, 'price': fmt(t.price), 'qty': fmt(t.qty),
             'realizedPnl': fmt(t.realized), 'quoteQty': fmt(t.qty * t.price),
             'commission': fmt(t.commission), 'commissionAsset': t.commission_asset,
             'time': t.time, 'positionSide': t.position_side,
             'buyer': t.side == 'BUY', 'maker': t.maker} for t in picked]


# --- conditional orders (the algo service) ---------------------------------------
def algo_fields(account, algo: FuturesOrder) -> dict:
    child = account.orders.get(algo.child_id) if algo.child_id else None
    return {
        'algoId': algo.order_id, 'clientAlgoId': algo.client_id,
        'algoType': 'CONDITIONAL', 'orderType': algo.type, 'symbol': algo.symbol,
        'side': algo.side, 'positionSide': algo.position_side,
        'timeInForce': algo.tif, 'quantity': fmt(algo.qty),
        'algoStatus': algo.status, 'triggerPrice': fmt(algo.stop_price),
        'price': fmt(algo.price), 'icebergQuantity': None,
        'selfTradePreventionMode': 'NONE', 'workingType': algo.working_type,
        'priceMatch': 'NONE', 'closePosition': algo.close_position,
        'priceProtect': algo.price_protect, 'reduceOnly': algo.reduce_only,
        'createTime': algo.time, 'updateTime': algo.update_time,
        'triggerTime': algo.trigger_time, 'goodTillDate': 0,
        'actualOrderId': str(child.order_id) if child else '',
        'actualPrice': fmt(child.avg_price) if child else '0',
        'rejectReason': algo.reject_reason,
    }


def new_algo_order(core, params, key):
    kind = str(params.get('algoType') or '').upper()
    if not kind:
        raise E.missing_param('algoType')
    if kind != 'CONDITIONAL':
        raise E.bad_param('algoType', params.get('algoType'))
    translated = dict(params)
    translated['stopPrice'] = params.get('triggerPrice')
    translated['newClientOrderId'] = params.get('clientAlgoId')
    account = core.futures_account(key)
    order, _ = core.futures.new_order(account, translated, algo=True)
    return algo_fields(account, order)


def get_algo_order(core, params, key):
    account = core.futures_account(key)
    return algo_fields(account, core.futures.find_algo(account, params))


def cancel_algo_order(core, params, key):
    order = core.futures.cancel_algo(core.futures_account(key), params)
    return {'algoId': order.order_id, 'clientAlgoId': order.client_id,
            'code': '200', 'msg': 'success'}


def _algos_of(core, params, account, open_only):
    symbol = _venue(core).tape(params['symbol']).symbol if params.get('symbol') else None
    pool = account.open_algos(symbol) if open_only else \
        [o for o in account.algos.values() if symbol is None or o.symbol == symbol]
    return sorted(pool, key=lambda o: o.order_id)


def open_algo_orders(core, params, key):
    account = core.futures_account(key)
    return [algo_fields(account, o) for o in _algos_of(core, params, account, True)]


def all_algo_orders(core, params, key):
    account = core.futures_account(key)
    mine = _algos_of(core, params, account, False)
    return [algo_fields(account, o) for o in spot._window(
        params, mine, lambda o: o.time, lambda o: o.order_id, 'algoId')]


def cancel_open_algos(core, params, key):
    account = core.futures_account(key)
    for order in _algos_of(core, params, account, True):
        core.futures.cancel_algo(account, {'algoId': order.order_id})
    return {'code': 200, 'msg': 'The operation of cancel all open order is done.'}


# --- account and positions -------------------------------------------------------------
def _asset_row(core, account, asset):
    engine = core.futures
    held = [p for p in account.held() if p.asset == asset]
    upnl = sum(engine.upnl(p) for p in held)
    cross = engine.cross_positions(account, asset)
    position_im = sum(engine.position_im(account, p) for p in held)
    order_im = engine.order_margin(account, asset)
    available = engine.available(account, asset)
    wallet = account.wallet(asset)
    return {'asset': asset, 'walletBalance': fmt(wallet), 'unrealizedProfit': fmt(upnl),
            'marginBalance': fmt(wallet + upnl),
            'maintMargin': fmt(sum(engine.maint(p) for p in held)),
            'initialMargin': fmt(position_im + order_im),
            'positionInitialMargin': fmt(position_im),
            'openOrderInitialMargin': fmt(order_im),
            'crossWalletBalance': fmt(engine.cross_wallet(account, asset)),
            'crossUnPnl': fmt(sum(engine.upnl(p) for p in cross)),
            'availableBalance': fmt(available),
            'maxWithdrawAmount': fmt(max(0.0, min(available, wallet))),
            'marginAvailable': True, 'updateTime': account.update_time}


def _position_row(core, account, pos, version):
    engine = core.futures
    leverage = account.leverage_of(pos.symbol)
    isolated = account.isolated(pos.symbol)
    orders_im = sum(o.margin for o in account.open_orders(pos.symbol))
    row = {'symbol': pos.symbol, 'positionSide': pos.side,
           'positionAmt': fmt(pos.amount), 'entryPrice': fmt(pos.entry),
           'breakEvenPrice': fmt(pos.entry), 'markPrice': fmt(engine.mark[pos.symbol]),
           'unRealizedProfit': fmt(engine.upnl(pos)),
           'liquidationPrice': fmt(engine.liquidation_price(account, pos)),
           'isolatedMargin': fmt(pos.isolated_wallet + engine.upnl(pos)
                                 if isolated and pos.amount else 0.0),
           'notional': fmt(pos.amount * engine.mark[pos.symbol]),
           'marginAsset': pos.asset, 'isolatedWallet': fmt(pos.isolated_wallet),
           'initialMargin': fmt(engine.position_im(account, pos) + orders_im),
           'maintMargin': fmt(engine.maint(pos)),
           'positionInitialMargin': fmt(engine.position_im(account, pos)),
           'openOrderInitialMargin': fmt(orders_im), 'adl': 0,
           'bidNotional': '0', 'askNotional': '0', 'updateTime': pos.update_time}
    if version == 2:
        row.update({'leverage': str(leverage),
                    'maxNotionalValue': fmt(engine.max_notional(pos.symbol, leverage), 0),
                    'marginType': 'isolated' if isolated else 'cross',
                    'isAutoAddMargin': 'false', 'isolated': isolated,
                    'adlQuantile': 0})
    return row


def _positions(core, account, symbol, every):
    """Every symbol's position rows (v2: one per symbol and side even when
    flat) or only the open ones (v3)."""
    sides = ('LONG', 'SHORT') if account.dual_side else ('BOTH',)
    out = []
    for name in ([symbol] if symbol else list(_venue(core).tapes)):
        quote = _venue(core).rules[name].quote
        for side in sides:
            pos = account.positions.get((name, side))
            if pos is None:
                if not every:
                    continue
                pos = FuturesPosition(name, side, quote)
            if pos.amount or every:
                out.append(pos)
    return out


def position_risk(core, params, key, version=2):
    account = core.futures_account(key)
    symbol = _venue(core).tape(params['symbol']).symbol if params.get('symbol') else None
    return [_position_row(core, account, p, version)
            for p in _positions(core, account, symbol, every=version == 2)]


def account_info(core, params, key, version=2):
    account = core.futures_account(key)
    assets = [_asset_row(core, account, a) for a in account.balances]
    total = lambda name: fmt(sum(float(a[name]) for a in assets))  # noqa: E731
    out = {'feeTier': 0, 'feeBurn': False, 'canTrade': True, 'canDeposit': True,
           'canWithdraw': True, 'updateTime': account.update_time,
           'multiAssetsMargin': False, 'tradeGroupId': -1,
           'totalInitialMargin': total('initialMargin'),
           'totalMaintMargin': total('maintMargin'),
           'totalWalletBalance': total('walletBalance'),
           'totalUnrealizedProfit': total('unrealizedProfit'),
           'totalMarginBalance': total('marginBalance'),
           'totalPositionInitialMargin': total('positionInitialMargin'),
           'totalOpenOrderInitialMargin': total('openOrderInitialMargin'),
           'totalCrossWalletBalance': total('crossWalletBalance'),
           'totalCrossUnPnl': total('crossUnPnl'),
           'availableBalance': total('availableBalance'),
           'maxWithdrawAmount': total('maxWithdrawAmount'), 'assets': assets}
    rows = [_position_row(core, account, p, 2)
            for p in _positions(core, account, None, every=version == 2)]
    keep = ('symbol', 'initialMargin', 'maintMargin', 'unrealizedProfit',
            'positionInitialMargin', 'openOrderInitialMargin', 'leverage', 'isolated',
            'entryPrice', 'breakEvenPrice', 'maxNotionalValue', 'bidNotional',
            'askNotional', 'positionSide', 'positionAmt', 'notional',
            'isolatedWallet', 'updateTime')
    out['positions'] = [{k: r[k] for k in keep if k in r} for r in rows]
    return out


def balance(core, params, key):
    account = core.futures_account(key)
    out = []
    for asset in account.balances:
        row = _asset_row(core, account, asset)
        out.append({'accountAlias': 'sim', 'asset': asset,
                    'balance': row['walletBalance'],
                    'crossWalletBalance': row['crossWalletBalance'],
                    'crossUnPnl': row['crossUnPnl'],
                    'availableBalance': row['availableBalance'],
                    'maxWithdrawAmount': row['maxWithdrawAmount'],
                    'marginAvailable': True, 'updateTime': account.update_time})
    return out


def set_leverage(core, params, key):
    if params.get('leverage') in (None, ''):
        raise E.missing_param('leverage')
    return core.futures.set_leverage(core.futures_account(key), params.get('symbol'),
                                     params['leverage'])


def set_margin_type(core, params, key):
    core.futures.set_margin_type(core.futures_account(key), params.get('symbol'),
                                 params.get('marginType'))
    return {'code': 200, 'msg': 'success'}


def get_dual_side(core, params, key):
    return {'dualSidePosition': core.futures_account(key).dual_side}


def set_dual_side(core, params, key):
    core.futures.set_dual_side(core.futures_account(key), params.get('dualSidePosition'))
    return {'code': 200, 'msg': 'success'}


def multi_assets_margin(core, params, key):
    return {'multiAssetsMargin': False}


def income(core, params, key):
    account = core.futures_account(key)
    rows = account.income
    if params.get('symbol'):
        symbol = _venue(core).tape(params['symbol']).symbol
        rows = [r for r in rows if r['symbol'] == symbol]
    if params.get('incomeType'):
        rows = [r for r in rows if r['incomeType'] == str(params['incomeType']).upper()]
    limit = _int_param(params, 'limit', 100, 1, 1000)
    start, end = _int_param(params, 'startTime'), _int_param(params, 'endTime')
    rows = [r for r in rows if (start is None or r['time'] >= start)
            and (end is None or r['time'] <= end)]
    return rows[:limit] if start is not None else rows[-limit:]


def commission_rate(core, params, key):
    symbol = _venue(core).tape(params.get('symbol')).symbol
    return {'symbol': symbol, 'makerCommissionRate': fmt(core.futures.maker_fee),
            'takerCommissionRate': fmt(core.futures.taker_fee)}


# --- user data stream ---------------------------------------------------------------------
def new_listen_key(core, params, key):
    """Binance hands a futures account the same listen key until it expires."""
    for listen_key, entry in core.listen_keys.items():
        if entry[0] == key and entry[2] == 'futures':
            entry[1] = time.time()
            return {'listenKey': listen_key}
    return spot.new_listen_key(core, params, key, market='futures')


def _own_listen_key(core, params, key):
    if params.get('listenKey'):
        return core.listen_key(params['listenKey'], key)
    for listen_key, entry in core.listen_keys.items():
        if entry[0] == key and entry[2] == 'futures':
            return core.listen_key(listen_key, key)
    raise E.ExchangeError(E.INVALID_LISTEN_KEY, 'This listenKey does not exist.')


def keepalive_listen_key(core, params, key):
    _own_listen_key(core, params, key)[1] = time.time()
    for listen_key, entry in core.listen_keys.items():
        if entry[0] == key and entry[2] == 'futures':
            return {'listenKey': listen_key}
    return {}


def close_listen_key(core, params, key):
    entry = _own_listen_key(core, params, key)
    for listen_key, other in list(core.listen_keys.items()):
        if other is entry:
            core.close_listen_key(listen_key)
    return {}


_F = 'futures'
ROUTES = {
    ('GET', '/fapi/v1/ping'): (spot.ping, 1, 'NONE'),
    ('GET', '/fapi/v1/time'): (spot.server_time, 1, 'NONE'),
    ('GET', '/fapi/v1/exchangeInfo'): (exchange_info, 1, 'NONE'),
    ('GET', '/fapi/v1/klines'): (partial(spot.klines, market=_F), 5, 'NONE'),
    ('GET', '/fapi/v1/continuousKlines'): (partial(spot.klines, market=_F), 5, 'NONE'),
    ('GET', '/fapi/v1/markPriceKlines'): (mark_price_klines, 5, 'NONE'),
    ('GET', '/fapi/v1/indexPriceKlines'): (mark_price_klines, 5, 'NONE'),
    ('GET', '/fapi/v1/premiumIndex'): (premium_index, 1, 'NONE'),
    ('GET', '/fapi/v1/fundingRate'): (funding_rate, 1, 'NONE'),
    ('GET', '/fapi/v1/fundingInfo'): (funding_info, 1, 'NONE'),
    ('GET', '/fapi/v1/openInterest'): (open_interest, 1, 'NONE'),
    ('GET', '/fapi/v1/ticker/price'): (partial(spot.ticker_price, market=_F), 2, 'NONE'),
    ('GET', '/fapi/v2/ticker/price'): (partial(spot.ticker_price, market=_F), 2, 'NONE'),
    ('GET', '/fapi/v1/ticker/24hr'): (partial(spot.ticker_24h, market=_F), 1, 'NONE'),
    ('GET', '/fapi/v1/ticker/bookTicker'): (partial(spot.book_ticker, market=_F), 2,
                                            'NONE'),
    ('GET', '/fapi/v1/depth'): (partial(spot.depth, market=_F), 5, 'NONE'),
    ('GET', '/fapi/v1/trades'): (partial(spot.recent_trades, market=_F), 5, 'NONE'),
    ('GET', '/fapi/v1/leverageBracket'): (leverage_bracket, 1, 'SIGNED'),
    ('POST', '/fapi/v1/order'): (new_order, 0, 'SIGNED'),
    ('GET', '/fapi/v1/order'): (get_order, 1, 'SIGNED'),
    ('DELETE', '/fapi/v1/order'): (cancel_order, 1, 'SIGNED'),
    ('GET', '/fapi/v1/openOrder'): (get_open_order, 1, 'SIGNED'),
    ('GET', '/fapi/v1/openOrders'): (open_orders, 1, 'SIGNED'),
    ('DELETE', '/fapi/v1/allOpenOrders'): (cancel_all, 1, 'SIGNED'),
    ('GET', '/fapi/v1/allOrders'): (all_orders, 5, 'SIGNED'),
    ('GET', '/fapi/v1/userTrades'): (user_trades, 5, 'SIGNED'),
    ('POST', '/fapi/v1/algoOrder'): (new_algo_order, 0, 'SIGNED'),
    ('GET', '/fapi/v1/algoOrder'): (get_algo_order, 1, 'SIGNED'),
    ('DELETE', '/fapi/v1/algoOrder'): (cancel_algo_order, 1, 'SIGNED'),
    ('GET', '/fapi/v1/openAlgoOrders'): (open_algo_orders, 1, 'SIGNED'),
    ('GET', '/fapi/v1/allAlgoOrders'): (all_algo_orders, 5, 'SIGNED'),
    ('DELETE', '/fapi/v1/algoOpenOrders'): (cancel_open_algos, 1, 'SIGNED'),
    ('GET', '/fapi/v2/account'): (account_info, 5, 'SIGNED'),
    ('GET', '/fapi/v3/account'): (partial(account_info, version=3), 5, 'SIGNED'),
    ('GET', '/fapi/v2/balance'): (balance, 5, 'SIGNED'),
    ('GET', '/fapi/v3/balance'): (balance, 5, 'SIGNED'),
    ('GET', '/fapi/v2/positionRisk'): (position_risk, 5, 'SIGNED'),
    ('GET', '/fapi/v3/positionRisk'): (partial(position_risk, version=3), 5, 'SIGNED'),
    ('POST', '/fapi/v1/leverage'): (set_leverage, 1, 'SIGNED'),
    ('POST', '/fapi/v1/marginType'): (set_margin_type, 1, 'SIGNED'),
    ('GET', '/fapi/v1/positionSide/dual'): (get_dual_side, 30, 'SIGNED'),
    ('POST', '/fapi/v1/positionSide/dual'): (set_dual_side, 1, 'SIGNED'),
    ('GET', '/fapi/v1/multiAssetsMargin'): (multi_assets_margin, 30, 'SIGNED'),
    ('GET', '/fapi/v1/income'): (income, 30, 'SIGNED'),
    ('GET', '/fapi/v1/commissionRate'): (commission_rate, 20, 'SIGNED'),
    ('POST', '/fapi/v1/listenKey'): (new_listen_key, 1, 'KEY'),
    ('PUT', '/fapi/v1/listenKey'): (keepalive_listen_key, 1, 'KEY'),
    ('DELETE', '/fapi/v1/listenKey'): (close_listen_key, 1, 'KEY'),
}
