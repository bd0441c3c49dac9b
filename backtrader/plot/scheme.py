"""The look of a chart: colours, proportions and what gets drawn.

A :class:`PlotScheme` is a plain bag of attributes read by the plotter.
``cerebro.plot(style='candle', volume=False)`` sets attributes of the
plotter's scheme by name, so every attribute here is also a keyword users
can pass.  The defaults reproduce upstream backtrader's charts.
"""
from __future__ import annotations

from typing import Any

__all__ = ['PlotScheme', 'tableau10', 'tableau10_light', 'tableau20',
           'tab10_index']

#: named matplotlib colours close to the Tableau 10 palette
tableau10 = ['blue', 'darkorange', 'green', 'crimson', 'mediumpurple',
             'saddlebrown', 'orchid', 'gray', 'olive', 'mediumturquoise']

#: lighter companions of ``tableau10``, in the same order
tableau10_light = ['lightsteelblue', 'peachpuff', 'lightgreen', 'lightcoral',
                   'thistle', 'rosybrown', 'lightpink', 'lightgray',
                   'palegoldenrod', 'paleturquoise']

#: ``tableau10`` interleaved with its light companions
tableau20 = ['steelblue', 'lightsteelblue', 'darkorange', 'peachpuff',
             'green', 'lightgreen', 'crimson', 'lightcoral', 'mediumpurple',
             'thistle', 'saddlebrown', 'rosybrown', 'orchid', 'lightpink',
             'gray', 'lightgray', 'olive', 'palegoldenrod', 'mediumturquoise',
             'paleturquoise']

#: order in which the palette is walked: red first (it stands out next to a
#: black close line), then blue, green, ...
tab10_index = [3, 0, 2, 1, 2, 4, 5, 6, 7, 8, 9]


class PlotScheme:
    """Settings of a chart.

    Layout:
      - ``rowsmajor`` (5) / ``rowsminor`` (1): relative heights of a data
        axis and of every other axis (indicator, observer, volume)
      - ``plotdist`` (0.0): vertical space between axes
      - ``grid`` (True): draw a grid on every axis
      - ``ytight`` (False): no vertical margins on the data axes
      - ``yadjust`` (0.0): extra vertical margin of the data axes

    Price:
      - ``style`` ('line'): 'line' (close), 'bar' (OHLC) or 'candle'
      - ``loc`` ('black'): colour of the close line
      - ``barup`` ('0.75') / ``bardown`` ('red'): rising / falling bars
      - ``bartrans`` / ``baralpha`` (1.0): opacity of bars and candles
      - ``barupfill`` / ``bardownfill`` (True): fill candle bodies

    Volume:
      - ``volume`` (True): draw the volume
      - ``voloverlay`` (True): on the price axis instead of its own axis
      - ``volscaling`` (0.33): share of the price axis an overlay may fill
      - ``volpushup`` (0.0): lift an overlay from the bottom of the axis
      - ``volup`` ('#aaaaaa') / ``voldown`` ('#cc6073'): bar colours
      - ``voltrans`` (0.50): opacity of an overlay

    Indicators, legends and tags:
      - ``zdown`` (True): indicators drawn above the price
      - ``lcolors`` (``tableau10``): palette for lines without a colour
      - ``fillalpha`` (0.20): opacity of ``_fill_gt``/``_fill_lt`` areas
      - ``legendind`` (True), ``legendindloc``/``legenddataloc``
        ('upper left'), ``legendtrans`` (0.25): legends
      - ``linevalues`` (True): last value in the legend labels
      - ``valuetags`` (True): last value in a tag at the right of a line
      - ``hlinescolor`` ('0.66'), ``hlinesstyle`` ('--'),
        ``hlineswidth`` (1.0): horizontal reference lines
      - ``subtxtsize`` (9), ``subtxttrans`` (0.66): legend/tag text

    Dates:
      - ``tickrotation`` (15): rotation of the x tick labels
      - ``fmt_x_ticks`` ('%Y-%m-%d %H:%M'): strftime format of the x tick
        labels (None: chosen from the visible span)
      - ``fmt_x_data`` (None): format of the x coordinate shown by
        interactive backends (None: ``fmt_x_ticks``)
    """

    def __init__(self) -> None:
        for group in _DEFAULTS.values():
            for name, value in group.items():
                setattr(self, name, list(value) if isinstance(value, list) else value)

    def color(self, idx: int) -> Any:
        """The ``idx``-th colour of the palette walk (it wraps around)."""
        colidx = tab10_index[idx % len(tab10_index)]
        return self.lcolors[colidx % len(self.lcolors)]


#: the default settings by topic (``PlotScheme`` copies them per instance)
_DEFAULTS: dict = {
    'layout': dict(rowsmajor=5, rowsminor=1, plotdist=0.0, grid=True,
                   ytight=False, yadjust=0.0, zdown=True),
    'price': dict(style='line', loc='black', barup='0.75', bardown='red',
                  bartrans=1.0, baralpha=1.0, barupfill=True, bardownfill=True,
                  fillalpha=0.20),
    'volume': dict(volume=True, voloverlay=True, volscaling=0.33,
                   volpushup=0.00, volup='#aaaaaa', voldown='#cc6073',
                   voltrans=0.50),
    'text': dict(subtxttrans=0.66, subtxtsize=9, legendtrans=0.25,
                 legendind=True, legendindloc='upper left',
                 legenddataloc='upper left', linevalues=True, valuetags=True),
    'hlines': dict(hlinescolor='0.66', hlinesstyle='--', hlineswidth=1.0),
    'axes': dict(lcolors=tableau10, tickrotation=15,
                 fmt_x_ticks='%Y-%m-%d %H:%M', fmt_x_data=None),
}
