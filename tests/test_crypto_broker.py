"""The crypto market model inside the backtesting broker, on worked examples.

Each test runs the engine on a few hand-made bars and checks fees, rule
rejections, liquidations, settlement and funding against arithmetic done
by hand in the comments.
"""
import datetime

import pandas as pd
import pytest

import backtrader as bt
from backtrader.commissions import (CryptoSpotCommInfo, FeeTier,
                                    PerpetualCommInfo)

DAY = datetime.timedelta(days=1)
START = datetime.datetime(2024, 1, 1)


def _frame(bars, start=START, step=DAY):
    index = [start + i * step for i in range(len(bars))]
    return pd.DataFrame([dict(open=o, high=h, low=lo, close=c, volume=1e9,
                              openinterest=0.0) for o, h, lo, c in bars],
                        index=pd.DatetimeIndex(index))


class _Script(bt.Strategy):
    """Runs ``actions[bar index](strategy)`` and records notifications."""

    params = dict(actions=None)

    def __init__(self):
        self.notified = []
        self.trades = []
        self.cash_by_bar = []

    def next(self):
        action = (self.p.actions or {}).get(len(self) - 1)
        if action is not None:
            action(self)
        self.cash_by_bar.append(self.broker.getcash())

    def notify_order(self, order):
        self.notified.append(order)

    def notify_trade(self, trade):
        self.trades.append(trade)


def _run(bars, actions, comminfo, cash=10000.0, setup=None, step=DAY,
         analyzers=()):
    cerebro = bt.Cerebro(stdstats=False)
    data = bt.feeds.PandasData(dataname=_frame(bars, step=step), name='X')
    cerebro.adddata(data)
    cerebro.broker.setcash(cash)
    cerebro.broker.addcommissioninfo(comminfo)
    if setup:
        setup(cerebro, data)
    for ancls in analyzers:
        cerebro.addanalyzer(ancls)
    cerebro.addstrategy(_Script, actions=actions)
    return cerebro.run()[0], cerebro


def _completed(strat):
    return [o for o in strat.notified if o.status == o.Completed]


# --- maker / taker --------------------------------------------------------------
def test_maker_taker_per_order_type():
    # bar1 opens 100, trades down to 95; bar2 gaps down to 89
    bars = [(100, 101, 99, 100), (100, 102, 95, 101), (89, 90, 88, 89),
            (89, 90, 88, 89)]
    O = bt.Order

    def place(s):
        s.buy(size=1)                                      # market: taker
        s.buy(size=1, exectype=O.Limit, price=96)          # reached in bar: maker
        s.buy(size=1, exectype=O.Limit, price=105)         # marketable: taker
        s.buy(size=1, exectype=O.Limit, price=90)          # rests, gap fill: maker
        s.buy(size=1, exectype=O.Stop, price=101.5)        # stop-market: taker
    comm = CryptoSpotCommInfo(maker=0.001, taker=0.002)
    strat, _ = _run(bars, {0: place}, comm)
    done = {o.ref: o for o in _completed(strat)}
    got = sorted((o.executed.price, o.info['liquidity'], o.executed.comm)
                 for o in done.values())
    assert len(got) == 5
    expect = sorted([
        (100.0, 'taker', 100 * 0.002),    # market at the open
        (96.0, 'maker', 96 * 0.001),      # limit reached inside bar 1
        (100.0, 'taker', 100 * 0.002),    # limit 105 was marketable at the open
        (89.0, 'maker', 89 * 0.001),      # rested in bar 1, filled at bar 2 open
        (101.5, 'taker', 101.5 * 0.002),  # stop triggered at 101.5
    ])
    for (p, liq, fee), (ep, eliq, efee) in zip(got, expect):
        assert (p, liq) == (ep, eliq)
        assert fee == pytest.approx(efee)


