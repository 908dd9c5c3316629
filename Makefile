# gilpy — top-level build.  Everything lands in $(BUILD) (default build/).
#
#   make               libgil (static + shared) and the test programs
#   make check         every test; ends with "N passed, N failed"
#   make tsan-check    the same tests under ThreadSanitizer (build/tsan)
#   make asan-check    ... under AddressSanitizer + UBSan (build/asan)
#   make posix-check   ... with the portable POSIX fallback instead of futexes
#   make bench         libgil's scheduling benchmark, every policy side by side
#   make demo          the main demonstration
#   make install PREFIX=/usr/local   headers, libraries, gil.pc

CC      ?= cc
BUILD   ?= build
PREFIX  ?= /usr/local
OPT     ?= -O2
CFLAGS  ?= $(OPT) -g
WARN    := -Werror -Wall -Wextra -Wshadow -Wstrict-prototypes -Wno-unused-parameter
CPPFLAGS_ALL := -std=c11 -D_GNU_SOURCE -Ilibgil/include -Ilibgil/src $(EXTRA_CPPFLAGS)
CFLAGS_ALL   := $(CFLAGS) $(WARN) -fPIC -pthread $(EXTRA_CFLAGS)
LDFLAGS_ALL  := -pthread $(LDFLAGS) $(EXTRA_LDFLAGS)

GIL_SRC  := $(wildcard libgil/src/*.c libgil/src/os/*.c)
GIL_OBJ  := $(GIL_SRC:%.c=$(BUILD)/obj/%.o)
GIL_HDR  := $(wildcard libgil/include/*.h libgil/include/gil/*.h libgil/src/*.h)
GIL_LIB  := $(BUILD)/libgil.a
GIL_SO   := $(BUILD)/libgil.so

TEST_SRC := $(wildcard libgil/tests/test_*.c)
TEST_BIN := $(TEST_SRC:libgil/tests/%.c=$(BUILD)/tests/%) $(BUILD)/tests/test_install
TEST_LIB := libgil/tests/harness.c

BENCH_BIN := $(BUILD)/bench/gilbench $(BUILD)/bench/echo_helper

.PHONY: all check tsan-check asan-check posix-check bench demo install clean tests
all: $(GIL_LIB) $(GIL_SO) $(TEST_BIN)
tests: $(TEST_BIN)

$(BUILD)/obj/%.o: %.c $(GIL_HDR)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -c $< -o $@

$(GIL_LIB): $(GIL_OBJ)
	@mkdir -p $(dir $@)
	@echo "  AR      $@"
	@rm -f $@ && ar rcs $@ $^

$(GIL_SO): $(GIL_OBJ)
	@echo "  LD      $@"
	@$(CC) -shared -o $@ $^ $(LDFLAGS_ALL)

$(BUILD)/tests/%: libgil/tests/%.c $(TEST_LIB) $(wildcard libgil/tests/*.h) $(GIL_LIB)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	@$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) $< $(TEST_LIB) -o $@ $(GIL_LIB) $(LDFLAGS_ALL)

$(BUILD)/tests/test_install: tests/test_install.sh
	@mkdir -p $(dir $@)
	@sed 's|^top=.*|top=$(CURDIR)|' $< > $@ && chmod +x $@

$(BUILD)/bench/%: libgil/bench/%.c $(GIL_LIB)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	@$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) $< -o $@ $(GIL_LIB) $(LDFLAGS_ALL) -lm

# The test runner prints one line per test program and the closing
# "N passed, N failed" line; it exits non-zero if anything failed.
check: all
	@sh tests/run-all.sh $(BUILD)

# TSan cannot follow threads started in a fork child unless told to; the
# fork tests need exactly that.
tsan-check:
	TSAN_OPTIONS="die_after_fork=0 $$TSAN_OPTIONS" $(MAKE) BUILD=build/tsan OPT=-O1 EXTRA_CFLAGS=-fsanitize=thread \
	    EXTRA_LDFLAGS=-fsanitize=thread check

asan-check:
	$(MAKE) BUILD=build/asan OPT=-O1 \
	    EXTRA_CFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	    EXTRA_LDFLAGS="-fsanitize=address,undefined" check

posix-check:
	$(MAKE) BUILD=build/posix EXTRA_CPPFLAGS=-DGIL_NO_FUTEX=1 check

bench: $(BENCH_BIN)
	$(BUILD)/bench/gilbench --helper $(BUILD)/bench/echo_helper

demo: $(BENCH_BIN)
	$(BUILD)/bench/gilbench --helper $(BUILD)/bench/echo_helper --quick

install: $(GIL_LIB) $(GIL_SO)
	install -d $(DESTDIR)$(PREFIX)/include/gil $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 644 libgil/include/gil.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 libgil/include/gil/*.h $(DESTDIR)$(PREFIX)/include/gil/
	install -m 644 $(GIL_LIB) $(GIL_SO) $(DESTDIR)$(PREFIX)/lib/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|0.1.0|' libgil/gil.pc.in \
	    > $(DESTDIR)$(PREFIX)/lib/pkgconfig/gil.pc

clean:
	rm -rf build
