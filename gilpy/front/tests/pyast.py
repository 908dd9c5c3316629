"""pyast.py — CPython 3.11's AST of a file in the compact form that
gilpy's astdump.c prints, so the two parsers compare as text.

  python3.11 pyast.py FILE [mode]      mode: exec (default), eval, single

One S-expression: (Kind @l:c-l:c field=value ...), lists in [...], None
as -, strings as s:<utf-8 hex>, bytes as b:<hex>, ints of int fields in
decimal, int constants as their literal without underscores (from the
source), floats with %.17g.  A SyntaxError prints
"error Type|msg|lineno|offset|end_lineno|end_offset|text".
"""
import ast
import sys

SKIP = {'type_comment', 'type_ignores', 'is_async'}


def s(v):
    return 's:' + v.encode('utf-8', 'surrogatepass').hex()


def const(node, src):
    v = node.value
    if v is None or v is True or v is False or v is Ellipsis:
        return repr(v)
    if isinstance(v, int):
        seg = ast.get_source_segment(src, node)
        return 'int:' + seg.replace('_', '')
    if isinstance(v, float):
        return 'float:%.17g' % v
    if isinstance(v, complex):
        return 'imag:%.17g' % v.imag
    if isinstance(v, str):
        return s(v)
    if isinstance(v, bytes):
        return 'b:' + v.hex()
    raise TypeError(type(v))


def fmt(node, src):
    if isinstance(node, list):
        return '[' + ' '.join(fmt(x, src) for x in node) + ']'
    if node is None:
        return '-'
    if isinstance(node, str):
        return s(node)
    if isinstance(node, int):
        return str(node)
    name = type(node).__name__
    if not node._fields and 'lineno' not in node._attributes:
        return name
    parts = [name]
    if 'lineno' in node._attributes:
        parts.append('@%d:%d-%d:%d' % (node.lineno, node.col_offset,
                                       node.end_lineno, node.end_col_offset))
    for f in node._fields:
        if f in SKIP:
            continue
        v = getattr(node, f, None)
        if name == 'Constant' and f == 'value':
            parts.append('value=' + const(node, src))
        else:
            parts.append(f + '=' + fmt(v, src))
    return '(' + ' '.join(parts) + ')'


def main():
    path = sys.argv[1]
    mode = sys.argv[2] if len(sys.argv) > 2 else 'exec'
    with open(path, 'rb') as f:
        data = f.read()
    try:
        tree = compile(data, path, mode, ast.PyCF_ONLY_AST)
    except SyntaxError as e:
        print('error %s|%s|%s|%s|%s|%s|%r' % (type(e).__name__, e.msg,
              e.lineno, e.offset, e.end_lineno, e.end_offset, e.text))
        return
    src = data.decode('utf-8', 'surrogateescape')
    print(fmt(tree, src))


main()
