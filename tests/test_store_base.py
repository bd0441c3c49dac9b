"""Unit tests of what every live store shares: the retry table and
backoff policy (``stores/_retry.py``), the weight limiter
(``stores/_ratelimit.py``) and ``LiveStore`` (``stores/base.py``).

Pure and offline: the limiter runs on a fake clock whose sleep advances
it, stores use millisecond backoffs, and the only real waits are a few
tens of milliseconds where a thread has to cut a wait short.
"""
import pickle
import threading
import time
import traceback

import pytest

ccxt = pytest.importorskip('ccxt', reason='ccxt is an optional dependency (live extras)')

from backtrader.stores._ratelimit import (  # noqa: E402
    WeightLimiter, declared_limit, limit_from_exchange)
from backtrader.stores._retry import RetryPolicy, classify, retry_after  # noqa: E402
from backtrader.stores.base import LiveStore, StoreError, redact_config  # noqa: E402

KEY, SECRET = 'key-ABCD-1234', 'S3cr3t-value-xyz'


# --- helpers ------------------------------------------------------------------------
class FakeClock:
    """A clock and a sleep that advances it (records every sleep)."""

    def __init__(self, start: float) -> None:
        self.now = start
        self.sleeps = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


class DemoStore(LiveStore):
    """The smallest live store: a config whose secrets it keeps, and
    response headers the test sets."""

    params = (('config', None),)

    def __init__(self) -> None:
        super().__init__()
        self.p.config = self._keep_secrets(self.p.config)
        self.headers = {}

    def _headers(self) -> dict:
        return dict(self.headers)


class Flaky:
    """Raises ``errors`` one after the other, then returns ``result``."""

    def __init__(self, *errors, result='ok'):
        self.errors = list(errors)
        self.result = result
        self.calls = 0
        self.seen = []

    def __call__(self, *args, **kwargs):
        self.calls += 1
        self.seen.append((args, kwargs))
        if self.errors:
            raise self.errors.pop(0)
        return self.result


class Always:
    """Raises the same error on every call."""

    def __init__(self, error):
        self.error = error
        self.calls = 0

    def __call__(self):
        self.calls += 1
        raise self.error


@pytest.fixture
def make_store():
    """A factory of fresh ``DemoStore`` instances (the class is a
    singleton: its registry is cleared before each one and at the end)."""
    made = []

    def make(**kwargs):
        DemoStore._forget()
        params = dict(config={'apiKey': KEY, 'secret': SECRET, 'timeout': 5},
                      retry_base=0.001, retry_cap=0.002)
        params.update(kwargs)
        store = DemoStore(**params)
        made.append(store)
        return store

    yield make
    for store in made:
        store.join_threads(timeout=1.0)
    DemoStore._forget()


@pytest.fixture
def store(make_store):
    s = make_store()
    assert s.calls == 0 and s.get_notifications() == []    # a fresh instance
    return s


# --- classify ---------------------------------------------------------------------------
@pytest.mark.parametrize('exc, action', [
    (ccxt.NetworkError('down'), 'retry'),
    (ccxt.RequestTimeout('slow'), 'retry'),
    (ccxt.DDoSProtection('429'), 'retry'),
    (ccxt.RateLimitExceeded('429'), 'retry'),
    (ccxt.ExchangeNotAvailable('503'), 'retry'),
    (ccxt.OnMaintenance('maint'), 'retry'),
    (ccxt.InsufficientFunds('poor'), 'reject'),
    (ccxt.InvalidOrder('bad'), 'reject'),
    (ccxt.OrderNotFound('gone'), 'reject'),
    (ccxt.BadSymbol('XXX/YYY'), 'reject'),
    (ccxt.ExchangeError('other'), 'reject'),
    (ccxt.AuthenticationError('keys'), 'fail'),
    (ccxt.PermissionDenied('no'), 'fail'),
    (ccxt.NotSupported('no'), 'fail'),
    (ccxt.BaseError('?'), 'fail'),
    (ValueError('not ccxt'), 'fail'),
    (KeyError('x'), 'fail'),
])
def test_classify_maps_ccxt_classes_to_actions(exc, action):
    assert classify(exc) == action


