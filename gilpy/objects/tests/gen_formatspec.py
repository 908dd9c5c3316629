"""Regenerate formatspec.txt with CPython 3.11 (run with /usr/bin/python3.11
from the repository root, or pass the output path):

    <kind>\t<value>\t<spec>\t<expected>

kind      'int', 'float' or 'str', optionally '@TypeName' (the value is then
          an instance of a subclass of that name: the name shows up in the
          error messages, truncated to 200 bytes as CPython does).
value     int: decimal; float: the 16 hex digits of its IEEE bits; str: text.
spec      the format spec.
expected  format(value, spec), or '!ErrorType: message'.

Text fields (str values, specs, results, messages, type names) are UTF-8
with escapes: a backslash as '\\\\', C0 controls and DEL as '\\xHH', lone
surrogates as '\\uDXXX', and a leading '!' of a result as '\\x21'.

The specs cover every field of the mini-language one at a time, in random
combinations, as random strings over the spec alphabet, and every error;
the values cover zero, negatives, huge ints, -0.0, inf, nan, subnormals,
ties for round-half-even, and non-ASCII text.  Deterministic (fixed seed).
"""
import random
import struct
import sys

rng = random.Random(20261122)
LONG_C = 'Python int too large to convert to C long'


def esc(s, lead_bang=False):
    out = []
    for i, c in enumerate(s):
        o = ord(c)
        if c == '\\':
            out.append('\\\\')
        elif o < 0x20 or o == 0x7f or (lead_bang and i == 0 and c == '!'):
            out.append('\\x%02x' % o)
        elif 0xd800 <= o <= 0xdfff:
            out.append('\\u%04x' % o)
        else:
            out.append(c)
    return ''.join(out)


def fbits(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]


lines = []
seen = set()


def case(kind, value, spec, typename=None, long_ok=False):
    if typename:
        base = {'int': int, 'float': float, 'str': str}[kind]
        obj = type(typename, (base,), {})(value)
    else:
        obj = value
    try:
        res = esc(format(obj, spec), lead_bang=True)
    except (ValueError, OverflowError) as e:
        res = '!%s: %s' % (type(e).__name__, esc(str(e)))
    if len(res) > 2000 and not long_ok:
        return      # a random width in the thousands: nothing new, just big
    if kind == 'int':
        v = str(value)
    elif kind == 'float':
        v = fbits(value)
    else:
        v = esc(value)
    k = kind + ('@' + esc(typename) if typename else '')
    line = '%s\t%s\t%s\t%s\n' % (k, v, esc(spec), res)
    if line not in seen:
        seen.add(line)
        lines.append(line)


# ---------------------------------------------------------------- values

INTS = [0, 1, -1, 5, -5, 7, 9, 10, 42, -42, 65, 97, 255, -255, 1000, 1234,
        -1234, 65535, 123456, 1234567, -1234567, 10**9, 2**31 - 1, 2**32,
        2**53, 2**53 + 1, -(2**53 + 1), 2**63 - 1, 2**63, -2**63,
        -2**63 - 1, 2**64, 10**20, -10**20, 12345678901234567890123,
        0x10ffff, 0x110000, 0xe9, 0x20ac, 0x1f600, 0xd800, 0xdfff, 0x7f,
        10**300, -10**300, 10**308, 2**1023, 2**1024 - 2**970 - 1,
        2**1024 - 2**970, -(2**1024 - 2**970), 2**1024, 10**400 + 12345,
        -(3**1000), 0xdeadbeef, -0xcafe, 2**100 - 1, 8**40, 16**30 + 1]
for n in (20, 50, 120, 400):
    INTS.append(rng.randrange(10**(n - 1), 10**n))
    INTS.append(-rng.randrange(10**(n - 1), 10**n))
for _ in range(20):
    INTS.append(rng.randint(-10**rng.randint(1, 25), 10**rng.randint(1, 25)))

INF, NAN = float('inf'), float('nan')
FLOATS = [0.0, -0.0, INF, -INF, NAN, -NAN, 1.0, -1.0, 0.1, -0.1, 0.5, -0.5,
          1.5, 2.5, -2.5, 0.125, 0.375, -0.125, 0.625, 1e16, 1e15, 1e17,
          123.456, -123.456, 1234.5678, 1234567.891, -9876543.21, 0.0001,
          0.00001, 1.5e-5, 5e-324, 2.2250738585072014e-308,
          1.7976931348623157e308, 1e22, 1e23, 1e100, 1e-100, 9.995,
          0.9999999, 999999.5, 9999999.0, 99.5, 0.05, 0.005, 1 / 3, 2 / 3,
          3.141592653589793, 2.0**53, 2.0**63, 1e300, -1e-300, 100.0, 0.07,
          0.0005, -0.0005, 0.00049, 1e-7, -1e-7, 12345678901234567890.0,
          123456789012345.0, 0.001, 1e-4, 9.5, 10.5, 0.45, 1.25, 1e21]
