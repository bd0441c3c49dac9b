"""The local OHLCV cache (backtrader.datacache): storage, coverage,
validation and history() against the local exchange with the real ccxt
client; the CLI through subprocesses.  Synthetic one-minute bars (with a
known hole) keep every case exact; the bundled 1m slice has real gaps."""
import gzip
import json
import os
import subprocess
import sys
import warnings

import pytest

from backtrader import datacache as dc
from backtrader.datacache import (CorruptPartitionError, DataCache, DataCacheWarning,
                                  validate)

ccxt = pytest.importorskip('ccxt', reason='ccxt is an optional dependency (live extras)')
from backtrader.simexchange import SimExchange  # noqa: E402
from backtrader.simexchange._market import Bar  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SLICE = os.path.join(HERE, 'data', 'crypto', 'UNITTEST_BTC-1m-slice.csv')
KEY, SECRET = 'cache-key', 'cache-secret'
MIN = 60_000
T0 = 1_706_702_400_000            # 2024-01-31T12:00Z: the series crosses into February
COUNT, HOLE, HOLE_LEN, START = 3000, 1800, 100, 2600
NEEDS_ARROW = pytest.mark.skipif(not dc.HAVE_PYARROW, reason='pyarrow not installed')


def synthetic(count=COUNT, hole=HOLE, hole_len=HOLE_LEN):
    """``count`` bars of 1m from T0, minutes ``hole .. hole+hole_len-1`` absent."""
    bars, price = [], 100.0
    for i in range(count + hole_len):
        if hole <= i < hole + hole_len:
            continue
        close = round(price + ((i * 7919) % 11 - 5) * 0.01, 2)
        bars.append(Bar(T0 + i * MIN, price, round(max(price, close) + 0.05, 2),
                        round(min(price, close) - 0.05, 2), close, 1.0 + i % 7))
        price = close
    return bars


BARS = synthetic()
TIMES = [b.time for b in BARS]


def as_row(bar):
    return [bar.time, bar.open, bar.high, bar.low, bar.close, bar.volume]


@pytest.fixture
def ex():
    with SimExchange(spot={'BTC/USDT': BARS}, keys={KEY: SECRET}, start=START) as sim:
        yield sim


class Spy:
    """A ccxt exchange whose fetch_ohlcv calls are recorded (since, limit)."""

    def __init__(self, sim):
        self.x = sim.ccxt_exchange(KEY, SECRET)
        self.x.load_markets()
        self.calls = []
        real = self.x.fetch_ohlcv

        def fetch(symbol, timeframe='1m', since=None, limit=None, params={}):
            self.calls.append((since, limit))
            return real(symbol, timeframe, since=since, limit=limit, params=params)
        self.x.fetch_ohlcv = fetch

    def take(self):
        calls, self.calls = self.calls, []
        return calls


@pytest.fixture
def spy(ex):
    return Spy(ex)


@pytest.fixture
def cache(tmp_path):
    return DataCache(str(tmp_path / 'cache'))


