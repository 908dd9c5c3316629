# round() on floats: banker's rounding, ndigits, negative ndigits
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(3.7))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(1.005, 2))
print(round(3.14159, 3), round(-3.14159, 1), round(1234.5678, -2), round(1250.0, -2))
print(round(1e20), round(1.5e300, -299) == 1e300)
print(round(5.5, 0), round(-0.4), round(0.0, 3), round(-0.0, 1))
print(round(123.456, 10), round(1e-20, 5))
try:
    round(float('inf'))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    round(float('nan'))
except ValueError as e:
    print(type(e).__name__, e)
print(round(float('inf'), 2), round(float('nan'), 2))
