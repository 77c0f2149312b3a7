# Praxis - build, run, test, benchmark, install.
#
#   make run      build and start the REPL on the bundled corpus
#   make check    build and pass every test (also under ASan+UBSan and valgrind);
#                 make check-unit, -layout, -portable, -lua, -cli, -repl, -corpora, -asan,
#                 -valgrind run one stage
#   make bench    the benchmarks (import speed and memory)
#   make install  PREFIX=/usr/local DESTDIR=
#
# Missing Debian packages are installed first (apt-get as root, sudo
# otherwise), saying what is done.

CC       ?= gcc
PREFIX   ?= /usr/local
DESTDIR  ?=
PYTHON   ?= /usr/bin/python3
BUILD    := build
PKGS     := lua5.4 libxml-2.0 libutf8proc readline igraph
# Debian packages: libraries, then the tools the tests use
DEB_LIBS := liblua5.4-dev libxml2-dev libutf8proc-dev libreadline-dev libigraph-dev libstemmer-dev pkg-config
DEB_TEST := lua5.4 libxml2-utils valgrind tmux clang-14 libclang-rt-14-dev \
            python3 python3-lxml python3-networkx python3-igraph librsvg2-bin
DEPS_STAMP := $(BUILD)/.deps-ok

CSTD     := -std=c11 -D_DEFAULT_SOURCE
WARN     := -Wall -Wextra -Werror
OPT      ?= -O2 -g
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# libstemmer (Snowball) has no pkg-config file
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lm
CFLAGS_ALL = $(CSTD) $(WARN) $(OPT) $(PKG_CFLAGS) -Icore -Ilua/bind $(CFLAGS)
# only the host sees its own headers: a binding file that includes one of
# them does not compile (lua/bind knows nothing of lua/host)
HOST_INC  := -Ilua/host

