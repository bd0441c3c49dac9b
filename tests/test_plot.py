"""backtrader.plot: charts of a finished run, drawn headless with Agg.

Covers what ``cerebro.plot()`` users get: the list-of-lists of figures,
the axes layout (observers on top, data axes with volume, indicators on the
data axis or their own axis, ``plotinfo`` options), the price styles, the
``numfigs``/``start``/``end`` ranges, PNGs that hold a real chart, and the
layout of five scenarios against upstream's (tests/goldens/plot_layout.json,
recorded by tools/record_plot_layout.py from tests/_plot_scenario.py).
"""
from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

matplotlib = pytest.importorskip('matplotlib')

import numpy as np  # noqa: E402
import matplotlib.collections as mcol  # noqa: E402
import matplotlib.figure as mfigure  # noqa: E402
import matplotlib.image as mimage  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402

import backtrader as bt  # noqa: E402
import backtrader.plot as btplot  # noqa: E402
from backtrader.plot import finance, formatters, utils  # noqa: E402

import _plot_scenario as scenario  # noqa: E402

GOLDEN = Path(__file__).parent / 'goldens' / 'plot_layout.json'
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close('all')


@pytest.fixture(scope='module')
def cerebro():
    """One finished SMA-crossover run (stdstats on), plotted many times."""
    cer = bt.Cerebro()
    cer.adddata(scenario.make_data(), name='BTCUSDT')
    cer.addstrategy(scenario.SmaCross)
    cer.broker.setcash(10000.0)
    cer.run()
    return cer


def legends(fig) -> list:
    """Legend texts of the axes that have a legend, top to bottom."""
    return [[t.get_text() for t in ax.get_legend().get_texts()]
            for ax in fig.axes if ax.get_legend() is not None]


def data_axis(fig):
    for ax in fig.axes:
        leg = ax.get_legend()
        if leg is not None and leg.get_texts()[0].get_text().startswith('BTCUSDT ('):
            return ax
    raise AssertionError('no data axis')


def axis_by_head(fig, head):
    """The axis whose legend starts with ``head`` (the object's label)."""
    for ax in fig.axes:
        leg = ax.get_legend()
        if leg is not None and leg.get_texts()[0].get_text().split('\n')[0] == head:
            return ax
    raise AssertionError('no axis for %r' % head)


def save_png(fig, path, dpi=60) -> np.ndarray:
    fig.set_size_inches(16, 9)
    fig.savefig(path, dpi=dpi)
    return mimage.imread(str(path))


def distinct_colours(img: np.ndarray) -> int:
    rgb = (img[..., :3] * 255).astype(np.uint8).reshape(-1, 3)
    return len(np.unique(rgb, axis=0))


# --- structure ---------------------------------------------------------------

def test_returns_list_of_lists_of_figures(cerebro):
    figs = cerebro.plot(iplot=False)
    assert isinstance(figs, list) and len(figs) == 1
    assert isinstance(figs[0], list) and len(figs[0]) == 1
    assert isinstance(figs[0][0], mfigure.Figure)


def test_stdstats_layout(cerebro):
    fig = cerebro.plot(iplot=False)[0][0]
    # Broker, Trades, data + its volume overlay, CrossOver, RSI
    assert len(fig.axes) == 6
    heads = [texts[0].split('\n')[0] for texts in legends(fig)]
    assert heads == ['Broker (None)', 'Trades - Net Profit/Loss (True)',
                     'BTCUSDT (1 Day) C:28165.47', 'CrossOver', 'RSI (14)']
    assert legends(fig)[2] == ['BTCUSDT (1 Day) C:28165.47', 'Volume',
                               'BuySell (True, 0.015)\nbuy', 'sell',
                               'SMA (10) 27978.66', 'SMA (30) 25856.53']
    ax = data_axis(fig)
    lines = {line.get_label(): line for line in ax.lines}
    buy = lines['BuySell (True, 0.015)\nbuy']
    assert buy.get_marker() == '^' and buy.get_color() == 'lime'
    # the bottom axis carries the date labels, the others none
    fig.canvas.draw()
    bottom = fig.axes[-1]
    labels = [t.get_text() for t in bottom.get_xticklabels() if t.get_text()]
    assert labels and all(label.startswith('20') for label in labels)
    assert not [t.get_text() for t in fig.axes[0].get_xticklabels()
                if t.get_visible() and t.get_text()]


