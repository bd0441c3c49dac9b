"""Studies: indicators that mark patterns rather than compute a series
(``bt.studies``)."""
from __future__ import absolute_import, division, print_function, unicode_literals

from ..indicator import Indicator  # noqa: F401

from . import contrib  # noqa: F401
from .contrib.fractal import *  # noqa: F401,F403
