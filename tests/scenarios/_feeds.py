"""Shared strategy for the feed scenarios: logs every line of every bar."""
import backtrader as bt

from scenarios._util import cerebro, fl


class FeedLog(bt.Strategy):
    params = (('sink', None),)

    def next(self):
        d = self.data
        dtnum = d.datetime[0]
        self.p.sink.setdefault('bars', []).append([
            len(d), dtnum, d.datetime.datetime(0).isoformat(),
            d.datetime.date(0).isoformat(), d.datetime.time(0).isoformat(),
            bt.num2date(dtnum).isoformat(),
            fl(d.open[0]), fl(d.high[0]), fl(d.low[0]), fl(d.close[0]),
            fl(d.volume[0]), fl(d.openinterest[0]),
        ])

    def stop(self):
        d = self.data
        self.p.sink['meta'] = {
            'name': d._name, 'len': len(d), 'timeframe': d._timeframe,
            'compression': d._compression,
            'lines': list(d.lines.getlinealiases()),
        }


def run_feed(make, runonce, preload, exactbars, **cerebro_kw):
    """Run FeedLog on the feed built by make(); return its log."""
    sink = {}
    cer = cerebro(runonce, preload, exactbars, stdstats=False, **cerebro_kw)
    cer.adddata(make())
    cer.addstrategy(FeedLog, sink=sink)
    cer.run()
    return sink