def quiet_history(cache, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter('error', DataCacheWarning)
        return cache.history(*args, **kwargs)


# --- history against the local exchange -------------------------------------------
def test_history_pages_forward_and_keeps_start_and_end(ex, spy, cache):
    rows = quiet_history(cache, spy.x, 'BTC/USDT', '1m', TIMES[0], TIMES[1499],
                         page_limit=500, now_ms=ex.now)
    assert rows == [as_row(b) for b in BARS[:1500]]
    calls = spy.take()
    assert [c[0] for c in calls] == [TIMES[0], TIMES[500], TIMES[1000]]
    assert all(limit == 500 for _, limit in calls)
    assert cache.last_fetch.requests == 3 and cache.last_fetch.bars_fetched == 1500
    # the bars went to two month partitions
    folder = os.path.join(cache.root, 'binance', 'BTC-USDT', '1m')
    ext = '.parquet' if dc.HAVE_PYARROW else '.csv.gz'
    assert sorted(os.listdir(folder)) == ['2024-01.json', '2024-01' + ext,
                                          '2024-02.json', '2024-02' + ext]


def test_a_bar_exactly_at_start_is_included_and_one_ms_later_is_not(ex, spy, cache):
    rows = cache.history(spy.x, 'BTC/USDT', '1m', TIMES[10], TIMES[20], now_ms=ex.now)
    assert rows[0][0] == TIMES[10] and rows[-1][0] == TIMES[20] and len(rows) == 11
    rows = cache.history(spy.x, 'BTC/USDT', '1m', TIMES[10] + 1, TIMES[20] - 1,
                         now_ms=ex.now)
    assert [r[0] for r in rows] == TIMES[11:20]


def test_second_call_fetches_nothing(ex, spy, cache):
    first = quiet_history(cache, spy.x, 'BTC/USDT', '1m', TIMES[0], TIMES[1200],
                          now_ms=ex.now)
    assert len(spy.take()) == 2
    again = quiet_history(cache, spy.x, 'BTC/USDT', '1m', TIMES[0], TIMES[1200],
                          now_ms=ex.now)
    assert again == first and spy.take() == []
    assert cache.last_fetch.requests == 0
    assert cache.missing('binance', 'BTC/USDT', '1m', TIMES[0], TIMES[1200]) == []


def test_extending_the_range_fetches_only_the_new_part(ex, spy, cache):
    quiet_history(cache, spy.x, 'BTC/USDT', '1m', TIMES[100], TIMES[599], now_ms=ex.now)
    spy.take()
    assert cache.missing('binance', 'BTC/USDT', '1m', TIMES[0], TIMES[899]) == [
        (TIMES[0], TIMES[99]), (TIMES[600], TIMES[899])]
    rows = quiet_history(cache, spy.x, 'BTC/USDT', '1m', TIMES[0], TIMES[899],
                         now_ms=ex.now)
    assert [r[0] for r in rows] == TIMES[:900]
    assert [since for since, _ in spy.take()] == [TIMES[0], TIMES[600]]
    assert cache.last_fetch.ranges == 2 and cache.last_fetch.bars_fetched == 400


def test_forming_bar_is_not_stored_until_closed(ex, spy, cache):
    ex.step(ticks=1)                      # bar START is open, one tick old
    partial = spy.x.fetch_ohlcv('BTC/USDT', '1m', since=TIMES[START - 1], limit=5)
    assert partial[-1][0] == TIMES[START]            # the exchange shows it
    spy.take()
    rows = quiet_history(cache, spy.x, 'BTC/USDT', '1m', TIMES[START - 100],
                         now_ms=ex.now)
    assert rows[-1][0] == TIMES[START - 1]
    assert cache.read('binance', 'BTC/USDT', '1m', TIMES[START], None) == []
    ex.step(bars=1)                       # bar START closed, START + 1 forming
    assert ex.now == TIMES[START + 1]
    spy.take()
    rows = quiet_history(cache, spy.x, 'BTC/USDT', '1m', TIMES[START - 100],
                         now_ms=ex.now)
    assert rows[-1] == as_row(BARS[START])        # the whole bar, not the first tick
    assert [since for since, _ in spy.take()] == [TIMES[START]]


def test_end_none_means_now_and_stops_at_the_last_closed_bar(ex, spy, cache):
    rows = quiet_history(cache, spy.x, 'BTC/USDT', '1m', TIMES[START - 10],
                         now_ms=ex.now)
    assert [r[0] for r in rows] == TIMES[START - 10:START]
    assert len(spy.take()) == 1


def test_a_range_fetched_and_found_empty_is_remembered(ex, spy, cache):
    hole_first = T0 + HOLE * MIN
    hole_last = hole_first + (HOLE_LEN - 1) * MIN
    assert cache.history(spy.x, 'BTC/USDT', '1m', hole_first, hole_last,
                         now_ms=ex.now) == []
    assert len(spy.take()) == 1
    assert cache.history(spy.x, 'BTC/USDT', '1m', hole_first, hole_last,
                         now_ms=ex.now) == []
    assert spy.take() == []
    # before the listing: the exchange answers with later bars; nothing kept
    day = 86_400_000
    assert cache.history(spy.x, 'BTC/USDT', '1m', T0 - day, T0 - 1, now_ms=ex.now) == []
    assert len(spy.take()) == 1
    cache.history(spy.x, 'BTC/USDT', '1m', T0 - day, T0 - 1, now_ms=ex.now)
    assert spy.take() == []


def test_history_over_the_hole_warns_about_the_gap(ex, spy, cache):
    with pytest.warns(DataCacheWarning, match='1 gap'):
        rows = cache.history(spy.x, 'BTC/USDT', '1m', TIMES[HOLE - 5], TIMES[HOLE + 5],
                             now_ms=ex.now)
    assert len(rows) == 11
    assert cache.last_report.gaps == [(T0 + HOLE * MIN,
                                       T0 + (HOLE + HOLE_LEN - 1) * MIN)]


def test_real_one_minute_slice_with_gaps_is_reported_not_hidden(tmp_path):
    with SimExchange(spot={'BTC/USDT': SLICE}, keys={KEY: SECRET}, start=2500) as sim:
        spy = Spy(sim)
        cache = DataCache(str(tmp_path))
        first = spy.x.fetch_ohlcv('BTC/USDT', '1m', since=0, limit=1)[0][0]
        spy.take()
        with pytest.warns(DataCacheWarning, match='gap'):
            rows = cache.history(spy.x, 'BTC/USDT', '1m', first, now_ms=sim.now)
        assert len(rows) == 2500 and len(spy.take()) == 3
        assert cache.last_report.gaps and cache.last_report.missing_bars > 0


def test_a_stalling_exchange_cannot_loop_forever(cache):
    class Stuck:
        id = 'stuck'
        calls = 0

        def fetch_ohlcv(self, symbol, timeframe, since=None, limit=None):
            self.calls += 1
            return [[since - MIN, 1.0, 1.0, 1.0, 1.0, 1.0]]   # never moves forward

    stuck = Stuck()
    with pytest.warns(DataCacheWarning, match='older than requested'):
        rows = cache.history(stuck, 'X/Y', '1m', T0, T0 + 10 * MIN, now_ms=T0 + 99 * MIN)
    assert rows == [] and stuck.calls == 1 and not cache.last_fetch.complete
    assert cache.missing('stuck', 'X/Y', '1m', T0, T0 + 10 * MIN) == [
        (T0, T0 + 10 * MIN)]


def test_a_fetch_error_keeps_what_was_fetched(cache):
    class Flaky:
        id = 'flaky'

        def fetch_ohlcv(self, symbol, timeframe, since=None, limit=None):
            if since >= T0 + 4 * MIN:
                raise ccxt.NetworkError('connection reset')
            return [[since + i * MIN, 1.0, 1.0, 1.0, 1.0, 1.0] for i in range(2)]

    with pytest.raises(ccxt.NetworkError):
        cache.history(Flaky(), 'X/Y', '1m', T0, T0 + 9 * MIN, now_ms=T0 + 99 * MIN)
    assert len(cache.read('flaky', 'X/Y', '1m')) == 4
    assert cache.missing('flaky', 'X/Y', '1m', T0, T0 + 9 * MIN) == [
        (T0 + 4 * MIN, T0 + 9 * MIN)]


def test_history_rejects_bad_arguments(ex, spy, cache):
    with pytest.raises(ValueError, match='page_limit'):
        cache.history(spy.x, 'BTC/USDT', '1m', T0, page_limit=0, now_ms=ex.now)
    with pytest.raises(ValueError, match='end_ms'):
        cache.history(spy.x, 'BTC/USDT', '1m', T0, T0 - 1, now_ms=ex.now)
    with pytest.raises(ValueError, match='timeframe'):
        cache.history(spy.x, 'BTC/USDT', '1M', T0, now_ms=ex.now)
    with pytest.raises(TypeError, match='exchange'):
        cache.history('binance', 'BTC/USDT', '1m', T0)
    with pytest.raises(TypeError, match='start_ms'):
        cache.history(spy.x, 'BTC/USDT', '1m', '2024-01-01')
    with pytest.raises(ValueError, match='format'):
        DataCache(format='feather')
    assert spy.take() == []


# --- storage --------------------------------------------------------------------------
ROWS = [[T0 + i * MIN, 0.1 + i, 0.3 + i, 0.1 + 0.2 * i / 3, 0.2 + i, 1e-9 * i]
        for i in range(50)]


@pytest.mark.parametrize('writer,reader', [('csv', 'parquet'), ('parquet', 'csv'),
                                           ('csv', 'csv'), ('parquet', 'parquet')])
def test_round_trip_is_exact_whichever_format_wrote(tmp_path, writer, reader):
    if 'parquet' in (writer, reader) and not dc.HAVE_PYARROW:
        pytest.skip('pyarrow not installed')
    DataCache(str(tmp_path), writer).write('binance', 'BTC/USDT:USDT', '1m', ROWS)
    ext = '.parquet' if writer == 'parquet' else '.csv.gz'
    assert os.path.exists(tmp_path / 'binance' / 'BTC-USDT_USDT' / '1m' / ('2024-01' + ext))
    back = DataCache(str(tmp_path), reader).read('binance', 'BTC/USDT:USDT', '1m')
    assert back == ROWS
    assert all(type(r[0]) is int and type(r[1]) is float for r in back)


@NEEDS_ARROW
def test_switching_format_merges_into_one_file(tmp_path):
    DataCache(str(tmp_path), 'csv').write('binance', 'ETH/USDT', '1m', ROWS[:30])
    DataCache(str(tmp_path), 'parquet').write('binance', 'ETH/USDT', '1m', ROWS[20:])
    folder = tmp_path / 'binance' / 'ETH-USDT' / '1m'
    assert sorted(os.listdir(folder)) == ['2024-01.json', '2024-01.parquet']
    assert DataCache(str(tmp_path)).read('binance', 'ETH/USDT', '1m') == ROWS


def test_newer_write_wins_and_rows_come_back_sorted(cache):
    cache.write('binance', 'BTC/USDT', '1m', [ROWS[2], ROWS[0], ROWS[1]])
    newer = [ROWS[1][0], 9.0, 9.5, 8.5, 9.0, 3.0]
    cache.write('binance', 'BTC/USDT', '1m', [newer])
    assert cache.read('binance', 'BTC/USDT', '1m') == [ROWS[0], newer, ROWS[2]]
    # repeats inside one write: the later one wins
    cache.write('binance', 'BTC/USDT', '1m', [ROWS[0], ROWS[0][:1] + [5.0] * 5])
    assert cache.read('binance', 'BTC/USDT', '1m')[0] == ROWS[0][:1] + [5.0] * 5


def test_read_respects_inclusive_bounds(cache):
    cache.write('binance', 'BTC/USDT', '1m', ROWS)
    rows = cache.read('binance', 'BTC/USDT', '1m', ROWS[5][0], ROWS[9][0])
    assert rows == ROWS[5:10]
    assert cache.read('binance', 'BTC/USDT', '1m', ROWS[5][0] + 1, ROWS[9][0] - 1) \
        == ROWS[6:9]
    assert cache.read('binance', 'OTHER/USDT', '1m') == []


def test_write_drops_bars_not_closed_and_cuts_ranges(cache):
    now = ROWS[10][0] + MIN // 2                      # bar 10 is half way
    stored = cache.write('binance', 'BTC/USDT', '1m', ROWS, [(ROWS[0][0], ROWS[-1][0])],
                         now_ms=now)
    assert stored == 10
    assert cache.read('binance', 'BTC/USDT', '1m') == ROWS[:10]
    assert cache.missing('binance', 'BTC/USDT', '1m', ROWS[0][0], ROWS[-1][0]) == [
        (ROWS[10][0], ROWS[-1][0])]


def test_missing_snaps_to_the_bar_grid(cache):
    cache.write('binance', 'BTC/USDT', '1h', [], [(T0, T0 + 10 * 3_600_000)])
    hour = 3_600_000
    assert cache.missing('binance', 'BTC/USDT', '1h', T0 - hour + 1, T0 + 12 * hour) \
        == [(T0 + 11 * hour, T0 + 12 * hour)]
    assert cache.missing('binance', 'BTC/USDT', '1h', T0 + 1, T0 + 10 * hour + 5) == []


@pytest.mark.parametrize('fmt', ['parquet', 'csv'])
def test_a_failed_write_leaves_the_old_file_intact(tmp_path, monkeypatch, fmt):
    if fmt == 'parquet' and not dc.HAVE_PYARROW:
        pytest.skip('pyarrow not installed')
    cache = DataCache(str(tmp_path), fmt)
    cache.write('binance', 'BTC/USDT', '1m', ROWS[:10])
    folder = tmp_path / 'binance' / 'BTC-USDT' / '1m'
    before = sorted(os.listdir(folder))
    data_file = folder / ('2024-01' + ('.parquet' if fmt == 'parquet' else '.csv.gz'))
    content = data_file.read_bytes()

    def crash(fd):
        raise OSError('disk full (simulated)')
    monkeypatch.setattr(os, 'fsync', crash)          # the new bytes are written, then boom
    with pytest.raises(OSError, match='simulated'):
        cache.write('binance', 'BTC/USDT', '1m', ROWS[5:])
    monkeypatch.undo()
    assert sorted(os.listdir(folder)) == before       # no temporary file left
    assert data_file.read_bytes() == content
    assert cache.read('binance', 'BTC/USDT', '1m') == ROWS[:10]


@pytest.mark.parametrize('fmt', ['parquet', 'csv'])
def test_a_corrupt_partition_is_an_error_naming_the_file(tmp_path, fmt):
    if fmt == 'parquet' and not dc.HAVE_PYARROW:
        pytest.skip('pyarrow not installed')
    cache = DataCache(str(tmp_path), fmt)
    cache.write('binance', 'BTC/USDT', '1m', ROWS)
    path = tmp_path / 'binance' / 'BTC-USDT' / '1m' / (
        '2024-01' + ('.parquet' if fmt == 'parquet' else '.csv.gz'))
    path.write_bytes(b'this is not a data file')
    with pytest.raises(CorruptPartitionError) as info:
        cache.read('binance', 'BTC/USDT', '1m')
    assert str(path) in str(info.value) and info.value.path == str(path)
    with pytest.raises(CorruptPartitionError):        # nor is it overwritten
        cache.write('binance', 'BTC/USDT', '1m', ROWS[:1])
    assert path.read_bytes() == b'this is not a data file'


def test_a_corrupt_sidecar_is_an_error_naming_it(cache):
    cache.write('binance', 'BTC/USDT', '1m', ROWS, [(ROWS[0][0], ROWS[-1][0])])
    sidecar = os.path.join(cache.root, 'binance', 'BTC-USDT', '1m', '2024-01.json')
    with open(sidecar, 'w') as fh:
        fh.write('{"fetched": [[1, ')
    with pytest.raises(CorruptPartitionError, match='2024-01.json'):
        cache.missing('binance', 'BTC/USDT', '1m', ROWS[0][0], ROWS[-1][0])


def test_without_pyarrow_the_default_format_is_csv(tmp_path, monkeypatch):
    from backtrader.datacache import _cache
    monkeypatch.setattr(_cache, 'HAVE_PYARROW', False)
    cache = DataCache(str(tmp_path))
    assert cache.format == 'csv'
    with pytest.raises(ValueError, match='pyarrow'):
        DataCache(str(tmp_path), 'parquet')
    cache.write('binance', 'BTC/USDT', '1m', ROWS[:3])
    assert os.listdir(tmp_path / 'binance' / 'BTC-USDT' / '1m') != []
    assert cache.read('binance', 'BTC/USDT', '1m') == ROWS[:3]


def test_root_defaults_to_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv('BACKTRADER_CACHE', str(tmp_path / 'env'))
    assert DataCache().root == str(tmp_path / 'env')
    monkeypatch.delenv('BACKTRADER_CACHE')
    assert DataCache().root.endswith(os.path.join('.cache', 'backtrader', 'ohlcv'))


@pytest.mark.parametrize('symbol', ['BTC/USDT', 'BTC/USDT:USDT', 'ETH-PERP', 'a_b/c',
                                    'BTC/USD:BTC-240628-50000-C', '.hidden', 'Ä%/€'])
def test_symbol_names_are_safe_and_reversible(symbol):
    name = dc.symbol_to_dirname(symbol)
    assert not set(name) & set('/\\:*?"<>| ') and not name.startswith('.')
    assert dc.dirname_to_symbol(name) == symbol
    if symbol == 'BTC/USDT':
        assert name == 'BTC-USDT'


def test_timeframes():
    assert [dc.timeframe_ms(t) for t in ('1s', '1m', '15m', '4h', '1d', '1w')] == [
        1000, 60_000, 900_000, 14_400_000, 86_400_000, 604_800_000]
    for bad in ('1M', '1y', '0m', 'm', '1x', ''):
        with pytest.raises(ValueError, match='timeframe'):
            dc.timeframe_ms(bad)


# --- validation -------------------------------------------------------------------
def good(n=10, step=MIN, t0=T0):
    return [[t0 + i * step, 10.0, 11.0, 9.0, 10.5, 1.0] for i in range(n)]


def test_validate_clean_rows():
    report = validate(good(), MIN)
    assert report.ok and report.problems == 0 and report.rows == 10
    monday = 345_600_000                             # 1970-01-05
    assert validate(good(5, 604_800_000, monday), 604_800_000, monday).ok


def test_validate_finds_each_kind_of_problem():
    rows = good(12)
    del rows[3:5]                                    # gap: bars 3 and 4
    rows.insert(6, list(rows[5]))                    # duplicate of bar 7
    rows.append(list(rows[1]))                       # non-monotonic (and duplicate)
    rows[1][2] = 9.5                                 # high below close
    rows[2][3] = 10.8                                # low above open/close
    rows[7][5] = -1.0                                # negative volume
    rows[8][4] = float('nan')                        # non-finite
    rows[9][0] += 7                                  # misaligned
    report = validate(rows, MIN)
    assert report.gaps == [(T0 + 3 * MIN, T0 + 4 * MIN)] and report.missing_bars == 2
    assert report.duplicates == [T0 + 7 * MIN, T0 + MIN]
    assert report.non_monotonic == [(len(rows) - 1, T0 + MIN)]
    reasons = dict(report.ohlc)
    assert reasons[T0 + MIN] == 'high below open/close'
    assert reasons[T0 + 2 * MIN] == 'low above open/close'
    assert 'negative volume' in [r for t, r in report.ohlc]
    assert 'non-finite value' in [r for t, r in report.ohlc]
    assert report.misaligned == [rows[9][0]]
    assert not report.ok and 'gap' in report.summary() and 'misaligned' in report.summary()
    # the row-by-row path (taken when a row is malformed) finds the same
    slow = validate(rows + [[T0 + 99 * MIN, 1.0]], MIN)
    assert slow.ohlc[-1][1] == 'row has 2 fields, not 6'
    for name in ('gaps', 'duplicates', 'non_monotonic', 'misaligned'):
        assert getattr(slow, name) == getattr(report, name), name
    assert slow.ohlc[:-1] == report.ohlc
    low_high = validate([[T0, 10.0, 10.0, 10.5, 10.0, 1.0]], MIN)
    assert ('low above high' in dict([(r, t) for t, r in low_high.ohlc]))
    with pytest.raises(ValueError, match='timeframe_ms'):
        validate(rows, 0)


# --- command line -----------------------------------------------------------------
def run_cli(*args, env_root=None):
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get('PYTHONPATH', ''))
    return subprocess.run([sys.executable, '-m', 'backtrader.datacache', *args],
                          capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)


