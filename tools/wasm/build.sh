#!/usr/bin/env bash
# Builds chapters' examples to WebAssembly with Embedded Swift, one module per chapter, from the same
# generated sources the native build uses (Sources/Generated), into .build/wasm/NN-slug.wasm:
#
#     tools/wasm/build.sh 01 02 ...     build these chapters (default: 01)
#     tools/wasm/build.sh --verify 01   and run `book verify` on them with tools/wasm/runner.js (Node)
#
# Needs: the toolchain's swiftc and wasm-ld, Debian's wasi-libc (malloc, stdio, libm), and for
# --verify Node and a built `book` (make tools). Each chapter module links, in order: RunnerProtocol,
# BookFormat, BookMath, Plot (rewritten by tools/wasm/embed_plot.py, with tools/wasm/Plot/FigureSink.swift
# for its Foundation one), the
# WebAssembly BookRuntime (tools/wasm/Runtime), the chapter libraries it imports, its examples, and a
# `book_run` export. EXPERIMENT: until the chapters drop Foundation themselves, the copies of their
# generated sources compiled here get `import BookFormat`, `import BookMath` and `import EmbeddedShims`
# (tools/wasm/Shims) for `import Foundation`, `format(` for `String(format: `, `BookMath.` for
# `Foundation.` (chapter 2 writes `Foundation.tanh(z)`), no `as NSString`, chapter 7's parameter
# `format` (which would hide the function) renamed `pattern`, and closures for key
# paths (`map(\.y)` becomes `map { $0.y }`); nothing under Sources/ or chapters/ is changed.
set -euo pipefail
cd "$(dirname "$0")/../.."

VERIFY=0
CHAPTERS=()
for argument in "$@"; do
  case "$argument" in
    --verify) VERIFY=1 ;;
    [0-9][0-9]) CHAPTERS+=("$argument") ;;
    *) echo "build.sh: '$argument' is neither --verify nor a two-digit chapter number (01 ... 08)" >&2; exit 64 ;;
  esac
