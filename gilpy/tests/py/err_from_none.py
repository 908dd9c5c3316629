# raise ... from None hides the context in the traceback
def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise AttributeError('no field ' + k) from None


lookup({}, 'name')
