#!/bin/sh
# Run every bench/py/*.py (or the names given) on gilpy and on CPython 3.11,
# interleaved, and print the median wall time of each and their ratio
# (gilpy / CPython: below 1 means gilpy is faster).  Outputs must agree.
#
#   sh bench/py/run.sh GILPY [CPYTHON] [--rounds N] [names...]
#
# Timing on shared 2-core machines is noisy: only the ratio, measured in
# the same run, means something.
gilpy=$1; shift
cpy=/usr/bin/python3.11
case ${1:-} in /*|./*|*python*) cpy=$1; shift;; esac
rounds=5
if [ "${1:-}" = "--rounds" ]; then rounds=$2; shift 2; fi
dir=$(dirname "$0")
[ -x "$gilpy" ] || { echo "bench/py: $gilpy not built"; exit 1; }
now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "A = $cpy, B = $gilpy; ratio = B / A"
printf '%-14s %10s %10s %8s\n' program "A s" "B s" ratio
status=0
names=${*:-$(cd "$dir" && ls *.py | sed 's/\.py$//')}
for n in $names; do
    f=$dir/${n%.py}.py
    tg=""; tc=""
    exp=$("$cpy" "$f" 2>&1)
    got=$("$gilpy" "$f" 2>&1)
    if [ "$exp" != "$got" ]; then
        printf '%-14s output differs: %s\n' "$n" "$(echo "$got" | tail -n 1)"
        status=1
        continue
    fi
    r=0
    while [ $r -lt $rounds ]; do
        t0=$(now); "$cpy" "$f" >/dev/null 2>&1; t1=$(now)
        "$gilpy" "$f" >/dev/null 2>&1; t2=$(now)
        tc="$tc $((t1 - t0))"; tg="$tg $((t2 - t1))"
        r=$((r + 1))
    done
    mc=$(echo $tc | tr ' ' '\n' | median)
    mg=$(echo $tg | tr ' ' '\n' | median)
    awk -v n="$n" -v c="$mc" -v g="$mg" \
        'BEGIN { printf "%-14s %10.3f %10.3f %8.2f\n", n, c/1e9, g/1e9, g/c }'
done
exit $status
