x = 1
smile = 😀
