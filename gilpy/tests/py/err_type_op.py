# TypeError from an operator in an expression (3.11 marks the failing part)
def combine(a, b):
    result = a + b
    return result


print(combine(1, 2))
print(combine('x', 3))