CORE_SRC := $(wildcard core/*.c)
BIND_SRC := $(wildcard lua/bind/*.c)
HOST_SRC := $(wildcard lua/host/*.c) $(BIND_SRC)
CORE_OBJ := $(CORE_SRC:%.c=$(BUILD)/%.o)
HOST_OBJ := $(HOST_SRC:%.c=$(BUILD)/%.o)
HEADERS  := $(wildcard core/*.h lua/bind/*.h lua/host/*.h)
UNIT_SRC := $(wildcard tests/unit/*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/unit/%)

ifeq ($(BUILD),build/asan)
.PHONY: units
endif

.PHONY: doc
.PHONY: readme all run check bench install uninstall clean deps portable asan \
        check-unit check-layout check-portable check-lua check-cli check-repl check-corpora \
        check-asan check-valgrind

BIN ?= praxis

all: $(DEPS_STAMP) $(BIN)

# ---- dependencies -------------------------------------------------------
$(DEPS_STAMP): tools/deps.sh Makefile
	@sh tools/deps.sh "$(DEB_LIBS) $(DEB_TEST)"
	@mkdir -p $(BUILD) && touch $@

deps:
	@sh tools/deps.sh "$(DEB_LIBS) $(DEB_TEST)"

# ---- build --------------------------------------------------------------
$(BUILD)/%.o: %.c $(HEADERS) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -c $< -o $@

$(BUILD)/lua/host/%.o: lua/host/%.c $(HEADERS) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(HOST_INC) -c $< -o $@

$(BUILD)/libpraxis.a: $(CORE_OBJ)
	ar rcs $@ $^

LUALIB  := $(sort $(wildcard lua/lib/*.lua)) $(sort $(wildcard lua/meta/*.lua))

$(BUILD)/gen/embed.c: $(LUALIB) tools/embed.sh
	@mkdir -p $(dir $@)
	sh tools/embed.sh $@ $(LUALIB)

$(BUILD)/gen/embed.o: $(BUILD)/gen/embed.c
	$(CC) $(CFLAGS_ALL) -c $< -o $@

$(BUILD)/lua/host/main.o $(BUILD)/lua/host/run.o: CFLAGS += -DPX_SHARE_DIR='"$(PREFIX)/share/praxis"'

$(BIN): $(HOST_OBJ) $(BUILD)/gen/embed.o $(BUILD)/libpraxis.a
	$(CC) $(OPT) -o $@ $(HOST_OBJ) $(BUILD)/gen/embed.o $(BUILD)/libpraxis.a $(PKG_LIBS) $(LDFLAGS)

$(BUILD)/unit/%: tests/unit/%.c tests/unit/unit.h $(BUILD)/libpraxis.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Itests/unit -o $@ $< $(BUILD)/libpraxis.a $(PKG_LIBS)

# the bindings' own test: the binding files and the core, without the host
BIND_OBJ := $(BIND_SRC:%.c=$(BUILD)/%.o)
$(BUILD)/unit/bind: tests/unit/bind.c tests/unit/unit.h $(BIND_OBJ) $(BUILD)/libpraxis.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Itests/unit -o $@ $< $(BIND_OBJ) $(BUILD)/libpraxis.a $(PKG_LIBS)

# the same under AddressSanitizer + UndefinedBehaviorSanitizer, built with
# clang, whose UBSan also stops at arithmetic on a null pointer and at
# unsequenced side effects (gcc's lets both pass)
SAN := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
ASAN_CC ?= clang-14
asan:
	@$(MAKE) --no-print-directory BUILD=build/asan BIN=build/asan/praxis CC=$(ASAN_CC) \
	    OPT="-O1 -g $(SAN)" LDFLAGS="$(SAN)" build/asan/praxis units

units: $(UNIT_BIN)

# the word scanner without SSE2, as on machines that lack it (make check)
portable:
	@$(MAKE) --no-print-directory BUILD=build/portable OPT="-O1 -g -DPX_NO_SIMD" \
	    build/portable/unit/text build/portable/unit/utterances

# ---- run ----------------------------------------------------------------
run: all
	./praxis

# ---- tests --------------------------------------------------------------
# make check runs every stage of tools/check.sh and names them in its
# summary, with every skipped test; make check-STAGE runs one of them.
check: all $(UNIT_BIN)
	@sh tools/check.sh

check-unit: $(UNIT_BIN)
	@sh tools/check.sh unit

check-layout: all
	@sh tools/check.sh layout

check-portable: all
	@sh tools/check.sh portable

check-lua: all
	@sh tools/check.sh lua

check-cli: all
	@sh tools/check.sh cli

check-repl: all
	@sh tools/check.sh repl

check-corpora: all
	@sh tools/check.sh corpora

check-asan: all
	@sh tools/check.sh asan

check-valgrind: all
	@sh tools/check.sh valgrind

# ---- benchmarks ---------------------------------------------------------
# every part runs; the exit status says whether every target held
bench: all
	@rc=0; tests/bench/run.sh ./praxis || rc=1; \
	 tests/bench/graph.sh ./praxis || rc=1; \
	 if [ $$rc -ne 0 ]; then echo "make bench: a target above was not met"; fi; exit $$rc

# ---- fuzzing: make fuzz FUZZ_SECONDS=N (tests/fuzz/README.md) -----------
FUZZ_SECONDS ?= 60
FUZZ_ARGS    ?=
FUZZ_CC      := clang-14
FUZZ_DIR     := build/fuzz
FUZZ_PKGS    := libxml-2.0 libutf8proc igraph
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS   = $(CSTD) -Wall -Wextra -O1 -g $(FUZZ_SAN) \
                $(shell pkg-config --cflags $(FUZZ_PKGS) 2>/dev/null) -Icore
FUZZ_LIBS     = $(shell pkg-config --libs $(FUZZ_PKGS) 2>/dev/null) -lstemmer -lm
FUZZ_OBJ     := $(CORE_SRC:%.c=$(FUZZ_DIR)/%.o)
.PHONY: fuzz

$(FUZZ_DIR)/core/%.o: core/%.c $(HEADERS) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

$(FUZZ_DIR)/tei_fuzz: tests/fuzz/tei_fuzz.c $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJ) $(FUZZ_LIBS)

fuzz: $(FUZZ_DIR)/tei_fuzz
	@sh tests/fuzz/seeds.sh $(FUZZ_DIR)/seeds
	@mkdir -p $(FUZZ_DIR)/corpus $(FUZZ_DIR)/artifacts
	$(FUZZ_DIR)/tei_fuzz -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
	    -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	    -dict=tests/fuzz/tei.dict -artifact_prefix=$(FUZZ_DIR)/artifacts/ \
	    $(FUZZ_ARGS) $(FUZZ_DIR)/corpus $(FUZZ_DIR)/seeds

# ---- install ------------------------------------------------------------
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/praxis
	install -m 755 praxis $(DESTDIR)$(PREFIX)/bin/praxis
	cp -R corpora $(DESTDIR)$(PREFIX)/share/praxis/
	if [ -d scripts ]; then cp -R scripts $(DESTDIR)$(PREFIX)/share/praxis/; fi

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/praxis
	rm -rf $(DESTDIR)$(PREFIX)/share/praxis

clean:
	rm -rf $(BUILD) praxis

readme: all
	sh tools/readme.sh ./praxis

# docs/api.md and the reference in docs/manual.md, from lua/meta/*.lua
doc: all
	./praxis run --trust tools/gendoc.lua
