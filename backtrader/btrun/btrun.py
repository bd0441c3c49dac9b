"""``btrun``: run a backtest described entirely on the command line.

    btrun --csvformat btcsv --data prices.txt --strategy :SMA_CrossOver \\
          --cash 10000 --analyzer :SharpeRatio --pranalyzer

The console script (``btrun``), ``python -m backtrader.btrun.btrun`` and
``backtrader.btrun.btrun(argv)`` all land in :func:`btrun`.  Options and
the helper functions below keep upstream's names; see ``btrun --help``.
Bad input (an unknown module or class, unreadable kwargs, a missing data
file) ends with a one-line ``btrun: error: ...`` on stderr and exit status
1, never a traceback; errors raised by the user's own code during the run
keep their traceback.
"""
from __future__ import (absolute_import, division, print_function,  # noqa: F401
                        unicode_literals)

import datetime
import os
import shlex
import sys
from typing import Any, Optional, Sequence, Union

import backtrader as bt

from ._formats import DATAFORMATS, REMOTE_FORMATS, TIMEFRAMES, FormatUnavailable
from ._options import build_parser
from ._specs import (BtrunError, eval_kwargs, getfunctions, getmodclasses,  # noqa: F401
                     getmodfunctions, getobjects, loadmodule, loadmodule2,
                     loadmodule3, signal_type)

__all__ = ['btrun', 'parse_args', 'getdatas', 'setbroker', 'getobjects',
           'getfunctions', 'getmodclasses', 'getmodfunctions', 'loadmodule',
           'loadmodule2', 'loadmodule3', 'DATAFORMATS', 'TIMEFRAMES', 'BtrunError']

_DATE_FORMATS = ('%Y-%m-%d', '%Y-%m-%dT%H:%M:%S')


def parse_args(pargs: Union[str, Sequence[str], None] = ''):
    """Parse the command line (``sys.argv[1:]`` when ``pargs`` is empty;
    a string is split like a shell would)."""
    if isinstance(pargs, str):
        pargs = shlex.split(pargs) if pargs else None
    elif pargs is not None:
        pargs = list(pargs)
    return build_parser().parse_args(pargs)


def _parse_date(text: Optional[str], option: str) -> Optional[datetime.datetime]:
    if text is None:
        return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise BtrunError('%s %r: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS'
                     % (option, text))


def _feed_class(fmt: str) -> type:
    try:
        return DATAFORMATS[fmt]
    except FormatUnavailable as exc:
        raise BtrunError('--format %s: %s' % (fmt, exc)) from exc


def getdatas(args) -> list:
    """The data feeds ``--data``/``--format``/dates/timeframe describe."""
    dfcls = _feed_class(args.format)
    kwargs: dict[str, Any] = {
        'timeframe': TIMEFRAMES[args.timeframe],
        'compression': args.compression,
    }
    fromdate = _parse_date(args.fromdate, '--fromdate')
    todate = _parse_date(args.todate, '--todate')
    if fromdate is not None:
        kwargs['fromdate'] = fromdate
    if todate is not None:
        kwargs['todate'] = todate
    if args.compression < 1:
        raise BtrunError('--compression %d: must be 1 or more' % args.compression)
    datas = []
    for dname in args.data:
        if args.format not in REMOTE_FORMATS and not os.path.isfile(dname):
            raise BtrunError('--data %r: no such file' % dname)
        datas.append(dfcls(dataname=dname, **kwargs))
    return datas


def _timeframe_spec(text: str, option: str) -> tuple[int, int]:
    """``weeks`` / ``minutes:15`` -> (bt.TimeFrame value, compression)."""
    tfname, _, comp = text.partition(':')
    tf = TIMEFRAMES.get(tfname.strip().lower())
    if tf is None:
        raise BtrunError('%s %r: unknown timeframe %r (choose from %s)'
                         % (option, text, tfname, ', '.join(TIMEFRAMES)))
    if not comp.strip():
        return tf, 1
    try:
        compression = int(comp)
    except ValueError:
        compression = 0
    if compression < 1:
        raise BtrunError('%s %r: compression %r is not a positive integer'
                         % (option, text, comp))
    return tf, compression


def _add_datas(args, cerebro) -> None:
    if args.resample:
        tf, cp = _timeframe_spec(args.resample, '--resample')
    elif args.replay:
        tf, cp = _timeframe_spec(args.replay, '--replay')
    for data in getdatas(args):
        if args.resample:
            cerebro.resampledata(data, timeframe=tf, compression=cp)
        elif args.replay:
            cerebro.replaydata(data, timeframe=tf, compression=cp)
        else:
            cerebro.adddata(data)


