# comments, blank lines and line continuation
x = 1  # trailing comment
# a full-line comment

   # an indented comment line is fine too
y = 1 + \
    2 + \
    3
print(x, y)
total = (1 +
         2 +   # comment inside brackets
         3)
print(total)
lst = [
    'a',
    'b',  # trailing comma below
]
print(lst)
d = {
    'k': 1,
}
print(d)
s = 'one' \
    'two'
print(s)
if (x == 1 and
        y == 6):
    print('multi-line condition')
