x = print 1
