café = 1
变量 = café + 2
Ωmega = ñandú = 3
_écrire = привет = 4
αβγ_δ = x١٢ = 5
ǅungla = ℌilbert = 6
日本語.属性 = 名前(引数=7)
print(café, 变量, Ωmega, _écrire, привет)
