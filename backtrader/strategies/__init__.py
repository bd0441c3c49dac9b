"""Ready-made strategies (``bt.strategies``).

Upstream ships one sample strategy here, the moving-average cross-over, which
the ``btrun`` console command finds by name (``--strategy :SMA_CrossOver``).
"""
from __future__ import (absolute_import, division, print_function,  # noqa: F401
                        unicode_literals)

from .sma_crossover import *  # noqa: F401,F403
