"""Directional movement, CCI, Williams and Aroon indicators."""
import datetime

import backtrader as bt

from scenarios._util import btcsv, run_panel

ind = bt.indicators

SPECS = [
    ('adx', lambda s: ind.ADX()),
    ('adxr', lambda s: ind.ADXR(period=7)),
    ('dmi', lambda s: ind.DMI(period=10)),
    ('di', lambda s: ind.DI(period=10)),
    ('plusdi', lambda s: ind.PlusDI(period=10)),
    ('minusdi', lambda s: ind.MinusDI(period=10)),
    ('dm', lambda s: ind.DM(period=10)),
    ('cci', lambda s: ind.CCI()),
    ('williamsr', lambda s: ind.WilliamsR()),
    ('williamsad', lambda s: ind.WilliamsAD()),
    ('aroonupdown', lambda s: ind.AroonUpDown(period=10)),
    ('aroonosc', lambda s: ind.AroonOsc(period=10)),
    ('aroonupdownosc', lambda s: ind.AroonUpDownOsc(period=10)),
]

ARRAYS = ('adx', 'cci')


def run(runonce: bool, preload: bool, exactbars: int) -> dict:
    data = btcsv(todate=datetime.datetime(2006, 7, 31))
    return run_panel(SPECS, runonce, preload, exactbars, data=data,
                     arrays=ARRAYS)
