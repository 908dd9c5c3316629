#!/bin/sh
# check.sh — the py suite as `make check` runs it: run.sh on gilpy, with
# known-failures.txt listing the scripts whose feature is not finished
# yet.  A listed script must still fail (so the list stays true: remove a
# name once its script passes); any other script must pass.  Prints every
# unexpected result with its diff, then "test_py: N passed, N failed".
#
#   sh gilpy/tests/py/check.sh GILPY
#
# Under ThreadSanitizer (GILPY_SANITIZER=tsan) the scripts named in
# tsan-skip.txt are run but not counted, and said so: TSan itself
# sometimes fails them (it cannot follow a thread started in a fork
# child), so their result there proves nothing either way.
#
# The threading stress scripts run once more under each other GIL policy
# (-X gil=cpython, -X gil=legacy; the default is fair), counted as
# "gil=POLICY:NAME": their output must not depend on the scheduler.
stress="thread_stress_dict thread_stress_list thread_stress_locks thread_1000
        thread_recursion thread_lock_threads thread_condition thread_barrier
        thread_event thread_semaphore queue_threads thread_switch"
here=$(cd "$(dirname "$0")" && pwd)
known=$here/known-failures.txt
[ -f "$known" ] || : > "$known"
skip=/dev/null
[ "${GILPY_SANITIZER:-}" = tsan ] && skip=$here/tsan-skip.txt
gilpy=$1
case $gilpy in /*) ;; *) gilpy=$(pwd)/$gilpy ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gilpy-check.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
{
    sh "$here/run.sh" "$gilpy"
    [ -x "$gilpy" ] && for pol in cpython legacy; do
        printf '#!/bin/sh\nexec "%s" -X gil=%s "$@"\n' "$gilpy" $pol \
            > "$tmp/gilpy-$pol"
        chmod +x "$tmp/gilpy-$pol"
        # shellcheck disable=SC2086
        sh "$here/run.sh" "$tmp/gilpy-$pol" $stress |
            sed -e "s/^\(ok\|FAIL\) /&gil=$pol:/" -e '/^py: /d'
    done
} | awk -v known="$known" -v skipfile="$skip" '
BEGIN { while ((getline l < known) > 0) if (l !~ /^#/ && l != "") k[l] = 1
        while ((getline l < skipfile) > 0) if (l !~ /^#/ && l != "") s[l] = 1 }
/^ok / || /^FAIL / { name = $2; show = 0
         if (name in s) { print "skip " name " (not counted under TSan)"; next } }
/^ok / { if (name in k) { print "FAIL " name " (passes now: remove it from known-failures.txt)"; f++ }
         else p++
         next }
/^FAIL / { if (name in k) p++
           else { f++; show = 1; print }
           next }
/^py: / { skipped = $0; next }
{ if (show) print }
END { if (skipped ~ /skipped/) print skipped
      printf "test_py: %d passed, %d failed\n", p, f
      exit f > 0 }'
