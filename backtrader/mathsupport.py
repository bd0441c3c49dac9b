"""Small statistics helpers used by the analyzers.

They work on plain Python sequences of floats (a few hundred values at
most: one per period), where ``math.fsum`` gives a correctly rounded sum
and avoids importing numpy for a handful of numbers.
"""
from __future__ import annotations

import math
from typing import Optional, Sequence

__all__ = ['average', 'variance', 'standarddev']


def average(x: Sequence[float], bessel: bool = False) -> float:
    """Arithmetic mean of ``x``; with ``bessel`` the divisor is ``len(x) - 1``.

    Raises ZeroDivisionError for an empty sequence (or a single value with
    ``bessel``), which callers such as SharpeRatio rely on.
    """
    return math.fsum(x) / (len(x) - bessel)


def variance(x: Sequence[float], avgx: Optional[float] = None) -> list:
    """Squared deviations of each value of ``x`` from ``avgx``.

    ``avgx`` defaults to the mean of ``x``.  The result is a list (not a
    number): its mean is the variance.
    """
    if avgx is None:
        avgx = average(x)
    return [pow(value - avgx, 2.0) for value in x]


def standarddev(x: Sequence[float], avgx: Optional[float] = None,
                bessel: bool = False) -> float:
    """Standard deviation of ``x`` (population, or sample with ``bessel``)."""
    return math.sqrt(average(variance(x, avgx), bessel=bessel))
