x = 1
  
y = Rb'abc
