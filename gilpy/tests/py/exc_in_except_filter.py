# an exception raised while matching except clauses, and except order
def check(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return 'lookup-specific ' + type(e).__name__
    except LookupError as e:
        return 'lookup ' + type(e).__name__
    except Exception as e:
        return 'generic ' + type(e).__name__


print(check(KeyError()), check(IndexError()), check(LookupError()), check(OSError()))
classes = (ValueError, TypeError)
try:
    raise TypeError('via variable')
except classes as e:
    print('matched tuple in a variable:', e)
