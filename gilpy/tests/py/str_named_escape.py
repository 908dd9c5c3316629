# \N{NAME} escapes in str literals and f-strings: names in any case,
# algorithmic names, aliases, raw and bytes literals, and the errors
# (messages and positions) for malformed or unknown names.

def show(s):
    print(len(s), ascii(s), [hex(ord(c)) for c in s])

# plain names, any case
show('\N{LATIN SMALL LETTER A}\N{latin capital letter b}\N{Digit Three}')
show('\N{GREEK SMALL LETTER ALPHA}\N{greek small letter omega}')
show('\N{SPACE}|\N{space}|\N{NO-BREAK SPACE}|\N{EM DASH}')
show('\N{EURO SIGN} \N{SNOWMAN} \N{INFINITY} \N{PILE OF POO}')
show('\N{GRINNING FACE}\N{grinning face}\N{Grinning Face}')
show('\N{HEBREW LETTER ALEF}\N{ARABIC LETTER ALEF}\N{DEVANAGARI LETTER KA}')
show('\N{CYRILLIC CAPITAL LETTER ZHE}\N{THAI CHARACTER KO KAI}')
show('\N{HIRAGANA LETTER A}\N{KATAKANA LETTER A}\N{CHEROKEE LETTER A}')
show('\N{LATIN SMALL LETTER E WITH ACUTE}\N{COMBINING ACUTE ACCENT}')
show('\N{ZERO WIDTH NO-BREAK SPACE}\N{LINE SEPARATOR}')
show('\N{MATHEMATICAL BOLD FRAKTUR CAPITAL H}\N{NAZAR AMULET}')
show('\N{ARABIC LIGATURE BISMILLAH AR-RAHMAN AR-RAHEEM}')
show('\N{box drawings light diagonal upper centre to middle left and middle right to lower centre}')
show('\N{HANGUL CHOSEONG KIYEOK}\N{TIBETAN LETTER -A}\N{HANGUL JUNGSEONG O-E}')
print('\N{LATIN SMALL LETTER A}' == 'a', '\N{DIGIT ZERO}' == '0')

# algorithmic names: CJK unified ideographs (upper-case hex, 4 or 5
# digits), Hangul syllables, and names made of a prefix and a number
show('\N{CJK UNIFIED IDEOGRAPH-4E00}\N{CJK UNIFIED IDEOGRAPH-9FFF}')
show('\N{CJK UNIFIED IDEOGRAPH-3400}\N{CJK UNIFIED IDEOGRAPH-20000}')
show('\N{CJK UNIFIED IDEOGRAPH-2A6DF}\N{CJK UNIFIED IDEOGRAPH-3134A}')
show('\N{CJK UNIFIED IDEOGRAPH-04E00}')
show('\N{HANGUL SYLLABLE GA}\N{HANGUL SYLLABLE HIH}')
show('\N{HANGUL SYLLABLE GAG}\N{HANGUL SYLLABLE A}\N{HANGUL SYLLABLE GGWAELH}')
show('\N{HANGUL SYLLABLE YI}\N{HANGUL SYLLABLE SSANG}\N{HANGUL SYLLABLE AG}')
show('\N{CJK COMPATIBILITY IDEOGRAPH-F900}\N{cjk compatibility ideograph-2fa1d}')
show('\N{TANGUT COMPONENT-001}\N{tangut component-768}')
show('\N{KHITAN SMALL SCRIPT CHARACTER-18B00}\N{nushu character-1b170}')
show('\N{VARIATION SELECTOR-1}\N{VARIATION SELECTOR-16}\N{variation selector-17}')
show('\N{VARIATION SELECTOR-256}\N{PLAYING CARD TRUMP-21}')
show('\N{GREEK VOCAL NOTATION SYMBOL-1}')

# formal aliases (corrections, controls, abbreviations, ...)
show('\N{LATIN CAPITAL LETTER GHA}\N{latin small letter gha}')
show('\N{BYTE ORDER MARK}\N{BOM}\N{ZWNBSP}')
show('\N{NULL}\N{LINE FEED}\N{LF}\N{NEW LINE}\N{END OF LINE}\N{TAB}')
show('\N{NBSP}\N{NEL}\N{ZWJ}\N{ZWNJ}\N{SHY}\N{VS1}\N{VS256}\N{SP}')
show('\N{ESCAPE}\N{ESC}\N{DELETE}\N{DEL}\N{EOM}')
show('\N{WEIERSTRASS ELLIPTIC FUNCTION}\N{HANGUL JONGSEONG YESIEUNG-KIYEOK}')
show('\N{PRESENTATION FORM FOR VERTICAL RIGHT WHITE LENTICULAR BRACKET}')

