x = 0b1_0_1abc
