"""Bad input and unreachable services in the feeds_more feeds give clear
errors, fast, without touching the internet.

Upstream often fails here with bare IndexError/StopIteration, a crash on
an unbound variable (Quandl, InfluxDB) or an endless loop (RollOver); the
messages below name the file/line/field, the URL or the missing library.
"""
from __future__ import annotations

import http.server
import io
import socket
import struct
import sys
import threading
import time
import types

import pytest

import backtrader as bt
import backtrader.feeds.blaze as blaze
import backtrader.stores.vchartfile as vchartstore
from backtrader.errors import DataError
import _feeds_more_scenario as scenario


@pytest.fixture(autouse=True)
def _fresh_vchart_store():
    vchartstore.VChartFile._forget()
    yield
    vchartstore.VChartFile._forget()


def _load(data, preload=True):
    data._start()
    if preload:
        data.preload()
    else:
        while data.next():
            pass
    return data


def _run(data):
    cerebro = bt.Cerebro(stdstats=False)
    cerebro.adddata(data)
    cerebro.addstrategy(bt.Strategy)
    cerebro.run()
    return data


# --- malformed rows in the CSV formats -------------------------------------------------
BAD_ROWS = [
    (bt.feeds.MT4CSVData, '2021.11.17,01:00,1.08,1.09,1.07,1.079,3153694\n'
                          '2021.11.17,02:00,1.07,abc,1.07,1.076,2697616\n', "field 'high'"),
    (bt.feeds.MT4CSVData, '2021.11.17,01:00,1.08,1.09,1.07,1.079,3153694\n'
                          '2021-11-17,02:00,1.07,1.08,1.07,1.076,2697616\n', "field 'datetime'"),
    (bt.feeds.SierraChartCSVData, '2022/04/06,1,2,0.5,1.5,10,0\n2022/04/07,1,2,0.5,1.5\n',
     'expected at least 7 fields, got 5'),
    (bt.feeds.VChartCSVData, '015ES,D,20220406,000000,1,2,0.5,1.5,10,0\n'
                             '015ES,D,20220407,000000,1,2,0.5,x,10,0\n', "field 'close'"),
    (bt.feeds.VChartCSVData, '015ES,D,20220406,000000,1,2,0.5,1.5,10,0\n'
                             '015ES,X,20220407,000000,1,2,0.5,1.5,10,0\n', "field 'period'"),
    (bt.feeds.VChartCSVData, '015ES,D,20220406,000000,1,2,0.5,1.5,10,0\n'
                             '015ES,I,20220407,250000,1,2,0.5,1.5,10,0\n', "field 'time'"),
    (bt.feeds.VChartCSVData, '015ES,D,20220406,000000,1,2,0.5,1.5,10,0\n'
                             '015ES,D,2022-04-07,000000,1,2,0.5,1.5,10,0\n', "field 'date'"),
    (bt.feeds.VChartCSVData, '015ES,D,20220406,000000,1,2,0.5,1.5,10,0\n'
                             '015ES,D,20220407,000000,1,2,0.5,1.5,10\n',
     'expected at least 10 fields, got 9'),
    (bt.feeds.QuandlCSV, '2022-04-06,1,2,0.5,1.5,10,0,1,1,2,0.5,1.5,10\n'
                         '2022-04-07,1,2,0.5,1.5,10\n', 'expected at least 13 fields, got 6'),
    (bt.feeds.QuandlCSV, '2022-04-06,1,2,0.5,1.5,10,0,1,1,2,0.5,1.5,10\n'
                         '2022-04-07,1,2,0.5,1.5,10,0,1,1,2,0.5,?,10\n', "field 'close'"),
    (bt.feeds.QuandlCSV, '2022-04-06,1,2,0.5,1.5,10,0,1,1,2,0.5,1.5,10\n'
                         '2022-13-07,1,2,0.5,1.5,10,0,1,1,2,0.5,1.5,10\n', "field 'date'"),
]


@pytest.mark.parametrize('preload', [True, False])
@pytest.mark.parametrize('cls, body, expected', BAD_ROWS,
                         ids=['%s-%d' % (c.__name__, i) for i, (c, _, _) in enumerate(BAD_ROWS)])
def test_malformed_row_names_file_line_and_field(tmp_path, cls, body, expected, preload):
    path = tmp_path / 'bad.csv'
    path.write_text('header line\n' + body)
    with pytest.raises(DataError) as info:
        _load(cls(dataname=str(path)), preload)
    message = str(info.value)
    assert str(path) in message
    assert 'line 3' in message
    assert expected in message
    assert isinstance(info.value, ValueError)


# --- binary VisualChart files ---------------------------------------------------------------
def _fd(path, records):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b''.join(struct.pack('<IffffII', *rec) for rec in records))


GOOD_DAY = (2022 * 500 + 4 * 32 + 6, 1.5, 2.5, 0.5, 2.0, 10, 7)


