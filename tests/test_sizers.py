"""Sizers (expected sizes observed with upstream backtrader 1.9.78.123 on a
strategy with 10000 cash, close 102 then 108, buying each bar)."""
import pytest

from backtrader.brokers.bbroker import BackBroker
from backtrader.sizer import Sizer, SizerBase
from backtrader import sizers

from _broker_fakes import FakeData, FakeStrategy

BARS = [(100, 105, 95, 102), (103, 110, 101, 108), (107, 109, 90, 91)]


@pytest.fixture
def env():
    broker = BackBroker()
    broker.start()
    data = FakeData(BARS)
    data.idx = 0
    strat = FakeStrategy(broker, [data])
    return broker, data, strat


def make(cls, env, **kw):
    broker, _, strat = env
    sizer = cls(**kw)
    sizer.set(strat, broker)
    return sizer


def test_base():
    assert SizerBase is Sizer
    s = Sizer()
    assert (s.strategy, s.broker) == (None, None)
    with pytest.raises(NotImplementedError):
        s._getsizing(None, 0.0, None, True)


def test_names_and_params():
    assert sizers.SizerFix is sizers.FixedSize
    assert sizers.FixedSize.params._gettuple() == (('stake', 1), ('tranches', 1))
    assert sizers.FixedReverser.params._gettuple() == (('stake', 1),)
    assert sizers.PercentSizer.params._gettuple() == (('percents', 20), ('retint', False))
    assert sizers.AllInSizer.params._gettuple() == (('percents', 100), ('retint', False))
    assert sizers.PercentSizerInt.params._gettuple() == (('percents', 20), ('retint', True))
    assert sizers.AllInSizerInt.params._gettuple() == (('percents', 100), ('retint', True))


def test_fixed_size(env):
    _, data, _ = env
    assert make(sizers.FixedSize, env).getsizing(data, True) == 1
    assert make(sizers.FixedSize, env, stake=7, tranches=3).getsizing(data, False) == 2
    s = make(sizers.FixedSize, env, stake=10, tranches=3)
    s.setsizing(5)
    assert s.p.stake == 3
    s = make(sizers.FixedSize, env, stake=10)
    s.setsizing(5)
    assert s.p.stake == 5


def test_fixed_reverser(env):
    broker, data, strat = env
    s = make(sizers.FixedReverser, env, stake=3)
    assert s.getsizing(data, True) == 3
    broker.getposition(data).update(3, 100.0)
    assert s.getsizing(data, True) == 6


def test_fixed_size_target(env):
    broker, data, strat = env
    s = make(sizers.FixedSizeTarget, env, stake=7, tranches=3)
    assert s.getsizing(data, True) == 2
    broker.getposition(data).update(2, 100.0)
    assert s.getsizing(data, True) == 4
    broker.getposition(data).update(4, 100.0)
    assert s.getsizing(data, True) == 7
    s.setsizing(1)
    assert s.p.stake == 7
    s = make(sizers.FixedSizeTarget, env, stake=7)
    s.setsizing(4)
    assert s.p.stake == 4 and s.getsizing(data, True) == 4


def test_percent_sizers(env):
    broker, data, _ = env
    assert make(sizers.PercentSizer, env).getsizing(data, True) == 19.607843137254903
    assert make(sizers.AllInSizer, env).getsizing(data, True) == 98.03921568627452
    assert make(sizers.PercentSizerInt, env, percents=33).getsizing(data, True) == 32
    assert make(sizers.AllInSizerInt, env).getsizing(data, False) == 98
    data.idx = 1
    broker.set_cash(9000.0)
    assert make(sizers.AllInSizerInt, env).getsizing(data, True) == 83
    # with a position open, the size of the position is returned
    broker.getposition(data).update(19.607843137254903, 103.0)
    assert make(sizers.PercentSizer, env).getsizing(data, True) == 19.607843137254903
    assert make(sizers.PercentSizerInt, env).getsizing(data, True) == 19
