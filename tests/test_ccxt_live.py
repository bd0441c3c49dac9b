"""Live trading end to end: ``CCXTStore``/``CCXTFeed``/``CCXTBroker`` with
the real ccxt (sync and pro) against the local exchange on 127.0.0.1.

A stepper thread moves the exchange's replay clock while cerebro runs;
each strategy stops itself after a fixed number of bars and a watchdog
stops cerebro after 40 s whatever happens, so no test can hang.  Bars:
the bundled BTCUSDT daily file, replay starting at bar 100 (bars 0..99
are history).
"""
import datetime
import io
import os
import pickle
import threading
import time
from contextlib import redirect_stderr, redirect_stdout

import pytest

import backtrader as bt

ccxt = pytest.importorskip('ccxt', reason='ccxt is an optional dependency (live extras)')

from backtrader.simexchange import SimExchange  # noqa: E402
from _simspot import BTC_DAILY, spot_exchange  # noqa: E402
from backtrader.simexchange._faults import FaultInjector, install  # noqa: E402

DATA = BTC_DAILY
PERP = os.path.join(os.path.dirname(bt.__file__), 'datafiles', 'XRPUSDT-PERP-1h.csv')
KEY, SECRET = 'live-key-0123', 'live-secret-4567'
START = 100


@pytest.fixture
def ex():
    with spot_exchange(KEY, SECRET, START, {'USDT': 10000.0}) as exchange:
        yield exchange


def _bars(ex, lo, hi):
    return ex.core.tapes['BTCUSDT'].bars[lo:hi]


def _day(bar):
    return datetime.datetime(1970, 1, 1) + datetime.timedelta(milliseconds=bar.time)


class Recorder(bt.Strategy):
    params = (('stop_after', 10), ('plan', None))

    def __init__(self):
        self.bars, self.orders, self.trades, self.datas_seen, self.stores = [], [], [], [], []

    def notify_data(self, data, status, *args, **kwargs):
        self.datas_seen.append(data._getstatusname(status))

    def notify_store(self, msg, *args, **kwargs):
        self.stores.append(msg)

    def notify_order(self, order):
        self.orders.append((order.ref, order.getordername(), order.getstatusname(),
                            order.executed.size, order.executed.price,
                            order.info.get('reject_reason')))

    def notify_trade(self, trade):
        self.trades.append((trade.status, trade.pnl))

    def next(self):
        self.bars.append((self.data.datetime.datetime(0), self.data.close[0]))
        if self.p.plan is not None:
            self.p.plan(self, len(self.bars))
        if len(self.bars) >= self.p.stop_after:
            self.env.runstop()


def _run(ex, store_kwargs=None, feed_kwargs=None, plan=None, stop_after=10,
         steps=20, ticks=4, broker=True, strategy=Recorder, pause=0.25,
         broker_kwargs=None):
    store = bt.stores.CCXTStore(exchange='binance', config=ex.ccxt_config(KEY, SECRET),
                                **(store_kwargs or {}))
    cerebro = bt.Cerebro()
    if broker:
        cerebro.setbroker(store.getbroker(**(broker_kwargs or {})))
    kwargs = dict(dataname='BTC/USDT', timeframe=bt.TimeFrame.Days,
                  fromdate=_day(_bars(ex, START - 4, START - 3)[0]))
    kwargs.update(feed_kwargs or {})
    cerebro.adddata(store.getdata(**kwargs))
    cerebro.addstrategy(strategy, stop_after=stop_after, plan=plan)
    return _drive(ex, cerebro, steps, ticks, pause), store


def _drive(ex, cerebro, steps, ticks=4, pause=0.25):
    """Run ``cerebro`` while a thread steps the exchange ``steps`` times;
    a watchdog stops the run after 40 s.  The first strategy."""
    done = threading.Event()

    def stepper():
        for _ in range(steps):
            if done.wait(pause):
                return
            ex.step(ticks=ticks)
    threads = [threading.Thread(target=stepper, daemon=True),
               threading.Timer(40.0, cerebro.runstop)]
    for thread in threads:
        thread.start()
    try:
        return cerebro.run()[0]
    finally:
        done.set()
        threads[1].cancel()
        threads[0].join(5)


def _mine():
    return [t for t in threading.enumerate() if t.name.startswith(('CCXTStore', 'binance'))]


# --- the feed ------------------------------------------------------------------------
@pytest.mark.parametrize('use_ws', [True, False])
def test_history_then_live_bars_each_once_in_order(ex, use_ws):
    strat, _ = _run(ex, feed_kwargs={'use_ws': use_ws, 'poll_interval': 0.1},
                    broker=False, stop_after=9)
    expected = [(_day(b), b.close) for b in _bars(ex, START - 4, START + 5)]
    assert strat.bars == expected
    assert strat.datas_seen[0] == 'DELAYED' and 'LIVE' in strat.datas_seen
    assert 'CONNECTED' in strat.stores
    assert _mine() == []


def test_history_pages_past_one_request_and_respects_todate(ex):
    first, last = _bars(ex, 10, 11)[0], _bars(ex, 90, 91)[0]
    strat, _ = _run(ex, feed_kwargs={'fromdate': _day(first), 'todate': _day(last),
                                     'historical': True, 'ohlcv_limit': 25},
                    broker=False, stop_after=1000, steps=0)
    assert strat.bars == [(_day(b), b.close) for b in _bars(ex, 10, 91)]


