"""What the exactness goldens of the indicators beyond the core ones cover.

Used by tools/record_indicator_more_exact.py (under upstream) and by
tests/test_indicators_more_*.py (under this package).  Each group of specs
runs in one strategy, on every dataset of ``DATASETS`` in runonce and next
mode; ``heikin`` is alone because HeikinAshi makes cerebro run bar by bar
(it would turn every other group's runonce run into a next run).
Expressions are evaluated with ``bt`` (backtrader, with bt.studies
imported) and ``d`` (the data feed).
"""
from __future__ import annotations

DATASETS = ('day1', 'yhoo', 'btc1m', 'synth')

#: groups run on some datasets only (slow ones: not on the 6000 bars)
GROUP_DATASETS = {'hurst': ('day1', 'yhoo', 'synth')}


def groups_of(dataset: str) -> dict:
    """The spec groups run on ``dataset``."""
    return {name: group for name, group in GROUPS.items()
            if dataset in GROUP_DATASETS.get(name, DATASETS)}

GROUPS: dict[str, list[tuple[str, str]]] = {
    'averages': [
        ('DEMA', 'bt.ind.DEMA(d, period=10)'),
        ('DEMA_def', 'bt.ind.DoubleExponentialMovingAverage(d)'),
        ('DEMA_sma', 'bt.ind.MovingAverageDoubleExponential(d, period=6, _movav=bt.ind.SMA)'),
        ('TEMA', 'bt.ind.TEMA(d, period=8)'),
        ('TEMA_def', 'bt.ind.TripleExponentialMovingAverage(d.high)'),
        ('KAMA', 'bt.ind.KAMA(d)'),
        ('KAMA_p', 'bt.ind.AdaptiveMovingAverage(d, period=10, fast=3, slow=20)'),
        ('KAMA_1', 'bt.ind.MovingAverageAdaptive(d, period=1)'),
        ('HMA', 'bt.ind.HMA(d, period=10)'),
        ('HMA_def', 'bt.ind.HullMovingAverage(d)'),
        ('HullMA_ema', 'bt.ind.HullMA(d, period=9, _movav=bt.ind.EMA)'),
        ('ZLEMA', 'bt.ind.ZLEMA(d, period=10)'),
        ('ZLEMA_def', 'bt.ind.ZeroLagExponentialMovingAverage(d)'),
        ('ZeroLagEma_2', 'bt.ind.ZeroLagEma(d, period=2)'),
        ('ZLInd', 'bt.ind.ZLInd(d, period=10)'),
        ('ZLInd_def', 'bt.ind.ZeroLagIndicator(d)'),
        ('EC_gain', 'bt.ind.EC(d, period=7, gainlimit=20)'),
        ('ErrorCorrecting_1', 'bt.ind.ErrorCorrecting(d, period=1)'),
        ('DMA', 'bt.ind.DMA(d, period=10)'),
        ('DMA_def', 'bt.ind.DicksonMovingAverage(d)'),
        ('DicksonMA_p', 'bt.ind.DicksonMA(d, period=12, gainlimit=30, hperiod=5)'),
        ('MovAv_names',
         'bt.ind.MovAv.DEMA(bt.ind.MovingAverage.KAMA(d, period=5), period=3)'),
        ('DEMAEnvelope', 'bt.ind.DEMAEnvelope(d, period=10)'),
        ('KAMAOsc', 'bt.ind.KAMAOsc(d, period=10)'),
        ('KAMAEnvelope', 'bt.ind.AdaptiveMovingAverageEnvelope(d, period=10, perc=1.5)'),
        ('ZLIndEnvelope', 'bt.ind.ZLIndEnvelope(d, period=10)'),
        ('ZLIndOsc', 'bt.ind.ZeroLagIndicatorOscillator(d, period=10)'),
        ('HMAOscillator', 'bt.ind.HMAOscillator(d, period=9)'),
        ('DMAEnvelope', 'bt.ind.DMAEnvelope(d, period=12)'),
        ('TEMAOsc', 'bt.ind.TEMAOsc(d, period=6)'),
        ('ZLEMAEnvelope', 'bt.ind.ZLEMAEnvelope(d, period=7)'),
        ('TRIX', 'bt.ind.TRIX(d, period=5)'),
        ('Trix_def', 'bt.ind.Trix(d)'),
        ('Trix_roc', 'bt.ind.Trix(d, period=4, _rocperiod=3, _movav=bt.ind.SMA)'),
        ('TrixSignal', 'bt.ind.TrixSignal(d, period=5, sigperiod=4)'),
    ],
    'trend': [
        ('PSAR', 'bt.ind.PSAR(d)'),
        ('PSAR_p', 'bt.ind.ParabolicSAR(d, af=0.03, afmax=0.25)'),
        ('PSAR_period', 'bt.ind.ParabolicSAR(d, period=5, af=0.01, afmax=0.1)'),
        ('Ichimoku', 'bt.ind.Ichimoku(d, tenkan=5, kijun=10, senkou=20, '
                     'senkou_lead=10, chikou=10)'),
        ('Ichimoku_def', 'bt.ind.Ichimoku(d)'),
        ('ADX', 'bt.ind.ADX(d)'),
        ('ADXR', 'bt.ind.ADXR(d, period=7)'),
        ('DMI', 'bt.ind.DMI(d, period=10)'),
        ('DI', 'bt.ind.DI(d, period=10)'),
        ('PlusDI', 'bt.ind.PlusDI(d, period=10)'),
        ('MinusDI', 'bt.ind.MinusDI(d, period=10)'),
        ('DM', 'bt.ind.DM(d, period=10)'),
        ('DirectionalMovement_ema', 'bt.ind.DirectionalMovement(d, movav=bt.ind.EMA)'),
        ('UpMove', 'bt.ind.UpMove(d)'),
        ('DownMove', 'bt.ind.DownMove(d.low)'),
        ('AroonUp', 'bt.ind.AroonUp(d, period=10)'),
        ('AroonDown', 'bt.ind.AroonDown(d, period=10)'),
        ('AroonUpDown', 'bt.ind.AroonUpDown(d)'),
        ('AroonOsc', 'bt.ind.AroonOsc(d, period=10)'),
        ('AroonUpDownOsc', 'bt.ind.AroonUpDownOsc(d, period=25)'),
        ('Vortex', 'bt.ind.Vortex(d, period=10)'),
        ('Vortex_def', 'bt.ind.Vortex(d)'),
        ('Vortex_module', "__import__('backtrader.indicators.vortex', fromlist=['Vortex'])"
                          '.Vortex(d, period=7)'),
        ('Fractal', 'bt.studies.Fractal(d)'),
        ('Fractal_p', 'bt.studies.Fractal(d, period=7, bardist=0.05, '
                      'shift_to_potential_fractal=3)'),
    ],
    'oscillators': [
        ('CCI', 'bt.ind.CCI(d)'),
        ('CCI_p', 'bt.ind.CommodityChannelIndex(d, period=10, factor=0.02)'),
        ('WilliamsR', 'bt.ind.WilliamsR(d)'),
        ('WilliamsR_7', 'bt.ind.WilliamsR(d, period=7)'),
        ('WilliamsAD', 'bt.ind.WilliamsAD(d)'),
        ('UO', 'bt.ind.UltimateOscillator(d)'),
        ('UO_p', 'bt.ind.UltimateOscillator(d, p1=3, p2=6, p3=12)'),
        ('TSI', 'bt.ind.TSI(d, period1=10, period2=5)'),
        ('TSI_def', 'bt.ind.TrueStrengthIndicator(d)'),
        ('TSI_p', 'bt.ind.TSI(d, period1=8, period2=4, pchange=3, _movav=bt.ind.SMA)'),
        ('DPO', 'bt.ind.DPO(d, period=10)'),
        ('DPO_def', 'bt.ind.DetrendedPriceOscillator(d)'),
        ('DPO_7', 'bt.ind.DPO(d, period=7, movav=bt.ind.EMA)'),
        ('PPO', 'bt.ind.PPO(d)'),
        ('PPOShort', 'bt.ind.PPOShort(d, period1=5, period2=10)'),
        ('PercPriceOsc_sma', 'bt.ind.PercPriceOsc(d, _movav=bt.ind.SMA, period_signal=4)'),
        ('APO', 'bt.ind.APO(d, period1=5, period2=10)'),
        ('PriceOscillator', 'bt.ind.PriceOscillator(d)'),
        ('AO', 'bt.ind.AO(d)'),
        ('AwesomeOsc_p', 'bt.ind.AwesomeOsc(d, fast=3, slow=10, movav=bt.ind.EMA)'),
        ('AccDeOsc', 'bt.ind.AccDeOsc(d)'),
        ('AccDeOsc_p', 'bt.ind.AccelerationDecelerationOscillator(d, period=3)'),
        ('KST', 'bt.ind.KST(d)'),
        ('KST_p', 'bt.ind.KnowSureThing(d, rp1=3, rp2=5, rp3=7, rp4=9, rma1=2, '
                  'rma2=3, rma3=4, rma4=5, rsignal=3, rfactors=[0.5, 1.0, 1.5, 2.5])'),
        ('LRSI', 'bt.ind.LRSI(d)'),
        ('LRSI_p', 'bt.ind.LaguerreRSI(d, period=3, gamma=0.7)'),
        ('LAGF', 'bt.ind.LAGF(d)'),
        ('LAGF_p', 'bt.ind.LaguerreFilter(d, period=4, gamma=0.3)'),
        ('PGO', 'bt.ind.PGO(d, period=10)'),
        ('PrettyGoodOsc_def', 'bt.ind.PrettyGoodOsc(d)'),
        ('PctRank', 'bt.ind.PctRank(d, period=20)'),
        ('PercentRank_def', 'bt.ind.PercentRank(d)'),
        ('DV2', 'bt.ind.DV2(d, period=20)'),
        ('DV2_def', 'bt.ind.DV2(d)'),
        ('RMI', 'bt.ind.RMI(d, period=10, lookback=3)'),
        ('RMI_def', 'bt.ind.RelativeMomentumIndex(d)'),
        ('RMI_safe', 'bt.ind.RMI(d, safediv=True, movav=bt.ind.SMA)'),
    ],
    'hurst': [
        ('Hurst', 'bt.ind.Hurst(d)'),
        ('Hurst_p', 'bt.ind.HurstExponent(d, period=100, lag_start=5, lag_end=30)'),
    ],
    'heikin': [
        ('HeikinAshi', 'bt.ind.HeikinAshi(d)'),
        ('haDelta', 'bt.ind.haDelta(d)'),
        ('haD_noauto', 'bt.ind.haD(d, autoheikin=False, period=4)'),
        ('haDelta_ema', 'bt.ind.haDelta(d, movav=bt.ind.EMA, period=5)'),
        ('PSAR_next', 'bt.ind.PSAR(d)'),
        ('ZLInd_next', 'bt.ind.ZLInd(d, period=10)'),
        ('LRSI_next', 'bt.ind.LRSI(d)'),
    ],
}

