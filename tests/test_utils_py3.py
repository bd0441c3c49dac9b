"""Compatibility names (backtrader.utils.py3), stdout helpers (flushfile)
and the names ``backtrader.utils`` exports.

Expected behaviour was observed on backtrader 1.9.78.123 used as a black
box (``/tmp/upstream/bin/python``).
"""
import builtins
import io
import sys

import pytest

import backtrader.utils as btutils
from backtrader.utils import py3
from backtrader.utils.flushfile import StdOutDevNull, flushfile


def test_constants_and_aliases():
    assert py3.PY2 is False
    assert py3.MAXINT == sys.maxsize and py3.MININT == -sys.maxsize - 1
    assert py3.MAXFLOAT == sys.float_info.max
    assert py3.MINFLOAT == sys.float_info.min
    assert py3.string_types == (str,)
    assert py3.integer_types == (int,)
    assert py3.long is int
    for name in ('map', 'zip', 'filter', 'range'):
        assert getattr(py3, name) is getattr(builtins, name)
    assert py3.StringIO is io.StringIO
    assert py3.queue.Queue  # the stdlib queue module
    assert py3.winreg is None or sys.platform == 'win32'
    from urllib.parse import quote
    from urllib.request import ProxyHandler, build_opener, install_opener, urlopen
    assert py3.urlquote is quote and py3.urlopen is urlopen
    assert py3.ProxyHandler is ProxyHandler
    assert py3.build_opener is build_opener and py3.install_opener is install_opener


def test_dict_helpers_return_lists_or_iterators():
    data = {'a': 1, 'b': 2}
    # upstream: keys/values/items -> list, iter* -> dict iterators
    assert py3.keys(data) == ['a', 'b'] and type(py3.keys(data)) is list
    assert py3.values(data) == [1, 2] and type(py3.values(data)) is list
    assert py3.items(data) == [('a', 1), ('b', 2)] and type(py3.items(data)) is list
    assert type(py3.iterkeys(data)).__name__ == 'dict_keyiterator'
    assert type(py3.itervalues(data)).__name__ == 'dict_valueiterator'
    assert type(py3.iteritems(data)).__name__ == 'dict_itemiterator'
    assert list(py3.iteritems(data)) == [('a', 1), ('b', 2)]
    # list copies are safe while the dict changes
    for key in py3.keys(data):
        del data[key]
    assert data == {}


def test_bytes_bstr():
    assert py3.bytes('abc') == b'abc'
    assert py3.bytes('\u00e9') == b'\xc3\xa9'
    assert py3.bstr('abc') == 'abc'
    assert py3.bstr(1) == '1'
    assert py3.bstr(b'x') == "b'x'"
    with pytest.raises(AttributeError):
        py3.bytes(b'x')  # upstream: only text can be encoded


def test_cmp():
    assert py3.cmp(1, 2) == -1
    assert py3.cmp(2, 1) == 1
    assert py3.cmp(1, 1) == 0
    assert py3.cmp('a', 'b') == -1
    assert py3.cmp(float('nan'), 1) == 0
    with pytest.raises(TypeError):
        py3.cmp(None, 1)


class _Meta(type):
    created = []

    def __new__(mcs, name, bases, namespace, **kwargs):
        mcs.created.append((name, bases))
        return super().__new__(mcs, name, bases, namespace)


class _B1:
    pass


class _B2:
    pass


def test_with_metaclass_builds_class_with_meta_and_bases():
    class X(py3.with_metaclass(_Meta, _B1, _B2)):
        z = 1

    assert type(X) is _Meta
    assert X.__bases__ == (_B1, _B2)
    assert X.__mro__ == (X, _B1, _B2, object)
    assert X.z == 1
    assert _Meta.created[-1] == ('X', (_B1, _B2))

    class Y(py3.with_metaclass(_Meta)):
        pass

    # upstream: meta receives the empty bases tuple, the class gets object
    assert _Meta.created[-1] == ('Y', ())
    assert Y.__bases__ == (object,)

    class W(Y):
        pass

    assert type(W) is _Meta and W.__mro__ == (W, Y, object)


def test_with_metaclass_uses_meta_prepare_and_kwargs():
    # class keywords are an addition: upstream's helper rejected them
    class OrderedMeta(type):
        @classmethod
        def __prepare__(mcs, name, bases, **kwargs):
            return {'prepared': True}

        def __new__(mcs, name, bases, namespace, **kwargs):
            namespace['extra'] = kwargs.get('flag')
            return super().__new__(mcs, name, bases, namespace)

        def __init__(cls, name, bases, namespace, **kwargs):
            super().__init__(name, bases, namespace)

    class K(py3.with_metaclass(OrderedMeta, object), flag=7):
        pass

    assert K.prepared is True and K.extra == 7
    assert type(K) is OrderedMeta


def test_star_import_names():
    namespace = {}
    exec('from backtrader.utils.py3 import *', namespace)
    for name in ('string_types', 'integer_types', 'with_metaclass', 'MAXINT',
                 'iteritems', 'keys', 'cmp', 'range', 'zip', 'queue', 'urlopen'):
        assert name in namespace
    # the text-encoding ``bytes`` helper must not shadow the builtin
    assert 'bytes' not in namespace


# --------------------------------------------------------------------------
# flushfile
# --------------------------------------------------------------------------
class _CountingIO(io.StringIO):
    flushes = 0

    def flush(self):
        self.flushes += 1
        super().flush()


def test_flushfile_flushes_each_write():
    target = _CountingIO()
    wrapped = flushfile(target)
    assert wrapped.write('abc') is None
    assert target.getvalue() == 'abc' and target.flushes == 1
    wrapped.flush()
    assert target.flushes == 2
    assert wrapped.f is target


def test_stdout_devnull_silences_until_stopped(capsys):
    original = sys.stdout
    sink = StdOutDevNull()
    try:
        assert sys.stdout is sink
        print('hidden')
        assert sink.write('x') is None and sink.flush() is None
    finally:
        sink.stop()
    assert sys.stdout is original
    print('shown')
    assert capsys.readouterr().out == 'shown\n'


# --------------------------------------------------------------------------
# backtrader.utils namespace
# --------------------------------------------------------------------------
UPSTREAM_UTILS_NAMES = (
    'AutoDict AutoDictList AutoOrderedDict DotDict Localizer '
    'OrderedDefaultdict OrderedDict TIME_MAX TIME_MIN TZLocal Tree UTC '
    'absolute_import date2num defaultdict division iteritems num2date num2dt '
    'num2time print_function py3lvalues time2num tzparse unicode_literals'
).split()


def test_utils_exports_upstream_names():
    missing = [name for name in UPSTREAM_UTILS_NAMES if not hasattr(btutils, name)]
    assert missing == []
    for module in ('autodict', 'date', 'dateintern', 'ordereddefaultdict', 'py3'):
        assert hasattr(btutils, module)
    namespace = {}
    exec('from backtrader.utils import *', namespace)
    assert {'date2num', 'num2date', 'AutoOrderedDict', 'tzparse'} <= set(namespace)
