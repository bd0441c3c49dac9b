"""Small stdout helpers: a file wrapper that flushes on every write and a
sink that silences ``sys.stdout`` until stopped."""
from __future__ import absolute_import, division, print_function, unicode_literals

import sys
from typing import Any, TextIO

__all__ = ['flushfile', 'StdOutDevNull']


class flushfile(object):
    """Wrap a file so that each ``write`` reaches the OS at once (useful for
    consoles that buffer, and for logs read while a backtest runs)."""

    def __init__(self, f: TextIO) -> None:
        self.f = f

    def write(self, x: str) -> None:
        self.f.write(x)
        self.f.flush()

    def flush(self) -> None:
        self.f.flush()


class StdOutDevNull(object):
    """Replace ``sys.stdout`` with a sink on creation; ``stop()`` restores
    the stream that was there before."""

    def __init__(self) -> None:
        self.stdout = sys.stdout
        sys.stdout = self

    def write(self, x: Any) -> None:
        pass

    def flush(self) -> None:
        pass

    def stop(self) -> None:
        sys.stdout = self.stdout
