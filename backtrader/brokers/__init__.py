"""Brokers: ``BackBroker`` (alias ``BrokerBack``) simulates order execution
for backtesting; ``CCXTBroker`` trades live through ccxt.

Upstream's venues: ``VCBroker`` (VisualChart, Windows only) is always
here; ``IBBroker`` and ``OandaBroker`` only when their library (IbPy2's
``ib``, ``oandapy``) is installed, as upstream (this build does not
trade through them).
"""
from __future__ import absolute_import, division, print_function, unicode_literals

from .bbroker import BackBroker, BrokerBack

__all__ = ['BackBroker', 'BrokerBack', 'VCBroker']
from .ccxtbroker import CCXTBroker  # noqa: F401,E402
from .vcbroker import VCBroker  # noqa: F401,E402

from ..stores._unported import export_if_installed  # noqa: E402

# without IbPy2 / oandapy no IBBroker / OandaBroker, as upstream
export_if_installed(globals(), {'ibbroker': ('IBBroker', 'ib'),
                                'oandabroker': ('OandaBroker', 'oandapy')})
