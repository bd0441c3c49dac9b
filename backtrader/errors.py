"""Exceptions raised by the engine."""

__all__ = ['BacktraderError', 'StrategySkipError', 'DataError', 'ParameterError']


class BacktraderError(Exception):
    """Base exception for all package errors."""


class StrategySkipError(BacktraderError):
    """Raised in a strategy's ``__init__`` to skip it (e.g. in optimisation)."""


class DataError(BacktraderError, ValueError):
    """Bad input data: names the source, the line and the field."""


class ParameterError(BacktraderError, ValueError):
    """A parameter got a value it cannot take."""
