"""Packaging for the ``backtrader`` distribution.

The distribution keeps upstream's name so that ``pip install .`` replaces an
installed backtrader 1.9.78.123 and existing ``import backtrader as bt``
code runs on this implementation unchanged.
"""
import os

from setuptools import find_packages, setup

HERE = os.path.dirname(os.path.abspath(__file__))


def read_version() -> str:
    """Read ``__version__`` without importing the package (its runtime
    dependencies are not installed yet when this runs)."""
    namespace: dict = {}
    with open(os.path.join(HERE, 'backtrader', 'version.py'), encoding='utf-8') as fh:
        exec(fh.read(), namespace)
    return namespace['__version__']


def read_readme() -> str:
    path = os.path.join(HERE, 'README.md')
    if not os.path.exists(path):
        return ''
    with open(path, encoding='utf-8') as fh:
        return fh.read()


setup(
    name='backtrader',
    version=read_version(),
    description=('Drop-in, faster replacement for backtrader 1.9.78.123 '
                 'with crypto exchange support'),
    long_description=read_readme(),
    long_description_content_type='text/markdown',
    license='GPLv3+',
    python_requires='>=3.10',
    packages=find_packages(include=['backtrader', 'backtrader.*']),
    package_data={'backtrader': ['datafiles/*.csv']},
    include_package_data=True,
    install_requires=[
        'numpy>=1.23',
        'pandas>=1.5',
    ],
    extras_require={
        'live': ['ccxt', 'python-binance', 'websocket-client'],
        'plot': ['matplotlib'],
        # the local cache of exchange history stores Parquet (CSV without it)
        'cache': ['pyarrow'],
        # the live path is tested with the real clients against the local
        # exchange, so the tests need them; the cache is tested with Parquet
        'test': ['pytest', 'pytest-mock', 'matplotlib', 'ccxt', 'python-binance',
                 'websocket-client', 'pyarrow'],
    },
    # the same console command upstream installs
    entry_points={'console_scripts': ['btrun=backtrader.btrun.btrun:btrun']},
    classifiers=[
        'Development Status :: 3 - Alpha',
        'Intended Audience :: Financial and Insurance Industry',
        'License :: OSI Approved :: GNU General Public License v3 or later (GPLv3+)',
        'Programming Language :: Python :: 3',
        'Programming Language :: Python :: 3 :: Only',
        'Topic :: Office/Business :: Financial :: Investment',
    ],
)
