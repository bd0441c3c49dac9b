"""simexchange: a local exchange that speaks Binance's REST and WebSocket
protocols on 127.0.0.1, for tests, paper trading and failure rehearsal.

The unmodified ccxt and python-binance clients connect to it once their
URLs point here (:meth:`SimExchange.ccxt_config`,
:meth:`SimExchange.binance_client`).  Prices come from CSV bars replayed by
a clock that tests step explicitly (:meth:`SimExchange.step`) or that runs
at a chosen speed.  See ``README.md`` in this folder for the endpoints and
streams implemented.

    with SimExchange(spot={'BTC/USDT': 'BTCUSDT-1d.csv'},
                     keys={'key': 'secret'}, start=100) as ex:
        exchange = ccxt.binance(ex.ccxt_config('key', 'secret'))
        exchange.create_order('BTC/USDT', 'limit', 'buy', 0.01, 40000)
        ex.step(bars=1)
"""
from __future__ import annotations

import asyncio
import threading
from typing import Any, Optional

from . import _errors as E
from ._core import ExchangeCore, split_symbol
from ._http import Request, Response, serve
from ._streams import StreamHub

__all__ = ['SimExchange', 'ExchangeCore', 'split_symbol']

TICKS_PER_BAR = 4


def _ccxt_error_table(futures: bool) -> dict:
    """ccxt picks Binance's per-market error codes (spot, USDⓈ-M) by the
    host name of the URL, which a local URL does not match; this table
    puts the market's codes first so errors map to the exceptions the
    real exchange's responses raise."""
    import ccxt
    table = ccxt.binance().describe()['exceptions']
    market = table.get('linear' if futures else 'spot', {})
    return {'exact': {**table.get('exact', {}), **market.get('exact', {})},
            'broad': {**table.get('broad', {}), **market.get('broad', {})}}