def test_tier_follows_rolling_30_day_volume():
    tiers = [FeeTier('VIP 0', 0.0, 0.001, 0.001),
             FeeTier('VIP 1', 1000.0, 0.0005, 0.0005)]
    bars = [(100, 100, 100, 100)] * 45
    actions = {0: lambda s: s.buy(size=5),      # fills bar 1: 500 traded
               1: lambda s: s.buy(size=6),      # fills bar 2: volume before 500
               2: lambda s: s.buy(size=1),      # fills bar 3: volume 1100 -> VIP 1
               40: lambda s: s.sell(size=1)}    # bar 41: bars 1-3 out of window
    strat, cerebro = _run(bars, actions, CryptoSpotCommInfo(tiers=tiers))
    fees = [o.executed.comm for o in _completed(strat)]
    # 5*100*0.001, 6*100*0.001, 1*100*0.0005, 1*100*0.001
    assert fees == pytest.approx([0.5, 0.6, 0.05, 0.1])
    assert cerebro.broker.volume_30d() == pytest.approx(100.0)


def test_fee_in_base_reduces_amount_received():
    bars = [(100, 100, 100, 100)] * 4
    actions = {0: lambda s: s.buy(size=1),
               2: lambda s: s.close()}
    comm = CryptoSpotCommInfo(maker=0.001, taker=0.001, fee_asset='base')
    strat, cerebro = _run(bars, actions, comm)
    buy, sell = _completed(strat)
    # bought 1, 0.001 withheld: 0.999 received, worth 0.1 USDT of fee
    assert buy.executed.size == pytest.approx(0.999)
    assert buy.executed.comm == pytest.approx(0.1)
    assert buy.status == buy.Completed
    assert strat.cash_by_bar[1] == pytest.approx(10000 - 100)
    # the sale pays its fee in quote: 0.999 * 100 * 0.001
    assert sell.executed.size == pytest.approx(-0.999)
    assert sell.executed.comm == pytest.approx(0.0999)
    assert cerebro.broker.getcash() == pytest.approx(9900 + 99.9 - 0.0999)
    assert cerebro.broker.getposition(strat.data).size == pytest.approx(0.0)
    assert cerebro.broker.fees_paid['base'] == pytest.approx(0.001)


# --- trading rules ---------------------------------------------------------------
MARKET = {'symbol': 'BTC/USDT', 'precision': {'amount': 0.001, 'price': 0.01},
          'limits': {'amount': {'min': 0.001, 'max': 100.0},
                     'price': {'min': 0.01, 'max': 1e6},
                     'cost': {'min': 5.0, 'max': None}}}


def test_order_below_min_notional_is_rejected_with_reason():
    bars = [(100, 100, 100, 100)] * 3
    actions = {0: lambda s: s.buy(size=0.01)}   # notional 1 < 5
    strat, cerebro = _run(
        bars, actions, CryptoSpotCommInfo(),
        setup=lambda c, d: c.broker.set_trading_rules(MARKET))
    rejected = [o for o in strat.notified if o.status == o.Rejected]
    assert len(rejected) == 1
    assert 'notional' in rejected[0].info['reject_reason']
    assert 'BTC/USDT' in rejected[0].info['reject_reason']
    assert not _completed(strat)
    assert cerebro.broker.getcash() == 10000.0


def test_rounding_when_asked():
    bars = [(100, 100, 100, 100)] * 3
    O = bt.Order
    actions = {0: lambda s: (s.buy(size=0.12345),
                             s.buy(size=0.1, exectype=O.Limit, price=100.004))}
    strat, _ = _run(
        bars, actions, CryptoSpotCommInfo(),
        setup=lambda c, d: c.broker.set_trading_rules(MARKET, rounding=True))
    done = sorted(_completed(strat), key=lambda o: o.ref)
    assert done[0].executed.size == pytest.approx(0.123)   # step 0.001, down
    assert done[1].created.price == pytest.approx(100.0)   # tick 0.01, nearest


# --- perpetual futures -------------------------------------------------------------
def _perp(**kwargs):
    kwargs.setdefault('leverage', 10)
    return PerpetualCommInfo(**kwargs)