def test_indicator_on_subplot_and_on_data_axis(cerebro):
    fig = cerebro.plot(iplot=False)[0][0]
    ax = data_axis(fig)
    assert [line.get_label() for line in ax.lines][-2:] == [
        'SMA (10) 27978.66', 'SMA (30) 25856.53']
    rsi_ax = fig.axes[-1]
    assert [t.get_text() for t in rsi_ax.get_yticklabels()] == ['70', '30']
    dashed = [line for line in rsi_ax.lines if line.get_linestyle() == '--']
    assert sorted(line.get_ydata()[0] for line in dashed) == [30.0, 70.0]
    # value tags at the right end of the lines
    assert sorted(t.get_text() for t in ax.texts) == ['25856.53', '27978.66', '28165.47']


@pytest.mark.parametrize('style,kinds', [
    ('line', set()),
    ('bar', {'LineCollection'}),
    ('candle', {'LineCollection', 'PolyCollection'}),
])
def test_styles_render_non_trivial_png(cerebro, tmp_path, style, kinds):
    fig = cerebro.plot(iplot=False, style=style)[0][0]
    ax = data_axis(fig)
    assert {type(c).__name__ for c in ax.collections} == kinds
    head = legends(fig)[2][0]
    if style == 'line':
        assert head == 'BTCUSDT (1 Day) C:28165.47'
    else:
        assert head == 'BTCUSDT (1 Day) O:27800.00 H:28444.44 L:27662.79 C:28165.47'
    path = tmp_path / ('chart_%s.png' % style)
    img = save_png(fig, path)
    assert img.shape[:2] == (540, 960)
    assert path.stat().st_size > 40_000
    assert distinct_colours(img) > 500


def test_volume_overlay_subplot_and_off(cerebro):
    overlay = cerebro.plot(iplot=False)[0][0]
    twin = [ax for ax in overlay.axes if ax.get_legend() is None]
    assert len(twin) == 1
    assert twin[0].get_position().bounds == data_axis(overlay).get_position().bounds
    assert twin[0].get_ylim()[1] == pytest.approx(760705.33 / 0.33, rel=1e-6)
    assert len(twin[0].collections) == 1

    sub = cerebro.plot(iplot=False, voloverlay=False)[0][0]
    assert len(sub.axes) == 6
    assert ['Volume (BTCUSDT)'] in legends(sub)
    assert 'Volume' not in legends(sub)[2]

    off = cerebro.plot(iplot=False, volume=False)[0][0]
    assert len(off.axes) == 5
    assert 'Volume' not in legends(off)[2]


def test_numfigs_split_the_bars(cerebro):
    figs = cerebro.plot(iplot=False, numfigs=2)
    assert len(figs) == 1 and len(figs[0]) == 2
    first, second = (data_axis(fig).lines[0].get_xdata() for fig in figs[0])
    assert (first[0], first[-1], second[0], second[-1]) == (0, 181, 182, 363)
    assert figs[0][0] is not figs[0][1]
    assert legends(figs[0][0])[2][0] == 'BTCUSDT (1 Day) C:20337.82'


def test_start_end_as_index_and_dates(cerebro):
    fig = cerebro.plot(iplot=False, start=100, end=200)[0][0]
    x = data_axis(fig).lines[0].get_xdata()
    assert (len(x), x[0], x[-1]) == (100, 100, 199)
    fig = cerebro.plot(iplot=False, start=datetime.date(2022, 8, 1),
                       end=datetime.datetime(2022, 11, 30))[0][0]
    assert len(data_axis(fig).lines[0].get_xdata()) == 121  # Aug 1 .. Nov 29
    fig = cerebro.plot(iplot=False, start=-30)[0][0]
    assert len(data_axis(fig).lines[0].get_xdata()) == 30


@pytest.mark.parametrize('kwargs,error', [
    (dict(start='2022-01-01'), TypeError),
    (dict(start=300, end=100), ValueError),
    (dict(numfigs=0), ValueError),
    (dict(numfigs=1.5), TypeError),
    (dict(style='lines'), ValueError),
])
def test_bad_arguments_name_the_argument(cerebro, kwargs, error):
    name = next(iter(kwargs))
    with pytest.raises(error, match=name):
        cerebro.plot(iplot=False, **kwargs)


def test_earlier_figures_are_not_overwritten(cerebro):
    first = cerebro.plot(iplot=False)[0][0]
    second = cerebro.plot(iplot=False, volume=False)[0][0]
    assert first is not second
    assert len(first.axes) == 6 and len(second.axes) == 5


# --- plotinfo / plotlines ------------------------------------------------------

class PlotInfoStrategy(bt.Strategy):
    def __init__(self):
        fast = bt.ind.SMA(period=10)
        bt.ind.SMA(period=30, plot=False)
        rsi = bt.ind.RSI(plot=False)
        bt.ind.SMA(rsi, period=5)               # takes the hidden RSI's axis
        bt.ind.EMA(period=20, plotmaster=fast)
        bt.ind.SMA(period=5, subplot=True)
        bt.ind.Stochastic(plotabove=True)
        bt.ind.ATR(plotvaluetags=False)
        bt.ind.Ichimoku()                       # _fill_gt / _fill_lt
        bt.ind.MACDHisto()                      # _method='bar'


