"""The stdlib WebSocket server side (backtrader.simexchange._wsproto) against
a real client, websocket-client, plus raw sockets for the framing errors a
well-behaved client never produces.

A tiny echo server runs on 127.0.0.1 (port 0) in a background thread with its
own event loop; text messages starting with ``cmd:`` make it act (ping, close,
abort, burst) so each server-side behaviour is driven from the test.  After a
connection ends the server reports what it saw on a queue.
"""
from __future__ import annotations

import asyncio
import base64
import os
import queue
import socket
import struct
import threading
import time

import pytest

from backtrader.simexchange import _wsproto as wsp

websocket = pytest.importorskip(
    'websocket', reason='websocket-client is an optional dependency '
                        '(live extras)')
ABNF = websocket.ABNF

TIMEOUT = 5.0


class _EchoServer:
    """Echo server in its own thread; ``reports`` gets one dict per ended
    connection (or per refused handshake)."""

    def __init__(self) -> None:
        self.reports: queue.Queue = queue.Queue()
        self.writers: set = set()
        self.tasks: set = set()
        self.loop = asyncio.new_event_loop()
        ready = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(ready,),
                                       daemon=True)
        self.thread.start()
        if not ready.wait(TIMEOUT):
            raise RuntimeError('echo server did not start')

    def _run(self, ready: threading.Event) -> None:
        asyncio.set_event_loop(self.loop)
        self.server = self.loop.run_until_complete(
            asyncio.start_server(self._handle, '127.0.0.1', 0))
        self.port = self.server.sockets[0].getsockname()[1]
        ready.set()
        self.loop.run_forever()

    def stop(self) -> None:
        """Stop listening, drop what is still connected, end the thread."""
        async def shutdown():
            self.server.close()
            for writer in self.writers:
                writer.transport.abort()
            if self.tasks:
                await asyncio.wait(self.tasks, timeout=TIMEOUT)
        asyncio.run_coroutine_threadsafe(shutdown(), self.loop).result(
            2 * TIMEOUT)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(TIMEOUT)
        self.loop.close()

    def report(self) -> dict:
        return self.reports.get(timeout=TIMEOUT)

    async def _handle(self, reader, writer) -> None:
        self.writers.add(writer)
        self.tasks.add(asyncio.current_task())
        head = await reader.readuntil(b'\r\n\r\n')
        lines = head.decode('latin-1').split('\r\n')
        path = lines[0].split()[1]
        headers = {}
        for line in lines[1:]:
            if ':' in line:
                name, value = line.split(':', 1)
                headers[name.strip().lower()] = value.strip()
        try:
            response = wsp.handshake_response(headers)
        except wsp.WebSocketError as exc:
            self.reports.put({'handshake_error': str(exc)})
            writer.write(b'HTTP/1.1 400 Bad Request\r\n'
                         b'Content-Length: 0\r\n\r\n')
            await writer.drain()
            writer.close()
            return
        writer.write(response)
        await writer.drain()
        max_message = 1000 if path == '/small' else 1 << 20
        ws = wsp.WebSocketConnection(reader, writer, max_message=max_message)
        report = {'messages': 0, 'second_close_ok': None}
        while (message := await ws.recv()) is not None:
            report['messages'] += 1
            if isinstance(message, str) and message.startswith('cmd:'):
                await self._command(ws, message[4:], report)
            else:
                await ws.send(message)
        report['late_send_ok'] = await self._late_send(ws)
        report.update(close_code=ws.close_code, close_reason=ws.close_reason,
                      closed=ws.closed)
        self.reports.put(report)

    async def _command(self, ws, cmd: str, report: dict) -> None:
        if cmd == 'ping':
            report['ping_at'] = time.monotonic()
            await ws.ping(b'hb')
        elif cmd == 'pong-seen':
            seen = ws.last_pong >= report.get('ping_at', float('inf'))
            await ws.send('yes' if seen else 'no')
        elif cmd == 'close':
            await ws.close(4002, 'server bye')
            await ws.close(4003, 'ignored')       # idempotent
            report['second_close_ok'] = True
        elif cmd == 'abort':
            ws.abort()
        elif cmd == 'burst':
            async def sender(char: str) -> None:
                for _ in range(3):
                    await ws.send(char * 70000)
            await asyncio.gather(*(sender(c) for c in 'abcdefghij'))

    @staticmethod
    async def _late_send(ws) -> bool:
        """Sending on a finished connection must be a silent no-op."""
        try:
            await ws.send('late')
            await ws.send(b'late')
            await ws.ping(b'late')
        except Exception:                 # the point: nothing may escape
            return False
        return True


