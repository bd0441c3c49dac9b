"""Line arithmetic, comparisons, logic functions, delays and buffer access.

Operations built in __init__ (lines and indicators with each other and with
floats on both sides, bt.And/Or/If/Max/Min/Sum/Any/All/Cmp/CmpEx/DivByZero/
DivZeroByZero, delayed lines via ``line(-n)``) are logged per bar next to
values read in next() and to operators applied in next() (which give plain
bools/floats there, logged with their type); get(ago, size), len(),
buflen(), data aliases, addminperiod and the prenext/nextstart/next sequence.
Lookahead ``[1]`` is read only when data is preloaded.
"""
import backtrader as bt

from scenarios._util import bar_dt, btcsv, capture, cerebro, fl


class Ops(bt.Strategy):
    params = (('lookahead', False), ('sink', None))

    def __init__(self):
        c, o, h, lo = (self.data.close, self.data.open, self.data.high,
                       self.data.low)
        self.sma = sma = bt.ind.SMA(period=5)
        self.sma10 = sma10 = bt.ind.SMA(period=10)
        self.ops = {
            'add': c + o, 'sub': c - o, 'mul': c * o, 'div': c / o,
            'floordiv': c // 100.0, 'pow': c ** 0.5, 'add_int': c + 1,
            'neg': -c, 'abs': abs(o - c),
            'radd': 1.5 + c, 'rsub': 4000.0 - c, 'rmul': 2.0 * c,
            'rdiv': 1000.0 / c, 'rfloordiv': 100000.0 // c,
            'rpow': 1.0001 ** c,
            'gt': c > o, 'lt': c < o, 'ge': h >= c, 'le': lo <= o,
            'eq': h == c, 'ne': h != c,
            'gt_float': c > 3650.0, 'float_lt': 3650.0 < c,
            'sma_plus': sma + 3.0, 'plus_sma': 3.0 + sma,
            'sma_diff': sma - sma10, 'sma_ratio': sma / sma10,
            'close_prev': c(-1), 'close_ret': c / c(-1) - 1.0,
            'sma_ago2': sma(-2), 'sma_chg': sma - sma(-2),
            'and': bt.And(c > o, c > sma), 'or': bt.Or(c > o, c > sma),
            'if': bt.If(c > o, c, o), 'if_float': bt.If(c > sma, 1.0, -1.0),
            'max': bt.Max(c, o, sma), 'min': bt.Min(c, o, sma10),
            'max_float': bt.Max(c, 3650.0), 'sum': bt.Sum(c, o, h),
            'any': bt.Any(c > h - 1.0, c < lo + 1.0),
            'all': bt.All(c > o, h > c),
            'cmp': bt.Cmp(c, o), 'cmpex': bt.CmpEx(c, sma, -1.0, 0.0, 1.0),
            'divbyzero': bt.DivByZero(c - o, h - lo, zero=-1.0),
            'divbyzero_zero': bt.DivByZero(c, c - c, zero=-7.0),
            'divzerobyzero': bt.DivZeroByZero(c - c, c - c, single=5.0,
                                              dual=9.0),
            'nested': (c - sma) * 2.0 / (h - lo + 1.0),
        }
        self.addminperiod(12)
        self.rows, self.buflens, self.ahead = [], [], []

    def _plain(self):
        c, o = self.data.close, self.data.open
        sma = self.sma
        return {
            'c0': fl(c[0]), 'c_1': fl(c[-1]), 'o0': fl(o[0]),
            'sum0': fl(c[0] + o[0]), 'sma0': fl(sma[0]),
            'sma_2': fl(sma[-2]), 'sma10_0': fl(self.sma10[0]),
            'get3': [fl(v) for v in c.get(size=3)],
            'get_ago': [fl(v) for v in c.get(ago=-1, size=2)],
            'sma_get': [fl(v) for v in sma.get(ago=-2, size=2)],
            'lendata': len(self.data), 'lensma': len(sma),
            'data0': fl(self.data0.close[0]),
            'datas0': fl(self.datas[0].close[0]),
            'data_close': fl(self.data_close[0]),
            'data0_close': fl(self.data0_close[0]),
            'lines_close': fl(self.data.lines.close[0]),
            'line0': fl(self.data.lines[0][0]),
            'l_high': fl(self.data.l.high[0]),
            'ohlc': [fl(self.data.open[0]), fl(self.data.high[0]),
                     fl(self.data.low[0]), fl(self.data.close[0]),
                     fl(self.data.volume[0]),
                     fl(self.data.openinterest[0])],
        }

    def _immediate(self):
        # outside __init__ operators on lines give plain Python values
        c, sma = self.data.close, self.sma
        exprs = {
            'gt': c > sma, 'gt_float': c > 3000.0, 'rgt': 3000.0 < c,
            'add': c + 1.0, 'sub': c - sma, 'rsub': 1.0 - c, 'mul': c * sma,
            'div': c / sma, 'neg': -c, 'abs': abs(c), 'eq': sma == sma,
            'bool': bool(c), 'le_int': sma <= 4000,
        }
        return {k: [type(v).__name__, v] for k, v in exprs.items()}

    def _log(self, phase):
        row = {'phase': phase, 'len': len(self), 'dt': bar_dt(self.data)}
        row['ops'] = {k: fl(v[0]) for k, v in self.ops.items()}
        if len(self.data) > 3:  # reading [-2] earlier is undefined
            row['plain'] = self._plain()
        row['immediate'] = self._immediate()
        self.rows.append(row)
        # mode dependent parts are kept apart so the goldens share 'bars'
        self.buflens.append(self.data.buflen())
        if self.p.lookahead:
            if len(self.data) < self.data.buflen():
                self.ahead.append(capture(lambda: fl(self.data.close[1])))

    def prenext(self):
        self._log('prenext')

    def nextstart(self):
        self._log('nextstart')

    def next(self):
        self._log('next')

    def stop(self):
        self.p.sink['bars'] = self.rows
        self.p.sink['buflen'] = self.buflens
        self.p.sink['ahead'] = self.ahead
        self.p.sink['final'] = {'len': len(self), 'lendata': len(self.data),
                                'buflen': self.data.buflen(),
                                'close_buflen': self.data.close.buflen(),
                                'sma_len': len(self.sma)}


def run(runonce, preload, exactbars):
    sink = {}
    cer = cerebro(runonce, preload, exactbars, stdstats=False)
    cer.adddata(btcsv())
    cer.addstrategy(Ops, sink=sink, lookahead=preload and exactbars < 1)
    cer.run()
    return sink
