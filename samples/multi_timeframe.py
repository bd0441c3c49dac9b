"""Two timeframes of one feed: daily bars and the same bars resampled weekly.

Shows: ``cerebro.resampledata`` turning daily bars into weekly ones next to
the daily data itself, an indicator on each timeframe, and coupling the
weekly SMA to the daily clock with ``()`` so that it can be compared with
daily lines in ``__init__``. The strategy is long while the daily close is
above its daily SMA *and* the weekly close is above the weekly SMA.

    python samples/multi_timeframe.py [--daily 20] [--weekly 10] [--verbose]
"""
import argparse
import os

import backtrader as bt

DATAFILE = os.path.join(os.path.dirname(bt.__file__), 'datafiles', 'BTCUSDT-1d.csv')


class FractionalCommInfo(bt.CommissionInfo):
    """0.1% commission, sizes in fractions of a BTC."""

    params = (('commission', 0.001),)

    def getsize(self, price, cash):
        return self.p.leverage * cash / price


class TwoTimeframes(bt.Strategy):
    params = (('daily', 20), ('weekly', 10), ('verbose', False))

    def __init__(self):
        daily, weekly = self.datas[0], self.datas[1]
        self.sma_daily = bt.ind.SMA(daily.close, period=self.p.daily)
        self.sma_weekly = bt.ind.SMA(weekly.close, period=self.p.weekly)
        # the weekly lines tick once a week: () couples them to the daily
        # clock, repeating the last weekly value on each day of the week
        weekly_up = weekly.close() > self.sma_weekly()
        self.uptrend = bt.And(daily.close > self.sma_daily, weekly_up)
        self.weeks_seen = 0
        self._last_weekly_len = 0

    def next(self):
        if len(self.datas[1]) != self._last_weekly_len:  # a new weekly bar
            self._last_weekly_len = len(self.datas[1])
            self.weeks_seen += 1
            if self.p.verbose:
                print('%s week closed %.2f, weekly SMA %.2f, daily SMA %.2f'
                      % (self.data.datetime.date(0), self.datas[1].close[0],
                         self.sma_weekly[0], self.sma_daily[0]))
        if not self.position and self.uptrend[0]:
            self.buy()
        elif self.position and not self.uptrend[0]:
            self.close()


def run(daily=20, weekly=10, cash=10000.0, verbose=False, datapath=DATAFILE):
    cerebro = bt.Cerebro()
    data = bt.feeds.GenericCSVData(
        dataname=datapath, dtformat='%Y-%m-%d', timeframe=bt.TimeFrame.Days,
        datetime=0, open=1, high=2, low=3, close=4, volume=5, openinterest=-1)
    cerebro.adddata(data, name='daily')
    cerebro.resampledata(data, timeframe=bt.TimeFrame.Weeks, name='weekly')
    cerebro.addstrategy(TwoTimeframes, daily=daily, weekly=weekly, verbose=verbose)
    cerebro.broker.setcash(cash)
    cerebro.broker.addcommissioninfo(FractionalCommInfo())
    cerebro.addsizer(bt.sizers.PercentSizer, percents=90)
    cerebro.addanalyzer(bt.analyzers.TradeAnalyzer, _name='trades')
    strat = cerebro.run()[0]

    trades = strat.analyzers.trades.get_analysis()
    print('Daily bars: %d, weekly bars: %d' % (len(strat.datas[0]), len(strat.datas[1])))
    print('Last daily SMA(%d): %.2f, last weekly SMA(%d): %.2f'
          % (daily, strat.sma_daily[0], weekly, strat.sma_weekly[0]))
    print('Trades: %d' % (trades.total.total if 'total' in trades else 0))
    print('Final value: %.2f' % cerebro.broker.getvalue())


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--daily', type=int, default=20, help='daily SMA period')
    ap.add_argument('--weekly', type=int, default=10, help='weekly SMA period')
    ap.add_argument('--cash', type=float, default=10000.0, help='starting cash (USDT)')
    ap.add_argument('--verbose', action='store_true', help='print each new week')
    ap.add_argument('--data', default=DATAFILE, help='CSV file (datetime,o,h,l,c,v)')
    args = ap.parse_args(argv)
    run(args.daily, args.weekly, args.cash, args.verbose, args.data)


if __name__ == '__main__':
    main()
