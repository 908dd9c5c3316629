# every operator and delimiter, one exact kind each
a = (b) [c] {d}
a: b, c; d
a + b - c * d / e | f & g < h > i
a == b != c <= d >= e ~f ^ g << h >> i ** j
a += 1; a -= 1; a *= 1; a /= 1; a %= 1; a &= 1; a |= 1; a ^= 1
a <<= 1; a >>= 1; a **= 1; a //= 1; a @= b
a // b @ c % d . e
def f() -> int: ...
(x := 1)
<<=>>=**=//=->:=!=
