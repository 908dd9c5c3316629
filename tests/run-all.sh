#!/bin/sh
# Run every test program under $1 (a build directory) and add up their
# "name: N passed, N failed" lines.  A program that crashes, hangs (killed
# after $TEST_TIMEOUT seconds) or prints no summary counts as one failure.
# Prints the grand total as the last line; exits 1 if anything failed.
build=${1:-build}
timeout_s=${TEST_TIMEOUT:-300}
pass=0
fail=0
for t in "$build"/tests/test_*; do
    [ -x "$t" ] || continue
    name=$(basename "$t")
    out=$(timeout "$timeout_s" "$t" 2>&1)
    rc=$?
    summary=$(printf '%s\n' "$out" | grep -E '^[a-z_0-9]+: [0-9]+ passed, [0-9]+ failed$' | tail -n 1)
    if [ -n "$summary" ]; then
        p=$(echo "$summary" | sed -E 's/.*: ([0-9]+) passed.*/\1/')
        f=$(echo "$summary" | sed -E 's/.* ([0-9]+) failed$/\1/')
    else
        p=0; f=0
    fi
    if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1
        summary="$name: exited with status $rc"
    fi
    if [ "$f" -ne 0 ]; then
        printf '%s\n' "$out" | grep -E '^(FAIL|not ok)|CHECK failed|ERROR|Sanitizer|WARNING' | head -n 40
    fi
    echo "$summary"
    pass=$((pass + p))
    fail=$((fail + f))
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
