s = "日本語テキスト" + 'emoji 😀 here' + "combining é"
t = 'ñ'; u = "€"  # comment with ünïcödé and 😀
v = f"{s} → {t}"
w = '''multi
línea 😀 ✓
fin'''; x = 1
