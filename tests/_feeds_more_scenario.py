"""The feeds_more scenario, shared by the golden recorder and the test.

It runs unchanged under upstream backtrader (tools/record_feeds_more.py
records its output) and under this package (tests/test_feeds_more.py
compares), so it uses only the public API (and module paths both have).
Each case adds one feed (or one joined feed) to cerebro; a strategy
records every bar of the first data (length, datetime as a float, OHLCV,
open interest, a 3-bar SMA of the close), plus what the feed's callbacks
saw.  Nothing touches the network: the Quandl download is served by a
local HTTP server on 127.0.0.1 and InfluxDB by a stand-in client module.
"""
from __future__ import annotations

import datetime
import http.server
import os
import sys
import threading
import types
from typing import Any, Callable

import backtrader as bt
import backtrader.stores.vchartfile as vchartstore

HERE = os.path.dirname(os.path.abspath(__file__))
FIX = os.path.join(HERE, 'data', 'feeds_more')
VCHART = os.path.join(FIX, 'vchart')
BTC = os.path.join(HERE, '..', 'backtrader', 'datafiles', 'BTCUSDT-1d.csv')
TF = bt.TimeFrame

#: name -> Cerebro kwargs
MODES = {
    'ro1_pl1': dict(runonce=True, preload=True),
    'ro1_pl0': dict(runonce=True, preload=False),
    'ro0_pl1': dict(runonce=False, preload=True),
    'ro0_pl0': dict(runonce=False, preload=False),
    'eb1': dict(exactbars=1),
}


class FixedTZ(datetime.tzinfo):
    """A constant offset zone with pytz's ``localize`` (no pytz needed)."""

    def __init__(self, hours: float, name: str) -> None:
        self._offset = datetime.timedelta(hours=hours)
        self._name = name

    def utcoffset(self, dt):
        return self._offset

    def dst(self, dt):
        return datetime.timedelta(0)

    def tzname(self, dt):
        return self._name

    def localize(self, dt):
        return dt.replace(tzinfo=self)


EST = FixedTZ(-5, 'EST')


def fixture(name: str) -> str:
    return os.path.join(FIX, name)


class Recorder(bt.Strategy):
    """Keeps every bar of data0 as seen in next()."""

    def __init__(self) -> None:
        self.sma = bt.indicators.SMA(self.data.close, period=3)
        self.bars: list = []

    def next(self) -> None:
        d = self.data
        self.bars.append([len(self), d.datetime[0], d.open[0], d.high[0], d.low[0],
                          d.close[0], d.volume[0], d.openinterest[0], self.sma[0]])


# --- cases: each adds its data to cerebro, noting what callbacks saw in log ---------
def _generic(name: str, **kwargs: Any) -> Any:
    return bt.feeds.GenericCSVData(dataname=fixture(name), dtformat='%Y-%m-%d', **kwargs)


def _expiries() -> dict:
    """Last date of each futures fixture, by feed name (file stem)."""
    out = {}
    for stem in ('fut_1', 'fut_2', 'fut_3'):
        with open(fixture(stem + '.csv')) as fh:
            last = fh.read().strip().splitlines()[-1]
        out[stem] = datetime.datetime.strptime(last.split(',')[0], '%Y-%m-%d')
    return out


def _rollover_rules(log: list, days: int, withcondition: bool) -> dict:
    expiry = _expiries()

    def checkdate(dt, d):
        log.append(['checkdate', dt.isoformat(), d._name, len(d)])
        return (expiry[d._name] - dt).days < days

    def checkcondition(d0, d1):
        log.append(['checkcondition', d0._name, d1._name,
                    d0.datetime[0], d1.datetime[0], d0.volume[0], d1.volume[0]])
        return d1.volume[0] > d0.volume[0]

    rules = {'checkdate': checkdate}
    if withcondition:
        rules['checkcondition'] = checkcondition
    return rules


def _futures() -> list:
    return [_generic('fut_%d.csv' % i) for i in (1, 2, 3)]


def case_rollover_plain(cerebro, log):
    cerebro.rolloverdata(*_futures())


def case_rollover_checkdate(cerebro, log):
    cerebro.rolloverdata(*_futures(), **_rollover_rules(log, 6, False))


def case_rollover_condition(cerebro, log):
    cerebro.rolloverdata(*_futures(), **_rollover_rules(log, 20, True))


def case_rollover_direct(cerebro, log):
    cerebro.adddata(bt.feeds.RollOver(*_futures(), **_rollover_rules(log, 20, True)),
                    name='continuous')


def case_rollover_ahead(cerebro, log):
    # the next contract starts after the active one ends: at the switch its
    # bar already loaded by checkcondition is skipped, as upstream does
    def never(d0, d1):
        log.append(['checkcondition', d0._name, d1._name, d1.datetime[0]])
        return False

    cerebro.rolloverdata(_generic('fut_1.csv'), _generic('fut_3.csv'),
                         checkdate=lambda dt, d: True, checkcondition=never)