# adjacent literals, mixed with other escapes
show('a\N{BULLET}b' '\x41\N{DIGIT ONE}\u00e9\N{COMMERCIAL AT}')
show('é\N{BULLET}\N{LEFT CURLY BRACKET}\N{RIGHT CURLY BRACKET}')
show("""\N{QUOTATION MARK}triple\N{APOSTROPHE}""")

# f-strings: the braces after \N belong to the escape
x = 42
show(f'\N{LEFT CURLY BRACKET}{x}\N{RIGHT CURLY BRACKET}')
show(f'{x}\N{DEGREE SIGN}C {{\N{BULLET}}} {x!r:\N{DIGIT FIVE}>6}')
show(f'{x:\N{FULL STOP}^9}')
show(f'\N{GREEK SMALL LETTER PI} = {3.14159:.2f}\N{SPACE}ok')
show(f'{x}{x}\N{BULLET}')
show(f'\N{CJK UNIFIED IDEOGRAPH-4E00}{x}')
show(F'\N{HANGUL SYLLABLE GA}{{}}\N{BOM}')
show(f'' '\N{BULLET}' f'{x}' '\N{BULLET}')

# raw strings keep \N as it is; bytes have no \N escape
show(r'\N{LATIN SMALL LETTER A}')
show(R'\N{NO SUCH NAME}\N')
show(rf'\N{x}')
show(fr'{x}\N{{x}}')
print(b'\N{x}', len(b'\N{LATIN SMALL LETTER A}'), rb'\N{y}')

# errors: compile() each source and print what it raises
errors = [
    r"'\N{NO SUCH NAME}'",
    r"'\N{'",
    r"'\N'",
    r"'\Nx'",
    r"'\N{}'",
    r"'\N{LATIN SMALL LETTER A'",
    r"'ab\N{NO SUCH NAME}cd'",
    r"'\N{LATIN SMALL LETTER A}\N{NOPE}'",
    r"'é\N{x}'",
    r"'\é\N{x}'",
    r"'😀\N{x}'",
    r"'\N{É}'",
    r"'é\x4'",
    r"'\é\U00110000'",
    r"'\N{TANGUT IDEOGRAPH-17000}'",
    r"'\N{cjk unified ideograph-4e00}'",
    r"'\N{CJK UNIFIED IDEOGRAPH-4e00}'",
    r"'\N{CJK UNIFIED IDEOGRAPH-004E00}'",
    r"'\N{CJK UNIFIED IDEOGRAPH-2A6E0}'",
    r"'\N{hangul syllable ga}'",
    r"'\N{HANGUL SYLLABLE ga}'",
    r"'\N{HANGUL SYLLABLE GAX}'",
    r"'\N{HANGUL SYLLABLE }'",
    r"'\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}'",
    r"'\N{ LATIN SMALL LETTER A}'",
    r"'\N{LATIN SMALL LETTER A }'",
    r"'\N{LATIN_SMALL_LETTER_A}'",
    r"'\N{VARIATION SELECTOR-017}'",
    r"'\N{VARIATION SELECTOR-257}'",
    r"'\N{TANGUT COMPONENT-1}'",
    r"'\N{CJK COMPATIBILITY IDEOGRAPH-0F900}'",
    r"'\N{NEXT LINE (NEL)}'",
    r"'\N{EM}'",
    r"'ok' '\N{bad}'",
    r"'\N{bad}' 'ok'",
    r"x = 1 + '\N{bad}'",
    "'''\nline\n\\N{bad}'''",
    r"f'\N{NO SUCH NAME}'",
    r"f'\N'",
    r"f'\N}'",
    r"f'\Nx{1}'",
    r"f'\N{abc'",
    r"f'\N{}'",
    r"f'{1}\N{bad}'",
    r"f'ab{{\N{bad}'",
    r"f'é{1}é\N{bad}'",
    r"f'{1:\N{bad}}'",
    r"f'\N{LEFT CURLY BRACKET}}'",
    r"f'\\N{x}'",
    r"f'{\N{BULLET}}'",
]
for src in errors:
    try:
        v = compile(src, '<s>', 'exec')
        print('ok', ascii(src))
    except SyntaxError as e:
        print(ascii(src), type(e).__name__, e.msg, e.lineno, e.offset,
              e.end_lineno, e.end_offset)

# a name made of every case of the same letters
print('\N{LaTiN sMaLl LeTtEr Z}', '\N{latin SMALL letter z}' == 'z')
