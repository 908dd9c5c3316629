b'\x00\xff' b"\n" B'abc' rb'\d' br"\"" b''
