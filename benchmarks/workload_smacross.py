"""SMA-crossover workload runnable under this package or upstream backtrader.

Usage: python workload_smacross.py N_BARS RUNONCE(0|1) [heavy] [exactbars]
                                    [pandas|csv|csvfile=PATH]
Prints one line: bars, CPU seconds of the run, bars/s, final value, trades,
peak RSS (MB).  The feed is a PandasData over the frame (the reference
workload) or, with ``csv``, a GenericCSVData over the same bars written to
a temporary file first (outside the timing; loading it is timed).
``csvfile=PATH`` reads a file written before by ``--write-csv PATH N_BARS``
and builds no frame, so the peak memory is the engine's alone.
The data is a seeded random walk of one-minute bars, so every run and every
package sees exactly the same prices.
"""
import os
import resource
import sys
import tempfile
import time

import backtrader as bt



def make_frame(n):
    import numpy as np  # here: a run from a CSV file never loads pandas
    import pandas as pd
    rng = np.random.default_rng(42)
    close = 100 * np.exp(np.cumsum(rng.normal(0, 0.001, n)))
    openp = np.r_[close[0], close[:-1]]
    spread = np.abs(rng.normal(0, 0.0005, n)) * close
    return pd.DataFrame({
        'open': openp, 'high': np.maximum(openp, close) + spread,
        'low': np.minimum(openp, close) - spread, 'close': close,
        'volume': rng.integers(1, 1000, n).astype(float), 'openinterest': 0.0,
    }, index=pd.date_range('2020-01-01', periods=n, freq='min'))


def write_csv(frame, path):
    frame.to_csv(path, index_label='datetime', date_format='%Y-%m-%d %H:%M:%S')


if sys.argv[1:2] == ['--write-csv']:
    write_csv(make_frame(int(sys.argv[3])), sys.argv[2])
    sys.exit(0)

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
runonce = (sys.argv[2] != '0') if len(sys.argv) > 2 else True
heavy = len(sys.argv) > 3 and sys.argv[3] == 'heavy'
exactbars = int(sys.argv[4]) if len(sys.argv) > 4 else 0
feed = sys.argv[5] if len(sys.argv) > 5 else 'pandas'
df = None if feed.startswith('csvfile=') else make_frame(n)


class SmaCross(bt.Strategy):
    params = dict(fast=10, slow=30)

    def __init__(self):
        fast = bt.ind.SMA(period=self.p.fast)
        slow = bt.ind.SMA(period=self.p.slow)
        self.cross = bt.ind.CrossOver(fast, slow)
        if heavy:
            bt.ind.RSI(period=14)
            bt.ind.MACD()
            bt.ind.BollingerBands()
            bt.ind.ATR(period=14)
            bt.ind.Stochastic()

    def next(self):
        if self.cross > 0:
            self.order_target_size(target=1)
        elif self.cross < 0:
            self.order_target_size(target=-1)


cerebro = bt.Cerebro(runonce=runonce, stdstats=False, exactbars=exactbars)
if feed.startswith('csv'):
    if feed == 'csv':
        handle, path = tempfile.mkstemp(suffix='.csv')
        os.close(handle)
        write_csv(df, path)
        del df  # the file holds the bars now
    else:
        path = feed.split('=', 1)[1]
    data = bt.feeds.GenericCSVData(dataname=path, dtformat='%Y-%m-%d %H:%M:%S',
                                   timeframe=bt.TimeFrame.Minutes)
else:
    data = bt.feeds.PandasData(dataname=df, timeframe=bt.TimeFrame.Minutes)
cerebro.adddata(data)
cerebro.addstrategy(SmaCross)
cerebro.addanalyzer(bt.analyzers.TradeAnalyzer, _name='ta')
cerebro.broker.setcash(100000.0)
# CPU time of this process: on a shared machine it is far less noisy than
# wall time, and both packages are measured the same way
t0 = time.process_time()
res = cerebro.run()
dt = time.process_time() - t0
ta = res[0].analyzers.ta.get_analysis()
if feed == 'csv':
    os.remove(path)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
print(f"bars={n} seconds={dt:.3f} bars_per_s={n / dt:.0f} "
      f"value={cerebro.broker.getvalue():.6f} trades={ta.total.total} peak_mb={peak:.1f}")