@pytest.mark.parametrize('preload', [True, False])
@pytest.mark.parametrize('bad, field', [
    ((2022 * 500 + 13 * 32 + 6, 1.5, 2.5, 0.5, 2.0, 10, 7), 'date'),
    ((2022 * 500 + 2 * 32 + 30, 1.5, 2.5, 0.5, 2.0, 10, 7), 'date'),
])
def test_vchart_bad_record_names_file_record_and_field(tmp_path, bad, field, preload):
    path = tmp_path / 'x.fd'
    _fd(path, [GOOD_DAY, bad])
    with pytest.raises(DataError) as info:
        _load(bt.feeds.VChartData(dataname=str(path)), preload)
    assert str(path) in str(info.value)
    assert "record 2, field '%s'" % field in str(info.value)


@pytest.mark.parametrize('preload', [True, False])
def test_vchart_bad_minute_time(tmp_path, preload):
    path = tmp_path / 'x.min'
    rec = (2022 * 500 + 4 * 32 + 6, 86400, 1.5, 2.5, 0.5, 2.0, 10, 7)
    path.write_bytes(struct.pack('<IIffffII', *rec))
    with pytest.raises(DataError, match=r"record 1, field 'time'"):
        _load(bt.feeds.VChartData(dataname=str(path)), preload)


def test_vchart_partial_last_record_is_ignored(tmp_path):
    path = tmp_path / 'x.fd'
    _fd(path, [GOOD_DAY, GOOD_DAY[:1] + (1.6,) + GOOD_DAY[2:]])
    path.write_bytes(path.read_bytes() + b'\x01\x02\x03')
    for preload in (True, False):
        data = _load(bt.feeds.VChartData(dataname=str(path)), preload)
        assert data.buflen() == 2


def test_vchart_missing_file_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError) as info:
        _run(bt.feeds.VChartData(dataname=str(tmp_path / 'none.min')))
    assert 'none.min' in str(info.value)


def test_vchartfile_missing_file_names_the_path(tmp_path):
    # upstream silently delivers no bars; an error saying where it looked is kinder
    vchartstore.VChartFile(path=str(tmp_path))
    with pytest.raises(FileNotFoundError) as info:
        _run(bt.feeds.VChartFile(dataname='015ES'))
    assert str(tmp_path / '0015' / '010015ES.fd') in str(info.value)


def test_vchartfile_paths_follow_the_store(tmp_path):
    store = vchartstore.VChartFile(path=str(tmp_path))
    assert vchartstore.VChartFile(path='/elsewhere') is store  # singleton
    _fd(tmp_path / '0015' / '010015ES.fd', [GOOD_DAY])
    data = _run(store.getdata(dataname='015ES'))
    assert len(data) == 1 and data.close[0] == 2.0 and data.openinterest[0] == 7.0


@pytest.mark.parametrize('tf', [bt.TimeFrame.Ticks, bt.TimeFrame.Seconds])
def test_vchartfile_tick_files_are_refused(tmp_path, tf):
    vchartstore.VChartFile(path=str(tmp_path))
    with pytest.raises(ValueError, match='timeframe'):
        _run(bt.feeds.VChartFile(dataname='015ES', timeframe=tf))


def test_vchartfile_store_without_path_is_relative():
    assert vchartstore.VChartFile().get_datapath() == ''


