"""Self-growing dictionaries (backtrader.utils.autodict, ordereddefaultdict).

Expected behaviour was observed on backtrader 1.9.78.123 used as a black
box (``/tmp/upstream/bin/python``); comments quote what upstream returned.
"""
import collections
import copy
import pickle

import pytest

from backtrader.utils import (
    AutoDict,
    AutoDictList,
    AutoOrderedDict,
    DotDict,
    OrderedDefaultdict,
    Tree,
    py3lvalues,
)


# --------------------------------------------------------------------------
# AutoOrderedDict: what analyzers return
# --------------------------------------------------------------------------
def _analysis():
    rets = AutoOrderedDict()
    rets.total.total = 5
    rets.total.open = 1
    rets['won']['total'] = 3
    return rets


def test_auto_creation_and_attribute_access():
    rets = _analysis()
    assert rets.total.total == 5
    assert rets['total']['open'] == 1
    assert rets.won.total == 3
    assert repr(rets) == (
        "AutoOrderedDict([('total', AutoOrderedDict([('total', 5), ('open', 1)])), "
        "('won', AutoOrderedDict([('total', 3)]))])")
    assert isinstance(rets, collections.OrderedDict)
    assert rets == {'total': {'total': 5, 'open': 1}, 'won': {'total': 3}}


def test_reading_a_missing_key_creates_it_while_open():
    rets = _analysis()
    assert rets.missing == AutoOrderedDict()
    assert list(rets.keys()) == ['total', 'won', 'missing']
    assert type(rets['other']) is AutoOrderedDict


def test_close_freezes_the_whole_tree():
    rets = _analysis()
    rets._close()
    assert rets._closed and rets.total._closed
    with pytest.raises(KeyError):
        rets.nope
    with pytest.raises(KeyError):
        rets['nope']
    with pytest.raises(KeyError):
        rets.total.nope
    assert rets.get('nope', 3) == 3
    assert rets.total.total == 5
    # writing still works on a closed tree (upstream too)
    rets.new = 1
    rets['new2'] = 2
    assert rets.new == 1 and rets.new2 == 2


def test_closed_attribute_lookup_works_with_hasattr_and_getattr():
    # upstream raised KeyError from hasattr/getattr; the exception raised
    # now is both a KeyError and an AttributeError (CHANGELOG)
    rets = _analysis()
    rets._close()
    assert not hasattr(rets, 'nope')
    assert getattr(rets, 'nope', 9) == 9
    with pytest.raises(AttributeError):
        rets.nope


def test_open_reopens_only_the_top_level():
    rets = _analysis()
    rets._close()
    rets._open()
    assert rets._closed is False and rets.total._closed is True
    assert rets.zz == AutoOrderedDict()
    with pytest.raises(KeyError):
        rets.total.zz


def test_close_recurses_into_auto_dicts_only():
    rets = AutoOrderedDict()
    rets.lst = [AutoOrderedDict()]
    rets.plain = {'q': AutoOrderedDict()}
    rets.auto = AutoDict()
    rets._close()
    assert rets.lst[0]._closed is False
    assert rets.plain['q']._closed is False
    assert rets.auto._closed is True


def test_private_names_are_attributes_not_keys():
    rets = AutoOrderedDict()
    rets.k = 1
    rets._priv = 3
    assert dict(rets) == {'k': 1}
    assert vars(rets) == {'_priv': 3}
    with pytest.raises(AttributeError):
        rets._unknown
    with pytest.raises(AttributeError):
        rets.__unknown__


def test_lvalues_and_helpers():
    rets = AutoOrderedDict(a=1, b=2)
    assert rets.lvalues() == [1, 2]
    assert py3lvalues(rets) == [1, 2]
    tree = Tree()
    tree['a']['b'] = 1
    assert isinstance(tree, collections.defaultdict)
    assert tree == {'a': {'b': 1}}


@pytest.mark.parametrize('op,other,expected', [
    # upstream: a.x <op>= other on a fresh branch
    ('+', 1, 1), ('-', 1, -1), ('*', 2, 0), ('/', 2, 0.0), ('+', 1.5, 1.5),
    ('-', 1.5, -1.5), ('*', 2.5, 0.0), ('+', 's', 's'), ('+', [1], [1]),
])
def test_inplace_arithmetic_on_fresh_branch(op, other, expected):
    rets = AutoOrderedDict()
    if op == '+':
        rets.x += other
    elif op == '-':
        rets.x -= other
    elif op == '*':
        rets.x *= other
    else:
        rets.x /= other
    assert rets.x == expected
    assert type(rets.x) is type(expected)


