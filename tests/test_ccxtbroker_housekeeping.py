"""CCXTBroker's bookkeeping over a long run, without an exchange: ended
orders beyond ``keep_orders`` are forgotten, live and linked ones never."""
from __future__ import annotations

import pytest

pytest.importorskip('ccxt', reason='ccxt (optional, backtrader[live]) not installed')

import backtrader as bt  # noqa: E402


class _Order:
    def __init__(self, ref: int, alive: bool) -> None:
        self.ref, self._alive = ref, alive

    def alive(self) -> bool:
        return self._alive


@pytest.fixture
def broker():
    store = bt.stores.CCXTStore(exchange='binance', config={'apiKey': 'k' * 8})
    brk = store.getbroker(keep_orders=10)
    yield brk
    store.stop()


def test_ended_orders_beyond_keep_are_forgotten_live_and_linked_ones_kept(broker):
    for ref in range(300):
        broker.orders[ref] = _Order(ref, alive=(ref % 50 == 0))
    broker._waiting[1] = []          # a parent still holding its children
    broker._forget_ended()
    refs = list(broker.orders)
    ended = [r for r in refs if not broker.orders[r].alive() and r != 1]
    assert ended == list(range(290, 300))
    assert 1 in refs
    assert all(r in refs for r in range(0, 300, 50))


def test_nothing_is_forgotten_below_the_batch_or_with_keep_none(broker):
    for ref in range(105):
        broker.orders[ref] = _Order(ref, alive=False)
    broker._forget_ended()
    assert len(broker.orders) == 105       # 10 kept + a batch of 100 allowed
    broker.p.keep_orders = None
    for ref in range(105, 400):
        broker.orders[ref] = _Order(ref, alive=False)
    broker._forget_ended()
    assert len(broker.orders) == 400