def test_isolated_long_liquidation():
    # long 1 at 100, 10x isolated: WB = IM = 10, bracket MMR 0.4%, cum 0
    # LP = (10 + 0 - 1*100) / (1*0.004 - 1) = 90.36144578...
    lp = (10 - 100) / (0.004 - 1)
    bars = [(100, 100, 100, 100), (100, 100, 100, 100), (99, 99, 90, 95),
            (95, 95, 95, 95)]
    strat, cerebro = _run(bars, {0: lambda s: s.buy(size=1)},
                          _perp(margin_mode='isolated'))
    buy, liq = _completed(strat)
    assert liq.info['liquidation'] is True
    assert liq.executed.price == pytest.approx(lp)
    assert liq.executed.comm == pytest.approx(lp * 0.005)   # liquidation fee
    assert cerebro.broker.getposition(strat.data).size == 0
    # cash: 10000 - IM 10 - taker 0.05, then IM back, the move to LP, fee
    expect = 10000 - 10 - 0.05 + 10 + (lp - 100) - lp * 0.005
    assert cerebro.broker.getcash() == pytest.approx(expect)
    assert strat.trades[-1].isclosed
    assert strat.trades[-1].pnl == pytest.approx(lp - 100)


def test_isolated_short_liquidation():
    # short 1 at 100: LP = (10 + 0 + 100) / (0.004 + 1) = 109.5617...
    lp = 110 / 1.004
    bars = [(100, 100, 100, 100), (100, 100, 100, 100), (101, 110, 101, 105),
            (105, 105, 105, 105)]
    strat, _ = _run(bars, {0: lambda s: s.sell(size=1)},
                    _perp(margin_mode='isolated'))
    liq = _completed(strat)[-1]
    assert liq.info['liquidation'] and liq.isbuy()
    assert liq.executed.price == pytest.approx(lp)


def test_cross_margin_uses_the_whole_wallet():
    # cash 20: after the entry cash is 20 - 10 - 0.05 = 9.95; wallet
    # balance = 9.95 + IM 10 = 19.95; LP = (19.95 - 100) / (0.004 - 1)
    lp = (19.95 - 100) / (0.004 - 1)
    bars = [(100, 100, 100, 100), (100, 100, 100, 100), (99, 99, 80, 90),
            (90, 90, 90, 90)]
    strat, _ = _run(bars, {0: lambda s: s.buy(size=1)},
                    _perp(margin_mode='cross'), cash=20.0)
    liq = _completed(strat)[-1]
    assert liq.info['liquidation']
    assert liq.executed.price == pytest.approx(lp)
    # with plenty of cash the same bar liquidates nothing
    strat, _ = _run(bars, {0: lambda s: s.buy(size=1)},
                    _perp(margin_mode='cross'), cash=10000.0)
    assert len(_completed(strat)) == 1


def test_delivery_contract_settles_at_expiry():
    bars = [(100, 100, 100, 100), (100, 100, 100, 100), (104, 104, 104, 104),
            (106, 106, 106, 106), (107, 107, 107, 107)]
    comm = _perp(contract='delivery', expiry=START + 3 * DAY)
    strat, cerebro = _run(bars, {0: lambda s: s.buy(size=2)}, comm)
    settle = _completed(strat)[-1]
    assert settle.info['settlement'] is True
    assert settle.executed.price == 106.0     # the close of the expiry bar
    assert cerebro.broker.getposition(strat.data).size == 0
    # taker fees: entry 2*100*0.0005 = 0.1, settlement 2*106*0.0005 = 0.106
    assert cerebro.broker.getcash() == pytest.approx(10000 + 2 * 6 - 0.1 - 0.106)


# --- funding ----------------------------------------------------------------------
HOUR = datetime.timedelta(hours=1)


