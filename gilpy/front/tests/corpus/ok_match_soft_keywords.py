match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(x=0, y=0) | {"k": _}:
        pass
    case _:
        pass
match = case = _ = type = 1
