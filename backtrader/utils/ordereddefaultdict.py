"""An insertion-ordered ``defaultdict``.

Kept because user code and analyzers built on backtrader 1.9 import it; on
Python 3.7+ a plain ``defaultdict`` is ordered too, but this class is also
an ``OrderedDict`` (``move_to_end``, order-sensitive equality).
"""
from __future__ import absolute_import, division, print_function, unicode_literals

from collections import OrderedDict
from typing import Any, Callable, Optional

from .py3 import iteritems

__all__ = ['OrderedDefaultdict']


class OrderedDefaultdict(OrderedDict):
    """``OrderedDefaultdict(default_factory=None, *args, **kwargs)``.

    The first positional argument, if any, is the factory called to create
    the value of a missing key; the rest initialise the mapping like
    ``OrderedDict``.  With no factory a missing key raises ``KeyError``.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        factory: Optional[Callable[[], Any]] = None
        if args:
            factory = args[0]
            args = args[1:]
            if factory is not None and not callable(factory):
                raise TypeError('first argument must be callable or None')
        self.default_factory = factory
        super().__init__(*args, **kwargs)

    def __missing__(self, key: Any) -> Any:
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __reduce__(self):
        factory_args = () if self.default_factory is None else (self.default_factory,)
        return type(self), factory_args, None, None, iteritems(self)
