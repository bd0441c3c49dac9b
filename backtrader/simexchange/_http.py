"""The HTTP/1.1 side of the local exchange on asyncio streams.

One listening socket serves REST and WebSocket (an ``Upgrade: websocket``
request is handed to the WebSocket layer with its stream), so clients need
a single URL.  Connections are kept alive between requests as HTTP/1.1
clients (requests, aiohttp) expect; a malformed request gets 400 and the
connection closes, without disturbing any other client.
"""
from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Optional
from urllib.parse import parse_qsl, urlsplit

__all__ = ['HttpServer', 'Request', 'Response', 'serve']

MAX_HEADER_BYTES = 64 * 1024
MAX_BODY_BYTES = 1 << 20
REASONS = {200: 'OK', 101: 'Switching Protocols', 400: 'Bad Request',
           401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found',
           405: 'Method Not Allowed', 413: 'Payload Too Large',
           418: "I'm a teapot", 429: 'Too Many Requests',
           500: 'Internal Server Error', 502: 'Bad Gateway',
           503: 'Service Unavailable', 504: 'Gateway Timeout'}


@dataclass
class Request:
    method: str
    path: str
    query: str               # raw query string (signatures cover it)
    body: str                # raw body text
    headers: dict            # lower-cased names
    params: dict = field(default_factory=dict)  # query + form body, merged

    @classmethod
    def build(cls, method: str, target: str, headers: dict, body: bytes) -> 'Request':
        parts = urlsplit(target)
        text = body.decode('utf-8', 'replace')
        params = dict(parse_qsl(parts.query, keep_blank_values=True))
        ctype = headers.get('content-type', '')
        if text and ('json' in ctype):
            try:
                loaded = json.loads(text)
            except ValueError:
                loaded = None
            if isinstance(loaded, dict):
                params.update({k: v for k, v in loaded.items()})
        elif text:
            params.update(dict(parse_qsl(text, keep_blank_values=True)))
        return cls(method.upper(), parts.path, parts.query, text, headers, params)


@dataclass
class Response:
    status: int = 200
    payload: Any = None
    headers: dict = field(default_factory=dict)
    raw: Optional[bytes] = None   # bytes to send as they are (fault injection)

    def encode(self, keep_alive: bool) -> bytes:
        body = b'' if self.payload is None else \
            json.dumps(self.payload, separators=(',', ':')).encode()
        lines = ['HTTP/1.1 %d %s' % (self.status, REASONS.get(self.status, 'Status')),
                 'Content-Type: application/json;charset=UTF-8',
                 'Content-Length: %d' % len(body),
                 'Connection: %s' % ('keep-alive' if keep_alive else 'close')]
        lines += ['%s: %s' % kv for kv in self.headers.items()]
        return ('\r\n'.join(lines) + '\r\n\r\n').encode() + body


Handler = Callable[[Request], Awaitable[Response]]
Upgrader = Callable[[Request, asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


async def _read_head(reader: asyncio.StreamReader) -> Optional[tuple]:
    try:
        head = await reader.readuntil(b'\r\n\r\n')
    except asyncio.IncompleteReadError:
        return None
    except asyncio.LimitOverrunError:
        raise ValueError('request head too large') from None
    lines = head.decode('latin-1').split('\r\n')
    try:
        method, target, version = lines[0].split(' ', 2)
    except ValueError:
        raise ValueError('malformed request line %r' % lines[0]) from None
    if version not in ('HTTP/1.0', 'HTTP/1.1') or not target.startswith('/'):
        raise ValueError('malformed request line %r' % lines[0])
    headers = {}
    for line in lines[1:]:
        if not line:
            continue
        name, sep, value = line.partition(':')
        if not sep:
            raise ValueError('malformed header line %r' % line)
        headers[name.strip().lower()] = value.strip()
    return method, target, version, headers


async def _connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                      handle: Handler, upgrade: Upgrader) -> None:
    try:
        while True:
            try:
                head = await _read_head(reader)
            except ValueError as exc:
                writer.write(Response(400, {'code': -1100, 'msg': str(exc)}).encode(False))
                await writer.drain()
                return
            if head is None:
                return
            method, target, version, headers = head
            length = int(headers.get('content-length') or 0)
            if length > MAX_BODY_BYTES:
                writer.write(Response(413, {'code': -1000, 'msg': 'body too large'}).encode(False))
                await writer.drain()
                return
            body = await reader.readexactly(length) if length else b''
            request = Request.build(method, target, headers, body)
            if headers.get('upgrade', '').lower() == 'websocket':
                await upgrade(request, reader, writer)
                return
            response = await handle(request)
            if response.raw is not None:  # a fault: whatever the fault says
                if response.raw:
                    writer.write(response.raw)
                    await writer.drain()
                return
            keep = version == 'HTTP/1.1' and headers.get('connection', '').lower() != 'close'
            writer.write(response.encode(keep))
            await writer.drain()
            if not keep:
                return
    except (ConnectionError, asyncio.IncompleteReadError):
        return
    finally:
        try:
            writer.close()
        except RuntimeError:  # loop closing
            pass


class HttpServer:
    """The listening socket and its live connections, closed together."""

    def __init__(self) -> None:
        self.server: Optional[asyncio.base_events.Server] = None
        self.tasks: set = set()

    @property
    def port(self) -> int:
        return self.server.sockets[0].getsockname()[1]

    async def close(self) -> None:
        self.server.close()
        for task in list(self.tasks):
            task.cancel()
        if self.tasks:
            await asyncio.gather(*self.tasks, return_exceptions=True)
        await self.server.wait_closed()


async def serve(handle: Handler, upgrade: Upgrader, host: str = '127.0.0.1',
                port: int = 0) -> HttpServer:
    """Start serving; the server (its ``port`` is the one bound)."""
    holder = HttpServer()

    async def on_client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        holder.tasks.add(task)
        try:
            await _connection(reader, writer, handle, upgrade)
        except asyncio.CancelledError:
            writer.close()
        finally:
            holder.tasks.discard(task)
    holder.server = await asyncio.start_server(on_client, host, port,
                                               limit=MAX_HEADER_BYTES)
    return holder
