# str() and formatting of floats with format specs
x = 1234.5678
print(format(x, '.2f'), format(x, '10.1f'), format(x, '<10.1f') + '|', format(x, 'e'))
print(format(x, '.3e'), format(x, 'g'), format(x, '.3g'), format(0.00001234, 'g'))
print(format(1e16, 'g'), format(1e-5, 'g'), format(123456789.0, 'g'))
print(format(x, ','), format(x, ',.2f'), format(x, '_.1f'), format(x, '+.1f'))
print(format(0.25, '%'), format(0.25, '.1%'), format(-0.0, '.1f'), format(2.5, '.0f'))
print(format(float('inf'), '.2f'), format(float('nan'), 'e'), format(-float('inf'), 'F'))
print(format(1.0, ''), format(1e20, ''), format(0.1, '.20f'))
print(format(3.0, '08.3f'), format(-3.0, '08.3f'))
print(format(-3.14159, '=+10.2f'), format(3.14159, '^12.3f'), format(3.14159, '*>9.2f'))
print(str(1e16), str(1.0e-7), str(123.0), str(1e300 * 1e10))
