# indentation: nesting, varying indent widths, dedent to several levels
def outer():
  for i in range(2):
        if i:
              print('deep', i)
        else:
         print('shallow', i)
  print('back at function level')


outer()
if True:
    if True:
        if True:
            print('three levels')
print('top level')