class SimExchange:
    """The exchange on its own thread and event loop.

    Params: ``spot`` ({'BTC/USDT': csv path or list of Bars}), ``keys``
    ({api key: secret}), ``balances`` (start spot balances of every
    account, default 10000 USDT), ``futures`` (USDⓈ-M perpetuals, like
    ``spot``), ``funding`` ({symbol: funding rates CSV}, default 0.01%
    every 8 h), ``mark`` ({symbol: mark price candles CSV}, default the
    last price), ``futures_balances`` (start futures wallets, default
    10000 USDT), ``futures_maker_fee``/``futures_taker_fee`` (0.0002 /
    0.0005), ``brackets`` (a BracketTable, or {symbol: table}; default
    the historical BTCUSDT table), ``listen_key_ttl`` (seconds a listen
    key lives without keepalive, 3600), ``faults`` (a FaultInjector from
    ``_faults``: disconnects, delays, 5xx, 429 storms, lost order answers;
    see README), ``start`` (bar index, datetime or ISO string the
    replay starts at; bars before it are history), ``speed`` (None: the
    clock moves only when stepped; else bars per second), ``maker_fee``/
    ``taker_fee`` (0.001), ``volume_share`` (None: resting orders fill
    whole; else the share of a tick's volume one order may take),
    ``weight_limit`` (6000 per minute), ``ban_seconds`` (118 ban length),
    ``ping_interval`` (seconds between server pings, 20), ``rules``
    ({symbol: {'tick_size': '0.01', ...}} overrides), ``port`` (0: any).
    """

    def __init__(self, spot: Optional[dict] = None, keys: Optional[dict] = None, *,
                 balances: Optional[dict] = None, futures: Optional[dict] = None,
                 funding: Optional[dict] = None, mark: Optional[dict] = None,
                 futures_balances: Optional[dict] = None,
                 futures_maker_fee: float = 0.0002, futures_taker_fee: float = 0.0005,
                 brackets: Any = None, listen_key_ttl: float = 3600.0,
                 faults: Any = None,
                 start: Any = None, speed: Optional[float] = None,
                 maker_fee: float = 0.001, taker_fee: float = 0.001,
                 volume_share: Optional[float] = None, weight_limit: int = 6000,
                 ban_seconds: float = 120.0, ping_interval: float = 20.0,
                 rules: Optional[dict] = None, host: str = '127.0.0.1',
                 port: int = 0) -> None:
        if speed is not None and not speed > 0:
            raise ValueError('speed must be a positive number of bars per second, '
                             'got %r' % (speed,))
        self.core = ExchangeCore(spot, keys or {}, balances=balances, start=start,
                                 maker_fee=maker_fee, taker_fee=taker_fee,
                                 volume_share=volume_share,
                                 weight_limit=weight_limit, ban_seconds=ban_seconds,
                                 rules=rules, futures=futures, funding=funding,
                                 mark=mark, futures_balances=futures_balances,
                                 futures_maker_fee=futures_maker_fee,
                                 futures_taker_fee=futures_taker_fee,
                                 brackets=brackets, listen_key_ttl=listen_key_ttl)
        self.hub = StreamHub(self.core, ping_interval=ping_interval)
        self.speed = speed
        self.host = host
        self.port = port
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._thread: Optional[threading.Thread] = None
        self._server = None
        self._ready = threading.Event()
        self._error: Optional[BaseException] = None
        self._stopping: Optional[asyncio.Event] = None
        self.core.routes.update(self._admin_routes())
        if faults is not None:
            from . import _faults
            _faults.install(self, faults)

    # --- life cycle ------------------------------------------------------------
    def start(self) -> 'SimExchange':
        """Serve on a background thread; returns once the port is open."""
        if self._thread is not None:
            raise RuntimeError('SimExchange already started')
        self._thread = threading.Thread(target=self._run, name='simexchange',
                                        daemon=True)
        self._thread.start()
        if not self._ready.wait(10.0):
            raise RuntimeError('SimExchange did not start within 10 s')
        if self._error is not None:
            raise RuntimeError('SimExchange failed to start: %s' % self._error)
        return self

    def stop(self) -> None:
        """Close every connection and the port; join the thread."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        loop.call_soon_threadsafe(self._stopping.set)
        thread.join(10.0)
        self._thread = self._loop = None

    def __enter__(self) -> 'SimExchange':
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._main())
        except BaseException as exc:  # reported to start() or lost at exit
            self._error = exc
            self._ready.set()
        finally:
            loop.close()

    async def _main(self) -> None:
        self._stopping = asyncio.Event()
        self._server = await serve(self._handle, self._upgrade, self.host, self.port)
        self.port = self._server.port
        if self.core.faults is not None:
            self.core.faults.attach(self.hub, asyncio.get_running_loop())
        self._ready.set()
        ticker = asyncio.ensure_future(self._auto_clock()) if self.speed else None
        keeper = asyncio.ensure_future(self.hub.housekeeping(
            min(1.0, self.core.listen_key_ttl / 4)))
        await self._stopping.wait()
        keeper.cancel()
        if ticker is not None:
            ticker.cancel()
        for client in list(self.hub.clients):
            client.conn.abort()
        await self._server.close()

    async def _auto_clock(self) -> None:
        pause = 1.0 / (self.speed * TICKS_PER_BAR)
        while not self.core.clock.finished:
            await asyncio.sleep(pause)
            self.core.step(1)

    # --- serving ----------------------------------------------------------------
    async def _handle(self, request: Request) -> Response:
        faults = self.core.faults
        if faults is not None:
            early = await faults.before(request)
            if early is not None:
                return early
        response = self.core.handle(request)
        if request.method == 'DELETE' and response.status == 200 and request.path \
                in ('/api/v3/userDataStream', '/fapi/v1/listenKey'):
            for listen_key in self._closed_listen_keys():
                self.hub.drop_listen_key(listen_key)
        if faults is not None:
            response = await faults.after(request, response)
        return response

    def _closed_listen_keys(self) -> list:
        """Listen keys some socket follows that the core no longer has."""
        live = self.core.listen_keys
        return [name for client in self.hub.clients for name in client.streams
                if '@' not in name and name not in live]

    async def _upgrade(self, request: Request, reader: Any, writer: Any) -> None:
        from ._wsproto import WebSocketConnection, WebSocketError, handshake_response
        try:
            writer.write(handshake_response(request.headers))
        except WebSocketError as exc:
            writer.write(Response(400, {'code': -1000, 'msg': str(exc)}).encode(False))
            await writer.drain()
            return
        await writer.drain()
        await self.hub.serve(WebSocketConnection(reader, writer), request.path,
                             request.query)

    # --- the clock ----------------------------------------------------------------
    def _call(self, func: Any, *args: Any) -> Any:
        """Run ``func`` on the exchange's loop (its state lives there)."""
        if self._loop is None:
            return func(*args)
        async def run() -> Any:
            return func(*args)
        return asyncio.run_coroutine_threadsafe(run(), self._loop).result(30.0)

    def step(self, ticks: int = 0, bars: int = 0) -> int:
        """Advance the replay by ``ticks`` ticks plus ``bars`` whole bars
        (default one tick); the ticks replayed."""
        count = ticks + bars * TICKS_PER_BAR or 1
        return self._call(self.core.step, count)

    @property
    def now(self) -> int:
        """Replay time, epoch ms."""
        return self.core.clock.now

    def _admin_routes(self) -> dict:
        def step(core, params, key):
            try:
                ticks = int(params.get('ticks') or 0)
                bars = int(params.get('bars') or 0)
            except ValueError:
                raise E.bad_param('ticks/bars', params) from None
            done = core.step(ticks + bars * TICKS_PER_BAR or 1)
            return {'ticks': done, 'time': core.clock.now,
                    'finished': core.clock.finished}

        def state(core, params, key):
            return {'time': core.clock.now, 'finished': core.clock.finished,
                    'symbols': {s: {'bar': t.pos, 'tick': t.tick, 'last': core.last(s)}
                                for s, t in core.tapes.items()}}
        return {('POST', '/admin/step'): (step, 0, 'NONE'),
                ('GET', '/admin/state'): (state, 0, 'NONE')}

    # --- pointing clients here -----------------------------------------------------
    @property
    def url(self) -> str:
        return 'http://%s:%d' % (self.host, self.port)

    @property
    def ws_url(self) -> str:
        return 'ws://%s:%d' % (self.host, self.port)

    def ccxt_urls(self) -> dict:
        """The ``urls['api']`` entries ccxt's binance classes use, here."""
        base, ws = self.url, self.ws_url
        return {
            'public': base + '/api/v3', 'private': base + '/api/v3',
            'v3': base + '/api/v3', 'v1': base + '/api/v1',
            'sapi': base + '/sapi/v1', 'sapiV2': base + '/sapi/v2',
            'sapiV3': base + '/sapi/v3', 'sapiV4': base + '/sapi/v4',
            'fapiPublic': base + '/fapi/v1', 'fapiPublicV2': base + '/fapi/v2',
            'fapiPublicV3': base + '/fapi/v3', 'fapiPrivate': base + '/fapi/v1',
            'fapiPrivateV2': base + '/fapi/v2', 'fapiPrivateV3': base + '/fapi/v3',
            'fapiData': base + '/futures/data',
            'ws': {'spot': ws + '/ws', 'margin': ws + '/ws',
                   'future': ws + '/futures/ws', 'linear': ws + '/futures/ws',
                   'ws-api': {'spot': ws + '/ws-api/v3'}},
        }

    def ccxt_config(self, api_key: str, secret: str, futures: bool = False) -> dict:
        """Constructor config for ``ccxt.binance`` (``futures``:
        ``ccxt.binanceusdm``), sync or pro, aimed at this exchange."""
        market = 'future' if futures else 'spot'
        return {
            'apiKey': api_key, 'secret': secret, 'enableRateLimit': False,
            'urls': {'api': self.ccxt_urls()},
            'exceptions': _ccxt_error_table(futures),
            'options': {'defaultType': market, 'fetchMarkets': [
                'linear' if futures else 'spot'], 'fetchCurrencies': False, 'fetchMargins': False,
                'adjustForTimeDifference': False, 'warnOnFetchOpenOrdersWithoutSymbol': False},
        }

    def ccxt_exchange(self, api_key: str, secret: str, futures: bool = False,
                      pro: bool = False) -> Any:
        """A ccxt exchange object (``ccxt.binance``/``binanceusdm``, or the
        ``ccxt.pro`` class) whose URLs point here."""
        import importlib
        module = importlib.import_module('ccxt.pro' if pro else 'ccxt')
        cls = getattr(module, 'binanceusdm' if futures else 'binance')
        exchange = cls(self.ccxt_config(api_key, secret, futures))
        api = exchange.urls.setdefault('api', {})
        api.update(self.ccxt_urls())
        return exchange

    def binance_urls(self) -> dict:
        """Class attributes of python-binance's clients and socket managers."""
        base, ws = self.url, self.ws_url
        return {'API_URL': base + '/api', 'MARGIN_API_URL': base + '/sapi',
                'FUTURES_URL': base + '/fapi', 'FUTURES_DATA_URL': base + '/futures/data',
                'STREAM_URL': ws + '/', 'FSTREAM_URL': ws + '/futures/',
                'WS_API_URL': ws + '/ws-api/v3', 'WS_FUTURES_URL': ws + '/ws-fapi/v1'}

    def binance_socket_manager(self, client: Any, **kwargs: Any) -> Any:
        """A python-binance ``BinanceSocketManager`` on ``client`` (an
        AsyncClient) whose spot and futures streams come from here."""
        from binance.ws.streams import BinanceSocketManager
        manager = BinanceSocketManager(client, **kwargs)
        urls = self.binance_urls()
        manager.STREAM_URL, manager.FSTREAM_URL = urls['STREAM_URL'], urls['FSTREAM_URL']
        return manager

    def binance_client(self, api_key: str, secret: str, asynchronous: bool = False) -> Any:
        """A python-binance ``Client`` (or ``AsyncClient`` class, to await
        ``.create()`` on) whose URLs point here."""
        import binance
        base = binance.AsyncClient if asynchronous else binance.Client
        urls = {k: v for k, v in self.binance_urls().items() if hasattr(base, k)}
        local = type('Local' + base.__name__, (base,), urls)
        if asynchronous:
            return local
        return local(api_key, secret)
