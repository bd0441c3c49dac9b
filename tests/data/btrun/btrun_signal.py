"""A user module for the btrun tests: a signal indicator, a strategy that
reports what btrun built, an analyzer and a hook.  It is loaded by file path
the way btrun users name their modules (``--strategy btrun_signal:Report``).
"""
import backtrader as bt


class CloseOverSMA(bt.Indicator):
    """Signal: close minus its moving average (long above, short below)."""
    lines = ('signal',)
    params = (('period', 10),)

    def __init__(self):
        self.lines.signal = self.data - bt.indicators.SMA(period=self.p.period)


class Report(bt.Strategy):
    """Prints the parameters and setup it received, then the final value."""
    params = (('tag', 'none'), ('frame', None))

    def start(self):
        comm = self.broker.getcommissioninfo(self.data)
        print('Report tag=%s frame=%s datas=%s' % (
            self.p.tag, self.p.frame, [d._name for d in self.datas]))
        print('comm=%s mult=%s margin=%s cash=%s' % (
            comm.p.commission, comm.p.mult, comm.p.margin, self.broker.getcash()))
        print('indicators=%s observers=%s' % (
            [type(i).__name__ for i in self.getindicators()],
            [type(o).__name__ for o in self.getobservers()]))

    def stop(self):
        print('Report bars=%d last=%s value=%f' % (
            len(self), self.data.datetime.date(0), self.broker.getvalue()))


class Count(bt.Analyzer):
    """Counts completed orders."""

    def start(self):
        self.rets['orders'] = 0

    def notify_order(self, order):
        if order.status == order.Completed:
            self.rets['orders'] += 1


def announce(cerebro, **kwargs):
    """Hook: shows it was called with the cerebro and its kwargs."""
    print('hook kwargs=%s datas=%d strats=%d' % (
        sorted(kwargs.items()), len(cerebro.datas), len(cerebro.strats)))
