# soft keywords and names that look like keywords are ordinary identifiers
match = 1
case = 2
_ = 3
type_ = 4
print(match, case, _, type_)


class K:
    def print(self):
        return 'method named print'


print(K().print())
d = dict(if_=1, class_=2)
print(d)
try:
    eval('True = 1')
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    exec('class = 3')
except SyntaxError as e:
    print(type(e).__name__, e.msg)
