"""``module:name:kwargs`` specifications: parsing, module loading, lookup.

Every object ``btrun`` adds (strategies, analyzers, hooks...) is named on the
command line as ``module:name:kwargs``:

- ``module`` is a Python file (``.py`` may be left out) or, when no such
  file exists, an importable module name; empty means the built-in module
  for that kind of object (``bt.strategies``, ``bt.analyzers``...);
- ``name`` picks a class/function in it; empty means the first one in
  alphabetical order;
- ``kwargs`` is ``a=1,b="x"`` evaluated as Python (``bt`` and ``datetime``
  are available), handed to the object.

Errors are raised as :class:`BtrunError` with a message that names the
option and the offending text; ``btrun()`` turns them into a one-line
message and a non-zero exit.
"""
from __future__ import annotations

import datetime
import difflib
import importlib
import importlib.util
import inspect
import itertools
import os
import sys
from types import ModuleType
from typing import Any, Callable, NamedTuple, Optional

import backtrader as bt


class BtrunError(ValueError):
    """Bad command-line input for btrun (reported without a traceback)."""


class Spec(NamedTuple):
    """One parsed ``[sigtype+]module:name:kwargs`` argument."""
    text: str
    module: str
    name: str
    kwargs: dict
    sigtype: Optional[str] = None


_EVAL_NAMESPACE = {'bt': bt, 'backtrader': bt, 'datetime': datetime}
_modcounter = itertools.count(1)


def eval_kwargs(text: str, what: str) -> dict:
    """``a=1,b=2`` -> ``{'a': 1, 'b': 2}`` (Python expressions as values)."""
    if not text or not text.strip():
        return {}
    try:
        result = eval('dict(%s)' % text, dict(_EVAL_NAMESPACE))  # noqa: S307
    except Exception as exc:  # noqa: BLE001 - any failure is a bad argument
        raise BtrunError('%s: cannot read kwargs %r (expected name=value,...): '
                         '%s: %s' % (what, text, type(exc).__name__, exc)) from exc
    return result


def parse_spec(text: str, option: str, signal: bool = False) -> Spec:
    """Split one command-line specification into its parts."""
    sigtype = None
    head = text.split(':', 1)[0]
    if signal and '+' in head:
        sigtype, text = text.split('+', 1)
        sigtype = sigtype.strip() or 'longshort'
    elif signal:
        sigtype = 'longshort'
    parts = text.split(':', 2) + ['', '']
    module, name, kwtext = (p.strip() for p in parts[:3])
    what = '%s %r' % (option, text)
    return Spec(text, module, name, eval_kwargs(kwtext, what), sigtype)


def _module_path(modpath: str) -> str:
    return modpath if modpath.endswith('.py') else modpath + '.py'


