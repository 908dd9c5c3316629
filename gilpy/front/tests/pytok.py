#!/usr/bin/python3.11
"""pytok.py -- CPython 3.11's view of a tokenizer corpus file, in the format
of gilpy-tokdump: the expected output of gilpy's tokenizer tests.

    pytok.py FILE...            print each file's expectation
    pytok.py --write FILE...    write FILE's expectation to FILE minus .py
                                plus .expected (make tok-expected)

A file named err_*.py must fail to compile; its expectation is one line,
    ErrorClass: message (line L, offset O)
from compile() (the class is SyntaxError, IndentationError or TabError).
Any other file must tokenize; its expectation is one line per token,
    KIND 'text' line:col-endline:endcol
from the `tokenize` module, columns in characters, without the COMMENT,
NL and ENCODING tokens CPython's parser never sees, OP given its exact
kind, text escaped as by esc() below.

The expectations must describe CPython's C tokenizer (what gilpy copies),
not the pure-Python `tokenize` module, so every file is checked:
  * a token file's stream must agree with the C tokenizer's own
    (_tokenize.TokenizerIter: kinds, texts, positions);
  * an error must be one the tokenizer raises, not the parser: its message
    is one of the tokenizer's, and where the tokenizer raises it itself
    (not through an error code the parser turns into an exception),
    TokenizerIter must raise the very same error; for an unclosed bracket,
    TokenizerIter must read to the end of the file.
ASYNC and AWAIT stand for tokenize's NAME 'async' and 'await': the C
tokenizer of 3.11 gives those tokens (its grammar is written with them).
A file failing a check is reported and nothing is written for it.

The source is decoded as CPython does (BOM, coding declaration) and its
line ends made "\\n" (CPython's tokenizer never sees "\\r"), before either
tokenizer reads it.
"""
import io
import re
import sys
import token
import tokenize
import warnings

import _tokenize

TOKENIZER_ERRORS = [
    # raised by the tokenizer itself
    (True, r"invalid (decimal|hexadecimal|octal|binary|imaginary) literal"),
    (True, r"invalid digit '.' in (octal|binary) literal"),
    (True, r"leading zeros in decimal integer literals are not permitted; "
           r"use an 0o prefix for octal integers"),
    (True, r"unterminated string literal \(detected at line \d+\)"),
    (True, r"unterminated triple-quoted string literal "
           r"\(detected at line \d+\)"),
    (True, r"unmatched '.'"),
    (True, r"closing parenthesis '.' does not match opening parenthesis "
           r"'.'( on line \d+)?"),
    (True, r"too many nested parentheses"),
    (True, r"invalid character '.' \(U\+[0-9A-F]{4,6}\)"),
    (True, r"invalid non-printable character U\+[0-9A-F]{4,6}"),
    # error codes of the tokenizer that the parser words
    (False, r"'.' was never closed"),
    (False, r"unexpected character after line continuation character"),
    (False, r"unexpected EOF while parsing"),
    (False, r"unindent does not match any outer indentation level"),
    (False, r"inconsistent use of tabs and spaces in indentation"),
    (False, r"too many levels of indentation"),
    # the source's encoding, read before any token
    (None, r"encoding problem: .*"),
    (None, r"'ascii' codec can't decode .*"),
]

SKIP = {token.COMMENT, token.NL, token.ENCODING}


def esc(s):
    """Single-quoted, backslash-escaping quote, backslash and controls;
    everything else (non-ASCII included) as it is."""
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == "'":
            out.append("\\'")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\x%02x" % ord(ch))
        else:
            out.append(ch)
    return "'" + "".join(out) + "'"


def decode(raw):
    enc, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
    text = raw.decode(enc)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def kind(tk):
    """tokenize's exact kind, except that CPython 3.11's C tokenizer (and
    grammar) has ASYNC and AWAIT tokens where tokenize has NAMEs."""
    if tk.type == token.NAME and tk.string in ("async", "await"):
        return token.ASYNC if tk.string == "async" else token.AWAIT
    return tk.exact_type


def py_tokens(text):
    """tokenize's stream as the parser would see it."""
    toks = []
    for tk in tokenize.generate_tokens(io.StringIO(text).readline):
        if tk.type in SKIP:
            continue
        # tokenize ends an unterminated statement-less last line with a
        # NEWLINE; the C tokenizer gives NEWLINE only after a token
        if tk.type == token.NEWLINE and (
                not toks or toks[-1].type in
                (token.NEWLINE, token.INDENT, token.DEDENT)):
            continue
        toks.append(tk)
    return toks


def char_col(line, byte_col):
    return len(line.encode("utf-8")[:byte_col].decode("utf-8", "replace"))


