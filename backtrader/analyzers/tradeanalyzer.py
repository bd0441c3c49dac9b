"""Statistics about closed trades: counts, streaks, profit and length."""
from __future__ import annotations

from typing import Any

from ..analyzer import Analyzer
from ..utils.autodict import AutoOrderedDict
from ..utils.py3 import MAXINT

__all__ = ['TradeAnalyzer']

_WONLOST = ('won', 'lost')


def _extreme(node: Any, key: str, value: Any, lowest: bool) -> None:
    """Keep in ``node[key]`` the max (or, for losses, the min: the biggest
    loss) of its current value (0 when unset) and ``value``."""
    current = node[key] or 0.0
    node[key] = min(current, value) if lowest else max(current, value)


def _len_max(node: Any, barlen: int) -> None:
    """Longest length seen (0 when unset)."""
    node['max'] = max(node['max'] or 0, barlen)


def _len_min(node: Any, barlen: int) -> None:
    """Shortest length seen; a zero length (not applicable to this branch)
    leaves the value as it is (MAXINT until a trade is counted)."""
    current = node['min'] or MAXINT
    node['min'] = min(current, barlen or current)


class TradeAnalyzer(Analyzer):
    """Statistics on closed trades (and the count of open ones).

    ``get_analysis()`` returns an AutoOrderedDict with:

      - total: total / open / closed
      - streak: won / lost, each with current and longest
      - pnl: gross / net, each with total and average
      - won / lost: total and pnl (total, average, max)
      - long / short: total, pnl (total, average, won, lost), won, lost
      - len: total, average, max, min and the same for won / lost / long /
        short (long and short split again in won / lost)

    A trade counts as won when its net profit (``pnlcomm``) is >= 0.
    Branches are only created once the first trade closes.
    """

    def create_analysis(self) -> None:
        self.rets = AutoOrderedDict()
        self.rets['total']['total'] = 0

    def stop(self) -> None:
        super().stop()
        self.rets._close()

    def notify_trade(self, trade: Any) -> None:
        if trade.justopened:
            self.rets['total']['total'] += 1
            self.rets['total']['open'] += 1
        elif trade.status == trade.Closed:
            self._closed_trade(trade)

    def _closed_trade(self, trade: Any) -> None:
        # item access throughout: plain dict operations, no per-access
        # Python attribute hooks of the auto-dicts
        won = int(trade.pnlcomm >= 0.0)
        res = {'won': won, 'lost': int(not won),
               'tlong': trade.long, 'tshort': not trade.long}
        rets = self.rets
        rets['total']['open'] -= 1
        rets['total']['closed'] += 1
        self._streaks(res)
        self._pnl(trade, res)
        self._sides(trade, res)
        self._lengths(trade, res)

    def _streaks(self, res: Any) -> None:
        for wl in _WONLOST:
            streak = self.rets['streak'][wl]
            streak['current'] *= res[wl]
            streak['current'] += res[wl]
            streak['longest'] = max(streak['longest'] or 0, streak['current'])

    def _pnl(self, trade: Any, res: Any) -> None:
        rets = self.rets
        closed = rets['total']['closed']
        for key, amount in (('gross', trade.pnl), ('net', trade.pnlcomm)):
            node = rets['pnl'][key]
            node['total'] += amount
            node['average'] = node['total'] / closed
        for wl in _WONLOST:
            node = rets[wl]
            node['total'] += res[wl]
            pnl = node['pnl']
            amount = trade.pnlcomm * res[wl]
            pnl['total'] += amount
            pnl['average'] = pnl['total'] / (node['total'] or 1.0)
            _extreme(pnl, 'max', amount, lowest=(wl == 'lost'))

    def _sides(self, trade: Any, res: Any) -> None:
        for side in ('long', 'short'):
            node = self.rets[side]
            onside = res['t' + side]
            node['total'] += onside
            pnl = node['pnl']
            pnl['total'] += trade.pnlcomm * onside
            pnl['average'] = pnl['total'] / (node['total'] or 1.0)
            for wl in _WONLOST:
                amount = trade.pnlcomm * res[wl] * onside
                node[wl] += res[wl] * onside
                sub = pnl[wl]
                sub['total'] += amount
                sub['average'] = sub['total'] / (node[wl] or 1.0)
                _extreme(sub, 'max', amount, lowest=(wl == 'lost'))

    def _lengths(self, trade: Any, res: Any) -> None:
        rets = self.rets
        barlen = trade.barlen
        node = rets['len']
        node['total'] += barlen
        node['average'] = node['total'] / rets['total']['closed']
        _len_max(node, barlen)
        node['min'] = min(node['min'] or MAXINT, barlen)
        for wl in _WONLOST:
            sub = node[wl]
            sublen = barlen * res[wl]
            sub['total'] += sublen
            sub['average'] = sub['total'] / (rets[wl]['total'] or 1.0)
            _len_max(sub, sublen)
            if sublen:  # the branch has no min until a trade of its kind
                sub['min'] = min(sub['min'] or MAXINT, sublen)
        for side in ('long', 'short'):
            sub = node[side]
            sidelen = barlen * res['t' + side]
            sub['total'] += sidelen
            sub['average'] = sub['total'] / (rets[side]['total'] or 1.0)
            _len_max(sub, sidelen)
            _len_min(sub, sidelen)
            for wl in _WONLOST:
                leaf = sub[wl]
                leaflen = barlen * res['t' + side] * res[wl]
                leaf['total'] += leaflen
                leaf['average'] = leaf['total'] / (rets[side][wl] or 1.0)
                _len_max(leaf, leaflen)
                _len_min(leaf, leaflen)
