"abc" b"def"
