"""``python -m backtrader.btrun``: the same as the ``btrun`` command."""
import sys

from .btrun import btrun

sys.exit(btrun())