@pytest.fixture(scope='module')
def plotinfo_fig_cerebro():
    cer = bt.Cerebro(stdstats=False)
    cer.adddata(scenario.make_data(), name='BTCUSDT')
    cer.addstrategy(PlotInfoStrategy)
    cer.run()
    return cer


def test_plotinfo_options(plotinfo_fig_cerebro):
    fig = plotinfo_fig_cerebro.plot(iplot=False)[0][0]
    heads = [texts[0].split('\n')[0] for texts in legends(fig)]
    assert heads == ['Stochastic (14, 3, 3)', 'BTCUSDT (1 Day) C:28165.47',
                     'SMA (5)', 'SMA (5)', 'ATR (14)', 'MACDHisto (12, 26, 9)']
    data_legend = legends(fig)[1]
    assert 'SMA (30) 25856.53' not in data_legend          # plot=False
    assert data_legend[2:4] == ['SMA (10) 27978.66', 'EMA (20) 27189.28']
    assert legends(fig)[2] == ['SMA (5)\nsma 61.79']         # SMA of hidden RSI
    ax = data_axis(fig)
    fills = [c for c in ax.collections if isinstance(c, mcol.PolyCollection)]
    assert len(fills) == 2                                  # Ichimoku cloud
    assert len(axis_by_head(fig, 'ATR (14)').texts) == 0    # plotvaluetags=False
    assert axis_by_head(fig, 'SMA (5)').texts               # tags by default
    macd_ax = axis_by_head(fig, 'MACDHisto (12, 26, 9)')
    assert len(macd_ax.patches) > 300                        # histogram bars


def test_plotinit_runs_once(plotinfo_fig_cerebro):
    plotinfo_fig_cerebro.plot(iplot=False)
    plotinfo_fig_cerebro.plot(iplot=False)
    strat = plotinfo_fig_cerebro.runstrats[0][0]
    stoch = [i for i in strat.getindicators() if type(i).__name__ == 'Stochastic'][0]
    assert list(stoch.plotinfo.plotyhlines) == [80.0, 20.0]


def test_plot_old_sync_and_explicit_backend(cerebro):
    strat = cerebro.runstrats[0][0]
    plotter = btplot.Plot_OldSync()
    figs = plotter.plot(strat, use='Agg')
    assert len(figs) == 1 and len(figs[0].axes) == 6
    plotter.show()  # Agg: returns at once, no warning
    assert matplotlib.get_backend().lower() == 'agg'


def test_exactbars_positive_returns_nothing():
    cer = bt.Cerebro(exactbars=1)
    cer.adddata(scenario.make_data())
    cer.addstrategy(bt.Strategy)
    cer.run()
    assert cer.plot(iplot=False) is None


# --- scheme, helpers -----------------------------------------------------------

def test_scheme_defaults_match_upstream():
    golden = json.loads(GOLDEN.read_text(encoding='utf-8'))
    assert scenario.scheme_defaults() == golden['scheme']
    scheme = btplot.PlotScheme()
    assert [scheme.color(i) for i in (0, 1, 2, 3, 11)] == [
        'crimson', 'blue', 'green', 'darkorange', 'crimson']


def test_plot_kwargs_set_a_private_scheme():
    plotter = btplot.Plot(style='candle', volume=False)
    assert plotter.p.scheme.style == 'candle' and plotter.p.scheme.volume is False
    assert btplot.Plot().p.scheme.style == 'line'  # the default did not change
    with pytest.warns(UserWarning, match="did you mean 'volume'"):
        btplot.Plot(volumee=False)


def test_formatters_and_colour_helpers():
    vol = formatters.MyVolFormatter(1234567)
    assert [vol(v) for v in (0, 500000, 1234567, 2e6)] == ['0M', '0.5M', '1.2M', '']
    assert formatters.MyVolFormatter(500)(100) == '100'
    dates = [bt.date2num(datetime.datetime(2022, 1, 1 + i)) for i in range(5)]
    fmt = formatters.MyDateFormatter(dates)
    assert [fmt(x) for x in (-1, 1.6, 10)] == ['2022-01-01', '2022-01-03', '2022-01-05']
    assert utils.shade_color('red', 50) == pytest.approx((1.0, 0.5, 0.5))
    assert utils.shade_color('#aaaaaa', -10) == pytest.approx((0.6, 0.6, 0.6))
    path = utils.tag_box_style(0, 0, 10, 4, 2)
    assert path.vertices[:, 0].min() < -0.4 < path.vertices[:, 0].max()


