#!/bin/sh
# test_install: `make install` into a scratch prefix, then build and run
# examples/embed.c with pkg-config, against the static and shared library.
# Run by tests/run-all.sh (the Makefile copies it to $BUILD/tests).
top=$(cd "$(dirname "$0")/../.." && pwd)
[ -f "$top/Makefile" ] || top=$(pwd)
# Called from `make check`: do not inherit its variables (sanitizer flags).
unset MAKEFLAGS MFLAGS MAKELEVEL EXTRA_CFLAGS EXTRA_LDFLAGS EXTRA_CPPFLAGS OPT CFLAGS LDFLAGS BUILD
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
check() {
    if "$@" >"$tmp/out" 2>&1; then
        echo "ok $name"; pass=$((pass + 1))
    else
        echo "FAIL $name"; cat "$tmp/out"; fail=$((fail + 1))
    fi
}
name=install
check make -s -C "$top" install PREFIX="$tmp/prefix" BUILD="$tmp/build"
export PKG_CONFIG_PATH="$tmp/prefix/lib/pkgconfig"
name=pkg_config_knows_gil
check pkg-config --exists gil
name=embed_shared
check sh -c "cc -std=c11 $top/examples/embed.c \$(pkg-config --cflags --libs gil) \
    -o $tmp/embed && LD_LIBRARY_PATH=$tmp/prefix/lib $tmp/embed"
name=embed_static
check sh -c "cc -std=c11 $top/examples/embed.c \$(pkg-config --cflags gil) \
    $tmp/prefix/lib/libgil.a -pthread -o $tmp/embed_static && $tmp/embed_static"
echo "test_install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
