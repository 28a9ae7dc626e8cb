# Sourced by tools/weave.sh and tools/wasm/build.sh: skipping a step when no file it reads or wrote
# changed since its last complete run. A listing names each file with its size and modification time;
# the step's last complete run leaves its inputs' listing (taken before it ran, so that a file edited
# while it runs makes the next run a full one) and its outputs' listing (taken after) in one file.

# list_files PATH...: the listing of these files and of everything under these directories, sorted
# (symbolic links followed; a missing path is left out).
list_files() {
  find -L "$@" -printf '%p %s %T@\n' 2>/dev/null | sort || true
}

# unchanged_since_last_run RECORD INPUTS OUTPUTS: RECORD holds exactly these two listings.
unchanged_since_last_run() {
  [ -f "$1" ] && printf '%s\n' "$2" "$3" | cmp -s - "$1"
}

# record_run RECORD INPUTS OUTPUTS: writes the two listings to RECORD (atomically: a new file renamed).
record_run() {
  mkdir -p "$(dirname "$1")"
  printf '%s\n' "$2" "$3" > "$1.new"
  mv "$1.new" "$1"
}
