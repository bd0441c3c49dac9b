"""Brokers: ``BackBroker`` (alias ``BrokerBack``) simulates order execution
for backtesting."""
from .bbroker import BackBroker, BrokerBack

__all__ = ['BackBroker', 'BrokerBack']
from .ccxtbroker import CCXTBroker  # noqa: F401,E402