@pytest.mark.parametrize('side,sign', [('buy', -1), ('sell', 1)])
def test_funding_sign_long_pays_short_receives(side, sign):
    # hourly bars at a constant 100; position of 2 from 01:00 (bar 1 open)
    # funding 0.0001 at 08:00 and 16:00 on day 1 and 00:00 on day 2:
    # each payment is 2 * 100 * 0.0001 = 0.02
    bars = [(100, 100, 100, 100)] * 26
    strat, cerebro = _run(
        bars, {0: lambda s: getattr(s, side)(size=2)}, _perp(), step=HOUR,
        setup=lambda c, d: c.addfunding(d, 0.0001),
        analyzers=[bt.analyzers.FundingAnalyzer])
    history = cerebro.broker.funding_history
    assert [p.dt.hour for p in history] == [8, 16, 0]
    assert [p.amount for p in history] == pytest.approx([sign * 0.02] * 3)
    res = strat.analyzers[0].get_analysis()
    assert res.total.net == pytest.approx(sign * 0.06)
    assert res.total.count == 3
    # cash: entry IM 20 and fee 0.1, then the funding
    assert cerebro.broker.getcash() == pytest.approx(10000 - 20 - 0.1 + sign * 0.06)
    open_trade = strat._trades[strat.data][0][-1]
    assert open_trade.funding == pytest.approx(sign * 0.06)


def test_real_xrp_funding_reproduced_for_a_fixed_position():
    import os
    here = os.path.join(os.path.dirname(bt.__file__), 'datafiles')
    bars = pd.read_csv(os.path.join(here, 'XRPUSDT-PERP-5m.csv'),
                       parse_dates=['datetime'], index_col='datetime')
    bars.index = bars.index.tz_localize(None)
    rates = pd.read_csv(os.path.join(here, 'XRPUSDT-PERP-funding-8h.csv'))
    marks = pd.read_csv(os.path.join(here, 'XRPUSDT-PERP-mark-8h.csv'),
                        parse_dates=['datetime'], index_col='datetime')
    marks.index = marks.index.tz_localize(None)

    cerebro = bt.Cerebro(stdstats=False)
    data = bt.feeds.PandasData(dataname=bars, name='XRP',
                               timeframe=bt.TimeFrame.Minutes, compression=5)
    cerebro.adddata(data)
    cerebro.broker.setcash(100000.0)
    cerebro.broker.addcommissioninfo(_perp())
    cerebro.addfunding(data, os.path.join(here, 'XRPUSDT-PERP-funding-8h.csv'),
                       mark=os.path.join(here, 'XRPUSDT-PERP-mark-8h.csv'))
    cerebro.addstrategy(_Script, actions={0: lambda s: s.buy(size=1000)})
    cerebro.run()

    # independently: funding times after the entry bar (bar 1) up to the
    # last bar, each paying -1000 * mark open at that time * rate
    times = pd.to_datetime(rates['datetime']).dt.tz_localize(None).dt.round('s')
    rates = pd.Series(rates['funding_rate'].values, index=times)
    due = rates[(rates.index > bars.index[1]) & (rates.index <= bars.index[-1])]
    expected = sum(-1000 * marks.loc[t, 'open'] * r for t, r in due.items())
    got = cerebro.broker.funding_history
    assert len(got) == len(due) > 10
    assert sum(p.amount for p in got) == pytest.approx(expected, rel=1e-12)


def test_account_value_is_the_margin_balance():
    # long 2 at 100, 10x: IM 20, fee 0.1; at close 110 the margin balance
    # is 10000 - 0.1 + 2 * 10 = 10019.9 (no drift with the margin's price)
    bars = [(100, 100, 100, 100), (100, 100, 100, 100), (110, 110, 110, 110),
            (110, 110, 110, 110)]
    values = []
    actions = {0: lambda s: s.buy(size=2),
               2: lambda s: values.append(s.broker.getvalue()),
               3: lambda s: values.append(s.broker.getvalue())}
    _run(bars, actions, _perp())
    assert values == pytest.approx([10019.9, 10019.9])


# --- hedge position mode ------------------------------------------------------------
def _hedge(**kwargs):
    return _perp(position_mode='hedge', **kwargs)


def _leg(strat, side):
    return strat.broker.getposition(strat.data, side=side)


