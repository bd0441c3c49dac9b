"""Parameter declaration and the object-construction protocol.

Users declare ``params`` as class data (a tuple of ``(name, default)`` pairs or
a dict).  Subclasses inherit and override them, and every instance gets an
object holding the effective values as ``self.params`` / ``self.p``.  Keyword
arguments matching a parameter name are consumed at construction time, before
``__init__`` runs, so user ``__init__`` methods never see them.

Construction goes through a small chain of overridable class hooks
(``doprenew``, ``donew``, ``dopreinit``, ``doinit``, ``dopostinit``) because
the line machinery needs to act before and after the user's ``__init__`` (set
up data references, find the owner, register the new object).
"""
from __future__ import annotations

import sys
from collections import OrderedDict
from typing import Any, Iterable

__all__ = ['AutoInfoClass', 'MetaBase', 'MetaParams', 'ParamsBase',
           'findowner', 'ItemCollection', 'owner_stack']


def _pairs_of(decl: Any) -> list[tuple[str, Any]]:
    """Normalise a ``params``/``plotinfo`` declaration into (name, value) pairs."""
    if decl is None:
        return []
    if isinstance(decl, dict):
        return list(decl.items())
    out = []
    for item in decl:
        if isinstance(item, str):
            out.append((item, None))
        else:
            name, value = item[0], (item[1] if len(item) > 1 else None)
            out.append((name, value))
    return out


class AutoInfoClass:
    """Holder of named values with class-level defaults.

    Each declaration creates a subclass whose class attributes are the
    defaults; instances only store the values that differ.  ``_derive`` merges
    the declarations of several bases in order, the last one winning.
    """

    _pairs: 'OrderedDict[str, Any]' = OrderedDict()
    _pairsbase: 'OrderedDict[str, Any]' = OrderedDict()
    _recurse = False

    @classmethod
    def _derive(cls, name: str, info: Any, otherbases: Iterable[Any],
                recurse: bool = False) -> type:
        merged: 'OrderedDict[str, Any]' = OrderedDict(cls._pairs)
        for other in otherbases:
            if isinstance(other, type) and issubclass(other, AutoInfoClass):
                merged.update(other._pairs)
            else:
                merged.update(_pairs_of(other))
        own = OrderedDict(_pairs_of(info))
        if recurse:
            for key, value in list(own.items()):
                if isinstance(value, dict):
                    # named after the owner too: a class name shared by two
                    # declarations (every 'top' line) could not be pickled
                    subname = '%s_%s' % (name, key)
                    base = merged.get(key)
                    if isinstance(base, type) and issubclass(base, AutoInfoClass):
                        own[key] = base._derive(subname, value, (), recurse=True)
                    else:
                        own[key] = AutoInfoClass._derive(subname, value, (), recurse=True)
        merged.update(own)
        newname = '%s_%s' % (cls.__name__, name)
        attrs = dict(merged)
        attrs.update(_pairs=merged, _pairsbase=own, _recurse=recurse)
        newcls = type(newname, (cls,), attrs)
        module = sys.modules[cls.__module__]
        newcls.__module__ = cls.__module__
        if not hasattr(module, newname):
            setattr(module, newname, newcls)  # makes instances picklable
        return newcls

    def __init__(self, **kwargs: Any) -> None:
        if self._recurse:
            for key, value in self._pairs.items():
                if isinstance(value, type) and issubclass(value, AutoInfoClass):
                    setattr(self, key, value())
        for key, value in kwargs.items():
            setattr(self, key, value)

    # --- class-level views -------------------------------------------------
    @classmethod
    def _getpairsbase(cls):
        return cls._pairsbase

    @classmethod
    def _getpairs(cls):
        return cls._pairs

    @classmethod
    def _getrecurse(cls):
        return cls._recurse

    @classmethod
    def _getkeys(cls):
        return list(cls._pairs.keys())

    @classmethod
    def _getdefaults(cls):
        return list(cls._pairs.values())

    @classmethod
    def _getitems(cls):
        return cls._pairs.items()

    @classmethod
    def _gettuple(cls):
        return tuple(cls._pairs.items())

    # --- instance views ----------------------------------------------------
    def isdefault(self, pname: str) -> bool:
        return self._get(pname) == self._pairs[pname]

    def notdefault(self, pname: str) -> bool:
        return not self.isdefault(pname)

    def _get(self, name: str, default: Any = None) -> Any:
        return getattr(self, name, default)

    def _getkwargsdefault(self):
        return OrderedDict(self._pairs)

    def _getkwargs(self):
        return OrderedDict((k, getattr(self, k)) for k in self._pairs)

    def _getvalues(self):
        return [getattr(self, k) for k in self._pairs]

    def __getitem__(self, name: str) -> Any:
        return getattr(self, name)

    def __repr__(self) -> str:
        vals = ', '.join('%s=%r' % kv for kv in self._getkwargs().items())
        return '%s(%s)' % (type(self).__name__, vals)


