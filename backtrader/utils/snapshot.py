"""Cheap snapshots of plain objects.

Notifications hand the strategy a frozen copy of every order and trade
change; ``copy.copy`` goes through the generic reduce protocol, which for
these plain instance-dict objects is several times slower than copying the
dict directly.
"""
from typing import Any

__all__ = ['shallow_copy']


def shallow_copy(obj: Any) -> Any:
    """Same result as ``copy.copy(obj)`` for an object whose state is its
    instance ``__dict__`` (no ``__slots__``, no ``__copy__``)."""
    new = object.__new__(type(obj))
    new.__dict__.update(obj.__dict__)
    return new
