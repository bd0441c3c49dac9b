"""Position arithmetic (expected tuples observed with upstream backtrader
1.9.78.123's ``Position`` for the same calls)."""
import datetime

from backtrader.position import Position


def test_new_position():
    p = Position(10, 5.0)
    assert (p.size, p.price, p.price_orig, p.upopened, p.upclosed, p.adjbase, p.updt) == \
        (10, 5.0, 5.0, 0, 0, None, None)
    flat = Position()
    assert (flat.size, flat.price, flat.price_orig, flat.upopened, flat.upclosed) == (0, 0.0, 0.0, 0, 0)
    assert Position(0, 100.0).price == 0.0
    assert not hasattr(Position(), 'datetime')


def test_str():
    assert str(Position(-5, 3)).splitlines() == [
        '--- Position Begin', '- Size: -5', '- Price: 3', '- Price orig: 3',
        '- Closed: 0', '- Opened: 0', '- Adjbase: None', '--- Position End']


def test_update_sequence():
    p = Position(10, 5.0)
    assert p.update(5, 7.0) == (15, 5.666666666666667, 5, 0)
    assert p.price_orig == 5.0
    assert p.update(-20, 8.0) == (-5, 8.0, -5, -15)      # reversal long -> short
    assert p.update(10, 9.0) == (5, 9.0, 5, 5)           # reversal short -> long
    assert p.update(-5, 9.0, None) == (0, 0.0, 0, -5)    # closed
    assert (p.upopened, p.upclosed) == (0, -5)


def test_update_reduce_and_add():
    p = Position(10, 100.0)
    assert p.update(-4, 120.0) == (6, 100.0, 0, -4)
    s = Position(-10, 100.0)
    assert s.update(4, 120.0) == (-6, 100.0, 0, 4)
    assert s.update(-2, 90.0) == (-8, 97.5, -2, 0)
    assert Position(-10, 100.0).update(15, 120.0) == (5, 120.0, 5, 10)


def test_zero_size_update_keeps_short_price():
    p = Position(-3, 1.1)
    assert p.update(0, 50.0) == (-3, 1.1, 0, 0)


def test_update_records_datetime():
    p = Position()
    p.update(1, 2.0, datetime.datetime(2020, 1, 1))
    assert p.datetime == datetime.datetime(2020, 1, 1) and p.updt is None


def test_set():
    cases = [((10, 1.0), (15, 2.0), (15, 2.0, 5, 0)),
             ((10, 1.0), (-5, 2.0), (-5, 2.0, -5, 10)),
             ((-10, 1.0), (-15, 2.0), (-15, 2.0, -5, 0)),
             ((-10, 1.0), (5, 2.0), (5, 2.0, 5, -10)),
             ((-10, 1.0), (0, 2.0), (0, 0.0, 0, -10))]
    for start, args, expected in cases:
        p = Position(*start)
        assert p.set(*args) == expected
        assert (p.upopened, p.upclosed, p.price_orig) == (expected[2], expected[3], 1.0)


def test_fix_clone_pseudoupdate():
    p = Position(3, 1.0)
    assert p.fix(3, 2.0) is True and (p.size, p.price, p.price_orig) == (3, 2.0, 1.0)
    assert Position(3, 1.0).fix(5, 2.0) is False
    p = Position(7, 2.0)
    assert p.pseudoupdate(3, 1.0) == (10, 1.7, 3, 0)
    assert (p.size, p.price) == (7, 2.0)
    c = p.clone()
    assert c is not p and (c.size, c.price) == (7, 2.0)


def test_len_bool():
    assert len(Position(-4, 1)) == 4
    assert not Position() and Position(1, 1.0)
