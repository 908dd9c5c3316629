# gilpy — top-level build.  Everything lands in $(BUILD) (default build/).
#
#   make               libgil (static + shared), build/gilpy, the tests
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

.PHONY: all check tsan-check asan-check posix-check bench bench-poll demo install clean tests
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
	GILPY_SANITIZER=tsan TSAN_OPTIONS="die_after_fork=0 $$TSAN_OPTIONS" $(MAKE) BUILD=build/tsan OPT=-O1 EXTRA_CFLAGS=-fsanitize=thread \
	    EXTRA_LDFLAGS=-fsanitize=thread check

# A huge allocation must come back as NULL (MemoryError), as it does
# without ASan, rather than abort the process.
asan-check:
	ASAN_OPTIONS="allocator_may_return_null=1 $$ASAN_OPTIONS" $(MAKE) BUILD=build/asan OPT=-O1 \
	    EXTRA_CFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	    EXTRA_LDFLAGS="-fsanitize=address,undefined" check

posix-check:
	$(MAKE) BUILD=build/posix EXTRA_CPPFLAGS=-DGIL_NO_FUTEX=1 check

bench: $(BENCH_BIN)
	$(BUILD)/bench/gilbench --helper $(BUILD)/bench/echo_helper
	@if [ -x $(BUILD)/gilpy ] || $(MAKE) -s $(BUILD)/gilpy 2>/dev/null; then \
	    sh bench/py/run.sh $(BUILD)/gilpy && \
	    sh bench/sched/run.sh $(BUILD)/gilpy; \
	else echo "bench/py: skipped (build/gilpy does not build yet)"; fi

# The cost of polling the eval breaker: gilpy against a build without the
# poll (GP_NO_POLL), on the CPU-bound programs, interleaved.
bench-poll: $(BUILD)/gilpy
	$(MAKE) -s BUILD=$(BUILD)/nopoll EXTRA_CPPFLAGS=-DGP_NO_POLL=1 \
	    $(BUILD)/nopoll/gilpy
	sh bench/py/run.sh $(BUILD)/gilpy ./$(BUILD)/nopoll/gilpy --rounds 9 \
	    fib loops objects generators

# The demonstration: examples/demo.py under each policy and CPython 3.11,
# then libgil's own scheduling benchmark in its quick form.
demo: $(BENCH_BIN)
	@if $(MAKE) -s $(BUILD)/gilpy 2>/dev/null; then \
	    sh examples/demo.sh $(BUILD)/gilpy 1; echo; \
	else echo "examples/demo.py: skipped (build/gilpy does not build yet)"; fi
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

