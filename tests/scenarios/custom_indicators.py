"""User-written indicators: lines, params, inheritance, aliases, next/once.

Covers lines=/params= (tuple and dict forms), subclasses adding lines and
overriding params, plotinfo/plotlines, class alias, line access through
self.l.x / self.lines.x / self.lines[0] / attribute name, indicators built
inside indicators, self.p vs self.params, values set with self.lines.x[0] in
next(), and which of prenext/nextstart/next and preonce/oncestart/once the
engine calls (with their start/end) for an indicator that defines once().
"""
import backtrader as bt

from scenarios._util import bar_dt, btcsv, cerebro, fl, ind_values


class Spread(bt.Indicator):
    lines = ('spread', 'mid')
    params = (('factor', 1.0), ('period', 3))
    plotinfo = dict(subplot=True, plotname='Spread')
    plotlines = dict(mid=dict(ls='--'))

    def __init__(self):
        self.lines.spread = (self.data.high - self.data.low) * self.p.factor
        self.l.mid = bt.ind.SMA((self.data.high + self.data.low) / 2.0,
                                period=self.params.period)


class SpreadPlus(Spread):
    """Inherits lines and params, adds a line and a param, overrides one."""
    lines = ('smooth',)
    params = dict(period=5, smooth=4)
    alias = ('SpreadPlusAlias',)

    def __init__(self):
        super(SpreadPlus, self).__init__()
        self.lines.smooth = bt.ind.EMA(self.lines.spread,
                                       period=self.p.smooth)


class NextOnly(bt.Indicator):
    """Rolling mean computed in next() with self.lines.x[0] assignment."""
    lines = ('avg',)
    params = dict(period=4)

    def __init__(self):
        self.addminperiod(self.p.period)
        self.calls = []

    def prenext(self):
        self.calls.append(['prenext', len(self)])

    def nextstart(self):
        self.calls.append(['nextstart', len(self)])
        self.next()

    def next(self):
        self.calls.append(['next', len(self)])
        vals = self.data.get(size=self.p.period)
        self.lines.avg[0] = sum(vals) / self.p.period


class WithOnce(bt.Indicator):
    """Difference over 3 bars with both next() and a vectorised once()."""
    lines = ('diff', 'double')

    def __init__(self):
        self.addminperiod(4)
        self.calls = []

    def next(self):
        self.calls.append(['next', len(self)])
        self.l.diff[0] = self.data[0] - self.data[-3]
        self.lines[1][0] = self.l.diff[0] * 2.0

    def preonce(self, start, end):
        self.calls.append(['preonce', start, end])

    def oncestart(self, start, end):
        self.calls.append(['oncestart', start, end])
        self.once(start, end)

    def once(self, start, end):
        self.calls.append(['once', start, end])
        src = self.data.array
        diff, dbl = self.lines.diff.array, self.lines.double.array
        for i in range(start, end):
            diff[i] = src[i] - src[i - 3]
            dbl[i] = diff[i] * 2.0


class Nested(bt.Indicator):
    """Indicator using other (user and built-in) indicators internally."""
    lines = ('out',)
    params = (('fast', 3), ('slow', 8))

    def __init__(self):
        fast = bt.ind.SMA(self.data, period=self.p.fast)
        slow = NextOnly(self.data, period=self.p.slow)
        self.lines.out = fast - slow.avg


class Strat(bt.Strategy):
    params = (('sink', None),)

    def __init__(self):
        self.spread = Spread(factor=2.0)
        self.plus = SpreadPlus()
        self.alias = SpreadPlusAlias(period=2)  # noqa: F821 - class alias
        self.nextonly = NextOnly(self.data.close)
        self.withonce = WithOnce(self.data.close)
        self.nested = Nested()
        self.on_high = NextOnly(self.data.high, period=2)
        self.rows = []

    def _log(self, phase):
        self.rows.append({
            'phase': phase, 'len': len(self), 'dt': bar_dt(self.data),
            'spread': ind_values(self.spread), 'plus': ind_values(self.plus),
            'alias': ind_values(self.alias),
            'nextonly': ind_values(self.nextonly),
            'withonce': ind_values(self.withonce),
            'nested': ind_values(self.nested),
            'on_high': ind_values(self.on_high),
            'access': [fl(self.plus.l.smooth[0]),
                       fl(self.plus.lines.smooth[0]),
                       fl(self.plus.smooth[0]), fl(self.plus.lines[2][0]),
                       fl(self.plus[0]), fl(self.spread.mid[0]),
                       fl(self.withonce.double[0])],
        })

    def prenext(self):
        self._log('prenext')

    def next(self):
        self._log('next')

    def stop(self):
        p = self.plus
        self.p.sink.update({
            'bars': self.rows,
            'calls': {'nextonly': self.nextonly.calls,
                      'withonce': self.withonce.calls,
                      'on_high': self.on_high.calls},
            'meta': {
                'lines_spread': list(Spread.lines.getlinealiases()),
                'lines_plus': list(SpreadPlus.lines.getlinealiases()),
                'p_is_params': p.p is p.params,
                'p_values': [p.p.factor, p.p.period, p.params.smooth],
                'alias_params': [self.alias.p.period, self.alias.p.smooth],
                'alias_is_sub': issubclass(type(self.alias), SpreadPlus),
                'size': [self.spread.size(), p.size()],
                'plotinfo': [Spread.plotinfo.subplot,
                             Spread.plotinfo.plotname,
                             p.plotinfo.plotname],
                'plotlines_mid_ls': Spread.plotlines.mid.ls,
                'getlinealiases': list(p.getlinealiases()),
            },
        })


def run(runonce, preload, exactbars):
    sink = {}
    cer = cerebro(runonce, preload, exactbars, stdstats=False)
    cer.adddata(btcsv())
    cer.addstrategy(Strat, sink=sink)
    cer.run()
    return sink
