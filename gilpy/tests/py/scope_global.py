# global declarations
counter = 0
name = 'module'


def bump():
    global counter
    counter += 1


def read_only():
    return name


def shadow():
    name = 'local'
    return name


def create():
    global created
    created = 'made inside a function'


bump()
bump()
print(counter, read_only(), shadow(), name)
create()
print(created)


def nested_global():
    def inner():
        global counter
        counter = 100
    inner()


nested_global()
print(counter)
print('counter' in globals(), globals()['counter'])
