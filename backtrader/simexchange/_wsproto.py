"""Server side of the WebSocket protocol (RFC 6455) on asyncio streams.

The fake exchange pushes market data and user-data events over WebSocket the
way real venues do, and it must run wherever backtrader runs: so this module
uses the standard library only.  The HTTP layer reads the request line and the
headers, answers with :func:`handshake_response` and then hands its
reader/writer pair to :class:`WebSocketConnection`, which speaks frames.

Scope (what a local exchange needs, nothing more): no extensions (so no
permessage-deflate: RSV bits must be zero), no subprotocol negotiation,
server-to-client frames are never fragmented nor masked.
"""
from __future__ import annotations

import asyncio
import base64
import hashlib
import socket
import struct
import time

__all__ = ['WebSocketError', 'handshake_response', 'WebSocketConnection']

# RFC 6455 section 1.3: the fixed GUID appended to the client's key.
_ACCEPT_GUID = b'258EAFA5-E914-47DA-95CA-C5AB0DC85B11'

_OP_CONT, _OP_TEXT, _OP_BINARY = 0x0, 0x1, 0x2
_OP_CLOSE, _OP_PING, _OP_PONG = 0x8, 0x9, 0xA
_DATA_OPS = frozenset((_OP_CONT, _OP_TEXT, _OP_BINARY))
_CONTROL_OPS = frozenset((_OP_CLOSE, _OP_PING, _OP_PONG))

# close status codes (section 7.4.1)
_PROTOCOL_ERROR = 1002
_INVALID_DATA = 1007
_TOO_BIG = 1009

_MAX_CONTROL = 125           # section 5.5: control payloads fit in 7 bits
_MAX_CLOSE_REASON = 123      # 125 minus the 2-byte status code
# how long close() waits for buffered bytes to leave before it gives up on a
# peer that stopped reading and drops the connection instead
_CLOSE_TIMEOUT = 2.0


class WebSocketError(Exception):
    """The client broke the WebSocket protocol (handshake or framing)."""


