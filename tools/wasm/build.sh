#!/usr/bin/env bash
# Builds chapters' examples to WebAssembly with Embedded Swift, one module per chapter, from the same
# generated sources the native build uses (Sources/Generated, compiled as they are), into
# .build/wasm/NN-slug.wasm:
#
#     tools/wasm/build.sh 01 02 ...       build these chapters (default: the chapters in tools/wasm/page-chapters)
#     tools/wasm/build.sh --page 01 ...   and write book/wasm/NN-slug.js, the module as base64 for the Run button
#     tools/wasm/build.sh --verify 01     and run `book verify` on them with tools/wasm/runner.js (Node)
#
# Needs: the toolchain's swiftc and wasm-ld, Debian's wasi-libc (malloc, stdio, libm) and
# libclang-rt-dev-wasm32 (compiler-rt's builtins), and for --verify Node and a built `book` (make tools).
# Each chapter module links, in order: RunnerProtocol, BookFormat, BookMath, EmbeddedShims (the page's
# `print(a, b)` and `"\(array)"`, which Embedded Swift lacks: tools/wasm/Shims, imported implicitly into
# the chapters' modules), ExampleChecks (the page's `precondition`, imported implicitly into the
# examples modules: tools/wasm/Checks), Plot (Sources/Plot as it is, with tools/wasm/Plot/FigureSink.swift
# for its Foundation one), BookRuntime (its ExampleRunner.swift, with tools/wasm/Runtime for the page's
# entry instead of the native command line), the chapter libraries it
# imports, its examples, and a `book_run` export. Every step is skipped when its output is newer than
# its inputs; a run when no file changed since the last one only lists the files (LAST_RUN below).
set -euo pipefail
cd "$(dirname "$0")/../.."

VERIFY=0
PAGE=0
CHAPTERS=()
for argument in "$@"; do
  case "$argument" in
    --verify) VERIFY=1 ;;
    --page) PAGE=1 ;;
    [0-9][0-9]) CHAPTERS+=("$argument") ;;
    *) echo "build.sh: '$argument' is neither --verify, --page nor a two-digit chapter number (01 ... 08)" >&2; exit 64 ;;
  esac
