r'a' R'a' b'a' B'a' u'a' U'a' f'a' F'a'
rb'a' rB'a' Rb'a' RB'a' br'a' bR'a' Br'a' BR'a'
fr'a' fR'a' Fr'a' FR'a' rf'a' rF'a' Rf'a' RF'a'
r"a" b"a" u"a" f"a" rb"a" br"a" fr"a" rf"a"
r'''a''' b"""a""" u'''a''' f"""a""" Rb'''a''' bR"""a""" fR'''a''' Rf"""a"""