def test_inplace_arithmetic_errors_like_upstream():
    rets = AutoOrderedDict()
    with pytest.raises(ZeroDivisionError):
        rets.x /= 0
    with pytest.raises(TypeError):
        rets.y -= 's'
    with pytest.raises(TypeError):
        rets.z + 1  # only in-place operators are supported
    rets.n = 5
    rets.n += 1
    assert rets.n == 6
    rets.branch.leaf = 1
    rets.branch += 1  # upstream replaces even a non-empty branch
    assert rets.branch == 1


def test_copy_pickle_keep_content_and_closed_flag():
    rets = _analysis()
    rets._close()
    for clone in (pickle.loads(pickle.dumps(rets)), copy.deepcopy(rets), copy.copy(rets)):
        assert clone == rets
        assert clone._closed is True
        assert type(clone) is AutoOrderedDict
    assert copy.deepcopy(rets).total._closed is True
    fresh = rets.copy()
    assert type(fresh) is AutoOrderedDict and fresh._closed is False


def test_missing_branch_is_base_class_in_subclasses():
    class Sub(AutoOrderedDict):
        pass

    assert type(Sub()['a']) is AutoOrderedDict
    assert type(AutoOrderedDict(a=1)) is AutoOrderedDict


# --------------------------------------------------------------------------
# AutoDict, AutoDictList, DotDict
# --------------------------------------------------------------------------
def test_autodict_basics():
    data = AutoDict()
    data['x']['y'] = 1
    assert data == {'x': {'y': 1}}
    assert data.x == {'y': 1}
    data.q = 3
    assert data['q'] == 3 and vars(data) == {}
    assert type(data['m']) is AutoDict
    assert AutoDict(a=1) == {'a': 1}
    assert hasattr(AutoDict(), 'x')  # reading creates it


def test_autodict_close_works():
    # upstream's AutoDict._close() stored '_closed' as a key and never
    # stopped creating keys; fixed here (CHANGELOG: behaviour differences)
    data = AutoDict()
    data.x.y = 1
    data._close()
    assert data == {'x': {'y': 1}}
    with pytest.raises(KeyError):
        data['zz']
    with pytest.raises(KeyError):
        data.x['zz']
    data._open()
    assert data['zz'] == {}


def test_autodict_deepcopy():
    # upstream: TypeError ('AutoDict' object is not callable)
    data = AutoDict(a=1)
    assert copy.deepcopy(data) == {'a': 1}
    assert type(copy.deepcopy(data)) is AutoDict


def test_autodictlist():
    data = AutoDictList()
    data['a'].append(1)
    assert data == {'a': [1]}
    assert type(AutoDictList()['x']) is list
    with pytest.raises(AttributeError):
        data.a  # no attribute access (upstream)


def test_dotdict():
    data = DotDict(a=1)
    assert data.a == 1
    with pytest.raises(KeyError):
        data.b
    with pytest.raises(KeyError):
        data['b']
    data.c = 5  # attributes are not keys (upstream)
    assert data == {'a': 1} and data.c == 5
    assert callable(data.items)
    with pytest.raises(AttributeError):
        data.__missing_dunder__
    assert copy.deepcopy(data) == {'a': 1}
    assert pickle.loads(pickle.dumps(DotDict(a=1))) == {'a': 1}


# --------------------------------------------------------------------------
# OrderedDefaultdict
# --------------------------------------------------------------------------
def test_ordereddefaultdict_basics():
    data = OrderedDefaultdict(list)
    data['z'].append(1)
    data['a'].append(2)
    assert repr(data) == "OrderedDefaultdict([('z', [1]), ('a', [2])])"
    assert data.default_factory is list
    assert list(data) == ['z', 'a']
    assert data['m'] == [] and 'm' in data
    assert isinstance(data, collections.OrderedDict)


def test_ordereddefaultdict_arguments():
    with pytest.raises(KeyError):
        OrderedDefaultdict()['x']
    with pytest.raises(TypeError, match='first argument must be callable or None'):
        OrderedDefaultdict(5)
    assert OrderedDefaultdict(list, [('a', 1)], b=2) == {'a': 1, 'b': 2}
    assert OrderedDefaultdict(list, {'x': 1}) == {'x': 1}
    assert OrderedDefaultdict(None, x=1) == {'x': 1}
    # upstream: a default_factory keyword is just another key
    assert list(OrderedDefaultdict(default_factory=list).items()) == [
        ('default_factory', list)]


def test_ordereddefaultdict_copy_and_pickle():
    data = OrderedDefaultdict(list)
    data['a'].append(1)
    assert data.__reduce__()[:4] == (OrderedDefaultdict, (list,), None, None)
    assert OrderedDefaultdict().__reduce__()[1] == ()
    for clone in (pickle.loads(pickle.dumps(data)), copy.copy(data), copy.deepcopy(data)):
        assert clone == data and clone.default_factory is list
        assert clone['new'] == []
