if x:
    if y:
        z = 1
        # trailing comment
