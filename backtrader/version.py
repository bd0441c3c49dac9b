"""Version of this distribution.

``__version__`` is this project's own version (2.x: a drop-in successor of
backtrader 1.9.78.123).  ``__btversion__`` is the same version as a tuple of
its numeric parts, the form backtrader 1.9 exposed for comparisons such as
``bt.__btversion__ >= (1, 9)``.
"""
from __future__ import absolute_import, division, print_function, unicode_literals

__version__ = '2.0.0.dev0'
version = __version__
__btversion__ = tuple(int(part) for part in __version__.split('.') if part.isdigit())

__all__ = ['__version__', '__btversion__', 'version']