def check_against_c(text, toks):
    """Problems where tokenize's stream differs from the C tokenizer's."""
    try:
        ctoks = list(_tokenize.TokenizerIter(text))
    except SyntaxError as e:
        return ["the C tokenizer fails: %s" % (e,)]
    # TokenizerIter stops before ENDMARKER
    ptoks = [tk for tk in toks if tk.type != token.ENDMARKER]
    problems = []
    if len(ctoks) != len(ptoks):
        problems.append("C tokenizer gives %d tokens, tokenize %d"
                        % (len(ctoks), len(ptoks)))
    for ct, pt in zip(ctoks, ptoks):
        cstr, ctype, cl, cel, cc, cec, cline = ct
        where = "line %d: %s %r" % (pt.start[0], token.tok_name[kind(pt)],
                                    pt.string)
        if ctype != kind(pt):
            problems.append("%s: C tokenizer says %s %r" % (
                where, token.tok_name.get(ctype, ctype), cstr))
            break
        if ctype in (token.INDENT, token.DEDENT):
            continue
        # the C tokenizer's line: every physical line from the start of the
        # statement's first multi-line token on, ending with the token's
        lines = cline.split("\n")[:-1]
        if ctype == token.NEWLINE:
            # C: the '\n' is the token's end (its start may be a comment)
            got = (cel, char_col(lines[-1], cec))
            if got != pt.start:
                problems.append("%s: C tokenizer puts it at %s" % (where, got))
            continue
        got = (cstr, cl, char_col(lines[-1 - (cel - cl)], cc), cel,
               char_col(lines[-1], cec))
        want = (pt.string, pt.start[0], pt.start[1], pt.end[0], pt.end[1])
        if got != want:
            problems.append("%s: C tokenizer has %r" % (where, got))
    return problems


def c_reaches_end(text):
    """Does the C tokenizer read as many tokens as tokenize finds?"""
    skip = {token.COMMENT, token.NL, token.NEWLINE, token.INDENT,
            token.DEDENT, token.ENDMARKER, token.ENCODING}
    try:
        ctoks = [ct for ct in _tokenize.TokenizerIter(text)
                 if ct[1] not in skip]
    except SyntaxError:
        return False
    ptoks = []
    try:
        for tk in tokenize.generate_tokens(io.StringIO(text).readline):
            if tk.type not in skip:
                ptoks.append(tk)
    except tokenize.TokenError:
        pass                    # EOF in multi-line statement: expected
    return len(ctoks) == len(ptoks)


def token_lines(text):
    try:
        toks = py_tokens(text)
    except (tokenize.TokenError, IndentationError) as e:
        return [], ["tokenize fails: %s" % (e,)]
    problems = check_against_c(text, toks)
    out = ["%s %s %d:%d-%d:%d" % (token.tok_name[kind(tk)],
                                  esc(tk.string), tk.start[0], tk.start[1],
                                  tk.end[0], tk.end[1]) for tk in toks]
    return out, problems


def has_declaration(raw):
    if raw.startswith(b"\xef\xbb\xbf"):
        return True
    return any(re.match(rb"^[ \t\f]*#.*?coding[:=]", line)
               for line in raw.split(b"\n")[:2])


def error_line(path, raw):
    # Bytes with a BOM or coding declaration go to compile() as they are,
    # so that it sees them; other sources as text (compile() reports byte
    # columns of bytes without a declaration, characters otherwise).
    src = raw if has_declaration(raw) else raw.decode("utf-8")
    name = "<%s>" % path.rsplit("/", 1)[-1]     # no file to read lines from
    try:
        compile(src, name, "exec", dont_inherit=True)
    except SyntaxError as e:
        err = e
    else:
        return None, ["compiles without error"]
    line = "%s: %s (line %s, offset %s)" % (type(err).__name__, err.msg,
                                            err.lineno, err.offset)
    for direct, pattern in TOKENIZER_ERRORS:
        if re.fullmatch(pattern, err.msg):
            break
    else:
        return line, ["not a tokenizer error: " + line]
    if err.msg.endswith("was never closed"):
        # the parser reports unclosed brackets also when it fails first and
        # the tokenizer later stops on an error of its own
        if not c_reaches_end(decode(raw)):
            return line, ["the C tokenizer stops before the end"]
    if direct:
        text = decode(raw)
        try:
            list(_tokenize.TokenizerIter(text))
        except SyntaxError as e:
            if (e.msg, e.lineno, e.offset) != (err.msg, err.lineno,
                                               err.offset):
                return line, ["the C tokenizer says %s (line %s, offset %s)"
                              % (e.msg, e.lineno, e.offset)]
        else:
            return line, ["the C tokenizer alone raises nothing"]
    return line, []


def expectation(path):
    with open(path, "rb") as f:
        raw = f.read()
    base = path.rsplit("/", 1)[-1]
    if base.startswith("err_"):
        line, problems = error_line(path, raw)
        return ([line] if line else []), problems
    return token_lines(decode(raw))


def main(argv):
    warnings.simplefilter("ignore")     # "1if x": CPython warns, we don't
    write = False
    if argv and argv[0] == "--write":
        write, argv = True, argv[1:]
    if not argv:
        sys.stderr.write(__doc__)
        return 2
    bad = 0
    for path in argv:
        lines, problems = expectation(path)
        if problems:
            bad += 1
            for p in problems[:5]:
                sys.stderr.write("%s: %s\n" % (path, p))
            continue
        text = "".join(line + "\n" for line in lines)
        if write:
            out = re.sub(r"\.py$", "", path) + ".expected"
            with open(out, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
        else:
            sys.stdout.write(text)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
