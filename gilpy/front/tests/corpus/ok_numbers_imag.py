1j 1J 1.5j .5J 1e5j 0j 09j 00j 0_0j 1_2.3_4e5_6j 1.j 1.e1J