#: modules of upstream's bt.indicators (and bt.studies) whose classes the
#: API goldens describe
API_MODULES = ('accdecoscillator', 'aroon', 'awesomeoscillator', 'cci', 'contrib.vortex',
               'dema', 'directionalmove', 'dma', 'dpo', 'dv2', 'hadelta', 'heikinashi',
               'hma', 'hurst', 'ichimoku', 'kama', 'kst', 'lrsi', 'ols', 'percentrank',
               'pivotpoint', 'prettygoodoscillator', 'priceoscillator', 'psar', 'rmi',
               'trix', 'tsi', 'ultimateoscillator', 'williams', 'zlema', 'zlind')

#: two-data regressions (need statsmodels): data0 YHOO, data1 ORCL (2014)
OLS_SPECS = [
    ('OLS_Slope_InterceptN', 'bt.ind.OLS_Slope_InterceptN(d0, d1)'),
    ('OLS_Slope_InterceptN_5', 'bt.ind.OLS_Slope_InterceptN(d0, d1, period=5)'),
    ('OLS_TransformationN', 'bt.ind.OLS_TransformationN(d0, d1)'),
    ('CointN', 'bt.ind.CointN(d0, d1, period=20)'),
    ('CointN_ct', 'bt.ind.CointN(d0, d1, period=30, trend="ct")'),
]
OLS_FILES = ('yhoo-2014.txt', 'orcl-2014.txt')

