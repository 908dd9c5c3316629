#!/bin/sh
# The scheduling trio of gilbench.py (CPU throughput, wake-up latency and
# the rate of short blocking calls, with 0-4 CPU-bound threads) and its
# primitives, on CPython 3.11 and on gilpy under each GIL policy, runs
# interleaved; compare.py prints the medians and each one's ratio to
# CPython's.  gilbench.py and compare.py are the team's shared benchmark
# scripts (../shared/bench), kept here so a clean clone can run them.
#
#   sh bench/sched/run.sh GILPY [--rounds N] [--dur SECONDS]
gilpy=$1; shift
rounds=3
dur=1
while [ $# -gt 0 ]; do
    case $1 in
    --rounds) rounds=$2; shift 2;;
    --dur) dur=$2; shift 2;;
    *) echo "usage: run.sh GILPY [--rounds N] [--dur S]" >&2; exit 2;;
    esac
done
dir=$(dirname "$0")
py=/usr/bin/python3.11
[ -x "$py" ] || { echo "bench/sched: $py not found, skipped"; exit 0; }
[ -x "$gilpy" ] || { echo "bench/sched: $gilpy not built"; exit 1; }
"$py" "$dir/compare.py" --rounds "$rounds" --args "--dur $dur" \
    "$dir/gilbench.py" "$py" "$gilpy -X gil=fair" "$gilpy -X gil=cpython" \
    "$gilpy -X gil=legacy"
