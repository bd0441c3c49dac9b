"""Indicators contributed to upstream backtrader (``bt.indicators``
re-exports them)."""
from . import vortex  # noqa: F401
