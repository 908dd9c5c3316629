name = "gil"
f"hello {name}!"
f'{name!r:>10} {3.14:.2f} {{literal}}'
f"{'nested'} {x['key']}"
rf"\d+{name}" Rf'{name}\n'
f"""multi
{name}
line"""
f"{f'{name}'}"