def test_date_locator_picks_round_dates():
    dates = [bt.date2num(datetime.datetime(2022, 1, 1) + datetime.timedelta(days=i))
             for i in range(300)]
    fig, ax = plt.subplots()
    ax.plot(range(300), range(300))
    locator, formatter = formatters.getlocator(dates)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(formatter)
    fig.canvas.draw()
    assert [t.get_text() for t in ax.get_xticklabels()][:2] == ['2022-01', '2022-03']
    ax.set_xlim(10, 14)
    fig.canvas.draw()
    assert [t.get_text() for t in ax.get_xticklabels()][0] == '2022-01-11'


def test_finance_helpers_return_artists():
    fig, ax = plt.subplots()
    x, o, h, low, c, v = range(4), [1, 2, 3, 2], [2, 3, 4, 3], [0, 1, 2, 1], [2, 1, 3, 3], [5, 6, 7, 8]
    assert [type(a).__name__ for a in finance.plot_candlestick(ax, x, o, h, low, c)] == [
        'PolyCollection', 'LineCollection']
    assert len(finance.plot_ohlc(ax, x, o, h, low, c)) == 3
    assert type(finance.plot_lineonclose(ax, x, c)[0]).__name__ == 'Line2D'
    assert len(finance.plot_volume(ax, x, o, c, v)[0].get_paths()) == 4


# --- compared with upstream --------------------------------------------------

@pytest.mark.parametrize('name', sorted(scenario.SCENARIOS))
def test_layout_matches_upstream(name):
    golden = json.loads(GOLDEN.read_text(encoding='utf-8'))['scenarios'][name]
    assert scenario.describe(scenario.run(name)) == golden


def test_interactive_backend_without_display_falls_back_to_agg(tmp_path):
    script = (
        'import sys; sys.path.insert(0, %r)\n'
        'import _plot_scenario as s, matplotlib\n'
        'figs = s.run("candle_range_novolume")\n'
        'figs[0][0].savefig(%r)\n'
        'print(matplotlib.get_backend())\n' % (str(Path(__file__).parent),
                                              str(tmp_path / 'x.png')))
    env = {k: v for k, v in os.environ.items() if k not in ('DISPLAY', 'WAYLAND_DISPLAY')}
    env['MPLBACKEND'] = 'TkAgg'
    env['PYTHONPATH'] = str(ROOT)
    proc = subprocess.run([sys.executable, '-c', script], capture_output=True, text=True,
                          env=env, cwd=str(tmp_path), timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().lower() == 'agg'
    assert (tmp_path / 'x.png').stat().st_size > 10_000


def test_interactive_backends_get_a_multicursor(cerebro, monkeypatch):
    from matplotlib.backend_bases import MouseEvent
    monkeypatch.setattr(btplot.plot, '_file_backend', lambda: False)
    plotter = btplot.Plot()
    fig = plotter.plot(cerebro.runstrats[0][0])[0]
    cursor, = plotter.pinf.cursors
    assert len(cursor.vlines) == len(cursor.axes) == 5  # own axes, not the overlay
    fig.canvas.draw()
    ax = cursor.axes[2]
    x, y = ax.transData.transform((100.0, 20000.0))
    cursor.onmove(MouseEvent('motion_notify_event', fig.canvas, x, y))
    assert all(line.get_visible() for line in cursor.vlines)
    assert [line.get_visible() for line in cursor.hlines] == [False, False, True, False, False]
    assert cursor.vlines[0].get_xdata()[0] == pytest.approx(100.0)


@pytest.mark.parametrize('mode', ['hidden', 'plotmaster'])
def test_second_data_hidden_or_on_the_first_datas_axis(mode):
    cer = bt.Cerebro(stdstats=False)
    daily = scenario.make_data()
    cer.adddata(daily, name='BTCUSDT')
    weekly = cer.resampledata(daily, timeframe=bt.TimeFrame.Weeks, name='WEEKLY')
    if mode == 'hidden':
        weekly.plotinfo.plot = False
    else:
        weekly.plotinfo.plotmaster = daily
    cer.addstrategy(bt.Strategy)
    cer.run()
    fig = cer.plot(iplot=False, volume=False)[0][0]
    assert len(fig.axes) == 1
    texts = legends(fig)[0]
    if mode == 'hidden':
        assert texts == ['BTCUSDT (1 Day) C:28165.47']
    else:
        assert texts == ['BTCUSDT (1 Day) C:28165.47', 'WEEKLY (1 Week) C:28165.47']
        weekly_line = fig.axes[0].lines[1]
        xs = weekly_line.get_xdata()
        assert len(xs) == 53 and xs[-1] == 363  # weekly bars on their daily closes
