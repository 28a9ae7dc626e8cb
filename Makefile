# The executable book. `make` builds, verifies and renders it; `make test` is what CI runs.
#
#   make               set up, build, verify every snippet, render book/ and say where to look
#   make test          extract, build, verify every snippet, render book/, run the unit tests
#   make run CHAPTER=01   run one chapter's examples in the terminal
#   make bless         rerun the examples and rewrite the chapters' output blocks and figures
#   make book          render book/ from the chapters (runs nothing)
#   make tangle        regenerate Sources/Generated and Package.swift's chapter list

SWIFT   ?= swift
CONFIG  ?= debug
BUILD   := .build/$(CONFIG)
BOOK    := $(BUILD)/book
RUNNER  := $(BUILD)/BookExamples
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHAPTER ?=

.PHONY: all setup tools tangle build verify verify-slow book test unit bless run clean bench train bless-slow

all: verify book
	@echo
	@echo "The book is ready: open file://$(CURDIR)/book/index.html in a browser (it works offline)."
	@echo "Run a chapter's examples in the terminal:   make run CHAPTER=01   (chapters: make run)"
	@echo "Run the tests:                              make test"

# Debian packages the build needs: libcmark (the Markdown parser) and pkg-config to find it.
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
	$(BOOK) verify --runner $(RUNNER)

verify-slow: build
	$(BOOK) verify --slow --runner $(RUNNER)

book: tangle
	$(BOOK) weave

unit: build
	$(SWIFT) test -c $(CONFIG)

test: verify book unit

bless: build
	$(BOOK) bless --runner $(RUNNER) $(CHAPTER)
	$(BOOK) weave

run: build
	$(RUNNER) $(CHAPTER)

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
