"""Binance-style errors: ``{"code": -NNNN, "msg": "..."}`` with the HTTP
status Binance uses, so clients (ccxt, python-binance) map them to their
own exception classes exactly as against the real exchange."""
from __future__ import annotations

__all__ = ['ExchangeError', 'bad_param', 'missing_param', 'unknown_symbol',
           'unknown_order', 'insufficient_balance', 'filter_failure']


class ExchangeError(Exception):
    """An answer the exchange gives instead of a result."""

    def __init__(self, code: int, msg: str, status: int = 400,
                 headers: dict | None = None) -> None:
        super().__init__('%d %s' % (code, msg))
        self.code = code
        self.msg = msg
        self.status = status
        self.headers = headers or {}

    def body(self) -> dict:
        return {'code': self.code, 'msg': self.msg}


# the codes, with Binance's wording where clients match on the message
UNKNOWN = -1000
DISCONNECTED = -1001
UNAUTHORIZED = -1002
TOO_MANY_REQUESTS = -1003
TIMEOUT = -1007
UNKNOWN_ORDER_COMPOSITION = -1014
INVALID_TIMESTAMP = -1021
INVALID_SIGNATURE = -1022
ILLEGAL_CHARS = -1100
TOO_MANY_PARAMETERS = -1101
MANDATORY_PARAM_EMPTY_OR_MALFORMED = -1102
UNKNOWN_PARAM = -1103
PARAM_NOT_REQUIRED = -1106
BAD_PRECISION = -1111
INVALID_TIF = -1115
INVALID_ORDER_TYPE = -1116
INVALID_SIDE = -1117
BAD_SYMBOL = -1121
INVALID_LISTEN_KEY = -1125
INVALID_PARAMETER = -1130
FILTER_FAILURE = -1013
NEW_ORDER_REJECTED = -2010
CANCEL_REJECTED = -2011
NO_SUCH_ORDER = -2013
BAD_API_KEY_FMT = -2014
REJECTED_MBX_KEY = -2015
# USDⓈ-M futures
MARGIN_INSUFFICIENT = -2019
IMMEDIATE_TRIGGER = -2021
REDUCE_ONLY_REJECTED = -2022
INVALID_LEVERAGE = -4028
NO_NEED_MARGIN_TYPE = -4046
MARGIN_TYPE_WITH_POSITION = -4048
NO_NEED_POSITION_SIDE = -4059
POSITION_SIDE_MISMATCH = -4061
POSITION_SIDE_WITH_ORDERS = -4067
POSITION_SIDE_WITH_POSITION = -4068
NOTIONAL_TOO_SMALL = -4164
POST_ONLY_REJECTED = -5022


def bad_param(name: str, value: object = None) -> ExchangeError:
    return ExchangeError(INVALID_PARAMETER,
                         'Invalid data sent for a parameter: %s=%r.' % (name, value))


def missing_param(name: str) -> ExchangeError:
    return ExchangeError(MANDATORY_PARAM_EMPTY_OR_MALFORMED,
                         "Mandatory parameter '%s' was not sent, was empty/null, "
                         'or malformed.' % name)


def unknown_symbol(symbol: str) -> ExchangeError:
    return ExchangeError(BAD_SYMBOL, 'Invalid symbol: %r.' % (symbol,))


def unknown_order(cancel: bool = False) -> ExchangeError:
    if cancel:
        return ExchangeError(CANCEL_REJECTED, 'Unknown order sent.')
    return ExchangeError(NO_SUCH_ORDER, 'Order does not exist.')


def insufficient_balance() -> ExchangeError:
    return ExchangeError(NEW_ORDER_REJECTED,
                         'Account has insufficient balance for requested action.')


def filter_failure(name: str) -> ExchangeError:
    return ExchangeError(FILTER_FAILURE, 'Filter failure: %s' % name)
