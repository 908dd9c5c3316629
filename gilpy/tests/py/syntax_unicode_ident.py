# non-ASCII identifiers and source text
café = 'coffee'
π = 3.14159
naïve_count = 2
print(café, π, naïve_count)


def größe(wert):
    return wert * 2


print(größe(21))


class Ĉlaso:
    pass


print(Ĉlaso.__name__)
print('日本語のテキスト', len('日本語'))
