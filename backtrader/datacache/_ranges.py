"""Arithmetic on inclusive integer ranges ``(first_ms, last_ms)``: the
language of coverage ("every bar opening in this range has been fetched")
and of the gaps still to fetch."""
from __future__ import annotations

from typing import Iterable

__all__ = ['merge', 'subtract', 'clip', 'snap']


def merge(ranges: Iterable) -> list:
    """Sorted, with overlapping and touching ranges joined."""
    out: list = []
    for first, last in sorted((int(a), int(b)) for a, b in ranges if a <= b):
        if out and first <= out[-1][1] + 1:
            if last > out[-1][1]:
                out[-1] = (out[-1][0], last)
        else:
            out.append((first, last))
    return out


def subtract(first: int, last: int, covered: Iterable) -> list:
    """The parts of ``[first, last]`` outside every range of ``covered``."""
    out: list = []
    cursor = first
    for a, b in merge(covered):
        if b < cursor:
            continue
        if a > last:
            break
        if a > cursor:
            out.append((cursor, a - 1))
        cursor = max(cursor, b + 1)
        if cursor > last:
            return out
    if cursor <= last:
        out.append((cursor, last))
    return out


def clip(ranges: Iterable, first: int, last: int) -> list:
    """Each range cut to ``[first, last]``; empty ones dropped."""
    return merge((max(a, first), min(b, last)) for a, b in ranges
                 if b >= first and a <= last)


def snap(ranges: Iterable, step: int, offset: int = 0) -> list:
    """Ranges shrunk to the bar grid ``offset + k * step``: a range holding
    no grid point (so no bar can open inside it) is dropped."""
    out = []
    for a, b in ranges:
        lo = a + (-(a - offset)) % step
        hi = b - (b - offset) % step
        if lo <= hi:
            out.append((lo, hi))
    return out