def test_the_forming_bar_is_never_a_bar(ex):
    ex.step(ticks=2)                       # bar 100 is half formed
    strat, _ = _run(ex, feed_kwargs={'historical': True}, broker=False,
                    stop_after=1000, steps=0)
    assert strat.bars[-1][0] == _day(_bars(ex, START - 1, START)[0])


def test_an_unknown_symbol_is_named():
    with SimExchange(spot={'BTC/USDT': DATA}, keys={KEY: SECRET}, start=START) as ex:
        with pytest.raises(ValueError, match='NOPE/USDT'):
            _run(ex, feed_kwargs={'dataname': 'NOPE/USDT'}, broker=False, steps=0)
    bt.stores.CCXTStore._forget()


# --- the broker --------------------------------------------------------------------------
def test_orders_of_each_type_reach_the_exchange_and_report_once(ex):
    def plan(strat, n):
        close = strat.data.close[0]
        if n == 5:
            strat.buy(size=0.02)
        elif n == 6:
            strat.sell(size=0.005, exectype=bt.Order.Limit, price=round(close * 0.99, 2))
            strat.held = strat.buy(size=0.01, exectype=bt.Order.Limit,
                                   price=round(close * 0.5, 2))
            strat.stop_trigger = round(close * 0.5, 2)
            strat.sell(size=0.005, exectype=bt.Order.Stop, price=strat.stop_trigger)
        elif n == 7:
            strat.cancel(strat.held)
            strat.buy(size=5.0)                       # more than the cash
            strat.buy(size=0.0001)                    # below the minimum cost
    strat, store = _run(ex, plan=plan, stop_after=10)
    by_ref = {}
    for ref, name, status, size, price, reason in strat.orders:
        by_ref.setdefault(ref, []).append(status)
    statuses = list(by_ref.values())
    assert statuses[0] == ['Submitted', 'Accepted', 'Completed']      # market buy
    assert statuses[1] == ['Submitted', 'Accepted', 'Completed']      # marketable limit
    assert statuses[2] == ['Submitted', 'Accepted', 'Canceled']       # cancelled limit
    assert statuses[3] == ['Submitted', 'Accepted']                   # resting stop
    assert statuses[4] == ['Submitted', 'Margin']
    assert statuses[5] == ['Submitted', 'Rejected']
    reason = [r for r in strat.orders if r[2] == 'Rejected'][0][5]
    assert 'minimum' in reason and 'BTC/USDT' in reason
    filled = [r for r in strat.orders if r[2] == 'Completed']
    bought = filled[0]
    # the fee (0.1%) is taken from the coins bought on spot
    assert bought[3] == pytest.approx(0.02 * 0.999)
    account = ex.core.account(KEY)
    assert bought[4] == account.trades[0].price      # the exchange's fill price
    assert account.balances['BTC'][0] + account.balances['BTC'][1] == \
        pytest.approx(0.02 * 0.999 - 0.005)
    assert len([o for o in account.orders.values()]) == 4   # nothing sent twice
    # the stop went out with its trigger as the stop price, a market stop
    # (no limit price) of the spot kind, and the end of the run left it
    # resting: nothing is canceled or flattened implicitly on shutdown
    stop = [o for o in account.orders.values() if o.stop_price][0]
    assert stop.type == 'STOP_LOSS' and not stop.price
    assert stop.stop_price == pytest.approx(strat.stop_trigger)
    assert stop.is_open
    assert _mine() == []


class BarCounter(Recorder):
    """Also notes how many bars the strategy had seen at each notification."""

    def notify_order(self, order):
        super().notify_order(order)
        self.orders[-1] += (len(self.bars),)


def _trail_trigger(bars, start_close, percent):
    """Where a sell trailing stop made at ``start_close`` fires, run the
    way the backtest broker runs it: (index into ``bars``, stop)."""
    stop = start_close * (1 - percent)
    for i, bar in enumerate(bars):
        if bar.low <= stop:
            return i, stop
        stop = max(stop, bar.close * (1 - percent))
    raise AssertionError('the trail never fires over these bars')


@pytest.mark.parametrize('exectype', ['StopTrail', 'StopTrailLimit'])
def test_a_trailing_stop_follows_closed_bars_and_fires_once(ex, exectype):
    """The trail (3%) is kept by the broker: it follows each closed bar's
    close and, at the first bar whose low reaches it, goes to the exchange
    as a market order (StopTrailLimit: a limit 100 below the trailed
    stop).  A second trailing stop, canceled, never reaches the exchange."""
    def plan(strat, n):
        if n == 5:
            strat.buy(size=0.01)
        elif n == 6:
            close = strat.data.close[0]
            kwargs = {'price': close, 'plimit': close - 100} \
                if exectype == 'StopTrailLimit' else {}
            strat.sell(size=0.005, exectype=getattr(bt.Order, exectype),
                       trailpercent=0.03, **kwargs)
            strat.spare = strat.sell(size=0.001, exectype=bt.Order.StopTrail,
                                     trailamount=5000.0)
        elif n == 8:
            strat.cancel(strat.spare)
    strat, _ = _run(ex, plan=plan, stop_after=12, steps=24, strategy=BarCounter)
    by_ref = {}
    for ref, _, status, _, _, _, seen in strat.orders:
        by_ref.setdefault(ref, []).append((status, seen))
    buy, trail, spare = (by_ref[ref] for ref in sorted(by_ref))
    assert [s for s, _ in trail] == ['Submitted', 'Accepted', 'Completed']
    assert [s for s, _ in spare] == ['Submitted', 'Accepted', 'Canceled']
    # bar 101 was the 6th bar: the trail starts at its close
    live = _bars(ex, START + 2, START + 12)
    at, stop = _trail_trigger(live, _bars(ex, START + 1, START + 2)[0].close, 0.03)
    # fired by the (7 + at)-th bar, reported before that bar's next()
    assert trail[-1][1] == 6 + at
    sent = sorted(ex.core.account(KEY).orders.values(), key=lambda o: o.order_id)
    assert [o.type for o in sent] == ['MARKET', 'MARKET' if exectype == 'StopTrail'
                                      else 'LIMIT']
    if exectype == 'StopTrailLimit':
        assert float(sent[1].price) == pytest.approx(stop - 100, abs=0.01)
    assert strat.position.size == pytest.approx(0.01 * 0.999 - 0.005)


