"""A pandas DataFrame as data feed, a custom indicator, runonce vs next mode.

Shows: ``bt.feeds.PandasData`` fed from a DataFrame (here read from the
bundled CSV with a DatetimeIndex), a user indicator declared with ``lines``
and ``params`` and built from other indicators in ``__init__``, a second one
computed bar by bar in ``next()``, and the same backtest run in vectorised
``runonce=True`` mode and bar-by-bar ``runonce=False`` mode giving the same
indicator values, orders and final value.

    python samples/pandas_feed.py [--period 20] [--band 0.8]
"""
import argparse
import math
import os

import pandas as pd

import backtrader as bt

DATAFILE = os.path.join(os.path.dirname(bt.__file__), 'datafiles', 'BTCUSDT-1d.csv')


class ChannelPosition(bt.Indicator):
    """Where the close sits in the high/low channel of the last ``period``
    bars: 0 at the lowest low, 1 at the highest high.

    pos = (close - Lowest(low, period)) / (Highest(high, period) - Lowest(low, period))
    """

    lines = ('pos',)
    params = (('period', 20),)

    def __init__(self):
        lowest = bt.ind.Lowest(self.data.low, period=self.p.period)
        highest = bt.ind.Highest(self.data.high, period=self.p.period)
        self.lines.pos = (self.data.close - lowest) / (highest - lowest)


class UpStreak(bt.Indicator):
    """Number of consecutive closes above the previous close (0 after a
    down or flat close), computed bar by bar in ``next``."""

    lines = ('streak',)
    params = (('cap', 10),)  # the count stops growing at cap

    def __init__(self):
        self.addminperiod(2)

    def next(self):
        if self.data.close[0] > self.data.close[-1]:
            previous = self.lines.streak[-1]  # NaN before the first value
            previous = 0.0 if math.isnan(previous) else previous
            self.lines.streak[0] = min(previous + 1.0, self.p.cap)
        else:
            self.lines.streak[0] = 0.0


class ChannelBreakout(bt.Strategy):
    """Buy near the top of the channel after two up closes, sell near its
    bottom."""

    params = (('period', 20), ('band', 0.8))

    def __init__(self):
        self.channel = ChannelPosition(period=self.p.period)
        self.streak = UpStreak()
        self.orders = []

    def next(self):
        if not self.position:
            if self.channel.pos[0] > self.p.band and self.streak[0] >= 2:
                self.buy(size=0.1)
        elif self.channel.pos[0] < 1.0 - self.p.band:
            self.close()

    def notify_order(self, order):
        if order.status == order.Completed:
            self.orders.append((self.data.datetime.date(0).isoformat(),
                                order.ordtypename(), round(order.executed.price, 2)))


def load_dataframe(path):
    """The CSV as a DataFrame indexed by datetime, as PandasData expects."""
    return pd.read_csv(path, parse_dates=['datetime'], index_col='datetime')


def run_once(df, runonce, period, band):
    cerebro = bt.Cerebro(runonce=runonce)
    cerebro.adddata(bt.feeds.PandasData(dataname=df), name='BTCUSDT')
    cerebro.addstrategy(ChannelBreakout, period=period, band=band)
    cerebro.broker.setcash(10000.0)
    cerebro.broker.setcommission(commission=0.001)
    strat = cerebro.run()[0]
    # every value as computed in this mode, as text so that NaN == NaN
    channel = ['%f' % v for v in strat.channel.pos.array]
    streak = ['%f' % v for v in strat.streak.streak.array]
    return {
        'value': cerebro.broker.getvalue(),
        'orders': strat.orders,
        'channel': channel,
        'streak': streak,
        'last': (strat.channel.pos[0], strat.streak[0]),
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--period', type=int, default=20, help='channel length in bars')
    ap.add_argument('--band', type=float, default=0.8, help='entry above this channel position')
    ap.add_argument('--data', default=DATAFILE, help='CSV file (datetime,o,h,l,c,v)')
    args = ap.parse_args(argv)

    df = load_dataframe(args.data)
    print('DataFrame: %d rows, %s .. %s, columns %s'
          % (len(df), df.index[0].date(), df.index[-1].date(), ', '.join(df.columns)))
    results = {}
    for runonce in (True, False):
        res = results[runonce] = run_once(df, runonce, args.period, args.band)
        print('runonce=%-5s: %d orders, last channel pos %.4f, last up streak %d, '
              'final value %.2f' % (runonce, len(res['orders']), res['last'][0],
                                    res['last'][1], res['value']))
    same = {key: results[True][key] == results[False][key]
            for key in ('channel', 'streak', 'orders', 'value')}
    print('Same in both modes: %s' % ', '.join('%s=%s' % kv for kv in same.items()))
    print('Final value: %.2f' % results[True]['value'])
    if not all(same.values()):
        raise SystemExit('runonce and next mode disagree')


if __name__ == '__main__':
    main()