def config_file(tmp_path, sim):
    path = tmp_path / 'local.json'
    path.write_text(json.dumps({
        'enableRateLimit': False, 'urls': {'api': sim.ccxt_urls()},
        'options': {'fetchMarkets': ['spot'], 'fetchCurrencies': False,
                    'fetchMargins': False, 'adjustForTimeDifference': False}}))
    return str(path)


def test_cli_download_info_verify(ex, tmp_path):
    root = str(tmp_path / 'c')
    conf = config_file(tmp_path, ex)
    common = ['--exchange', 'binance', '--symbol', 'BTC/USDT', '--timeframe', '1m',
              '--root', root, '--config', conf, '--limit', '1000']
    out = run_cli('download', *common, '--from', str(TIMES[0]), '--to', str(TIMES[1499]))
    assert out.returncode == 0, out.stderr
    assert 'fetched 1500 bars in 1 range(s) (2 requests), 1500 bars cached' in out.stdout
    assert '0 problem(s)' in out.stdout
    out = run_cli('download', *common, '--from', str(TIMES[0]), '--to', str(TIMES[1499]))
    assert out.returncode == 0 and 'fetched 0 bars in 0 range(s)' in out.stdout
    out = run_cli('info', '--root', root)
    assert out.returncode == 0
    assert 'binance BTC/USDT 1m: 1500 bars 2024-01-31T12:00:00Z..' in out.stdout
    out = run_cli('verify', '--root', root)
    assert out.returncode == 0 and 'verified 1 series, 0 with problems' in out.stdout
    bad = os.path.join(root, 'binance', 'BTC-USDT', '1m', '2024-02.json')
    with open(bad, 'w') as fh:
        fh.write('garbage')
    out = run_cli('verify', '--root', root)
    assert out.returncode != 0 and '2024-02.json' in (out.stdout + out.stderr)


