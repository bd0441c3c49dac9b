"""Charts of backtests with matplotlib (``cerebro.plot()``).

``Plot`` draws a finished strategy: one figure per strategy (or several,
``numfigs``), the datas as lines, OHLC bars or candles with their volume,
indicators and observers as their ``plotinfo``/``plotlines`` ask.  The
figures are returned, so they can be saved: ``fig.savefig('chart.png')``.

Importing this package does not pick a matplotlib backend: matplotlib's own
choice stands (Agg when there is no display), ``cerebro.plot(use=...)``
names another one.
"""
from __future__ import annotations

try:
    import matplotlib  # noqa: F401
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError('backtrader.plot needs matplotlib: pip install matplotlib') from exc

from . import finance, formatters, locator, multicursor, scheme, utils  # noqa: F401
from . import plot  # noqa: F401
from .plot import Plot, Plot_OldSync  # noqa: F401
from .scheme import PlotScheme  # noqa: F401

__all__ = ['Plot', 'Plot_OldSync', 'PlotScheme']