class MetaBase(type):
    """Runs construction as a chain of hooks subclasses may extend."""

    # stage hooks: each returns what the next one works on; the defaults
    # only create the object and run its __init__
    def doprenew(cls, *args, **kwargs):
        return cls, args, kwargs

    def donew(cls, *args, **kwargs):
        maker = cls.__new__
        plain = maker is object.__new__  # object.__new__ takes no arguments
        return (maker(cls) if plain else maker(cls, *args, **kwargs)), args, kwargs

    def doinit(cls, _obj, *args, **kwargs):
        _obj.__init__(*args, **kwargs)
        return _obj, args, kwargs

    def _unchanged(cls, _obj, *args, **kwargs):
        return _obj, args, kwargs

    dopreinit = dopostinit = _unchanged

    def __call__(cls, *args, **kwargs):
        # the class may be swapped before the object exists; afterwards each
        # stage gets the object and the arguments the previous one left
        klass, args, kwargs = cls.doprenew(*args, **kwargs)
        obj, args, kwargs = klass.donew(*args, **kwargs)
        for stage in (klass.dopreinit, klass.doinit, klass.dopostinit):
            obj, args, kwargs = stage(obj, *args, **kwargs)
        return obj


def _import_packages(cls: type, packages: Any, frompackages: Any) -> None:
    """Honour ``packages``/``frompackages`` declarations by importing the
    named modules into the defining module's namespace, as users expect."""
    module = sys.modules[cls.__module__]
    for entry in packages:
        if isinstance(entry, (tuple, list)):
            modname, alias = entry[0], entry[1]
        else:
            modname, alias = entry, entry
        pmod = __import__(modname)
        for part in modname.split('.')[1:]:
            pmod = getattr(pmod, part)
        setattr(module, alias, pmod)
    for entry in frompackages:
        modname, names = entry[0], entry[1]
        if isinstance(names, str):
            names = (names,)
        for name in names:
            if isinstance(name, (tuple, list)):
                name, alias = name[0], name[1]
            else:
                alias = name
            pmod = __import__(modname, fromlist=[str(name)])
            setattr(module, alias, getattr(pmod, name))


class MetaParams(MetaBase):
    """Turns the ``params`` class attribute into an AutoInfoClass subclass and
    gives every instance its own ``params``/``p`` object."""

    def __new__(meta, name, bases, dct):
        newparams = dct.pop('params', ())
        packages = tuple(dct.pop('packages', ()))
        frompackages = tuple(dct.pop('frompackages', ()))
        cls = super().__new__(meta, name, bases, dct)
        baseparams = getattr(cls, 'params', AutoInfoClass)
        if not (isinstance(baseparams, type) and issubclass(baseparams, AutoInfoClass)):
            baseparams = AutoInfoClass
        others = [b.params for b in bases[1:]
                  if isinstance(getattr(b, 'params', None), type)
                  and issubclass(b.params, AutoInfoClass)]
        cls.params = baseparams._derive(name, newparams, others)
        allpkgs = tuple(getattr(cls, 'packages', ())) + packages
        allfrom = tuple(getattr(cls, 'frompackages', ())) + frompackages
        cls.packages, cls.frompackages = allpkgs, allfrom
        if packages or frompackages:
            _import_packages(cls, packages, frompackages)
        return cls

    def donew(cls, *args, **kwargs):
        params = cls.params()
        for pname in cls.params._pairs:
            if pname in kwargs:
                setattr(params, pname, kwargs.pop(pname))
        _obj, args, kwargs = super().donew(*args, **kwargs)
        _obj.params = _obj.p = params
        return _obj, args, kwargs


class ParamsBase(metaclass=MetaParams):
    """Convenience base for plain classes that only need ``params``."""


# ---------------------------------------------------------------------------
# Owner discovery
# ---------------------------------------------------------------------------

#: Objects whose ``__init__`` is currently running, innermost last.  Objects
#: created while an owner is on this stack register with it; this replaces
#: walking the interpreter stack in the common case.
owner_stack: list = []


def findowner(owned: Any, cls: type, startlevel: int = 2, skip: Any = None) -> Any:
    """Return the innermost object of type ``cls`` under construction (or,
    as a fallback, found as ``self`` in a calling frame) other than ``owned``
    and ``skip``."""
    for candidate in reversed(owner_stack):
        if candidate is owned or candidate is skip:
            continue
        if isinstance(candidate, cls):
            return candidate
    level = startlevel
    while True:
        try:
            frame = sys._getframe(level)
        except ValueError:
            return None
        level += 1
        self_ = frame.f_locals.get('self', None)
        if self_ is not owned and self_ is not skip and isinstance(self_, cls):
            return self_


class ItemCollection:
    """A list whose items can also be reached by name."""

    def __init__(self) -> None:
        self._items: list = []
        self._names: list = []

    def __len__(self) -> int:
        return len(self._items)

    def append(self, item: Any, name: str | None = None) -> None:
        setattr(self, name, item)
        self._items.append(item)
        if name:
            self._names.append(name)

    def __getitem__(self, key: int) -> Any:
        return self._items[key]

    def __iter__(self):
        return iter(self._items)

    def getnames(self) -> list:
        return self._names

    def getitems(self):
        return zip(self._names, self._items)

    def getbyname(self, name: str) -> Any:
        return self._items[self._names.index(name)]