done
[ ${#CHAPTERS[@]} -gt 0 ] || CHAPTERS=(01)

SYSROOT=${WASI_SYSROOT:-/usr/lib/wasm32-wasi}
if [ ! -f "$SYSROOT/libc.a" ]; then
  echo "build.sh: no wasi-libc in $SYSROOT (apt-get install wasi-libc, or set WASI_SYSROOT)" >&2
  exit 69
fi
# compiler-rt's builtins for wasm32 (__multi3: 128-bit products of 64-bit integers).
BUILTINS=${WASM_BUILTINS:-$(ls /usr/lib/llvm-*/lib/clang/*/lib/wasi/libclang_rt.builtins-wasm32.a 2>/dev/null | tail -1)}
if [ ! -f "$BUILTINS" ]; then
  echo "build.sh: no compiler-rt builtins for wasm32 (apt-get install libclang-rt-dev-wasm32, or set WASM_BUILTINS)" >&2
  exit 69
fi
SWIFTC=${SWIFTC:-swiftc}
TOOLCHAIN_BIN=$(dirname "$(readlink -f "$(command -v "$SWIFTC")")")
WASM_LD=${WASM_LD:-$TOOLCHAIN_BIN/wasm-ld}
EMBEDDED_LIB=$TOOLCHAIN_BIN/../lib/swift/embedded/wasm32-unknown-none-wasm

OUT=.build/wasm
MODULES=$OUT/modules
mkdir -p "$OUT" "$MODULES" "$OUT/obj" "$OUT/src"
# No stack protector: wasi-libc has no __stack_chk_guard (and linear memory has no return addresses).
FLAGS=(-target wasm32-unknown-none-wasm -enable-experimental-feature Embedded
       -enable-experimental-feature Extern -wmo -parse-as-library -O -Xfrontend -disable-stack-protector
       -I "$MODULES")

# compile NAME FILE... : one module, its object file and its .swiftmodule; skipped when the object is
# newer than its sources and than the modules they import.
compile() {
  local name=$1; shift
  local object="$OUT/obj/$name.o" inputs=("$@") imported
  for imported in $(sed -n 's/^import \([A-Za-z]*\)$/\1/p' "$@" | sort -u); do
    [ -f "$MODULES/$imported.swiftmodule" ] && inputs+=("$MODULES/$imported.swiftmodule")
  done
  if [ -f "$object" ] && [ -z "$(find "${inputs[@]}" -newer "$object" | head -1)" ]; then
    return 0
  fi
  "$SWIFTC" "${FLAGS[@]}" -module-name "$name" -emit-module -emit-module-path "$MODULES/$name.swiftmodule" \
    -c "$@" -o "$OUT/obj/$name.o"
}

# The chapter list: number, slug, title and examples function, from the generated runner.
MAIN=Sources/Generated/BookExamples/main.swift
chapter_field() {  # chapter_field NN FIELD
  local n=$((10#$1))
  sed -n "s/.*ChapterExamples(number: $n, slug: \"\([^\"]*\)\", path: \"\([^\"]*\)\", title: \"\([^\"]*\)\", run: \([A-Za-z]*\)).*/\1|\2|\3|\4/p" "$MAIN" \
    | cut -d'|' -f"$2"
}

# A chapter library's imports, in Package.swift's order (which is the chapters' order).
imports_of() {
  sed -n "s/.*(name: \"$1\", imports: \[\(.*\)\]).*/\1/p" Package.swift | tr -d '" ' | tr ',' ' '
}

# replace_if_changed NEW FILE: FILE gets NEW's content, keeping its time when nothing changed.
replace_if_changed() {
  if cmp -s "$1" "$2"; then rm "$1"; else mv "$1" "$2"; fi
}

# The experiment's transformation of generated sources (see the header).
transform() {  # transform MODULE
  mkdir -p "$OUT/src/$1"
  for file in Sources/Generated/"$1"/*.swift; do
    local copy="$OUT/src/$1/$(basename "$file")"
    {
      sed -E 's/\(\\\.([A-Za-z_.]+)\)/ { $0.\1 }/g' "$file" \
        | sed -e 's/^import Foundation$/import BookFormat\nimport BookMath\nimport EmbeddedShims/' -e 's/String(format: /format(/g' -e 's/Foundation\./BookMath./g' \
             -e 's/ as NSString//g' -e 's/_ format: String/_ pattern: String/' -e 's/format(format\b/format(pattern/g'
      # Types the chapter prints get EmbeddedShims' print (see tools/wasm/Shims/Printing.swift).
      sed -n 's/^\(public \)\{0,1\}\(struct\|class\|final class\|extension\) \([A-Za-z]*\)[^{]*CustomStringConvertible.*/extension \3: BookPrintable {}/p' "$file"
    } > "$copy.new"
    replace_if_changed "$copy.new" "$copy"
  done
}

compile RunnerProtocol Sources/RunnerProtocol/*.swift
compile BookFormat Sources/BookFormat/*.swift
compile BookMath Sources/BookMath/*.swift
compile EmbeddedShims tools/wasm/Shims/*.swift
rm -rf "$OUT/src/Plot.new"; mkdir -p "$OUT/src/Plot"
python3 tools/wasm/embed_plot.py Sources/Plot "$OUT/src/Plot.new"
for file in "$OUT/src/Plot.new"/*.swift; do replace_if_changed "$file" "$OUT/src/Plot/$(basename "$file")"; done
rm -rf "$OUT/src/Plot.new"
compile Plot "$OUT/src/Plot"/*.swift tools/wasm/Plot/FigureSink.swift
compile BookRuntime tools/wasm/Runtime/*.swift

declare -A BUILT=()
build_library() {  # build_library MODULE: the module and, first, the chapter libraries it imports
  local module=$1
  [ -n "${BUILT[$module]:-}" ] && return 0
  for dependency in $(imports_of "$module"); do build_library "$dependency"; done
  transform "$module"
  compile "$module" "$OUT/src/$module"/*.swift
  BUILT[$module]=1
}

# The objects a chapter links, dependencies first.
objects_of() {
  local module=$1
  for dependency in $(imports_of "$module"); do objects_of "$dependency"; done
  echo "$OUT/obj/$module.o"
}

for chapter in "${CHAPTERS[@]}"; do
  slug=$(chapter_field "$chapter" 1)
  [ -n "$slug" ] || { echo "build.sh: chapter $chapter is not in $MAIN" >&2; exit 65; }
  path=$(chapter_field "$chapter" 2); title=$(chapter_field "$chapter" 3); run=$(chapter_field "$chapter" 4)
  module=${run#run}; module=${module%Examples}
  echo "── $slug: library $module"
  build_library "$module"
  transform "${module}Examples"
  for file in "$OUT/src/${module}Examples"/*.swift; do
    python3 tools/wasm/hoist_types.py "$file" "$file.new" && replace_if_changed "$file.new" "$file"
  done
  compile "${module}Examples" "$OUT/src/${module}Examples"/*.swift
  cat > "$OUT/src/${module}Main.swift" <<SWIFT
import BookRuntime
import ${module}Examples

@_cdecl("book_run")
public func bookRun(_ markers: Int32, _ solutions: Int32) {
    ExampleRunner.run(ChapterExamples(path: "$path", title: "$title", run: $run),
                      markers: markers != 0, solutions: solutions != 0)
}
SWIFT
  compile "${module}Main" "$OUT/src/${module}Main.swift"
  objects=$( (for m in RunnerProtocol BookFormat BookMath EmbeddedShims Plot BookRuntime; do echo "$OUT/obj/$m.o"; done
              objects_of "$module"; echo "$OUT/obj/${module}Examples.o" "$OUT/obj/${module}Main.o") | awk '!seen[$0]++')
  # shellcheck disable=SC2086
  "$WASM_LD" --no-entry --export=book_run --export=_initialize --gc-sections --strip-debug \
    "$SYSROOT/crt1-reactor.o" $objects "$EMBEDDED_LIB/libswiftUnicodeDataTables.a" "$SYSROOT/libc.a" "$BUILTINS" \
    -o "$OUT/$slug.wasm"
  echo "   $OUT/$slug.wasm: $(stat -c %s "$OUT/$slug.wasm") bytes"
done

if [ "$VERIFY" = 1 ]; then
  for chapter in "${CHAPTERS[@]}"; do
    .build/debug/book verify --runner tools/wasm/runner.js "$(chapter_field "$chapter" 1)"
    if command -v chromium >/dev/null && python3 -c 'import selenium' 2>/dev/null; then
      tools/wasm/page-probe.sh "$(chapter_field "$chapter" 1)"
    else
      echo "build.sh: Chromium or selenium missing: the page run is skipped"
    fi
  done
fi
