f"{}" "abc"
