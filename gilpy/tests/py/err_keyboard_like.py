# a BaseException subclass that is not an Exception also terminates with status 1
class Abort(BaseException):
    pass


try:
    raise Abort('abort!')
except Exception:
    print('not caught by except Exception')
