"""Chart a backtest to a PNG file with cerebro.plot(), no display needed.

Shows: an EMA crossover filtered by RSI on BTC/USDT daily bars, indicators
drawn on the price axis (EMAs, Bollinger Bands) and on their own axes (RSI),
the standard observers (cash/value, trades, buy/sell marks) plus DrawDown,
and ``cerebro.plot(use='Agg')`` returning matplotlib figures that are saved
with ``savefig`` instead of shown in a window.

    python samples/plot_chart.py [chart.png] [--style candle] [--start 200]
"""
import argparse
import os

import backtrader as bt

DATAFILE = os.path.join(os.path.dirname(bt.__file__), 'datafiles', 'BTCUSDT-1d.csv')


class EmaCrossRsi(bt.Strategy):
    """Buy when the fast EMA crosses above the slow one while the RSI is
    not overbought; sell on the opposite cross."""

    params = (('fast', 12), ('slow', 26), ('overbought', 70.0))

    def __init__(self):
        fast = bt.ind.EMA(period=self.p.fast)
        slow = bt.ind.EMA(period=self.p.slow)
        self.cross = bt.ind.CrossOver(fast, slow, plot=False)
        self.rsi = bt.ind.RSI(period=14)
        bt.ind.BollingerBands(period=20)

    def next(self):
        if not self.position:
            if self.cross > 0 and self.rsi < self.p.overbought:
                self.buy(size=0.2)
        elif self.cross < 0:
            self.close()


def make_data(path):
    return bt.feeds.GenericCSVData(
        dataname=path, dtformat='%Y-%m-%d', timeframe=bt.TimeFrame.Days,
        datetime=0, open=1, high=2, low=3, close=4, volume=5, openinterest=-1)


def run(output='chart.png', style='line', start=None, end=None, width=16.0,
        height=9.0, dpi=100, datapath=DATAFILE):
    cerebro = bt.Cerebro()
    cerebro.adddata(make_data(datapath), name='BTCUSDT')
    cerebro.addstrategy(EmaCrossRsi)
    cerebro.addobserver(bt.observers.DrawDown)
    cerebro.broker.setcash(10000.0)
    cerebro.broker.setcommission(commission=0.001)
    cerebro.run()
    print('Final value: %.2f' % cerebro.broker.getvalue())

    # 'Agg' draws without a window; the figures come back for saving
    figs = cerebro.plot(style=style, start=start, end=end, iplot=False, use='Agg')
    fig = figs[0][0]
    fig.set_size_inches(width, height)
    fig.savefig(output, dpi=dpi)
    print('Chart saved: %s (%d axes, %dx%d pixels)'
          % (output, len(fig.axes), int(width * dpi), int(height * dpi)))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('output', nargs='?', default='chart.png', help='PNG file to write')
    ap.add_argument('--style', default='line', choices=('line', 'bar', 'candle'),
                    help='how prices are drawn')
    ap.add_argument('--start', type=int, default=None, help='first bar to chart')
    ap.add_argument('--end', type=int, default=None, help='bar after the last one')
    ap.add_argument('--width', type=float, default=16.0, help='inches')
    ap.add_argument('--height', type=float, default=9.0, help='inches')
    ap.add_argument('--dpi', type=int, default=100, help='pixels per inch')
    ap.add_argument('--data', default=DATAFILE, help='CSV file (datetime,o,h,l,c,v)')
    args = ap.parse_args(argv)
    run(args.output, args.style, args.start, args.end, args.width, args.height,
        args.dpi, args.data)


if __name__ == '__main__':
    main()
