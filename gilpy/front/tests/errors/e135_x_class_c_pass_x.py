@x
class C: pass
x
