# else and finally clauses and their order
def run(fail):
    try:
        print('  try')
        if fail:
            raise RuntimeError('fail')
    except RuntimeError as e:
        print('  except', e)
    else:
        print('  else')
    finally:
        print('  finally')
    print('  after')


print('no failure:')
run(False)
print('failure:')
run(True)


def uncaught():
    try:
        raise KeyError('k')
    finally:
        print('finally runs before propagation')


try:
    uncaught()
except KeyError as e:
    print('caught outside', e)
