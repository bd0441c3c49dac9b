"""Stream protocols: what differs between venues' WebSocket streams.

The manager knows nothing about a venue.  A protocol object tells it the
URL to dial, how to ask for streams and how to take an incoming text frame
apart into "data for stream X", "reply to request n" or "error".  A new
venue is a new subclass of :class:`StreamProtocol`; the manager, its
heartbeat, reconnect and queues stay as they are.
"""
from __future__ import annotations

import json
from typing import Any, NamedTuple, Optional, Sequence

__all__ = ['Incoming', 'StreamProtocol', 'BinanceProtocol']

DATA = 'data'          # payload of a stream
REPLY = 'reply'        # answer to one of our requests
ERROR = 'error'        # the venue refused a request or a message
UNKNOWN = 'unknown'    # anything else (kept for counting, never routed)


class Incoming(NamedTuple):
    """One parsed frame: ``kind`` is one of 'data', 'reply', 'error',
    'unknown'; ``stream``/``payload`` are set for data, ``ident``
    (request id) and ``payload`` (the result) for replies, ``ident`` and
    ``error`` for errors."""
    kind: str
    stream: Optional[str] = None
    payload: Any = None
    ident: Optional[int] = None
    error: Any = None


class StreamProtocol:
    """Base class of a venue's stream protocol; subclasses override every
    method that raises ``NotImplementedError``."""

    #: most stream names put in one subscribe/unsubscribe message
    max_streams_per_message: int = 200

    def url(self) -> str:
        """The URL to connect to (one connection carries every stream)."""
        raise NotImplementedError

    def normalise(self, stream: str) -> str:
        """The stream name as the venue writes it in its data frames, so
        routing keys match what arrives."""
        return stream

    def is_user_stream(self, stream: str) -> bool:
        """True when ``stream`` carries account events, not market data."""
        return False

    def subscribe_message(self, streams: Sequence[str], ident: int) -> str:
        raise NotImplementedError

    def unsubscribe_message(self, streams: Sequence[str], ident: int) -> str:
        raise NotImplementedError

    def parse(self, text: Any) -> Incoming:
        raise NotImplementedError

    def event_time(self, payload: Any) -> Optional[int]:
        """Event time in ms since the epoch carried by ``payload``, if any
        (used for the lag counter)."""
        return None


class BinanceProtocol(StreamProtocol):
    """Binance's combined streams (spot and USDⓈ-M futures).

    ``base_url`` is the stream host, e.g. ``wss://stream.binance.com:9443``,
    ``wss://fstream.binance.com`` or a local ``ws://127.0.0.1:PORT`` (spot)
    / ``ws://127.0.0.1:PORT/futures``; the connection goes to
    ``<base_url>/stream`` and streams are added with ``SUBSCRIBE``.  Data
    frames are ``{"stream": name, "data": payload}``, replies
    ``{"result": null, "id": n}``, refusals ``{"error": {...}, "id": n}``.
    A stream name without ``@`` (and not starting with ``!``) is a listen
    key: the account's user-data stream.
    """

    def __init__(self, base_url: str, *, max_streams_per_message: int = 200) -> None:
        if not isinstance(base_url, str):
            raise TypeError('base_url must be a str, got %r' % (base_url,))
        if not base_url.startswith(('ws://', 'wss://')):
            raise ValueError('base_url must start with ws:// or wss://, got %r'
                             % (base_url,))
        if (not isinstance(max_streams_per_message, int)
                or isinstance(max_streams_per_message, bool)
                or max_streams_per_message < 1):
            raise ValueError('max_streams_per_message must be a positive int, got %r'
                             % (max_streams_per_message,))
        self.base_url = base_url.rstrip('/')
        self.max_streams_per_message = max_streams_per_message

    def __repr__(self) -> str:
        return 'BinanceProtocol(%r)' % (self.base_url,)

    def url(self) -> str:
        return self.base_url + '/stream'

    def normalise(self, stream: str) -> str:
        # Binance echoes market streams with the symbol in lower case and
        # the kind as spelled (bookTicker, aggTrade); '!' streams and
        # listen keys are echoed unchanged.
        symbol, at, kind = stream.partition('@')
        if not at or symbol.startswith('!'):
            return stream
        return symbol.lower() + at + kind

    def is_user_stream(self, stream: str) -> bool:
        return '@' not in stream and not stream.startswith('!')

    def subscribe_message(self, streams: Sequence[str], ident: int) -> str:
        return json.dumps({'method': 'SUBSCRIBE', 'params': list(streams), 'id': ident})

    def unsubscribe_message(self, streams: Sequence[str], ident: int) -> str:
        return json.dumps({'method': 'UNSUBSCRIBE', 'params': list(streams),
                           'id': ident})

    def parse(self, text: Any) -> Incoming:
        try:
            message = json.loads(text)
        except (ValueError, TypeError) as exc:
            return Incoming(ERROR, error='not JSON: %s' % (exc,))
        if not isinstance(message, dict):
            return Incoming(UNKNOWN, payload=message)
        stream = message.get('stream')
        if isinstance(stream, str) and 'data' in message:
            return Incoming(DATA, stream=stream, payload=message['data'])
        if 'error' in message:
            return Incoming(ERROR, ident=message.get('id'), error=message['error'])
        if 'result' in message and 'id' in message:
            return Incoming(REPLY, ident=message['id'], payload=message['result'])
        return Incoming(UNKNOWN, payload=message)

    def event_time(self, payload: Any) -> Optional[int]:
        if isinstance(payload, list) and payload:   # e.g. !markPrice@arr
            payload = payload[0]
        if isinstance(payload, dict):
            when = payload.get('E')
            if isinstance(when, int) and not isinstance(when, bool):
                return when
        return None
