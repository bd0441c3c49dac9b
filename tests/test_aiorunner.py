"""The stream thread of CCXTStore (backtrader/stores/_aiorunner.py): one
watch loop per stream however often it is asked for, dropping one stream
leaves the others running, and stop cancels all, runs the clean-up and
joins the thread."""
from __future__ import annotations

import asyncio
import threading
import time

from backtrader.stores._aiorunner import AsyncRunner


def _wait(cond, seconds=5.0):
    deadline = time.monotonic() + seconds
    while not cond() and time.monotonic() < deadline:
        time.sleep(0.01)
    return cond()


def test_one_loop_per_key_dropping_one_keeps_the_others_and_stop_joins():
    runner = AsyncRunner('test-aio')
    runner.start()
    started, ticks, closed = [], {'a': 0, 'b': 0}, []

    def loop_of(key):
        async def watch():
            started.append(key)
            while True:
                ticks[key] += 1
                await asyncio.sleep(0.005)
        return watch

    async def cleanup():
        closed.append(True)

    try:
        assert runner.keep('a', loop_of('a'))
        assert _wait(lambda: 'a' in started)
        assert not runner.keep('a', loop_of('a'))      # already running: no second task
        runner.keep('b', loop_of('b'))
        assert _wait(lambda: ticks['b'] > 3)
        runner.drop('a')
        time.sleep(0.05)
        a_then, b_then = ticks['a'], ticks['b']
        time.sleep(0.1)
        assert ticks['a'] == a_then                     # 'a' stopped
        assert ticks['b'] > b_then                      # 'b' untouched
        assert started.count('a') == 1
    finally:
        thread = runner._thread
        runner.stop(cleanup=cleanup)
    assert closed == [True]
    assert not thread.is_alive() and not runner.running
    assert not any(t.name == 'test-aio' for t in threading.enumerate())


def test_a_finished_loop_is_started_again_on_request():
    runner = AsyncRunner('test-aio-2')
    runner.start()
    runs = []

    async def once():
        runs.append(1)
    try:
        runner.keep('k', once)
        assert _wait(lambda: len(runs) == 1)
        time.sleep(0.02)
        assert runner.keep('k', once)                   # the old one ended: a new one
        assert _wait(lambda: len(runs) == 2)
    finally:
        runner.stop()