def _bracket_plan(limit_factor, stop_factor, ex=None):
    """A market-entry bracket at the 5th bar, exits priced from the last
    close, or from the exchange's last trade when ``ex`` is given (the
    replay runs ahead of the strategy by up to a bar)."""
    def plan(strat, n):
        if n == 5:
            close = strat.data.close[0] if ex is None else ex.core.last('BTCUSDT')
            strat.buy_bracket(size=0.01, exectype=bt.Order.Market,
                              limitprice=round(close * limit_factor, 2),
                              stopprice=round(close * stop_factor, 2))
    return plan


def _legs(strat):
    """{ref: [statuses]} for the parent, the stop and the limit."""
    seq = [(ref, status) for ref, _, status, *_ in strat.orders]
    parent, stop, limit = sorted({ref for ref, _ in seq})
    return [[s for r, s in seq if r == ref] for ref in (parent, stop, limit)]


def test_bracket_emulated_sends_children_after_the_parent_and_one_cancels_the_other(ex):
    """Without native OCO the spot stop is watched locally (both exits
    would need the same coins): only the limit leg reaches the exchange."""
    strat, _ = _run(ex, plan=_bracket_plan(1.01, 0.5), stop_after=10,
                    broker_kwargs={'native_oco': False})
    parent, stop, limit = _legs(strat)
    assert parent == ['Submitted', 'Accepted', 'Completed']
    assert limit[-1] == 'Completed' and stop[-1] == 'Canceled'
    # the limit leg reached the exchange only after the parent filled
    sent = sorted(ex.core.account(KEY).orders.values(), key=lambda o: o.order_id)
    assert [o.type for o in sent] == ['MARKET', 'LIMIT']
    assert strat.trades[-1][0] == bt.Trade.Closed


@pytest.mark.parametrize('winner,use_ws', [('limit', True), ('stop', True),
                                           ('limit', False), ('stop', False)])
def test_bracket_exits_go_out_as_one_native_oco_list(ex, winner, use_ws):
    """The entry fills at bar 100's close (20830.04) or bar 101's
    (21195.60); the next bar's range (20478.61..21588.94, then
    20750.01..21684.54) reaches 2% above and 1.5% below either, and no bar
    of the run passes 24276.74.  So a +2% take-profit fills; or a -1.5%
    stop fills while a +20% take-profit never could.  The exchange ends the
    other leg (EXPIRED, as Binance does); the strategy sees it Canceled."""
    factors = (1.02, 0.5) if winner == 'limit' else (1.2, 0.985)
    strat, store = _run(ex, plan=_bracket_plan(*factors, ex=ex), stop_after=10,
                        store_kwargs={'use_ws': use_ws}, broker_kwargs={'poll_interval': 0.2},
                        feed_kwargs={'use_ws': use_ws, 'poll_interval': 0.1})
    parent, stop, limit = _legs(strat)
    assert parent == ['Submitted', 'Accepted', 'Completed']
    won, lost = (limit, stop) if winner == 'limit' else (stop, limit)
    assert won == ['Submitted', 'Accepted', 'Completed']
    assert lost == ['Submitted', 'Accepted', 'Canceled']
    account = ex.core.account(KEY)
    sent = sorted(account.orders.values(), key=lambda o: o.order_id)
    assert sorted(o.type for o in sent[1:]) == ['LIMIT_MAKER', 'STOP_LOSS']
    assert sent[0].list_id < 0 and sent[1].list_id == sent[2].list_id >= 0
    done = {o.type: o.status for o in sent[1:]}
    won_type = 'LIMIT_MAKER' if winner == 'limit' else 'STOP_LOSS'
    assert done.pop(won_type) == 'FILLED' and list(done.values()) == ['EXPIRED']
    assert account.lists[sent[1].list_id]['status'] == 'ALL_DONE'
    # the whole position, net of the buy fee, left through the one leg
    assert strat.trades[-1][0] == bt.Trade.Closed
    assert account.free('BTC') == pytest.approx(0.0, abs=1e-9)


