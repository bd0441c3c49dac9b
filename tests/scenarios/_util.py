"""Helpers shared by the golden scenarios.

Scenarios run unchanged under upstream backtrader (to record goldens) and
under this package (to compare), so everything here uses only the public
backtrader API.  The helpers turn what a user can observe (orders, trades,
line values, analyzer output) into plain JSON data.

Order and trade reference numbers come from process-wide counters in
upstream, so they depend on how many orders earlier runs in the same process
created.  ``Refs`` renumbers them relative to the first one a run sees, which
keeps goldens independent of process history while still checking that
references are handed out in the same sequence.
"""
from __future__ import annotations

import datetime
import math
from pathlib import Path
from typing import Any

import backtrader as bt

DATA_DIR = Path(__file__).resolve().parent.parent / 'data'


def datapath(*parts: str) -> str:
    """Absolute path of a file under tests/data."""
    return str(DATA_DIR.joinpath(*parts))


DAY1 = datapath('upstream', '2006-day-001.txt')
DAY2 = datapath('upstream', '2006-day-002.txt')
MIN5 = datapath('upstream', '2006-min-005.txt')
WEEK1 = datapath('upstream', '2006-week-001.txt')
YHOO = datapath('upstream', 'yhoo-2014.txt')
ORCL = datapath('upstream', 'orcl-2014.txt')
BTC = datapath('crypto', 'BTCUSDT-1d.csv')


def _key(k: Any) -> str:
    if isinstance(k, str):
        return k
    if isinstance(k, (datetime.datetime, datetime.date, datetime.time)):
        return k.isoformat()
    return str(k)


