"""The ``btrun`` command line: options, their names, defaults and help.

Option names, short forms, destinations and defaults are upstream's, so
existing ``btrun`` command lines and scripts calling ``parse_args`` keep
working.  The help text is this project's own.
"""
from __future__ import annotations

import argparse

from ._formats import DATAFORMATS, TIMEFRAMES

_KWARGS = 'kwargs: name=value,... (see below), e.g. %s'

_EPILOG = """\
module:name:kwargs
  module  a .py file (".py" may be left out) or an importable module name;
          empty (":Name", ":Name:kwargs") means the built-in module for the
          option: bt.strategies, bt.signals, bt.observers, bt.analyzers,
          bt.indicators, or the bt.Cerebro methods for --hook
  name    the class (function for --hook) to use; empty ("mymod",
          "mymod::kwargs") takes the first one in alphabetical order
  kwargs  name=value pairs separated by commas, read as Python expressions
          in which bt and datetime can be used, e.g.
          :SharpeRatio:timeframe=bt.TimeFrame.Months,riskfreerate=0.0

example:
  btrun --data prices.txt --strategy :SMA_CrossOver:fast=5,slow=20 \\
        --cash 10000 --analyzer :SharpeRatio --pranalyzer
"""


def _spec_help(what: str) -> str:
    return '%s given as module:name:kwargs (see below); may be given several times' % what


def _add_data_options(parser: argparse.ArgumentParser) -> None:
    # both groups exist first so that options are added in upstream's order
    # (the order of the usage line) while the help lists data options together
    data = parser.add_argument_group(title='Data options')
    cerebro = parser.add_argument_group(title='Cerebro options')
    data.add_argument('--data', '-d', action='append', required=True,
                      help='data file (a ticker for online formats) to load; may '
                           'be given several times')
    cerebro.add_argument('--cerebro', '-cer', metavar='kwargs', required=False,
                         const='', default='', nargs='?',
                         help='keyword arguments for bt.Cerebro(...). '
                              + _KWARGS % '"runonce=False,exactbars=1"')
    cerebro.add_argument('--nostdstats', action='store_true', required=False,
                         help='do not add the standard observers (stdstats=False)')
    # (flags, keywords) of the data selection options, in usage-line order
    _DATE_HELP = '%s date to load, YYYY-MM-DD[THH:MM:SS]'
    selection = [
        (('--format', '--csvformat', '-c'),
         dict(default='btcsv', choices=list(DATAFORMATS),
              help='format of the --data files (default: btcsv)')),
        (('--fromdate', '-f'), dict(default=None, help=_DATE_HELP % 'first')),
        (('--todate', '-t'), dict(default=None, help=_DATE_HELP % 'last')),
        (('--timeframe', '-tf'),
         dict(default='days', choices=list(TIMEFRAMES),
              help='timeframe of the data bars (default: days)')),
        (('--compression', '-cp'),
         dict(default=1, type=int,
              help='units of --timeframe in one data bar (default: 1)')),
    ]
    for flags, keywords in selection:
        data.add_argument(*flags, required=False, **keywords)
    resampling = data.add_mutually_exclusive_group(required=False)
    resampling.add_argument('--resample', '-rs', required=False, default=None,
                            help='resample the data to timeframe[:compression], '
                                 'e.g. weeks or minutes:15')
    resampling.add_argument('--replay', '-rp', required=False, default=None,
                            help='replay the data as timeframe[:compression]')
    cerebro.add_argument('--hook', dest='hooks', action='append', required=False,
                         metavar='module:hookfunction:kwargs',
                         help=_spec_help('a function called as function(cerebro, '
                                         '**kwargs) before the run, e.g. '
                                         'mymod:myhook:a=1 or :addtz:tz="UTC",'))