def test_an_ambiguous_oco_list_is_looked_up_not_sent_twice(ex):
    """The list request reaches the exchange but its answer is lost: the
    broker finds the legs by their client ids instead of sending again."""
    injector = install(ex, FaultInjector(seed=5))
    injector.configure(order_ambiguous_rate=1.0, order_ambiguous_mode='drop',
                       http_paths='/api/v3/orderList/oco')
    strat, store = _run(ex, plan=_bracket_plan(1.02, 0.5, ex=ex), stop_after=10,
                        store_kwargs={'retry_base': 0.05})
    parent, stop, limit = _legs(strat)
    assert parent == ['Submitted', 'Accepted', 'Completed']
    assert limit == ['Submitted', 'Accepted', 'Completed']
    assert stop == ['Submitted', 'Accepted', 'Canceled']
    account = ex.core.account(KEY)
    assert injector.stats['order_dropped'] >= 1
    assert len(account.lists) == 1 and len(account.orders) == 3
    assert 'ORDER_AMBIGUOUS' in strat.stores


def test_a_native_oco_list_refused_by_the_exchange_rejects_both_legs(ex):
    """A take-profit below the market would fill at once: Binance refuses
    the LIMIT_MAKER leg, so the whole list; both legs report Rejected
    with the reason, the parent's coins stay."""
    strat, _ = _run(ex, plan=_bracket_plan(0.9, 0.5, ex=ex), stop_after=8)
    parent, stop, limit = _legs(strat)
    assert parent == ['Submitted', 'Accepted', 'Completed']
    assert stop == limit == ['Submitted', 'Rejected']
    reasons = {r for *_, r in strat.orders if r}
    assert len(reasons) == 1 and 'immediately' in reasons.pop().lower()
    assert len(ex.core.account(KEY).orders) == 1
    assert ex.core.account(KEY).free('BTC') == pytest.approx(0.01 * 0.999)


def test_an_ambiguous_create_is_resolved_without_a_second_order(ex):
    injector = install(ex, FaultInjector(seed=3))
    injector.configure(order_ambiguous_rate=1.0, order_ambiguous_mode='drop',
                       http_paths='/api/v3/order')

    def plan(strat, n):
        if n == 5:
            strat.buy(size=0.01)
            injector.configure(order_ambiguous_rate=0.0)
    strat, store = _run(ex, plan=plan, stop_after=7,
                        store_kwargs={'retry_base': 0.05})
    statuses = [s for _, _, s, *_ in strat.orders]
    assert statuses == ['Submitted', 'Accepted', 'Completed']
    assert len(ex.core.account(KEY).orders) == 1
    assert injector.stats['order_dropped'] == 1
    assert 'ORDER_AMBIGUOUS' in strat.stores


def test_bad_credentials_are_reported_not_leaked(ex):
    store = bt.stores.CCXTStore(exchange='binance',
                                config=ex.ccxt_config(KEY, 'wrong-secret-999'))
    broker = store.getbroker()
    store.start()
    with pytest.raises(bt.stores.StoreError) as err:
        broker.refresh()
    assert 'AuthenticationError' in str(err.value) and 'wrong-secret-999' not in str(err.value)
    assert store.state == store.ERROR
    store.stop()


def test_secrets_never_show(ex):
    out, errs = io.StringIO(), io.StringIO()

    def plan(strat, n):
        if n == 5:
            strat.buy(size=0.01)
            print(repr(strat.broker.store), strat.broker.store.p.config)
    with redirect_stdout(out), redirect_stderr(errs):
        strat, store = _run(ex, plan=plan, stop_after=6)
    blob = out.getvalue() + errs.getvalue() + repr(strat.orders) + repr(strat.stores) \
        + repr(store) + repr(store.p.config) + repr(pickle.dumps(store))
    assert 'CCXTStore' in out.getvalue()
    assert SECRET not in blob and KEY not in blob


# --- futures and paper trading ----------------------------------------------------------------
def test_futures_orders_with_leverage_and_reduce_only():
    with SimExchange(futures={'XRP/USDT': PERP}, keys={KEY: SECRET}, start=20) as ex:
        def plan(strat, n):
            if n == 1:
                strat.broker.set_leverage(5, strat.data)
                strat.buy(size=100)
            elif n == 2:
                strat.sell(size=100, exectype=bt.Order.Stop,
                           price=round(strat.data.close[0] * 0.5, 4), reduce_only=True)
                strat.sell(size=100, reduce_only=True)
                strat.buy(size=10_000_000)        # far beyond the margin at 5x
        store = bt.stores.CCXTStore(exchange='binance',
                                    config=ex.ccxt_config(KEY, SECRET, futures=True),
                                    market_type='future')
        cerebro = bt.Cerebro()
        cerebro.setbroker(store.getbroker())
        bars = ex.core.venues['futures'].tapes['XRPUSDT'].bars
        cerebro.adddata(store.getdata(dataname='XRP/USDT:USDT', timeframe=bt.TimeFrame.Minutes,
                                      compression=60, fromdate=_day(bars[19])))
        cerebro.addstrategy(Recorder, stop_after=4, plan=plan)
        strat = _drive(ex, cerebro, 10)
        account = ex.core.futures_account(KEY)
        assert account.leverage['XRPUSDT'] == 5
        done = [r for r in strat.orders if r[2] == 'Completed']
        assert [r[3] for r in done] == [100, -100]
        refused = [r for r in strat.orders if r[2] not in ('Submitted', 'Accepted',
                                                          'Completed')]
        assert [r[2] for r in refused] == ['Margin']
        assert 'InsufficientFunds' in refused[0][5] and 'insufficient' in refused[0][5]
        assert account.positions[('XRPUSDT', 'BOTH')].amount == 0.0
        assert [a.type for a in account.algos.values()] == ['STOP_MARKET']
        assert strat.trades[-1][0] == bt.Trade.Closed


