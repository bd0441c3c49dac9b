"""The feeds added to match upstream's bt.feeds, against upstream goldens.

tests/goldens/feeds_more.json was recorded from upstream backtrader
1.9.78.123 by tools/record_feeds_more.py running the scenario in
tests/_feeds_more_scenario.py (MT4, SierraChart, VisualChart CSV and
binary files, Quandl CSV and download, InfluxDB via a stand-in client,
Blaze rows, Chainer and RollOver).  Every bar (datetime as a float, OHLCV,
open interest, a 3-bar SMA), the feed's name/timeframe and what the
callbacks saw must be identical in runonce on/off x preload on/off and
exactbars=1.
"""
from __future__ import annotations

import json
import math
import os

import pytest

import backtrader as bt
import backtrader.stores.vchartfile as vchartstore
import _feeds_more_scenario as scenario

GOLDEN_PATH = os.path.join(os.path.dirname(__file__), 'goldens', 'feeds_more.json')

with open(GOLDEN_PATH, encoding='utf-8') as _fh:
    GOLDEN = json.load(_fh)


@pytest.fixture(autouse=True)
def _fresh_vchart_store():
    """The VChartFile store is a singleton: start each test without one."""
    vchartstore.VChartFile._forget()
    yield
    vchartstore.VChartFile._forget()


def _same(ours, theirs, where='result'):
    """Exact equality, NaN equal to NaN."""
    if isinstance(theirs, float):
        assert isinstance(ours, float), '%s: %r is not a float' % (where, ours)
        assert ours == theirs or (math.isnan(ours) and math.isnan(theirs)), \
            '%s: %r != %r' % (where, ours, theirs)
    elif isinstance(theirs, list):
        assert isinstance(ours, list) and len(ours) == len(theirs), \
            '%s: length %s != %d' % (where, len(ours) if isinstance(ours, list) else '-',
                                     len(theirs))
        for i, (a, b) in enumerate(zip(ours, theirs)):
            _same(a, b, '%s[%d]' % (where, i))
    elif isinstance(theirs, dict):
        assert isinstance(ours, dict) and sorted(ours) == sorted(theirs), where
        for key in theirs:
            _same(ours[key], theirs[key], '%s.%s' % (where, key))
    else:
        assert ours == theirs, '%s: %r != %r' % (where, ours, theirs)


def test_golden_covers_every_case_and_mode():
    assert sorted(GOLDEN['cases']) == sorted(scenario.CASES)
    for entry in GOLDEN['cases'].values():
        assert sorted(entry['modes']) == sorted(scenario.MODES)
        assert all(result['bars'] for result in entry['results'])


@pytest.mark.parametrize('mode', sorted(scenario.MODES))
@pytest.mark.parametrize('case', sorted(scenario.CASES))
def test_matches_upstream(case, mode):
    entry = GOLDEN['cases'][case]
    expected = entry['results'][entry['modes'][mode]]
    ours = json.loads(json.dumps(scenario.run_case(case, mode)))
    _same(ours, expected, '%s/%s' % (case, mode))


def _results(case):
    return GOLDEN['cases'][case]['results'][0]


def test_goldens_exercise_what_they_claim():
    """Guards against a golden that cannot catch much: the joined feeds
    really switch sources, the rules were consulted and changed the result."""
    plain = [bar[7] for bar in _results('rollover_plain')['bars']]
    rolled = [bar[7] for bar in _results('rollover_condition')['bars']]
    assert plain != rolled  # open interest restarts at each roll
    assert any(entry[0] == 'checkcondition' for entry in _results('rollover_condition')['log'])
    chained = _results('chainer_cerebro')['bars']
    stamps = [bar[1] for bar in chained]
    assert stamps == sorted(set(stamps))  # overlap delivered once
    assert len(chained) > 60  # and the second slice did play