# ---- gilpy: front end (tokenizer) and object helpers ------------------------
#   make tok-expected    rewrite gilpy/front/tests/corpus/*.expected from
#                        CPython 3.11 (gilpy/front/tests/pytok.py)
#   make fuzz-tokenizer  libFuzzer + ASan/UBSan on the tokenizer, $(FUZZ_TIME) s
# libgilpy.a: the parts that stand alone (front end, float repr, format
# specs), tested on their own.  The interpreter proper (everything else
# under gilpy/*/) links into build/gilpy.
GP_SRC   := $(wildcard gilpy/front/*.c) gilpy/objects/floatrepr.c \
            gilpy/objects/formatspec.c
GP_OBJ   := $(GP_SRC:%.c=$(BUILD)/obj/%.o)
GP_HDR   := $(wildcard gilpy/*.h gilpy/*/*.h)
GPI_SRC  := $(filter-out $(GP_SRC) gilpy/main.c,$(wildcard gilpy/*/*.c))
GPI_OBJ  := $(GPI_SRC:%.c=$(BUILD)/obj/%.o)
GP_LIBS  := -lgmp -lm
GP_OBJ_TESTS := $(patsubst gilpy/objects/tests/%.c,$(BUILD)/tests/%,\
                  $(wildcard gilpy/objects/tests/test_*.c))
GP_LIB   := $(BUILD)/libgilpy.a
GP_TESTS := gilpy/front/tests
GP_CPPFLAGS := $(CPPFLAGS_ALL) -Igilpy
PYTHON311 ?= /usr/bin/python3.11
FUZZ_CC   ?= clang
FUZZ_TIME ?= 60

.PHONY: tok-expected fuzz-tokenizer fuzz-parser py-check py-expected gilpy
gilpy: $(BUILD)/gilpy

# The interpreter: main.c, every other gilpy/*/*.c, the frozen gilpy/lib
# modules, libgilpy, libgil.  The REPL uses readline when its header is
# there (.ci/run installs it); without it, plain line input.
GP_READLINE := $(shell printf '\043include <stdio.h>\n\043include <readline/readline.h>\n' \
                 | $(CC) -E - >/dev/null 2>&1 && echo yes)
GP_MAIN_FLAGS := $(if $(GP_READLINE),-DGP_HAVE_READLINE)
GP_LIBS  += $(if $(GP_READLINE),-lreadline)
GP_FROZEN := $(BUILD)/gen/frozen.c
$(GP_FROZEN): gilpy/lib/freeze.sh $(wildcard gilpy/lib/*.py)
	@mkdir -p $(dir $@)
	@echo "  FREEZE  $@"
	@sh gilpy/lib/freeze.sh $@ $(wildcard gilpy/lib/*.py)
$(BUILD)/gilpy: gilpy/main.c $(GPI_OBJ) $(GP_FROZEN) $(GP_LIB) $(GIL_LIB)
	@mkdir -p $(dir $@)
	@echo "  LD      $@"
	@$(CC) $(GP_CPPFLAGS) $(GP_MAIN_FLAGS) $(CFLAGS_ALL) gilpy/main.c \
	    $(GP_FROZEN) $(GPI_OBJ) -o $@ \
	    $(GP_LIB) $(GIL_LIB) $(LDFLAGS_ALL) $(GP_LIBS)
all: $(GP_LIB) $(BUILD)/tests/test_tokenizer $(BUILD)/gilpy-tokdump $(GP_OBJ_TESTS) \
     $(BUILD)/tests/test_parser $(BUILD)/gilpy $(BUILD)/tests/test_py
tests: $(BUILD)/tests/test_tokenizer $(GP_OBJ_TESTS)

# Tests of gilpy/objects: corpora generated by CPython 3.11 beside them.
$(BUILD)/tests/test_%: gilpy/objects/tests/test_%.c $(TEST_LIB) libgil/tests/harness.h $(GP_LIB)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	@$(CC) $(GP_CPPFLAGS) -Ilibgil/tests $(CFLAGS_ALL) $< $(TEST_LIB) -o $@ \
	    $(GP_LIB) $(LDFLAGS_ALL) -lm

# make check's view of the py suite: known failures allowed (check.sh).
$(BUILD)/tests/test_py: gilpy/tests/py/check.sh $(BUILD)/gilpy
	@mkdir -p $(dir $@)
	@printf '#!/bin/sh\nexec sh %s %s\n' "$(CURDIR)/$<" \
	    "$(CURDIR)/$(BUILD)/gilpy" > $@ && chmod +x $@

# The Python script suite (gilpy/tests/py): compare build/gilpy with the
# .exp files (skipped until the interpreter exists), or regenerate them.
py-check:
	sh gilpy/tests/py/run.sh $(BUILD)/gilpy
py-expected:
	sh gilpy/tests/py/run.sh $(PYTHON311) --update

$(BUILD)/obj/gilpy/%.o: gilpy/%.c $(GP_HDR) $(wildcard libgil/include/*.h libgil/include/gil/*.h)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(GP_CPPFLAGS) $(CFLAGS_ALL) -c $< -o $@

$(GP_LIB): $(GP_OBJ)
	@mkdir -p $(dir $@)
	@echo "  AR      $@"
	@rm -f $@ && ar rcs $@ $^

$(BUILD)/tests/test_tokenizer: $(GP_TESTS)/test_tokenizer.c $(GP_TESTS)/dump.c \
        $(GP_TESTS)/dump.h $(TEST_LIB) libgil/tests/harness.h $(GP_LIB)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	@$(CC) $(GP_CPPFLAGS) -Ilibgil/tests $(CFLAGS_ALL) $< $(GP_TESTS)/dump.c \
	    $(TEST_LIB) -o $@ $(GP_LIB) $(LDFLAGS_ALL)

$(BUILD)/gilpy-tokdump: $(GP_TESTS)/tokdump.c $(GP_TESTS)/dump.c \
        $(GP_TESTS)/dump.h $(GP_LIB)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	@$(CC) $(GP_CPPFLAGS) $(CFLAGS_ALL) $< $(GP_TESTS)/dump.c -o $@ \
	    $(GP_LIB) $(LDFLAGS_ALL)

# The parser against CPython 3.11's, tree by tree (test_parser.sh).
$(BUILD)/gilpy-parsetest: $(GP_TESTS)/parsetest.c $(GP_LIB)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	@$(CC) $(GP_CPPFLAGS) $(CFLAGS_ALL) $< -o $@ $(GP_LIB) $(LDFLAGS_ALL)

$(BUILD)/tests/test_parser: $(GP_TESTS)/test_parser.sh $(BUILD)/gilpy-parsetest
	@mkdir -p $(dir $@)
	@printf '#!/bin/sh\nexec sh %s %s\n' "$(CURDIR)/$<" \
	    "$(CURDIR)/$(BUILD)/gilpy-parsetest" > $@ && chmod +x $@

# The parser, tokenizer included, under libFuzzer (corpus: every test
# script); make fuzz-parser FUZZ_TIME=600 for a longer run.
$(BUILD)/fuzz/fuzz_parser: $(GP_TESTS)/fuzz_parser.c $(GP_SRC) $(GP_HDR)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	@$(FUZZ_CC) -std=c11 -D_GNU_SOURCE -Igilpy $(WARN) -g -O1 \
	    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	    $< $(GP_SRC) -o $@

fuzz-parser: $(BUILD)/fuzz/fuzz_parser
	@mkdir -p $(BUILD)/fuzz/corpus_parse
	@cp $(GP_TESTS)/corpus/*.py $(GP_TESTS)/errors/*.py gilpy/tests/py/*.py \
	    $(BUILD)/fuzz/corpus_parse/
	$< -max_total_time=$(FUZZ_TIME) -timeout=10 -max_len=4096 \
	    $(BUILD)/fuzz/corpus_parse

tok-expected:
	$(PYTHON311) $(GP_TESTS)/pytok.py --write $(GP_TESTS)/corpus/*.py

$(BUILD)/fuzz/fuzz_tokenizer: $(GP_TESTS)/fuzz_tokenizer.c $(GP_SRC) $(GP_HDR)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	@$(FUZZ_CC) -std=c11 -D_GNU_SOURCE -Igilpy $(WARN) -g -O1 \
	    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	    $< $(GP_SRC) -o $@

# The corpus grows in $(BUILD)/fuzz/corpus_tok from run to run.
fuzz-tokenizer: $(BUILD)/fuzz/fuzz_tokenizer
	@mkdir -p $(BUILD)/fuzz/corpus_tok
	@cp $(GP_TESTS)/corpus/*.py $(BUILD)/fuzz/corpus_tok/
	$< -max_total_time=$(FUZZ_TIME) -timeout=10 -max_len=4096 \
	    $(BUILD)/fuzz/corpus_tok
