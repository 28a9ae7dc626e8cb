# The executable book. `make` builds, verifies and renders it; `make test` is what CI runs.
#
#   make               set up, build, verify every snippet, render book/ and say where to look
#   make test          extract, build, verify every snippet, render book/, run the unit tests
#   make run CHAPTER=01   run one chapter's examples in the terminal (SOLUTIONS=1: and its exercises' solutions)
#   make bless         rerun the examples and rewrite the chapters' output blocks and figures
#   make book          render book/ from the chapters (runs nothing)
#   make tangle        regenerate Sources/Generated and Package.swift's chapter list
#   make browser-test  open every page of book/ in headless Chromium and check it (Tests/Browser)
#   make consumer      build and run Tests/Consumer, a package that uses the book's library

SWIFT   ?= swift
CONFIG  ?= debug
BUILD   := .build/$(CONFIG)
BOOK    := $(BUILD)/book
RUNNER  := $(BUILD)/BookExamples
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHAPTER ?=
# SOLUTIONS=1 makes `make run` run the exercises' solutions too. REQUIRE_SOLUTIONS=1 makes `make verify`
# fail on an exercise without a solution (a warning otherwise, until every chapter has its solutions).
SOLUTIONS ?=
REQUIRE_SOLUTIONS ?=

.PHONY: all setup tools tangle build verify verify-slow book test unit bless run clean bench train bless-slow runnable-check browser-test browser-check consumer

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
	$(SWIFT) build -c $(CONFIG) --product book

tangle: tools
	$(BOOK) tangle

build: tangle
	$(SWIFT) build -c $(CONFIG)

verify: build
	$(BOOK) verify --runner $(RUNNER) $(if $(REQUIRE_SOLUTIONS),--require-solutions)

verify-slow: build
	$(BOOK) verify --slow --runner $(RUNNER)

book: tangle
	$(BOOK) weave

unit: build
	$(SWIFT) test -c $(CONFIG)

# "copy runnable" in the HTML: every chapter's code, as one main.swift, must type-check.
runnable-check: build
	$(BOOK) runnable --check --build $(BUILD)

# The book in a real browser: headless Chromium (with the system chromedriver) opens every page and
# checks links, figures, formulas, search, the theme and copy buttons; tidy validates the HTML.
# Screenshots go to $$BOOK_SCREENSHOTS (default /tmp/book-screenshots).
browser-test: book
	python3 Tests/Browser/check_book.py --book book --tool $(BOOK)

# What `make test` runs: the browser test when Chromium, chromedriver and selenium are installed
# (CI installs them, and sets BOOK_REQUIRE_BROWSER=1 so that a missing one is an error there).
browser-check: book
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="chromium not installed (apt-get install chromium chromium-driver tidy)"; \
	[ -n "$$missing" ] || command -v chromedriver >/dev/null 2>&1 || missing="chromedriver not installed (apt-get install chromium-driver)"; \
	[ -n "$$missing" ] || python3 -c 'import selenium' 2>/dev/null || missing="selenium not installed (pip install selenium)"; \
	if [ -z "$$missing" ]; then $(MAKE) --no-print-directory browser-test; \
	elif [ -n "$$BOOK_REQUIRE_BROWSER" ]; then echo "browser test: $$missing" >&2; exit 1; \
	else echo "browser test skipped: $$missing"; fi

# A package that depends on this one by path and trains a network with the book's API
# (Tests/Consumer); its own scratch directory under .build keeps repeated runs warm.
consumer: tangle
	$(SWIFT) run -c $(CONFIG) --package-path Tests/Consumer --scratch-path .build/consumer SpiralClassifier

test: verify book unit runnable-check browser-check consumer

bless: build
	$(BOOK) bless --runner $(RUNNER) $(CHAPTER)
	$(BOOK) weave

run: build
	$(RUNNER) $(CHAPTER) $(if $(SOLUTIONS),--solutions)

clean:
	rm -rf .build

# The benchmark of chapter 9 (not a test: nothing here asserts a time). Runs the book's engine and,
# when PyTorch is installed (pip install torch==2.13.0+cpu), the same recipe in PyTorch, in one run.
bench: tangle
	$(SWIFT) build -c release --product BookBench
	@if python3 -c "import torch" 2>/dev/null; then \
	  echo "PyTorch: timing bench/torch_mlp.py (2 threads)..."; \
	  python3 bench/torch_mlp.py --threads 2 > .build/torch-bench.json; \
	else rm -f .build/torch-bench.json; fi
	.build/release/BookBench --torch .build/torch-bench.json --out bench/results.json

# The tutorial's recipe from the command line, with a progress bar (options: see Sources/train/main.swift).
TRAIN_ARGS ?=
train: tangle
	$(SWIFT) build -c release --product train
	.build/release/train $(TRAIN_ARGS)

# Rerun the examples marked slow (the 50-epoch record of chapter 11) and rewrite their outputs.
bless-slow: build
	$(BOOK) bless --slow --runner $(RUNNER) $(CHAPTER)
	$(BOOK) weave
