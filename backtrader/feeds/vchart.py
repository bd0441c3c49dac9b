"""``VChartData``: a VisualChart binary data file given by its path.

``dataname`` is the file: ``.min`` files hold minute bars, ``.fd`` files
daily ones (any other name gets ``.fd`` appended).  Daily bars are stamped
at midnight, as upstream.  ``VChartFeed`` builds such feeds from
VisualChart symbols: ``<basepath>/RealServer/Data/<chars 1-2>/<chars
3-6>/<symbol>``.  The record layout is described in ``_vchartbin``.
"""
from __future__ import annotations

import os
from typing import Any

from .. import feed
from ._vchartbin import DAILY, MINUTES, BarFileFeed

__all__ = ['VChartData', 'VChartFeed']

_LAYOUTS = {'.fd': DAILY, '.min': MINUTES}


class VChartData(BarFileFeed, feed.DataBase):
    """Reads a VisualChart ``.fd``/``.min`` file (see module docstring)."""

    def start(self) -> None:
        super().start()
        path = self.p.dataname
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError('VChartData: dataname must be a file path, got %s'
                            % type(path).__name__)
        path = os.fspath(path)
        layout = _LAYOUTS.get(os.path.splitext(path)[1])
        if layout is None:
            path += '.fd'
            layout = DAILY
        self._open(path, layout)


class VChartFeed(feed.FeedBase):
    """Makes :class:`VChartData` feeds from VisualChart symbols found under
    ``basepath``."""

    DataCls = VChartData

    params = (('basepath', ''),) + DataCls.params._gettuple()

    def _getdata(self, dataname: Any, **kwargs: Any) -> Any:
        kwargs.pop('basepath', None)
        symbol = str(dataname)
        kwargs['dataname'] = os.path.join(self.p.basepath, 'RealServer', 'Data',
                                          symbol[0:2], symbol[2:6], symbol)
        return self.DataCls(**kwargs)