@pytest.mark.parametrize('side', ['long', 'short'])
def test_futures_bracket_children_follow_the_parent_reduce_only(side):
    """XRP 1h from bar 20: the entry fills between 1.0923 and 1.0949; bar
    24 reaches 1.16313 and no bar of the run goes below 1.07727.  So the
    exit at 1.12 fills (a take-profit when long, the stop when short) and
    the one at 1.05 never does; the broker cancels it (one cancels the
    other).  Both exits are reduce-only: neither can open a position."""
    with SimExchange(futures={'XRP/USDT': PERP}, keys={KEY: SECRET}, start=20) as ex:
        def plan(strat, n):
            if n == 2:
                if side == 'long':
                    strat.buy_bracket(size=100, exectype=bt.Order.Market,
                                      limitprice=1.12, stopprice=1.05)
                else:
                    strat.sell_bracket(size=100, exectype=bt.Order.Market,
                                       limitprice=1.05, stopprice=1.12)
        store = bt.stores.CCXTStore(exchange='binance',
                                    config=ex.ccxt_config(KEY, SECRET, futures=True),
                                    market_type='future')
        cerebro = bt.Cerebro()
        cerebro.setbroker(store.getbroker(poll_interval=0.2))
        bars = ex.core.venues['futures'].tapes['XRPUSDT'].bars
        cerebro.adddata(store.getdata(dataname='XRP/USDT:USDT', timeframe=bt.TimeFrame.Minutes,
                                      compression=60, fromdate=_day(bars[19])))
        cerebro.addstrategy(Recorder, stop_after=9, plan=plan)
        strat = _drive(ex, cerebro, 12)
        account = ex.core.futures_account(KEY)
    parent, stop, limit = _legs(strat)
    assert parent == ['Submitted', 'Accepted', 'Completed']
    won, lost = (limit, stop) if side == 'long' else (stop, limit)
    assert won == ['Submitted', 'Accepted', 'Completed'], [r[:4] for r in strat.orders[5:]]
    assert lost == ['Submitted', 'Accepted', 'Canceled']
    assert account.positions[('XRPUSDT', 'BOTH')].amount == 0.0
    exits = [o for o in list(account.orders.values()) + list(account.algos.values())
             if o.type != 'MARKET' or o.algo]
    assert sorted(o.type for o in exits) == ['LIMIT', 'STOP_MARKET']
    assert all(o.reduce_only for o in exits)
    assert strat.trades[-1][0] == bt.Trade.Closed
    assert strat.position.size == 0


def test_paper_trading_live_bars_with_the_backtest_broker(ex):
    def plan(strat, n):
        if n == 5:
            strat.buy(size=0.01)
    strat, _ = _run(ex, plan=plan, stop_after=7, broker=False)
    statuses = [s for _, _, s, *_ in strat.orders]
    assert statuses == ['Submitted', 'Accepted', 'Completed']
    assert ex.core.account(KEY).orders == {}          # nothing reached the exchange


# --- faults --------------------------------------------------------------------------------
def test_stream_drops_lose_no_fill_and_repeat_none(ex):
    """Every socket (bars and order updates) is cut after a few messages
    and half the messages come twice, while the strategy trades each bar:
    each order still completes once, with the exchange's fills, and the
    position is their sum."""
    injector = install(ex, FaultInjector(seed=11))
    injector.configure(ws_disconnect_every=4, ws_duplicate_rate=0.5)

    def plan(strat, n):
        if 5 <= n <= 9:
            strat.buy(size=0.001 * (n - 4))
    strat, _ = _run(ex, plan=plan, stop_after=12, steps=30,
                    store_kwargs={'retry_base': 0.05}, feed_kwargs={'use_ws': True},
                    broker_kwargs={'poll_interval': 0.2})
    account = ex.core.account(KEY)
    assert injector.stats['ws_disconnect_count'] >= 2 and injector.stats['ws_duplicated']
    done = [r for r in strat.orders if r[2] == 'Completed']
    assert len(done) == 5 == len({r[0] for r in done}) == len(account.orders)
    by_ref = {}
    for ref, _, status, *_ in strat.orders:
        by_ref.setdefault(ref, []).append(status)
    assert all(seq == ['Submitted', 'Accepted', 'Completed'] for seq in by_ref.values())
    bought = sum(t.qty - t.commission for t in account.trades)
    assert strat.position.size == pytest.approx(bought) == pytest.approx(0.015 * 0.999)


def test_stream_drops_lose_no_bar_and_repeat_none(ex):
    injector = install(ex, FaultInjector(seed=5))
    injector.configure(ws_disconnect_every=3)      # every socket cut after 3 messages
    strat, _ = _run(ex, feed_kwargs={'use_ws': True}, broker=False, stop_after=12,
                    steps=30, store_kwargs={'retry_base': 0.05})
    expected = [(_day(b), b.close) for b in _bars(ex, START - 4, START + 8)]
    assert strat.bars == expected
    assert injector.stats['ws_disconnect_count'] >= 2
    assert 'CONNBROKEN' in strat.datas_seen