def case_chainer_cerebro(cerebro, log):
    cerebro.chaindata(_generic('chain_1.csv'), _generic('chain_2.csv'))


def case_chainer_direct(cerebro, log):
    cerebro.adddata(bt.feeds.Chainer(_generic('chain_1.csv'), _generic('chain_2.csv')))


def case_chainer_tz(cerebro, log):
    first = _generic('chain_1.csv', tz=EST)
    cerebro.chaindata(first, _generic('chain_2.csv'),
                      name='chained')


def case_chainer_bounds(cerebro, log):
    cerebro.adddata(bt.feeds.Chainer(_generic('chain_1.csv'), _generic('chain_2.csv'),
                                     fromdate=datetime.datetime(2022, 5, 1),
                                     todate=datetime.datetime(2022, 7, 1)))


def case_mt4_default(cerebro, log):
    cerebro.adddata(bt.feeds.MT4CSVData(dataname=fixture('mt4.csv')))


def case_mt4_minutes(cerebro, log):
    cerebro.adddata(bt.feeds.MT4CSVData(dataname=fixture('mt4.csv'), headers=False,
                                        timeframe=TF.Minutes, compression=60))


def case_sierrachart(cerebro, log):
    cerebro.adddata(bt.feeds.SierraChartCSVData(dataname=fixture('sierrachart.csv')))


def case_vchartcsv_daily(cerebro, log):
    cerebro.adddata(bt.feeds.VChartCSVData(dataname=fixture('vchart_daily.csv'),
                                           sessionend=datetime.time(17, 30)))


def case_vchartcsv_intraday(cerebro, log):
    cerebro.adddata(bt.feeds.VChartCSVData(dataname=fixture('vchart_intraday.csv')))


def case_quandlcsv_adjusted(cerebro, log):
    cerebro.adddata(bt.feeds.QuandlCSV(dataname=fixture('quandl.csv')))


def case_quandlcsv_raw(cerebro, log):
    cerebro.adddata(bt.feeds.QuandlCSV(dataname=fixture('quandl.csv'), adjclose=False))


def case_quandlcsv_round(cerebro, log):
    cerebro.adddata(bt.feeds.QuandlCSV(dataname=fixture('quandl.csv'), round=True,
                                       decimals=1))


def case_quandlcsv_reverse(cerebro, log):
    cerebro.adddata(bt.feeds.QuandlCSV(dataname=fixture('quandl_desc.csv'), reverse=True))


def case_vchartfile_daily(cerebro, log):
    store = vchartstore.VChartFile(path=VCHART)
    log.append(['datapath', os.path.relpath(store.get_datapath(), HERE)])
    cerebro.adddata(bt.feeds.VChartFile(dataname='015BTC'))


def case_vchartfile_minutes(cerebro, log):
    store = vchartstore.VChartFile(path=VCHART)
    cerebro.adddata(store.getdata(dataname='015XRP', timeframe=TF.Minutes))


def case_vchartfile_session(cerebro, log):
    store = vchartstore.VChartFile(path=VCHART)
    cerebro.adddata(store.getdata(dataname='015BTC', sessionend=datetime.time(16, 0),
                                  fromdate=datetime.datetime(2022, 4, 10)))


def case_vchart_fd(cerebro, log):
    path = os.path.join(VCHART, '0015', '010015BTC.fd')
    cerebro.adddata(bt.feeds.VChartData(dataname=path))


def case_vchart_min(cerebro, log):
    path = os.path.join(VCHART, '0015', '010015XRP.min')
    cerebro.adddata(bt.feeds.VChartData(dataname=path, timeframe=TF.Minutes))


def case_vchart_feed_daily(cerebro, log):
    cerebro.adddata(bt.feeds.VChartFeed(basepath=VCHART).getdata('015BTC'))


def case_vchart_feed_minutes(cerebro, log):
    factory = bt.feeds.VChartFeed(basepath=VCHART, timeframe=TF.Minutes)
    cerebro.adddata(factory.getdata('015XRP.min'))


def _btc_rows() -> list:
    rows = []
    with open(BTC) as fh:
        for i, line in enumerate(fh.read().splitlines()[1:41]):
            day, o, h, l, c, v = line.split(',')
            stamp = datetime.datetime.strptime(day, '%Y-%m-%d')
            rows.append((stamp + datetime.timedelta(hours=i % 5), float(o), float(h),
                         float(l), float(c), float(v), 100 + i))
    return rows


def case_blaze_rows(cerebro, log):
    import backtrader.feeds.blaze as blaze
    cerebro.adddata(blaze.BlazeData(dataname=_btc_rows()))


