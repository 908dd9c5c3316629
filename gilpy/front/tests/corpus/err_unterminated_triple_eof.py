doc = """never
closed