"""Three datas on the same calendar starting at different dates (the
multi-data case upstream also supports with exactbars=1): same logging and
orders as multi_data.py."""
import datetime

from scenarios._util import btcsv, cerebro
from scenarios.multi_data import Multi


def run(runonce, preload, exactbars):
    sink = {}
    cer = cerebro(runonce, preload, exactbars)
    cer.adddata(btcsv(todate=datetime.datetime(2006, 9, 30)), name='first')
    cer.adddata(btcsv(fromdate=datetime.datetime(2006, 3, 1),
                      todate=datetime.datetime(2006, 9, 30)), name='second')
    cer.adddata(btcsv(fromdate=datetime.datetime(2006, 5, 1),
                      todate=datetime.datetime(2006, 9, 30)), name='third')
    cer.addstrategy(Multi, sink=sink)
    cer.broker.setcash(100000.0)
    cer.run()
    return sink
