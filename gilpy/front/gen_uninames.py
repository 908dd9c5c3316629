#!/usr/bin/python3.11
"""gen_uninames.py -- writes uninames.c, the Unicode character names behind
"\\N{NAME}" escapes (and, later, the unicodedata module): every name of the
Unicode database of the Python that runs it (3.11: Unicode 14.0) and the
formal name aliases that CPython 3.11's "\\N{...}" accepts.

Where the names come from:
  - unicodedata.name() of every code point;
  - the aliases of NameAliases.txt (argument 1; default
    /usr/share/unicode/NameAliases.txt, Debian's unicode-data package),
    keeping only those CPython's own unicode_escape codec resolves to the
    same code point.  Aliases are never withdrawn, so a file of a later
    Unicode version filters down to exactly 3.11's set (470 aliases);
    named sequences are not in it (\\N does not accept them).

What uninames.c holds (uninames.h has the API):
  - Algorithmic names, computed, not stored: HANGUL SYLLABLE (jamo
    tables), CJK UNIFIED IDEOGRAPH-XXXX (ranges found in the data), and the
    "derived" runs whose names are a prefix plus a number: PREFIX-%04X of
    the code point (CJK COMPATIBILITY IDEOGRAPH, KHITAN SMALL SCRIPT
    CHARACTER, NUSHU CHARACTER) or PREFIX-decimal counting from a base
    (TANGUT COMPONENT-001, VARIATION SELECTOR-17, ...).  Tangut
    ideographs have no name in 3.11's unicodedata, so none here either.
  - Every other name, word-compressed.  A name is its space-separated
    words; each word is a token of a lexicon sorted by frequency, plus a
    token END that closes a name.  Tokens are written as 1, 2 or 3 digits
    in base 92, a digit being a printable ASCII character other than '"',
    '?' and '\\' (so the data are plain C string literals at about a byte
    per character, and no trigraph can form): token < N1 is one digit;
    below N1 + N2*92 a lead digit N1.. then one digit; beyond, a lead
    digit N1+N2.. then two digits.  The names, numbered in code point
    order ("ordinals"), are stored 32 to a string; runs[] maps code points
    to ordinals; sorted[] lists the ordinals in name order (3 digits
    each, 64 to a string) for a binary search from name to code point.
  - The aliases as plain strings, sorted, with their code points.

Lookups follow CPython 3.11's _getcode(): "HANGUL SYLLABLE " and "CJK
UNIFIED IDEOGRAPH-" are matched case-sensitively, jamo and hex digits in
upper case only (4 or 5 hex digits); any other name case-insensitively
(ASCII), exactly.

Usage: /usr/bin/python3.11 gilpy/front/gen_uninames.py \\
           [NameAliases.txt] > gilpy/front/uninames.c
"""
import codecs
import collections
import re
import sys
import unicodedata

NAME_MAX = 88           # the longest name: GP_UNI_NAME_MAX in uninames.h
BLOCK = 32              # names per string
LEXBLOCK = 16           # lexicon words per string
IDXBLOCK = 64           # sorted-index entries per string
DERIVED_MIN = 16        # shortest run worth computing instead of storing

JAMO_L = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "",
          "J", "JJ", "C", "K", "T", "P", "H"]
JAMO_V = ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE",
          "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"]
JAMO_T = ["", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB",
          "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C",
          "K", "T", "P", "H"]
HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3

ALPHABET = "".join(chr(c) for c in range(0x20, 0x7F) if chr(c) not in '"?\\')
assert len(ALPHABET) == 92
BASE = 92


def escape_ok(name, cp):
    """True if CPython's "\\N{name}" gives chr(cp)."""
    try:
        return codecs.decode(b"\\N{" + name.encode("ascii") + b"}",
                             "unicode_escape") == chr(cp)
    except UnicodeDecodeError:
        return False


