"""The numeric kernels return exactly what the per-bar Python formulas do.

These are the places where a vectorised result could silently differ from
upstream's per-bar arithmetic in the last bit: window sums (math.fsum),
Python's max/min semantics with NaN and signed zeros, and pow.
"""
from __future__ import annotations

import math
import random

import numpy as np
import pytest

from backtrader.indicators import _kernels as K


def _fsum_windows(vals, period, weights=None):
    out = []
    for i in range(len(vals) - period + 1):
        window = vals[i:i + period]
        if weights is not None:
            window = [a * b for a, b in zip(window, weights)]
        out.append(math.fsum(window))
    return out


def _same_bits(a, b):
    return [repr(x) for x in a] == [repr(y) for y in b]


def _series(kind, n=3000, seed=7):
    rnd = random.Random(seed)
    if kind == 'prices':
        return [round(rnd.uniform(90, 110), 2) for _ in range(n)]
    if kind == 'tiny':
        return [round(rnd.uniform(0.0015, 0.0017), 8) for _ in range(n)]
    if kind == 'wide':
        return [rnd.uniform(-1, 1) * 10.0 ** rnd.randint(-30, 30) for _ in range(n)]
    if kind == 'huge':
        return [rnd.uniform(-1, 1) * 10.0 ** rnd.randint(-300, 300) for _ in range(n)]
    if kind == 'ties':
        return [rnd.choice([1.0, 2.0 ** -53, 2.0 ** -54, -2.0 ** -53, 3 * 2.0 ** -54,
                            2.0 ** 53, 1.5, 0.1, 0.2, 0.3]) for _ in range(n)]
    if kind == 'subnormal':
        return [rnd.uniform(-1, 1) * 2.0 ** rnd.randint(-1074, -1000) for _ in range(n)]
    if kind == 'zeros':
        return [rnd.choice([0.0, -0.0, 0.0, 1.0, -1.0]) for _ in range(n)]
    raise ValueError(kind)


KINDS = ('prices', 'tiny', 'wide', 'huge', 'ties', 'subnormal', 'zeros')


@pytest.mark.parametrize('kind', KINDS)
@pytest.mark.parametrize('period', [1, 2, 3, 14, 30])
def test_window_fsum_is_math_fsum(kind, period):
    vals = _series(kind)
    got = K.window_fsum(np.array(vals), period).tolist()
    assert _same_bits(got, _fsum_windows(vals, period))


@pytest.mark.parametrize('kind', ('prices', 'wide', 'ties'))
def test_weighted_window_fsum_is_fsum_of_products(kind):
    vals = _series(kind, n=1000)
    weights = [float(i) for i in range(1, 11)]
    got = K.window_fsum(np.array(vals), 10, np.array(weights)).tolist()
    assert _same_bits(got, _fsum_windows(vals, 10, weights))


def test_window_fsum_special_values():
    nan, inf = float('nan'), float('inf')
    got = K.window_fsum(np.array([1.0, nan, 2.0, 3.0, inf, 4.0]), 2).tolist()
    assert math.isnan(got[0]) and math.isnan(got[1])
    assert got[2] == 5.0 and got[3] == inf and got[4] == inf
    # a zero sum is +0.0, as math.fsum gives
    assert repr(K.window_fsum(np.array([-0.0, -0.0]), 2).tolist()[0]) == '0.0'
    with pytest.raises(ValueError):
        K.window_fsum(np.array([inf, -inf]), 2)
    with pytest.raises(OverflowError):
        K.window_fsum(np.array([1e308, 1e308, -1e308]), 3)
    assert len(K.window_fsum(np.array([1.0]), 3)) == 0


def test_window_max_min_follow_python_builtins():
    nan = float('nan')
    vals = [1.0, nan, 3.0, 2.0, -0.0, 0.0, -0.0, nan, 5.0, 1.0]
    for period in (1, 2, 3, 4):
        want_max = [max(vals[i:i + period]) for i in range(len(vals) - period + 1)]
        want_min = [min(vals[i:i + period]) for i in range(len(vals) - period + 1)]
        assert _same_bits(K.window_max(np.array(vals), period).tolist(), want_max)
        assert _same_bits(K.window_min(np.array(vals), period).tolist(), want_min)
    prices = _series('prices', n=500)
    assert K.window_max(np.array(prices), 7).tolist() == [
        max(prices[i:i + 7]) for i in range(len(prices) - 6)]


@pytest.mark.parametrize('highest', [True, False])
@pytest.mark.parametrize('first', [True, False])
def test_window_argext_positions(highest, first):
    rnd = random.Random(3)
    vals = [float(rnd.randint(0, 4)) for _ in range(400)]  # many equal values
    func = max if highest else min
    want = []
    for i in range(len(vals) - 5):
        window = vals[i:i + 6]
        target = func(window)
        if first:
            want.append(float(window[::-1].index(target)))
        else:
            want.append(float(len(window) - 1 - window.index(target)))
    got = K.window_argext(np.array(vals), 6, highest, first).tolist()
    assert got == want


def test_window_any_all_treat_nan_as_true():
    nan = float('nan')
    vals = np.array([0.0, nan, 0.0, 0.0, 1.0, 1.0])
    assert K.window_any(vals, 2).tolist() == [1.0, 1.0, 0.0, 1.0, 1.0]
    assert K.window_all(vals, 2).tolist() == [0.0, 0.0, 0.0, 0.0, 1.0]


def test_py_pow_matches_python_where_numpy_may_not():
    vals = _series('prices', n=5000) + _series('tiny', n=5000)
    for exponent in (2.0, 0.5):
        got = K.py_pow(np.array(vals), exponent).tolist()
        assert got == [v ** exponent for v in vals]
    with pytest.raises(TypeError):  # Python gives a complex: cannot be stored
        K.py_pow(np.array([-1.0]), 0.5)


def test_smooth_is_the_per_bar_recursion():
    import array
    vals = _series('prices', n=300)
    src = array.array('d', vals)
    dst = array.array('d', [float('nan')] * 300)
    dst[9] = math.fsum(vals[:10]) / 10
    alpha = 2.0 / 11.0
    K.smooth(dst, src, 10, 300, alpha, 1.0 - alpha)
    prev = dst[9]
    for i in range(10, 300):
        prev = prev * (1.0 - alpha) + vals[i] * alpha
        assert dst[i] == prev


def test_max2_min2_keep_first_argument_on_ties_and_nan():
    nan = float('nan')
    a = np.array([1.0, nan, -0.0, 0.0, 2.0])
    b = np.array([2.0, 1.0, 0.0, -0.0, nan])
    assert _same_bits(K.py_max2(a, b).tolist(), [max(x, y) for x, y in zip(a.tolist(), b.tolist())])
    assert _same_bits(K.py_min2(a, b).tolist(), [min(x, y) for x, y in zip(a.tolist(), b.tolist())])


def test_check_divisor_raises_like_python():
    with pytest.raises(ZeroDivisionError, match='float division by zero'):
        K.check_divisor(np.array([1.0, 0.0]))
    K.check_divisor(np.array([1.0, float('nan')]))
