"""Studies contributed to upstream backtrader."""
from . import fractal  # noqa: F401