def test_cli_bad_input_exits_2_naming_the_problem(ex, tmp_path):
    conf = config_file(tmp_path, ex)
    base = ['download', '--symbol', 'BTC/USDT', '--root', str(tmp_path)]
    out = run_cli(*base, '--exchange', 'nosuchexchange', '--timeframe', '1m',
                  '--from', '2024-01-01')
    assert out.returncode == 2 and "'nosuchexchange'" in out.stderr
    cases = [
        (['--exchange', 'binance', '--timeframe', '7q', '--from', '2024-01-01'],
         '--timeframe'),
        (['--exchange', 'binance', '--timeframe', '1m', '--from', '2024-02-30'], '--from'),
        (['--exchange', 'binance', '--timeframe', '1m', '--from', '2024-02-02',
          '--to', '2024-02-01'], 'after --to'),
        (['--exchange', 'binance', '--timeframe', '1m', '--from', '2024-01-01',
          '--config', str(tmp_path / 'absent.json')], '--config'),
        (['--exchange', 'binance', '--timeframe', '1m', '--from', '2024-01-01',
          '--config', conf, '--symbol', 'NOPE/USDT'], 'NOPE/USDT'),
    ]
    from backtrader.datacache._cli import main
    for extra, needle in cases:
        err = _main_stderr(main, base + extra)
        assert err[0] == 2 and needle in err[1], (extra, err)


def _main_stderr(main, argv):
    import contextlib
    import io
    buffer = io.StringIO()
    with contextlib.redirect_stderr(buffer), contextlib.redirect_stdout(io.StringIO()):
        code = main(argv)
    return code, buffer.getvalue()


def test_csv_cache_file_is_plain_gzip_csv(tmp_path):
    DataCache(str(tmp_path), 'csv').write('binance', 'BTC/USDT', '1m', ROWS[:2])
    path = tmp_path / 'binance' / 'BTC-USDT' / '1m' / '2024-01.csv.gz'
    lines = gzip.decompress(path.read_bytes()).decode().splitlines()
    assert lines[0] == 'timestamp,open,high,low,close,volume'
    assert lines[1].split(',')[0] == str(ROWS[0][0])
