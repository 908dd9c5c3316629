print(*a b)
