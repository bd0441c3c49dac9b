"""Home for ready-made signals (``bt.signals``).

Upstream backtrader ships this package empty; it is kept so that
``import backtrader.signals`` and ``bt.signals`` work the same way.
"""
from __future__ import absolute_import, division, print_function, unicode_literals