def test_5xx_and_429_storms_back_off_and_recover(ex):
    injector = install(ex, FaultInjector(seed=9))
    injector.configure(http_error_rate=0.5, http_paths='/api/v3/klines')
    strat, store = _run(ex, feed_kwargs={'use_ws': False, 'poll_interval': 0.1},
                        broker=False, stop_after=8, steps=30,
                        store_kwargs={'retry_base': 0.05, 'retry_cap': 0.2,
                                      'retries': 8})
    assert strat.bars == [(_day(b), b.close) for b in _bars(ex, START - 4, START + 4)]
    assert injector.stats['http_errors'] > 0 and store.retried > 0
    injector.clear()
    injector.configure(http_storm_seconds=0.6)
    limiter = store.limiter
    started = time.monotonic()
    try:
        store.start()
        store.rest('fetch_ticker', 'BTC/USDT')
    finally:
        store.stop()
    assert time.monotonic() - started >= 0.3 and limiter.backoffs >= 1
    assert ex.core.limiter._banned_until == 0.0      # never banned


def test_the_limiter_takes_the_limit_the_exchange_declares():
    with SimExchange(spot={'BTC/USDT': DATA}, keys={KEY: SECRET}, start=START,
                     weight_limit=3000) as ex:
        store = bt.stores.CCXTStore(exchange='binance', config=ex.ccxt_config(KEY, SECRET))
        try:
            store.start()
            assert store.limiter.limit == 3000
            assert store.exchange.enableRateLimit is False      # one limiter, not two
            store.rest('fetch_ticker', 'BTC/USDT')
            assert store.limiter.used == ex.core.limiter.used   # the header is the truth
        finally:
            store.stop()


def test_no_thread_is_left_when_the_run_is_interrupted(ex):
    class Boom(Recorder):
        def next(self):
            super().next()
            if len(self.bars) == 6:
                raise KeyboardInterrupt
    before = {t.ident for t in threading.enumerate()}
    with pytest.raises(KeyboardInterrupt):
        _run(ex, strategy=Boom, stop_after=50)
    time.sleep(0.2)
    left = [t for t in threading.enumerate() if t.ident not in before
            and not t.name.startswith('Thread-')]      # the test's own stepper
    assert left == [] and _mine() == []


def test_parity_with_the_backtest_over_the_same_bars(ex):
    """The same strategy over the same bars, live on the local exchange and
    in a backtest: the same bars, the same decisions, the same fill prices.
    The one difference: on spot the exchange takes the 0.1% fee from the
    coins bought, so the live position is 0.1% smaller (the backtest
    charges the fee in cash)."""
    def plan(strat, n):
        if n == 5:
            strat.buy(size=0.01)
        elif n == 8:
            strat.close()
    live, _ = _run(ex, plan=plan, stop_after=10, steps=48, ticks=1, pause=0.12)
    import pandas as pd
    bars = _bars(ex, START - 4, START + 7)
    frame = pd.DataFrame({'open': [b.open for b in bars], 'high': [b.high for b in bars],
                          'low': [b.low for b in bars], 'close': [b.close for b in bars],
                          'volume': [b.volume for b in bars]},
                         index=pd.DatetimeIndex([_day(b) for b in bars]))
    cerebro = bt.Cerebro()
    cerebro.adddata(bt.feeds.PandasData(dataname=frame))
    cerebro.broker.setcash(10000.0)
    cerebro.broker.setcommission(commission=0.001)
    cerebro.addstrategy(Recorder, stop_after=10, plan=plan)
    back = cerebro.run()[0]
    assert live.bars == back.bars
    def fills(strat):
        return [(ref, size > 0, price) for ref, _, status, size, price, _ in strat.orders
                if status == 'Completed']
    assert [(side, price) for _, side, price in fills(live)] == \
        [(side, price) for _, side, price in fills(back)]
    live_sizes = [r[3] for r in live.orders if r[2] == 'Completed']
    back_sizes = [r[3] for r in back.orders if r[2] == 'Completed']
    assert live_sizes == [pytest.approx(0.01 * 0.999), pytest.approx(-0.01 * 0.999)]
    assert back_sizes == [0.01, -0.01]


def test_positions_are_read_from_the_exchange_at_start():
    with spot_exchange(KEY, SECRET, START, {'USDT': 1000.0, 'BTC': 0.25}) as ex:
        seen = []

        def plan(strat, n):
            if n == 1:
                seen.append(strat.position.size)
        _run(ex, plan=plan, stop_after=2, steps=4)
        assert seen == [0.25]


def test_polling_asks_once_per_symbol_not_once_per_order(ex):
    calls = []

    def plan(strat, n):
        if n == 5:
            strat.resting = [strat.buy(size=0.001, exectype=bt.Order.Limit,
                                       price=round(strat.data.close[0] * (0.5 + i / 100), 2))
                             for i in range(5)]
            store = strat.broker.store
            original = store.rest

            def counting(method, *args, **kwargs):
                calls.append(method)
                return original(method, *args, **kwargs)
            store.rest = counting
    strat, _ = _run(ex, plan=plan, stop_after=9, store_kwargs={'use_ws': False},
                    feed_kwargs={'use_ws': False, 'poll_interval': 0.1})
    polls = [c for c in calls if c in ('fetch_open_orders', 'fetch_order')]
    assert 'fetch_open_orders' in polls and 'fetch_order' not in polls
    assert len(ex.core.account(KEY).orders) == 5


