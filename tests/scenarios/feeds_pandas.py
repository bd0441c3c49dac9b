"""PandasData (DatetimeIndex, datetime column by name and by position,
column auto-detection, nocase on/off, explicit column names, absent
columns with None, fromdate/todate, minute bars) and PandasDirectData."""
import datetime

import pandas as pd

import backtrader as bt

from scenarios._feeds import run_feed
from scenarios._util import DAY1, MIN5

P = bt.feeds.PandasData


def frame(path=DAY1, rows=60):
    """The CSV as a DataFrame with lower-case columns and a datetime index."""
    df = pd.read_csv(path)
    if 'Time' in df.columns:
        stamp = df['Date'] + ' ' + df['Time']
        df = df.drop(columns=['Time'])
    else:
        stamp = df['Date']
    df.index = pd.to_datetime(stamp)
    df = df.drop(columns=['Date']).iloc[:rows]
    df.columns = [c.lower() for c in df.columns]
    df['volume'] = [float(i * 10) for i in range(len(df))]
    return df


def with_column(df):
    out = df.reset_index()
    out = out.rename(columns={out.columns[0]: 'datetime'})
    return out


def upper(df):
    out = df.copy()
    out.columns = [c.capitalize() for c in out.columns]
    return out


def renamed(df):
    return df.rename(columns={'open': 'o', 'high': 'h', 'low': 'l',
                              'close': 'c', 'volume': 'v'}).drop(
        columns=['openinterest'])


CASES = {
    'index': lambda: P(dataname=frame()),
    'index_named': lambda: P(dataname=frame(), name='pdata'),
    'column_by_name': lambda: P(dataname=with_column(frame()),
                                datetime='datetime'),
    'column_autodetect': lambda: P(dataname=with_column(frame()),
                                   datetime=-1),
    'column_by_position': lambda: P(dataname=with_column(frame()),
                                    datetime=0),
    'uppercase_nocase': lambda: P(dataname=upper(frame())),
    'uppercase_case_names': lambda: P(
        dataname=upper(frame()), nocase=False, open='Open', high='High',
        low='Low', close='Close', volume='Volume',
        openinterest='Openinterest'),
    'renamed': lambda: P(dataname=renamed(frame()), open='o', high='h',
                         low='l', close='c', volume='v', openinterest=None),
    'positions': lambda: P(dataname=frame(), open=0, high=1, low=2,
                           close=3, volume=4, openinterest=None),
    'dates': lambda: P(dataname=frame(rows=120),
                       fromdate=datetime.datetime(2006, 2, 1),
                       todate=datetime.datetime(2006, 4, 15)),
    'minutes': lambda: P(dataname=frame(MIN5, rows=150),
                         timeframe=bt.TimeFrame.Minutes, compression=5),
    'direct': lambda: bt.feeds.PandasDirectData(dataname=frame()),
    'direct_cols': lambda: bt.feeds.PandasDirectData(
        dataname=frame()[['close', 'open', 'high', 'low']], open=2, high=3,
        low=4, close=1, volume=-1, openinterest=-1),
}


def run(runonce, preload, exactbars):
    return {name: run_feed(make, runonce, preload, exactbars)
            for name, make in CASES.items()}