@pytest.fixture
def server():
    srv = _EchoServer()
    yield srv
    srv.stop()


@pytest.fixture
def ws(server):
    client = websocket.create_connection(
        'ws://127.0.0.1:%d/' % server.port, timeout=TIMEOUT)
    yield client
    _close_client(client)


def _close_client(client) -> None:
    """Close handshake if still possible, and the socket in any case
    (websocket-client leaves it open after a failed recv)."""
    try:
        client.close(timeout=1)
    finally:
        client.shutdown()


# -- raw socket helpers ---------------------------------------------------

def _raw_connect(server, path: str = '/') -> socket.socket:
    """A plain socket past a hand-made handshake, checking the accept."""
    sock = socket.create_connection(('127.0.0.1', server.port),
                                    timeout=TIMEOUT)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall(('GET %s HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n'
                  'Connection: Upgrade\r\nSec-WebSocket-Key: %s\r\n'
                  'Sec-WebSocket-Version: 13\r\n\r\n' % (path, key)).encode())
    head = _read_until(sock, b'\r\n\r\n')
    assert head.startswith(b'HTTP/1.1 101 ')
    return sock


def _read_until(sock: socket.socket, end: bytes) -> bytes:
    data = b''
    while not data.endswith(end):
        chunk = sock.recv(1)
        if not chunk:
            raise AssertionError('connection ended early: %r' % data)
        data += chunk
    return data


def _read_exact(sock: socket.socket, n: int) -> bytes:
    data = b''
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise AssertionError('connection ended early')
        data += chunk
    return data


def _read_server_frame(sock: socket.socket) -> tuple[int, int, bytes]:
    """(first byte, opcode, payload) of one server frame, asserting it is
    unmasked as the RFC requires of servers."""
    first, second = _read_exact(sock, 2)
    assert not second & 0x80, 'server frames must not be masked'
    n = second & 0x7F
    if n == 126:
        n, = struct.unpack('!H', _read_exact(sock, 2))
    elif n == 127:
        n, = struct.unpack('!Q', _read_exact(sock, 8))
    return first, first & 0x0F, _read_exact(sock, n)


def _masked(opcode: int, payload: bytes, fin: bool = True,
            rsv: int = 0) -> bytes:
    mask = os.urandom(4)
    body = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    n = len(payload)
    first = (0x80 if fin else 0) | rsv | opcode
    if n < 126:
        header = struct.pack('!BB', first, 0x80 | n)
    elif n < 1 << 16:
        header = struct.pack('!BBH', first, 0x80 | 126, n)
    else:
        header = struct.pack('!BBQ', first, 0x80 | 127, n)
    return header + mask + body


def _expect_close(sock: socket.socket, code: int) -> None:
    first, opcode, payload = _read_server_frame(sock)
    assert opcode == 0x8
    assert struct.unpack('!H', payload[:2])[0] == code
    sock.settimeout(TIMEOUT)
    assert sock.recv(1) == b'', 'server must close the TCP connection'


# -- handshake ------------------------------------------------------------

