"abc" f"{}"