done
# The chapters whose modules build and whose pages get a Run button (the weave reads the same file).
[ ${#CHAPTERS[@]} -gt 0 ] || read -r -a CHAPTERS <<< "$(grep -o '^[0-9][0-9]' tools/wasm/page-chapters | tr '\n' ' ')"

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
if [ ! -x "$WASM_LD" ] || [ ! -d "$EMBEDDED_LIB" ]; then
  echo "build.sh: this Swift toolchain ($TOOLCHAIN_BIN) has no wasm-ld or no Embedded Swift library for wasm32" >&2
  exit 69
fi

OUT=.build/wasm
MODULES=$OUT/modules
mkdir -p "$OUT" "$MODULES" "$OUT/obj" "$OUT/src"
# No stack protector: wasi-libc has no __stack_chk_guard (and linear memory has no return addresses).
# -Xcc -msimd128: WebAssembly's 128-bit SIMD (four floats at a time) for loops LLVM vectorizes, such as
# chapter 3's `addScaled` (Chromium and Node have had it since 2021); it reaches Swift's code generation
# through the Clang importer's target options (-Xllvm -mattr=+simd128 does not).
FLAGS=(-target wasm32-unknown-none-wasm -enable-experimental-feature Embedded
       -enable-experimental-feature Extern -wmo -parse-as-library -O -Xfrontend -disable-stack-protector
       -Xcc -msimd128 -I "$MODULES")

# Nothing to do when no file changed since the last complete run with the same arguments and flags:
# every file it reads (the sources, this directory, the manifest, the toolchain and the libraries) and
# every file it wrote (.build/wasm, book/wasm) is listed with its size and time, and the listing is
# the same as the one that run left. Anything else (an edited, added, removed or deleted file, a file
# with an older time, other chapters, other flags) makes a full run, whose steps compare file times.
# The inputs are listed before a run builds and the outputs after it, so that a file edited while a
# build runs makes the next run a full one too.
LAST_RUN=.build/wasm-last-run
# shellcheck source=tools/last-run.sh
. tools/last-run.sh
list_inputs() {
  printf '%s\n' "chapters: ${CHAPTERS[*]}" "page: $PAGE" "swiftc: $SWIFTC" "flags: ${FLAGS[*]}"
  list_files tools/wasm Package.swift Sources/RunnerProtocol Sources/BookFormat Sources/BookMath Sources/Plot \
    Sources/BookRuntime Sources/Generated "$TOOLCHAIN_BIN/swift-frontend" "$TOOLCHAIN_BIN/swift-driver" "$WASM_LD" \
    "$EMBEDDED_LIB" "$SYSROOT/libc.a" "$SYSROOT/crt1-reactor.o" "$BUILTINS"
}
INPUTS=$(list_inputs)
if [ "$VERIFY" = 0 ] && unchanged_since_last_run "$LAST_RUN" "$INPUTS" "$(list_files "$OUT" book/wasm)"; then
  echo "── chapters ${CHAPTERS[*]}: the modules are up to date (no file changed since they were built)"
  exit 0
fi
rm -f "$LAST_RUN"

# The objects were compiled with other flags (or another compiler): compile everything again (the
# steps below compare only file times).
STAMP="$OUT/flags"
printf '%s\n' "$("$SWIFTC" --version 2>&1 | head -1)" "${FLAGS[@]}" > "$STAMP.new"
if ! cmp -s "$STAMP.new" "$STAMP"; then
  rm -f "$OUT"/obj/*.o "$MODULES"/*.swiftmodule
  mv "$STAMP.new" "$STAMP"
else
  rm "$STAMP.new"
fi
# The chapters' modules see EmbeddedShims without importing it (their code is the native build's);
# their examples modules see ExampleChecks too (the page's `precondition`, which reports a failed
# hidden check to the host instead of trapping: tools/wasm/Checks).
SHIMMED=(-Xfrontend -import-module -Xfrontend EmbeddedShims)
CHECKED=("${SHIMMED[@]}" -Xfrontend -import-module -Xfrontend ExampleChecks)

# compile NAME [FLAG...] -- FILE... : one module, its object file and its .swiftmodule; skipped when the
# object is newer than its sources and than the modules they import.
compile() {
  local name=$1; shift
  local extra=()
  while [ "$1" != "--" ]; do extra+=("$1"); shift; done
  shift
  local object="$OUT/obj/$name.o" inputs=("$@") imported
  # The modules it imports: in its sources, and implicitly (-import-module NAME in its flags).
  for imported in $(sed -n 's/^import \([A-Za-z]*\)$/\1/p' "$@" | sort -u) \
                  $(printf '%s\n' ${extra[@]+"${extra[@]}"} | grep -A2 -x -- -import-module | grep -v -e '^-' | sort -u); do
    [ -f "$MODULES/$imported.swiftmodule" ] && inputs+=("$MODULES/$imported.swiftmodule")
  done
  if [ -f "$object" ] && [ -z "$(find "${inputs[@]}" -newer "$object" | head -1)" ]; then
    return 0
  fi
  echo "   compiling $name"
  "$SWIFTC" "${FLAGS[@]}" ${extra[@]+"${extra[@]}"} -module-name "$name" \
    -emit-module -emit-module-path "$MODULES/$name.swiftmodule" -c "$@" -o "$OUT/obj/$name.o"
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
  if cmp -s "$1" "$2" 2>/dev/null; then rm "$1"; else mv "$1" "$2"; fi
}

# printable MODULE: a file for the module that makes the types it prints (CustomStringConvertible
# ones) EmbeddedShims.BookPrintable, which the shim's `print(a, b)` takes; not a copy of any code.
printable() {
  local file="$OUT/src/$1-Printable.swift"
  sed -n 's/^\(public \)\{0,1\}\(struct\|class\|final class\|extension\) \([A-Za-z]*\)[^{]*CustomStringConvertible.*/extension \3: EmbeddedShims.BookPrintable {}/p' \
    Sources/Generated/"$1"/*.swift | sort -u > "$file.new"
  replace_if_changed "$file.new" "$file"
  echo "$file"
}

compile RunnerProtocol -- Sources/RunnerProtocol/*.swift
compile BookFormat -- Sources/BookFormat/*.swift
compile BookMath -- Sources/BookMath/*.swift
compile EmbeddedShims -- tools/wasm/Shims/*.swift
compile ExampleChecks -- tools/wasm/Checks/*.swift
# Plot as it is, but for its FigureSink.swift (Foundation: it writes files), which the page replaces.
mapfile -t PLOT < <(ls Sources/Plot/*.swift | grep -v '/FigureSink\.swift$')
compile Plot -- "${PLOT[@]}" tools/wasm/Plot/FigureSink.swift
compile BookRuntime -- Sources/BookRuntime/ExampleRunner.swift tools/wasm/Runtime/*.swift

declare -A BUILT=()
build_library() {  # build_library MODULE: the module and, first, the chapter libraries it imports
  local module=$1
  [ -n "${BUILT[$module]:-}" ] && return 0
  for dependency in $(imports_of "$module"); do build_library "$dependency"; done
  compile "$module" "${SHIMMED[@]}" -- Sources/Generated/"$module"/*.swift "$(printable "$module")"
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
  compile "${module}Examples" "${CHECKED[@]}" -- Sources/Generated/"${module}Examples"/*.swift \
    "$(printable "${module}Examples")"
  cat > "$OUT/src/${module}Main.swift.new" <<SWIFT
import BookRuntime
import Perceptron
import ${module}Examples

/// Runs the chapter's examples; \`seed\` is the reader's seed (chapter 1's SplitMix64.readerSeed, 0 for
/// the book's seeds), as an unsigned 32-bit number.
@_cdecl("book_run")
public func bookRun(_ markers: Int32, _ solutions: Int32, _ seed: Int32) {
    SplitMix64.readerSeed = UInt64(UInt32(bitPattern: seed))
    ExampleRunner.runInPage(ChapterExamples(number: $((10#$chapter)), slug: "$slug", path: "$path", title: "$title", run: $run),
                            markers: markers != 0, solutions: solutions != 0)
}
SWIFT
  replace_if_changed "$OUT/src/${module}Main.swift.new" "$OUT/src/${module}Main.swift"
  compile "${module}Main" -- "$OUT/src/${module}Main.swift"
  objects=$( (for m in RunnerProtocol BookFormat BookMath EmbeddedShims ExampleChecks Plot BookRuntime; do echo "$OUT/obj/$m.o"; done
              objects_of "$module"; echo "$OUT/obj/${module}Examples.o" "$OUT/obj/${module}Main.o") | awk '!seen[$0]++')
  wasm="$OUT/$slug.wasm"
  # shellcheck disable=SC2086
  if [ ! -f "$wasm" ] || [ -n "$(find $objects -newer "$wasm" | head -1)" ]; then
    "$WASM_LD" --no-entry --export=book_run --export=_initialize --gc-sections --strip-debug \
      "$SYSROOT/crt1-reactor.o" $objects "$EMBEDDED_LIB/libswiftUnicodeDataTables.a" "$SYSROOT/libc.a" "$BUILTINS" \
      -o "$wasm.tmp"
    mv "$wasm.tmp" "$wasm"
  fi
  echo "   $wasm: $(stat -c %s "$wasm") bytes"
  if [ "$PAGE" = 1 ]; then
    # The Run button's copy: a script that adds the module, as base64, to `self.bookModules` (a page
    # opened from file:// may not fetch a .wasm file, but it may add a script).
    script="book/wasm/$slug.js"
    if [ ! -f "$script" ] || [ "$wasm" -nt "$script" ]; then
      mkdir -p book/wasm
      { printf '(self.bookModules = self.bookModules || {})["%s"] =\n"' "$slug"; base64 -w0 "$wasm"; printf '";\n'; } > "$script.tmp"
      mv "$script.tmp" "$script"
    fi
    echo "   $script: $(stat -c %s "$script") bytes"
  fi
done

record_run "$LAST_RUN" "$INPUTS" "$(list_files "$OUT" book/wasm)"

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