def test_handshake_accept_value_from_rfc_example():
    response = wsp.handshake_response({
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        'sec-websocket-version': '13'})
    assert response.startswith(b'HTTP/1.1 101 Switching Protocols\r\n')
    assert b'\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n' \
        in response
    assert b'\r\nUpgrade: websocket\r\n' in response
    assert response.endswith(b'\r\n\r\n')


@pytest.mark.parametrize('headers, word', [
    ({'sec-websocket-version': '13'}, 'Sec-WebSocket-Key'),
    ({'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ=='},
     'Sec-WebSocket-Version'),
    ({'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      'sec-websocket-version': '8'}, "'8'"),
    ({'sec-websocket-key': 'c2hvcnQ=', 'sec-websocket-version': '13'},
     'invalid Sec-WebSocket-Key'),
    ({'sec-websocket-key': 'not base64!', 'sec-websocket-version': '13'},
     'invalid Sec-WebSocket-Key'),
])
def test_handshake_rejects_bad_headers(headers, word):
    with pytest.raises(wsp.WebSocketError, match=word):
        wsp.handshake_response(headers)


def test_handshake_missing_key_over_the_wire(server):
    with socket.create_connection(('127.0.0.1', server.port),
                                  timeout=TIMEOUT) as sock:
        sock.sendall(b'GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n'
                     b'Connection: Upgrade\r\n'
                     b'Sec-WebSocket-Version: 13\r\n\r\n')
        head = _read_until(sock, b'\r\n\r\n')
    assert head.startswith(b'HTTP/1.1 400 ')
    assert 'Sec-WebSocket-Key' in server.report()['handshake_error']


# -- data messages --------------------------------------------------------

def test_text_and_binary_echo(ws, server):
    ws.send('héllo ✓')
    assert ws.recv_data() == (ABNF.OPCODE_TEXT, 'héllo ✓'.encode())
    ws.send_binary(b'\x00\xffbin')
    assert ws.recv_data() == (ABNF.OPCODE_BINARY, b'\x00\xffbin')
    ws.send('')
    assert ws.recv_data() == (ABNF.OPCODE_TEXT, b'')


@pytest.mark.parametrize('size', [125, 126, 300, 65535, 65536, 70000])
def test_length_encodings(ws, size):
    """7-bit, 16-bit (126..65535) and 64-bit length paths both ways."""
    payload = bytes(range(256)) * (size // 256) + bytes(range(size % 256))
    ws.send_binary(payload)
    assert ws.recv_data() == (ABNF.OPCODE_BINARY, payload)
    text = 'x' * size
    ws.send(text)
    assert ws.recv() == text


def test_fragmented_message_with_interleaved_ping(ws):
    ws.send_frame(ABNF.create_frame('hel', ABNF.OPCODE_TEXT, fin=0))
    ws.send_frame(ABNF.create_frame(b'lo ', ABNF.OPCODE_CONT, fin=0))
    ws.ping('mid')                     # control frames may come in between
    ws.send_frame(ABNF.create_frame('wörld'.encode(), ABNF.OPCODE_CONT,
                                    fin=1))
    assert ws.recv_data(control_frame=True) == (ABNF.OPCODE_PONG, b'mid')
    assert ws.recv() == 'hello wörld'


def test_utf8_split_across_fragments(ws):
    """A multi-byte character cut between fragments is still valid text."""
    raw = 'ü'.encode()
    ws.send_frame(ABNF.create_frame(raw[:1], ABNF.OPCODE_TEXT, fin=0))
    ws.send_frame(ABNF.create_frame(raw[1:], ABNF.OPCODE_CONT, fin=1))
    assert ws.recv() == 'ü'


def test_concurrent_senders_do_not_interleave(ws):
    ws.send('cmd:burst')
    seen = {}
    for _ in range(30):
        message = ws.recv()
        assert len(message) == 70000 and len(set(message)) == 1
        seen[message[0]] = seen.get(message[0], 0) + 1
    assert seen == {c: 3 for c in 'abcdefghij'}


# -- ping / pong ----------------------------------------------------------

def test_client_ping_gets_pong(ws):
    ws.ping(b'are you there')
    assert ws.recv_data(control_frame=True) == (ABNF.OPCODE_PONG,
                                                b'are you there')


def test_server_ping_reaches_client_and_pong_is_recorded(ws):
    ws.send('cmd:pong-seen')
    assert ws.recv() == 'no'
    ws.send('cmd:ping')
    # websocket-client answers the ping with a pong by itself
    assert ws.recv_data(control_frame=True) == (ABNF.OPCODE_PING, b'hb')
    ws.send('cmd:pong-seen')
    assert ws.recv() == 'yes'


def test_ping_validates_payload():
    conn = wsp.WebSocketConnection.__new__(wsp.WebSocketConnection)
    with pytest.raises(ValueError, match='payload'):
        asyncio.run(conn.ping(b'x' * 126))
    with pytest.raises(TypeError, match='payload'):
        asyncio.run(conn.ping('text'))


# -- closing --------------------------------------------------------------

def test_client_close_is_answered_with_its_code(ws, server):
    ws.send_close(4001, b'bye')
    opcode, payload = ws.recv_data(control_frame=True)
    assert opcode == ABNF.OPCODE_CLOSE
    assert struct.unpack('!H', payload[:2])[0] == 4001
    report = server.report()
    assert (report['close_code'], report['close_reason']) == (4001, 'bye')
    assert report['closed'] and report['late_send_ok']


def test_websocket_client_close_completes(server):
    client = websocket.create_connection(
        'ws://127.0.0.1:%d/' % server.port, timeout=TIMEOUT)
    client.send('one')
    assert client.recv() == 'one'
    client.close(status=1000, timeout=TIMEOUT)
    assert not client.connected
    _close_client(client)
    report = server.report()
    assert report['close_code'] == 1000 and report['messages'] == 1


def test_server_close_with_code(ws, server):
    ws.send('cmd:close')
    opcode, payload = ws.recv_data(control_frame=True)
    assert opcode == ABNF.OPCODE_CLOSE
    assert payload == struct.pack('!H', 4002) + b'server bye'
    report = server.report()
    assert report['second_close_ok'] and report['late_send_ok']
    assert report['closed']


def test_close_validates_arguments():
    conn = wsp.WebSocketConnection.__new__(wsp.WebSocketConnection)
    with pytest.raises(ValueError, match='code'):
        asyncio.run(conn.close(1005))
    with pytest.raises(ValueError, match='reason'):
        asyncio.run(conn.close(1000, 'r' * 124))


def test_abort_drops_connection_without_close_frame(ws, server):
    ws.send('cmd:abort')
    # a close frame would make recv() return; a drop makes it raise
    with pytest.raises((websocket.WebSocketConnectionClosedException,
                        ConnectionError)):
        ws.recv()
    report = server.report()
    assert report['close_code'] is None and report['late_send_ok']


def test_abort_is_a_tcp_reset(server):
    """Not an orderly FIN: the client must see the connection reset."""
    with _raw_connect(server) as sock:
        sock.sendall(_masked(0x1, b'cmd:abort'))
        with pytest.raises(ConnectionResetError):
            sock.recv(1)
    assert server.report()['close_code'] is None


@pytest.mark.parametrize('size, header', [
    (125, b'\x82\x7d'),
    (126, b'\x82\x7e\x00\x7e'),
    (300, b'\x82\x7e\x01\x2c'),
    (65535, b'\x82\x7e\xff\xff'),
    (65536, b'\x82\x7f\x00\x00\x00\x00\x00\x01\x00\x00'),
    (70000, b'\x82\x7f\x00\x00\x00\x00\x00\x01\x11\x70'),
])
def test_server_frames_use_minimal_length_encoding(server, size, header):
    """Section 5.2: the minimal number of bytes must encode the length."""
    with _raw_connect(server) as sock:
        sock.sendall(_masked(0x2, b'z' * size))
        assert _read_exact(sock, len(header)) == header
        assert _read_exact(sock, size) == b'z' * size


def test_peer_vanishing_ends_recv_and_send_stays_silent(server):
    sock = _raw_connect(server)
    sock.sendall(_masked(0x1, b'hi'))
    assert _read_server_frame(sock)[1:] == (0x1, b'hi')
    sock.close()
    report = server.report()
    assert report['close_code'] is None
    assert report['closed'] and report['late_send_ok']


# -- protocol violations --------------------------------------------------

def test_unmasked_frame_gets_1002(server):
    with _raw_connect(server) as sock:
        sock.sendall(b'\x81\x05hello')
        _expect_close(sock, 1002)
    assert server.report()['close_code'] == 1002


@pytest.mark.parametrize('frames', [
    [_masked(0x3, b'x')],                                   # unknown opcode
    [_masked(0xB, b'x')],                                   # unknown control
    [_masked(0x9, b'p' * 126)],                             # big ping
    [_masked(0x9, b'p', fin=False)],                        # fragmented ping
    [_masked(0x0, b'x')],                                   # stray cont
    [_masked(0x1, b'a', fin=False), _masked(0x1, b'b')],    # nested start
    [_masked(0x1, b'a', rsv=0x40)],                         # RSV1 set
    [_masked(0x8, b'\x03')],                                # 1-byte close
    [_masked(0x8, struct.pack('!H', 1005))],                # reserved code
    [struct.pack('!BBQ', 0x82, 0xFF, 1 << 63)],              # length bit 63
], ids=['opcode', 'control-opcode', 'ping-126', 'ping-fragmented',
        'stray-continuation', 'nested-message', 'rsv1', 'close-1-byte',
        'close-1005', 'length-top-bit'])
def test_framing_violations_get_1002(server, frames):
    with _raw_connect(server) as sock:
        sock.sendall(b''.join(frames))
        _expect_close(sock, 1002)
    assert server.report()['close_code'] == 1002


def test_invalid_utf8_gets_1007(ws, server):
    ws.send(b'ok \xff\xfe', opcode=ABNF.OPCODE_TEXT)
    opcode, payload = ws.recv_data(control_frame=True)
    assert opcode == ABNF.OPCODE_CLOSE
    assert struct.unpack('!H', payload[:2])[0] == 1007
    assert server.report()['close_code'] == 1007


def test_invalid_utf8_in_close_reason_gets_1007(server):
    with _raw_connect(server) as sock:
        sock.sendall(_masked(0x8, struct.pack('!H', 1000) + b'\xc3'))
        _expect_close(sock, 1007)
    assert server.report()['close_code'] == 1007


def test_message_over_max_message_gets_1009(server):
    with _raw_connect(server, '/small') as sock:
        sock.sendall(_masked(0x2, b'x' * 1000))
        assert _read_server_frame(sock)[1:] == (0x2, b'x' * 1000)
        sock.sendall(_masked(0x2, b'x' * 1001))
        _expect_close(sock, 1009)
    assert server.report()['close_code'] == 1009


def test_fragments_summing_over_max_message_get_1009(server):
    with _raw_connect(server, '/small') as sock:
        sock.sendall(_masked(0x1, b'a' * 600, fin=False)
                     + _masked(0x0, b'b' * 600))
        _expect_close(sock, 1009)
    assert server.report()['close_code'] == 1009


def test_constructor_validates_max_message():
    with pytest.raises(ValueError, match='max_message'):
        wsp.WebSocketConnection(None, None, max_message=0)


def test_send_rejects_other_types():
    conn = wsp.WebSocketConnection.__new__(wsp.WebSocketConnection)
    with pytest.raises(TypeError, match='message'):
        asyncio.run(conn.send(123))
