# integer format specs in detail
for spec in ['', 'd', '5', '<5', '>5', '^5', '=5', '+', '-', ' ', '05', '+05', ',', '_',
             'x', 'X', '#x', '#X', 'o', '#o', 'b', '#b', '_b', '_x', 'c', 'e', '.2f', '%', 'n',
             '#010x', ',d', '*>+8,']:
    print(repr(spec), '[%s]' % format(1234, spec), '[%s]' % format(-5, spec) if spec != 'c' else '')
print(format(10 ** 30, ','), format(-(2 ** 64), '_x'), format(2 ** 64, '#o'))
