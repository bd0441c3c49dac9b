"""Numeric kernels behind the indicators' batch (``once``) computations.

Every kernel returns, bit for bit, what the per-bar Python formula would
give, because results must match upstream's to the last bit (a flipped last
bit can flip a crossover on flat prices):

* window sums are *correctly rounded* like ``math.fsum`` (not ``np.sum`` or a
  cumulative-sum difference): a vectorised double-double accumulation whose
  result is provably exact is used, and the rare windows where it cannot
  prove it are summed again with ``math.fsum``;
* ``max``/``min`` follow Python's builtins (first of equal values, NaN
  handling) and fall back to Python loops on inputs where numpy may differ
  (NaN, negative zero);
* powers use Python's ``pow`` (numpy's SIMD ``power`` differs in the last bit);
* divisions raise ZeroDivisionError where Python would.
"""
from __future__ import annotations

import math
from itertools import repeat

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

__all__ = ['window_fsum', 'window_max', 'window_min', 'window_argext',
           'window_any', 'window_all', 'smooth', 'smooth_dynamic', 'py_pow',
           'check_divisor', 'py_max2', 'py_min2', 'has_nan_or_negzero']

_DIVZERO = 'float division by zero'


def check_divisor(b: np.ndarray) -> None:
    """Raise like Python's ``x / 0.0`` when any divisor is zero."""
    if np.any(b == 0.0):
        raise ZeroDivisionError(_DIVZERO)


def has_nan_or_negzero(x: np.ndarray) -> bool:
    """Inputs on which numpy's max/min may differ from Python's builtins."""
    return bool(np.isnan(x).any() or (np.signbit(x) & (x == 0.0)).any())


def _two_sum(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``s + e == a + b`` exactly, with ``s`` the rounded sum (Knuth)."""
    s = a + b
    bb = s - a
    return s, (a - (s - bb)) + (b - bb)


def window_fsum(x: np.ndarray, period: int,
                weights: np.ndarray | None = None) -> np.ndarray:
    """``math.fsum`` of every window of ``period`` values (of the products
    ``x[i + j] * weights[j]`` when weights are given); one result per window.

    The sum of each window is kept as an unevaluated pair ``hi + lo`` where
    ``hi`` is the running rounded sum and ``lo`` collects the rounding errors
    (exactly, as long as adding the errors does not round itself, which is
    tracked in ``lost``).  With ``lost == 0`` the exact sum is ``hi + lo`` and
    one IEEE addition rounds it correctly.  Otherwise the residual is checked
    against half an ulp with a bound on what was lost; windows that still
    cannot be decided (and non-finite ones) go through ``math.fsum``.
    """
    n = len(x) - period + 1
    if n <= 0:
        return np.empty(0)
    win = sliding_window_view(x, period)
    if weights is not None:
        weights = np.asarray(weights, dtype=float)
    with np.errstate(all='ignore'):
        hi = win[:, 0] * weights[0] if weights is not None else win[:, 0] + 0.0
        lo = np.zeros(n)
        lost = np.zeros(n)
        for j in range(1, period):
            col = win[:, j] * weights[j] if weights is not None else win[:, j]
            hi, err = _two_sum(hi, col)
            lo, err2 = _two_sum(lo, err)
            lost += np.abs(err2)
        res = hi + lo
        resid = (hi - res) + lo
        half = np.spacing(np.nextafter(np.abs(res), 0.0)) * 0.5
        decided = ((np.abs(resid) * (1.0 + 2.0 ** -50) + lost < half)
                   & (np.abs(lo) <= np.abs(hi) * 2.0 ** -20))
        ok = ((lost == 0.0) | decided) & np.isfinite(res)
    res[res == 0.0] = 0.0  # fsum never returns -0.0
    undecided = np.flatnonzero(~ok)
    if len(undecided):
        fsum = math.fsum
        wl = weights.tolist() if weights is not None else None
        for i in undecided.tolist():
            vals = x[i:i + period].tolist()
            if wl is not None:
                vals = [a * b for a, b in zip(vals, wl)]
            res[i] = fsum(vals)
    return res


def _loop_windows(x: np.ndarray, period: int, func) -> np.ndarray:
    vals = x.tolist()
    return np.array([func(vals[i:i + period]) for i in range(len(vals) - period + 1)],
                    dtype=float)


def window_max(x: np.ndarray, period: int) -> np.ndarray:
    """Python's ``max`` over every window."""
    if len(x) < period:
        return np.empty(0)
    if has_nan_or_negzero(x):
        return _loop_windows(x, period, max)
    return sliding_window_view(x, period).max(axis=1)


def window_min(x: np.ndarray, period: int) -> np.ndarray:
    """Python's ``min`` over every window."""
    if len(x) < period:
        return np.empty(0)
    if has_nan_or_negzero(x):
        return _loop_windows(x, period, min)
    return sliding_window_view(x, period).min(axis=1)


def _py_argext(func, first: bool):
    def calc(vals):
        m = func(vals)
        if first:
            return float(vals[::-1].index(m))
        return float(len(vals) - 1 - vals.index(m))
    return calc


def window_argext(x: np.ndarray, period: int, highest: bool, first: bool) -> np.ndarray:
    """How many bars ago the window's extreme value is: the most recent one
    (``first``) or the oldest one, as floats."""
    if len(x) < period:
        return np.empty(0)
    if has_nan_or_negzero(x):
        return _loop_windows(x, period, _py_argext(max if highest else min, first))
    win = sliding_window_view(x, period)
    if first:
        win = win[:, ::-1]
    pos = win.argmax(axis=1) if highest else win.argmin(axis=1)
    if first:
        return pos.astype(float)
    return (period - 1 - pos).astype(float)


def window_any(x: np.ndarray, period: int) -> np.ndarray:
    """``any`` over every window (NaN counts as true, as in Python)."""
    if len(x) < period:
        return np.empty(0)
    return (sliding_window_view(x, period) != 0.0).any(axis=1).astype(float)


def window_all(x: np.ndarray, period: int) -> np.ndarray:
    """``all`` over every window (NaN counts as true, as in Python)."""
    if len(x) < period:
        return np.empty(0)
    return (sliding_window_view(x, period) != 0.0).all(axis=1).astype(float)


def smooth(dst, src, start: int, end: int, alpha: float, alpha1: float) -> None:
    """``dst[i] = dst[i - 1] * alpha1 + src[i] * alpha`` for i in [start, end),
    in place on array.array buffers (a true recursion: a tight float loop)."""
    if end <= start:
        return
    prev = dst[start - 1]
    for i in range(start, end):
        prev = prev * alpha1 + src[i] * alpha
        dst[i] = prev


def smooth_dynamic(dst, src, alphas, start: int, end: int) -> None:
    """Like :func:`smooth` with a per-bar smoothing factor."""
    if end <= start:
        return
    prev = dst[start - 1]
    for i in range(start, end):
        a = alphas[i]
        prev = prev * (1.0 - a) + src[i] * a
        dst[i] = prev


def py_pow(x: np.ndarray, exponent: float) -> np.ndarray:
    """``v ** exponent`` with Python's float pow for every value."""
    return np.array(list(map(pow, x.tolist(), repeat(exponent))), dtype=float)


def py_max2(a: np.ndarray, b) -> np.ndarray:
    """Python's ``max(a, b)`` elementwise: ``a`` unless ``b > a``."""
    return np.where(b > a, b, a)


def py_min2(a: np.ndarray, b) -> np.ndarray:
    """Python's ``min(a, b)`` elementwise: ``a`` unless ``b < a``."""
    return np.where(b < a, b, a)