# --- Quandl download -----------------------------------------------------------------------
def _closed_port():
    sock = socket.socket()
    sock.bind(('127.0.0.1', 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def test_quandl_unreachable_names_the_url_fast():
    url = 'http://127.0.0.1:%d/api' % _closed_port()
    data = bt.feeds.Quandl(dataname='AAPL', baseurl=url, apikey='SECRET')
    started = time.monotonic()
    with pytest.raises(ConnectionError) as info:
        _run(data)
    assert time.monotonic() - started < 10
    message = str(info.value)
    assert url + '/WIKI/AAPL.csv?order=asc' in message
    assert 'SECRET' not in message and 'api_key=***' in message
    assert data.error is info.value.__cause__


class _Server:
    """A local HTTP server answering with ``respond(handler)``."""

    def __init__(self, respond):
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                respond(self)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = 'http://127.0.0.1:%d/api' % self.httpd.server_address[1]

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def test_quandl_http_error_is_reported():
    def not_found(handler):
        handler.send_response(404)
        handler.send_header('Content-Length', '0')
        handler.end_headers()
    server = _Server(not_found)
    try:
        with pytest.raises(ConnectionError, match='404'):
            _run(bt.feeds.Quandl(dataname='NOPE', baseurl=server.url))
    finally:
        server.close()


def test_quandl_silent_server_times_out():
    release = threading.Event()

    def silent(handler):
        release.wait(10)
    server = _Server(silent)
    try:
        started = time.monotonic()
        with pytest.raises(ConnectionError, match='timed out'):
            _run(bt.feeds.Quandl(dataname='AAPL', baseurl=server.url, timeout=0.5))
        assert time.monotonic() - started < 5
    finally:
        release.set()
        server.close()


def test_quandl_unbuffered_download_streams():
    # upstream fails here (bytes given to the str parser)
    body = open(scenario.fixture('quandl.csv'), 'rb').read()

    def serve(handler):
        handler.send_response(200)
        handler.send_header('Content-Length', str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)
    server = _Server(serve)
    try:
        streamed = _run(bt.feeds.Quandl(dataname='BTC', baseurl=server.url, buffered=False))
    finally:
        server.close()
    direct = _run(bt.feeds.QuandlCSV(dataname=scenario.fixture('quandl.csv')))
    assert len(streamed) == len(direct) == 30
    assert list(streamed.close.array) == list(direct.close.array)


# --- InfluxDB --------------------------------------------------------------------------------
def test_influxdb_without_library_names_it(monkeypatch):
    monkeypatch.setitem(sys.modules, 'influxdb', None)  # import fails like when absent
    with pytest.raises(ModuleNotFoundError) as info:
        bt.feeds.InfluxDB(dataname='m', database='db')
    assert info.value.name == 'influxdb'
    assert "'influxdb' library" in str(info.value)
    assert 'pip install influxdb' in str(info.value)


def _stub_influx(monkeypatch, query=None, points=()):
    module = types.ModuleType('influxdb')
    excmod = types.ModuleType('influxdb.exceptions')

    class InfluxDBClientError(Exception):
        pass

    class Client:
        def __init__(self, *args):
            pass

        def query(self, text):
            if query is not None:
                raise query(InfluxDBClientError)
            return types.SimpleNamespace(get_points=lambda: iter(points))

    excmod.InfluxDBClientError = InfluxDBClientError
    module.exceptions = excmod
    module.InfluxDBClient = Client
    monkeypatch.setitem(sys.modules, 'influxdb', module)
    monkeypatch.setitem(sys.modules, 'influxdb.exceptions', excmod)


@pytest.mark.parametrize('error', [lambda cls: cls('database not found: db'),
                                   lambda cls: ConnectionRefusedError(111, 'refused')])
def test_influxdb_failed_query_names_server_and_database(monkeypatch, error):
    _stub_influx(monkeypatch, query=error)
    with pytest.raises(ConnectionError) as info:
        _run(bt.feeds.InfluxDB(dataname='m', database='db', port=_closed_port()))
    assert "'m'" in str(info.value) and "database 'db'" in str(info.value)
    assert '127.0.0.1:' in str(info.value)


@pytest.mark.parametrize('point, field', [
    ({'time': '2022-01-03 10:00:00', 'open': 1, 'high': 1, 'low': 1, 'close': 1,
      'volume': 1}, 'time'),
    ({'time': '2022-01-03T10:00:00Z', 'open': 1, 'high': 1, 'low': 1, 'close': 1,
      'volume': None}, 'volume'),
])
def test_influxdb_bad_point_names_the_field(monkeypatch, point, field):
    _stub_influx(monkeypatch, points=[point])
    with pytest.raises(DataError, match="point 1, field '%s'" % field):
        _run(bt.feeds.InfluxDB(dataname='m', database='db'))


# --- Blaze ----------------------------------------------------------------------------------
def test_blaze_needs_an_iterable():
    with pytest.raises(TypeError, match='BlazeData: dataname must be iterable'):
        _run(blaze.BlazeData(dataname=None))


def test_blaze_bad_value_names_row_and_field():
    rows = scenario._btc_rows()[:3]
    rows[2] = rows[2][:4] + ('n/a',) + rows[2][5:]
    with pytest.raises(DataError, match="BlazeData row 3, field 'close'"):
        _run(blaze.BlazeData(dataname=rows))


def test_blaze_in_bt_feeds_only_with_the_library():
    import importlib.util
    present = importlib.util.find_spec('blaze') is not None
    assert hasattr(bt.feeds, 'BlazeData') == present


# --- joined feeds ---------------------------------------------------------------------------
def test_rollover_drops_a_contract_that_ends_before_the_roll():
    """Upstream loops forever when the next contract runs out while being
    brought to the roll date; here it is skipped for the one after."""
    def text(days, base):
        return ''.join('2022-04-%02d,%d,%d,%d,%d,10,%d\n'
                       % (day, base, base, base, base, base + day) for day in days)
    header = 'datetime,open,high,low,close,volume,openinterest\n'

    def feed(days, base):
        return bt.feeds.GenericCSVData(dataname=io.StringIO(header + text(days, base)),
                                       dtformat='%Y-%m-%d')
    seen = []
    roll = bt.feeds.RollOver(feed(range(1, 13), 100), feed(range(3, 6), 200),
                             feed(range(4, 21), 300),
                             checkdate=lambda dt, d: dt.day >= 9,
                             checkcondition=lambda d0, d1: seen.append(d1.close[0]) or False)
    cerebro = bt.Cerebro()
    cerebro.adddata(roll)
    cerebro.addstrategy(bt.Strategy)
    cerebro.run()
    assert seen[0] == 300  # the short contract was passed over
    assert [len(roll), roll.close[0]] == [20, 300]


def test_joined_feeds_check_their_arguments():
    with pytest.raises(TypeError, match='source 1 must be a data feed'):
        bt.feeds.Chainer(scenario._generic('chain_1.csv'), 'chain_2.csv')
    with pytest.raises(TypeError, match='checkdate must be a callable'):
        bt.feeds.RollOver(scenario._generic('chain_1.csv'), checkdate=5)
