# objects without the context-manager protocol
class NoExit:
    def __enter__(self):
        return self


class Nothing:
    pass


for obj in (Nothing(), NoExit(), 5):
    try:
        with obj:
            pass
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