def _add_object_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(title='Strategy options')
    group.add_argument('--strategy', '-st', dest='strategies', action='append',
                       required=False, metavar='module:name:kwargs',
                       help=_spec_help('a strategy, e.g. :SMA_CrossOver:fast=5,'))
    group = parser.add_argument_group(title='Signals')
    group.add_argument('--signal', '-sig', dest='signals', action='append',
                       required=False, metavar='module:signaltype:name:kwargs',
                       help='a signal indicator run by a SignalStrategy, as '
                            '[signaltype+]module:name:kwargs (e.g. '
                            'long+mymod:MySignal:period=5); signaltype is a '
                            'bt.signal.SIGNAL_* name without the prefix, '
                            'longshort by default; may be given several times')
    group = parser.add_argument_group(title='Observers and statistics')
    group.add_argument('--observer', '-ob', dest='observers', action='append',
                       required=False, metavar='module:name:kwargs',
                       help=_spec_help('an observer, e.g. :DrawDown,'))
    group = parser.add_argument_group(title='Analyzers')
    group.add_argument('--analyzer', '-an', dest='analyzers', action='append',
                       required=False, metavar='module:name:kwargs',
                       help=_spec_help('an analyzer, e.g. :SharpeRatio,'))
    printing = group.add_mutually_exclusive_group(required=False)
    printing.add_argument('--pranalyzer', '-pralyzer', required=False,
                          action='store_true',
                          help='print the analyzers of the first strategy')
    printing.add_argument('--ppranalyzer', '-ppralyzer', required=False,
                          action='store_true',
                          help='pretty-print (pprint) the analyzers of the first '
                               'strategy')
    group = parser.add_argument_group(title='Indicators')
    group.add_argument('--indicator', '-ind', dest='indicators', action='append',
                       required=False, metavar='module:name:kwargs',
                       help=_spec_help('an indicator added to every strategy, '
                                       'e.g. :SMA:period=20,'))
    group = parser.add_argument_group(title='Writers')
    group.add_argument('--writer', '-wr', dest='writers', metavar='kwargs',
                       nargs='?', action='append', required=False, const='',
                       help='add a bt.WriterFile, may be given several times; '
                            + _KWARGS % '"csv=True,out=\'run.csv\'"')


def _add_broker_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(title='Cash and Commission Scheme Args')
    group.add_argument('--cash', '-cash', required=False, type=float,
                       help='starting cash of the broker')
    group.add_argument('--commission', '-comm', required=False, type=float,
                       help='commission: a fraction of the value, or per contract '
                            'when --margin is given')
    group.add_argument('--margin', '-marg', required=False, type=float,
                       help='margin per contract (futures-like scheme)')
    group.add_argument('--mult', '-mul', required=False, type=float,
                       help='contract multiplier')
    group.add_argument('--interest', required=False, type=float, default=None,
                       help='yearly credit interest rate on short positions, '
                            'e.g. 0.05')
    group.add_argument('--interest_long', action='store_true', required=False,
                       default=None, help='charge --interest on long positions too')
    group.add_argument('--slip_perc', required=False, default=None, type=float,
                       help='slippage as a fraction of the price (used instead '
                            'of --slip_fixed when both are given)')
    group.add_argument('--slip_fixed', required=False, default=None, type=float,
                       help='slippage as a fixed price amount')
    group.add_argument('--slip_open', required=False, action='store_true',
                       help='slip orders filled at the opening price too')
    group.add_argument('--no-slip_match', required=False, action='store_true',
                       help="do not cap slipped prices to the bar's high-low range")
    group.add_argument('--slip_out', required=False, action='store_true',
                       help='with capping on, still fill a slipped price outside '
                            'high-low')


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``btrun``."""
    parser = argparse.ArgumentParser(
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=_EPILOG,
        description='Run a backtest from the command line: load data, add strategies,\n'
                    'indicators, observers and analyzers, then print or plot the results.')
    _add_data_options(parser)
    _add_object_options(parser)
    _add_broker_options(parser)
    output = parser.add_argument_group(title='Output')
    output.add_argument('--flush', required=False, action='store_true',
                        help='flush stdout after each printed block')
    output.add_argument('--plot', '-p', nargs='?', metavar='kwargs', default=False,
                        const=True, required=False,
                        help='plot the run with cerebro.plot(**kwargs). '
                             + _KWARGS % "'style=\"candle\"'")
    return parser
