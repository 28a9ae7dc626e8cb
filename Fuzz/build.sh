#!/usr/bin/env bash
# Builds the libFuzzer targets of `make fuzz` into .build/fuzz/ (Linux, Swift 6 toolchain):
#
#   chapter     the chapter parser and info strings   (Sources/BookSource: Chapter, Markdown, InfoString, Diagnostics)
#   math        the TeX-to-MathML converter            (Sources/BookWeave: TeX, MathExtraction, Highlight's escapeHTML)
#   idx         chapter 10's IDX and gzip reader       (the MNIST module, Sources/Generated/MNIST)
#   checkpoint  chapter 11's checkpoint reader         (the Classifier module, Sources/Generated/Classifier)
#
# Every source is compiled with `-sanitize=fuzzer,address` (coverage for libFuzzer, AddressSanitizer),
# so a chapter module is rebuilt here from Sources/Generated rather than taken from SwiftPM's build;
# the tool sources are compiled by their paths into one module with the harness.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=.build/fuzz
MODULES=$OUT/modules
mkdir -p "$MODULES"
SWIFTC=${SWIFTC:-swiftc}
FLAGS=(-sanitize=fuzzer,address -parse-as-library -O -I "$MODULES" -I Sources/CCmark -I Sources/CZlib)
targets=${*:-chapter math idx checkpoint}

# One library module from its sources: $MODULES/<name>.swiftmodule and <name>.o.
module() {
    local name=$1; shift
    "$SWIFTC" "${FLAGS[@]}" -wmo -module-name "$name" -emit-module -emit-module-path "$MODULES/$name.swiftmodule" \
        -c "$@" -o "$MODULES/$name.o" 2> >(grep -v 'warning: .*will never be executed' >&2)
}

# The chapter modules up to `last`, in the order Package.swift lists them (each imports only earlier ones).
chapters_up_to() {
    local last=$1
    [ -f "$MODULES/BookSupport.o" ] || module BookSupport Sources/BookSupport/*.swift   # Plot's file writes
    [ -f "$MODULES/Plot.o" ] || module Plot Sources/Plot/*.swift
    for name in $(sed -n '/BEGIN GENERATED CHAPTERS/,/END GENERATED CHAPTERS/s/.*(name: "\([A-Za-z0-9_]*\)".*/\1/p' Package.swift); do
        [ -f "$MODULES/$name.o" ] && [ "$MODULES/$name.o" -nt "Sources/Generated/$name/$name.swift" ] || module "$name" "Sources/Generated/$name/$name.swift"
        [ "$name" = "$last" ] && return 0
    done
    echo "no chapter module $last in Package.swift" >&2; return 1
}

chapter_objects() { ls "$MODULES"/*.o | grep -v '/BookSource.o$\|/SwiftLexer.o$'; }

for target in $targets; do
    echo "building $OUT/$target"
    case $target in
    chapter)
        "$SWIFTC" "${FLAGS[@]}" -module-name ChapterFuzz Fuzz/ChapterFuzz.swift \
            Sources/BookSource/Chapter.swift Sources/BookSource/Markdown.swift Sources/BookSource/InfoString.swift \
            Sources/BookSource/Diagnostics.swift -lcmark -o "$OUT/chapter" ;;
    math)
        [ -f "$MODULES/SwiftLexer.o" ] || module SwiftLexer Sources/SwiftLexer/*.swift
        module BookSource Sources/BookSource/*.swift
        "$SWIFTC" "${FLAGS[@]}" -module-name MathFuzz Fuzz/MathFuzz.swift \
            Sources/BookWeave/TeX.swift Sources/BookWeave/MathExtraction.swift Sources/BookWeave/Placeholders.swift Sources/BookWeave/Highlight.swift \
            "$MODULES/SwiftLexer.o" "$MODULES/BookSource.o" -lcmark -o "$OUT/math" ;;
    idx)
        chapters_up_to MNIST
        "$SWIFTC" "${FLAGS[@]}" -module-name IDXFuzz Fuzz/IDXFuzz.swift $(chapter_objects) -lz -o "$OUT/idx" ;;
    checkpoint)
        chapters_up_to Classifier
        "$SWIFTC" "${FLAGS[@]}" -module-name CheckpointFuzz Fuzz/CheckpointFuzz.swift $(chapter_objects) -lz -o "$OUT/checkpoint" ;;
    *) echo "unknown fuzz target $target (chapter, math, idx, checkpoint)" >&2; exit 2 ;;
    esac
done
