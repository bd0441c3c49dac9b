"""Chart scenarios run by both upstream backtrader and this package.

``tools/record_plot_layout.py`` runs every scenario (one process each)
under upstream's interpreter and stores the result as ``tests/goldens/plot_layout.json``;
``tests/test_plot.py`` runs the same scenarios here and compares.  What is
compared is the layout a user sees: how many figures and axes, the legend
texts of each axis (names, params and last values), the value tags and the
share of the figure height each axis gets.

Upstream's ``backtrader.plot`` selects the TkAgg backend when imported,
which cannot start without a display, so under upstream the scenarios
switch to Agg right after importing it (this package leaves matplotlib's
choice alone: Agg when there is no display).
"""
from __future__ import annotations

import datetime
import os

import matplotlib

import backtrader as bt
import backtrader.plot  # noqa: F401  (upstream picks its backend here)

if bt.__version__.startswith('1.'):  # upstream forced TkAgg on import
    matplotlib.use('Agg')

DATAFILE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                        'backtrader', 'datafiles', 'BTCUSDT-1d.csv')


def make_data() -> bt.feeds.GenericCSVData:
    return bt.feeds.GenericCSVData(
        dataname=DATAFILE, dtformat='%Y-%m-%d', timeframe=bt.TimeFrame.Days,
        datetime=0, open=1, high=2, low=3, close=4, volume=5, openinterest=-1)


class SmaCross(bt.Strategy):
    """samples/sma_crossover.py's strategy (fixed size), optionally with a
    set of extra indicators exercising the plotinfo options."""

    params = (('fast', 10), ('slow', 30), ('extras', False))

    def __init__(self) -> None:
        fast = bt.ind.SMA(period=self.p.fast)
        slow = bt.ind.SMA(period=self.p.slow)
        self.crossover = bt.ind.CrossOver(fast, slow)
        rsi = bt.ind.RSI(period=14)
        if self.p.extras:
            bt.ind.EMA(period=20, plotmaster=fast)      # drawn right after fast
            bt.ind.BollingerBands()                     # 3 lines on the data
            bt.ind.Stochastic(plotabove=True)           # own axis above data
            bt.ind.SMA(rsi, period=5)                   # on RSI's axis
            bt.ind.MACD()                               # own axis, 2 lines
            bt.ind.ATR(plot=False)                      # hidden

    def next(self) -> None:
        if not self.position and self.crossover > 0:
            self.buy(size=0.1)
        elif self.position and self.crossover < 0:
            self.close()


SCENARIOS = {
    # name: (strategy params, extra observers, second weekly data, plot kwargs)
    'line_extras': (dict(extras=True), False, False, dict()),
    'bar_volume_subplot_numfigs': (dict(), False, False,
                                   dict(style='bar', voloverlay=False, numfigs=2)),
    'candle_range_novolume': (dict(), False, False,
                              dict(style='candle', volume=False, start=100, end=200)),
    'observers_daterange': (dict(), True, False,
                            dict(start=datetime.date(2022, 8, 1),
                                 end=datetime.datetime(2022, 11, 30))),
    'two_datas': (dict(), False, True, dict()),
}


def run(name: str) -> list:
    """Run scenario ``name`` and return what ``cerebro.plot`` returns."""
    params, observers, weekly, plotkw = SCENARIOS[name]
    cerebro = bt.Cerebro()
    data = make_data()
    cerebro.adddata(data, name='BTCUSDT')
    if weekly:
        cerebro.resampledata(data, timeframe=bt.TimeFrame.Weeks, name='WEEKLY')
    cerebro.addstrategy(SmaCross, **params)
    if observers:
        cerebro.addobserver(bt.observers.DrawDown)
        cerebro.addobserver(bt.observers.Value)
        cerebro.addobserver(bt.observers.Cash)
    cerebro.broker.setcash(10000.0)
    cerebro.run()
    return cerebro.plot(iplot=False, **plotkw)


def describe(figs: list) -> list:
    """The comparable layout of ``cerebro.plot``'s result."""
    out = []
    for stratfigs in figs:
        described = []
        for fig in stratfigs:
            axes = []
            span = sum(ax.get_position().height for ax in fig.axes
                       if ax.get_legend() is not None)
            for ax in fig.axes:
                legend = ax.get_legend()
                if legend is None:  # volume overlays: drawn, no legend
                    continue
                axes.append({
                    'legend': [t.get_text() for t in legend.get_texts()],
                    'tags': sorted(t.get_text() for t in ax.texts),
                    'height': round(ax.get_position().height / span, 3),
                })
            described.append({'naxes': len(fig.axes), 'axes': axes})
        out.append(described)
    return out


def scheme_defaults() -> dict:
    """The default PlotScheme attributes (JSON-friendly)."""
    return {key: value for key, value in sorted(vars(bt.plot.PlotScheme()).items())}