def test_hedge_legs_coexist_and_close_separately():
    # long 1 and short 1 at 100 (taker fee 0.05 each, IM 10 each); the
    # price goes to 110; the long leg closes at 110 (fee 0.055, PnL +10)
    bars = [(100, 100, 100, 100), (100, 100, 100, 100), (110, 110, 110, 110),
            (110, 110, 110, 110), (110, 110, 110, 110)]
    seen = {}

    def open_both(s):
        s.buy(size=1, position_side='long')
        s.sell(size=1, position_side='SHORT')   # Binance's spelling works too

    def look(s):
        seen['net'] = s.position.size
        seen['legs'] = (_leg(s, 'long').size, _leg(s, 'short').size)
        seen['value'] = s.broker.getvalue()
        seen['data_value'] = s.broker.getvalue(datas=[s.data])

    strat, cerebro = _run(bars, {0: open_both, 2: look,
                                 3: lambda s: s.close(position_side='long')},
                          _hedge())
    assert seen['net'] == 0 and seen['legs'] == (1, -1)
    assert seen['value'] == pytest.approx(10000 - 0.1)    # the legs cancel
    assert seen['data_value'] == pytest.approx(20.0)      # both margins
    closed = [t for t in strat.trades if t.isclosed]
    assert len(closed) == 1 and closed[0].long
    assert closed[0].pnl == pytest.approx(10.0)
    assert _leg(strat, 'long').size == 0 and _leg(strat, 'short').size == -1
    # the short leg's IM (10) is still locked and its -10 move settled
    assert cerebro.broker.getcash() == pytest.approx(10000 - 0.1 - 0.055 - 10 - 10 + 10)
    assert cerebro.broker.getvalue() == pytest.approx(10000 - 0.1 - 0.055)


@pytest.mark.parametrize('scheme,kwargs,reason', [
    (_hedge, {}, "hedge mode: the order needs position_side='long' or 'short'"),
    (_perp, {'position_side': 'long'}, "this data is in one-way mode"),
    (_hedge, {'position_side': 'up'}, "position_side must be 'long' or 'short', got 'up'"),
    (_hedge, {'position_side': 'short'}, 'reduces the short leg by 1 but it holds 0'),
])
def test_hedge_mode_order_rejections(scheme, kwargs, reason):
    bars = [(100, 100, 100, 100)] * 3
    strat, cerebro = _run(bars, {0: lambda s: s.buy(size=1, **kwargs)}, scheme())
    rejected = [o for o in strat.notified if o.status == o.Rejected]
    assert len(rejected) == 1
    assert reason in rejected[0].info['reject_reason']
    assert cerebro.broker.getcash() == 10000.0


def test_hedge_leg_that_shrank_fills_only_what_is_left():
    # two sells of 1 on a long leg of 1: the first closes it, the second
    # (accepted when the leg held 1) finds it empty and is canceled
    bars = [(100, 100, 100, 100)] * 4

    def two_closes(s):
        s.sell(size=1, position_side='long')
        s.sell(size=1, position_side='long')

    strat, _ = _run(bars, {0: lambda s: s.buy(size=1, position_side='long'),
                           1: two_closes}, _hedge())
    canceled = [o for o in strat.notified if o.status == o.Canceled]
    assert len(canceled) == 1
    assert canceled[0].info['cancel_reason'] == 'the long leg is already closed'
    assert _leg(strat, 'long').size == 0 and _leg(strat, 'short').size == 0


def test_hedge_isolated_liquidates_one_leg():
    # isolated 10x: long LP = (10 - 100) / (0.004 - 1) = 90.36; short LP =
    # 110 / 1.004 = 109.56; the bar reaches 90 and liquidates the long only
    lp = (10 - 100) / (0.004 - 1)
    bars = [(100, 100, 100, 100), (100, 100, 100, 100), (99, 99, 90, 95),
            (95, 95, 95, 95)]

    def open_both(s):
        s.buy(size=1, position_side='long')
        s.sell(size=1, position_side='short')

    strat, _ = _run(bars, {0: open_both}, _hedge(margin_mode='isolated'))
    liqs = [o for o in _completed(strat) if o.info.get('liquidation')]
    assert len(liqs) == 1 and liqs[0].issell()
    assert liqs[0].info['position_side'] == 'long'
    assert liqs[0].executed.price == pytest.approx(lp)
    assert _leg(strat, 'long').size == 0 and _leg(strat, 'short').size == -1


