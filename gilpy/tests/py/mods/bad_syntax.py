# A module with a syntax error, imported by err_syntax_import.py
# and syntax_import_error.py.
def ok():
    return 1

x = (1, 2
y = 3
