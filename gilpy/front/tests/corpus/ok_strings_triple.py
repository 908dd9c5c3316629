s = """one
two "quoted" 'also'
three"""
t = '''a ''b'' \''' c
'''
u = """\
"""
v = """""" + ''''''
w = """a""b"""
