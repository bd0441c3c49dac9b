"""Entry point of ``python -m backtrader.datacache``."""
import sys

from ._cli import main

if __name__ == '__main__':
    sys.exit(main())