def loadmodule(modpath: str, modname: str = '') -> tuple[Optional[ModuleType],
                                                           Optional[BaseException]]:
    """Load a Python file as a module: ``(module, None)`` or ``(None, error)``.

    A missing file falls back to importing ``modpath`` as a module name, so
    installed packages can be used too (``--strategy mypkg.strats:Cross``).
    """
    path = _module_path(modpath)
    if not os.path.isfile(path):
        try:
            return importlib.import_module(modpath), None
        except Exception:  # noqa: BLE001 - report the file error below
            return None, FileNotFoundError(2, 'No such file or directory', path)
    if not modname:
        stem = os.path.splitext(os.path.basename(path))[0]
        modname = 'btrun_%s_%d' % (''.join(c if c.isalnum() else '_' for c in stem),
                                   next(_modcounter))
    try:
        spec = importlib.util.spec_from_file_location(modname, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[modname] = module
        spec.loader.exec_module(module)
    except Exception as exc:  # noqa: BLE001 - returned to the caller
        sys.modules.pop(modname, None)
        return None, exc
    return module, None


def loadmodule2(modpath: str, modname: str):
    """Same as :func:`loadmodule` with an explicit module name."""
    return loadmodule(modpath, modname)


loadmodule3 = loadmodule2


def getmodclasses(mod: Any, clstype: type, clsname: Optional[str] = None) -> list:
    """Subclasses of ``clstype`` in ``mod`` (by attribute name, sorted), or
    only the one named ``clsname``."""
    found = [obj for name, obj in inspect.getmembers(mod, inspect.isclass)
             if issubclass(obj, clstype) and (not clsname or name == clsname)]
    return found


def getmodfunctions(mod: Any, funcname: Optional[str] = None) -> list:
    """Functions of ``mod`` (sorted by name), or only ``funcname``."""
    return [obj for name, obj in inspect.getmembers(mod, inspect.isfunction)
            if not funcname or name == funcname]


def _load(spec: Spec, option: str) -> Any:
    module, error = loadmodule(spec.module)
    if module is None:
        raise BtrunError('%s %r: failed to load module %r: %s'
                         % (option, spec.text, spec.module, error))
    return module


def _not_found(spec: Spec, option: str, kind: str, module: Any, where: str,
               members: list) -> BtrunError:
    """The error for a spec whose class/function is missing or of the wrong
    kind, suggesting close names."""
    if not spec.name:
        return BtrunError('%s %r: no %s found in %s' % (option, spec.text, kind, where))
    other = getattr(module, spec.name, None)
    if other is not None:
        if inspect.isclass(other):
            got = 'a class derived from %s' % other.__mro__[1].__name__
        else:
            got = 'a %s' % type(other).__name__
        return BtrunError('%s %r: %s in %s is %s, not a %s'
                          % (option, spec.text, spec.name, where, got, kind))
    msg = '%s %r: no %s named %r in %s' % (option, spec.text, kind, spec.name, where)
    close = difflib.get_close_matches(spec.name, members, n=3)
    if close:
        msg += ' (did you mean %s?)' % ', '.join(repr(c) for c in close)
    return BtrunError(msg)


def resolve_class(spec: Spec, clsbase: type, modbase: Any, option: str) -> type:
    """The class a spec names (see the module docstring for the rules)."""
    module = _load(spec, option) if spec.module else modbase
    found = getmodclasses(module, clsbase, spec.name or None)
    if not found:
        names = [n for n, c in inspect.getmembers(module, inspect.isclass)
                 if issubclass(c, clsbase)]
        where = spec.module or getattr(modbase, '__name__', str(modbase))
        raise _not_found(spec, option, 'subclass of bt.%s' % clsbase.__name__, module, where,
                         names)
    return found[0]


def resolve_function(spec: Spec, modbase: Any, option: str) -> Callable:
    """The function a spec names; ``modbase`` (e.g. bt.Cerebro) if no module."""
    module = _load(spec, option) if spec.module else modbase
    found = getmodfunctions(module, spec.name or None)
    if not found:
        names = [n for n, _ in inspect.getmembers(module, inspect.isfunction)]
        where = spec.module or getattr(modbase, '__name__', str(modbase))
        raise _not_found(spec, option, 'function', module, where, names)
    return found[0]


def signal_type(sigtype: str, option: str, text: str) -> int:
    """``longshort`` -> ``bt.signal.SIGNAL_LONGSHORT``."""
    value = getattr(bt.signal, 'SIGNAL_' + sigtype.upper(), None)
    if value is None:
        valid = sorted(n[len('SIGNAL_'):].lower() for n in dir(bt.signal)
                       if n.startswith('SIGNAL_'))
        raise BtrunError('%s %r: unknown signal type %r (choose from %s)'
                         % (option, text, sigtype, ', '.join(valid)))
    return value


def getobjects(iterable, clsbase: type, modbase: Any, issignal: bool = False,
               option: str = '') -> list:
    """``[(cls, kwargs)]`` (``[(cls, kwargs, sigtype)]`` for signals) for
    each specification in ``iterable``."""
    option = option or '--%s' % clsbase.__name__.lower()
    out = []
    for text in iterable or ():
        spec = parse_spec(text, option, signal=issignal)
        if issignal:
            signal_type(spec.sigtype, option, text)
        cls = resolve_class(spec, clsbase, modbase, option)
        out.append((cls, spec.kwargs, spec.sigtype) if issignal else (cls, spec.kwargs))
    return out


def getfunctions(iterable, modbase: Any, option: str = '--hook') -> list:
    """``[(function, kwargs)]`` for each hook specification."""
    out = []
    for text in iterable or ():
        spec = parse_spec(text, option)
        out.append((resolve_function(spec, modbase, option), spec.kwargs))
    return out