class _Violation(Exception):
    """Internal: a framing error to answer with a close frame of ``code``."""

    def __init__(self, code: int, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def _valid_close_code(code: int) -> bool:
    """Codes that may appear on the wire (section 7.4; 1004-1006 and 1015
    are reserved for local use, 1012-1014 were registered after the RFC)."""
    return (1000 <= code <= 1014 and code not in (1004, 1005, 1006)) \
        or 3000 <= code <= 4999


def handshake_response(headers: dict[str, str]) -> bytes:
    """The full ``101 Switching Protocols`` response for an upgrade request.

    ``headers`` maps lower-cased header names to values.  The key is checked
    to be base64 of 16 bytes because a client that gets it wrong would fail
    later on the accept value with a far less helpful message.
    """
    if not isinstance(headers, dict):
        raise TypeError('headers must be a dict, not %s'
                        % type(headers).__name__)
    key = headers.get('sec-websocket-key', '').strip()
    if not key:
        raise WebSocketError('missing header: Sec-WebSocket-Key')
    version = headers.get('sec-websocket-version', '').strip()
    if not version:
        raise WebSocketError('missing header: Sec-WebSocket-Version')
    if version != '13':
        raise WebSocketError('unsupported Sec-WebSocket-Version %r '
                             '(only 13 is spoken)' % version)
    try:
        raw = base64.b64decode(key.encode('ascii'), validate=True)
    except (ValueError, UnicodeEncodeError):
        raw = b''
    if len(raw) != 16:
        raise WebSocketError('invalid Sec-WebSocket-Key %r (must be base64 '
                             'of 16 bytes)' % key)
    digest = hashlib.sha1(key.encode('ascii') + _ACCEPT_GUID).digest()
    accept = base64.b64encode(digest).decode('ascii')
    return ('HTTP/1.1 101 Switching Protocols\r\n'
            'Upgrade: websocket\r\n'
            'Connection: Upgrade\r\n'
            'Sec-WebSocket-Accept: %s\r\n'
            '\r\n' % accept).encode('ascii')


def _unmask(payload: bytes, mask: bytes) -> bytes:
    """XOR ``payload`` with the repeating 4-byte ``mask`` (section 5.3).

    Done as one big-integer XOR so a 1 MB message costs a few C-level passes
    instead of a Python loop per byte.
    """
    n = len(payload)
    if not n:
        return payload
    key = mask * (n // 4) + mask[:n % 4]
    value = int.from_bytes(payload, 'big') ^ int.from_bytes(key, 'big')
    return value.to_bytes(n, 'big')


def _frame(opcode: int, payload: bytes) -> bytes:
    """One final, unmasked server frame (section 5.2)."""
    n = len(payload)
    first = 0x80 | opcode
    if n < 126:
        header = struct.pack('!BB', first, n)
    elif n < 1 << 16:
        header = struct.pack('!BBH', first, 126, n)
    else:
        header = struct.pack('!BBQ', first, 127, n)
    return header + payload


class WebSocketConnection:
    """One accepted WebSocket connection: read messages, write frames.

    ``recv`` must be called from a single task at a time (it owns the
    reader); ``send``/``ping``/``close`` may be called from any number of
    tasks, a lock keeps their frames whole.  A connection that died is
    reported by ``recv`` returning None and ``closed`` turning True, never by
    ``send`` raising: the exchange broadcasts to many sockets and one dead
    socket must not break the loop.
    """

    def __init__(self, reader: asyncio.StreamReader,
                 writer: asyncio.StreamWriter, *,
                 max_message: int = 1 << 20) -> None:
        if not isinstance(max_message, int) or max_message < 1:
            raise ValueError('max_message must be a positive int, got %r'
                             % (max_message,))
        self._reader = reader
        self._writer = writer
        self.max_message = max_message
        self._lock = asyncio.Lock()
        self._close_sent = False
        self._dead = False           # transport closed or aborted by us
        # starts at creation so "seconds since the peer was last heard" is
        # meaningful before the first pong arrives
        self.last_pong: float = time.monotonic()
        #: status code / reason of the close frame the peer sent, or the one
        #: we sent for a protocol violation (1005: an empty close frame);
        #: None while no close frame was exchanged
        self.close_code: int | None = None
        self.close_reason: str = ''

    @property
    def closed(self) -> bool:
        """True once a close frame was sent or the transport went away."""
        return (self._close_sent or self._dead
                or self._writer.transport.is_closing())

    # -- receiving ---------------------------------------------------------

    async def recv(self) -> str | bytes | None:
        """The next data message, or None once the connection is over.

        Control frames are handled here, in between fragments as the RFC
        allows: pings are answered, pongs time-stamped, a close frame is
        answered and ends the connection.
        """
        if self.closed:
            return None
        try:
            return await self._read_message()
        except _Violation as exc:
            self.close_code, self.close_reason = exc.code, exc.reason
            await self.close(exc.code, exc.reason)
        except (asyncio.IncompleteReadError, ConnectionError, OSError):
            self.abort()
        return None

    async def _read_message(self) -> str | bytes | None:
        """Reassemble one message; None when the peer closed cleanly."""
        kind: int | None = None
        parts: list[bytes] = []
        size = 0
        while True:
            fin, opcode, payload = await self._read_frame()
            if opcode in _CONTROL_OPS:
                if not await self._on_control(opcode, payload):
                    return None
                continue
            if opcode == _OP_CONT:
                if kind is None:
                    raise _Violation(_PROTOCOL_ERROR,
                                     'continuation frame without a message')
            elif kind is not None:
                raise _Violation(_PROTOCOL_ERROR,
                                 'new message inside a fragmented one')
            else:
                kind = opcode
            size += len(payload)
            if size > self.max_message:
                raise _Violation(_TOO_BIG, 'message over %d bytes'
                                 % self.max_message)
            parts.append(payload)
            if fin:
                return self._decode(kind, b''.join(parts))

    @staticmethod
    def _decode(kind: int, data: bytes) -> str | bytes:
        if kind == _OP_BINARY:
            return data
        try:
            return data.decode('utf-8')
        except UnicodeDecodeError:
            raise _Violation(_INVALID_DATA, 'invalid UTF-8 in text message')

    async def _read_frame(self) -> tuple[bool, int, bytes]:
        """One client frame as (fin, opcode, unmasked payload).

        Sizes are checked before the payload is read so a hostile length
        cannot make us buffer gigabytes.
        """
        first, second = await self._reader.readexactly(2)
        fin = bool(first & 0x80)
        opcode = first & 0x0F
        if first & 0x70:
            raise _Violation(_PROTOCOL_ERROR, 'RSV bits set, no extension '
                             'was negotiated')
        if opcode not in _DATA_OPS and opcode not in _CONTROL_OPS:
            raise _Violation(_PROTOCOL_ERROR, 'unknown opcode %#x' % opcode)
        if not second & 0x80:
            raise _Violation(_PROTOCOL_ERROR, 'client frame not masked')
        length = second & 0x7F
        if opcode in _CONTROL_OPS:
            if not fin:
                raise _Violation(_PROTOCOL_ERROR, 'fragmented control frame')
            if length > _MAX_CONTROL:
                raise _Violation(_PROTOCOL_ERROR, 'control frame over 125 '
                                 'bytes')
        elif length == 126:
            length, = struct.unpack('!H', await self._reader.readexactly(2))
        elif length == 127:
            length, = struct.unpack('!Q', await self._reader.readexactly(8))
            if length >> 63:
                raise _Violation(_PROTOCOL_ERROR, 'frame length top bit set')
        if length > self.max_message:
            raise _Violation(_TOO_BIG, 'message over %d bytes'
                             % self.max_message)
        mask = await self._reader.readexactly(4)
        payload = await self._reader.readexactly(length) if length else b''
        return fin, opcode, _unmask(payload, mask)

    async def _on_control(self, opcode: int, payload: bytes) -> bool:
        """Handle a control frame; False when it ended the connection."""
        if opcode == _OP_PING:
            await self._send_frame(_OP_PONG, payload)
        elif opcode == _OP_PONG:
            self.last_pong = time.monotonic()
        else:
            await self._on_close(payload)
            return False
        return True

    async def _on_close(self, payload: bytes) -> None:
        """Record the peer's close frame and echo its code (section 5.5.1)."""
        if len(payload) == 1:
            raise _Violation(_PROTOCOL_ERROR, 'close payload of 1 byte')
        # 1005 "no status received" is what the RFC reports for an empty one
        self.close_code, self.close_reason = 1005, ''
        if payload:
            code, = struct.unpack('!H', payload[:2])
            if not _valid_close_code(code):
                raise _Violation(_PROTOCOL_ERROR, 'invalid close code %d'
                                 % code)
            try:
                reason = payload[2:].decode('utf-8')
            except UnicodeDecodeError:
                raise _Violation(_INVALID_DATA, 'invalid UTF-8 in close '
                                 'reason')
            self.close_code, self.close_reason = code, reason
        # an empty close frame is answered with an empty one
        await self._finish_close(_frame(_OP_CLOSE, payload[:2]))

    # -- sending -----------------------------------------------------------

    async def send(self, message: str | bytes) -> None:
        """Send ``message`` as one frame: str as text, bytes as binary.

        Does nothing on a closed connection (see the class docstring).
        """
        if isinstance(message, str):
            await self._send_frame(_OP_TEXT, message.encode('utf-8'))
        elif isinstance(message, (bytes, bytearray, memoryview)):
            await self._send_frame(_OP_BINARY, bytes(message))
        else:
            raise TypeError('message must be str or bytes, not %s'
                            % type(message).__name__)

    async def ping(self, payload: bytes = b'') -> None:
        """Send a ping; the peer's pong will update ``last_pong``.

        Venues ping their clients to detect dead connections, the fake
        exchange does the same.
        """
        if not isinstance(payload, (bytes, bytearray)):
            raise TypeError('payload must be bytes, not %s'
                            % type(payload).__name__)
        if len(payload) > _MAX_CONTROL:
            raise ValueError('payload must be at most 125 bytes, got %d'
                             % len(payload))
        await self._send_frame(_OP_PING, bytes(payload))

    async def _send_frame(self, opcode: int, payload: bytes) -> None:
        """Write one frame under the lock; a dead transport is swallowed and
        makes the connection count as closed."""
        if self.closed:
            return
        data = _frame(opcode, payload)
        async with self._lock:
            if self.closed:
                return
            try:
                self._writer.write(data)
                await self._writer.drain()
            except (ConnectionError, OSError, RuntimeError):
                self.abort()

    # -- ending ------------------------------------------------------------

    async def close(self, code: int = 1000, reason: str = '') -> None:
        """Send a close frame (once) and close the transport; idempotent.

        The transport is closed right away instead of waiting for the
        peer's answering close frame: the fake exchange shuts many sockets
        down and must not hang on a client that stopped reading.
        """
        if not isinstance(code, int) or not _valid_close_code(code):
            raise ValueError('code must be a valid close status, got %r'
                             % (code,))
        if not isinstance(reason, str):
            raise TypeError('reason must be str, not %s'
                            % type(reason).__name__)
        raw_reason = reason.encode('utf-8')
        if len(raw_reason) > _MAX_CLOSE_REASON:
            raise ValueError('reason must encode to at most 123 bytes, got '
                             '%d' % len(raw_reason))
        if self.closed:
            return
        await self._finish_close(
            _frame(_OP_CLOSE, struct.pack('!H', code) + raw_reason))

    async def _finish_close(self, close_frame: bytes) -> None:
        """Write ``close_frame`` and shut the transport down, giving up
        (abort) if the peer does not take the bytes within the timeout."""
        if self._close_sent or self._dead:
            return
        self._close_sent = True
        try:
            await asyncio.wait_for(self._write_then_close(close_frame),
                                   _CLOSE_TIMEOUT)
        except (asyncio.TimeoutError, ConnectionError, OSError,
                RuntimeError):
            self.abort()

    async def _write_then_close(self, data: bytes) -> None:
        async with self._lock:
            if not self._writer.transport.is_closing():
                self._writer.write(data)
                await self._writer.drain()
            self._dead = True
            self._writer.close()
            await self._writer.wait_closed()

    def abort(self) -> None:
        """Drop the TCP connection at once, without a close frame.

        This is how the exchange simulates a network failure.  Linger is
        set to zero first so the kernel sends a TCP reset instead of an
        orderly FIN: the client then sees a dropped connection, not a peer
        that merely stopped talking.
        """
        self._dead = True
        transport = self._writer.transport
        sock = transport.get_extra_info('socket')
        if sock is not None and not transport.is_closing():
            try:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                struct.pack('ii', 1, 0))
            except OSError:
                pass                     # already gone: nothing to reset
        transport.abort()
