public = 'public'
_hidden = 'hidden'


def func():
    return 'func'