def test_two_feeds_share_the_store_and_both_get_every_bar():
    with SimExchange(spot={'BTC/USDT': DATA, 'ETH/USDT': DATA}, keys={KEY: SECRET},
                     start=START) as ex:
        store = bt.stores.CCXTStore(exchange='binance', config=ex.ccxt_config(KEY, SECRET))
        cerebro = bt.Cerebro()
        first = _day(_bars(ex, START - 2, START - 1)[0])
        for symbol in ('BTC/USDT', 'ETH/USDT'):
            cerebro.adddata(store.getdata(dataname=symbol, timeframe=bt.TimeFrame.Days,
                                          fromdate=first))

        class Both(bt.Strategy):
            def __init__(self):
                self.rows = []

            def next(self):
                self.rows.append((self.datas[0].datetime.datetime(0),
                                  self.datas[1].datetime.datetime(0)))
                if len(self.rows) >= 6:
                    self.env.runstop()
        cerebro.addstrategy(Both)
        strat = _drive(ex, cerebro, 12)
        days = [_day(b) for b in _bars(ex, START - 2, START + 4)]
        assert strat.rows == list(zip(days, days))
        assert _mine() == []


def test_valid_expires_a_resting_order_by_the_data_clock(ex):
    def plan(strat, n):
        if n == 5:
            strat.buy(size=0.001, exectype=bt.Order.Limit,
                      price=round(strat.data.close[0] * 0.5, 2),
                      valid=strat.data.datetime.datetime(0) + datetime.timedelta(days=2))
    strat, _ = _run(ex, plan=plan, stop_after=10)
    assert [s for _, _, s, *_ in strat.orders] == ['Submitted', 'Accepted', 'Expired']
    sent = list(ex.core.account(KEY).orders.values())
    assert len(sent) == 1 and sent[0].status == 'CANCELED'


@pytest.mark.parametrize('use_ws', [True, False])
def test_a_resting_limit_fills_in_parts_each_part_reported_once(use_ws):
    """A limit buy below the market at bar 100's close (20830.04): bar 101's
    low (20478.61) and bar 102's low and close (20750.01, 20798.16) reach
    20800; each tick may fill only a share of its volume, so the order fills
    over several ticks."""
    with spot_exchange(KEY, SECRET, START, {'USDT': 10000.0},
                       volume_share=3.3e-7) as ex:
        def plan(strat, n):
            if n == 5:
                strat.buy(size=0.03, exectype=bt.Order.Limit, price=20800.0)
        strat, _ = _run(ex, plan=plan, stop_after=10, steps=12,
                        store_kwargs={'use_ws': use_ws},
                        feed_kwargs={'use_ws': use_ws, 'poll_interval': 0.1},
                        broker_kwargs={'poll_interval': 0.1})
        fills = ex.core.account(KEY).trades
    statuses = [s for _, _, s, *_ in strat.orders]
    sizes = [size for _, _, s, size, *_ in strat.orders if s in ('Partial', 'Completed')]
    assert len(fills) >= 3 and all(f.price == 20800.0 for f in fills)
    assert statuses[:3] == ['Submitted', 'Accepted', 'Partial']
    assert statuses[-1] == 'Completed' and statuses.count('Completed') == 1
    # every report adds something; together they are the exchange's fills
    assert sizes == sorted(set(sizes)) and 2 <= len(sizes) <= len(fills)
    assert sizes[-1] == pytest.approx(sum(f.qty - f.commission for f in fills))
    assert sizes[-1] == pytest.approx(0.03 * 0.999)
    assert strat.position.size == pytest.approx(0.03 * 0.999)


# --- native streams (backtrader.ws) ------------------------------------------------------
def test_native_streams_carry_live_bars_each_once_in_order(ex):
    seen = []

    def plan(strat, n):
        seen.append(strat.data.store.stream_stats())
    strat, store = _run(ex, store_kwargs={'streams': 'native'}, broker=False,
                        stop_after=9, plan=plan)
    assert store.stream_source == 'native' and not store.ws_has('watchOrders')
    assert seen[-1]['delivered'] > seen[4]['delivered'] > 0     # bars came streamed
    assert seen[-1]['reconnects'] == 0 and seen[-1]['streams'] == 1
    expected = [(_day(b), b.close) for b in _bars(ex, START - 4, START + 5)]
    assert strat.bars == expected
    assert strat.datas_seen[0] == 'DELAYED' and 'LIVE' in strat.datas_seen
    assert _mine() == []


def test_native_streams_survive_drops_with_no_bar_lost_or_repeated(ex):
    injector = install(ex, FaultInjector(seed=5))
    injector.configure(ws_disconnect_every=3)      # every socket cut after 3 messages
    seen = []

    def plan(strat, n):
        seen.append(strat.data.store.stream_stats())
    strat, _ = _run(ex, store_kwargs={'streams': 'native', 'retry_base': 0.05},
                    broker=False, stop_after=12, steps=30, plan=plan)
    expected = [(_day(b), b.close) for b in _bars(ex, START - 4, START + 8)]
    assert strat.bars == expected
    assert injector.stats['ws_disconnect_count'] >= 2
    assert seen[-1]['reconnects'] >= 2
    assert 'CONNBROKEN' in strat.datas_seen


