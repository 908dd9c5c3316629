# leading comment

if x:

    # comment at block level
        # deeper comment
  # shallower comment
    y = 1
    	
    z = 2  # trailing comment
# back at column 0
    # indented comment after the block
w = 3