for _ in range(30):
    FLOATS.append(struct.unpack('<d', struct.pack('<Q',
                                                  rng.getrandbits(64)))[0])
for _ in range(30):
    FLOATS.append(rng.randint(-10**6, 10**6) / 10**rng.randint(0, 8))

STRS = ['', 'a', 'ab', 'abc', 'hello', 'h\xe9llo w\xf6rld',
        '\u65e5\u672c\u8a9e\u30c6\u30ad\u30b9\u30c8', '\U0001f600\U0001f601',
        'x\U0001f600y', 'a\tb\nc', '\x00', '\u01c5', 'e\u0301',
        'a' * 30, '\ud800x', '\\', '!bang', '\u20ac100', ' pad ']

FILLS = ['*', '0', ' ', 'x', '\xe9', '\u20ac', '\U0001f600', '<', '=', '^',
         '>', '{', '}', '\x00', '\t', '\ud800', '#', '+', ',', '.', 'z',
         '1', '\\', '!']
ALIGNS = ['<', '>', '=', '^']
SIGNS = ['+', '-', ' ']
WIDTHS = ['0', '1', '3', '5', '8', '9', '10', '12', '20', '\u0663',
          '1\u0663', '\U0001d7d8\U0001d7d9']
GROUPS = [',', '_']
PRECS = ['.0', '.1', '.2', '.3', '.6', '.10', '.17', '.25', '.\u0662']
INT_TYPES = ['b', 'c', 'd', 'e', 'E', 'f', 'F', 'g', 'G', 'n', 'o', 'x', 'X',
             '%', 's', 'q', '\xe9', 'r']
FLOAT_TYPES = ['e', 'E', 'f', 'F', 'g', 'G', 'n', '%', 'd', 'b', 'c', 'x',
               's', 'r']
STR_TYPES = ['s', 'd', 'f', 'x', 'r', '\U0001f600']


def pick(opts, p):
    return rng.choice(opts) if rng.random() < p else ''


def random_spec(types, p_prec):
    fa = ''
    if rng.random() < 0.5:
        fa = rng.choice(ALIGNS)
        if rng.random() < 0.5:
            fa = rng.choice(FILLS) + fa
    return (fa + pick(SIGNS, 0.35) + pick(['z'], 0.12) + pick(['#'], 0.25) +
            pick(['0'], 0.25) + pick(WIDTHS, 0.5) + pick(GROUPS, 0.25) +
            pick(PRECS, p_prec) + pick(types, 0.85))


SPEC_ALPHABET = '<>=^+- z#0123456789,_.bcdeEfFgGnosxX%\xe9\u0663*'


def raw_spec():
    return ''.join(rng.choice(SPEC_ALPHABET)
                   for _ in range(rng.randint(1, 7)))


def field_sweep(types):
    """Each field on its own, then with a width and each type."""
    specs = ['']
    specs += [a + '7' for a in ALIGNS]
    specs += [f + a + '7' for f in FILLS for a in ALIGNS]
    specs += SIGNS + ['z', '#', '0', '07', '0=7', '<07', 'x<07', '0<07',
                      '0>07', '0^07']
    specs += WIDTHS + GROUPS + PRECS
    for t in types + ['']:
        specs += [t, '12' + t, '<12' + t, '^12' + t, '=12' + t, '012' + t,
                  '+' + t, ' ' + t, '-' + t, 'z' + t, '#' + t, ',' + t,
                  '_' + t, '.3' + t, '#012_' + t, '*^+#15,' + t,
                  '0=+20_' + t, '\U0001f600>10' + t, '-#,' + t, '.0' + t,
                  '+z#020,.2' + t, 'z012_.4' + t]
    return specs


# ------------------------------------------------------------ sweeps

INT_SWEEP = field_sweep(INT_TYPES)
FLOAT_SWEEP = field_sweep(FLOAT_TYPES)
STR_SWEEP = field_sweep(STR_TYPES)

CORE_INTS = [0, 1, -1, 65, 1234, -1234567, 2**63, -2**64 + 7,
             12345678901234567890123, 0x1f600, -2**100]
CORE_FLOATS = [0.0, -0.0, INF, -INF, NAN, 1.0, -1.5, 0.125, 1234.5678,
               -1234567.891, 1e16, 1e-5, 5e-324, 1.7976931348623157e308,
               0.07, 2.5]
