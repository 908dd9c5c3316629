a=b+-c*~d**-e//f%g<<h>>i&j|k^l<m>n<=o>=p==q!=r
x[1:2,::3]=y.z@w
f(*a,**k)