def test_classify_most_specific_class_wins():
    # InsufficientFunds/AuthenticationError are ExchangeError subclasses,
    # RequestTimeout a NetworkError: the class itself decides, not a parent
    assert issubclass(ccxt.InsufficientFunds, ccxt.ExchangeError)
    assert issubclass(ccxt.AuthenticationError, ccxt.ExchangeError)
    assert issubclass(ccxt.RequestTimeout, ccxt.NetworkError)
    assert classify(ccxt.AuthenticationError('x')) == 'fail'
    assert classify(ccxt.ExchangeError('x')) == 'reject'

    class VenueTimeout(ccxt.RequestTimeout):     # unknown name: its parents decide
        pass

    class VenueAuth(ccxt.AuthenticationError):
        pass

    assert classify(VenueTimeout('x')) == 'retry'
    assert classify(VenueAuth('x')) == 'fail'


@pytest.mark.parametrize('exc, action', [
    (ccxt.NetworkError('x'), 'ambiguous'),
    (ccxt.RequestTimeout('x'), 'ambiguous'),
    (ccxt.ExchangeNotAvailable('x'), 'ambiguous'),
    (ccxt.InsufficientFunds('x'), 'reject'),
    (ccxt.InvalidOrder('x'), 'reject'),
    (ccxt.AuthenticationError('x'), 'fail'),
    (ValueError('x'), 'fail'),
])
def test_classify_while_sending_an_order(exc, action):
    assert classify(exc, sending_order=True) == action


# --- retry_after -------------------------------------------------------------------------
@pytest.mark.parametrize('headers, expected', [
    ({'Retry-After': '7'}, 7.0),
    ({'retry-after': 3}, 3.0),
    ({'RETRY-AFTER': '1.5', 'Other': 'x'}, 1.5),
    ({'Retry-After': '-5'}, 0.0),
    ({'Retry-After': 'soon'}, None),
    ({'Retry-After': None}, None),
    ({'Content-Type': 'json'}, None),
    ({}, None),
    (None, None),
])
def test_retry_after(headers, expected):
    got = retry_after(headers)
    assert got == expected
    if expected is not None:
        assert isinstance(got, float)


# --- RetryPolicy -----------------------------------------------------------------------
@pytest.mark.parametrize('kwargs', [
    dict(attempts=0), dict(attempts=-3), dict(base=0), dict(base=-1.0),
    dict(cap=0), dict(cap=-2.0),
])
def test_retry_policy_rejects_bad_arguments(kwargs):
    with pytest.raises(ValueError):
        RetryPolicy(**kwargs)


def test_retry_policy_delays_within_jitter_band():
    policy = RetryPolicy(attempts=12, base=0.25, cap=10.0, seed=1)
    for attempt in range(12):
        top = min(10.0, 0.25 * 2 ** attempt)
        for _ in range(20):
            wait = policy.delay(attempt)
            assert 0.5 * top <= wait <= top, (attempt, wait)
    # late attempts are capped
    assert all(policy.delay(20) <= 10.0 for _ in range(50))


def test_retry_policy_seeded_is_reproducible():
    first = RetryPolicy(seed=7)
    second = RetryPolicy(seed=7)
    other = RetryPolicy(seed=8)
    a = [first.delay(n) for n in range(5)]
    b = [second.delay(n) for n in range(5)]
    c = [other.delay(n) for n in range(5)]
    assert a == b
    assert a != c


def test_retry_policy_asked_wait_overrides_cap():
    policy = RetryPolicy(base=0.5, cap=1.0, seed=3)
    assert policy.delay(0, asked=30.0) == 30.0
    assert policy.delay(10, asked=30.0) == 30.0
    # a smaller ask does not shorten the backoff
    wait = policy.delay(3, asked=0.01)
    assert 0.5 <= wait <= 1.0
    assert 0.25 <= policy.delay(0, asked=None) <= 0.5


