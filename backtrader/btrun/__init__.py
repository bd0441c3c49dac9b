"""The ``btrun`` console command (``backtrader.btrun.btrun``).

``from backtrader.btrun import btrun`` gives the entry-point function, as
upstream's console script expects.
"""
from __future__ import (absolute_import, division, print_function,  # noqa: F401
                        unicode_literals)

from .btrun import btrun  # noqa: F401
