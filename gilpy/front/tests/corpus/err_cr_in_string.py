x = 'abcdef'
