# float format specs in detail
values = [0.0, -0.0, 1.0, 0.1, 2.5, 123456.789, 1e-7, 1e22, -3.14159, float('inf'), float('nan')]
for spec in ['', 'f', '.0f', '.3f', 'e', '.0e', 'E', 'g', '.3g', '#g', 'G', '%', '.1%',
             '10.2f', '<10', '+', ' ', ',.2f', '_.1f', '010.2f', '.10g']:
    print(repr(spec), ' '.join('[%s]' % format(v, spec) for v in values))