def case_blaze_positions(cerebro, log):
    import backtrader.feeds.blaze as blaze
    cerebro.adddata(blaze.BlazeData(dataname=_btc_rows(), volume=6, openinterest=-1))


# --- InfluxDB through a stand-in client ---------------------------------------------------------
def _influx_points() -> list:
    points = []
    for i, row in enumerate(_btc_rows()[:25]):
        points.append({'time': row[0].strftime('%Y-%m-%dT%H:%M:%SZ'),
                       'open': row[1], 'high': row[2], 'low': row[3], 'close': row[4],
                       'volume': row[5], 'openinterest': row[6]})
    return points


def _influx_module(log: list) -> types.ModuleType:
    module = types.ModuleType('influxdb')
    excmod = types.ModuleType('influxdb.exceptions')

    class InfluxDBClientError(Exception):
        pass

    class InfluxDBServerError(Exception):
        pass

    class Result:
        def get_points(self):
            return iter(_influx_points())

    class InfluxDBClient:
        def __init__(self, *args, **kwargs):
            log.append(['client', list(args), kwargs])

        def query(self, text, *args, **kwargs):
            log.append(['query', text])
            return Result()

    excmod.InfluxDBClientError = InfluxDBClientError
    excmod.InfluxDBServerError = InfluxDBServerError
    module.InfluxDBClient = InfluxDBClient
    module.exceptions = excmod
    return module


def _with_influx(body: Callable) -> Callable:
    """Run ``body`` with the stand-in ``influxdb`` importable."""
    def case(cerebro, log):
        module = _influx_module(log)
        saved = {name: sys.modules.get(name) for name in ('influxdb', 'influxdb.exceptions')}
        sys.modules['influxdb'] = module
        sys.modules['influxdb.exceptions'] = module.exceptions
        try:
            return body(cerebro)
        finally:
            for name, old in saved.items():
                if old is None:
                    sys.modules.pop(name, None)
                else:
                    sys.modules[name] = old
    return case


def _influx_days(cerebro):
    cerebro.adddata(bt.feeds.InfluxDB(dataname='btc', database='market'))
    return cerebro.run()


def _influx_minutes(cerebro):
    cerebro.adddata(bt.feeds.InfluxDB(dataname='btc', database='market', host='db.local',
                                      port=9999, username='u', password='p',
                                      startdate='2022-04-01', timeframe=TF.Minutes,
                                      compression=15, ointerest='oi2',
                                      fromdate=datetime.datetime(2022, 4, 10)))
    return cerebro.run()


case_influx_days = _with_influx(_influx_days)
case_influx_minutes = _with_influx(_influx_minutes)


# --- Quandl download from a local server -------------------------------------------------------
def _quandl_server(log: list) -> http.server.HTTPServer:
    with open(fixture('quandl.csv'), 'rb') as fh:
        body = fh.read()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            log.append(['request', self.path])
            self.send_response(200)
            self.send_header('Content-Type', 'text/csv')
            self.send_header('Content-Length', str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(('127.0.0.1', 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _with_quandl(**kwargs: Any) -> Callable:
    def case(cerebro, log):
        server = _quandl_server(log)
        try:
            url = 'http://127.0.0.1:%d/api/v3/datasets' % server.server_address[1]
            cerebro.adddata(bt.feeds.Quandl(dataname='BTC', baseurl=url, **kwargs))
            return cerebro.run()
        finally:
            server.shutdown()
            server.server_close()
    return case


case_quandl_online = _with_quandl()
case_quandl_online_query = _with_quandl(apikey='KEY', dataset='EOD', round=True,
                                        fromdate=datetime.datetime(2022, 4, 8),
                                        todate=datetime.datetime(2022, 4, 30))

CASES = {name[len('case_'):]: func for name, func in sorted(globals().items())
         if name.startswith('case_')}


def run_case(name: str, mode: str) -> dict:
    """Run one case in one mode: {'bars', 'log', 'feed'}."""
    cerebro = bt.Cerebro(stdstats=False, **MODES[mode])
    cerebro.addstrategy(Recorder)
    log: list = []
    ran = CASES[name](cerebro, log)  # cases needing a context run cerebro in it
    strat = (ran if ran is not None else cerebro.run())[0]
    data = strat.datas[0]
    return {'bars': strat.bars, 'log': log,
            'feed': [_portable(data._name), data._timeframe, data._compression, len(strat)]}


def _portable(name: Any) -> Any:
    """A feed name without this checkout's location (file paths name feeds)."""
    if isinstance(name, str) and name.startswith(HERE):
        return '<tests>' + name[len(HERE):].replace(os.sep, '/')
    return name


def run_all() -> dict:
    """{case: {mode: result}} for every case and mode."""
    return {name: {mode: run_case(name, mode) for mode in MODES} for name in CASES}
