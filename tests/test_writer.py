"""WriterFile's CSV rows and summary tree are upstream's, byte for byte.

tests/data/observed/writer_csv.txt is what upstream backtrader 1.9.78.123
printed for the run below (same data, strategy, writer and analyzer).
"""
import datetime
import io
import os

import backtrader as bt

HERE = os.path.dirname(__file__)
DATA = os.path.join(HERE, 'data', 'upstream', '2006-day-001.txt')
EXPECTED = os.path.join(HERE, 'data', 'observed', 'writer_csv.txt')


class S(bt.Strategy):
    def __init__(self):
        self.sma = bt.ind.SMA(period=3)

    def next(self):
        if len(self) == 5:
            self.buy()


def test_writer_csv_and_summary_match_upstream():
    out = io.StringIO()
    cerebro = bt.Cerebro()
    cerebro.adddata(bt.feeds.BacktraderCSVData(
        dataname=DATA, todate=datetime.datetime(2006, 1, 20)))
    cerebro.addstrategy(S)
    cerebro.addwriter(bt.WriterFile, csv=True, out=out)
    cerebro.addanalyzer(bt.analyzers.SQN)
    cerebro.run()
    with open(EXPECTED) as fobj:
        expected = fobj.read()
    assert out.getvalue() == expected


def test_writer_stringio_collects_output():
    cerebro = bt.Cerebro()
    cerebro.adddata(bt.feeds.BacktraderCSVData(
        dataname=DATA, todate=datetime.datetime(2006, 1, 10)))
    cerebro.addwriter(bt.WriterStringIO, csv=True)
    cerebro.run()
    text = cerebro.runwriters[0].out.getvalue()
    assert text.startswith('=' * 79)
    assert "Id,2006-day-001,len,datetime,open" in text
