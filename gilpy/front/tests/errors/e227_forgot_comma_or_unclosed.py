(*a b)