def test_exports_match_upstream_bt_feeds():
    names = ['BacktraderCSV', 'BacktraderCSVData', 'Chainer', 'DataBase', 'GenericCSV',
             'GenericCSVData', 'InfluxDB', 'MT4CSVData', 'PandasData', 'PandasDirectData',
             'Quandl', 'QuandlCSV', 'RollOver', 'SierraChartCSVData', 'TIMEFRAMES',
             'VChartCSV', 'VChartCSVData', 'VChartData', 'VChartFeed', 'VChartFile',
             'YahooFinance', 'YahooFinanceCSV', 'YahooFinanceCSVData', 'YahooFinanceData',
             'YahooLegacyCSV', 'absolute_import', 'division', 'print_function',
             'unicode_literals']
    assert [n for n in names if not hasattr(bt.feeds, n)] == []
    for meta in ('MetaChainer', 'MetaRollOver', 'MetaVChartFile'):
        assert not hasattr(bt.feeds, meta)  # upstream keeps them in their modules
    assert bt.feeds.VChartCSV.DataCls is bt.feeds.VChartCSVData
    assert vchartstore.VChartFile.DataCls is bt.feeds.VChartFile
    assert bt.feeds.TIMEFRAMES == {3: 's', 4: 'm', 5: 'd', 6: 'w', 7: 'm', 8: 'y'}


# params as upstream reports them (name, default), in order, after the base ones
UPSTREAM_PARAMS = {
    bt.feeds.RollOver: [('checkdate', None), ('checkcondition', None)],
    bt.feeds.MT4CSVData: [('nullvalue', 'nan'), ('dtformat', '%Y.%m.%d'), ('tmformat', '%H:%M'),
                          ('datetime', 0), ('time', 1), ('open', 2), ('high', 3), ('low', 4),
                          ('close', 5), ('volume', 6), ('openinterest', -1)],
    bt.feeds.SierraChartCSVData: [('nullvalue', 'nan'), ('dtformat', '%Y/%m/%d'),
                                  ('tmformat', '%H:%M:%S'), ('datetime', 0), ('time', -1),
                                  ('open', 1), ('high', 2), ('low', 3), ('close', 4),
                                  ('volume', 5), ('openinterest', 6)],
    bt.feeds.QuandlCSV: [('reverse', False), ('adjclose', True), ('round', False),
                         ('decimals', 2)],
    bt.feeds.Quandl: [('reverse', True), ('adjclose', True), ('round', False), ('decimals', 2),
                      ('baseurl', 'https://www.quandl.com/api/v3/datasets'), ('proxies', {}),
                      ('buffered', True), ('apikey', None), ('dataset', 'WIKI')],
    bt.feeds.InfluxDB: [('host', '127.0.0.1'), ('port', '8086'), ('username', None),
                        ('password', None), ('database', None), ('startdate', None),
                        ('high', 'high_p'), ('low', 'low_p'), ('open', 'open_p'),
                        ('close', 'close_p'), ('volume', 'volume'), ('ointerest', 'oi')],
    bt.feeds.VChartFeed: [('basepath', '')],
    vchartstore.VChartFile: [('path', None)],
}


@pytest.mark.parametrize('cls', list(UPSTREAM_PARAMS), ids=lambda c: c.__name__)
def test_params_as_upstream(cls):
    ours = [(k, 'nan' if isinstance(v, float) and math.isnan(v) else v)
            for k, v in cls.params._getitems()]
    expected = UPSTREAM_PARAMS[cls]
    names = [k for k, _ in expected]
    assert [item for item in ours if item[0] in names] == expected
    base = [k for k, _ in bt.feeds.DataBase.params._getitems()]
    if cls is not vchartstore.VChartFile:
        assert [k for k, _ in ours][:len(base)] == base


def test_joined_feeds_take_timeframe_from_first_source():
    first = scenario._generic('chain_1.csv', timeframe=bt.TimeFrame.Minutes, compression=5)
    chained = bt.feeds.Chainer(first, scenario._generic('chain_2.csv'),
                               timeframe=bt.TimeFrame.Weeks)
    assert (chained._timeframe, chained._compression) == (bt.TimeFrame.Minutes, 5)
    assert chained.islive() and bt.feeds.RollOver().islive()
    assert chained.get_notifications() == []


def test_empty_joined_feeds_run_without_bars():
    for feed in (bt.feeds.Chainer(), bt.feeds.RollOver()):
        cerebro = bt.Cerebro()
        cerebro.adddata(feed)
        cerebro.addstrategy(bt.Strategy)
        cerebro.run()
        assert len(feed) == 0


def test_vchartcsv_factory_builds_the_same_feed():
    """Upstream's CSV feed factories fail (dataname given twice); ours work."""
    def bars(data):
        data._start()
        data.preload()
        return [list(line.array) for line in data.lines]
    made = bt.feeds.VChartCSV(basepath=scenario.FIX).getdata('vchart_daily.csv')
    direct = bt.feeds.VChartCSVData(dataname=scenario.fixture('vchart_daily.csv'))
    assert bars(made) == bars(direct)
