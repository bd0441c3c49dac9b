"""Perpetual futures backtest: XRP/USDT 5-minute bars at 10x leverage.

Shows the crypto market model: a ``PerpetualCommInfo`` (USDⓈ-M maker/taker
fees, leverage, isolated or cross margin, maintenance-margin brackets), the
real funding-rate and mark-price history through ``cerebro.addfunding``,
the 24/7 ``CryptoCalendar``, exchange trading rules in ccxt's market
shape, and a liquidation the strategy recognises in ``notify_order``.

Liquidation is by the hourly mark price where the bundled mark bars
cover the run (``cerebro.addmarkprices``), else by the bar's prices;
``--liquidate-by last`` uses the traded prices throughout.

    python samples/perpetual_futures.py [--leverage 10] [--margin isolated]
                                        [--liquidate-by mark|last]
"""
import argparse
import os

import backtrader as bt
from backtrader.commissions import PerpetualCommInfo, bracket_table

DATA = os.path.join(os.path.dirname(bt.__file__), 'datafiles')

# the exchange's rules for the symbol, as ccxt's ``exchange.markets`` has them
XRP_MARKET = {'symbol': 'XRP/USDT:USDT',
              'precision': {'amount': 0.1, 'price': 0.0001},
              'limits': {'amount': {'min': 0.1, 'max': 10_000_000},
                         'price': {'min': 0.0001, 'max': 1000},
                         'cost': {'min': 5.0, 'max': None}}}

# maintenance brackets (notional floor, max leverage, maintenance rate);
# an example table: pass the exchange's current one
XRP_BRACKETS = bracket_table([(0, 75, 0.005), (10_000, 50, 0.0065),
                              (50_000, 40, 0.01), (250_000, 20, 0.02),
                              (1_000_000, 10, 0.05)])


class EmaTrend(bt.Strategy):
    """Long above a slow EMA, short below, sized to a share of equity."""

    params = dict(fast=12, slow=48, exposure=2.0)

    def __init__(self):
        self.cross = bt.ind.CrossOver(bt.ind.EMA(period=self.p.fast),
                                      bt.ind.EMA(period=self.p.slow))
        self.liquidations = 0

    def next(self):
        if not self.cross:
            return
        # notional = exposure x equity, a whole number of 0.1 XRP steps
        units = self.p.exposure * self.broker.getvalue() / self.data.close[0]
        units = int(units * 10) / 10.0
        self.order_target_size(target=units if self.cross > 0 else -units)

    def notify_order(self, order):
        if order.status == order.Completed and order.info.get('liquidation'):
            self.liquidations += 1
            print('%s LIQUIDATED %+.1f XRP at %.4f, fee %.4f' % (
                self.data.datetime.datetime(0), order.executed.size,
                order.executed.price, order.executed.comm))
        elif order.status == order.Rejected:
            print('rejected:', order.info.get('reject_reason'))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--leverage', type=float, default=10.0)
    ap.add_argument('--margin', choices=['isolated', 'cross'], default='isolated')
    ap.add_argument('--cash', type=float, default=1000.0)
    ap.add_argument('--exposure', type=float, default=2.0,
                    help='position notional as a multiple of equity')
    ap.add_argument('--liquidate-by', choices=['mark', 'last'], default='mark',
                    help='the price liquidations are checked at')
    args = ap.parse_args(argv)

    cerebro = bt.Cerebro(stdstats=False)
    cerebro.addcalendar(bt.CryptoCalendar)
    data = bt.feeds.GenericCSVData(
        dataname=os.path.join(DATA, 'XRPUSDT-PERP-5m.csv'), name='XRPUSDT',
        dtformat='%Y-%m-%dT%H:%M:%SZ', timeframe=bt.TimeFrame.Minutes,
        compression=5, openinterest=-1)
    cerebro.adddata(data)
    broker = cerebro.broker
    broker.setcash(args.cash)
    broker.addcommissioninfo(PerpetualCommInfo(
        leverage=args.leverage, margin_mode=args.margin,
        brackets=XRP_BRACKETS))
    broker.set_trading_rules(XRP_MARKET)
    cerebro.addfunding(data, os.path.join(DATA, 'XRPUSDT-PERP-funding-8h.csv'),
                       mark=os.path.join(DATA, 'XRPUSDT-PERP-mark-8h.csv'))
    if args.liquidate_by == 'mark':
        cerebro.addmarkprices(data, os.path.join(DATA, 'XRPUSDT-PERP-mark-1h.csv'))
    cerebro.addstrategy(EmaTrend, exposure=args.exposure)
    cerebro.addanalyzer(bt.analyzers.TradeAnalyzer, _name='trades')
    cerebro.addanalyzer(bt.analyzers.FundingAnalyzer, _name='funding')
    cerebro.addanalyzer(bt.analyzers.DrawDown, _name='dd')

    strat = cerebro.run()[0]
    trades = strat.analyzers.trades.get_analysis()
    funding = strat.analyzers.funding.get_analysis()
    closed = trades.total.get('closed', 0)
    print('Leverage: %gx %s margin, liquidation by %s price' % (
        args.leverage, args.margin, args.liquidate_by))
    print('Final value: %.2f USDT (start %.2f)' % (broker.getvalue(), args.cash))
    print('Trades: %d closed, net pnl %.2f' % (
        closed, trades.pnl.net.total if closed else 0.0))
    print('Fees paid: %.4f USDT' % broker.fees_paid.get('quote', 0.0))
    print('Funding: paid %.4f, received %.4f, net %.4f in %d payments' % (
        funding.total.paid, funding.total.received, funding.total.net,
        funding.total.count))
    print('Liquidations: %d' % strat.liquidations)
    print('Max drawdown: %.2f%%' % strat.analyzers.dd.get_analysis().max.drawdown)


if __name__ == '__main__':
    main()