#: pivot points on a monthly resample of a daily data (run bar by bar):
#: ``d1`` is the monthly data
PIVOT_SPECS = [
    ('PivotPoint', 'bt.ind.PivotPoint(d1)'),
    ('PivotPoint_open', 'bt.ind.PivotPoint(d1, open=True)'),
    ('PivotPoint_close', 'bt.ind.PivotPoint(d1, close=True, _autoplot=False)'),
    ('FibonacciPivotPoint', 'bt.ind.FibonacciPivotPoint(d1)'),
    ('FibonacciPivotPoint_p', 'bt.ind.FibonacciPivotPoint(d1, level1=0.5, open=True)'),
]

#: built together with exactbars=1 (bar by bar, buffers bounded): upstream's
#: bounded buffers make look-backs past their size wrap around, which some
#: of these read (their values then differ from the unbounded run)
BOUNDED_SPECS = [
    ('EMA_1', 'bt.ind.EMA(d, period=1)'),
    ('SMMA_1', 'bt.ind.SMMA(d, period=1)'),
    ('ExpSmoothing_1', 'bt.ind.ExponentialSmoothing(d, period=1)'),
    ('Accum', 'bt.ind.Accum(d)'),
    ('KAMA_1', 'bt.ind.KAMA(d, period=1)'),
    ('ZLInd', 'bt.ind.ZLInd(d, period=10)'),
    ('DMA', 'bt.ind.DMA(d, period=10)'),
    ('Ichimoku', 'bt.ind.Ichimoku(d, tenkan=5, kijun=10, senkou=20, '
                 'senkou_lead=10, chikou=10)'),
    ('HeikinAshi', 'bt.ind.HeikinAshi(d)'),
    ('haDelta', 'bt.ind.haDelta(d)'),
    ('PSAR', 'bt.ind.PSAR(d)'),
    ('LRSI', 'bt.ind.LRSI(d)'),
    ('WilliamsAD', 'bt.ind.WilliamsAD(d)'),
    ('Fractal', 'bt.studies.Fractal(d)'),
    ('Fractal_2', 'bt.studies.Fractal(d, period=2, shift_to_potential_fractal=1)'),
    ('TrixSignal', 'bt.ind.TrixSignal(d, period=5, sigperiod=4)'),
]

#: built on a weekly replay of the daily 2006 data: every daily update of
#: the week's bar computes the current bar again
REPLAY_SPECS = [
    ('PSAR', 'bt.ind.PSAR(d)'),
    ('PSAR_4', 'bt.ind.PSAR(d, period=4)'),
    ('LRSI', 'bt.ind.LRSI(d)'),
    ('LAGF', 'bt.ind.LAGF(d)'),
    ('ZLInd', 'bt.ind.ZLInd(d, period=5)'),
    ('HeikinAshi', 'bt.ind.HeikinAshi(d)'),
    ('Fractal', 'bt.studies.Fractal(d)'),
    ('KAMA', 'bt.ind.KAMA(d, period=5)'),
    ('WilliamsAD', 'bt.ind.WilliamsAD(d)'),
    ('Ichimoku', 'bt.ind.Ichimoku(d, tenkan=2, kijun=3, senkou=4, '
                 'senkou_lead=2, chikou=3)'),
    ('Hurst', 'bt.ind.Hurst(d, period=20)'),
    ('ADXR', 'bt.ind.ADXR(d, period=3)'),
]
