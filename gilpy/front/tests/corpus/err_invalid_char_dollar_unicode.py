café = ‘quoted’