def test_native_streams_trade_with_orders_polled(ex):
    def plan(strat, n):
        if n == 5:
            strat.buy(size=0.01)
        if n == 7:
            strat.close()
    strat, store = _run(ex, plan=plan, stop_after=10,
                        store_kwargs={'streams': 'native'},
                        broker_kwargs={'poll_interval': 0.1})
    by_ref = {}
    for ref, _, status, *_ in strat.orders:
        by_ref.setdefault(ref, []).append(status)
    assert list(by_ref.values()) == [['Submitted', 'Accepted', 'Completed']] * 2
    assert len(ex.core.account(KEY).orders) == 2
    assert strat.position.size == pytest.approx(0.0, abs=1e-12)
    assert [t[0] for t in strat.trades] == [bt.Trade.Open, bt.Trade.Closed]


def test_native_streams_two_feeds_share_one_connection():
    with SimExchange(spot={'BTC/USDT': DATA, 'ETH/USDT': DATA}, keys={KEY: SECRET},
                     start=START) as ex:
        store = bt.stores.CCXTStore(exchange='binance', config=ex.ccxt_config(KEY, SECRET),
                                    streams='native')
        cerebro = bt.Cerebro()
        first = _day(_bars(ex, START - 2, START - 1)[0])
        last = _day(_bars(ex, START + 3, START + 4)[0])
        for symbol in ('BTC/USDT', 'ETH/USDT'):
            cerebro.adddata(store.getdata(dataname=symbol, timeframe=bt.TimeFrame.Days,
                                          fromdate=first))

        class Both(bt.Strategy):
            def __init__(self):
                self.rows, self.counters = [], []

            def next(self):
                self.rows.append((self.datas[0].datetime.datetime(0),
                                  self.datas[1].datetime.datetime(0)))
                self.counters.append(store.stream_stats())
                if self.rows[-1] == (last, last):
                    self.env.runstop()
        cerebro.addstrategy(Both)
        strat = _drive(ex, cerebro, 12)
        days = [_day(b) for b in _bars(ex, START - 2, START + 4)]
        # bars of two symbols close on their own messages: the engine does
        # not wait for a late one (as upstream), so a row may pair a new bar
        # with the other's previous one; each feed still shows every bar once
        for side in (0, 1):
            shown = [row[side] for row in strat.rows]
            assert sorted(set(shown)) == days and shown == sorted(shown)
        assert strat.counters[-1]["streams"] == 2 and strat.counters[-1]["reconnects"] == 0
        names = [t.name for t in threading.enumerate()]
        assert 'binance-native-ws' not in names and _mine() == []


def test_stopping_one_native_feed_leaves_the_other_streaming():
    with SimExchange(spot={'BTC/USDT': DATA, 'ETH/USDT': DATA}, keys={KEY: SECRET},
                     start=START) as ex:
        store = bt.stores.CCXTStore(exchange='binance', config=ex.ccxt_config(KEY, SECRET),
                                    streams='native')
        got = {'BTC/USDT': [], 'ETH/USDT': []}
        try:
            store.start()
            for symbol in got:
                store.watch(('ohlcv', symbol, '1d'), 'watch_ohlcv', (symbol, '1d'),
                            got[symbol].extend)
            store.unwatch(('ohlcv', 'BTC/USDT', '1d'))
            for _ in range(60):
                ex.step(ticks=4)
                if len(got['ETH/USDT']) >= 6:
                    break
                time.sleep(0.05)
            stats = store.stream_stats()
        finally:
            store.stop()
        assert len(got['ETH/USDT']) >= 6 and got['BTC/USDT'] == []
        assert stats['streams'] == 1 and stats['state'] == 'CONNECTED'
        assert all(len(row) == 7 for row in got['ETH/USDT'])
        assert any(row[6] is True for row in got['ETH/USDT'])     # closed bars flagged


@pytest.mark.parametrize('kwargs,named', [
    ({'streams': 'websocket'}, "'auto', 'ccxt.pro', 'native', 'rest'"),
    ({'streams': 'native', 'exchange': 'kraken'}, "'kraken'"),
])
def test_a_wrong_streams_setting_is_named(kwargs, named):
    kwargs = dict({'exchange': 'binance', 'config': {}}, **kwargs)
    with pytest.raises(ValueError) as err:
        bt.stores.CCXTStore(**kwargs)
    assert named in str(err.value) and 'streams' in str(err.value)


def test_streams_are_chosen_by_capability(ex):
    config = ex.ccxt_config(KEY, SECRET)
    chosen = {}
    for streams in ('auto', 'native', 'rest'):
        store = bt.stores.CCXTStore(exchange='binance', config=config, streams=streams)
        chosen[streams] = (store.stream_source, store.ws_has('watchOHLCV'),
                           store.ws_has('watchOrders'))
        store.stop()
    assert chosen == {'auto': ('ccxt.pro', True, True), 'native': ('native', True, False),
                      'rest': ('rest', False, False)}
    store = bt.stores.CCXTStore(exchange='binance', config=config, use_ws=False)
    assert store.stream_source == 'rest'
    store.stop()
    with pytest.raises(ValueError, match='watch_orders'):
        store = bt.stores.CCXTStore(exchange='binance', config=config, streams='native')
        try:
            store.watch(('orders',), 'watch_orders', (), print)
        finally:
            store.stop()
