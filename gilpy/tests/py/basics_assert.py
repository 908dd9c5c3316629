# assert with and without a message
assert True
assert 1 == 1, 'never shown'
try:
    assert False
except AssertionError as e:
    print(type(e).__name__, repr(str(e)), e.args)
try:
    assert 1 > 2, 'one is not greater than two'
except AssertionError as e:
    print(type(e).__name__, e, e.args)
try:
    assert [], ['a', 'list']
except AssertionError as e:
    print(type(e).__name__, e.args)
calls = []


def msg():
    calls.append(1)
    return 'lazy'


assert True, msg()
print('message evaluated only on failure:', calls)
