"""MACD and Stochastic families with every alias and common params."""
import backtrader as bt

from scenarios._util import run_panel

ind = bt.indicators

SPECS = [
    ('macd', lambda s: bt.ind.MACD()),
    ('macd_fast', lambda s: bt.ind.MACD(period_me1=5, period_me2=10,
                                        period_signal=4)),
    ('macd_sma', lambda s: bt.ind.MACD(movav=bt.ind.SMA)),
    ('MACDHisto', lambda s: bt.ind.MACDHisto()),
    ('MACDHistogram', lambda s: ind.MACDHistogram(period_signal=5)),
    ('stoch', lambda s: bt.ind.Stochastic()),
    ('StochasticSlow', lambda s: ind.StochasticSlow(period=10)),
    ('StochasticFast', lambda s: ind.StochasticFast()),
    ('StochasticFull', lambda s: bt.ind.StochasticFull()),
    ('stoch_params', lambda s: bt.ind.Stochastic(period=5, period_dfast=2,
                                                 period_dslow=4)),
    ('stoch_safediv', lambda s: bt.ind.Stochastic(period=3, safediv=True)),
    ('stochfull_ema', lambda s: bt.ind.StochasticFull(movav=bt.ind.EMA)),
]

ARRAYS = ('MACDHisto', 'StochasticFull')


def run(runonce: bool, preload: bool, exactbars: int) -> dict:
    return run_panel(SPECS, runonce, preload, exactbars, arrays=ARRAYS)
