"""Studies: indicators that mark patterns rather than compute a series
(``bt.studies``)."""
from ..indicator import Indicator  # noqa: F401

from . import contrib  # noqa: F401
from .contrib.fractal import *  # noqa: F401,F403