def jsonable(obj: Any) -> Any:
    """Convert analyzer output and friends into JSON-compatible data.

    numpy scalars become Python numbers, dates become ISO strings, mappings
    keep their order with keys turned into strings.  Unknown objects raise so
    a scenario never records a ``repr`` that includes a memory address.
    """
    if obj is None or isinstance(obj, (bool, str)):
        return obj
    if isinstance(obj, int):
        return int(obj)
    if isinstance(obj, float):
        return float(obj)
    if isinstance(obj, (datetime.datetime, datetime.date, datetime.time)):
        return obj.isoformat()
    if isinstance(obj, datetime.timedelta):
        return {'timedelta_seconds': obj.total_seconds()}
    if isinstance(obj, dict):
        return {_key(k): jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [jsonable(v) for v in obj]
    mod = type(obj).__module__
    if mod == 'numpy':
        if hasattr(obj, 'tolist'):
            return jsonable(obj.tolist())
    if hasattr(obj, '__iter__') and hasattr(obj, '__len__'):
        # array.array and similar sequences
        return [jsonable(v) for v in obj]
    raise TypeError('cannot convert %r (%s) to JSON' % (obj, type(obj)))


def fl(x: Any) -> Any:
    """A line value as a Python float (None stays None)."""
    if x is None:
        return None
    return float(x)


def dtiso(num: Any) -> Any:
    """A backtrader float datetime as ISO string; falsy values kept."""
    if num is None:
        return None
    if not num or (isinstance(num, float) and math.isnan(num)):
        return fl(num)
    return bt.num2date(num).isoformat()


def bar_dt(data: Any) -> str:
    """Current datetime of a data feed as ISO string."""
    return data.datetime.datetime(0).isoformat()


def ind_values(ind: Any, ago: int = 0) -> list:
    """Value of every line of an indicator at ``ago``."""
    return [fl(ind.lines[i][ago]) for i in range(ind.size())]


def line_array(line: Any, size: int) -> list:
    """Last ``size`` values of a line as floats."""
    return [float(v) for v in line.get(size=size)]


def capture(fn, *args, **kwargs) -> Any:
    """Call fn; return its result or a record of the exception it raised."""
    try:
        return fn(*args, **kwargs)
    except Exception as e:  # noqa: BLE001 - recorded on purpose
        return {'__raised__': type(e).__name__, 'message': str(e)}


class Refs:
    """Renumber order/trade refs relative to the first one seen in a run."""

    def __init__(self) -> None:
        self._base: dict[str, int] = {}

    def __call__(self, kind: str, ref: Any) -> Any:
        if ref is None:
            return None
        if kind not in self._base:
            self._base[kind] = ref - 1
        return ref - self._base[kind]


def order_snap(order: Any, refs: Refs) -> dict:
    """Everything a user can read from an order in notify_order."""
    c, e = order.created, order.executed
    parent = getattr(order, 'parent', None)
    return {
        'ref': refs('order', order.ref),
        'status': order.status,
        'statusname': order.getstatusname(),
        'ordtype': order.ordtype,
        'ordtypename': order.ordtypename(),
        'exectype': order.exectype,
        'execname': order.getordername(),
        'isbuy': order.isbuy(),
        'alive': order.alive(),
        'size': order.size,
        'price': order.price,
        'pricelimit': order.pricelimit,
        'trailamount': order.trailamount,
        'trailpercent': order.trailpercent,
        'valid': order.valid,
        'data': order.data._name,
        'tradeid': order.tradeid,
        'parent': refs('order', parent.ref) if parent is not None else None,
        'info': jsonable(dict(order.info)),
        'created': {
            'dt': dtiso(c.dt), 'size': c.size, 'price': c.price,
            'pricelimit': c.pricelimit, 'remsize': c.remsize,
        },
        'executed': {
            'dt': dtiso(e.dt), 'size': e.size, 'remsize': e.remsize,
            'price': e.price, 'value': e.value, 'comm': e.comm,
            'pnl': e.pnl, 'margin': e.margin, 'psize': e.psize,
            'pprice': e.pprice,
        },
    }


def trade_snap(trade: Any, refs: Refs) -> dict:
    """Everything a user can read from a trade in notify_trade."""
    return {
        'ref': refs('trade', trade.ref),
        'status': trade.status,
        'statusname': trade.status_names[trade.status],
        'tradeid': trade.tradeid,
        'data': trade.data._name,
        'size': trade.size,
        'price': trade.price,
        'value': trade.value,
        'commission': trade.commission,
        'pnl': trade.pnl,
        'pnlcomm': trade.pnlcomm,
        'isclosed': trade.isclosed,
        'isopen': trade.isopen,
        'justopened': trade.justopened,
        'long': trade.long,
        'baropen': trade.baropen,
        'barclose': trade.barclose,
        'barlen': trade.barlen,
        'dtopen': dtiso(trade.dtopen),
        'dtclose': dtiso(trade.dtclose),
    }


def history_snap(trade: Any, refs: Refs) -> list:
    """trade.history entries (tradehistory=True) as plain data."""
    out = []
    for h in trade.history:
        event = dict(h.event)
        if event.get('order') is not None:
            event['order'] = refs('order', event['order'].ref)
        status = dict(h.status)
        for key in ('dt',):
            if key in status:
                status[key] = dtiso(status[key])
        out.append({'status': jsonable(status), 'event': jsonable(event)})
    return out


class LogStrategy(bt.Strategy):
    """Strategy base that records notifications and broker state per bar.

    Subclasses call ``self.rec(**values)`` from next() to add per-bar data
    and may extend ``self.out`` with anything else.
    """

    def __init__(self) -> None:
        self.refs = Refs()
        self.out = {'bars': [], 'orders': [], 'trades': []}

    def _stamp(self) -> dict:
        return {'len': len(self), 'dt': bar_dt(self.data)}

    def rec(self, **values: Any) -> None:
        row = self._stamp()
        row['cash'] = self.broker.getcash()
        row['value'] = self.broker.getvalue()
        pos = self.getposition()
        row['pos'] = [pos.size, pos.price]
        row.update(values)
        self.out['bars'].append(row)

    def notify_order(self, order: Any) -> None:
        snap = order_snap(order, self.refs)
        snap.update(self._stamp())
        self.out['orders'].append(snap)

    def notify_trade(self, trade: Any) -> None:
        snap = trade_snap(trade, self.refs)
        snap.update(self._stamp())
        self.out['trades'].append(snap)


def cerebro(runonce: bool, preload: bool, exactbars: int, **kwargs: Any):
    """A Cerebro for the given run mode."""
    return bt.Cerebro(runonce=runonce, preload=preload, exactbars=exactbars,
                      **kwargs)


def btcsv(path: str = DAY1, **kwargs: Any):
    """A BacktraderCSVData feed on one of the bundled files."""
    return bt.feeds.BacktraderCSVData(dataname=path, **kwargs)


class PanelStrategy(bt.Strategy):
    """Logs every line of a set of indicators on every bar.

    ``specs`` is a list of (label, factory); factory(strategy) builds the
    indicator in __init__.  Per bar the phase (prenext/nextstart/next),
    len(self), the datetime, and per indicator len() and line values are
    recorded; in stop() the full arrays via line.get(size=len(ind)) of the
    labels listed in ``arrays`` (True: all of them).
    """

    params = (('specs', ()), ('arrays', True), ('sink', None))

    def __init__(self) -> None:
        self.inds = [(label, make(self)) for label, make in self.p.specs]
        self.rows: list = []

    def _log(self, phase: str) -> None:
        row = {'phase': phase, 'len': len(self), 'dt': bar_dt(self.data)}
        for label, ind in self.inds:
            row[label] = [len(ind)] + ind_values(ind)
        self.rows.append(row)

    def prenext(self) -> None:
        self._log('prenext')

    def nextstart(self) -> None:
        self._log('nextstart')

    def next(self) -> None:
        self._log('next')

    def stop(self) -> None:
        out = {'bars': self.rows}
        if self.p.arrays:
            arrays = {}
            wanted = self.p.arrays
            for label, ind in self.inds:
                if wanted is not True and label not in wanted:
                    continue
                n = len(ind)
                arrays[label] = {
                    'len': n,
                    'lines': [line_array(ind.lines[i], n)
                              for i in range(ind.size())],
                }
            out['arrays'] = arrays
        self.p.sink.update(out)


def run_panel(specs: list, runonce: bool, preload: bool, exactbars: int,
              data: Any = None, arrays: Any = True) -> dict:
    """Run PanelStrategy over ``specs`` on one data feed; return its log.

    With exactbars=1 buffers hold only what the indicators need, so
    upstream's get(size=len) fails there: full arrays are skipped.
    """
    if exactbars >= 1:
        arrays = ()
    sink: dict = {}
    cer = cerebro(runonce, preload, exactbars, stdstats=False)
    cer.adddata(data if data is not None else btcsv())
    cer.addstrategy(PanelStrategy, specs=specs, arrays=arrays, sink=sink)
    cer.run()
    return sink


class ScriptStrategy(LogStrategy):
    """Runs scripted actions: ``script`` maps len(self) to fn(strategy).

    Orders a script creates are noted with their renumbered refs in
    ``out['created']``; broker state is logged on every bar.
    """

    params = (('script', None), ('sink', None), ('extra', None))

    def __init__(self) -> None:
        super().__init__()
        self.out['created'] = []
        self.keep: dict = {}

    def note(self, label: str, order: Any) -> Any:
        """Remember an order created by the script (None allowed)."""
        if isinstance(order, (list, tuple)):
            refs = [None if o is None else self.refs('order', o.ref)
                    for o in order]
        else:
            refs = None if order is None else self.refs('order', order.ref)
        self.out['created'].append([len(self), label, refs])
        return order

    def event(self, label: str, value: Any) -> Any:
        """Record a value a script observed (e.g. what cancel returned)."""
        self.out.setdefault('events', []).append(
            [len(self), label, jsonable(value)])
        return value

    def next(self) -> None:
        self.rec()
        action = (self.p.script or {}).get(len(self))
        if action is not None:
            action(self)

    def stop(self) -> None:
        self.out['final'] = {'cash': self.broker.getcash(),
                             'value': self.broker.getvalue(),
                             'position': [self.position.size,
                                          self.position.price]}
        if self.p.extra is not None:
            self.out['extra'] = self.p.extra(self)
        self.p.sink.update(self.out)


def run_script(script: dict, runonce: bool, preload: bool, exactbars: int,
               data: Any = None, setup: Any = None, **cerebro_kw: Any) -> dict:
    """Run a ScriptStrategy; ``setup(cerebro)`` may configure the broker."""
    sink: dict = {}
    cer = cerebro(runonce, preload, exactbars, **cerebro_kw)
    cer.adddata(data if data is not None else btcsv())
    cer.addstrategy(ScriptStrategy, script=script, sink=sink)
    cer.broker.setcash(100000.0)
    if setup is not None:
        setup(cer)
    cer.run()
    return sink


class BarsStrategy(bt.Strategy):
    """Logs every bar of every data (len, datetime, OHLCV) and indicators.

    ``indicators`` is a list of (label, factory(strategy)).
    """

    params = (('sink', None), ('indicators', ()))

    def __init__(self) -> None:
        self.inds = [(label, make(self)) for label, make in
                     self.p.indicators]
        self.rows: list = []

    def _log(self, phase: str) -> None:
        row: dict = {'phase': phase, 'len': len(self)}
        for i, d in enumerate(self.datas):
            if len(d):
                row['d%d' % i] = [len(d), bar_dt(d), fl(d.open[0]),
                                  fl(d.high[0]), fl(d.low[0]),
                                  fl(d.close[0]), fl(d.volume[0])]
            else:
                row['d%d' % i] = [0]
        for label, ind in self.inds:
            row[label] = [len(ind)] + (ind_values(ind) if len(ind) else [])
        self.rows.append(row)

    def prenext(self) -> None:
        self._log('prenext')

    def nextstart(self) -> None:
        self._log('nextstart')

    def next(self) -> None:
        self._log('next')

    def stop(self) -> None:
        self.p.sink['bars'] = self.rows
        self.p.sink['lens'] = [len(d) for d in self.datas]


def min5(**kwargs: Any):
    """The 5-minute bars file as a feed with the right timeframe."""
    return bt.feeds.BacktraderCSVData(
        dataname=MIN5, timeframe=bt.TimeFrame.Minutes, compression=5,
        **kwargs)


def run_bars(runonce: bool, preload: bool, exactbars: int, add: Any,
             indicators: Any = (), **cerebro_kw: Any) -> dict:
    """Run BarsStrategy; ``add(cerebro)`` adds/resamples/replays datas."""
    sink: dict = {}
    cer = cerebro(runonce, preload, exactbars, stdstats=False, **cerebro_kw)
    add(cer)
    cer.addstrategy(BarsStrategy, sink=sink, indicators=indicators)
    cer.run()
    return sink