def test_hedge_cross_liquidates_both_legs_at_one_price():
    # cash 40; long 2 and short 1 at 100: IM 30, fees 0.15 -> wallet 39.85.
    # Margin balance 39.85 + 2(P-100) - (P-100) meets MM 0.004 x 3P at
    # P = 60.15 / 0.988 = 60.88: the bar's low 60 liquidates both legs there
    lp = 60.15 / 0.988
    bars = [(100, 100, 100, 100), (100, 100, 100, 100), (70, 70, 60, 65),
            (65, 65, 65, 65)]

    def open_both(s):
        s.buy(size=2, position_side='long')
        s.sell(size=1, position_side='short')

    strat, _ = _run(bars, {0: open_both}, _hedge(margin_mode='cross'), cash=40.0)
    liqs = [o for o in _completed(strat) if o.info.get('liquidation')]
    assert sorted(o.info['position_side'] for o in liqs) == ['long', 'short']
    assert [o.executed.price for o in liqs] == pytest.approx([lp, lp])
    assert strat.position.size == 0
    # the same bars with a deeper wallet liquidate nothing
    strat, _ = _run(bars, {0: open_both}, _hedge(margin_mode='cross'), cash=100.0)
    assert not [o for o in _completed(strat) if o.info.get('liquidation')]


def test_hedge_funding_splits_by_signed_leg_size():
    # long 2, short 1 at 100, rate 0.0001: the net 1 pays 0.01 each time;
    # the long leg's share is -0.02, the short leg receives +0.01
    bars = [(100, 100, 100, 100)] * 10

    def open_both(s):
        s.buy(size=2, position_side='long')
        s.sell(size=1, position_side='short')

    strat, cerebro = _run(bars, {0: open_both}, _hedge(), step=HOUR,
                          setup=lambda c, d: c.addfunding(d, 0.0001))
    assert [p.amount for p in cerebro.broker.funding_history] == pytest.approx([-0.01])
    trades = {key[1]: hist[-1] for key, hist in strat._trades[strat.data].items()}
    assert trades['long'].funding == pytest.approx(-0.02)
    assert trades['short'].funding == pytest.approx(0.01)


def test_getposition_side_on_a_one_way_data_is_an_error():
    strat, _ = _run([(100, 100, 100, 100)] * 2, {}, _perp())
    with pytest.raises(ValueError, match="not in hedge mode"):
        strat.broker.getposition(strat.data, side='long')

def test_hedge_cross_pair_is_liquidated_by_the_mark():
    # the bars of the test above with mark prices: a mark low of 70 keeps
    # the pair (the trade's low 60 alone would liquidate it), 60 does not
    bars = [(100, 100, 100, 100), (100, 100, 100, 100), (70, 70, 60, 65),
            (65, 65, 65, 65)]

    def open_both(s):
        s.buy(size=2, position_side='long')
        s.sell(size=1, position_side='short')

    def marks(low):
        frame = _frame([(100, 100, 100, 100), (100, 100, 100, 100),
                        (70, 70, low, 70), (70, 70, 70, 70)])
        return lambda cerebro, data: cerebro.addmarkprices(data, frame)

    strat, _ = _run(bars, {0: open_both}, _hedge(margin_mode='cross'), cash=40.0,
                    setup=marks(70))
    assert not [o for o in _completed(strat) if o.info.get('liquidation')]
    strat, _ = _run(bars, {0: open_both}, _hedge(margin_mode='cross'), cash=40.0,
                    setup=marks(60))
    liqs = [o for o in _completed(strat) if o.info.get('liquidation')]
    assert sorted(o.info['position_side'] for o in liqs) == ['long', 'short']
    assert [o.executed.price for o in liqs] == pytest.approx([60.15 / 0.988] * 2)
