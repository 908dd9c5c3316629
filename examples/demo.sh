#!/bin/sh
# demo.sh — `make demo`: examples/demo.py under each of gilpy's GIL
# policies and under CPython 3.11 (when /usr/bin/python3.11 exists), one
# table, so the convoy effect and its cure are side by side.
#
#   sh examples/demo.sh [GILPY] [SECONDS-PER-RUN]
gilpy=${1:-build/gilpy}
secs=${2:-1}
here=$(dirname "$0")
echo "Each row: one run of $secs s with N CPU-bound threads and one I/O-like thread"
echo "making 100 us blocking calls (see examples/demo.py)."
echo
printf '%-16s %s %10s %10s %8s %8s %8s\n' runtime N "cpu-kit/s" "io-calls/s" \
    "wake-p50" "wake-p99" switches
printf '%-16s %s %10s %10s %8s %8s %8s\n' "" "" "" "" "(ms)" "(ms)" ""
for policy in fair cpython legacy; do
    "$gilpy" -X gil=$policy "$here/demo.py" "$secs" || exit 1
done
if [ -x /usr/bin/python3.11 ]; then
    /usr/bin/python3.11 "$here/demo.py" "$secs"
fi
echo
echo "cpu-kit/s: thousands of loop iterations per second, all CPU threads together."
echo "io-calls/s and wake-p99: the I/O thread's rate and its worst wake-ups; under"
echo "CPython 3.11 (and gilpy's cpython policy) it waits a whole switch interval"
echo "behind the CPU threads; gilpy's fair policy gives the GIL back at once."
