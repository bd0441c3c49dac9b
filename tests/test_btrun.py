"""The ``btrun`` console command against upstream's recorded output.

tests/goldens/btrun.json holds upstream btrun's stdout for several command
lines (recorded by tools/record_btrun.py), its parse_args defaults and its
option names.  Commands run in-process through ``btrun(argv)`` from a
scratch directory holding the user module tests/data/btrun/btrun_signal.py,
as a user would name it on the command line; one runs as a subprocess.
"""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import backtrader as bt
from backtrader.btrun import btrun
from backtrader.btrun import btrun as btrun_again
import backtrader.btrun.btrun as btrun_module_attr  # noqa: F401 - the function
from backtrader.btrun.btrun import DATAFORMATS, TIMEFRAMES, parse_args

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = json.loads((ROOT / 'tests' / 'goldens' / 'btrun.json').read_text())
USERMOD = ROOT / 'tests' / 'data' / 'btrun' / 'btrun_signal.py'
DAY1 = str(ROOT / 'tests' / 'data' / 'upstream' / '2006-day-001.txt')
CMD_MODULE = sys.modules['backtrader.btrun.btrun']


def _argv(name: str) -> list[str]:
    return [a.replace('{root}', str(ROOT)) for a in GOLDEN['commands'][name]['argv']]


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """A working directory with the user module, as btrun users have."""
    shutil.copy(USERMOD, tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize('name', sorted(GOLDEN['commands']))
def test_stdout_matches_upstream(name, workdir, capsys):
    expected = GOLDEN['commands'][name]['stdout']
    assert expected.strip(), 'an empty golden checks nothing'
    assert btrun(_argv(name)) is None
    assert capsys.readouterr().out == expected


def test_module_entry_point_subprocess(workdir):
    """``python -m backtrader.btrun.btrun`` runs the command and exits 0."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, '-m', 'backtrader.btrun.btrun'] + _argv('sma_sharpe_pranalyzer'),
        cwd=workdir, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == GOLDEN['commands']['sma_sharpe_pranalyzer']['stdout']
    assert 'Traceback' not in proc.stderr


def test_entry_point_names():
    # upstream's console script does ``from backtrader.btrun import btrun``
    assert callable(btrun) and btrun is btrun_again
    assert CMD_MODULE.btrun is btrun
    for name in ('parse_args', 'getdatas', 'setbroker', 'getobjects', 'getfunctions',
                 'getmodclasses', 'getmodfunctions', 'loadmodule', 'loadmodule2',
                 'loadmodule3', 'DATAFORMATS', 'TIMEFRAMES'):
        assert hasattr(CMD_MODULE, name), name


def test_setup_registers_console_script():
    text = (ROOT / 'setup.py').read_text()
    assert "'btrun=backtrader.btrun.btrun:btrun'" in text


def test_parse_args_defaults_and_options_match_upstream(capsys):
    assert vars(parse_args(['--data', 'x'])) == GOLDEN['defaults']
    assert dict(TIMEFRAMES) == GOLDEN['timeframes']
    assert list(DATAFORMATS) == GOLDEN['formats']
    with pytest.raises(SystemExit) as exc:
        parse_args(['--help'])
    assert exc.value.code == 0
    helpout = capsys.readouterr().out
    import re
    assert sorted(set(re.findall(r'(--[a-z_-]+)', helpout))) >= GOLDEN['long_options']
    for opt in GOLDEN['long_options']:
        assert opt in helpout, opt


def test_parse_args_forms():
    args = parse_args(['-d', 'a', '-d', 'b', '--writer', '--writer', 'csv=True', '--plot',
                       '--cerebro', '-st', 'x', '-st', 'y:Z'])
    assert args.data == ['a', 'b'] and args.writers == ['', 'csv=True']
    assert args.plot is True and args.cerebro == '' and args.strategies == ['x', 'y:Z']
    # a string is split like a shell would split it
    assert parse_args('--data a --plot \'style="candle"\'').plot == 'style="candle"'
    assert parse_args(['--data', 'a', '--plot', 'style="candle"']).plot == 'style="candle"'


def test_resample_and_hook_can_be_combined(workdir, capsys):
    """Upstream puts --hook in the --resample/--replay exclusive group (an
    argparse error); here they combine."""
    btrun(['-d', DAY1, '--resample', 'months', '--hook', 'btrun_signal:announce',
           '-an', ':SQN', '--pranalyzer'])
    out = capsys.readouterr().out
    assert 'hook kwargs=[] datas=1 strats=0' in out
    assert '  - trades: 0' in out


def test_default_strategy_module_and_first_class(workdir, capsys):
    """An empty name picks the first class in alphabetical order."""
    btrun(['-d', DAY1, '--strategy', 'btrun_signal', '--fromdate', '2006-12-20'])
    assert 'Report tag=none' in capsys.readouterr().out
    btrun(['-d', DAY1, '--strategy', '::fast=3,slow=5', '--analyzer', ':SQN',
           '--pranalyzer'])
    # MA_CrossOver comes first in bt.strategies
    assert '  - trades: ' in capsys.readouterr().out


def test_importable_module_name(workdir, capsys, monkeypatch):
    """A module part that is not a file may name an importable module."""
    monkeypatch.syspath_prepend(str(USERMOD.parent))
    os.remove(workdir / 'btrun_signal.py')
    try:
        btrun(['-d', DAY1, '--strategy', 'btrun_signal:Report:tag="imp"',
               '--todate', '2006-01-10'])
    finally:
        sys.modules.pop('btrun_signal', None)
    assert 'Report tag=imp' in capsys.readouterr().out


def test_loadmodule_returns_module_or_error(workdir):
    mod, err = CMD_MODULE.loadmodule('btrun_signal')
    assert err is None and hasattr(mod, 'Report')
    mod, err = CMD_MODULE.loadmodule('no_such_module_here', 'x')
    assert mod is None and isinstance(err, FileNotFoundError)
    classes = CMD_MODULE.getmodclasses(CMD_MODULE.loadmodule('btrun_signal.py')[0],
                                       bt.Strategy)
    assert [c.__name__ for c in classes] == ['Report']


BAD_INPUT = [
    (['--strategy', 'nosuchmod:X'], "failed to load module 'nosuchmod'"),
    (['--strategy', ':NoSuch'], "no subclass of bt.Strategy named 'NoSuch'"),
    (['--strategy', ':SMA_Crossover'], "did you mean 'SMA_CrossOver'"),
    (['--strategy', 'a:b:c:d'], "cannot read kwargs 'c:d'"),
    (['--strategy', ':SMA_CrossOver:fast='], "cannot read kwargs 'fast='"),
    (['--analyzer', 'btrun_signal:Report'], 'not a subclass of bt.Analyzer'),
    (['--hook', ':nosuchmethod'], "no function named 'nosuchmethod'"),
    (['--signal', 'longonly+btrun_signal:CloseOverSMA'], "unknown signal type 'longonly'"),
    (['--fromdate', '2006/01/01'], "--fromdate '2006/01/01'"),
    (['--resample', ':3'], "--resample ':3': unknown timeframe"),
    (['--replay', 'weeks:x'], "compression 'x' is not a positive integer"),
    (['--cerebro', 'nosuchparam=1'], "--cerebro 'nosuchparam=1'"),
    (['--plot', 'x='], "--plot 'x='"),
]


@pytest.mark.parametrize('extra,message', BAD_INPUT)
def test_bad_input_is_a_clear_error(extra, message, workdir, capsys):
    with pytest.raises(SystemExit) as exc:
        btrun(['-d', DAY1] + extra)
    assert exc.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith('btrun: error: ') and message in err, err
    assert 'Traceback' not in err


def test_missing_data_file(workdir, capsys):
    with pytest.raises(SystemExit) as exc:
        btrun(['-d', str(workdir / 'missing.txt')])
    assert exc.value.code == 1
    assert "--data '%s': no such file" % (workdir / 'missing.txt') in capsys.readouterr().err


def test_unknown_format_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        btrun(['-d', DAY1, '--format', 'nosuchformat'])
    assert exc.value.code == 2
    assert "invalid choice: 'nosuchformat'" in capsys.readouterr().err


def test_format_whose_feed_module_is_missing(monkeypatch, capsys):
    # a known format whose feed module cannot be imported here
    monkeypatch.setitem(sys.modules, 'backtrader.feeds.mt4csv', None)
    with pytest.raises(SystemExit) as exc:
        btrun(['-d', DAY1, '--format', 'mt4csv'])
    assert exc.value.code == 1
    err = capsys.readouterr().err
    assert "--format mt4csv: data format 'mt4csv' needs backtrader.feeds.mt4csv" in err


def test_formats_resolve_lazily():
    assert DATAFORMATS['btcsv'] is bt.feeds.BacktraderCSVData
    assert DATAFORMATS['yahoocsv'] is DATAFORMATS['yahoocsv_unreversed']
    assert DATAFORMATS['yahoo'] is bt.feeds.YahooFinanceData


@pytest.mark.skipif(importlib.util.find_spec('backtrader.plot') is None,
                    reason='backtrader.plot cannot be imported (plotting package '
                           'not present in this tree yet)')
def test_plot_headless(workdir, monkeypatch, capsys):
    pytest.importorskip('matplotlib', reason='matplotlib is not installed')
    monkeypatch.setenv('MPLBACKEND', 'Agg')
    import matplotlib
    matplotlib.use('Agg')
    calls = []
    real_plot = bt.Cerebro.plot

    def spy(self, *args, **kwargs):
        calls.append(kwargs)
        return real_plot(self, *args, **kwargs)

    monkeypatch.setattr(bt.Cerebro, 'plot', spy)
    btrun(['-d', DAY1, '-st', ':SMA_CrossOver', '--plot', 'style="candle"'])
    assert calls == [{'style': 'candle'}]
