#!/usr/bin/env bash
# `make book`'s weave: runs `BOOK weave` (BOOK: the built `book` tool) unless no file it reads or wrote
# changed since its last complete run, which is the common case of a `make test` with only code changed.
#
#     tools/weave.sh .build/debug/book
#
# What the weave reads: chapters/ (the chapters and their committed figures), theme/, the Run button's
# chapter list (tools/wasm/page-chapters), the `book` binary and the shared libraries it loads (libcmark
# parses the chapters). What it wrote: book/. Each is listed with its size and time; the weave is
# skipped when the listing is the one its last complete run left. Anything else (an edited, added or
# deleted file in any of them, a file with an older time, another binary) runs it; the weave itself then
# rewrites only the files whose contents differ. The inputs are listed before the weave and book/ after
# it, so a chapter edited while the weave runs makes the next run weave again.
set -euo pipefail
cd "$(dirname "$0")/.."
BOOK=${1:?usage: tools/weave.sh BOOK (the built book tool, e.g. .build/debug/book)}
[ -x "$BOOK" ] || { echo "tools/weave.sh: $BOOK is not an executable (make tools builds it)" >&2; exit 64; }
LAST_RUN=.build/weave-last-run
# shellcheck source=tools/last-run.sh
. tools/last-run.sh

list_inputs() {
  # shellcheck disable=SC2046
  list_files chapters theme tools/wasm/page-chapters "$BOOK" $(ldd "$BOOK" 2>/dev/null | sed -n 's/.*=> \(\/[^ ]*\).*/\1/p')
}

INPUTS=$(list_inputs)
if unchanged_since_last_run "$LAST_RUN" "$INPUTS" "$(list_files book)"; then
  echo "weave: book/ is up to date (no file the weave reads or wrote changed since its last run)"
  exit 0
fi
rm -f "$LAST_RUN"
"$BOOK" weave
record_run "$LAST_RUN" "$INPUTS" "$(list_files book)"
