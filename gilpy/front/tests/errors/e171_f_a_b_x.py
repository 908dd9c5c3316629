f"{a:{b!x}}"
