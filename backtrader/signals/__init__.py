"""Home for ready-made signals (``bt.signals``).

Upstream backtrader ships this package empty; it is kept so that
``import backtrader.signals`` and ``bt.signals`` work the same way.
"""