def setbroker(args, cerebro) -> None:
    """Cash, commission scheme and slippage from the command line."""
    broker = cerebro.getbroker()
    if args.cash is not None:
        broker.setcash(args.cash)
    commkwargs = {name: getattr(args, name)
                  for name in ('commission', 'margin', 'mult', 'interest',
                               'interest_long')
                  if getattr(args, name) is not None}
    if commkwargs:
        broker.setcommission(**commkwargs)
    slipkwargs = dict(slip_open=args.slip_open, slip_match=not args.no_slip_match,
                      slip_out=args.slip_out)
    if args.slip_perc is not None:
        broker.set_slippage_perc(args.slip_perc, **slipkwargs)
    elif args.slip_fixed is not None:
        broker.set_slippage_fixed(args.slip_fixed, **slipkwargs)


def _add_objects(args, cerebro) -> None:
    """Everything named by a module:name:kwargs option, in upstream's order."""
    for cls, kwargs, sigtype in getobjects(args.signals, bt.Indicator, bt.signals,
                                           issignal=True, option='--signal'):
        cerebro.add_signal(signal_type(sigtype, '--signal', sigtype), cls, **kwargs)
    for cls, kwargs in getobjects(args.strategies, bt.Strategy, bt.strategies,
                                  option='--strategy'):
        cerebro.addstrategy(cls, **kwargs)
    for cls, kwargs in getobjects(args.indicators, bt.Indicator, bt.indicators,
                                  option='--indicator'):
        cerebro.addindicator(cls, **kwargs)
    for cls, kwargs in getobjects(args.observers, bt.Observer, bt.observers,
                                  option='--observer'):
        cerebro.addobserver(cls, **kwargs)
    for cls, kwargs in getobjects(args.analyzers, bt.Analyzer, bt.analyzers,
                                  option='--analyzer'):
        cerebro.addanalyzer(cls, **kwargs)
    for text in args.writers or ():
        cerebro.addwriter(bt.WriterFile, **eval_kwargs(text, '--writer %r' % text))


def _build(args):
    """A ready-to-run Cerebro; raises BtrunError for bad input."""
    cerkwargs = eval_kwargs(args.cerebro, '--cerebro %r' % args.cerebro)
    if args.nostdstats:
        cerkwargs['stdstats'] = False
    try:
        cerebro = bt.Cerebro(**cerkwargs)
    except (TypeError, ValueError) as exc:
        raise BtrunError('--cerebro %r: %s' % (args.cerebro, exc)) from exc
    _add_datas(args, cerebro)
    _add_objects(args, cerebro)
    setbroker(args, cerebro)
    hooks = getfunctions(args.hooks, bt.Cerebro, option='--hook')
    for hook, kwargs in hooks:
        hook(cerebro, **kwargs)
    return cerebro


def _print_analyzers(args, strategy) -> None:
    if not (args.pranalyzer or args.ppranalyzer) or not len(strategy.analyzers):
        return
    print('=' * 20)
    print('== Analyzers')
    print('=' * 20)
    for name, analyzer in strategy.analyzers.getitems():
        if args.pranalyzer:
            analyzer.print()
        else:
            print('#' * 10)
            print(name)
            print('#' * 10)
            analyzer.pprint()
        if args.flush:
            sys.stdout.flush()


def _headless_backend() -> None:
    """Without a display (and no backend chosen by the user) plot with Agg:
    an interactive backend would fail there, Agg renders and shows nothing."""
    if os.environ.get('MPLBACKEND') or not sys.platform.startswith('linux'):
        return
    if os.environ.get('DISPLAY') or os.environ.get('WAYLAND_DISPLAY'):
        return
    try:
        import matplotlib
    except ImportError:
        return
    matplotlib.use('Agg')


def _plot_kwargs(args) -> Optional[dict]:
    """The kwargs for cerebro.plot (None: no plot), checked before the run."""
    if not args.plot:
        return None
    text = '' if args.plot is True else args.plot
    kwargs = eval_kwargs(text, '--plot %r' % text)
    _headless_backend()
    try:
        import backtrader.plot  # noqa: F401
    except ImportError as exc:
        raise BtrunError('--plot: plotting is not available here (importing '
                         'backtrader.plot failed: %s)' % exc) from exc
    return kwargs


def _fail(exc: BaseException) -> None:
    sys.stdout.flush()
    sys.stderr.write('btrun: error: %s\n' % exc)
    raise SystemExit(1)


def btrun(pargs: Union[str, Sequence[str], None] = '') -> None:
    """Run the backtest the command line describes (``pargs`` or
    ``sys.argv[1:]``); exits with status 1 on bad input."""
    args = parse_args(pargs)
    try:
        plotkwargs = _plot_kwargs(args)
        cerebro = _build(args)
    except BtrunError as exc:
        _fail(exc)
    runsts = cerebro.run()
    if args.flush:
        sys.stdout.flush()
    if runsts:
        _print_analyzers(args, runsts[0])
    if plotkwargs is not None:
        cerebro.plot(**plotkwargs)

if __name__ == '__main__':
    sys.exit(btrun())
