x = a + 2