# --- WeightLimiter -----------------------------------------------------------------------
MINUTE0 = 60 * 1000.0       # the start of some wall-clock minute


def limiter_at(offset: float, limit: int = 100, safety: float = 0.9):
    clock = FakeClock(MINUTE0 + offset)
    return WeightLimiter(limit, safety, clock=clock, sleep=clock.sleep), clock


@pytest.mark.parametrize('limit, safety', [(0, 0.9), (-5, 0.9), (100, 0.0),
                                           (100, -0.1), (100, 1.01)])
def test_limiter_rejects_bad_arguments(limit, safety):
    with pytest.raises(ValueError):
        WeightLimiter(limit, safety)


def test_limiter_budget_is_limit_times_safety():
    lim, clock = limiter_at(10.0)
    lim.acquire(50)
    lim.acquire(40)                    # 90 == 100 * 0.9: still fits
    assert clock.sleeps == [] and lim.used == 90
    lim.acquire(1)                     # does not fit: next minute
    assert clock.sleeps == [pytest.approx(50.01)]
    assert int(clock.now // 60) == int(MINUTE0 // 60) + 1
    assert lim.used == 1               # the new minute only holds this call
    assert lim.waited == pytest.approx(50.01)


def test_limiter_safety_one_uses_the_whole_limit():
    lim, clock = limiter_at(0.0, limit=10, safety=1.0)
    for _ in range(10):
        lim.acquire(1)
    assert clock.sleeps == []
    lim.acquire(1)
    assert len(clock.sleeps) == 1


def test_limiter_minute_roll_resets_the_count():
    lim, clock = limiter_at(5.0)
    lim.acquire(90)
    clock.now += 60.0                  # same second, next minute
    lim.acquire(90)
    assert clock.sleeps == [] and lim.used == 90


def test_limiter_heavy_call_goes_out_alone_in_a_fresh_minute():
    lim, clock = limiter_at(1.0)
    lim.acquire(500)                   # heavier than the budget: never deadlocks
    assert clock.sleeps == [] and lim.used == 500
    lim.acquire(1)
    assert len(clock.sleeps) == 1


@pytest.mark.parametrize('name', ['X-MBX-USED-WEIGHT-1M', 'x-mbx-used-weight-1m',
                                  'X-Mbx-Used-Weight-1m'])
def test_limiter_observe_takes_the_exchange_figure(name):
    lim, clock = limiter_at(20.0)
    lim.acquire(5)
    lim.observe({name: '85', 'Content-Type': 'json'})
    assert lim.used == 85
    lim.acquire(5)                     # 90: fits
    assert clock.sleeps == []
    lim.acquire(1)
    assert len(clock.sleeps) == 1
    # the exchange may report less than we counted
    lim.observe({name: 3})
    assert lim.used == 3


@pytest.mark.parametrize('headers', [None, {}, {'x-mbx-used-weight-1m': 'lots'},
                                     {'x-mbx-used-weight-1m': None},
                                     {'x-mbx-used-weight-1s': '99'}])
def test_limiter_observe_ignores_missing_or_bad_headers(headers):
    lim, _ = limiter_at(0.0)
    lim.acquire(7)
    lim.observe(headers)
    assert lim.used == 7


def test_limiter_hold_blocks_until_then_and_counts():
    lim, clock = limiter_at(10.0)
    lim.hold(5.0)
    assert lim.backoffs == 1
    lim.acquire(1)
    assert clock.sleeps == [pytest.approx(5.0)]
    assert lim.used == 1
    lim.acquire(1)                     # the hold is over
    assert len(clock.sleeps) == 1


def test_limiter_hold_is_at_least_one_second_and_never_shortened():
    lim, clock = limiter_at(10.0)
    lim.hold(0.01)
    lim.acquire(1)
    assert sum(clock.sleeps) == pytest.approx(1.0)
    lim.hold(10.0)
    lim.hold(2.0)                      # a shorter hold keeps the longer one
    assert lim.backoffs == 3
    start = clock.now
    lim.acquire(1)
    assert clock.now - start == pytest.approx(10.0)


def test_limiter_acquire_returns_when_stop_is_set():
    lim, clock = limiter_at(10.0)
    lim.hold(3600.0)                   # would block an hour (real seconds with stop)
    stop = threading.Event()
    timer = threading.Timer(0.02, stop.set)
    timer.start()
    began = time.monotonic()
    try:
        granted = lim.acquire(1, stop=stop)
    finally:
        timer.cancel()
    assert granted is False
    assert time.monotonic() - began < 5.0
    assert stop.is_set()
    assert clock.sleeps == []          # waited on the event, not the sleep
    assert lim.used == 0               # nothing charged: it did not go out


def test_limiter_acquire_with_stop_set_and_budget_left_charges():
    lim, clock = limiter_at(0.0)
    stop = threading.Event()
    stop.set()
    assert lim.acquire(4, stop=stop) is True
    assert lim.used == 4 and clock.sleeps == []


# --- limit helpers -------------------------------------------------------------------------
class _Paced:
    def __init__(self, rate_limit):
        self.rateLimit = rate_limit


@pytest.mark.parametrize('exchange, expected', [
    (_Paced(50), 1200),
    (_Paced(50.0), 1200),
    (_Paced(100), 600),
    (_Paced(0), 1200),
    (_Paced(None), 1200),
    (_Paced('fast'), 1200),
    (_Paced([1]), 1200),
    (_Paced(-50), 1200),
    (object(), 1200),
])
def test_limit_from_exchange(exchange, expected):
    assert limit_from_exchange(exchange) == expected


def test_limit_from_exchange_custom_default():
    assert limit_from_exchange(object(), default=77) == 77
    assert limit_from_exchange(_Paced(50), default=77) == 1200


def _row(limit, num=1, kind='REQUEST_WEIGHT', interval='MINUTE'):
    return {'rateLimitType': kind, 'interval': interval, 'intervalNum': num,
            'limit': limit}


@pytest.mark.parametrize('response, expected', [
    ({'rateLimits': [_row(6000)]}, 6000),
    ({'rateLimits': [_row(6000, num=5)]}, 1200),
    ({'rateLimits': [_row(50, kind='ORDERS', interval='SECOND'),
                     _row(10, kind='ORDERS', interval='DAY'), _row(2400)]}, 2400),
    ({'rateLimits': [_row(6000, interval='SECOND')]}, 0),
    ({'rateLimits': []}, 0),
    ({'symbols': []}, 0),
    ({'rateLimits': None}, 0),
    ({'rateLimits': [{'rateLimitType': 'REQUEST_WEIGHT', 'interval': 'MINUTE'}]}, 0),
    ({'rateLimits': [_row('lots')]}, 0),
    ({'rateLimits': ['REQUEST_WEIGHT', None, _row(1200)]}, 1200),
    ({'rateLimits': 5}, 0),
    ([_row(6000)], 0),
    (None, 0),
    ('rateLimits', 0),
])
def test_declared_limit(response, expected):
    assert declared_limit(response) == expected


# --- redact_config ------------------------------------------------------------------------
def test_redact_config_masks_secrets_and_keeps_the_rest():
    config = {'apiKey': KEY, 'secret': SECRET, 'password': '', 'uid': None,
              'timeout': 5, 'options': {'defaultType': 'spot'}}
    public, secrets = redact_config(config)
    assert public == {'apiKey': '***', 'secret': '***', 'password': '', 'uid': None,
                      'timeout': 5, 'options': {'defaultType': 'spot'}}
    assert secrets == {'apiKey': KEY, 'secret': SECRET}
    assert config['secret'] == SECRET          # the caller's dict is untouched


def test_redact_config_none():
    assert redact_config(None) == ({}, {})


# --- LiveStore: construction, repr, pickle -------------------------------------------------
def test_store_is_a_singleton_until_forgotten(store):
    assert DemoStore() is store
    DemoStore._forget()
    assert DemoStore(retry_base=0.001, retry_cap=0.002) is not store


def test_store_params_build_policy_and_limiter(make_store):
    s = make_store(retries=3, rate_limit=600, rate_safety=0.5)
    assert s.policy.attempts == 3
    assert s.policy.base == 0.001 and s.policy.cap == 0.002
    assert s.limiter.limit == 600 and s.limiter.safety == 0.5
    assert s.state == LiveStore.DISCONNECTED


def test_store_keeps_secrets_out_of_params_repr_and_pickle(store):
    assert store.p.config['secret'] == '***' and store.p.config['apiKey'] == '***'
    assert store.p.config['timeout'] == 5
    text = repr(store)
    assert 'DemoStore' in text and 'DISCONNECTED' in text
    assert SECRET not in text and KEY not in text
    store.guarded(Flaky())
    blob = pickle.dumps(store)
    assert SECRET.encode() not in blob and KEY.encode() not in blob
    clone = pickle.loads(blob)
    assert clone._secrets == {}
    assert clone.state == LiveStore.CONNECTED and clone.calls == 1
    assert SECRET not in repr(clone)
    assert store._secrets['secret'] == SECRET   # the original keeps its keys


def test_redact_masks_secret_values(store):
    assert store.redact('sig for %s/%s' % (KEY, SECRET)) == 'sig for ***/***'
    assert store.redact(ValueError(SECRET)) == '***'


# --- LiveStore.guarded --------------------------------------------------------------------
def test_guarded_passes_arguments_and_returns(store):
    func = Flaky(result=42)
    assert store.guarded(func, 1, 2, weight=7, side='buy') == 42
    assert func.seen == [((1, 2), {'side': 'buy'})]
    assert store.calls == 1 and store.retried == 0
    assert store.limiter.used == 7


def test_guarded_observes_response_headers(store):
    store.headers = {'X-MBX-USED-WEIGHT-1M': '77'}
    store.guarded(Flaky())
    assert store.limiter.used == 77


def test_guarded_retries_network_errors_then_succeeds(store):
    func = Flaky(ccxt.NetworkError('a'), ccxt.RequestTimeout('b'), result='done')
    assert store.guarded(func) == 'done'
    assert func.calls == 3
    assert store.retried == 2 and store.calls == 3


@pytest.mark.parametrize('retries', [1, 3, 5])
def test_guarded_gives_up_after_retries(make_store, retries):
    s = make_store(retries=retries)
    func = Always(ccxt.NetworkError('down'))
    with pytest.raises(StoreError) as info:
        s.guarded(func)
    assert func.calls == retries
    assert s.retried == retries - 1
    assert info.value.action == 'retry'
    assert info.value.cause_name == 'NetworkError'
    assert 'down' in str(info.value)
    assert s.state == LiveStore.DISCONNECTED     # never connected


def test_guarded_retry_false_tries_once(store):
    func = Always(ccxt.NetworkError('down'))
    with pytest.raises(StoreError) as info:
        store.guarded(func, retry=False)
    assert func.calls == 1 and store.retried == 0
    assert info.value.action == 'retry'


@pytest.mark.parametrize('exc', [ccxt.NetworkError('x'), ccxt.RequestTimeout('x')])
def test_guarded_sending_order_never_retries(store, exc):
    func = Always(exc)
    with pytest.raises(StoreError) as info:
        store.guarded(func, sending_order=True)
    assert func.calls == 1 and store.retried == 0
    assert info.value.action == 'ambiguous'
    assert info.value.cause_name == type(exc).__name__


def test_guarded_reject_raises_at_once(store):
    func = Always(ccxt.InsufficientFunds('balance too low'))
    with pytest.raises(StoreError) as info:
        store.guarded(func)
    assert func.calls == 1 and store.retried == 0
    assert info.value.action == 'reject'
    assert info.value.cause_name == 'InsufficientFunds'
    assert store.state == LiveStore.DISCONNECTED


def test_guarded_plain_python_error_fails_at_once(store):
    func = Always(ValueError('bug'))
    with pytest.raises(StoreError) as info:
        store.guarded(func)
    assert func.calls == 1
    assert info.value.action == 'fail' and info.value.cause_name == 'ValueError'
    assert store.state == LiveStore.DISCONNECTED   # not an auth problem


@pytest.mark.parametrize('klass', [ccxt.AuthenticationError, ccxt.PermissionDenied,
                                   ccxt.AccountSuspended, ccxt.AccountNotEnabled])
def test_guarded_auth_error_sets_error_state_redacted(store, klass):
    func = Always(klass('binance {"code":-2015,"msg":"Invalid API-key %s, secret %s"}'
                        % (KEY, SECRET)))
    with pytest.raises(StoreError) as info:
        store.guarded(func)
    err = info.value
    assert func.calls == 1
    assert err.action == 'fail' and err.cause_name == klass.__name__
    assert store.state == LiveStore.ERROR
    assert '***' in str(err)
    assert SECRET not in str(err) and KEY not in str(err)
    shown = ''.join(traceback.format_exception(err))
    assert SECRET not in shown and KEY not in shown
    notes = store.get_notifications()
    assert len(notes) == 1
    state, args, kwargs = notes[0]
    assert state == LiveStore.ERROR and args == ()
    assert '***' in kwargs['info'] and SECRET not in kwargs['info']
    assert KEY not in kwargs['info']


def test_guarded_ddos_holds_the_limiter(store):
    store.headers = {'Retry-After': '30'}
    with pytest.raises(StoreError) as info:
        store.guarded(Always(ccxt.DDoSProtection('429 Too Many Requests')), retry=False)
    assert info.value.action == 'retry'
    assert info.value.cause_name == 'DDoSProtection'
    assert store.limiter.backoffs == 1
    assert store.limiter._hold_until >= time.time() + 25.0


def test_guarded_ddos_without_retry_after_holds_at_least_a_second(store):
    with pytest.raises(StoreError):
        store.guarded(Always(ccxt.RateLimitExceeded('429')), retry=False)
    assert store.limiter.backoffs == 1
    assert store.limiter._hold_until >= time.time() + 0.5


def test_guarded_other_errors_do_not_hold(store):
    with pytest.raises(StoreError):
        store.guarded(Always(ccxt.NetworkError('x')))
    assert store.limiter.backoffs == 0


def test_guarded_honours_retry_after_in_the_backoff(store, monkeypatch):
    asked = []

    def delay(attempt, ask=None):
        asked.append((attempt, ask))
        return 0.0

    monkeypatch.setattr(store.policy, 'delay', delay)
    store.headers = {'retry-after': '4'}
    func = Flaky(ccxt.ExchangeNotAvailable('503'), ccxt.ExchangeNotAvailable('503'))
    assert store.guarded(func) == 'ok'
    assert asked == [(0, 4.0), (1, 4.0)]


def test_guarded_state_changes_are_notified_once(store):
    assert store.state == LiveStore.DISCONNECTED
    store.guarded(Flaky())
    assert store.state == LiveStore.CONNECTED
    assert store.get_notifications() == [(LiveStore.CONNECTED, (), {})]
    store.guarded(Flaky())
    store.guarded(Flaky(ccxt.NetworkError('blip')))
    assert store.get_notifications() == []
    with pytest.raises(StoreError):
        store.guarded(Always(ccxt.AuthenticationError('bad key')))
    with pytest.raises(StoreError):
        store.guarded(Always(ccxt.AuthenticationError('bad key')))
    notes = store.get_notifications()
    assert [n[0] for n in notes] == [LiveStore.ERROR]
    store.guarded(Flaky())
    assert [n[0] for n in store.get_notifications()] == [LiveStore.CONNECTED]


def test_set_state_same_state_is_silent(store):
    store.set_state(LiveStore.CONNECTING)
    store.set_state(LiveStore.CONNECTING)
    store.set_state(LiveStore.CONNECTED, info='up with %s' % SECRET)
    notes = store.get_notifications()
    assert notes == [(LiveStore.CONNECTING, (), {}),
                     (LiveStore.CONNECTED, (), {'info': 'up with ***'})]


def test_guarded_stops_retrying_once_stopping(store):
    store.stopping.set()
    func = Always(ccxt.NetworkError('down'))
    with pytest.raises(StoreError) as info:
        store.guarded(func)
    assert func.calls == 1 and store.retried == 0
    assert info.value.action == 'retry'


def test_guarded_retry_wait_is_cut_short_by_stopping(make_store):
    s = make_store(retry_base=30.0, retry_cap=30.0)
    func = Always(ccxt.NetworkError('token %s' % SECRET))
    timer = threading.Timer(0.02, s.stopping.set)
    timer.start()
    began = time.monotonic()
    try:
        with pytest.raises(StoreError) as info:
            s.guarded(func)
    finally:
        timer.cancel()
    assert time.monotonic() - began < 5.0     # not the 15..30 s backoff
    assert func.calls == 1 and s.retried == 1
    assert 'stopped while retrying' in str(info.value)
    assert info.value.action == 'fail' and info.value.cause_name == 'NetworkError'
    assert SECRET not in str(info.value)


# --- LiveStore threads ------------------------------------------------------------------
def test_spawn_and_join_threads(store):
    started = threading.Barrier(3, timeout=5.0)

    def worker(tag, out):
        started.wait()
        store.stopping.wait(10.0)
        out.append(tag)

    out = []
    threads = [store.spawn(worker, 'w%d' % i, i, out) for i in range(2)]
    started.wait()
    assert all(t.is_alive() and t.daemon for t in threads)
    assert threads[0].name == 'DemoStore-w0'
    assert not store.stopping.is_set()
    assert store.join_threads(timeout=5.0) == []
    assert store.stopping.is_set()
    assert not any(t.is_alive() for t in threads)
    assert sorted(out) == [0, 1]
    assert store._threads == []


def test_join_threads_reports_a_thread_that_will_not_stop(store):
    release = threading.Event()
    thread = store.spawn(release.wait, 'stuck', 10.0)
    try:
        alive = store.join_threads(timeout=0.02)
        assert alive == [thread]
        assert store.stopping.is_set()
    finally:
        release.set()
        thread.join(5.0)
    assert not thread.is_alive()
    assert store.join_threads(timeout=1.0) == []


def test_a_failure_keeps_no_trace_of_the_ccxt_exception(make_store):
    """The ccxt exception may quote the request (keys included): it is not
    chained to the StoreError, as cause or as context."""
    s = make_store()
    func = Always(ccxt.InsufficientFunds('apiKey=%s no funds' % SECRET))
    with pytest.raises(StoreError) as info:
        s.guarded(func)
    assert info.value.__cause__ is None and info.value.__context__ is None
    assert SECRET not in str(info.value) and 'InsufficientFunds' in str(info.value)


def test_a_call_held_by_the_limiter_when_the_store_stops_is_not_sent(make_store):
    s = make_store()
    s.limiter.hold(3600.0)
    func = Flaky()
    timer = threading.Timer(0.02, s.stopping.set)
    timer.start()
    try:
        with pytest.raises(StoreError, match='stopping'):
            s.guarded(func)
    finally:
        timer.cancel()
    assert func.calls == 0