CORE_STRS = ['', 'abc', 'h\xe9llo w\xf6rld', 'x\U0001f600y', '\ud800x']

for v in CORE_INTS:
    for s in INT_SWEEP:
        case('int', v, s)
for v in CORE_FLOATS:
    for s in FLOAT_SWEEP:
        case('float', v, s)
for v in CORE_STRS:
    for s in STR_SWEEP:
        case('str', v, s)

# Random combinations for every value.
for v in INTS:
    for _ in range(60 if abs(v) < 10**60 else 12):
        case('int', v, random_spec(INT_TYPES, 0.1))
for v in FLOATS:
    for _ in range(90):
        case('float', v, random_spec(FLOAT_TYPES, 0.6))
for v in STRS:
    for _ in range(60):
        case('str', v, random_spec(STR_TYPES, 0.4))

# Random strings over the spec alphabet (most are errors).
for _ in range(1500):
    case('int', rng.choice(INTS[:40]), raw_spec())
    case('float', rng.choice(FLOATS[:40]), raw_spec())
    case('str', rng.choice(STRS), raw_spec())

# ------------------------------------------------------------ targeted

# 'c': every range boundary, surrogates, controls, sign/alt/z/precision.
for v in [0, 9, 10, 32, 65, 0x7f, 0x80, 0xff, 0x100, 0x7ff, 0x800, 0xd7ff,
          0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xfffd, 0xffff, 0x10000,
          0x10ffff, 0x110000, -1, -2**63, -2**63 - 1, 2**63 - 1, 2**63,
          10**30, -10**30]:
    for s in ['c', '5c', '<5c', '^5c', '=5c', '05c', '*>4c', '+c', ' c',
              '-c', '#c', 'zc', '.1c', ',c', '_c', '\U0001f600^5c']:
        case('int', v, s)

# Grouping with zero padding: every width around the group boundaries.
for v in [0, 1, 1234, 123456, -1234, 0xabcdef, 2**40]:
    for w in range(0, 16):
        for t in ['', 'd', 'b', 'o', 'x', 'X']:
            for g in ['', ',', '_']:
                if g == ',' and t in 'boxX' and t:
                    continue        # an error, covered elsewhere
                for pre in ['0', '0=', '*=', '#0', '+0', '0<', '0^']:
                    case('int', v, '%s%d%s%s' % (pre, w, g, t))
for v in [0.0, -1234.5, 1234567.25, 1e-7, -INF, NAN]:
    for w in range(0, 18):
        for t in ['', 'f', 'e', 'g', '%', 'n']:
            for g in ['', ',', '_']:
                if g and t == 'n':
                    continue        # an error, covered elsewhere
                for pre in ['0', '0=', '+0', '#0']:
                    case('float', v, '%s%d%s%s' % (pre, w, g, t))

# Rounding: ties on exact binary values and carries into a new digit.
for v in [0.125, 0.375, 0.625, 0.875, 2.5, 3.5, -0.5, 1.5, 0.05, 0.15,
          0.25, 0.35, 9.5, 99.5, 999.5, 9.96, 9.999, 0.0009995, 1e-5,
          1.0000000000000002, 0.30000000000000004, 2.675, 1.005, 1e23,
          4.35, 8.5e-5, 1234.5, 9999.5, 0.95, 0.995]:
    for p in range(0, 8):
        for t in ['f', 'e', 'g', '%', '', 'G', 'F', 'E']:
            case('float', v, '.%d%s' % (p, t))
            case('float', -v, '#.%d%s' % (p, t))

# 'z' on values that round to zero, and on everything else.
for v in [-0.0, -1e-9, -0.0004, -0.0005, -0.0006, -0.004, -0.5, -1.0,
          -1e-300, -INF, -NAN, 0.0, 1e-9]:
    for s in ['z', 'z.0f', 'z.1f', 'z.2f', 'z.3f', 'z.0e', 'zg', 'z.0',
              'z%', 'z.1%', '+z.2f', ' z.1f', 'z#.0f', 'z010.2f', 'zn',
              'z,.3f', '-z.1f', 'z.0g', 'zE', 'z.3']:
        case('float', v, s)

# Long precisions: exact digits of doubles, and zero padding past them.
for v in [0.1, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
          1 / 3, 1e300, 2.0**-1074 * 3, 123.456]:
    for s in ['.30f', '.60e', '.40g', '.100f', '.350f', '.770e', '.800g',
              '.1100f', '.1200f', '#.1075g', '.1080e', '.20', '.120',
              '.1074f', '.766e', '.767e', '.768e']:
        case('float', v, s, long_ok=True)
