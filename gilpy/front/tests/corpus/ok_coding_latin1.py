# -*- coding: latin-1 -*-
s = 'déjà vu'
café = 'ÿ'
