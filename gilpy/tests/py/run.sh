#!/bin/sh
# gilpy script tests: run every gilpy/tests/py/*.py under an interpreter and
# compare what it does with the .exp file beside it (CPython 3.11's output).
#
#   sh gilpy/tests/py/run.sh PYTHON [--update] [names...]
#
#   PYTHON     the interpreter to run (build/gilpy, /usr/bin/python3.11, ...);
#              a path (relative to the current directory) or a command name.
#   --update   rewrite the .exp files instead of comparing.  Use it only with
#              CPython:  sh gilpy/tests/py/run.sh /usr/bin/python3.11 --update
#   names      which scripts to run: "str_split", "str_split.py" or a shell
#              pattern such as 'str_*'.  Default: every script.
#
# Each script runs from inside gilpy/tests/py as "PYTHON NAME.py [args]",
# with PYTHONHASHSEED=0, PYTHONDONTWRITEBYTECODE=1, LC_ALL=C.UTF-8 (and
# PYTHONPATH, PYTHONSTARTUP, PYTHONOPTIMIZE ... removed from the environment), stdin
# from NAME.stdin if it exists (else /dev/null), extra command-line arguments
# from NAME.args if it exists, and a limit of $PY_TIMEOUT seconds (default
# 10).  The record it produces (the .exp format) is:
#
#   <stdout>
#   --- stderr ---
#   <stderr>
#   --- exit N ---
#
# where the absolute path of this directory is replaced by "DIR" in stdout
# and stderr, and a stream that does not end with a newline is followed by a
# line "--- no newline at end ---".
#
# Compare mode prints "ok NAME" or "FAIL NAME" plus the first 40 lines of a
# unified diff (expected -> actual) per script, then exactly
# "py: N passed, N failed", and exits 1 if anything failed.  If PYTHON does
# not exist or is not executable it prints a note and
# "py: 0 passed, 0 failed, N skipped" and exits 0.

usage() {
    echo "usage: sh gilpy/tests/py/run.sh PYTHON [--update] [names...]" >&2
    exit 2
}

[ $# -ge 1 ] || usage
py=$1
shift
update=0
if [ "${1-}" = "--update" ]; then
    update=1
    shift
fi

timeout_s=${PY_TIMEOUT:-10}

# Resolve PYTHON before leaving the caller's directory.
case $py in
    /*) ;;
    */*) py=$(pwd)/$py ;;
    *) found=$(command -v "$py" 2>/dev/null) && py=$found ;;
esac

here=$(cd "$(dirname "$0")" && pwd -P) || exit 2
here_l=$(cd "$(dirname "$0")" && pwd -L) || exit 2
cd "$here" || exit 2

# Which scripts.
list=
if [ $# -eq 0 ]; then
    for f in *.py; do
        [ -f "$f" ] && list="$list ${f%.py}"
    done
else
    for a in "$@"; do
        a=${a##*/}
        a=${a%.py}
        matched=0
        for f in $a.py; do
            if [ -f "$f" ]; then
                list="$list ${f%.py}"
                matched=1
            fi
        done
        if [ $matched -eq 0 ]; then
            echo "run.sh: no test script matches '$a'" >&2
            exit 2
        fi
    done
fi
count=0
for n in $list; do count=$((count + 1)); done

if [ ! -f "$py" ] || [ ! -x "$py" ]; then
    echo "note: interpreter '$py' does not exist or is not executable; skipping the script tests"
    echo "py: 0 passed, 0 failed, $count skipped"
    exit 0
fi

# sed-escaped forms of this directory's path (physical and, if different,
# logical) for the DIR normalisation.
esc() { printf '%s\n' "$1" | sed -e 's/[]\/$*.^[]/\\&/g'; }
dir_p=$(esc "$here")
dir_l=$(esc "$here_l")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/gilpy-py.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# emit FILE: a captured stream, normalised, marked if it lacks a final newline
emit() {
    sed -e "s/$dir_p/DIR/g" -e "s/$dir_l/DIR/g" "$1"
    if [ -s "$1" ] && [ -n "$(tail -c 1 "$1")" ]; then
        echo
        echo "--- no newline at end ---"
    fi
}

# record NAME OUTFILE: run one script and write its record into OUTFILE
record() {
    input=/dev/null
    [ -f "$1.stdin" ] && input=$1.stdin
    args=
    [ -f "$1.args" ] && args=$(cat "$1.args")
    # $args is split into words on purpose.
    # shellcheck disable=SC2086
    env -u PYTHONPATH -u PYTHONHOME -u PYTHONSTARTUP -u PYTHONIOENCODING \
        -u PYTHONWARNINGS -u PYTHONSAFEPATH -u PYTHONOPTIMIZE -u PYTHONUTF8 \
        -u PYTHONDEVMODE -u PYTHONINSPECT -u PYTHONVERBOSE \
        PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 LC_ALL=C.UTF-8 \
        timeout -k 2 "$timeout_s" "$py" "$1.py" $args \
        <"$input" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    {
        emit "$tmp/out"
        echo "--- stderr ---"
        emit "$tmp/err"
        echo "--- exit $rc ---"
    } >"$2"
}

pass=0
fail=0
for n in $list; do
    if [ $update -eq 1 ]; then
        record "$n" "$n.exp"
        echo "updated $n"
        pass=$((pass + 1))
        continue
    fi
    record "$n" "$tmp/got"
    if [ -f "$n.exp" ] && cmp -s "$n.exp" "$tmp/got"; then
        echo "ok $n"
        pass=$((pass + 1))
    else
        echo "FAIL $n"
        if [ -f "$n.exp" ]; then
            diff -u "$n.exp" "$tmp/got" | sed -e "1s|.*|--- $n.exp|" -e "2s|.*|+++ $n (actual)|" | head -n 40
        else
            echo "  (no $n.exp: generate it with sh gilpy/tests/py/run.sh /usr/bin/python3.11 --update $n)"
        fi
        fail=$((fail + 1))
    fi
done

if [ $update -eq 1 ]; then
    echo "py: $pass updated"
    exit 0
fi
echo "py: $pass passed, $fail failed"
[ $fail -eq 0 ]
