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

try:
    from .ibbroker import IBBroker  # noqa: F401
    __all__.append('IBBroker')
except ModuleNotFoundError as exc:  # no IbPy2: no IBBroker, as upstream
    if exc.name != 'ib':
        raise

try:
    from .oandabroker import OandaBroker  # noqa: F401
    __all__.append('OandaBroker')
except ModuleNotFoundError as exc:  # no oandapy: no OandaBroker, as upstream
    if exc.name != 'oandapy':
        raise