case('float', 1.0, '.2000f', long_ok=True)
case('float', -2.5, '.1500e', long_ok=True)
case('int', 7, '.1500e', long_ok=True)
case('int', 10**50 + 1, '.60e')
case('int', 3**1000, '_b', long_ok=True)
case('int', -(3**1000), '#o', long_ok=True)
case('str', 'abc', '\u2603^3000', long_ok=True)

# int -> float conversion: rounding of big ints and the overflow boundary.
for v in [2**53 + 1, 2**53 + 3, 2**54 + 2, -(2**53 + 1), 2**1024 - 2**970,
          2**1024 - 2**970 - 1, -(2**1024 - 2**970 - 1), 2**1024,
          10**308, 10**309, 10**22 + 1, 10**23, 2**64 - 1, 10**400]:
    for s in ['e', '.20e', 'f', ',.0f', 'g', '.17g', '%', 'E', 'F', 'G',
              '.3000000000f', 'z.1f']:
        case('int', v, s)

# Unicode digits in width and precision: every Nd block.
import unicodedata  # noqa: E402
for cp in range(0x110000):
    c = chr(cp)
    if unicodedata.decimal(c, None) == 0:
        case('int', 7, chr(cp + 5))
        case('float', 1.5, '.' + chr(cp + 3) + 'f')
        case('str', 'abcdef', chr(cp + 1) + chr(cp + 2) + '.' + chr(cp + 4))
for c in ['\xb2', '\u2155', '\u2463', '\uff11', '\u0e53', '\U0001d7ce']:
    for k, v in [('int', 3), ('float', 2.5), ('str', 'x')]:
        case(k, v, c)
        case(k, v, '>' + c)
        case(k, v, '.' + c)

# Errors, each with every kind.
ERRS = ['abc', '<<<', '+-', '10,,', ',_', '_,', '__', ',,', '.', '.f',
        '10.', '99999999999999999999', '.99999999999999999999',
        '9223372036854775808', '.9223372036854775808',
        '.3000000000', '.3000000000f', '.2147483648f',
        '+s', ' s', '-s', 'zs', '#s', '=s', '=10s', '0=s', ',s', '_s', 'z',
        '#', '=', '+', ',', '_', ',d', '_d', ',x', '_x', ',n', '_n', ',c',
        '_c', ',b', ',o', ',X', '_X', ',%', '_%', ',e', '_e', ',g', ',G',
        ',f', ',F', ',E', ',s', ',q', '_q', ',\xe9', ',\x01', ',\x7f', ',~',
        ', ', '\x00', '\x00<5', '\x00>5d', 'q', '.2q', '\U0001f600',
        '.1\U0001f600', '10\U0001f600', 'a\ud800b', '\ud800<5',
        '\ud800', 'x' * 60, 'x' * 100, '\xe9' * 70, '0' * 80 + '5',
        '*<' + '0' * 90 + '7,.' + '0' * 70 + '2', '  ', ' \t', '\t', 'ss', 'dd', '1a', 'a1',
        '<10000000000000000000', '>+#0,.2', '.2c', 'z.2c', '+.2c',
        '#.2c', 'zc', '#z', 'z#', '+z', 'z+', '0z', '00', '000', '0,0',
        ',.', '.,', '.0,', '!', '}', '{', '{}', '\\', '%%', '.0%%',
        '\U0001f600\U0001f600', '10.2.3', '1_000', '_10', ',10']
for s in ERRS:
    for k, v in [('int', 42), ('int', -7), ('float', 2.5), ('float', -0.0),
                 ('str', 'hey'), ('str', '')]:
        case(k, v, s)

# Type names in messages: subclasses, with truncation at 200 bytes.
NAMES = ['MyInt', 'Zahl\xe9', '\xe9' * 150, 'a' * 199 + '\xe9',
         'a' * 198 + '\U0001f600', 'a' * 197 + '\U0001f600', 'b' * 200,
         'b' * 201, '\U0001f600' * 60]
for n in NAMES:
    for k, v in [('int', 5), ('float', 1.5), ('str', 's')]:
        for s in ['q', 'abc', '.', ',s', ',,', 'zz', '+s', '', '10',
                  '\xe9', '\ud800']:
            case(k, v, s, n)

path = sys.argv[1] if len(sys.argv) > 1 else \
    'gilpy/objects/tests/formatspec.txt'
with open(path, 'w', encoding='utf-8', newline='\n') as f:
    f.writelines(lines)
print('%d lines -> %s' % (len(lines), path))
