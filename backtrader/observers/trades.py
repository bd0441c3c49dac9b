"""Observers of closed trades: their profit and loss on the bar they close."""
from __future__ import annotations

import uuid

from ..observer import Observer

__all__ = ['Trades', 'MetaDataTrades', 'DataTrades']

_COUNTERS = ('trades', 'trades_long', 'trades_short', 'trades_plus',
             'trades_minus', 'trades_plus_gross', 'trades_minus_gross',
             'trades_win', 'trades_win_max', 'trades_win_min', 'trades_loss',
             'trades_loss_max', 'trades_loss_min', 'trades_length',
             'trades_length_max', 'trades_length_min')


class Trades(Observer):
    """Profit/loss of each trade closed on a bar: gains in ``pnlplus``,
    losses in ``pnlminus`` (NaN otherwise).

    Params:
      - ``pnlcomm`` (default: True): net profit (after commission); False
        records the gross profit
    """

    _stclock = True

    lines = ('pnlplus', 'pnlminus')

    params = (('pnlcomm', True),)

    plotinfo = dict(plot=True, subplot=True,
                    plotname='Trades - Net Profit/Loss',
                    plotymargin=0.10,
                    plothlines=[0.0])

    plotlines = dict(
        pnlplus=dict(_name='Positive', ls='', marker='o', color='blue',
                     markersize=8.0, fillstyle='full'),
        pnlminus=dict(_name='Negative', ls='', marker='o', color='red',
                      markersize=8.0, fillstyle='full'),
    )

    def __init__(self) -> None:
        # kept for code reading them; they are not updated (as in 1.9)
        for name in _COUNTERS:
            setattr(self, name, 0)

    def next(self) -> None:
        usecomm = self.p.pnlcomm
        for trade in self._owner._tradespending:
            if trade.data not in self.ddatas or not trade.isclosed:
                continue
            pnl = trade.pnlcomm if usecomm else trade.pnl
            if pnl >= 0.0:
                self.lines.pnlplus[0] = pnl
            else:
                self.lines.pnlminus[0] = pnl


_MARKERS = ('o', 'v', '^', '<', '>', '1', '2', '3', '4', '8', 's', 'p',
            '*', 'h', 'H', '+', 'x', 'D', 'd')
_COLORS = tuple('bgrcmyk' * 3)[:len(_MARKERS)]


class MetaDataTrades(Observer.__class__):
    """Gives each DataTrades instance one line per data, named after it."""

    def donew(cls, *args, **kwargs):
        _obj, args, kwargs = super().donew(*args, **kwargs)
        if _obj.params.usenames:
            lnames = tuple(data._name for data in _obj.datas)
        else:
            lnames = tuple('data%d' % i for i in range(len(_obj.datas)))
        linescls = cls.lines._derive(uuid.uuid4().hex, lnames, 0, ())
        _obj.lines = linescls()
        _obj.l = _obj.lines
        buffers = _obj.lines.lines
        _obj.line = buffers[0] if buffers else None
        for index, line in enumerate(buffers):
            line._owner = _obj
            setattr(_obj, 'line_%d' % index, line)
            setattr(_obj, 'line%d' % index, line)
        plines = {}
        for lname, marker, color in zip(lnames, _MARKERS, _COLORS):
            plines[lname] = dict(ls='', markersize=8.0, fillstyle='full',
                                 marker=marker, color=color)
        plotlines = cls.plotlines._derive(uuid.uuid4().hex, plines, [],
                                          recurse=True)
        _obj.plotlines = plotlines()
        return _obj, args, kwargs


class DataTrades(Observer, metaclass=MetaDataTrades):
    """Gross profit/loss of each trade closed on a bar, one line per data
    (named after the data, or ``dataN`` with ``usenames=False``)."""

    _stclock = True

    params = (('usenames', True),)

    plotinfo = dict(plot=True, subplot=True, plothlines=[0.0],
                    plotymargin=0.10)

    plotlines = dict()

    def next(self) -> None:
        lines = self.lines
        for trade in self._owner._tradespending:
            if trade.data not in self.ddatas or not trade.isclosed:
                continue
            lines[trade.data._id - 1][0] = trade.pnl
