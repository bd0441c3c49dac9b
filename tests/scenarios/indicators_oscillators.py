"""Ultimate, TSI, DPO, price/awesome oscillators, KST, Laguerre, PGO,
PctRank, Vortex, DV2 and RMI."""
import datetime

import backtrader as bt

from scenarios._util import btcsv, run_panel

ind = bt.indicators

SPECS = [
    ('uo', lambda s: ind.UltimateOscillator()),
    ('tsi', lambda s: ind.TSI(period1=10, period2=5)),
    ('dpo', lambda s: ind.DPO(period=10)),
    ('ppo', lambda s: ind.PPO()),
    ('pposhort', lambda s: ind.PPOShort(period1=5, period2=10)),
    ('apo', lambda s: ind.APO(period1=5, period2=10)),
    ('ao', lambda s: ind.AO()),
    ('accdeosc', lambda s: ind.AccDeOsc()),
    ('kst', lambda s: ind.KST()),
    ('lrsi', lambda s: ind.LRSI()),
    ('lagf', lambda s: ind.LAGF()),
    ('pgo', lambda s: ind.PGO(period=10)),
    ('pctrank', lambda s: ind.PctRank(period=20)),
    ('vortex', lambda s: ind.Vortex(period=10)),
    ('dv2', lambda s: ind.DV2(period=20)),
    ('rmi', lambda s: ind.RMI(period=10, lookback=3)),
]

ARRAYS = ('kst', 'lrsi')


def run(runonce: bool, preload: bool, exactbars: int) -> dict:
    data = btcsv(todate=datetime.datetime(2006, 7, 31))
    return run_panel(SPECS, runonce, preload, exactbars, data=data,
                     arrays=ARRAYS)
