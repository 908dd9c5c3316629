#!/bin/sh
# check.sh — the py suite as `make check` runs it: run.sh on gilpy, with
# known-failures.txt listing the scripts whose feature is not finished
# yet.  A listed script must still fail (so the list stays true: remove a
# name once its script passes); any other script must pass.  Prints every
# unexpected result with its diff, then "test_py: N passed, N failed".
#
#   sh gilpy/tests/py/check.sh GILPY
here=$(cd "$(dirname "$0")" && pwd)
known=$here/known-failures.txt
[ -f "$known" ] || : > "$known"
# Under ThreadSanitizer some scripts fail for TSan's own reasons (it
# cannot follow a thread started in a fork child): listed separately.
if [ "${GILPY_SANITIZER:-}" = tsan ]; then
    cat "$known" "$here/known-failures-tsan.txt" > "${TMPDIR:-/tmp}/gilpy-known.$$"
    known=${TMPDIR:-/tmp}/gilpy-known.$$
    trap 'rm -f "$known"' EXIT
fi
sh "$here/run.sh" "$1" | awk -v known="$known" '
BEGIN { while ((getline l < known) > 0) if (l !~ /^#/ && l != "") k[l] = 1 }
/^ok / { name = $2; show = 0
         if (name in k) { print "FAIL " name " (passes now: remove it from known-failures.txt)"; f++ }
         else p++
         next }
/^FAIL / { name = $2
           if (name in k) { p++; show = 0 }
           else { f++; show = 1; print }
           next }
/^py: / { skipped = $0; next }
{ if (show) print }
END { if (skipped ~ /skipped/) print skipped
      printf "test_py: %d passed, %d failed\n", p, f
      exit f > 0 }'
