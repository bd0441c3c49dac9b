"""An asyncio event loop on its own thread, for the ccxt.pro WebSocket
client: coroutines are submitted from any thread, long-running watch
loops are kept by name (one per stream, never two), and ``stop`` cancels
them, runs the given async clean-up (closing the exchange) and joins the
thread.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from typing import Any, Awaitable, Callable, Optional

__all__ = ['AsyncRunner']


class AsyncRunner:
    def __init__(self, name: str = 'aio') -> None:
        self.name = name
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._thread: Optional[threading.Thread] = None
        self._ready = threading.Event()
        self._tasks: dict = {}

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.running:
            return
        self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
        self._thread.start()
        if not self._ready.wait(10.0):
            raise RuntimeError('the %s event loop did not start' % self.name)

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            loop.close()

    def submit(self, coro: Awaitable) -> concurrent.futures.Future:
        """Run ``coro`` on the loop; a future of its result."""
        if self._loop is None:
            raise RuntimeError('the %s event loop is not running' % self.name)
        return asyncio.run_coroutine_threadsafe(coro, self._loop)

    def keep(self, key: Any, factory: Callable[[], Awaitable]) -> bool:
        """Start the task ``factory()`` under ``key`` unless one runs; True
        when started."""
        def start() -> None:
            task = self._tasks.get(key)
            if task is None or task.done():
                self._tasks[key] = self._loop.create_task(factory())
        if self._loop is None:
            raise RuntimeError('the %s event loop is not running' % self.name)
        before = key in self._tasks and not self._tasks[key].done()
        self._loop.call_soon_threadsafe(start)
        return not before

    def drop(self, key: Any) -> None:
        def cancel() -> None:
            task = self._tasks.pop(key, None)
            if task is not None:
                task.cancel()
        if self._loop is not None:
            self._loop.call_soon_threadsafe(cancel)

    def stop(self, cleanup: Optional[Callable[[], Awaitable]] = None,
             timeout: float = 10.0) -> None:
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return

        async def finish() -> None:
            tasks = list(self._tasks.values())
            self._tasks.clear()
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            if cleanup is not None:
                try:
                    await asyncio.wait_for(cleanup(), timeout / 2)
                except Exception:  # closing a broken connection may fail; we stop anyway
                    pass
        try:
            asyncio.run_coroutine_threadsafe(finish(), loop).result(timeout)
        except Exception:  # a stuck clean-up must not keep the thread alive
            pass
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout)
        self._loop = self._thread = None