def read_aliases(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#")[0].strip()
            if not line:
                continue
            cp, name, _kind = line.split(";")
            cp = int(cp, 16)
            if escape_ok(name, cp):
                assert unicodedata.name(chr(cp), None) != name
                out.append((name, cp))
    out.sort()
    return out


def hangul_name(cp):
    s = cp - HANGUL_FIRST
    return ("HANGUL SYLLABLE " + JAMO_L[s // 588] + JAMO_V[s % 588 // 28] +
            JAMO_T[s % 28])


def ranges(cps):
    """Maximal runs of consecutive code points: [(first, last)]."""
    out = []
    for cp in cps:
        if out and out[-1][1] == cp - 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return [tuple(r) for r in out]


def find_derived(names):
    """Runs of PREFIX-%04X (kind 0) or PREFIX-decimal (kind 1) names:
    [(first, last, kind, base, width, prefix)]."""
    cps = sorted(names)
    out = []
    i = 0
    while i < len(cps):
        cp, n = cps[i], names[cps[i]]
        j = i
        m = re.match(r"^(.*-)([0-9A-F]+)$", n)
        if m and m.group(2) == "%04X" % cp:
            pre = m.group(1)
            while (j + 1 < len(cps) and cps[j + 1] == cps[j] + 1 and
                   names[cps[j + 1]] == pre + "%04X" % cps[j + 1]):
                j += 1
            run = (cp, cps[j], 0, 0, 0, pre)
        else:
            m = re.match(r"^(.*-)([0-9]+)$", n)
            if m:
                pre, num = m.group(1), m.group(2)
                width = len(num) if num.startswith("0") else 0
                base = int(num)
                while (j + 1 < len(cps) and cps[j + 1] == cps[j] + 1 and
                       names[cps[j + 1]] == pre + str(
                           base + cps[j + 1] - cp).zfill(width)):
                    j += 1
                run = (cp, cps[j], 1, base, width, pre)
        if j - i + 1 >= DERIVED_MIN:
            out.append(run)
        i = j + 1
    return out


def derived_name(r, cp):
    first, _last, kind, base, width, pre = r
    if kind == 0:
        return pre + "%04X" % cp
    return pre + str(cp - first + base).zfill(width)


def code_lengths(nfreq):
    """(N1, N2, N3) lead-digit counts minimising the encoded size of
    tokens with frequencies nfreq (descending)."""
    best = None
    for n1 in range(1, BASE):
        for n2 in range(0, BASE - n1 + 1):
            n3 = BASE - n1 - n2
            if n1 + n2 * BASE + n3 * BASE * BASE < len(nfreq):
                continue
            size = (sum(nfreq[:n1]) + 2 * sum(nfreq[n1:n1 + n2 * BASE]) +
                    3 * sum(nfreq[n1 + n2 * BASE:]))
            if best is None or size < best[0]:
                best = (size, n1, n2, n3)
    return best[1:]


def encode_token(t, n1, n2):
    if t < n1:
        return ALPHABET[t]
    t -= n1
    if t < n2 * BASE:
        return ALPHABET[n1 + t // BASE] + ALPHABET[t % BASE]
    t -= n2 * BASE
    return (ALPHABET[n1 + n2 + t // (BASE * BASE)] +
            ALPHABET[t // BASE % BASE] + ALPHABET[t % BASE])


def decode_tokens(s, n1, n2):
    """The inverse of encode_token over a string: the token list (used to
    check the tables before writing them)."""
    out, i = [], 0
    while i < len(s):
        d = ALPHABET.index(s[i])
        if d < n1:
            out.append(d)
            i += 1
        elif d < n1 + n2:
            out.append(n1 + (d - n1) * BASE + ALPHABET.index(s[i + 1]))
            i += 2
        else:
            out.append(n1 + n2 * BASE + ((d - n1 - n2) * BASE +
                       ALPHABET.index(s[i + 1])) * BASE +
                       ALPHABET.index(s[i + 2]))
            i += 3
    return out


def c_strings(out, decl, items):
    out.write(decl % len(items) + " = {\n")
    for s in items:
        assert '"' not in s and "\\" not in s and "?" not in s
        out.write('    "%s",\n' % s)
    out.write("};\n\n")


def c_numbers(out, decl, items, fmt):
    out.write(decl % len(items) + " = {\n")
    line = "   "
    for v in items:
        item = " " + fmt % v + ","
        if len(line) + len(item) > 76:
            out.write(line + "\n")
            line = "   "
        line += item
    out.write(line + "\n};\n\n")


def main():
    assert unicodedata.unidata_version == "14.0.0", \
        "run with /usr/bin/python3.11 (Unicode 14.0.0)"
    alias_path = sys.argv[1] if len(sys.argv) > 1 else \
        "/usr/share/unicode/NameAliases.txt"
    aliases = read_aliases(alias_path)
    assert len(aliases) == 470, "NameAliases.txt older than Unicode 14.0?"

    cjk, names = [], {}
    for cp in range(0x110000):
        n = unicodedata.name(chr(cp), None)
        if n is None:
            continue
        assert re.match(r"^[A-Z0-9 -]+$", n), n
        if n.startswith("CJK UNIFIED IDEOGRAPH-"):
            assert n == "CJK UNIFIED IDEOGRAPH-%04X" % cp
            cjk.append(cp)
        elif n.startswith("HANGUL SYLLABLE "):
            assert HANGUL_FIRST <= cp <= HANGUL_LAST and n == hangul_name(cp)
        else:
            assert not n.startswith("HANGUL SYLLABLE")
            names[cp] = n
    cjk = ranges(cjk)
    derived = find_derived(names)
    for r in derived:
        for cp in range(r[0], r[1] + 1):
            assert names.pop(cp) == derived_name(r, cp)
    longest = max(len(n) for n in list(names.values()) +
                  [a for a, _ in aliases] + [hangul_name(HANGUL_LAST)])
    assert longest == NAME_MAX, longest

    # the lexicon: every word, most frequent first, with END among them
    count = collections.Counter()
    for n in names.values():
        count.update(n.split(" "))
    assert "" not in count                  # no name has "  "
    count[""] = len(names)                  # END: the empty word
    lexicon = sorted(count, key=lambda w: (-count[w], w))
    token = {w: i for i, w in enumerate(lexicon)}
    n1, n2, n3 = code_lengths([count[w] for w in lexicon])
    end = token[""]

    cps = sorted(names)                     # ordinal -> code point
    enc = ["".join(encode_token(token[w], n1, n2)
                   for w in names[cp].split(" ")) +
           encode_token(end, n1, n2) for cp in cps]
    blocks = ["".join(enc[i:i + BLOCK]) for i in range(0, len(enc), BLOCK)]
    lexblocks = [" ".join(lexicon[i:i + LEXBLOCK])
                 for i in range(0, len(lexicon), LEXBLOCK)]
    order = sorted(range(len(cps)), key=lambda k: names[cps[k]])
    assert len(cps) <= BASE ** 3
    idx = ["".join(ALPHABET[k // BASE // BASE] + ALPHABET[k // BASE % BASE] +
                   ALPHABET[k % BASE] for k in order[i:i + IDXBLOCK])
           for i in range(0, len(order), IDXBLOCK)]
    runs = []                               # (first code point, ordinal)
    for k, cp in enumerate(cps):
        if not k or cps[k - 1] != cp - 1:
            runs.append((cp, k))
    runs.append((0x110000, len(cps)))

    # check the encoding by decoding it back
    words = [w for b in lexblocks for w in b.split(" ")]
    assert words == lexicon
    toks = decode_tokens("".join(blocks), n1, n2)
    got, cur = [], []
    for t in toks:
        if t == end:
            got.append(" ".join(cur))
            cur = []
        else:
            cur.append(lexicon[t])
    assert got == [names[cp] for cp in cps] and not cur

    out = sys.stdout
    out.write("/*\n"
              "** uninames.c — GENERATED by gen_uninames.py from Unicode %s"
              ";\n** do not edit.  The names of the Unicode characters and "
              "their formal\n** aliases, word-compressed (the format: "
              "gen_uninames.py), and the\n** lookups both ways "
              "(uninames.h).\n*/\n" % unicodedata.unidata_version)
    out.write('#include "uninames.h"\n\n#include <stdio.h>\n'
              '#include <string.h>\n\n')
    out.write("_Static_assert(GP_UNI_NAME_MAX == %d, \"GP_UNI_NAME_MAX is "
              "the longest name\");\n\n" % NAME_MAX)
    out.write("/* token digits: 1-digit tokens below N1, 2-digit leads "
              "N1..N1+N2-1, then\n** 3-digit leads; BASE digits */\n"
              "enum { N1 = %d, N2 = %d, N3 = %d, BASE = %d, TOK_END = %d,"
              "\n       BLOCK = %d, LEXBLOCK = %d, IDXBLOCK = %d, "
              "NNAMES = %d };\n\n"
              % (n1, n2, n3, BASE, end, BLOCK, LEXBLOCK, IDXBLOCK,
                 len(cps)))
    out.write("/* Hangul syllables: leading, vowel and trailing jamo */\n")
    for col, tab in (("jamo_l", JAMO_L), ("jamo_v", JAMO_V),
                     ("jamo_t", JAMO_T)):
        out.write("static const char *const %s[%d] = {\n" % (col, len(tab)))
        line = "   "
        for j in tab:
            item = ' "%s",' % j
            if len(line) + len(item) > 76:
                out.write(line + "\n")
                line = "   "
            line += item
        out.write(line + "\n};\n")
    out.write("\n/* CJK UNIFIED IDEOGRAPH-XXXX: first, last */\n")
    c_numbers(out, "static const uint32_t cjk[%d][2]", cjk,
              "{0x%x, 0x%x}")
    out.write("/* names PREFIX-%%04X of the code point (kind 0) or "
              "PREFIX-decimal, counting\n** from base at first, zero-padded "
              "to width (kind 1) */\n"
              "static const struct derived {\n"
              "    uint32_t first, last;\n"
              "    int kind, base, width;\n"
              "    const char *prefix;\n"
              "} derived[%d] = {\n" % len(derived))
    for first, last, kind, base, width, pre in derived:
        out.write('    {0x%x, 0x%x, %d, %d, %d, "%s"},\n'
                  % (first, last, kind, base, width, pre))
    out.write("};\n\n")
    out.write("/* the formal aliases, sorted by name */\n"
              "static const struct alias {\n"
              "    const char *name;\n"
              "    uint32_t cp;\n"
              "} aliases[%d] = {\n" % len(aliases))
    for name, cp in aliases:
        out.write('    {"%s", 0x%x},\n' % (name, cp))
    out.write("};\n\n")
    out.write("/* runs of consecutive named code points: first code point, "
              "its ordinal;\n** a sentinel ends them */\n")
    c_numbers(out, "static const uint32_t runs[%d][2]", runs, "{0x%x, %d}")
    out.write("/* the lexicon, LEXBLOCK words a string, by token */\n")
    c_strings(out, "static const char *const lexicon[%d]", lexblocks)
    out.write("/* the names by ordinal, BLOCK a string, each ended by "
              "TOK_END */\n")
    c_strings(out, "static const char *const names[%d]", blocks)
    out.write("/* the ordinals in name order, 3 digits each */\n")
    c_strings(out, "static const char *const sorted[%d]", idx)
    out.write(CODE)


CODE = r'''/* ---- decoding ----------------------------------------------------- */

static unsigned digit(const char *p)
{
    unsigned c = (unsigned char)*p;
    return c - 0x20 - (c > '"') - (c > '?') - (c > '\\');
}

static unsigned next_token(const char **p)
{
    unsigned d = digit((*p)++);
    if (d < N1)
        return d;
    if (d < N1 + N2)
        return N1 + (d - N1) * BASE + digit((*p)++);
    unsigned t = (d - N1 - N2) * BASE + digit((*p)++);
    return N1 + N2 * BASE + t * BASE + digit((*p)++);
}

/* Appends word w of the lexicon at out; returns its length. */
static size_t put_word(unsigned w, char *out)
{
    const char *s = lexicon[w / LEXBLOCK];
    for (unsigned k = w % LEXBLOCK; k; s++)
        if (*s == ' ')
            k--;
    size_t n = 0;
    while (s[n] && s[n] != ' ') {
        out[n] = s[n];
        n++;
    }
    return n;
}

/* The name of ordinal k into out (GP_UNI_NAME_MAX + 1 bytes); returns its
** length. */
static size_t table_name(uint32_t k, char *out)
{
    const char *p = names[k / BLOCK];
    for (uint32_t skip = k % BLOCK; skip;)
        if (next_token(&p) == TOK_END)
            skip--;
    size_t n = 0;
    for (unsigned t; (t = next_token(&p)) != TOK_END;) {
        if (n)
            out[n++] = ' ';
        n += put_word(t, out + n);
    }
    out[n] = 0;
    return n;
}

static uint32_t sorted_ordinal(uint32_t i)
{
    const char *p = sorted[i / IDXBLOCK] + i % IDXBLOCK * 3;
    return (digit(p) * BASE + digit(p + 1)) * BASE + digit(p + 2);
}

/* ---- code point -> name ------------------------------------------- */

static bool is_cjk(uint32_t cp)
{
    for (size_t i = 0; i < sizeof cjk / sizeof cjk[0]; i++)
        if (cp >= cjk[i][0] && cp <= cjk[i][1])
            return true;
    return false;
}

/* The name of cp into out (GP_UNI_NAME_MAX + 1 bytes); its length, or 0
** if cp has none. */
static size_t name_of(uint32_t cp, char *out)
{
    if (cp >= 0xac00 && cp <= 0xd7a3) {
        uint32_t s = cp - 0xac00;
        return (size_t)snprintf(out, GP_UNI_NAME_MAX + 1,
                                "HANGUL SYLLABLE %s%s%s", jamo_l[s / 588],
                                jamo_v[s % 588 / 28], jamo_t[s % 28]);
    }
    if (is_cjk(cp))
        return (size_t)snprintf(out, GP_UNI_NAME_MAX + 1,
                                "CJK UNIFIED IDEOGRAPH-%04X", (unsigned)cp);
    for (size_t i = 0; i < sizeof derived / sizeof derived[0]; i++) {
        const struct derived *d = &derived[i];
        if (cp < d->first || cp > d->last)
            continue;
        if (d->kind == 0)
            return (size_t)snprintf(out, GP_UNI_NAME_MAX + 1, "%s%04X",
                                    d->prefix, (unsigned)cp);
        return (size_t)snprintf(out, GP_UNI_NAME_MAX + 1, "%s%0*u",
                                d->prefix, d->width,
                                (unsigned)(cp - d->first) +
                                (unsigned)d->base);
    }
    /* runs[lo][0] <= cp < runs[hi][0] */
    size_t lo = 0, hi = sizeof runs / sizeof runs[0] - 1;
    if (cp < runs[0][0] || cp >= runs[hi][0])
        return 0;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (runs[mid][0] <= cp)
            lo = mid;
        else
            hi = mid;
    }
    uint32_t k = runs[lo][1] + (cp - runs[lo][0]);
    if (k >= runs[lo + 1][1])
        return 0;
    return table_name(k, out);
}

bool gp_uni_name(uint32_t cp, char *buf, size_t bufsize)
{
    char tmp[GP_UNI_NAME_MAX + 1];
    size_t n = name_of(cp, tmp);
    if (!n || n >= bufsize)
        return false;
    memcpy(buf, tmp, n + 1);
    return true;
}

/* ---- name -> code point ------------------------------------------- */

/* CPython's find_syllable(): the longest jamo of column tab at s (the
** first of equal length), as its index; *len its length.  The L and T
** columns hold an empty jamo, so only V can fail (-1). */
static int find_jamo(const char *s, size_t n, const char *const *tab,
                     int count, size_t *len)
{
    int pos = -1;
    size_t best = 0;
    for (int i = 0; i < count; i++) {
        size_t l = strlen(tab[i]);
        if ((pos >= 0 && l <= best) || l > n || memcmp(s, tab[i], l))
            continue;
        best = l;
        pos = i;
    }
    *len = best;
    return pos;
}

static bool hangul_lookup(const char *s, size_t n, uint32_t *cp)
{
    size_t l;
    int L = find_jamo(s, n, jamo_l, 19, &l);
    s += l, n -= l;
    int V = find_jamo(s, n, jamo_v, 21, &l);
    s += l, n -= l;
    int T = find_jamo(s, n, jamo_t, 28, &l);
    if (L < 0 || V < 0 || T < 0 || l != n)
        return false;
    *cp = 0xac00 + (uint32_t)((L * 21 + V) * 28 + T);
    return true;
}

static bool cjk_lookup(const char *s, size_t n, uint32_t *cp)
{
    if (n != 4 && n != 5)
        return false;
    uint32_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= '0' && s[i] <= '9')
            v = v * 16 + (uint32_t)(s[i] - '0');
        else if (s[i] >= 'A' && s[i] <= 'F')
            v = v * 16 + (uint32_t)(s[i] - 'A' + 10);
        else
            return false;
    }
    if (!is_cjk(v))
        return false;
    *cp = v;
    return true;
}

/* q (upper case, length n) as a PREFIX-number name of a derived run. */
static bool derived_lookup(const char *q, size_t n, uint32_t *cp)
{
    for (size_t i = 0; i < sizeof derived / sizeof derived[0]; i++) {
        const struct derived *d = &derived[i];
        size_t pl = strlen(d->prefix);
        if (n <= pl || n > pl + 7 || memcmp(q, d->prefix, pl))
            continue;
        uint32_t v = 0;
        size_t k;
        for (k = pl; k < n; k++) {
            int x = q[k] >= '0' && q[k] <= '9' ? q[k] - '0'
                  : d->kind == 0 && q[k] >= 'A' && q[k] <= 'F'
                  ? q[k] - 'A' + 10 : -1;
            if (x < 0)
                break;
            v = v * (d->kind == 0 ? 16 : 10) + (uint32_t)x;
        }
        if (k < n)
            continue;
        if (d->kind == 1)
            v = v - (uint32_t)d->base + d->first;
        if (v < d->first || v > d->last)
            continue;
        /* leading zeros and the like: the name must come back exactly */
        char back[GP_UNI_NAME_MAX + 1];
        if (name_of(v, back) == n && !memcmp(back, q, n)) {
            *cp = v;
            return true;
        }
    }
    return false;
}

/* The code point of ordinal k. */
static uint32_t ordinal_cp(uint32_t k)
{
    size_t lo = 0, hi = sizeof runs / sizeof runs[0] - 1;
    while (hi - lo > 1) {            /* runs[lo][1] <= k < runs[hi][1] */
        size_t mid = lo + (hi - lo) / 2;
        if (runs[mid][1] <= k)
            lo = mid;
        else
            hi = mid;
    }
    return runs[lo][0] + (k - runs[lo][1]);
}

static int cmp_name(const char *a, size_t an, const char *b, size_t bn)
{
    int c = memcmp(a, b, an < bn ? an : bn);
    return c ? c : (an > bn) - (an < bn);
}

bool gp_uni_lookup(const char *name, size_t len, bool allow_aliases,
                   uint32_t *cp)
{
    /* CPython 3.11 matches these prefixes case-sensitively, and then
    ** looks nowhere else */
    if (len >= 16 && !memcmp(name, "HANGUL SYLLABLE ", 16))
        return hangul_lookup(name + 16, len - 16, cp);
    if (len >= 22 && !memcmp(name, "CJK UNIFIED IDEOGRAPH-", 22))
        return cjk_lookup(name + 22, len - 22, cp);
    if (!len || len > GP_UNI_NAME_MAX)
        return false;
    char q[GP_UNI_NAME_MAX + 1];
    for (size_t i = 0; i < len; i++)    /* Py_TOUPPER: ASCII only */
        q[i] = name[i] >= 'a' && name[i] <= 'z' ? (char)(name[i] - 32)
                                                : name[i];
    q[len] = 0;
    if (derived_lookup(q, len, cp))
        return true;
    uint32_t lo = 0, hi = NNAMES;       /* the answer is in [lo, hi) */
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2, k = sorted_ordinal(mid);
        char buf[GP_UNI_NAME_MAX + 1];
        size_t bn = table_name(k, buf);
        int c = cmp_name(q, len, buf, bn);
        if (!c) {
            *cp = ordinal_cp(k);
            return true;
        }
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    if (!allow_aliases)
        return false;
    size_t alo = 0, ahi = sizeof aliases / sizeof aliases[0];
    while (alo < ahi) {
        size_t mid = alo + (ahi - alo) / 2;
        const char *a = aliases[mid].name;
        int c = cmp_name(q, len, a, strlen(a));
        if (!c) {
            *cp = aliases[mid].cp;
            return true;
        }
        if (c < 0)
            ahi = mid;
        else
            alo = mid + 1;
    }
    return false;
}
'''

if __name__ == "__main__":
    main()
