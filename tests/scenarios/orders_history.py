"""cerebro.add_order_history with notify=True: Historical orders."""
import datetime

from scenarios._util import btcsv, cerebro, ScriptStrategy

HISTORY = [
    ('2006-01-10', 10, 3650.0),
    ('2006-01-20', -5, 3700.0),
    (datetime.datetime(2006, 2, 1), -5, 3690.0),
    (datetime.date(2006, 2, 10), -3, 3680.0),
]


def run(runonce, preload, exactbars):
    sink = {}
    cer = cerebro(runonce, preload, exactbars)
    cer.adddata(btcsv(todate=datetime.datetime(2006, 3, 1)))
    cer.addstrategy(ScriptStrategy, script={}, sink=sink)
    cer.broker.setcash(100000.0)
    cer.add_order_history(HISTORY, notify=True)
    cer.run()
    return sink
