f"{a, b c}"
